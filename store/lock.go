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

// registerLock is an OS lock on a file beside the register
// ("so-doan.db.lock"). The OS releases it when the process ends, however
// it ends, so a crash leaves no stale lock behind; the file itself stays
// (removing it would let two processes lock two different files).
type registerLock struct{ f *os.File }

// LockPath is the lock file of the register at path.
func LockPath(path string) string { return path + ".lock" }

func lockRegister(path string) (*registerLock, error) {
	f, err := os.OpenFile(LockPath(path), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("khóa sổ %s: %w", path, err)
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
	// The holder's process number, for the message of the one refused.
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return &registerLock{f: f}, nil
}

func (l *registerLock) release() {
	l.f.Truncate(0)
	unlockFile(l.f)
	l.f.Close()
}
