package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/internal/testtool"
	"sodoan/store"
	"sodoan/wardpkg"
)

// TestPackageCommands runs the upper level's work end to end: three demo
// wards make their packages, a consolidation register imports them
// (refusing what it must), lists them and issues the consolidated report,
// whose figures are the consolidation's.
func TestPackageCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cli := func(db string, args ...string) (string, error) {
		var out, errb bytes.Buffer
		err := run(ctx, append([]string{"--db", db}, args...), &out, &errb)
		return out.String() + errb.String(), err
	}
	must := func(db string, args ...string) string {
		t.Helper()
		out, err := cli(db, args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		return out
	}
	passFile := filepath.Join(dir, "pass.txt")
	os.WriteFile(passFile, []byte("Mật khẩu của Tỉnh Đoàn\n"), 0o600)
	wrongFile := filepath.Join(dir, "wrong.txt")
	os.WriteFile(wrongFile, []byte("mật khẩu khác hẳn\n"), 0o600)
	shortFile := filepath.Join(dir, "short.txt")
	os.WriteFile(shortFile, []byte("1234\n"), 0o600)

	names := []string{"BCH ĐOÀN PHƯỜNG AN HÒA", "BCH ĐOÀN PHƯỜNG TÂN QUY ĐÔNG", "BCH ĐOÀN XÃ TÂN KHÁNH ĐÔNG"}
	var pkgs []string
	for i, name := range names {
		db := filepath.Join(dir, "phuong"+itoa(int64(i))+".db")
		must(db, "demo", "--members", itoa(int64(120+60*i)), "--seed", itoa(int64(20+i)), "--year", "2025")
		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		u, _ := st.Unit(ctx)
		u.Name = name
		if err := st.SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
		st.Close()
		pkg := filepath.Join(dir, "goi"+itoa(int64(i))+".sodoan")
		if out, err := cli(db, "package", "export", "--out", pkg, "--passphrase-file", shortFile); err == nil || !strings.Contains(out+err.Error(), "ít nhất 8") {
			t.Fatalf("short passphrase: %v %s", err, out)
		}
		if out := must(db, "package", "export", "--out", pkg, "--passphrase-file", passFile); !strings.Contains(out, name) {
			t.Fatalf("export: %s", out)
		}
		pkgs = append(pkgs, pkg)
	}
	// A ward's register refuses packages.
	if _, err := cli(filepath.Join(dir, "phuong0.db"), "package", "import", pkgs[1], "--passphrase-file", passFile); err == nil ||
		!strings.Contains(err.Error(), "init --consolidation") {
		t.Fatalf("ward register imported: %v", err)
	}

	cons := filepath.Join(dir, "tinh-doan.db")
	must(cons, "init", "--consolidation", "--unit", "BCH Tỉnh Đoàn Đồng Tháp", "--place", "Đồng Tháp",
		"--upper", "Trung ương Đoàn TNCS Hồ Chí Minh", "--secretary", "Phan Văn Thắng")
	if _, err := cli(cons, "package", "import", pkgs[0], "--passphrase-file", wrongFile); err == nil || !strings.Contains(err.Error(), "sai mật khẩu") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	for _, p := range pkgs {
		// The file may come after its flags too.
		must(cons, "package", "import", "--passphrase-file", passFile, p)
	}
	if _, err := cli(cons, "package", "import", pkgs[2], "--passphrase-file", passFile); err == nil || !strings.Contains(err.Error(), "đã được nhập") {
		t.Fatalf("same package again: %v", err)
	}
	list := must(cons, "package", "list")
	for _, n := range names {
		if !strings.Contains(list, n) {
			t.Fatalf("list lacks %s:\n%s", n, list)
		}
	}
	// The consolidation register keeps no members of its own.
	if _, err := cli(cons, "demo", "--members", "50"); err == nil {
		t.Fatal("demo on a consolidation register")
	}

	// The province enters its own plan through the CLI (a new register
	// has none), from the template, with the figures of 2.1–2.8.
	if out := must(cons, "plan", "show"); !strings.Contains(out, domain.NoPlan) {
		t.Fatalf("plan show on a new register: %s", out)
	}
	must(cons, "plan", "new", "--number", "105-KH/TĐTN", "--date", "15/03/2023", "--issuer", "Ban Thường vụ Tỉnh Đoàn Đồng Tháp",
		"--from", "2023", "--to", "2027")
	for _, in := range domain.DefaultPlanIndicators {
		if in.Kind != domain.KindCheck {
			must(cons, "plan", "target", "--code", in.Code, "--value", domain.FormatNum(in.Target))
		}
	}
	if out := must(cons, "plan", "show"); !strings.Contains(out, "Kế hoạch số 105-KH/TĐTN ngày 15/03/2023 của Ban Thường vụ Tỉnh Đoàn Đồng Tháp, giai đoạn 2023 - 2027") ||
		!strings.Contains(out, "2.5a  7.500 (cả giai đoạn)") || strings.Contains(out, "chưa nhập") {
		t.Fatalf("plan show:\n%s", out)
	}

	pdf := filepath.Join(dir, "tong-hop.pdf")
	if out := must(cons, "report", "consolidated", "--year", "2025", "--date", "15/12/2025", "--out", pdf); !strings.Contains(out, "1-BC/TĐTN") {
		t.Fatalf("report: %s", out)
	}
	testtool.Need(t, "pdftotext")
	raw, err := exec.Command("pdftotext", "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`\s+`).ReplaceAllString(string(raw), " ")
	st, err := store.Open(cons)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := wardpkg.Consolidate(ctx, st, 2025, domain.MustDate(2025, 12, 15))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"BCH TỈNH ĐOÀN ĐỒNG THÁP", "Số: 1-BC/TĐTN", "Đồng Tháp, ngày 15 tháng 12 năm 2025",
		"Tổng hợp kết quả thực hiện Kế hoạch số 105-KH/TĐTN năm 2025", "TM. BAN THƯỜNG VỤ", "Phan Văn Thắng",
		"Đoàn phường An Hòa", "Đoàn phường Tân Quy Đông", "Đoàn xã Tân Khánh Đông"}
	// The total row: the summed figures, in the plan's order.
	row := []string{"Tổng cộng"}
	for _, r := range c.Total {
		switch {
		case domain.PerWard(r.Indicator):
			// A target of each cơ sở: the wards meeting it.
			row = append(row, itoa(int64(r.Num))+"/3")
		case !r.Known:
			row = append(row, "—")
		default:
			row = append(row, domain.FormatValue(r.Indicator.Kind, r.Actual))
		}
		if r.Indicator.Kind == domain.KindPercent && r.Den > 0 && !domain.PerWard(r.Indicator) {
			want = append(want, "("+domain.FormatInt(int64(r.Num))+"/"+domain.FormatInt(int64(r.Den))+")")
		}
	}
	want = append(want, strings.Join(row, " "))
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q:\n%s", w, text)
		}
	}
	// The new-member count of the total is the wards' sum.
	sum := 0.0
	for _, wr := range c.Wards {
		for i, r := range wr.Results {
			if c.Plan.Indicators[i].Metric == domain.MetricNewUnionMembers {
				sum += r.Actual
			}
		}
	}
	for i, in := range c.Plan.Indicators {
		if in.Metric == domain.MetricNewUnionMembers && (c.Total[i].Actual != sum || sum == 0) {
			t.Errorf("new members: total %v, wards %v", c.Total[i].Actual, sum)
		}
	}

	// Forgotten, a ward leaves the list and its snapshot the folder.
	must(cons, "package", "forget", "Bch đoàn phường an hòa")
	if list := must(cons, "package", "list"); strings.Contains(list, names[0]) {
		t.Fatalf("forgotten ward listed:\n%s", list)
	}
	if es, _ := os.ReadDir(st.WardsDir()); len(es) != 2 {
		t.Fatalf("%d files in the wards folder", len(es))
	}
}
