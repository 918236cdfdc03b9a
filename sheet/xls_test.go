package sheet

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// xlsText is the text of cell A<i> of testdata/strings.xls (see
// testdata/gen-strings.go).
func xlsText(i int) string {
	switch i % 3 {
	case 0:
		return fmt.Sprintf("row %d plain ascii text long enough to fill the records %d", i, i*7)
	case 1:
		return fmt.Sprintf("dòng %d Nguyễn Thị Ánh Tuyết ở ấp Hòa Khánh số %d 😀", i, i*7)
	}
	return fmt.Sprintf("Phạm %d Ngọc Ân", i)
}

// TestReadXLSStrings reads a workbook LibreOffice wrote as Excel 97–2003:
// 900 shared strings, 8-bit and UTF-16 (with a character outside the BMP),
// rich text, over many CONTINUE records; whole numbers (RK), decimals
// (NUMBER), a formula's text result and a large number.
func TestReadXLSStrings(t *testing.T) {
	// The file holds what the test is about: a shared-string table over
	// several CONTINUE records, with rich strings.
	b, err := openXLS("testdata/strings.xls")
	if err != nil {
		t.Fatal(err)
	}
	conts, rich := 0, 0
	b.records(0, func(r biffRecord) bool {
		if r.id == recSST {
			conts = len(r.cont)
			for _, seg := range append([][]byte{r.data[8:]}, r.cont...) {
				for i := 0; i+3 <= len(seg); i++ {
					// "Phạm " starts each rich string: cch, flags 0x09 (rich, UTF-16).
					if seg[i+2] == 0x09 && i+5 < len(seg) && seg[i+5] == 'P' {
						rich++
					}
				}
			}
		}
		return r.id != recEOF
	})
	t.Logf("%d CONTINUE records, %d rich strings", conts, rich)
	if conts < 3 || rich < 100 {
		t.Fatalf("strings.xls: %d CONTINUE records, %d rich strings seen; the fixture is not what it should be", conts, rich)
	}
	names, err := xlsSheets("testdata/strings.xls")
	if err != nil || len(names) != 1 || names[0] != "Chuỗi" {
		t.Fatalf("sheets %q, %v", names, err)
	}
	n := 0
	err = eachXLS("testdata/strings.xls", "Chuỗi", func(row int, cells []string) error {
		n++
		if row != n {
			t.Fatalf("row %d after %d rows", row, n-1)
		}
		want := []string{xlsText(row), fmt.Sprint(row), fmt.Sprint(float64(row) + 0.25)}
		if row == 1 {
			want = append(want, "Lê Văn Tám", "87201001234")
		}
		if len(cells) != len(want) {
			t.Fatalf("row %d: %q, want %q", row, cells, want)
		}
		for i := range want {
			if cells[i] != want[i] {
				t.Errorf("row %d, column %d = %q, want %q", row, i+1, cells[i], want[i])
			}
		}
		return nil
	})
	if err != nil || n != 900 {
		t.Fatalf("%d rows, %v", n, err)
	}
}

// TestReadXLS imports the member list LibreOffice saved as .xls, and
// refuses with the message asking for .xlsx what is not BIFF8.
func TestReadXLS(t *testing.T) {
	importKhom3(t, "testdata/libreoffice.xls")
	b, err := os.ReadFile("testdata/libreoffice.xls")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cut := filepath.Join(dir, "cut.xls")
	if err := os.WriteFile(cut, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := eachXLSRows(cut); !errors.Is(err, ErrXLS) && err == nil {
		t.Errorf("a truncated .xls read without an error")
	}
	// An .xlsx named .xls is read as what it is.
	x, err := os.ReadFile("testdata/libreoffice.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	renamed := filepath.Join(dir, "ds.xls")
	if err := os.WriteFile(renamed, x, 0o644); err != nil {
		t.Fatal(err)
	}
	importKhom3(t, renamed)
}

func eachXLSRows(path string) (int, error) {
	s := &source{path: path, format: XLS}
	names, err := sheets(path, XLS)
	if err != nil || len(names) == 0 {
		return 0, err
	}
	s.sheet = names[0]
	n := 0
	return n, s.each(func(int, []string) error { n++; return nil })
}

// TestReadXLSDamaged reads 600 damaged copies of an .xls (bytes changed
// at random, with a fixed seed; the file cut short): each gives rows or an
// error, never a panic or a hang (a generous bound: the machine may be
// busy).
func TestReadXLSDamaged(t *testing.T) {
	b, err := os.ReadFile("testdata/libreoffice.xls")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(1))
	path := filepath.Join(t.TempDir(), "hong.xls")
	for i := 0; i < 600; i++ {
		d := append([]byte(nil), b...)
		for k := 0; k < 1+r.Intn(4); k++ {
			d[r.Intn(len(d))] = byte(r.Intn(256))
		}
		if i%10 == 0 {
			d = d[:r.Intn(len(d))]
		}
		if err := os.WriteFile(path, d, 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			eachXLSRows(path)
		}()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("copy %d: reading has not ended after 30 s", i)
		}
	}
}
