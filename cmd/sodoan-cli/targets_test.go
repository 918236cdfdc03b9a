package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/internal/testtool"
)

// TestTargetsCommands: models, trainings and standards through the
// command line, and the annual report naming the economic models
// supported by its cut-off (a household model of August is not in the
// June report, and is in December's).
func TestTargetsCommands(t *testing.T) {
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

	for _, tc := range []struct {
		args []string
		want string // in the output, or the error when fail
		fail bool
	}{
		{[]string{"models", "add", "--target", "2.2b", "--kind", "individual", "--name", "Nuôi lươn không bùn", "--owner", "anh Trần Văn Bảy",
			"--date", "10/03/2025", "--support", "Giới thiệu vay 50 triệu đồng"}, "cá nhân “Nuôi lươn không bùn” (anh Trần Văn Bảy)", false},
		{[]string{"models", "add", "--target", "2.2b", "--kind", "household", "--name", "Trồng nấm rơm", "--owner", "hộ chị Lê Thị Hoa",
			"--date", "15/08/2025"}, "hộ gia đình “Trồng nấm rơm”", false},
		{[]string{"models", "add", "--target", "2.1", "--kind", "page", "--name", "Tuổi trẻ phường", "--link", "facebook.com/tuoitre",
			"--date", "01/02/2025"}, "trang “Tuổi trẻ phường” (facebook.com/tuoitre)", false},
		// Refused with the field and the reason.
		{[]string{"models", "add", "--target", "2.3", "--kind", "page", "--name", "X", "--date", "01/02/2025"}, "--target \"2.3\": chọn 2.1 hoặc 2.2b", true},
		{[]string{"models", "add", "--target", "2.2b", "--kind", "page", "--name", "X", "--date", "01/02/2025"}, "Loại mô hình: \"page\" không có trong danh mục", true},
		{[]string{"models", "add", "--target", "2.2b", "--kind", "household", "--date", "01/02/2025"}, "Tên mô hình: không được để trống", true},
		{[]string{"models", "list", "--year", "2025", "--target", "2.2b"}, "Nuôi lươn không bùn", false},
		{[]string{"standards", "set", "--office", "secretary", "--from", "2025", "--theory", "advanced"}, "Chuẩn Bí thư từ năm 2025: học vấn 12/12; chuyên môn sơ cấp, trung cấp nghề trở lên; LLCT cao cấp trở lên; tập huấn trong năm.", false},
		{[]string{"standards", "set", "--office", "secretary", "--theory", "phd"}, "Lý luận chính trị tối thiểu: \"phd\" không có trong danh mục", true},
		{[]string{"standards", "set", "--office", "chairman"}, "--office \"chairman\": chọn một trong", true},
		{[]string{"standards", "list", "--year", "2025"}, "Bí thư 12/12 Sơ cấp, trung cấp nghề Cao cấp Có Có 2025", false},
		{[]string{"standards", "list", "--year", "2024"}, "Bí thư 12/12 Sơ cấp, trung cấp nghề Trung cấp Có Có mặc định", false},
		{[]string{"trainings", "add", "--person", "1", "--date", "02/02/2025", "--course", "Tập huấn cán bộ Đoàn cơ sở", "--organiser", "Tỉnh Đoàn"}, "Đã ghi lớp tập huấn", false},
		{[]string{"trainings", "add", "--person", "1", "--date", "02/02/2025"}, "Lớp tập huấn: không được để trống", true},
		{[]string{"trainings", "list", "--person", "1"}, "02/02/2025 Tập huấn cán bộ Đoàn cơ sở Tỉnh Đoàn", false},
	} {
		out, err := cli(tc.args...)
		if (err != nil) != tc.fail {
			t.Fatalf("%v: err %v\n%s", tc.args, err, out)
		}
		if tc.fail {
			out += err.Error()
		}
		// Tables are aligned with spaces: compare word by word.
		if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, strings.Join(strings.Fields(tc.want), " ")) {
			t.Errorf("%v: lacks %q:\n%s", tc.args, tc.want, out)
		}
	}

	pdf := func(name string, args ...string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		must(append(append([]string{"report", "annual"}, args...), "--out", path)...)
		testtool.Need(t, "pdftotext")
		text, err := exec.Command("pdftotext", "-raw", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		return strings.Join(strings.Fields(string(text)), " ")
	}
	june := pdf("june.pdf", "--year", "2025", "--cutoff", "30/06/2025", "--date", "30/06/2025")
	dec := pdf("dec.pdf", "--year", "2025", "--cutoff", "31/12/2025", "--date", "31/12/2025")
	for _, c := range []struct {
		name, text, part string
		in               bool
	}{
		{"June", june, "cá nhân “Nuôi lươn không bùn” (anh Trần Văn Bảy)", true},
		{"June", june, "Trồng nấm rơm", false}, // supported 15/08: not yet
		// Named beside the demo ward's own page and models; the link,
		// too wide for the result column, is broken after its "/" at
		// the table's size (pdftotext reads the break as a space).
		{"June", june, "trang “Tuổi trẻ phường” (facebook.com/ tuoitre)", true},
		{"December", dec, "cá nhân “Nuôi lươn không bùn” (anh Trần Văn Bảy)", true},
		{"December", dec, "hộ gia đình “Trồng nấm rơm” (hộ chị Lê Thị Hoa)", true},
	} {
		if strings.Contains(c.text, c.part) != c.in {
			t.Errorf("%s report: contains %q = %v, want %v", c.name, c.part, !c.in, c.in)
		}
	}
}
