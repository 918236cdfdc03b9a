package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"sodoan/desktop"
	"sodoan/store"
)

// open and show hand a file or folder to the system the way the window's
// Mở tệp, Mở thư mục and Hiện trong thư mục buttons do (package desktop:
// the plain path to the Windows shell or Explorer, xdg-open elsewhere), so
// that a script can open the report it has just written, and so that the
// buttons' own code path can be checked from the command line (make
// wine-check does, under Wine). They need no register.

var cmdOpen = &Command{
	Name:       "open",
	Args:       "ĐƯỜNG-DẪN",
	Short:      "mở tệp hoặc thư mục bằng chương trình của máy (như nút Mở tệp, Mở thư mục)",
	Long:       openLong("open"),
	NoRegister: true,
	Flags:      noFlags(desktopRun("open", desktop.Open, "Đã mở")),
}

var cmdShow = &Command{
	Name:       "show",
	Args:       "ĐƯỜNG-DẪN",
	Short:      "mở thư mục chứa tệp, chọn sẵn tệp (như nút Hiện trong thư mục)",
	Long:       openLong("show"),
	NoRegister: true,
	Flags:      noFlags(desktopRun("show", desktop.Show, "Đã hiện trong thư mục")),
}

// openLong is the --help text of open and show (name).
func openLong(name string) string {
	return "Không cần sổ (bỏ qua --db). Đường dẫn có khoảng trắng đặt trong dấu ngoặc kép:\n" +
		"  sodoan-cli " + name + ` "%USERPROFILE%\Documents\Sổ Đoàn\2026\bao-cao.pdf"` + "\n" +
		"Xong thì in đường dẫn, mã thoát 0; tệp không có hoặc máy không mở được thì in lý do,\n" +
		"mã thoát 1.\n"
}

// desktopRun is the run of open (do = desktop.Open) or show: one path,
// handed over as the system writes it, and said back once done.
func desktopRun(name string, do func(string) error, done string) Run {
	return func(ctx context.Context, _ *store.Store, args []string, stdout, stderr io.Writer) error {
		if len(args) != 1 {
			return usageError{fmt.Errorf("%s: cần đúng một đường dẫn (có %d); đường dẫn có khoảng trắng đặt trong dấu ngoặc kép", name, len(args))}
		}
		if err := do(args[0]); err != nil {
			return err
		}
		// The path as desktop handed it: absolute, the system's separators.
		p, err := filepath.Abs(args[0])
		if err != nil {
			p = args[0]
		}
		_, err = fmt.Fprintf(stdout, "%s: %s\n", done, p)
		return err
	}
}

// noRegister is the opener of the commands that need no register.
func noRegister(context.Context, *Command) (*store.Store, func(error) error, error) {
	return nil, func(err error) error { return err }, nil
}
