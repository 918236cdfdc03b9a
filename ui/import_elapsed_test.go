package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// TestElapsedLabel: the label that stands in for an endless progress bar
// (whose animation redraws the window every frame and slowed the import)
// counts the seconds, and stops when told, even twice.
func TestElapsedLabel(t *testing.T) {
	f := newFixture(t, "members")
	e := f.app.newElapsed("Đang ghi 3 người vào sổ…")
	if got := e.label.Text; got != "Đang ghi 3 người vào sổ…" {
		t.Fatalf("label %q at the start", got)
	}
	f.waitFor("one second", func() bool { return e.label.Text == "Đang ghi 3 người vào sổ… (1 giây)" })
	e.stop()
	e.stop()
	time.Sleep(1200 * time.Millisecond)
	f.ui.drain()
	if got := e.label.Text; got != "Đang ghi 3 người vào sổ… (1 giây)" {
		t.Errorf("label %q after stop", got)
	}
}

// TestImportShowsElapsed: the import's working dialog shows the elapsed
// label with the number of people written, and the label stops with it.
func TestImportShowsElapsed(t *testing.T) {
	f := newFixture(t, "members")
	path := filepath.Join(t.TempDir(), "ds.csv")
	content := "STT;Họ và tên;Giới tính;Ngày sinh;Ngày vào Đoàn;Số thẻ;Chi đoàn\n1;Hồ Văn Mới;Nam;2/9/2000;26/3/2016;M0001;Khóm 1\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	f.app.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	// A .csv says not how many rows it has: the seconds, no bar.
	if im := f.app.imp; im == nil || im.stopBar == nil {
		t.Fatal("no elapsed label while reading a .csv")
	}
	f.waitFor("preview", func() bool { return f.app.imp.preview != nil })
	im := f.app.imp
	test.Tap(im.importBtn)
	if im.writing == nil || !strings.HasPrefix(im.writing.label.Text, "Đang ghi 1 người vào sổ…") {
		t.Fatalf("no elapsed label while writing")
	}
	f.waitFor("import", func() bool { return im.result != nil })
	if im.result.Added != 1 {
		t.Errorf("result %+v", im.result)
	}
}
