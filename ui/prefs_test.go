package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// TestReopensLastScreenAndSize: the next start opens the screen left open,
// in a window of the size last used.
func TestReopensLastScreenAndSize(t *testing.T) {
	f := newFixture(t, "")
	f.app.goTo("clubs")
	if f.app.current != "clubs" {
		t.Fatalf("current screen %q", f.app.current)
	}
	// The window's close intercept stores its size; the test driver has no
	// way to close through it, so the size is stored as it would.
	p := f.app.fa.Preferences()
	p.SetFloat(prefWidth, 1100)
	p.SetFloat(prefHeight, 700)
	f.settle()
	a, err := New(f.app.fa, f.st, Options{ReportsDir: filepath.Join(t.TempDir(), "bao-cao"), do: f.ui.do})
	if err != nil {
		t.Fatal(err)
	}
	f.app = a
	if a.current != "clubs" {
		t.Errorf("reopened on %q, want clubs", a.current)
	}
	if got := a.win.Canvas().Size(); got != fyne.NewSize(1100, 700) {
		t.Errorf("window %v, want 1100×700", got)
	}
}
