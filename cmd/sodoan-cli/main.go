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

func exitCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ve *domain.ValidationError
	var ir *importRefused
	if errors.As(err, &ve) || errors.As(err, &ir) {
		return 3
	}
	return 1
}

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
	fs.Usage = func() { writeUsage(stderr); fs.PrintDefaults() }
	db := fs.String("db", defaultDB(), "tệp sổ đoàn viên (SQLite)")
	showVersion := fs.Bool("version", false, "in phiên bản, ngày dựng rồi thoát")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *showVersion {
		_, err := fmt.Fprintln(stdout, version.String())
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fs.Usage()
		return fmt.Errorf("thiếu lệnh")
	}
	if rest[0] == "help" {
		fs.Usage()
		return nil
	}
	cmd := find(commands, rest[0])
	if cmd == nil {
		fs.Usage()
		return fmt.Errorf("lệnh %q không có", rest[0])
	}
	// The clock of every rule and stamp is chosen here, at the top: the
	// machine's.
	return invoke(ctx, cmd, rest[1:], registerAt(*db, time.Now), stdout, stderr)
}
