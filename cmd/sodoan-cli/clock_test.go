package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"
)

// TestYearFollowsTheClock: the clock the command line opens the register
// with is the today of its commands: a demo ward and the indicators
// without --year are of the clock's year, not the machine's.
func TestYearFollowsTheClock(t *testing.T) {
	ctx := context.Background()
	open := registerAt(filepath.Join(t.TempDir(), "so.db"), func() time.Time {
		return time.Date(2030, 6, 15, 10, 0, 0, 0, time.Local)
	})
	var stdout, stderr bytes.Buffer
	if err := invoke(ctx, cmdDemo, []string{"--members", "10"}, open, &stdout, &stderr); err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr.String())
	}
	stdout.Reset()
	if err := invoke(ctx, cmdStats, []string{"--json"}, open, &stdout, &stderr); err != nil {
		t.Fatalf("stats: %v\n%s", err, stderr.String())
	}
	var got struct {
		Year       int
		Indicators []json.RawMessage
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Year != 2030 || len(got.Indicators) == 0 {
		t.Fatalf("stats of year %d with %d indicators, want 2030's", got.Year, len(got.Indicators))
	}
}
