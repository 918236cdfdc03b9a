//go:build unix

package ui

import (
	"syscall"
	"time"
)

// processCPU is the processor time of the whole process (every thread,
// user and system): on a shared machine it says what a benchmark costs
// better than the wall clock.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
