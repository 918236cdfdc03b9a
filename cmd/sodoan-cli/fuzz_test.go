package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/store"
)

// FuzzCLIArgs runs the command line on fuzzed arguments (one per line of
// the input) against a small demo register: no panic, an error with a
// message or success, and nothing written. Arguments that could name a
// file (--out, --db) are left out, so that the fuzzer never writes outside
// its temporary folder; every other flag and command is fair game, and no
// command may write a document or change the register without --out.
func FuzzCLIArgs(f *testing.F) {
	for _, s := range []string{
		"report\nannual\n--year\n0", "report\nannual\n--year\n2147483648", "report\nclubs\n--number\n9223372036854775807",
		"search\n--limit\n1000000000\nnguyen", "search\n--limit\n-1\na", "demo\n--year\n1900", "demo\n--members\n99999999999",
		"stats\n--year\n-1", "stats\n--year\n2026\n--json", "members\nlist\n--status\n\x1b[31m", "members\nlist\n--format\nxlsx",
		"members\nlist\n--branch\n\x00", "search\n😀", "report\ntransfer\n--member\n1\n--to\nPhường 2 👨‍👩‍👧",
		"report\n--help", "check", "help", "", "--\nsearch", "-h", "members", "report\nannual\n--date\n31/02/2026",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	db := filepath.Join(dir, "so.db")
	var sink bytes.Buffer
	if err := run(context.Background(), []string{"--db", db, "demo", "--members", "30"}, &sink, &sink); err != nil {
		f.Fatal(err)
	}
	before := registerCounts(f, db)
	f.Fuzz(func(t *testing.T, in string) {
		// backup writes its copy into sao-luu/ by design, and restore
		// replaces the register from a file: both are left out too.
		if strings.Contains(in, "out") || strings.Contains(in, "db") || strings.Contains(in, "backup") ||
			strings.Contains(in, "restore") || len(in) > 2000 {
			return
		}
		args := append([]string{"--db", db}, strings.Split(in, "\n")...)
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), args, &stdout, &stderr)
		if err != nil && !errors.Is(err, flag.ErrHelp) && strings.TrimSpace(err.Error()) == "" {
			t.Fatalf("%q: an error without a message", in)
		}
		if got := registerCounts(t, db); got != before {
			t.Fatalf("%q changed the register: %v, was %v", in, got, before)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), "so.db") {
				t.Fatalf("%q wrote %s", in, e.Name())
			}
		}
	})
}

// registerCounts is what a command could have written to the register:
// its people and its issued documents.
func registerCounts(tb testing.TB, db string) [2]int {
	tb.Helper()
	st, err := store.Open(db)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	n, err := st.CountMembers(ctx, store.MemberFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	docs, err := st.Documents(ctx, 0)
	if err != nil {
		tb.Fatal(err)
	}
	return [2]int{n, len(docs)}
}
