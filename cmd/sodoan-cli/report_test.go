package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"sodoan/demo"
	"sodoan/store"
)

// BenchmarkReportMembers10k is `sodoan-cli report members` end to end,
// register opened included, on a demo ward with about 10,000 active Union
// members (14,800 people).
func BenchmarkReportMembers10k(b *testing.B) {
	dir := b.TempDir()
	db := filepath.Join(dir, "so.db")
	st, err := store.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	err = demo.Generate(context.Background(), st, demo.Options{Members: 14800, Seed: 1, Year: 2025})
	st.Close()
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "ds.pdf")
	b.ReportAllocs()
	for b.Loop() {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"--db", db, "report", "members", "--out", out}, &stdout, &stderr); err != nil {
			b.Fatalf("%v\n%s", err, stderr.String())
		}
	}
}
