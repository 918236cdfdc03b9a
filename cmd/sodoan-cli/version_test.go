package main

import (
	"path/filepath"
	"testing"

	"sodoan/version"
)

// --version prints the line Settings and the window's --version show, and
// needs no register: none is created.
func TestVersionFlag(t *testing.T) {
	defer version.Set("0.1.0", "2026-11-28")()
	db := filepath.Join(t.TempDir(), "chua-co.db")
	out, errOut, err := cli(t, "--db", db, "--version")
	if err != nil || errOut != "" {
		t.Fatalf("--version: %v, stderr %q", err, errOut)
	}
	if want := "Sổ Đoàn 0.1.0, dựng ngày 28/11/2026\n"; out != want {
		t.Fatalf("--version printed %q, want %q", out, want)
	}
	if matches, _ := filepath.Glob(db + "*"); len(matches) != 0 {
		t.Fatalf("--version created %v", matches)
	}
}
