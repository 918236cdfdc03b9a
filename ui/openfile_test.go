package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"sodoan/domain"
	"sodoan/store"
)

// TestOpenFileFromOutside: a file the program is started with (a .sodoan
// double-clicked in Explorer) goes where its kind belongs, and anything
// else is answered in words, with nothing written.
func TestOpenFileFromOutside(t *testing.T) {
	f := newFixture(t, "dashboard")
	dir := t.TempDir()
	pkg := filepath.Join(dir, "goi-phuong-an-hoa.sodoan")
	other := filepath.Join(dir, "thu.txt")
	for _, p := range []string{pkg, other} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		path, want string
	}{
		// A ward's register does not take packages: it says where they go.
		{pkg, "là gói số liệu một cơ sở Đoàn gửi cấp trên"},
		{other, "không mở được loại tệp này: thu.txt"},
		{filepath.Join(dir, "mat.sodoan"), "không có tệp này"},
	}
	for _, tt := range tests {
		f.app.openFile(tt.path)
		top := f.app.win.Canvas().Overlays().Top()
		if top == nil || !hasLabel(top, tt.want) {
			t.Errorf("%s: no message with %q (%v)", filepath.Base(tt.path), tt.want, labelTexts(top))
		}
		f.app.win.Canvas().Overlays().Remove(top)
	}

	// On the upper level's consolidation register the package goes to its
	// passphrase, on the wards' screen.
	ctx := context.Background()
	cons, err := store.Open(filepath.Join(dir, "tinh-doan.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cons.Close() })
	if err := cons.MakeConsolidation(ctx, domain.Unit{Name: "BCH Tỉnh Đoàn Đồng Tháp", UpperBody: "Trung ương Đoàn TNCS Hồ Chí Minh",
		Place: "Đồng Tháp", SecretaryName: "Phan Văn Thắng"}); err != nil {
		t.Fatal(err)
	}
	q := newUIQueue()
	a, err := New(test.NewTempApp(t), cons, Options{ReportsDir: filepath.Join(dir, "bao-cao"), do: q.do})
	if err != nil {
		t.Fatal(err)
	}
	a.openFile(pkg)
	top := a.win.Canvas().Overlays().Top()
	if a.current != "wards" || top == nil || !hasLabel(top, "goi-phuong-an-hoa.sodoan") {
		t.Errorf("consolidation register: screen %q, dialog %v", a.current, labelTexts(top))
	}
	q.drain()
}
