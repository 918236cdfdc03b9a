package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sodoan/domain"

	"github.com/xuri/excelize/v2"

	"sodoan/store"
)

func cli(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

func TestCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ward.db")
	if _, _, err := cli(t, "--db", db, "demo", "--members", "400", "--seed", "5"); err != nil {
		t.Fatal(err)
	}

	out, _, err := cli(t, "--db", db, "members", "list", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	wantHeader := []string{"STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn", "Ngày vào Đoàn", "Số thẻ đoàn viên"}
	if !slices.Equal(recs[0][:len(wantHeader)], wantHeader) {
		t.Fatalf("header %v", recs[0])
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	// The default list: đoàn viên in activity (store.DefaultMemberFilter).
	unionCount, _ := st.CountMembers(context.Background(), store.DefaultMemberFilter(store.KindUnion))
	st.Close()
	if len(recs)-1 != unionCount {
		t.Fatalf("%d rows, %d Union members", len(recs)-1, unionCount)
	}
	coll := domain.NewCollator()
	for i := 2; i < len(recs); i++ {
		if recs[i][0] != strings.TrimSpace(recs[i][0]) || recs[i][2] == "" || len(recs[i][2]) != 10 || recs[i][2][2] != '/' {
			t.Fatalf("row %d: %v", i, recs[i])
		}
		// Sorted by given name first, in Vietnamese order.
		prev, cur := lastWord(recs[i-1][1]), lastWord(recs[i][1])
		if coll.CompareString(prev, cur) > 0 {
			t.Fatalf("row %d: %s before %s", i, recs[i-1][1], recs[i][1])
		}
	}

	xlsx := filepath.Join(t.TempDir(), "danh-sach.xlsx")
	out, _, err = cli(t, "--db", db, "members", "list", "--format", "xlsx", "--out", xlsx)
	if err != nil || !strings.Contains(out, "Đã xuất") {
		t.Fatalf("xlsx: %v %s", err, out)
	}
	x, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatalf("xlsx does not open: %v", err)
	}
	sheetRows, err := x.GetRows("Danh sách")
	x.Close()
	if err != nil || len(sheetRows)-1 != unionCount {
		t.Fatalf("xlsx rows %d (%v), want %d", len(sheetRows)-1, err, unionCount)
	}
	if _, _, err := cli(t, "--db", db, "members", "list", "--format", "xlsx"); err == nil || !strings.Contains(err.Error(), "--out") {
		t.Fatalf("xlsx without --out: %v", err)
	}

	out, _, err = cli(t, "--db", db, "members", "list", "--q", "nguyen", "--status", "Đang sinh hoạt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Nguyễn") || strings.Contains(out, "Đã trưởng thành") || !strings.Contains(out, "Tổng cộng:") {
		t.Fatalf("filtered list:\n%s", out)
	}

	out, _, err = cli(t, "--db", db, "search", "nguyen", "v")
	if err != nil || !strings.Contains(out, "Nguyễn V") || !strings.Contains(out, "Tìm thấy") {
		t.Fatalf("search: %v\n%s", err, out)
	}

	out, _, err = cli(t, "--db", db, "stats", "--year", "2025", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var stats struct {
		Plan       string
		Year       int
		Indicators []statRow
	}
	if err := json.Unmarshal([]byte(out), &stats); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	if stats.Year != 2025 || len(stats.Indicators) != 15 || stats.Indicators[0].Code != "2.1a" {
		t.Fatalf("stats %+v", stats)
	}

	out, _, err = cli(t, "--db", db, "check")
	if err != nil || !strings.Contains(out, "Toàn vẹn: tốt") {
		t.Fatalf("check: %v %s", err, out)
	}
}

func lastWord(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

func TestCLIErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ward.db")
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"--db", db}, "thiếu lệnh"},
		{[]string{"--db", db, "dance"}, "không có"},
		{[]string{"--db", db, "demo", "--members", "5"}, "từ 10 đến 200.000"},
		// The refused demo left no register behind (issue 18): the next
		// commands find none until init makes one.
		{[]string{"--db", db, "members", "list"}, "không có sổ"},
		{[]string{"--db", db, "init", "--unit", "x"}, "không được để trống"},
		{[]string{"--db", db, "members", "list", "--branch", "Khóm 99"}, "không có sổ"},
	}
	for _, tt := range tests {
		_, _, err := cli(t, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%v: error %v, want %q", tt.args, err, tt.msg)
		}
	}
	if _, _, err := cli(t, "--db", db, "init"); err != nil {
		t.Fatal(err)
	}
	tests = []struct {
		args []string
		msg  string
	}{
		{[]string{"--db", db, "members", "list", "--branch", "Khóm 99"}, "không tìm thấy"},
		{[]string{"--db", db, "members", "list", "--format", "xml"}, "table, csv hoặc xlsx"},
		{[]string{"--db", db, "search"}, "thiếu từ"},
	}
	for _, tt := range tests {
		_, _, err := cli(t, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%v: error %v, want %q", tt.args, err, tt.msg)
		}
		if err != nil && exitCode(err) == 0 {
			t.Errorf("%v: exit code 0", tt.args)
		}
	}
	// Help works everywhere without touching a register.
	for _, cmd := range []string{"demo", "init", "members", "search", "stats", "check", "backup", "backups", "restore", "upgrade", "report"} {
		stdout, _, err := cli(t, "--db", filepath.Join(t.TempDir(), "none", "x.db"), cmd, "--help")
		if exitCode(err) != 0 || !strings.Contains(stdout, "Cách dùng") {
			t.Errorf("%s --help: %v %q", cmd, err, stdout)
		}
	}
}
