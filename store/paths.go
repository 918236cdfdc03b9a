package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// DataDir is the user's folder for Sổ Đoàn's registers: %AppData%\SoDoan on
// Windows, ~/Library/Application Support/SoDoan on macOS, and
// $XDG_DATA_HOME/sodoan (~/.local/share/sodoan, as the Makefile uses)
// elsewhere. The window and the command line open the same register.
func DataDir() (string, error) {
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
