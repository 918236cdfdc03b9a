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

	"sodoan/domain"
	"sodoan/store"
)

// TestReportCommands runs every report command on a demo register: each
// writes a PDF and takes the next number of its type from the register;
// a number given by hand that is taken is refused and writes nothing.
func TestReportCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	cli := func(args ...string) (string, error) {
		var out, errb bytes.Buffer
		err := run(context.Background(), append([]string{"--db", db}, args...), &out, &errb)
		return out.String() + errb.String(), err
	}
	if out, err := cli("demo", "--members", "200", "--year", "2025"); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	people, err := st.ListMembers(context.Background(), store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive, Limit: 1})
	st.Close()
	if err != nil || len(people) == 0 {
		t.Fatalf("no member: %v", err)
	}
	member := people[0]
	// The demo's decisions of 2025 hold the year's first numbers.
	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	next2025, err := st.NextDocumentNumber(context.Background(), 2025)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		args   []string
		symbol string // the number printed, "" when the command must fail
	}{
		{[]string{"annual", "--year", "2025", "--date", "05/03/2026"}, "1-BC/"},
		{[]string{"period", "--date", "06/03/2026"}, "2-BC/"},
		{[]string{"members", "--date", "06/03/2026"}, "3-BC/"},
		{[]string{"members", "--personal", "--date", "06/03/2026"}, "4-BC/"},
		{[]string{"clubs", "--date", "07/03/2026"}, "5-BC/"},
		{[]string{"coops", "--year", "2025", "--date", "07/03/2026"}, "6-BC/"},
		{[]string{"transfer", "--member", itoa(member.ID), "--to", "Đoàn phường 2", "--date", "08/03/2026"}, "7-GGT/"}, // one sequence for every type
		// The same document written again keeps its number.
		{[]string{"annual", "--year", "2025", "--date", "08/03/2026", "--deputy"}, "1-BC/"},
		{[]string{"annual", "--year", "2025", "--number", "20", "--date", "09/03/2026"}, "20-BC/"},
		{[]string{"annual", "--year", "2025", "--number", "20", "--date", "10/03/2026"}, "20-BC/"},
		{[]string{"annual", "--year", "2025", "--renumber", "--date", "10/03/2026"}, "21-BC/"},
		// A number another document holds is refused, and no file is left.
		{[]string{"period", "--number", "20", "--date", "10/03/2026"}, ""},
		{[]string{"annual", "--year", "2025", "--date", "31/12/2025"}, itoa(int64(next2025)) + "-BC/"}, // numbers restart each year
		// A date after today (QA finding 12) is refused.
		{[]string{"annual", "--year", "2025", "--date", "01/01/2100"}, ""},
		{[]string{"transfer", "--member", "999999", "--to", "X"}, ""},
		{[]string{"annual"}, ""}, // no --out
	}
	for i, s := range steps {
		out := filepath.Join(dir, "doc"+itoa(int64(i))+".pdf")
		args := append([]string{"report"}, s.args...)
		if i != len(steps)-1 {
			args = append(args, "--out", out)
		}
		msg, err := cli(args...)
		if s.symbol == "" {
			if err == nil {
				t.Errorf("%v: succeeded, want an error", s.args)
			}
			if _, serr := os.Stat(out); serr == nil {
				t.Errorf("%v: failed but wrote %s", s.args, out)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v\n%s", s.args, err, msg)
			continue
		}
		if !strings.Contains(msg, "số "+s.symbol) {
			t.Errorf("%v: output %q, want number %s", s.args, msg, s.symbol)
		}
		data, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[len(data)-32:], []byte("%%EOF")) {
			t.Errorf("%v: %s is not a PDF (%v)", s.args, out, err)
		}
	}

	// The register lists what was issued, with the files.
	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, err := st.Documents(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	// 1 to 6-BC, 7-GGT, 20-BC and 21-BC: re-issues took no new entry.
	if len(docs) != 9 {
		t.Errorf("register has %d documents for 2026, want 9", len(docs))
	}
	for _, d := range docs {
		if _, err := os.Stat(d.File); err != nil {
			t.Errorf("document %s: file %q: %v", d.Symbol("ĐTN"), d.File, err)
		}
	}

	// `documents list` prints the register: every number with its kind,
	// and the re-issues of 1-BC (08/03) and 20-BC (10/03) as second issues.
	st.Close()
	list, err := cli("documents", "list", "--year", "2026")
	if err != nil {
		t.Fatalf("documents list: %v\n%s", err, list)
	}
	for _, want := range []string{"Số, ký hiệu", "7-GGT/ĐTN", "08/03/2026", "Giấy giới thiệu", "21-BC/ĐTN", "10/03/2026", "Tổng cộng: 9 văn bản."} {
		if !strings.Contains(list, want) {
			t.Errorf("documents list lacks %q:\n%s", want, list)
		}
	}
	if n := strings.Count(list, "lần 2"); n != 2 {
		t.Errorf("documents list shows %d second issues, want 2 (1-BC, 20-BC):\n%s", n, list)
	}

	// Help needs no register.
	var errb bytes.Buffer
	if err := runReport(context.Background(), nil, []string{"--help"}, &errb, &errb); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("report --help: %v", err)
	}
	if !strings.Contains(errb.String(), "transfer --member") {
		t.Errorf("help lacks the commands:\n%s", errb.String())
	}
}

func itoa(n int64) string {
	return strings.TrimSpace(strings.ReplaceAll(domain.FormatInt(n), ".", ""))
}
