//go:build !windows

package ui

import "errors"

// nativeDialogs: Fyne's dialogs, with the app's path box, outside
// Windows (a native one there would bring GTK into the build).
func nativeDialogs() bool { return false }

func runNative(nativeRequest) (string, error) {
	return "", errors.New("không có hộp chọn tệp của hệ thống")
}
