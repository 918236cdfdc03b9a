package ui

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sodoan/wardpkg"
)

// TestWardPackageDialog: passphrases that differ or are too short write
// nothing and keep the dialog open with what was typed and the reason;
// matching ones write a package of the register into this year's folder,
// named by the ward, which opens with that passphrase only, and the result
// offers its folder.
func TestWardPackageDialog(t *testing.T) {
	cases := []struct {
		name, pass, again string
		msg               string // the refusal; "" when the package is made
	}{
		{"không khớp", "mật khẩu phường 1", "mật khẩu phường 2", "Hai lần nhập mật khẩu không khớp"},
		{"quá ngắn", "ngắn", "ngắn", "ít nhất 8"},
		{"khớp", "mật khẩu phường 1", "mật khẩu phường 1", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, "reports")
			s := f.app.screens["reports"].(*reportsScreen)
			dir, err := f.app.folders.yearDir(thisYear())
			if err != nil {
				t.Fatal(err)
			}
			var path string
			var done error = errors.New("not done")
			pf := s.packageDialog(func(p string, err error) { path, done = p, err })
			test.Type(pf.pass, c.pass)
			test.Type(pf.again, c.again)
			pf.again.OnSubmitted(pf.again.Text)
			if c.msg != "" {
				f.ui.drain()
				if es, _ := os.ReadDir(dir); len(es) != 0 {
					t.Errorf("%d files written", len(es))
				}
				if len(f.app.dialogs) != 1 || f.app.dialogs[0].d != pf.d {
					t.Fatalf("%d dialogs, the package's on top: %v (want it kept open)", len(f.app.dialogs), len(f.app.dialogs) > 0 && f.app.dialogs[0].d == pf.d)
				}
				if pf.pass.Text != c.pass || pf.again.Text != c.again {
					t.Errorf("typing lost: %q, %q", pf.pass.Text, pf.again.Text)
				}
				if !pf.msg.Visible() || !strings.Contains(pf.msg.Text, c.msg) {
					t.Errorf("message %q (shown %v), want %q", pf.msg.Text, pf.msg.Visible(), c.msg)
				}
				// Esc in a passphrase box closes the dialog.
				pf.again.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
				if len(f.app.dialogs) != 0 {
					t.Error("Esc in the passphrase box left the dialog open")
				}
				return
			}
			f.waitFor("package", func() bool { return path != "" || done == nil })
			// "BCH Đoàn Phường 1" goes by "Đoàn phường 1" in a file name.
			if done != nil || filepath.Dir(path) != dir || !regexp.MustCompile(`^goi-so-lieu-doan-phuong-1-\d{4}-\d\d-\d\d-\d{6}\.sodoan$`).MatchString(filepath.Base(path)) {
				t.Fatalf("package %q: %v", path, done)
			}
			m, err := wardpkg.ReadManifest(path, c.pass)
			if err != nil || m.Unit != "BCH ĐOÀN PHƯỜNG 1" {
				t.Fatalf("manifest %+v: %v", m, err)
			}
			if _, err := wardpkg.ReadManifest(path, "mật khẩu phường 2"); !errors.Is(err, wardpkg.ErrPassphrase) {
				t.Fatalf("other passphrase: %v", err)
			}
			// The result: Mở thư mục, Gửi email and Lưu bản sao… (onto
			// the USB stick that goes to the upper level); a package is
			// not opened or printed here.
			if len(f.app.dialogs) != 1 {
				t.Fatalf("%d dialogs after the package, want its result", len(f.app.dialogs))
			}
			var shown []string
			walk(f.app.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
				if b, ok := o.(*button); ok {
					shown = append(shown, b.Text)
				}
				return true
			})
			if got := strings.Join(shown, ", "); got != "Mở thư mục, Gửi email, Lưu bản sao…" {
				t.Errorf("result buttons %s, want Mở thư mục, Gửi email, Lưu bản sao…", got)
			}
		})
	}
}
