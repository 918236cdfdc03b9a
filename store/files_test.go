package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bao-cao", "2026")
	path := filepath.Join(dir, "danh-sach.pdf")
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "bản đầu"); return err }); err != nil {
		t.Fatal(err)
	}
	// A write that fails half-way leaves the earlier file whole and no
	// temporary file behind.
	boom := errors.New("hết giấy")
	err := WriteFile(path, func(w io.Writer) error { io.WriteString(w, "bản hỏng"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("error %v", err)
	}
	got, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(got) != "bản đầu" || len(entries) != 1 {
		t.Fatalf("after a failed write: %q, %d files", got, len(entries))
	}
}
