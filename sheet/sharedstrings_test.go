package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withSharedStrings rewrites the workbook at path with its shared strings
// replaced by sst, stored as the zip entry declares size.
func withSharedStrings(t *testing.T, path string, sst func(w io.Writer)) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := filepath.Join(t.TempDir(), "chuoi.xlsx")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/sharedStrings.xml" {
			sst(w)
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, r)
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

// The shared strings have limits like the rest of a sheet (issue 18,
// finding 9): a small file that unpacks to millions of strings is
// refused, with a message, before it fills the memory.
func TestSharedStringsLimit(t *testing.T) {
	s := wardRegister(t)
	base := wardSheet(t)
	for _, tc := range []struct {
		name  string
		write func(w io.Writer)
	}{
		{"too many strings", func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
			si := []byte(strings.Repeat("<si><t>a</t></si>", 1000))
			for range maxSharedStrings/1000 + 1 {
				w.Write(si)
			}
			io.WriteString(w, `</sst>`)
		}},
		{"too much XML", func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
			pad := bytes.Repeat([]byte(" "), 1<<20)
			for range maxSharedXML>>20 + 1 {
				w.Write(pad)
			}
			io.WriteString(w, `</sst>`)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := withSharedStrings(t, base, tc.write)
			if fi, _ := os.Stat(path); fi.Size() > 2<<20 {
				t.Fatalf("the hostile file is %d bytes, meant to be small", fi.Size())
			}
			_, err := Read(context.Background(), s, path, nil)
			if !errors.Is(err, errTooBig) || !strings.Contains(err.Error(), "sharedStrings.xml") {
				t.Fatalf("read: %v", err)
			}
		})
	}
}

// A CSV cell over 16 MB refuses the file with a message naming the row,
// as the README says, instead of dropping the row (issue 18).
func TestCSVHugeCellRefused(t *testing.T) {
	s := wardRegister(t)
	path := filepath.Join(t.TempDir(), "danh-sach.csv")
	var b bytes.Buffer
	b.WriteString("STT,Họ và tên,Ngày sinh,Giới tính\n1,Nguyễn Văn An,01/02/2001,Nam\n2,Trần ")
	b.Write(bytes.Repeat([]byte("x"), maxToken+1))
	b.WriteString(",03/04/2002,Nữ\n")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Read(context.Background(), s, path, nil)
	if !errors.Is(err, errTooBig) || !strings.Contains(err.Error(), "dòng 3") {
		t.Fatalf("read: %v", err)
	}
}
