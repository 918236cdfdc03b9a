package main

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sodoan/outfile"

	"sodoan/domain"
)

// smallWard makes a 60-member demo register in a temporary folder.
func smallWard(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "so.db")
	if _, _, err := cli(t, "--db", db, "demo", "--members", "60"); err != nil {
		t.Fatal(err)
	}
	return db
}

// documentCount is how many numbers the register has issued.
func documentCount(t *testing.T, db string) int { return registerCounts(t, db)[1] }

// healthy fails unless the register opens and passes its check.
func healthy(t *testing.T, db string) {
	t.Helper()
	out, _, err := cli(t, "--db", db, "check")
	if err != nil {
		t.Fatalf("register after the attempts: %v\n%s", err, out)
	}
}

// TestOutNeverTheRegister is finding 1 of issue 9: `report clubs --out
// so.db` exited 0 and the register was a PDF. Every name of the register
// is refused before a number is taken, and an existing file is replaced
// only with --force.
func TestOutNeverTheRegister(t *testing.T) {
	db := smallWard(t)
	dir := filepath.Dir(db)
	link := filepath.Join(t.TempDir(), "bao-cao.pdf")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, out := range []string{db, "so.db", "./so.db", "sub/../so.db", db + "-wal", "so.db-shm", link,
		filepath.Join(dir, outfile.BackupsFolderName, "x.pdf")} {
		for _, args := range [][]string{
			{"report", "clubs", "--out", out},
			{"report", "clubs", "--out", out, "--force"},
			{"report", "members", "--out", out, "--force"},
			{"members", "list", "--format", "xlsx", "--out", out},
			{"members", "list", "--format", "xlsx", "--out", out, "--force"},
		} {
			_, _, err := cli(t, append([]string{"--db", db}, args...)...)
			if !errors.Is(err, outfile.ErrOutputIsRegister) {
				t.Errorf("%v: %v, want ErrOutputIsRegister", args, err)
			}
		}
	}
	healthy(t, db)
	if n := documentCount(t, db); n != 0 {
		t.Fatalf("%d numbers taken by refused documents", n)
	}

	precious := filepath.Join(dir, "quy.txt")
	if err := os.WriteFile(precious, []byte("quý"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"report", "clubs", "--out", precious},
		{"members", "list", "--format", "xlsx", "--out", precious},
	} {
		if _, _, err := cli(t, append([]string{"--db", db}, args...)...); !errors.Is(err, outfile.ErrOutputExists) {
			t.Errorf("%v: %v, want ErrOutputExists", args, err)
		}
	}
	if got, _ := os.ReadFile(precious); string(got) != "quý" {
		t.Fatalf("the existing file was replaced: %q", got)
	}
	if n := documentCount(t, db); n != 0 {
		t.Fatalf("%d numbers taken by refused documents", n)
	}
	if _, _, err := cli(t, "--db", db, "report", "clubs", "--out", precious, "--force"); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(precious); !bytes.HasPrefix(got, []byte("%PDF")) {
		t.Fatalf("--force did not replace the file: %.20q", got)
	}
}

// TestNumbersInRange is finding 3 of issue 9: out-of-range numbers
// panicked (a year of 0, a demo of 1900), allocated the whole limit, or
// took a document number that broke every later one. Each gets a
// validation error (exit code 3), and nothing is written.
func TestNumbersInRange(t *testing.T) {
	db := smallWard(t)
	out := filepath.Join(t.TempDir(), "x.pdf")
	cases := [][]string{
		{"stats", "--year", "0"},
		{"stats", "--year", "99999999999999999999999"},
		{"search", "--limit", "1000000000", "nguyen"},
		{"search", "--limit", "-1", "nguyen"},
		{"report", "clubs", "--number", "9223372036854775807", "--out", out},
		{"report", "clubs", "--number", "100000", "--out", out},
		{"report", "clubs", "--number", "-3", "--out", out},
		{"report", "coops", "--year", "-1", "--out", out},
		{"report", "transfer", "--member", "0", "--to", "Phường 2", "--out", out},
		{"demo", "--members", "1000000000"},
	}
	for _, y := range []string{"0", "-1", "1899", "1949", "2101", "9999", "2147483648", "1e3", "２０２６", ""} {
		cases = append(cases, []string{"report", "annual", "--year", y, "--out", out})
	}
	for _, args := range cases {
		_, _, err := cli(t, append([]string{"--db", db}, args...)...)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || exitCode(err) != 3 {
			t.Errorf("%v: %v (exit %d), want a validation error", args, err, exitCode(err))
		}
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a refused document was written: %v", err)
	}
	if n := documentCount(t, db); n != 0 {
		t.Fatalf("%d numbers taken by refused documents", n)
	}
	fresh := filepath.Join(t.TempDir(), "moi.db")
	for _, y := range []string{"1900", "0", "2101"} {
		if _, _, err := cli(t, "--db", fresh, "demo", "--members", "20", "--year", y); exitCode(err) != 3 {
			t.Errorf("demo --year %s: %v", y, err)
		}
	}
	// The highest number is usable; after it the register refuses to
	// number past the range, and a free number chosen by hand still works.
	if _, _, err := cli(t, "--db", db, "report", "clubs", "--number", "99999", "--out", out); err != nil {
		t.Fatal(err)
	}
	if _, _, err := cli(t, "--db", db, "report", "clubs", "--renumber", "--out", filepath.Join(t.TempDir(), "y.pdf")); exitCode(err) != 3 {
		t.Fatalf("the number after 99999: %v", err)
	}
	// (The demo's decisions of the year hold its first numbers.)
	if _, _, err := cli(t, "--db", db, "report", "annual", "--number", "99990", "--out", filepath.Join(t.TempDir(), "z.pdf")); err != nil {
		t.Fatal(err)
	}
	healthy(t, db)
}

// TestDocumentsPrintAnyText is finding 2 of issue 9: an emoji in a name
// or address (as a register written before the text rules may hold)
// crashed every member list and transfer letter, each attempt using up a
// number. Now every document is written, with one number each; a
// receiving unit typed with an emoji gets the text rules' message and
// takes no number.
func TestDocumentsPrintAnyText(t *testing.T) {
	db := smallWard(t)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := raw.QueryRow(`SELECT id FROM people WHERE union_member = 1 AND status = 'active' ORDER BY id LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE people SET given_name = 'An😀', address = 'Khóm 3 🏠' || char(27) || '[31m', note = 'x' || char(0) WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	// Another, whose family name holds a terminal escape.
	if _, err := raw.Exec(`UPDATE people SET family_name = 'Lê' || char(27) || '[2J' || char(7) || char(155) WHERE id = (SELECT max(id) FROM people)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	for _, format := range []string{"table", "csv"} {
		out, _, err := cli(t, "--db", db, "members", "list", "--kind", "all", "--status", "all", "--format", format)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(out, "\x1b\x07\u009b") || !strings.Contains(out, "Lê?[2J??") {
			t.Errorf("members list --format %s lets control characters through", format)
		}
	}
	dir := t.TempDir()
	id1 := strconv.FormatInt(id, 10)
	for i, args := range [][]string{
		{"report", "members", "--personal"},
		{"report", "members"},
		{"report", "transfer", "--member", id1, "--to", "Đoàn Phường 2"},
	} {
		out := filepath.Join(dir, strconv.Itoa(i)+".pdf")
		if _, _, err := cli(t, append(append([]string{"--db", db}, args...), "--out", out)...); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	_, _, err = cli(t, "--db", db, "report", "transfer", "--member", id1, "--to", "Phường 2 👨‍👩‍👧", "--out", filepath.Join(dir, "x.pdf"))
	if exitCode(err) != 3 || !strings.Contains(err.Error(), "Đơn vị nhận") {
		t.Fatalf("--to with an emoji: %v", err)
	}
	if n := documentCount(t, db); n != 3 {
		t.Fatalf("%d numbers taken, want 3", n)
	}
}
