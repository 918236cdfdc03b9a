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
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// TestElapsedLabel: the label that stands in for an endless progress bar
// (whose animation redraws the window every frame and slowed the import)
// counts the seconds, and stops when told, even twice.
func TestElapsedLabel(t *testing.T) {
	f := newFixture(t, "members")
	e := newElapsed(f.app.do, "Đang ghi 3 người vào sổ…")
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
	if im := f.app.imports.last; im == nil || im.stopBar == nil {
		t.Fatal("no elapsed label while reading a .csv")
	}
	f.waitFor("preview", func() bool { return f.app.imports.last.preview != nil })
	im := f.app.imports.last
	test.Tap(im.importBtn)
	if im.writing == nil || !strings.HasPrefix(im.writing.label.Text, "Đang ghi 1 người vào sổ…") {
		t.Fatalf("no elapsed label while writing")
	}
	f.waitFor("import", func() bool { return im.result != nil })
	if im.result.Added != 1 {
		t.Errorf("result %+v", im.result)
	}
}

// TestWelcomeDemoCountsSeconds: making the demo ward from the welcome
// screen shows the seconds counting, not an endless bar, and opens the
// main window when it is done.
func TestWelcomeDemoCountsSeconds(t *testing.T) {
	fa := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "moi.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	q := newUIQueue()
	a, err := New(fa, st, Options{do: q.do})
	if err != nil {
		t.Fatal(err)
	}
	tapIn(t, a.win.Content(), "Xem thử với phường mẫu")
	counting, bars := false, 0
	eachObject(a.win.Content(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			counting = counting || strings.HasPrefix(w.Text, "Đang tạo phường mẫu…")
		case *widget.ProgressBarInfinite:
			bars++
		}
	})
	if !counting || bars > 0 {
		t.Fatalf("while the demo is made: a counting label %v, %d endless bars", counting, bars)
	}
	q.waitWithin(t, "the demo ward", 2*time.Minute, func() bool { return a.nav != nil })
}
