//go:build unix

package wardpkg

import (
	"context"
	"errors"
	"path/filepath"
	"syscall"
	"testing"

	"sodoan/outfile"
)

// A FIFO given as a package or as the passphrase file is refused at once
// instead of blocking for ever (issue 18, finding 10).
func TestFIFOInputsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "ong.sodoan")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPassphrase(fifo); !errors.Is(err, outfile.ErrNotRegular) {
		t.Fatalf("passphrase from a FIFO: %v", err)
	}
	cons := consolidation(t, dir)
	if _, err := Import(context.Background(), cons, fifo, pass); !errors.Is(err, outfile.ErrNotRegular) {
		t.Fatalf("package from a FIFO: %v", err)
	}
	unchanged(t, cons, nil, nil)
}
