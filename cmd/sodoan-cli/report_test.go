package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReportMembers10k is `sodoan-cli report members` end to end on
// a copy of the register named by $SODOAN_BENCH_DB (one with 10,000 active
// Union members: `sodoan-cli demo --members 14800`).
func BenchmarkReportMembers10k(b *testing.B) {
	src := os.Getenv("SODOAN_BENCH_DB")
	if src == "" {
		b.Skip("SODOAN_BENCH_DB not set")
	}
	dir := b.TempDir()
	db := filepath.Join(dir, "so.db")
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o644); err != nil {
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

var _ = io.Discard
