package sheet

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadCSV: whatever bytes a .csv holds, reading it gives a preview or
// an error, never a panic, and writes nothing. The seeds run in make test.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("Họ và tên,Giới tính,Ngày sinh,Ngày vào Đoàn\nNguyễn Văn An,Nam,01/02/2000,03/04/2016\n"))
	f.Add([]byte("\uFEFFSTT;Họ tên;Ngày sinh;\n1;\x00\x1b[31m;99/99/9999;\n"))
	f.Add([]byte("Họ và tên,Ngày sinh\n\"=HYPERLINK(\"\"x\"\")\",-1e308\n,NaN\n👨‍👩‍👧 Văn 😀,Inf\n"))
	f.Add([]byte("Họ và tên,Ngày sinh,Nam,Nữ\n\"a\nb\",2147483648,1,1\n" + strings.Repeat("x", 70000) + ",1/1/1\n"))
	f.Add([]byte{0xff, 0xfe, 'H', 0, 'o', 0})
	s := openTemp(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		pv, err := Read(context.Background(), s, path, nil)
		if err != nil {
			return
		}
		for _, p := range pv.Problems() {
			if p.Row < 1 || p.Reason == "" {
				t.Fatalf("problem without a row or a reason: %+v", p)
			}
		}
		if n := count(t, s); n != 0 {
			t.Fatalf("reading wrote %d people", n)
		}
	})
}

// FuzzReadXLS: a damaged Excel 97–2003 file gives an error, never a
// panic. The seeds are the LibreOffice file and pieces of it.
func FuzzReadXLS(f *testing.F) {
	b, err := os.ReadFile("testdata/libreoffice.xls")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	flipped := append([]byte(nil), b...)
	flipped[len(flipped)/3] ^= 0xFF
	f.Add(flipped)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.xls")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		names, err := sheets(path, XLS)
		if err != nil {
			return
		}
		for _, name := range names {
			s := &source{path: path, format: XLS, sheet: name}
			_ = s.each(func(int, []string) error { return nil })
		}
	})
}
