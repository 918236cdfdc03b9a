//go:build !windows && !(linux && !wayland)

package ui

func windowPos(uintptr) (x, y int, ok bool) { return 0, 0, false }
func moveWindow(uintptr, int, int)          {}
func screenSize() (w, h int)                { return 0, 0 }

func systemScale() float32 { return 1 }
