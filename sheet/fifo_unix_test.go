//go:build unix

package sheet

import (
	"context"
	"errors"
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
