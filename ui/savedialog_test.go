package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// TestSaveDialog: the Save dialog ("Lưu thành…") takes a path typed in
// its path box, or a name typed in Fyne's own name box in the folder it
// shows; it refuses the open register, its companion files and its
// backups folder in outfile's Vietnamese words (the dialog stays open,
// the register untouched), asks before replacing a file, refuses to put
// a backup over any file, and adds the kind to a name typed without one.
func TestSaveDialog(t *testing.T) {
	f := newFixture(t, "dashboard")
	reg := f.st.Path()
	regDir := filepath.Dir(reg)
	dir := filepath.Join(t.TempDir(), "USB của Lan", "Báo cáo")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(f.st.BackupDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "Báo cáo tháng.pdf")
	if err := os.WriteFile(old, []byte("bản cũ"), 0o600); err != nil {
		t.Fatal(err)
	}
	regBefore, err := os.ReadFile(reg)
	if err != nil {
		t.Fatal(err)
	}
	pdf := saveSpec{title: "Lưu bản sao", name: "Báo cáo tháng.pdf", exts: []string{".pdf"}, start: dir, register: reg}
	backup := saveSpec{title: "Sao lưu ra nơi khác", name: "so-1.db", exts: []string{".db"}, start: dir, register: reg, backup: true}
	cases := []struct {
		name   string
		spec   saveSpec
		box    bool   // typed in the path box (else: the name box, in folder)
		folder string // the folder shown, for the name box
		typed  string
		answer string // the button pressed in the question that follows ("" none)
		want   string // the path chosen ("" none)
		msg    string // part of the message under the path box
	}{
		{"tệp mới", pdf, true, "", filepath.Join(dir, "Báo cáo quý.pdf"), "", filepath.Join(dir, "Báo cáo quý.pdf"), ""},
		{"thêm đuôi .pdf", pdf, true, "", filepath.Join(dir, "Báo cáo quý"), "", filepath.Join(dir, "Báo cáo quý.pdf"), ""},
		{"tên trong thư mục đang xem", pdf, false, dir, "Danh sách", "", filepath.Join(dir, "Danh sách.pdf"), ""},
		{"sổ đang mở", pdf, true, "", reg, "", "", "đây là sổ đang mở (so.db)"},
		{"sổ đang mở, gõ tên trong thư mục của sổ", backup, false, regDir, "so.db", "", "", "đây là sổ đang mở (so.db)"},
		{"tệp đi kèm của sổ", pdf, true, "", reg + "-wal", "", "", "đây là sổ đang mở (so.db-wal)"},
		{"thư mục sao lưu", pdf, true, "", filepath.Join(f.st.BackupDir(), "x.pdf"), "", "", "chỉ giữ bản sao lưu của sổ"},
		{"tệp đã có: giữ", pdf, true, "", old, "Giữ tệp cũ", "", ""},
		{"tệp đã có: thay thế", pdf, false, dir, "Báo cáo tháng.pdf", "Thay thế", old, ""},
		{"sao lưu không ghi đè", backup, true, "", filepath.Join(dir, "Báo cáo tháng.pdf.db"), "", "", ""},
		{"thư mục không có", pdf, true, "", filepath.Join(dir, "mất", "a.pdf"), "", "", "Không thấy thư mục"},
		{"đường dẫn tương đối", pdf, true, "", "a.pdf", "", "", "Cần đường dẫn đầy đủ"},
	}
	// A backup refuses any file already there (store.Backup never
	// replaces one).
	if err := os.WriteFile(filepath.Join(dir, "Báo cáo tháng.pdf.db"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases[9].msg = "bản sao lưu không ghi đè tệp nào"
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got string
			sb := chooseSave(f.app, f.app.win, c.spec, func(p string) { got = p })
			if sb == nil || sb.d == nil || sb.name == nil {
				t.Fatal("no Fyne save dialog with the app's Save button")
			}
			if sb.name.Text != c.spec.name {
				t.Errorf("name offered %q, want %q", sb.name.Text, c.spec.name)
			}
			if c.box {
				sb.entry.SetText(c.typed)
				sb.entry.OnSubmitted(c.typed)
			} else {
				l, err := storage.ListerForURI(storage.NewFileURI(c.folder))
				if err != nil {
					t.Fatal(err)
				}
				sb.d.SetLocation(l)
				sb.name.SetText(c.typed)
				test.Tap(findButton(f.app.win.Canvas().Overlays().Top(), "Lưu"))
			}
			if c.answer != "" {
				test.Tap(findButtonInOverlay(f, c.answer))
			}
			if got != c.want {
				t.Errorf("chose %q, want %q", got, c.want)
			}
			if c.msg != "" && (!sb.msg.Visible() || !strings.Contains(sb.msg.Text, c.msg)) {
				t.Errorf("message %q (shown %v), want %q", sb.msg.Text, sb.msg.Visible(), c.msg)
			}
			open := len(f.app.dialogs) > 0
			if c.want != "" && open {
				t.Error("the dialog stayed open after a choice")
			}
			if c.want == "" && !open {
				t.Error("the dialog closed without a choice")
			}
			for len(f.app.dialogs) > 0 {
				f.app.dialogs[len(f.app.dialogs)-1].d.Hide()
			}
		})
	}
	if after, err := os.ReadFile(reg); err != nil || !bytes.Equal(after, regBefore) {
		t.Fatalf("the register changed (%v)", err)
	}
	if b, _ := os.ReadFile(old); string(b) != "bản cũ" {
		t.Fatalf("the Save dialog wrote %q: it only chooses", b)
	}
}
