//go:build unix

package sheet

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used so far (user and
// system, all threads): on a machine shared with other work it measures
// what a benchmark costs better than the wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
