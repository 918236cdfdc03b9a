package outfile

import (
	"errors"
	"syscall"
)

// inUse: ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33), what
// Windows answers when another program holds the file open; Go's
// fs.ErrPermission does not cover them.
func inUse(err error) bool {
	var e syscall.Errno
	return errors.As(err, &e) && (e == 32 || e == 33)
}

func isWindowsDiskFull(e syscall.Errno) bool { return e == 112 || e == 39 }
