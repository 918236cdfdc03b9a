package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sodoan/store"
)

// TestSaveCopy: "Lưu bản sao…" beside a file made copies it byte for byte
// where the user says (a USB stick), asking before it replaces a file
// there, and never onto the register.
func TestSaveCopy(t *testing.T) {
	f := newFixture(t, "dashboard")
	src := filepath.Join(t.TempDir(), "Danh sách đoàn viên.pdf")
	body := []byte("%PDF-1.4 bản gốc")
	if err := os.WriteFile(src, body, 0o600); err != nil {
		t.Fatal(err)
	}
	usb := filepath.Join(t.TempDir(), "USB")
	if err := os.MkdirAll(usb, 0o755); err != nil {
		t.Fatal(err)
	}
	reg := f.st.Path()
	regBefore, _ := os.ReadFile(reg)

	// The button is beside the file's others in the dialog that says a
	// file was made.
	f.app.folders.fileReady("Đã xuất", "Đã xuất "+src, src)
	if findButton(f.app.win.Canvas().Overlays().Top(), "Lưu bản sao…") == nil {
		t.Fatal("no Lưu bản sao… beside the file made")
	}
	f.app.dialogs[0].d.Hide()

	copyTo := func(dest, answer string) *saveBox {
		t.Helper()
		sb := f.app.folders.saveCopy(src)
		if sb == nil {
			t.Fatal("no save dialog")
		}
		sb.entry.SetText(dest)
		sb.entry.OnSubmitted(dest)
		if answer != "" {
			test.Tap(findButtonInOverlay(f, answer))
		}
		return sb
	}
	dest := filepath.Join(usb, "Danh sách đoàn viên.pdf")
	copyTo(dest, "")
	f.waitFor("the copy", func() bool { b, _ := os.ReadFile(dest); return bytes.Equal(b, body) })

	// Again: asked, and replaced only on Thay thế.
	if err := os.WriteFile(dest, []byte("khác"), 0o600); err != nil {
		t.Fatal(err)
	}
	copyTo(dest, "Giữ tệp cũ")
	for len(f.app.dialogs) > 0 {
		f.app.dialogs[len(f.app.dialogs)-1].d.Hide()
	}
	if b, _ := os.ReadFile(dest); string(b) != "khác" {
		t.Fatalf("replaced without leave: %q", b)
	}
	copyTo(dest, "Thay thế")
	f.waitFor("the copy replaced", func() bool { b, _ := os.ReadFile(dest); return bytes.Equal(b, body) })

	// The register: refused, said under the box, and left as it was.
	sb := copyTo(reg, "")
	if !strings.Contains(sb.msg.Text, "đây là sổ đang mở") {
		t.Errorf("message %q", sb.msg.Text)
	}
	if after, _ := os.ReadFile(reg); !bytes.Equal(after, regBefore) {
		t.Fatal("the register changed")
	}
}

// TestBackupElsewhere: Cài đặt → Sao lưu ra nơi khác… offers the backup's
// name in a Save dialog and writes a backup that restores, where the
// user typed; the register's own folder for backups is where backups
// belong, but the register itself is refused.
func TestBackupElsewhere(t *testing.T) {
	f := newFixture(t, "settings")
	usb := filepath.Join(t.TempDir(), "USB của Lan")
	if err := os.MkdirAll(usb, 0o755); err != nil {
		t.Fatal(err)
	}
	var bk *backups
	if s, ok := f.app.screens["settings"].(*settingsScreen); ok {
		bk = s.backups
	}
	if bk == nil {
		t.Fatal("no backups section on the settings screen")
	}
	btn := findButton(f.app.win.Content(), "Sao lưu ra nơi khác…")
	if btn == nil {
		t.Fatal("no Sao lưu ra nơi khác… button")
	}
	var where string
	sb := bk.backupElsewhere(btn.(*button), func(dest string) { where = dest })
	if sb == nil || sb.name == nil {
		t.Fatal("no save dialog")
	}
	if !strings.HasPrefix(sb.name.Text, "so-") || !strings.HasSuffix(sb.name.Text, ".db") {
		t.Errorf("name offered %q", sb.name.Text)
	}
	sb.entry.SetText(f.st.Path())
	sb.entry.OnSubmitted(sb.entry.Text)
	if !strings.Contains(sb.msg.Text, "đây là sổ đang mở") {
		t.Errorf("the register: message %q", sb.msg.Text)
	}
	dest := filepath.Join(usb, "sổ phường 1.db")
	sb.entry.SetText(dest)
	sb.entry.OnSubmitted(dest)
	f.waitFor("the backup", func() bool { return where == dest })
	c, err := store.CheckBackup(context.Background(), dest)
	if err != nil {
		t.Fatal(err)
	}
	// newFixture's people: one a name of testNames.
	if c.People != len(testNames) {
		t.Errorf("the backup holds %d people, want %d", c.People, len(testNames))
	}
}
