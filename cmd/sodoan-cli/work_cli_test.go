package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sodoan/internal/testtool"
	"sodoan/store"
)

// TestReportWork runs `report work` on a demo register: a quarter, a half
// and the year each take the next number and write their period's PDF;
// a period that does not exist is refused, naming the flag, and writes
// nothing.
func TestReportWork(t *testing.T) {
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
	// The demo's decisions of 2025 hold the year's first numbers.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	next, err := st.NextDocumentNumber(context.Background(), 2025)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args       []string
		want, text string // the command's message; a line of the PDF
	}{
		{[]string{"--quarter", "2", "--date", "05/07/2025"}, "quý II năm 2025 số " + strconv.Itoa(next) + "-BC/ĐTN", "(số liệu tính đến ngày 30/06/2025)"},
		{[]string{"--half", "1", "--date", "10/07/2025"}, "6 tháng đầu năm 2025 số " + strconv.Itoa(next+1) + "-BC/ĐTN", "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025"},
		{[]string{"--date", "10/01/2026"}, "tổng kết công tác Đoàn và phong trào thanh niên năm 2025 số 1-BC/ĐTN", "BIỂU THỐNG KÊ"},
	} {
		path := filepath.Join(dir, "bao-cao-"+strings.Join(c.args[:len(c.args)-2], "")+".pdf")
		out, err := cli(append(append([]string{"report", "work", "--year", "2025"}, c.args...), "--out", path)...)
		if err != nil || !strings.Contains(out, c.want) {
			t.Errorf("report work %v: %v\n%s", c.args, err, out)
			continue
		}
		testtool.Need(t, "pdftotext")
		text, err := exec.Command("pdftotext", "-raw", path, "-").Output()
		if err != nil || !strings.Contains(strings.Join(strings.Fields(string(text)), " "), c.text) {
			t.Errorf("report work %v: the PDF lacks %q (%v)", c.args, c.text, err)
		}
	}
	bad := filepath.Join(dir, "bad.pdf")
	for _, args := range [][]string{{"--quarter", "5"}, {"--half", "1", "--quarter", "1"}} {
		out, err := cli(append(append([]string{"report", "work", "--year", "2025", "--date", "10/01/2026"}, args...), "--out", bad)...)
		if err == nil || !strings.Contains(err.Error(), "--quarter/--half") {
			t.Errorf("report work %v: %v\n%s", args, err, out)
		}
		if _, serr := os.Stat(bad); serr == nil {
			t.Errorf("report work %v wrote %s", args, bad)
		}
	}
}
