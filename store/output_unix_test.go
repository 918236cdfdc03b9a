//go:build unix

package store

import (
	"context"
	"errors"
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

// One writer per register, whatever the name it is reached by (issue 18,
// finding 3): a symbolic link, a hard link, and a register whose lock
// note beside it was replaced or removed all meet the window's lock; the
// output guard refuses the note, devices and FIFOs.
func TestOneWriterWhateverThePath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "so.db")
	a, err := OpenWith(path, OpenOptions{Create: true, Exclusive: true})
	mustNil(t, err)
	sym := filepath.Join(dir, "lien-ket.db")
	mustNil(t, os.Symlink(path, sym))
	hard := filepath.Join(dir, "cung-tep.db")
	mustNil(t, os.Link(path, hard))
	for _, name := range []string{path, sym, hard} {
		if _, err := OpenWith(name, OpenOptions{Exclusive: true}); !errors.Is(err, ErrInUse) {
			t.Fatalf("%s opened a second time: %v", filepath.Base(name), err)
		}
	}
	// The note beside the register replaced (report --out so.db.lock
	// --force did), then removed: the lock holds.
	mustNil(t, os.WriteFile(LockPath(path), []byte("%PDF-1.4"), 0o600))
	if _, err := OpenWith(path, OpenOptions{Exclusive: true}); !errors.Is(err, ErrInUse) {
		t.Fatalf("after the note was replaced: %v", err)
	}
	mustNil(t, os.Remove(LockPath(path)))
	if _, err := OpenWith(hard, OpenOptions{Exclusive: true}); !errors.Is(err, ErrInUse) {
		t.Fatalf("after the note was removed: %v", err)
	}
	// A restore through the hard link is refused too: its lock is the
	// same as the window's.
	mustNil(t, a.Close())
	b, err := OpenWith(hard, OpenOptions{Exclusive: true})
	mustNil(t, err)
	mustNil(t, b.Close())

	fifo := filepath.Join(dir, "ong")
	mustNil(t, syscall.Mkfifo(fifo, 0o600))
	for _, o := range []outfile.Output{
		{Path: LockPath(path), Register: path, Replace: true},
		{Path: LockPath(hard), Replace: true},
		{Path: fifo, Replace: true},
		{Path: "/dev/full", Replace: true},
		{Path: "/dev/null", Replace: true},
	} {
		err := o.Write(writeString("x"))
		if err == nil {
			t.Fatalf("%s written", o.Path)
		}
	}
	if fi, err := os.Stat("/dev/full"); err != nil || fi.Mode().IsRegular() {
		t.Fatalf("/dev/full is no longer a device: %v", err)
	}
	if err := outfile.Regular(fifo); !errors.Is(err, outfile.ErrNotRegular) {
		t.Fatalf("a FIFO as input: %v", err)
	}
}

// A new register and the files SQLite keeps beside it are the user's
// alone, whatever the umask (issue 18, finding 5: they were 0644).
func TestRegisterPrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	for _, o := range []OpenOptions{{Create: true}, {Create: true, Exclusive: true}} {
		path := filepath.Join(t.TempDir(), "so.db")
		s, err := OpenWith(path, o)
		mustNil(t, err)
		mustNil(t, s.SetSetting(context.Background(), "unit.name", "Đoàn phường 1"))
		for _, name := range []string{path, path + "-wal", path + "-shm"} {
			fi, err := os.Stat(name)
			mustNil(t, err)
			if fi.Mode().Perm() != 0o600 {
				t.Errorf("%+v: %s mode %v, want 0600", o, filepath.Base(name), fi.Mode().Perm())
			}
		}
		mustNil(t, s.Close())
	}
}
