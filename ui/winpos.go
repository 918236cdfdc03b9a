package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// The window's place between runs. Fyne sizes a window but does not place
// it, so the position is read and set through the platform's own window
// handle (winpos_*.go). Size and position are kept as one preference
// value: Fyne writes preferences at most once per 100 ms and the app quits
// sooner, which is how a separately stored height used to get lost.

// defaultSize fits a 1366×768 laptop screen with a title bar and a
// taskbar, the smallest screen a ward office is likely to have.
var defaultSize = fyne.NewSize(1240, 660)

// minUsable is the smallest size the screens are laid out for.
var minUsable = fyne.NewSize(900, 560)

// placement is the window's size (canvas units) and top-left corner on
// the screen (pixels; hasPos false when unknown).
type placement struct {
	w, h   float32
	x, y   int
	hasPos bool
}

func (p placement) String() string {
	if !p.hasPos {
		return fmt.Sprintf("%g,%g", p.w, p.h)
	}
	return fmt.Sprintf("%g,%g,%d,%d", p.w, p.h, p.x, p.y)
}

// parsePlacement reads a stored placement; ok is false for anything not
// written by String, so that a damaged preference gives the default.
func parsePlacement(s string) (p placement, ok bool) {
	if n, _ := fmt.Sscanf(s, "%g,%g,%d,%d", &p.w, &p.h, &p.x, &p.y); n == 4 {
		p.hasPos = true
	} else if n, _ := fmt.Sscanf(s, "%g,%g", &p.w, &p.h); n != 2 {
		return placement{}, false
	}
	if p.w < minUsable.Width || p.h < minUsable.Height || p.w > 20000 || p.h > 20000 {
		return placement{}, false
	}
	return p, true
}

// fit keeps the window on a screen of sw×sh pixels at the given scale:
// smaller than the screen, and its corner where the user can reach it.
func (p placement) fit(sw, sh int, scale float32) placement {
	if sw <= 0 || sh <= 0 {
		return p
	}
	if scale <= 0 {
		scale = 1
	}
	// Leave room for a title bar and a taskbar.
	maxW, maxH := float32(sw)/scale, float32(sh-80)/scale
	p.w, p.h = min(p.w, maxW), min(p.h, maxH)
	if p.hasPos {
		if p.x < 0 || p.y < 0 || p.x > sw-100 || p.y > sh-100 {
			p.x, p.y, p.hasPos = 0, 0, false
		}
	}
	return p
}

// nativeHandle runs f with the platform window handle of w (0 when the
// driver has none, as under the test driver).
func nativeHandle(w fyne.Window, f func(h uintptr)) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.X11WindowContext:
			f(c.WindowHandle)
		case *driver.X11WindowContext:
			f(c.WindowHandle)
		case driver.WindowsWindowContext:
			f(c.HWND)
		case *driver.WindowsWindowContext:
			f(c.HWND)
		}
	})
}
