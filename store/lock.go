package store

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
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
	note string // what it wrote beside the register
}

// LockPath is the file beside the register at path that names the
// process holding it.
func LockPath(path string) string { return path + ".lock" }

// lockNote is what the file beside the register says of its holder: its
// process number, and "lenh" for a command (which lets another command
// wait its turn) or "cua-so" for a window (which does not end soon).
func lockNote(command bool) string {
	kind := "cua-so"
	if command {
		kind = "lenh"
	}
	return strconv.Itoa(os.Getpid()) + " " + kind + "\n"
}

// lockRegister locks the register at path. A command (command true)
// waits, up to the busy timeout, for another command's lock to go, as
// SQLite waits for another's write; a window's lock, which lasts as long
// as the window, refuses it at once.
func lockRegister(path string, command bool) (*registerLock, error) {
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
	// The wall clock measures the wait, which the register's clock must
	// not shorten.
	deadline := time.Now().Add(time.Duration(busyTimeoutMS) * time.Millisecond)
	for {
		err := lockFile(f)
		if err == nil {
			break
		}
		pid, holder := "", ""
		if b, rerr := os.ReadFile(LockPath(path)); rerr == nil {
			f := strings.Fields(string(b))
			if len(f) > 0 {
				if n, perr := strconv.Atoi(f[0]); perr == nil {
					pid = fmt.Sprintf(" (tiến trình %d)", n)
				}
			}
			if len(f) > 1 {
				holder = f[1]
			}
		}
		// A command waits for another command, and for a holder that
		// has not written its note yet (it is doing so this moment).
		if command && holder != "cua-so" && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		f.Close()
		if holder == "lenh" {
			return nil, fmt.Errorf("%w: một lệnh sodoan-cli khác%s đang ghi vào %s; hãy thử lại sau ít phút", ErrBusy, pid, path)
		}
		return nil, fmt.Errorf("%w%s: %s. Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi thử lại", ErrInUse, pid, path)
	}
	// The holder's note, best effort: a folder the user may not write
	// has no room for it, and the lock holds without it.
	note := lockNote(command)
	os.WriteFile(LockPath(path), []byte(note), 0o600)
	return &registerLock{f: f, path: path, note: note}, nil
}

func (l *registerLock) release() {
	// Only the holder removes the note of who holds it; a note another
	// process wrote since (through another name) stays. The lock is on
	// the register itself: nothing depends on the note's file staying.
	if b, err := os.ReadFile(LockPath(l.path)); err == nil && string(b) == l.note {
		os.Remove(LockPath(l.path))
	}
	unlockFile(l.f)
	l.f.Close()
}
