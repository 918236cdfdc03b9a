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
	// The window's close intercept stores its size; the test driver's
	// Close does not call it, so the test calls it as the window's close
	// button would.
	f.app.win.Resize(fyne.NewSize(1100, 700))
	f.settle()
	f.app.closeWindow()
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

func TestPlacement(t *testing.T) {
	tests := []struct {
		stored string
		sw, sh int
		want   placement
		ok     bool
	}{
		{"1100,700,30,40", 1920, 1080, placement{w: 1100, h: 700, x: 30, y: 40, hasPos: true}, true},
		{"1100,700", 1920, 1080, placement{w: 1100, h: 700}, true},
		// A window saved on a big monitor shrinks to a 1366×768 laptop,
		// and a corner off the screen is forgotten.
		{"1800,1000,1500,900", 1366, 768, placement{w: 1366, h: 688}, true},
		{"1100,700,-3000,10", 1366, 768, placement{w: 1100, h: 688}, true},
		// Damaged or absurd values give the default.
		{"", 1366, 768, placement{}, false},
		{"abc", 1366, 768, placement{}, false},
		{"10,10", 1366, 768, placement{}, false},
		{"1e9,700", 1366, 768, placement{}, false},
	}
	for _, tc := range tests {
		got, ok := parsePlacement(tc.stored)
		if ok != tc.ok {
			t.Errorf("parse %q: ok %v", tc.stored, ok)
			continue
		}
		if !ok {
			continue
		}
		if got = got.fit(tc.sw, tc.sh, 1); got != tc.want {
			t.Errorf("%q on %d×%d: %+v, want %+v", tc.stored, tc.sw, tc.sh, got, tc.want)
		}
		if back, _ := parsePlacement(got.String()); back != got {
			t.Errorf("%+v does not survive its string %q", got, got.String())
		}
	}
	// The first start fits a 1366×768 screen with a title bar and taskbar.
	if d := (placement{w: defaultSize.Width, h: defaultSize.Height}).fit(1366, 768, 1); d.w != defaultSize.Width || d.h != defaultSize.Height || d.h+30+40 > 768 {
		t.Errorf("default size %v does not fit 1366×768", defaultSize)
	}
	// 1920×1080 at Windows's 150 %: a work area of 1920×1040 pixels. The
	// default window, 1240×660 units, was 1860×990 pixels plus a title
	// bar and ran under the taskbar; at the system's scale it is cut to
	// (1040−80)/1.5 = 640 units high, 960 pixels, and 1240 wide (1280 room).
	if d := (placement{w: defaultSize.Width, h: defaultSize.Height}).fit(1920, 1040, 1.5); d.w != 1240 || d.h != 640 {
		t.Errorf("the default window at 150 %% on 1920×1040: %g×%g, want 1240×640", d.w, d.h)
	}
}
