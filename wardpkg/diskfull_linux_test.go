//go:build linux

package wardpkg

import (
	"context"
	"errors"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestUnpackDiskFull: a register that cannot be written out (the upper
// level's disk full; here a file-size limit) is the disk's fault, not the
// package's: the message says so, and nothing changes.
func TestUnpackDiskFull(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w := ward(t, dir, "BCH Đoàn phường 1", 8, 60)
	pkg := filepath.Join(dir, "p.sodoan")
	m := export(t, w, pkg)
	if m.Size <= 64<<10 {
		t.Fatalf("register of %d bytes: too small for the limit", m.Size)
	}
	cons := consolidation(t, dir)
	// Writing past the limit fails with EFBIG instead of killing the
	// process (SIGXFSZ ignored).
	signal.Ignore(syscall.SIGXFSZ)
	defer signal.Reset(syscall.SIGXFSZ)
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	lim := old
	lim.Cur = 64 << 10
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	_, err := Import(ctx, cons, pkg, pass)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	if err == nil || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "ổ đĩa đầy") || !errors.Is(err, syscall.EFBIG) {
		t.Fatalf("disk full: %v", err)
	}
	unchanged(t, cons, nil, nil)
	// With room again, the same package comes in.
	if _, err := Import(ctx, cons, pkg, pass); err != nil {
		t.Fatal(err)
	}
}
