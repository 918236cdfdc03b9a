package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A snapshot is a plaintext copy of the whole register, made to be
// encrypted into a ward's package. It is written in a folder of its own
// beside the register (never the OS's temporary folder, which nobody
// empties: issue 18, finding 5), holding a lock for as long as it is in
// use; a folder whose lock nobody holds is a leftover of a program killed
// half-way, and is removed the next time a snapshot is made.

// snapshotPrefix names the folders of snapshots in use.
const snapshotPrefix = ".sodoan-ban-chep-"

// TempSnapshot writes a consistent copy of the register into a new folder
// beside it and returns the copy's path and the function that removes it
// (call it whatever happens). Leftovers of killed runs go first.
func (s *Store) TempSnapshot(ctx context.Context, name string) (path string, remove func(), err error) {
	parent := filepath.Dir(s.path)
	removeStaleSnapshots(parent)
	dir, err := os.MkdirTemp(parent, snapshotPrefix+"*")
	if err != nil {
		// A register in a folder the user may only read: the system's
		// temporary folder, under the same lock and clean-up.
		removeStaleSnapshots(os.TempDir())
		if dir, err = os.MkdirTemp("", snapshotPrefix+"*"); err != nil {
			return "", nil, fmt.Errorf("tạo thư mục tạm: %w", err)
		}
	}
	lf, err := os.OpenFile(filepath.Join(dir, "dang-dung"), os.O_RDWR|os.O_CREATE, 0o600)
	if err == nil {
		err = lockFile(lf)
	}
	if err != nil {
		if lf != nil {
			lf.Close()
		}
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("khóa thư mục tạm %s: %w", dir, err)
	}
	remove = func() {
		unlockFile(lf)
		lf.Close()
		os.RemoveAll(dir)
	}
	path = filepath.Join(dir, name)
	if err := s.Snapshot(ctx, path); err != nil {
		remove()
		return "", nil, err
	}
	return path, remove, nil
}

// removeStaleSnapshots removes the snapshot folders in parent that no
// running program holds.
func removeStaleSnapshots(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), snapshotPrefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		lf, err := os.OpenFile(filepath.Join(dir, "dang-dung"), os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			continue
		}
		if lockFile(lf) != nil {
			lf.Close() // in use by another program
			continue
		}
		unlockFile(lf)
		lf.Close()
		os.RemoveAll(dir)
	}
}
