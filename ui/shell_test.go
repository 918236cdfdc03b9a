package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/internal/testtool"
	"sodoan/issuing"
	"sodoan/store"
)

// fakeShell puts first on the PATH the commands package desktop runs,
// each writing its arguments (one a line) to <name>.log in the returned
// folder and exiting with its code; lpstat names a default printer when
// its code is 0.
func fakeShell(t *testing.T, codes map[string]int) string {
	t.Helper()
	bin := t.TempDir()
	for _, name := range []string{"xdg-open", "xdg-email", "lp", "lpstat"} {
		script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '" + filepath.Join(bin, name+".log") + "'\n"
		if name == "lpstat" && codes[name] == 0 {
			script += "echo 'system default destination: PDF'\n"
		}
		script += "exit " + strconv.Itoa(codes[name]) + "\n"
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("PRINTER", "")
	t.Setenv("LPDEST", "")
	return bin
}

// ranWith is what the fake name was run with ("" when it never ran).
func ranWith(bin, name string) string {
	data, _ := os.ReadFile(filepath.Join(bin, name+".log"))
	return strings.TrimSuffix(string(data), "\n")
}

// TestFileButtons: the four buttons beside a made document hand it to
// the system with its plain path, and a refusal is said, not swallowed.
func TestFileButtons(t *testing.T) {
	f := newDemoFixture(t, 50, nil, "reports")
	s := f.app.screens["reports"].(*reportsScreen)
	s.number.SetChecked(false)
	members := -1
	for i, d := range s.docs {
		if d.kind == issuing.Members {
			members = i
		}
	}
	path := f.generate(s, members)
	dir := filepath.Dir(path)
	cases := []struct {
		name    string
		codes   map[string]int
		button  *button
		cmd     string // the command run and its arguments, one a line
		want    string
		notice  string // the footer's words after it
		problem string // the message of the dialog that says it failed
	}{
		{"In", nil, s.fileBtns.print, "lp", path, "Đã gửi " + filepath.Base(path) + " tới máy in mặc định.", ""},
		{"In, không có máy in mặc định", map[string]int{"lpstat": 1}, s.fileBtns.print, "lp", "", "", "Máy chưa chọn máy in mặc định"},
		{"In, lp báo lỗi", map[string]int{"lp": 1}, s.fileBtns.print, "lp", path, "", "Lệnh lp báo lỗi (mã 1)"},
		{"Gửi email", nil, s.fileBtns.email, "xdg-email", "--attach\n" + path, "Đã mở thư mới kèm tệp " + filepath.Base(path) + ".", ""},
		{"Mở tệp", nil, s.fileBtns.open, "xdg-open", path, "", ""},
		{"Mở thư mục", nil, s.fileBtns.folder, "xdg-open", dir, "", ""},
		{"Mở tệp, không có chương trình", map[string]int{"xdg-open": 3}, s.fileBtns.open, "xdg-open", path, "", "Máy chưa có chương trình để mở " + path},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bin := fakeShell(t, c.codes)
			notices, dialogs := f.app.notices, len(f.app.dialogs)
			f.app.folders.problem = ""
			if c.button.Disabled() {
				t.Fatal("the button is disabled after the document was made")
			}
			c.button.OnTapped()
			f.waitFor(c.name, func() bool {
				return f.app.notices > notices || len(f.app.dialogs) > dialogs || ranWith(bin, c.cmd) != "" && c.notice == "" && c.problem == ""
			})
			if got := ranWith(bin, c.cmd); got != c.want {
				t.Errorf("%s ran with %q, want %q", c.cmd, got, c.want)
			}
			if c.notice != "" && !strings.HasPrefix(f.app.notice.text(), c.notice) {
				t.Errorf("footer %q, want %q", f.app.notice.text(), c.notice)
			}
			if !strings.HasPrefix(f.app.folders.problem, c.problem) || (c.problem == "") != (f.app.folders.problem == "") {
				t.Errorf("problem %q, want %q", f.app.folders.problem, c.problem)
			}
			for len(f.app.dialogs) > dialogs {
				f.app.escape()
			}
		})
	}
}

// TestMemberListOfOneBranchInWindow: the branch choice shows for the
// member list alone, and the list made for one branch holds that
// branch's active members, under a name naming it.
func TestMemberListOfOneBranchInWindow(t *testing.T) {
	testtool.Need(t, "pdftotext")
	f := newDemoFixture(t, 80, nil, "reports")
	s := f.app.screens["reports"].(*reportsScreen)
	s.number.SetChecked(false)
	members := -1
	for i, d := range s.docs {
		s.docSel.SetSelectedIndex(i)
		if d.kind == issuing.Members {
			members = i
		}
		if s.branchBox.Visible() != (d.kind == issuing.Members) {
			t.Errorf("%s: branch choice shown %v", d.title, s.branchBox.Visible())
		}
	}
	if len(s.branchSel.Options) < 2 || len(s.branches) != len(s.branchSel.Options)-1 {
		t.Fatalf("branch options %v", s.branchSel.Options)
	}
	s.docSel.SetSelectedIndex(members)
	s.branchSel.SetSelectedIndex(1)
	b := s.branches[0]
	path := f.generate(s, members)
	if want := "danh-sach-doan-vien-" + domain.FileSlug(b.Name) + ".pdf"; !strings.HasSuffix(filepath.Base(path), want) {
		t.Errorf("file %s, want …%s", filepath.Base(path), want)
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.st.CountMembers(f.app.ctx, store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive, BranchID: b.ID})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Đoàn viên " + b.Name, "Tổng cộng: " + strconv.Itoa(n) + " đoàn viên"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list of %s lacks %q", b.Name, want)
		}
	}
}
