package desktop

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"time"

	"sodoan/domain"
)

// settle is how long a launcher is waited for. xdg-open and xdg-email
// usually hand the file to a program and exit at once, with a status
// that says whether that worked; some run the program itself and stay
// until it closes. One still running after settle has started its
// program, so it is left to run and reaped in the background.
const settle = 4 * time.Second

// run starts name with args and waits for it (up to settle when detach),
// returning a Vietnamese message when it is missing, cannot start, or
// exits with an error; its own words (stderr) go in the message.
func run(detach bool, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return domain.ErrMsg("máy chưa có lệnh %s", name)
		}
		return domain.ErrMsg("không chạy được lệnh %s: %v", name, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	if detach {
		select {
		case err = <-done:
		case <-time.After(settle):
			return nil // still running: its program is open
		}
	} else {
		err = <-done
	}
	if err == nil {
		return nil
	}
	said := strings.TrimSpace(stderr.String())
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() > 0 {
		if said == "" {
			return exitError{ee.ExitCode(), domain.ErrMsg("lệnh %s báo lỗi (mã %d)", name, ee.ExitCode()).(*domain.MessageError)}
		}
		return exitError{ee.ExitCode(), domain.ErrMsg("lệnh %s báo lỗi (mã %d): %s", name, ee.ExitCode(), said).(*domain.MessageError)}
	}
	return domain.ErrMsg("lệnh %s dừng giữa chừng: %v", name, err)
}

// exitError is a command's exit with an error status: the message, and
// the status for the callers that know what a command's statuses mean.
type exitError struct {
	code int
	*domain.MessageError
}

// exitCode is the status of a command that exited with one, else 0.
func exitCode(err error) int {
	var e exitError
	if errors.As(err, &e) {
		return e.code
	}
	return 0
}
