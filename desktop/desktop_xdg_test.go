//go:build !windows

package desktop

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fake is a command put on the PATH in place of the system's: it writes
// its arguments, one a line, to its log, says stderr on stderr and exits
// with code.
type fake struct {
	name, stderr string
	code         int
}

// fakePath makes a folder holding only the fakes and makes it the whole
// PATH, so that a command not faked is missing. It returns the folder,
// where each fake's log is <name>.log.
func fakePath(t *testing.T, fakes ...fake) string {
	t.Helper()
	bin := t.TempDir()
	for _, f := range fakes {
		log := filepath.Join(bin, f.name+".log")
		script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '" + log + "'\n"
		if f.stderr != "" {
			script += "printf '%s\\n' '" + f.stderr + "' >&2\n"
		}
		if f.name == "lpstat" && f.code == 0 {
			script += "printf 'system default destination: PDF\\n'\n"
		}
		script += "exit " + strconv.Itoa(f.code) + "\n"
		if err := os.WriteFile(filepath.Join(bin, f.name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)
	t.Setenv("PRINTER", "")
	t.Setenv("LPDEST", "")
	return bin
}

// called is the arguments name was run with (nil when it never ran).
func called(t *testing.T, bin, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(bin, name+".log"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

// document makes a file under a Vietnamese folder with spaces, the
// program's own default ("Sổ Đoàn/2026"), which a file:// link would
// percent-encode.
func document(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Sổ Đoàn", "2026")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("%PDF-1.4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOpenShowPrint(t *testing.T) {
	pdf := "Báo cáo năm 2026.pdf"
	cases := []struct {
		name  string
		fakes []fake
		do    func(path string) error
		file  string
		// want: the command run and its arguments (path and dir stand
		// for the file's plain path and its folder); none: no command.
		cmd     string
		args    []string
		wantErr string // part of the Vietnamese message; "" for none
	}{
		{"mở tệp", []fake{{name: "xdg-open"}}, Open, pdf, "xdg-open", []string{"path"}, ""},
		{"mở thư mục", []fake{{name: "xdg-open"}}, func(p string) error { return Open(filepath.Dir(p)) }, pdf, "xdg-open", []string{"dir"}, ""},
		{"hiện tệp trong thư mục", []fake{{name: "xdg-open"}}, Show, pdf, "xdg-open", []string{"dir"}, ""},
		{"không có chương trình mở", []fake{{name: "xdg-open", code: 3}}, Open, pdf, "xdg-open", []string{"path"}, "máy chưa có chương trình để mở"},
		{"xdg-open báo lỗi", []fake{{name: "xdg-open", code: 4, stderr: "gio: lỗi"}}, Open, pdf, "xdg-open", []string{"path"}, "lệnh xdg-open báo lỗi (mã 4): gio: lỗi"},
		{"không có xdg-open", nil, Open, pdf, "", nil, "máy chưa có lệnh xdg-open"},
		{"in", []fake{{name: "lp"}, {name: "lpstat"}}, Print, pdf, "lp", []string{"path"}, ""},
		{"in CSV", []fake{{name: "lp"}, {name: "lpstat"}}, Print, "danh-sach.csv", "lp", []string{"path"}, ""},
		{"in Excel", []fake{{name: "lp"}, {name: "lpstat"}}, Print, "danh-sach.xlsx", "", nil, "chỉ in thẳng được tệp PDF"},
		{"không có lp", []fake{{name: "lpstat"}}, Print, pdf, "", nil, "máy chưa cài dịch vụ in"},
		{"không có máy in mặc định", []fake{{name: "lp"}, {name: "lpstat", code: 1, stderr: "lpstat: No destinations added."}}, Print, pdf, "", nil, "máy chưa chọn máy in mặc định"},
		{"lp báo lỗi", []fake{{name: "lp", code: 1, stderr: "lp: The printer or class does not exist."}, {name: "lpstat"}}, Print, pdf, "lp", []string{"path"}, "lệnh lp báo lỗi (mã 1): lp: The printer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := document(t, c.file)
			bin := fakePath(t, c.fakes...)
			err := c.do(path)
			if c.wantErr == "" && err != nil {
				t.Fatalf("error %v", err)
			}
			if c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)) {
				t.Fatalf("error %v, want %q", err, c.wantErr)
			}
			var want []string
			for _, a := range c.args {
				want = append(want, strings.NewReplacer("path", path, "dir", filepath.Dir(path)).Replace(a))
			}
			for _, f := range c.fakes {
				if f.name == "lpstat" {
					continue
				}
				got := called(t, bin, f.name)
				if f.name != c.cmd {
					if got != nil {
						t.Errorf("%s ran with %q", f.name, got)
					}
					continue
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s ran with %q, want %q", f.name, got, want)
				}
			}
		})
	}
}

func TestEmail(t *testing.T) {
	cases := []struct {
		name  string
		fakes []fake
		want  EmailOutcome
		// cmd ran with args (path/dir: the file's path, its folder)
		cmd  string
		args []string
	}{
		{"chương trình thư", []fake{{name: "xdg-email"}, {name: "xdg-open"}}, MailStarted, "xdg-email", []string{"--attach", "path"}},
		{"không có xdg-email: mở thư mục", []fake{{name: "xdg-open"}}, FolderShown, "xdg-open", []string{"dir"}},
		{"chưa cài chương trình thư: mở thư mục", []fake{{name: "xdg-email", code: 3}, {name: "xdg-open"}}, FolderShown, "xdg-open", []string{"dir"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := document(t, "Danh sách đoàn viên.pdf")
			bin := fakePath(t, c.fakes...)
			got, err := Email(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("outcome %d, want %d", got, c.want)
			}
			var want []string
			for _, a := range c.args {
				want = append(want, strings.NewReplacer("path", path, "dir", filepath.Dir(path)).Replace(a))
			}
			if args := called(t, bin, c.cmd); strings.Join(args, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s ran with %q, want %q", c.cmd, args, want)
			}
		})
	}
	// xdg-email failing otherwise is an error, not silence.
	path := document(t, "a.pdf")
	fakePath(t, fake{name: "xdg-email", code: 1, stderr: "xdg-email: no method"}, fake{name: "xdg-open"})
	if _, err := Email(path); err == nil || !strings.Contains(err.Error(), "lệnh xdg-email báo lỗi (mã 1)") {
		t.Errorf("error %v", err)
	}
}

// TestMissingFile: a file deleted since it was made is named, and no
// command runs.
func TestMissingFile(t *testing.T) {
	bin := fakePath(t, fake{name: "xdg-open"}, fake{name: "lp"}, fake{name: "lpstat"}, fake{name: "xdg-email"})
	gone := filepath.Join(t.TempDir(), "đã xóa.pdf")
	for name, do := range map[string]func(string) error{
		"Open": Open, "Show": Show, "Print": Print,
		"Email": func(p string) error { _, err := Email(p); return err },
	} {
		if err := do(gone); err == nil || !strings.Contains(err.Error(), "không thấy "+gone) {
			t.Errorf("%s: error %v", name, err)
		}
	}
	for _, c := range []string{"xdg-open", "lp", "xdg-email"} {
		if got := called(t, bin, c); got != nil {
			t.Errorf("%s ran with %q", c, got)
		}
	}
}

// TestPrintable: the In button is offered for what lp prints.
func TestPrintable(t *testing.T) {
	for path, want := range map[string]bool{
		"/a/Báo cáo năm.pdf": true, "/a/B.PDF": true, "/a/ds.csv": true, "/a/ghi chú.txt": true,
		"/a/danh-sach.xlsx": false, "/a/goi.sodoan": false, "/a/khong-duoi": false,
	} {
		if got := Printable(path); got != want {
			t.Errorf("Printable(%s) = %v, want %v", path, got, want)
		}
	}
}
