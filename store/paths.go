package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// PortableFolder is the folder beside the program that makes a copy of it
// portable: the portable zip ships it, and a program run from a USB stick
// keeps its register, backups and log there, on the stick, instead of in
// the user folder of whatever computer it is plugged into.
const PortableFolder = "du-lieu"

// DataDir is the folder for Sổ Đoàn's registers: the portable folder
// beside the program when there is one; else the user's: %AppData%\SoDoan
// on Windows, ~/Library/Application Support/SoDoan on macOS, and
// $XDG_DATA_HOME/sodoan (~/.local/share/sodoan, as the Makefile uses)
// elsewhere. The window and the command line open the same register.
func DataDir() (string, error) {
	if dir, ok := portableDir(); ok {
		return dir, nil
	}
	switch runtime.GOOS {
	case "windows", "darwin":
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("tìm thư mục dữ liệu: %w", err)
		}
		return filepath.Join(dir, "SoDoan"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "sodoan"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("tìm thư mục dữ liệu: %w", err)
	}
	return filepath.Join(home, ".local", "share", "sodoan"), nil
}

// DefaultPath is the register opened when none is named.
func DefaultPath() (string, error) {
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "so-doan.db"), nil
}

// portableDir is the portable folder beside the running program, if one
// is there (links resolved: the folder beside the real file).
func portableDir() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	dir := filepath.Join(filepath.Dir(exe), PortableFolder)
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return dir, true
	}
	return "", false
}
