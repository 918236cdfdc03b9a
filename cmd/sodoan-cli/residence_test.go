package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sodoan/store"
)

// TestResidenceCommands: add (out and in), list as a table and as CSV,
// the list as of a day before an end, end, the letter, delete; refused
// input names the field and changes nothing.
func TestResidenceCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	cli := func(args ...string) (string, error) {
		t.Helper()
		var out, errb bytes.Buffer
		err := run(context.Background(), append([]string{"--db", db}, args...), &out, &errb)
		return out.String() + errb.String(), err
	}
	must := func(args ...string) string {
		t.Helper()
		out, err := cli(args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		return out
	}
	must("demo", "--members", "200", "--year", "2025")
	// Person 1's own residence records of the demo go first, so that the
	// test's spans meet none of them.
	rows := readCSV(t, must("residence", "list", "--year", "2025", "--person", "1", "--format", "csv"))
	for _, r := range rows[1:] {
		must("residence", "delete", r[0])
	}
	rows = readCSV(t, must("residence", "list", "--year", "2025", "--format", "csv"))
	before := len(rows) - 1
	branch := "" // the branch of person 1, from the record below
	idOf := regexp.MustCompile(`mã (\d+)`)

	out := must("residence", "add", "--kind", "out", "--person", "1", "--from", "01/02/2025", "--place", "Đoàn phường Hòa Khánh",
		"--note", "học đại học")
	if !strings.Contains(out, "Đã ghi giới thiệu sinh hoạt nơi cư trú mã") {
		t.Fatalf("add out: %s", out)
	}
	outID := idOf.FindStringSubmatch(out)[1]
	rows = readCSV(t, must("residence", "list", "--year", "2025", "--person", "1", "--format", "csv"))
	if len(rows) != 2 || rows[1][1] != "out" || rows[1][5] != "Đoàn phường Hòa Khánh" || rows[1][6] != "01/02/2025" || rows[1][7] != "" {
		t.Fatalf("list after add: %q", rows)
	}
	branch = rows[1][2]
	out = must("residence", "add", "--kind", "in", "--branch", branch, "--family", "Lê", "--middle", "Thị", "--given", "Tâm",
		"--gender", "nu", "--birth", "01/02/2003", "--from", "01/03/2025", "--place", "Đoàn xã Tân Phú", "--letter", "5-GGT/ĐTN", "--letter-date", "20/02/2025")
	inID := idOf.FindStringSubmatch(out)[1]

	// Refused data exits 3 (nothing written), a command line of the wrong
	// form 2 (main.go's exitCode).
	for _, c := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"residence", "add", "--kind", "out", "--person", "1", "--from", "01/06/2025", "--place", "X"}, "Từ ngày: trùng thời gian với bản ghi mã " + outID, 3},
		{[]string{"residence", "add", "--kind", "in", "--branch", branch, "--given", "Tâm", "--from", "01/03/2025", "--place", "Y"}, "Họ: không được để trống", 3},
		{[]string{"residence", "add", "--kind", "sideways", "--person", "1"}, "--kind \"sideways\": chọn out", 2},
		{[]string{"residence", "add", "--kind", "out", "--person", "1", "--from", "31/02/2025", "--place", "X"}, "--from \"31/02/2025\"", 2},
		{[]string{"residence", "end", "--id", outID, "--to", "01/01/2025"}, "Đến ngày: 01/01/2025 trước ngày bắt đầu 01/02/2025", 3},
		{[]string{"residence", "end", "--id", outID}, "cần --id MÃ và --to", 2},
	} {
		got, err := cli(c.args...)
		if err == nil || !strings.Contains(got+err.Error(), c.want) {
			t.Errorf("%v: %v %s, want %q", c.args, err, got, c.want)
		} else if code := exitCode(err); code != c.code {
			t.Errorf("%v: exit %d, want %d", c.args, code, c.code)
		}
	}
	// Two added, nothing from the refused.
	rows = readCSV(t, must("residence", "list", "--year", "2025", "--format", "csv"))
	if len(rows)-1 != before+2 {
		t.Errorf("the year lists %d records, want %d + 2", len(rows)-1, before)
	}

	must("residence", "end", "--id", outID, "--to", "30/11/2025")
	// As of 15/11/2025 the end is not known yet; at the year's end it is.
	table := must("residence", "list", "--year", "2025", "--person", "1", "--date", "15/11/2025")
	if strings.Contains(table, "30/11/2025") || !strings.Contains(table, "(đến ngày 15/11/2025): 1 giới thiệu đi, 0 tiếp nhận đến") {
		t.Errorf("list as of 15/11/2025:\n%s", table)
	}
	table = must("residence", "list", "--year", "2025", "--person", "1")
	if !strings.Contains(table, "01/02/2025  30/11/2025") {
		t.Errorf("list at the year's end:\n%s", table)
	}

	// The letter takes the year's next number of the ward's one sequence
	// (the demo's decisions of 2025 hold the first ones), asked of the
	// register before it is issued.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	next, err := st.NextDocumentNumber(context.Background(), 2025)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	letter := filepath.Join(dir, "giay.pdf")
	if got := must("report", "residence", "--id", outID, "--out", letter, "--date", "15/01/2025"); !strings.Contains(got, fmt.Sprintf("số %d-GGT/ĐTN", next)) {
		t.Errorf("report residence: want number %d: %s", next, got)
	}
	if got, err := cli("report", "residence", "--id", inID, "--out", filepath.Join(dir, "x.pdf")); err == nil {
		t.Errorf("a letter for a received member: %s", got)
	}

	if got := must("residence", "delete", inID); !strings.Contains(got, "Đã xóa bản ghi sinh hoạt nơi cư trú "+inID) {
		t.Errorf("delete: %s", got)
	}
	if _, err := cli("residence", "delete", inID); err == nil {
		t.Error("deleting twice was accepted")
	}
	help, _ := cli("--help") // the usage, on stdout, with flag.ErrHelp
	for _, w := range []string{"residence list", "residence add", "--kind out|in", "residence end", "--id MÃ --to dd/mm/yyyy", "residence delete"} {
		if !strings.Contains(help, w) {
			t.Errorf("the help lacks %q", w)
		}
	}
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(s, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	return rows
}
