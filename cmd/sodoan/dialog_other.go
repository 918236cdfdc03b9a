//go:build !windows

package main

import (
	"os"
	"os/exec"
	"time"
)

// showDialog shows the error in a zenity or xmessage window when either is
// installed and a display is there, and waits (at most ten minutes) until
// it is closed; the log file and stderr have it in any case.
// SODOAN_NO_DIALOG=1 leaves it out (tests).
func showDialog(title, text string) {
	if os.Getenv("SODOAN_NO_DIALOG") != "" || (os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "") {
		return
	}
	var cmd *exec.Cmd
	if p, err := exec.LookPath("zenity"); err == nil {
		cmd = exec.Command(p, "--error", "--no-markup", "--title", title, "--text", text)
	} else if p, err := exec.LookPath("xmessage"); err == nil {
		cmd = exec.Command(p, "-center", "-title", title, text)
	} else {
		return
	}
	if err := cmd.Start(); err != nil {
		return
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Minute):
		_ = cmd.Process.Kill()
	}
}

// osVersion adds nothing on Linux: GOOS/GOARCH say enough.
func osVersion() string { return "" }

// graphicsAdvice is what to do on Linux when OpenGL 2.1 or the display is
// missing.
func graphicsAdvice() string {
	return "Sổ Đoàn không mở được cửa sổ: không có màn hình đồ họa, hoặc máy chưa có OpenGL 2.1.\n\n" +
		"Cách khắc phục:\n" +
		"• Chạy Sổ Đoàn trong phiên đồ họa (biến DISPLAY hoặc WAYLAND_DISPLAY).\n" +
		"• Cài trình điều khiển Mesa (gói libgl1-mesa-dri) hoặc chạy với LIBGL_ALWAYS_SOFTWARE=1.\n" +
		"• Trong lúc chờ, sodoan-cli vẫn in được báo cáo PDF từ sổ.\n"
}

// versionOut is standard output: a Linux program always has one.
func versionOut() (*os.File, bool) { return os.Stdout, true }

// markRunning is for the Windows installer only (dialog_windows.go).
func markRunning() {}
