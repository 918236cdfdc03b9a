package ui

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"sodoan/domain"

	"fyne.io/fyne/v2/test"

	"sodoan/sheet"
	"sodoan/store"
)

// The 100,000-row member list, exported once from the demo register.
var (
	bigSheetOnce sync.Once
	bigSheet     string
	bigSheetErr  error
)

func bigMemberSheet(b *testing.B) string {
	b.Helper()
	src := bigRegister(b)
	bigSheetOnce.Do(func() {
		bigSheet = filepath.Join(bigDir, "100k.xlsx")
		_, bigSheetErr = sheet.ExportMembersFile(context.Background(), src, store.MemberFilter{}, src.Output(bigSheet, false), sheet.ExportOptions{})
	})
	if bigSheetErr != nil {
		b.Fatal(bigSheetErr)
	}
	return bigSheet
}

// windowRegister opens a new register as cmd/sodoan opens it (created,
// held exclusively), with its unit and one member, so that the import
// takes its backup as it does in a ward's register.
func windowRegister(b *testing.B) *store.Store {
	b.Helper()
	st, err := store.OpenWith(filepath.Join(b.TempDir(), "so.db"), store.OpenOptions{Create: true, Exclusive: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if err := st.SaveUnit(ctx, domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: "BCH Đoàn Phường 1", Place: "Phường 1", SecretaryName: "Nguyễn Văn Bí"}); err != nil {
		b.Fatal(err)
	}
	p := &domain.Person{FamilyName: "Nguyễn", MiddleName: "Văn", GivenName: "Có", Gender: domain.Male,
		BirthDate: domain.MustDate(2000, 1, 2), UnionMember: true, AdmissionDate: domain.MustDate(2016, 3, 26)}
	if err := st.SavePerson(ctx, p); err != nil {
		b.Fatal(err)
	}
	return st
}

// waitLong runs posted UI updates until cond holds; an import of 100,000
// rows on a loaded machine outlasts waitFor's deadline.
func (q *uiQueue) waitLong(b *testing.B, what string, cond func() bool) {
	b.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			b.Fatalf("timed out waiting for %s", what)
		}
		select {
		case fn := <-q.ch:
			fn()
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// phases reports the wall and processor seconds of a benchmark's read
// and import steps, summed over its iterations.
type phases struct{ readWall, readCPU, impWall, impCPU time.Duration }

func (p *phases) timed(wall, cpu *time.Duration, fn func()) {
	t0, c0 := time.Now(), processCPU()
	fn()
	*wall += time.Since(t0)
	*cpu += processCPU() - c0
}

func (p *phases) report(b *testing.B) {
	n := float64(b.N)
	b.ReportMetric(p.readWall.Seconds()/n, "read-s/op")
	b.ReportMetric(p.readCPU.Seconds()/n, "read-cpu-s/op")
	b.ReportMetric(p.impWall.Seconds()/n, "import-s/op")
	b.ReportMetric(p.impCPU.Seconds()/n, "import-cpu-s/op")
}

// BenchmarkImport100k reads a 100,000-row .xlsx and imports it into a
// register opened as the window opens it: "window" drives the importer
// as the user does (drop, preview, Nhập N người, until the result), on
// the members screen; "direct" calls sheet.Read and Preview.Import, as
// the command line does. Run with -benchtime 1x or 2x.
//
// In the test app the two cost the same (2 cores, 100,000 rows: about
// 2.2 s to read, 5 s and 5 processor seconds to import): the window's
// extra cost was in the real driver, where the endless progress bar the
// import used to show redrew the whole window every frame (measured under
// Xvfb; see elapsed in import.go).
func BenchmarkImport100k(b *testing.B) {
	path := bigMemberSheet(b)
	ctx := context.Background()
	b.Run("window", func(b *testing.B) {
		fa := test.NewTempApp(b)
		var p phases
		for b.Loop() {
			b.StopTimer()
			st := windowRegister(b)
			q := newUIQueue()
			a, m := openMembers(b, fa, st, q)
			b.StartTimer()
			p.timed(&p.readWall, &p.readCPU, func() {
				a.imports.start(path)
				q.waitLong(b, "the preview", func() bool { return a.imports.last != nil && a.imports.last.preview != nil })
			})
			im := a.imports.last
			if im.branches != nil {
				im.branches.SetChecked(true)
			}
			p.timed(&p.impWall, &p.impCPU, func() {
				test.Tap(im.importBtn)
				q.waitLong(b, "the import", func() bool { return im.result != nil })
			})
			b.StopTimer()
			if im.result.Added < 99000 {
				b.Fatalf("added %d", im.result.Added)
			}
			q.waitLong(b, "loads in flight", m.busy.idle)
			q.drain()
			a.win.Close()
			b.StartTimer()
		}
		p.report(b)
	})
	b.Run("direct", func(b *testing.B) {
		var p phases
		for b.Loop() {
			b.StopTimer()
			st := windowRegister(b)
			b.StartTimer()
			var pv *sheet.Preview
			p.timed(&p.readWall, &p.readCPU, func() {
				var err error
				if pv, err = sheet.Read(ctx, st, path, nil); err != nil {
					b.Fatal(err)
				}
			})
			var res store.ImportResult
			p.timed(&p.impWall, &p.impCPU, func() {
				var err error
				if res, err = pv.Import(ctx, st, sheet.ImportOptions{SkipInvalid: true, CreateBranches: true}); err != nil {
					b.Fatal(err)
				}
			})
			if res.Added < 99000 {
				b.Fatalf("added %d", res.Added)
			}
		}
		p.report(b)
	})
}
