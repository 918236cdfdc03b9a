package issuing

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"sodoan/demo"
	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// demoRegister builds, once per test binary, a demo register with about
// 10,000 active Union members (the demo ward also has Federation-only
// members and former members, hence more people) and returns its path.
var demoRegister = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "sodoan-bench-")
	if err != nil {
		return "", err
	}
	demoDir = dir
	path := filepath.Join(dir, "demo.db")
	st, err := store.Open(path)
	if err != nil {
		return "", err
	}
	defer st.Close()
	if err := demo.Generate(context.Background(), st, demo.Options{Members: 14800, Seed: 1, Year: 2025}); err != nil {
		return "", err
	}
	return path, nil
})

// demoDir is the folder of the demo register, removed after the tests.
var demoDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// writeMembersFromRegister is what `report members` does: open the
// register, read the branches, stream the active Union members into the
// PDF.
func writeMembersFromRegister(ctx context.Context, path string, w io.Writer) (int, error) {
	st, err := store.Open(path)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	unit, err := st.Unit(ctx)
	if err != nil {
		return 0, err
	}
	// As the command does: the list as of its date, today.
	l, err := memberList(ctx, st, 0, false, st.Today())
	if err != nil {
		return 0, err
	}
	l.Meta = report.Meta{Unit: unit, Number: 1, Recipients: report.DefaultRecipients(unit)}
	total := 0
	for _, g := range l.Groups {
		total += g.Count
	}
	return total, report.WriteMemberList(w, l)
}

// BenchmarkMemberList10k: the member list of a register with 10,000
// active Union members, register opened included.
func BenchmarkMemberList10k(b *testing.B) {
	path, err := demoRegister()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if n, err = writeMembersFromRegister(ctx, path, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "members")
}

// BenchmarkAnnual is `report annual` without the register entry: open
// the register of 10,000 members, measure the situation and every
// indicator, lay out and write the report.
func BenchmarkAnnual(b *testing.B) {
	path, err := demoRegister()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		a, err := annualData(ctx, st, 2025, domain.Date{}, domain.Date{}, false)
		if err != nil {
			b.Fatal(err)
		}
		if a.Unit, err = st.Unit(ctx); err != nil {
			b.Fatal(err)
		}
		if err := report.WriteAnnual(io.Discard, a); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
