package wardpkg

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sodoan/demo"
	"sodoan/domain"
	"sodoan/store"
)

// BenchmarkPackage100k makes and imports the package of a 100,000-member
// demo ward, at the real scrypt cost: the package's size and the
// register's are reported beside the times.
func BenchmarkPackage100k(b *testing.B) {
	defer func(w int) { WorkFactor = w }(WorkFactor)
	WorkFactor = 18
	ctx := context.Background()
	dir := b.TempDir()
	start := time.Now()
	w, err := store.Open(filepath.Join(dir, "phuong.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	if err := demo.Generate(ctx, w, demo.Options{Members: 100000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	b.Logf("demo ward built in %v", time.Since(start))
	pkg := filepath.Join(dir, "phuong.sodoan")
	b.Run("export", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := Export(ctx, w, pkg, pass, true); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		pi, _ := os.Stat(pkg)
		snap := filepath.Join(b.TempDir(), "snap.db")
		if err := w.Snapshot(ctx, snap); err != nil {
			b.Fatal(err)
		}
		ri, _ := os.Stat(snap)
		b.ReportMetric(float64(pi.Size())/1e6, "MB/package")
		b.ReportMetric(float64(ri.Size())/1e6, "MB/register")
	})
	b.Run("import", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			cons, err := store.Open(filepath.Join(b.TempDir(), "tinh.db"))
			if err != nil {
				b.Fatal(err)
			}
			if err := cons.MakeConsolidation(ctx, domain.Unit{Name: "BCH Tỉnh Đoàn"}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := Import(ctx, cons, pkg, pass); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			cons.Close()
			b.StartTimer()
		}
	})
}
