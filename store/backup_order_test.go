package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestBackupsOrderWithinASecond: two backups named in one second (a daily
// one, then the one before a restore) list newest first even when the
// second one finished in the next second (the flake of the backup tests
// under the race detector: its name's second was all that was left of
// its time, so it sorted below the first).
func TestBackupsOrderWithinASecond(t *testing.T) {
	s := openTemp(t)
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stamp := time.Date(2026, 11, 28, 4, 42, 9, 0, time.Local)
	cases := []struct {
		name                  string
		firstDone, secondDone time.Duration // after the stamp
	}{
		{"both finish within the second", 500 * time.Millisecond, 900 * time.Millisecond},
		{"the second finishes in the next second", 860 * time.Millisecond, 1200 * time.Millisecond},
		{"the second takes a few seconds", 100 * time.Millisecond, 4 * time.Second},
	}
	for _, c := range cases {
		first := filepath.Join(dir, "so-doan-"+stamp.Format(backupStamp)+"-hang-ngay.db")
		second := filepath.Join(dir, "so-doan-"+stamp.Format(backupStamp)+"-truoc-khoi-phuc.db")
		for _, f := range []struct {
			path string
			done time.Duration
		}{{first, c.firstDone}, {second, c.secondDone}} {
			if err := os.WriteFile(f.path, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(f.path, stamp.Add(f.done), stamp.Add(f.done)); err != nil {
				t.Fatal(err)
			}
		}
		list, err := s.Backups()
		if err != nil || len(list) != 2 || list[0].Path != second || list[1].Path != first {
			t.Fatalf("%s: %+v %v", c.name, list, err)
		}
		// The time shown is still the second the name gives.
		for _, b := range list {
			if !b.Time.Truncate(time.Second).Equal(stamp) {
				t.Fatalf("%s: %s listed at %v", c.name, b.Path, b.Time)
			}
		}
	}
}
