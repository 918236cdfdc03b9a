package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestPathBox: the box above the file dialogs takes a whole path, as a
// Windows user pastes it ("Copy as path" quotes it) or types it, and
// chooses that file; what it cannot take is said under it and the dialog
// stays open.
func TestPathBox(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Tài liệu", "Danh sách")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join(dir, "Đoàn viên 2026.xlsx")
	other := filepath.Join(dir, "ghi chú.txt")
	for _, p := range []string{sheet, other} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	files := fileDialogSpec{exts: sheetExts}
	folders := fileDialogSpec{folder: true}
	cases := []struct {
		name  string
		spec  fileDialogSpec
		typed string
		want  string // the path chosen ("" for none)
		msg   string // part of the message under the box
	}{
		{"tệp", files, sheet, sheet, ""},
		{"tệp trong ngoặc kép", files, `"` + sheet + `"`, sheet, ""},
		{"khoảng trắng quanh", files, "  " + sheet + " ", sheet, ""},
		{"liên kết file://", files, "file://" + filepath.ToSlash(sheet), sheet, ""},
		{"thư mục trong hộp chọn thư mục", folders, dir, dir, ""},
		{"thư mục trong hộp chọn tệp: hiện thư mục đó", files, dir, "", ""},
		{"tệp sai loại", files, other, "", "Chỉ chọn được tệp .xlsx, .csv, .xls."},
		{"không có", files, filepath.Join(dir, "mất.xlsx"), "", "Không thấy"},
		{"đường dẫn tương đối", files, "Danh sách/Đoàn viên 2026.xlsx", "", "Cần đường dẫn đầy đủ"},
		{"tệp trong hộp chọn thư mục", folders, sheet, "", "là một tệp: cần một thư mục"},
		{"trống", files, "", "", "Chưa có đường dẫn."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, "dashboard")
			var got string
			pb := chooseFile(f.app, f.app.win, c.spec, func(p string) { got = p })
			if len(f.app.dialogs) != 1 {
				t.Fatalf("%d dialogs open", len(f.app.dialogs))
			}
			// The box is inside the file dialog, on top of the window.
			if pop, ok := f.app.win.Canvas().Overlays().Top().(*widget.PopUp); !ok || !holds(pop.Content, pb.entry) {
				t.Fatal("the path box is not in the file dialog")
			}
			// Fyne's places in Vietnamese.
			var places *widget.List
			walk(f.app.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
				if l, ok := o.(*widget.List); ok && places == nil {
					places = l
				}
				return true
			})
			if places == nil || places.Length() == 0 {
				t.Fatal("no list of places in the file dialog")
			}
			row := places.CreateItem()
			places.UpdateItem(0, row)
			var first string
			for _, o := range row.(*fyne.Container).Objects {
				if l, ok := o.(*widget.Label); ok {
					first = l.Text
				}
			}
			if first != "Thư mục nhà" {
				t.Errorf("the first place is %q, want Thư mục nhà", first)
			}
			pb.entry.SetText(c.typed)
			pb.entry.OnSubmitted(pb.entry.Text)
			if got != c.want {
				t.Errorf("chose %q, want %q", got, c.want)
			}
			if c.want != "" && len(f.app.dialogs) != 0 {
				t.Error("the dialog stayed open after a choice")
			}
			if c.msg != "" {
				if !pb.msg.Visible() || !strings.Contains(pb.msg.Text, c.msg) {
					t.Errorf("message %q (shown %v), want %q", pb.msg.Text, pb.msg.Visible(), c.msg)
				}
			}
			if c.want == "" && len(f.app.dialogs) != 1 {
				t.Error("the dialog closed without a choice")
			}
		})
	}
}
