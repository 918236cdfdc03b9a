package demo

import (
	"context"
	"path/filepath"
	"testing"

	"sodoan/store"
)

// BenchmarkGenerate is the demo ward of the default size (the CLI's and
// the welcome screen's 1,500 people) and of 100,000.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{1500, 100000} {
		b.Run(map[int]string{1500: "1500", 100000: "100k"}[n], func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				st, err := store.Open(filepath.Join(b.TempDir(), "demo.db"))
				if err != nil {
					b.Fatal(err)
				}
				if err := Generate(context.Background(), st, Options{Members: n, Seed: int64(i + 1)}); err != nil {
					b.Fatal(err)
				}
				st.Close()
			}
		})
	}
}
