//go:build windows

package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// lockFile takes an exclusive lock on f without waiting.
func lockFile(f *os.File) error {
	// The byte locked lies past the process number written at the start,
	// which the refused process still reads for its message.
	ol := &windows.Overlapped{Offset: 1 << 20}
	return windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
}

func unlockFile(f *os.File) error {
	ol := &windows.Overlapped{Offset: 1 << 20}
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, ol)
}

// dirWritable tells whether the user may create files in dir. Windows
// folders' rights are ACLs that the mode bits do not show: SQLite's own
// error tells later.
func dirWritable(dir string) bool { return true }
