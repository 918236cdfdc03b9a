//go:build !windows

package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenShow: open and show hand the plain path (Vietnamese letters and
// spaces as they are, no file:// link) to the system's opener, the one
// the window's buttons use (package desktop), without a register; a path
// that is not there is said in Vietnamese with exit code 1 and nothing
// is run. xdg-open is a script on the PATH that writes its arguments.
func TestOpenShow(t *testing.T) {
	bin := t.TempDir()
	log := filepath.Join(bin, "xdg-open.log")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '" + log + "'\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	dir := filepath.Join(t.TempDir(), "Sổ Đoàn", "2026", "Báo cáo quý")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "Báo cáo quý 4.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	none := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args   []string
		opened string // what xdg-open was given; "" for not run
		said   string // stdout
		code   int
		err    string // part of the error
	}{
		{[]string{"open", dir}, dir, "Đã mở: " + dir + "\n", 0, ""},
		{[]string{"open", pdf}, pdf, "Đã mở: " + pdf + "\n", 0, ""},
		// xdg-open cannot select a file: show opens its folder.
		{[]string{"show", pdf}, dir, "Đã hiện trong thư mục: " + pdf + "\n", 0, ""},
		{[]string{"show", dir}, dir, "Đã hiện trong thư mục: " + dir + "\n", 0, ""},
		{[]string{"open", filepath.Join(dir, "đã xóa.pdf")}, "", "", exitFailed,
			"không thấy " + filepath.Join(dir, "đã xóa.pdf") + ": tệp hoặc thư mục đã bị xóa hay chuyển đi"},
		// A path with spaces left unquoted arrives in pieces.
		{[]string{"open", filepath.Join(dir, "Báo"), "cáo", "quý", "4.pdf"}, "", "", exitUsage,
			"open: cần đúng một đường dẫn (có 4); đường dẫn có khoảng trắng đặt trong dấu ngoặc kép"},
		{[]string{"show"}, "", "", exitUsage, "show: cần đúng một đường dẫn (có 0)"},
	}
	for _, tt := range tests {
		os.Remove(log)
		stdout, _, err := cli(t, append([]string{"--db", none}, tt.args...)...)
		code := 0
		if err != nil {
			code = exitCode(err)
		}
		if code != tt.code || (tt.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%q: %v (exit %d), want exit %d %q", tt.args, err, code, tt.code, tt.err)
		}
		if stdout != tt.said {
			t.Errorf("%q: stdout %q, want %q", tt.args, stdout, tt.said)
		}
		got, rerr := os.ReadFile(log)
		switch {
		case tt.opened == "" && !errors.Is(rerr, os.ErrNotExist):
			t.Errorf("%q: xdg-open ran with %q", tt.args, got)
		case tt.opened != "" && string(got) != tt.opened+"\n":
			t.Errorf("%q: xdg-open ran with %q, want %q", tt.args, got, tt.opened)
		}
	}
	if _, err := os.Stat(none); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("open or show touched a register: %v", err)
	}
	// The help says it needs no register, on stdout.
	help, _, err := cli(t, "open", "--help")
	if exitCode(err) != 0 || !strings.HasPrefix(help, "Cách dùng: sodoan-cli open ĐƯỜNG-DẪN\nKhông cần sổ") {
		t.Errorf("open --help: %v\n%s", err, help)
	}
}
