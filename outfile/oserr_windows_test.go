package outfile

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/windows"
)

// TestWindowsErrorsInWords: Windows's own codes for a file held by
// another program, a read-only folder and a full disk, as they come from
// os.Rename (MoveFileEx) and os.CreateTemp, say what to do in Vietnamese.
// Built for Windows; make wine-check runs it under Wine.
func TestWindowsErrorsInWords(t *testing.T) {
	const path, dir = `C:\Users\An\Documents\Sổ Đoàn\2026\bao-cao.pdf`, `C:\Users\An\Documents\Sổ Đoàn\2026`
	rename := func(e syscall.Errno) error {
		return &os.LinkError{Op: "rename", Old: dir + `\.sodoan-3138657145.pdf`, New: path, Err: e}
	}
	create := func(e syscall.Errno) error {
		return &os.PathError{Op: "open", Path: dir + `\.sodoan-1.pdf`, Err: e}
	}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"ERROR_SHARING_VIOLATION on rename", replaceFailed(path, rename(32)), whyInUse},
		{"ERROR_LOCK_VIOLATION on rename", replaceFailed(path, rename(33)), whyInUse},
		{"ERROR_ACCESS_DENIED on rename over an open file", replaceFailed(path, rename(syscall.ERROR_ACCESS_DENIED)), whyInUse},
		{"ERROR_DISK_FULL on rename", replaceFailed(path, rename(112)), whyDiskFull},
		{"ERROR_ACCESS_DENIED in a read-only folder", FolderFailed(path, dir, create(syscall.ERROR_ACCESS_DENIED)), "thư mục " + dir + " chỉ cho đọc"},
		{"ERROR_PATH_NOT_FOUND: the USB stick pulled out", FolderFailed(path, dir, create(syscall.ERROR_PATH_NOT_FOUND)), "không có thư mục " + dir},
		{"ERROR_HANDLE_DISK_FULL", FolderFailed(path, dir, create(39)), whyDiskFull},
	}
	for _, tt := range tests {
		msg := tt.err.Error()
		if !strings.HasPrefix(msg, "không ghi được "+path+": ") || !strings.Contains(msg, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, msg, tt.want)
		}
		if strings.Contains(msg, ".sodoan-") || strings.Contains(msg, "denied") || strings.Contains(msg, "process cannot") {
			t.Errorf("%s: the system's words or the temporary file show: %q", tt.name, msg)
		}
	}
}

// TestWriteOverFileHeldOpen: a PDF another program holds open with no
// sharing (as some readers do) is not replaced: the write says so in
// Vietnamese, the old file is untouched and no temporary file is left;
// once the program lets go, the same write goes through.
func TestWriteOverFileHeldOpen(t *testing.T) {
	dir := filepath.Join(tempDir(t), "Sổ Đoàn", "2026")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "Báo cáo năm.pdf")
	if err := os.WriteFile(path, []byte("%PDF-cũ"), 0o600); err != nil {
		t.Fatal(err)
	}
	p, _ := windows.UTF16PtrFromString(path)
	h, err := windows.CreateFile(p, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	write := func(w io.Writer) error { _, err := w.Write([]byte("%PDF-mới")); return err }
	err = Output{Path: path, Replace: true}.Write(write)
	if err == nil || !strings.Contains(err.Error(), "không ghi được "+path+": "+whyInUse) {
		t.Errorf("write over a file held open: %v", err)
	}
	windows.CloseHandle(h)
	if b, _ := os.ReadFile(path); string(b) != "%PDF-cũ" {
		t.Errorf("the file held open changed: %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".sodoan-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if err := (Output{Path: path, Replace: true}).Write(write); err != nil {
		t.Fatalf("write once let go: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF-mới" {
		t.Errorf("after the write: %q", b)
	}
}

// tempDir is t.TempDir removed with os.Remove, file by file: Go's
// RemoveAll on Windows deletes through handles with a call Wine 8 does
// not have ("Invalid function"), and make wine-check runs these tests
// under Wine.
func tempDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "outfile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		var all []string
		filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
			all = append(all, p)
			return nil
		})
		for i := len(all) - 1; i >= 0; i-- {
			if err := os.Remove(all[i]); err != nil {
				t.Errorf("cleanup: %v", err)
			}
		}
	})
	return dir
}
