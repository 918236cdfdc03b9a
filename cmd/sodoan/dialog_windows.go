package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// showDialog shows a native Windows message box and waits until it is
// closed: a GUI program has no console, so this is the only place a
// start-up error can be seen. SODOAN_NO_DIALOG=1 leaves it out (tests).
func showDialog(title, text string) {
	if os.Getenv("SODOAN_NO_DIALOG") != "" {
		return
	}
	t, err1 := windows.UTF16PtrFromString(text)
	c, err2 := windows.UTF16PtrFromString(title)
	if err1 != nil || err2 != nil {
		return
	}
	const flags = windows.MB_OK | windows.MB_ICONERROR | windows.MB_SETFOREGROUND | windows.MB_TOPMOST
	_, _ = windows.MessageBox(0, t, c, flags)
}

// osVersion names the Windows build for the log, for example
// " (Windows 10.0.22631)".
func osVersion() string {
	v := windows.RtlGetVersion()
	return fmt.Sprintf(" (Windows %d.%d.%d)", v.MajorVersion, v.MinorVersion, v.BuildNumber)
}

// graphicsAdvice is what to do on Windows when OpenGL 2.1 is missing.
func graphicsAdvice() string {
	dir := ""
	if exe, err := os.Executable(); err == nil {
		dir = " (" + filepath.Dir(exe) + ")"
	}
	return "Sổ Đoàn không mở được cửa sổ: máy chưa có OpenGL 2.1, thường vì trình điều khiển đồ họa đã cũ, " +
		"hoặc vì máy đang được dùng qua Remote Desktop hay máy ảo.\n\n" +
		"Cách khắc phục:\n" +
		"• Cập nhật trình điều khiển card đồ họa (Intel, AMD, NVIDIA) qua Windows Update hoặc trang của hãng, rồi mở lại Sổ Đoàn.\n" +
		"• Nếu không cập nhật được: chép tệp opengl32.dll của Mesa (trình vẽ bằng phần mềm, bản 64-bit) vào thư mục cài Sổ Đoàn" +
		dir + ", rồi mở lại.\n" +
		"• Trong lúc chờ, sodoan-cli.exe vẫn in được báo cáo PDF từ sổ.\n"
}

// versionOut is where --version writes. A GUI program started from a
// console has no standard output of its own: it borrows its parent's
// console; started from Explorer, there is none and the version is shown
// in a message box instead (ok is false).
func versionOut() (f *os.File, ok bool) {
	if _, err := os.Stdout.Stat(); err == nil {
		return os.Stdout, true // redirected to a file or a pipe
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS (DWORD -1)
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return nil, false
	}
	h, err := windows.GetStdHandle(windows.STD_OUTPUT_HANDLE)
	if err != nil || h == windows.InvalidHandle || h == 0 {
		return nil, false
	}
	return os.NewFile(uintptr(h), "CONOUT$"), true
}

// runningMutex is the name the installer and the uninstaller look for
// (windows/installer.nsi): while it exists Sổ Đoàn is open, and they ask
// the user to close it instead of failing on a locked sodoan.exe.
const runningMutex = "SoDoan.DangMo"

// running holds the mutex for the life of the process; Windows releases it
// when the process ends, however it ends.
var running windows.Handle

// markRunning makes the mutex the installer checks. A failure only means
// the installer cannot tell: the program runs on.
func markRunning() {
	name, err := windows.UTF16PtrFromString(runningMutex)
	if err != nil {
		return
	}
	if h, err := windows.CreateMutex(nil, false, name); err == nil || errors.Is(err, windows.ERROR_ALREADY_EXISTS) {
		running = h
	}
}
