//go:build windows

package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// lockOffsetHigh places the byte locked at 2^62, far past the bytes
// SQLite locks (at 1 GiB) and any register's size: Windows locks are
// mandatory, and one on a byte SQLite used would fail its reads. Locking
// past the end of a file is allowed.
const lockOffsetHigh = 1 << 30

// lockFile takes an exclusive lock on f (the register file) without
// waiting.
func lockFile(f *os.File) error {
	ol := &windows.Overlapped{OffsetHigh: lockOffsetHigh}
	return windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
}

func unlockFile(f *os.File) error {
	ol := &windows.Overlapped{OffsetHigh: lockOffsetHigh}
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, ol)
}

// dirWritable tells whether the user may create files in dir. Windows
// folders' rights are ACLs that the mode bits do not show: SQLite's own
// error tells later.
func dirWritable(dir string) bool { return true }
