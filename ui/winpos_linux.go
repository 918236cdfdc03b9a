//go:build linux && !wayland

package ui

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <stdlib.h>

// Each call opens its own short connection: the window handle is a server
// id, valid on any connection, and GLFW's display is not ours to share.
static int sd_window_pos(unsigned long win, int *x, int *y) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	Window child;
	int ok = XTranslateCoordinates(d, (Window)win, DefaultRootWindow(d), 0, 0, x, y, &child);
	XCloseDisplay(d);
	return ok;
}

static void sd_move_window(unsigned long win, int x, int y) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return;
	XMoveWindow(d, (Window)win, x, y);
	XFlush(d);
	XCloseDisplay(d);
}

static int sd_screen_size(int *w, int *h) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	*w = DisplayWidth(d, DefaultScreen(d));
	*h = DisplayHeight(d, DefaultScreen(d));
	XCloseDisplay(d);
	return 1;
}
*/
import "C"

func windowPos(h uintptr) (x, y int, ok bool) {
	if h == 0 {
		return 0, 0, false
	}
	var cx, cy C.int
	if C.sd_window_pos(C.ulong(h), &cx, &cy) == 0 {
		return 0, 0, false
	}
	return int(cx), int(cy), true
}

func moveWindow(h uintptr, x, y int) {
	if h != 0 {
		C.sd_move_window(C.ulong(h), C.int(x), C.int(y))
	}
}

func screenSize() (w, h int) {
	var cw, ch C.int
	if C.sd_screen_size(&cw, &ch) == 0 {
		return 0, 0
	}
	return int(cw), int(ch)
}

// systemScale: X11 reports its screen in the pixels Fyne draws in.
func systemScale() float32 { return 1 }
