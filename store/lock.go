package store

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// ErrInUse is wrapped by the error of opening, with OpenOptions.Exclusive,
// a register that another window (or a restore) holds.
var ErrInUse = errors.New("sổ đang được mở trong một cửa sổ Sổ Đoàn khác")

// registerLock is an OS lock on the register file itself, so that every
// name of the file (a symbolic or hard link, a short 8.3 name, another
// spelling) meets the same lock, and replacing or deleting a file beside
// it lets nobody in (issue 18, finding 3). The OS releases it when the
// process ends, however it ends, so a crash leaves no stale lock behind.
// It does not get in SQLite's way: on Unix it is a flock, which SQLite's
// fcntl locks do not see; on Windows it is one byte far past any offset
// SQLite reads, writes or locks.
//
// The file beside the register ("so-doan.db.lock") only tells the
// holder's process number, for the message of the one refused; it is not
// the lock.
type registerLock struct {
	f    *os.File
	path string
}

// LockPath is the file beside the register at path that names the
// process holding it.
func LockPath(path string) string { return path + ".lock" }

func lockRegister(path string) (*registerLock, error) {
	// Opening a missing register creates it empty (OpenWith has decided
	// to create it), 0600: it will hold members' personal data.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		// A register the user may only read is still locked, so that
		// no restore replaces it under the window reading it.
		if f, err = os.Open(path); err != nil {
			return nil, fmt.Errorf("khóa sổ %s: %w", path, err)
		}
	}
	if err := lockFile(f); err != nil {
		pid := ""
		if b, rerr := os.ReadFile(LockPath(path)); rerr == nil {
			if n, perr := strconv.Atoi(strings.TrimSpace(string(b))); perr == nil {
				pid = fmt.Sprintf(" (tiến trình %d)", n)
			}
		}
		f.Close()
		return nil, fmt.Errorf("%w%s: %s. Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi thử lại", ErrInUse, pid, path)
	}
	// The holder's process number, best effort: a folder the user may
	// not write has no room for it, and the lock holds without it.
	os.WriteFile(LockPath(path), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600)
	return &registerLock{f: f, path: path}, nil
}

func (l *registerLock) release() {
	// Only the holder empties the note of who holds it; a note another
	// process wrote since (through another name) stays.
	if b, err := os.ReadFile(LockPath(l.path)); err == nil && strings.TrimSpace(string(b)) == strconv.Itoa(os.Getpid()) {
		os.WriteFile(LockPath(l.path), nil, 0o600)
	}
	unlockFile(l.f)
	l.f.Close()
}
