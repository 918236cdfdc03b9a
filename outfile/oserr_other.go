//go:build !windows

package outfile

import "syscall"

// inUse is Windows's sharing violation; other systems let a file open in
// another program be replaced.
func inUse(error) bool { return false }

func isWindowsDiskFull(syscall.Errno) bool { return false }
