package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIMessagesOnce is QA finding 17: an unknown branch is named once
// (`chi đoàn "👍": không tìm thấy`, not twice), and finding 12: a
// cut-off after the issue date is refused, not silently replaced.
func TestCLIMessagesOnce(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	cli := func(args ...string) error {
		var out, errb bytes.Buffer
		return run(context.Background(), append([]string{"--db", db}, args...), &out, &errb)
	}
	if err := cli("demo", "--members", "100", "--year", "2025"); err != nil {
		t.Fatal(err)
	}
	err := cli("report", "members", "--branch", "👍", "--out", filepath.Join(dir, "m.pdf"))
	if err == nil || strings.Count(err.Error(), `chi đoàn "👍"`) != 1 {
		t.Errorf("unknown branch: %v", err)
	}
	err = cli("report", "annual", "--year", "2025", "--date", "10/01/2026", "--cutoff", "01/01/2030", "--out", filepath.Join(dir, "a.pdf"))
	if err == nil || !strings.Contains(err.Error(), "01/01/2030 sau ngày ban hành 10/01/2026") {
		t.Errorf("cut-off after the date: %v", err)
	}
	err = cli("report", "annual", "--year", "2025", "--date", "10/01/2026", "--cutoff", "01/01/2024", "--out", filepath.Join(dir, "a.pdf"))
	if err == nil || !strings.Contains(err.Error(), "ngoài năm công tác 2025") {
		t.Errorf("cut-off before the year: %v", err)
	}
}
