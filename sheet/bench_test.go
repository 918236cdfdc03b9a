package sheet

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sodoan/demo"
	"sodoan/outfile"

	"sodoan/store"
)

// The benchmarks share a 100,000-member demo register and its export,
// built once per process.
var (
	benchOnce  sync.Once
	benchStore *store.Store
	benchSheet string
	benchErr   error
	benchDir   string
)

// TestMain removes the benchmarks' register and sheet (180 MB) after the
// run.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func bigSheet(b *testing.B) (*store.Store, string) {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sodoan-sheet-bench")
		if err != nil {
			benchErr = err
			return
		}
		benchDir = dir
		benchStore, benchErr = store.Open(filepath.Join(dir, "bench.db"))
		if benchErr != nil {
			return
		}
		ctx := context.Background()
		if benchErr = demo.Generate(ctx, benchStore, demo.Options{Members: 100000, Seed: 1}); benchErr != nil {
			return
		}
		benchSheet = filepath.Join(dir, "100k.xlsx")
		_, benchErr = ExportMembersFile(ctx, benchStore, store.MemberFilter{}, outfile.Output{Path: benchSheet}, ExportOptions{Personal: true})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore, benchSheet
}

// BenchmarkExportMembers100k writes every person of the 100,000-member
// register to an .xlsx workbook (target: under 5 s).
func BenchmarkExportMembers100k(b *testing.B) {
	s, _ := bigSheet(b)
	ctx := context.Background()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		n, err := ExportMembers(ctx, s, store.MemberFilter{}, io.Discard, XLSX, ExportOptions{Personal: true})
		if err != nil {
			b.Fatal(err)
		}
		if n != 100000 {
			b.Fatalf("%d rows", n)
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// peakHeap samples the heap in use while fn runs and returns its peak in
// MB (the Go heap, which is what an import allocates; SQLite's page cache
// is bounded by the cache_size pragma).
func peakHeap(fn func()) float64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			if v := m.HeapInuse + m.StackInuse; v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return float64(peak.Load()) / (1 << 20)
}

// BenchmarkImport100k reads a 100,000-row .xlsx, checks every row against
// the rules and the register, and writes it into an empty register in one
// transaction (target: under 10 s and 300 MB). It reports the peak heap.
func BenchmarkImport100k(b *testing.B) {
	_, path := bigSheet(b)
	ctx := context.Background()
	var peak float64
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dst, err := store.Open(filepath.Join(b.TempDir(), "import.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		var res store.ImportResult
		var invalid int
		start := cpuTime()
		p := peakHeap(func() {
			pv, err := Read(ctx, dst, path, nil)
			if err != nil {
				b.Fatal(err)
			}
			_, invalid, _ = pv.Counts()
			res, err = pv.Import(ctx, dst, ImportOptions{SkipInvalid: true, CreateBranches: true})
			if err != nil {
				b.Fatal(err)
			}
		})
		cpu += cpuTime() - start
		peak = max(peak, p)
		b.StopTimer()
		if res.Added+invalid != 100000 || res.Added < 99000 {
			b.Fatalf("%d added, %d invalid of 100,000", res.Added, invalid)
		}
		dst.Close()
		b.StartTimer()
	}
	b.ReportMetric(peak, "peak-heap-MB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkBareRead100k is the floor under BenchmarkImport100k: the
// worksheet reader the import uses over the same file, with nothing done
// with the cells.
func BenchmarkBareRead100k(b *testing.B) {
	benchRead(b, func(path string, fn rowFunc) error { return eachXLSX(path, "Danh sách", 0, fn) })
}

// BenchmarkExcelizeRead100k is excelize's own row stream over the same
// file: what the fast reader saves.
func BenchmarkExcelizeRead100k(b *testing.B) {
	benchRead(b, func(path string, fn rowFunc) error { return excelizeRows(path, "Danh sách", 0, fn) })
}

func benchRead(b *testing.B, read func(string, rowFunc) error) {
	_, path := bigSheet(b)
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		n := 0
		err := read(path, func(int, []string) error { n++; return nil })
		if err != nil || n != 100001 {
			b.Fatalf("%d rows, %v", n, err)
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkBareReadInsert100k is the yardstick (4.5 s on an idle
// 2-core machine): excelize's row stream inserted into SQLite with no
// checks, one prepared row insert in one transaction. Run beside
// BenchmarkImport100k, the ratio of the two says what the import costs on
// an idle machine when the machine running them is busy.
func BenchmarkBareReadInsert100k(b *testing.B) {
	_, path := bigSheet(b)
	ctx := context.Background()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := sql.Open("sqlite", filepath.Join(b.TempDir(), "bare.db"))
		if err != nil {
			b.Fatal(err)
		}
		cols := len(MemberFields(ExportOptions{Personal: true}))
		names := make([]string, cols)
		for k := range names {
			names[k] = fmt.Sprintf("c%d", k)
		}
		if _, err := db.Exec("CREATE TABLE t(" + strings.Join(names, " TEXT, ") + " TEXT)"); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		stmt, err := tx.Prepare("INSERT INTO t VALUES (" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")")
		if err != nil {
			b.Fatal(err)
		}
		args := make([]any, cols)
		err = excelizeRows(path, "Danh sách", 0, func(n int, cells []string) error {
			for k := range args {
				args[k] = cell(cells, k)
			}
			_, err := stmt.Exec(args...)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}
