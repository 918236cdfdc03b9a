package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/demo"
	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sodoan/internal/testtool"
	"sodoan/store"
	"sodoan/wardpkg"
)

// TestConsolidationScreen opens a consolidation register: the window
// offers the wards' screen instead of the ward screens; a package with a
// wrong passphrase is refused with a message, two wards' packages come
// in, the tables show each ward and the total, and the consolidated
// report is issued.
func TestConsolidationScreen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	const pass = "mật khẩu tỉnh đoàn"
	var pkgs []string
	for i, name := range []string{"BCH Đoàn phường An Hòa", "BCH Đoàn xã Tân Khánh Đông"} {
		w, err := store.Open(filepath.Join(dir, "phuong"+string(rune('1'+i))+".db"))
		if err != nil {
			t.Fatal(err)
		}
		if err := demo.Generate(ctx, w, demo.Options{Members: 80 + 40*i, Seed: int64(30 + i), Year: 2025}); err != nil {
			t.Fatal(err)
		}
		u, _ := w.Unit(ctx)
		u.Name = name
		if err := w.SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "goi"+string(rune('1'+i))+".sodoan")
		if _, err := wardpkg.Export(ctx, w, p, pass, false); err != nil {
			t.Fatal(err)
		}
		w.Close()
		pkgs = append(pkgs, p)
	}

	fa := test.NewTempApp(t)
	cons, err := store.Open(filepath.Join(dir, "tinh-doan.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cons.Close() })
	if err := cons.MakeConsolidation(ctx, domain.Unit{Name: "BCH Tỉnh Đoàn Đồng Tháp", UpperBody: "Trung ương Đoàn TNCS Hồ Chí Minh",
		Place: "Đồng Tháp", SecretaryName: "Phan Văn Thắng"}); err != nil {
		t.Fatal(err)
	}
	// The province enters its own plan (a new register has none).
	enterPlan(t, cons)
	q := newUIQueue()
	a, err := New(fa, cons, Options{ReportsDir: filepath.Join(dir, "bao-cao"), do: q.do})
	if err != nil {
		t.Fatal(err)
	}
	a.win.Resize(fyne.NewSize(1280, 760))
	var ids []string
	for _, d := range a.defs {
		ids = append(ids, d.id)
	}
	if strings.Join(ids, ",") != "wards,plan,settings,help" || a.current != "wards" {
		t.Fatalf("screens %v, current %s", ids, a.current)
	}
	s, ok := a.screens["wards"].(*consolidationScreen)
	if !ok {
		t.Fatal("the wards screen is not shown")
	}
	t.Cleanup(func() { q.waitFor(t, "work in flight", s.idle) })
	q.waitFor(t, "first load", func() bool { return s.idle() && strings.Contains(s.status.Text, "Chưa có gói") })

	// A wrong passphrase, typed in the dialog: refused, nothing imported.
	entry := s.askPassphrase(pkgs[0])
	if len(a.dialogs) != 1 {
		t.Fatalf("%d dialogs, want the passphrase form", len(a.dialogs))
	}
	test.Type(entry, "không phải mật khẩu")
	entry.OnSubmitted(entry.Text)
	q.waitFor(t, "refusal", func() bool { return s.idle() && strings.Contains(s.status.Text, "sai mật khẩu") })
	if len(s.wards) != 0 || len(a.dialogs) != 1 {
		t.Fatalf("wards %d, dialogs %d after a wrong passphrase (want 0 and the error)", len(s.wards), len(a.dialogs))
	}
	a.escape()

	for _, p := range pkgs {
		s.importPackage(p, pass)
		q.waitFor(t, "import", func() bool { return s.idle() && strings.Contains(s.status.Text, "cơ sở Đoàn; số liệu năm") })
	}
	if len(s.wards) != 2 || s.wardCell(1, 0, nil) != "BCH ĐOÀN PHƯỜNG AN HÒA" || s.wardCell(2, 0, nil) != "BCH ĐOÀN XÃ TÂN KHÁNH ĐÔNG" {
		t.Fatalf("wards table: %q, %q", s.wardCell(1, 0, nil), s.wardCell(2, 0, nil))
	}
	if s.wardCell(1, 3, nil) == "0" || s.wardCell(1, 1, nil) == "" {
		t.Fatalf("ward row: members %q, made %q", s.wardCell(1, 3, nil), s.wardCell(1, 1, nil))
	}

	// The indicators: a column a ward, then the total, as consolidated.
	year := thisYear()
	c, err := wardpkg.Consolidate(ctx, cons, year, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.indicatorCell(0, 3) + "|" + s.indicatorCell(0, 4) + "|" + s.indicatorCell(0, 5); got != "Đoàn phường An Hòa|Đoàn xã Tân Khánh Đông|Tổng cộng" {
		t.Fatalf("header %q", got)
	}
	rows, cols := s.indTable.Length()
	if rows != len(c.Plan.Indicators)+2 || cols != 7 {
		t.Fatalf("indicator table %d×%d", rows, cols)
	}
	// Row 1: each ward's members on the cut-off, and their sum.
	if got, want := s.indicatorCell(1, 5), fmtInt(int64(c.Wards[0].Members+c.Wards[1].Members)); got != want || c.Wards[0].Members == 0 {
		t.Errorf("members on the cut-off: total %q, want %q (wards %d, %d)", got, want, c.Wards[0].Members, c.Wards[1].Members)
	}
	for i, in := range c.Plan.Indicators {
		if got := s.indicatorCell(i+2, 0); got != in.Code {
			t.Fatalf("row %d: %q, want %s", i+2, got, in.Code)
		}
		for w := range c.Wards {
			want := resultCell(c.Wards[w].Results, i)
			if r := c.Wards[w].Results[i]; in.Metric == domain.MetricUnitsGoodPct && r.Known {
				want = map[bool]string{true: "Đạt", false: "Chưa đạt"}[r.Actual >= 1]
			}
			if got := s.indicatorCell(i+2, 3+w); got != want {
				t.Errorf("%s, ward %d: %q, want %q", in.Code, w, got, want)
			}
		}
		want := resultCell(c.Total, i)
		if domain.PerWard(in) {
			want = fmt.Sprintf("%d/2 cơ sở", c.Total[i].Num)
		}
		if got := s.indicatorCell(i+2, 5); got != want {
			t.Errorf("%s total: %q, want %q", in.Code, got, want)
		}
	}

	// The consolidated report, numbered, into the year's folder.
	test.Tap(s.reportBtn)
	q.waitFor(t, "report", func() bool { return s.idle() && s.last != "" })
	if _, err := os.Stat(s.last); err != nil || !strings.Contains(s.status.Text, "Đã tạo") {
		t.Fatalf("report %s: %v (%s)", s.last, err, s.status.Text)
	}
	testtool.Need(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-raw", s.last, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, want := range []string{"BCH TỈNH ĐOÀN ĐỒNG THÁP", "Đoàn phường An Hòa", "Đoàn xã Tân Khánh Đông", "Tổng cộng", "Phan Văn Thắng"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
