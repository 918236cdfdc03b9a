package outfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestSystemErrorsInWords: a write that fails for the usual reasons says
// what to do, in Vietnamese, without the system's words or the temporary
// file's name, and still wraps the system's error for errors.Is.
func TestSystemErrorsInWords(t *testing.T) {
	const path, dir = `C:\Users\an\Documents\Sổ Đoàn\2026\bao-cao.pdf`, `C:\Users\an\Documents\Sổ Đoàn\2026`
	rename := func(e syscall.Errno) error {
		return &os.LinkError{Op: "rename", Old: dir + `\.sodoan-3138657145.pdf`, New: path, Err: e}
	}
	open := func(e syscall.Errno) error { return &fs.PathError{Op: "open", Path: dir + `\.sodoan-1.pdf`, Err: e} }
	tests := []struct {
		name string
		err  error
		want string // in the message
		is   error  // still found by errors.Is
	}{
		{"the PDF open in a reader", replaceFailed(path, rename(syscall.EACCES)), "đang mở trong một chương trình khác", fs.ErrPermission},
		{"the disk full at the last step", replaceFailed(path, rename(syscall.ENOSPC)), "ổ đĩa đã đầy", syscall.ENOSPC},
		{"a read-only folder", FolderFailed(path, dir, open(syscall.EACCES)), "thư mục " + dir + " chỉ cho đọc", fs.ErrPermission},
		{"a USB stick pulled out", FolderFailed(path, dir, open(syscall.ENOENT)), "không có thư mục " + dir, fs.ErrNotExist},
		{"the disk full", FolderFailed(path, dir, open(syscall.ENOSPC)), "ổ đĩa đã đầy", syscall.ENOSPC},
		// Anything else keeps the system's words: better than a guess.
		{"another failure", FolderFailed(path, dir, open(syscall.EIO)), "input/output error", syscall.EIO},
	}
	for _, tt := range tests {
		msg := tt.err.Error()
		if !strings.HasPrefix(msg, "không ghi được "+path+": ") || !strings.Contains(msg, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, msg, tt.want)
		}
		if tt.is != syscall.EIO && (strings.Contains(msg, ".sodoan-") || strings.Contains(msg, "denied") || strings.Contains(msg, "permission")) {
			t.Errorf("%s: the system's words or the temporary file show: %q", tt.name, msg)
		}
		if !errors.Is(tt.err, tt.is) {
			t.Errorf("%s: %v does not wrap %v", tt.name, tt.err, tt.is)
		}
	}
}

// TestWriteIntoFolderThatIsAFile: a real write whose folder cannot be
// made (a file stands where the folder should be) names the folder.
func TestWriteIntoFolderThatIsAFile(t *testing.T) {
	dir := t.TempDir()
	blocker := dir + string(os.PathSeparator) + "2026"
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := blocker + string(os.PathSeparator) + "bao-cao.pdf"
	err := Output{Path: path}.Write(func(w io.Writer) error { _, err := w.Write([]byte("%PDF")); return err })
	var oe *OutputError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "không ghi được "+path) {
		t.Fatalf("write under a file: %v", err)
	}
	if b, _ := os.ReadFile(blocker); string(b) != "x" {
		t.Errorf("the file in the folder's place changed: %q", b)
	}
}
