//go:build unix

package sheet

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"sodoan/outfile"
)

// A FIFO named like a sheet is refused at once instead of blocking the
// import for ever (issue 18, finding 10).
func TestFIFOSheetRefused(t *testing.T) {
	s := wardRegister(t)
	fifo := filepath.Join(t.TempDir(), "danh-sach.xlsx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(context.Background(), s, fifo, nil); !errors.Is(err, outfile.ErrNotRegular) {
		t.Fatalf("a FIFO read as a sheet: %v", err)
	}
}

// The file of rows not imported never replaces the sheet they are read
// from, even with leave to replace files (issue 18: import --errors F
// --force with F the import's own file).
func TestRejectedNeverOverItsSheet(t *testing.T) {
	s := wardRegister(t)
	path := wardSheet(t)
	pv, err := Read(context.Background(), s, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	link := filepath.Join(t.TempDir(), "lien-ket.xlsx")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, link} {
		if _, err := pv.WriteRejected(outfile.Output{Path: p, Replace: true}); !errors.Is(err, outfile.ErrOutputIsInput) {
			t.Fatalf("%s: %v", p, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the sheet was replaced")
	}
}
