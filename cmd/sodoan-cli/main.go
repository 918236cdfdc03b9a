// Command sodoan-cli runs Sổ Đoàn's operations without a window, for
// scripts, tests and benchmarks.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"sodoan/domain"
	"sodoan/store"
	"sodoan/version"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(safeWriter{os.Stderr}, "Lỗi:", err)
		}
		os.Exit(exitCode(err))
	}
}

// The exit codes, documented in the usage and the README: 0 done (or help
// asked for); 1 the work failed (a file, the register, its lock); 2 the
// command line is wrong (an unknown command or flag, a missing value);
// 3 the data was refused by the register's rules, nothing written.
const (
	exitFailed  = 1
	exitUsage   = 2
	exitRefused = 3
)

func exitCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ve *domain.ValidationError
	var ir *importRefused
	if errors.As(err, &ve) || errors.As(err, &ir) {
		return exitRefused
	}
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailed
}

// usageError is a command line the program cannot read: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// defaultDB is the register in the user's data folder, the one the window
// opens too.
func defaultDB() string {
	p, err := store.DefaultPath()
	if err != nil {
		return "so-doan.db"
	}
	return p
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	stdout, stderr = safeWriter{stdout}, safeWriter{stderr}
	fs := flag.NewFlagSet("sodoan-cli", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// Help asked for (--help, help) is the command's output and goes to
	// stdout, so that "sodoan-cli --help > tro-giup.txt" holds it; shown
	// because the line was wrong, it goes with the error to stderr.
	usageTo := func(w io.Writer) {
		writeUsage(w)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	fs.Usage = func() { usageTo(stdout) }
	// The default is said in the flag's text, not as the flag's default,
	// which the flag package would print quoted ("C:\\users\\…").
	db := fs.String("db", "", "tệp sổ đoàn viên (SQLite); không ghi thì là "+userPath(defaultDB()))
	showVersion := fs.Bool("version", false, "in phiên bản, ngày dựng rồi thoát")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *showVersion {
		_, err := fmt.Fprintln(stdout, version.String())
		return err
	}
	if *db == "" {
		*db = defaultDB()
	}
	rest := fs.Args()
	if len(rest) == 0 {
		usageTo(stderr)
		return usageError{fmt.Errorf("thiếu lệnh")}
	}
	if rest[0] == "help" {
		usageTo(stdout)
		return nil
	}
	cmd := find(commands, rest[0])
	if cmd == nil {
		usageTo(stderr)
		return usageError{fmt.Errorf("lệnh %q không có", rest[0])}
	}
	// The clock of every rule and stamp is chosen here, at the top: the
	// machine's.
	return invoke(ctx, cmd, rest[1:], registerAt(*db, time.Now), stdout, stderr)
}
