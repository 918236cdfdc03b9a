package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sodoan/wardpkg"
)

// TestWardPackageDialog: mismatched passphrases write nothing; matching
// ones write a package of the register into this year's folder, which
// opens with that passphrase only.
func TestWardPackageDialog(t *testing.T) {
	f := newFixture(t, "reports")
	var path string
	var done error = errors.New("not done")
	pass, again := f.app.screens["reports"].(*reportsScreen).packageDialog(func(p string, err error) { path, done = p, err })
	test.Type(pass, "mật khẩu phường 1")
	test.Type(again, "mật khẩu phường 2")
	again.OnSubmitted(again.Text)
	f.ui.drain()
	dir, err := f.app.folders.yearDir(thisYear())
	if err != nil {
		t.Fatal(err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 || len(f.app.dialogs) != 1 {
		t.Fatalf("mismatched passphrases: %d files, %d dialogs (want 0 and the error)", len(es), len(f.app.dialogs))
	}
	f.app.escape()

	pass, again = f.app.screens["reports"].(*reportsScreen).packageDialog(func(p string, err error) { path, done = p, err })
	test.Type(pass, "mật khẩu phường 1")
	test.Type(again, "mật khẩu phường 1")
	again.OnSubmitted(again.Text)
	f.waitFor("package", func() bool { return path != "" || done == nil })
	if done != nil || !strings.HasPrefix(path, dir) || filepath.Ext(path) != ".sodoan" {
		t.Fatalf("package %q: %v", path, done)
	}
	m, err := wardpkg.ReadManifest(path, "mật khẩu phường 1")
	if err != nil || m.Unit != "BCH ĐOÀN PHƯỜNG 1" {
		t.Fatalf("manifest %+v: %v", m, err)
	}
	if _, err := wardpkg.ReadManifest(path, "mật khẩu phường 2"); !errors.Is(err, wardpkg.ErrPassphrase) {
		t.Fatalf("other passphrase: %v", err)
	}
}
