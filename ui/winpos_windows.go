//go:build windows

package ui

import (
	"syscall"
	"unsafe"
)

var (
	user32                   = syscall.NewLazyDLL("user32.dll")
	procGetWindowRect        = user32.NewProc("GetWindowRect")
	procSetWindowPos         = user32.NewProc("SetWindowPos")
	procSystemParametersInfo = user32.NewProc("SystemParametersInfoW")
)

type rect struct{ left, top, right, bottom int32 }

func windowPos(h uintptr) (x, y int, ok bool) {
	if h == 0 {
		return 0, 0, false
	}
	var r rect
	if ret, _, _ := procGetWindowRect.Call(h, uintptr(unsafe.Pointer(&r))); ret == 0 {
		return 0, 0, false
	}
	return int(r.left), int(r.top), true
}

func moveWindow(h uintptr, x, y int) {
	const swpNoSize, swpNoZOrder, swpNoActivate = 0x0001, 0x0004, 0x0010
	if h != 0 {
		procSetWindowPos.Call(h, 0, uintptr(x), uintptr(y), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
	}
}

// screenSize is the work area: the screen less the taskbar.
func screenSize() (w, h int) {
	const spiGetWorkArea = 0x0030
	var r rect
	if ret, _, _ := procSystemParametersInfo.Call(spiGetWorkArea, 0, uintptr(unsafe.Pointer(&r)), 0); ret == 0 {
		return 0, 0
	}
	return int(r.right - r.left), int(r.bottom - r.top)
}

var procGetDpiForSystem = user32.NewProc("GetDpiForSystem")

// systemScale is Windows's display scaling (1.5 at 150 %), which Fyne
// applies on top of its own scale: the work area is in pixels, so a window
// of 1240×660 canvas units is 1860×990 pixels there and ran under the
// taskbar of a 1920×1080 screen (issue 21). GetDpiForSystem needs
// Windows 10 1607; before it, 1.
func systemScale() float32 {
	if procGetDpiForSystem.Find() != nil {
		return 1
	}
	dpi, _, _ := procGetDpiForSystem.Call()
	if dpi < 96 || dpi > 96*8 {
		return 1
	}
	return float32(dpi) / 96
}
