//go:build unix

package store

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"sodoan/outfile"
)

// TestOutputPrivate is finding 11 of issue 9: documents and exports hold
// personal data, so they are readable by the user alone whatever the
// umask (they were 0644).
func TestOutputPrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for _, replace := range []bool{false, true} {
		path := filepath.Join(dir, "danh-sach.pdf")
		if err := (outfile.Output{Path: path, Replace: replace}).Write(writeString("x")); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
		}
	}
}
