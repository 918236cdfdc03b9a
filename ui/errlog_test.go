package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"

	"sodoan/outfile"
	"sodoan/store"
)

// TestSystemErrorLogged: a failed write shows the user's words in the
// window and writes the system's own error to the log, with the folder
// but not the file's name (a member's, maybe); other errors (a rule of
// the register, naming a member) are not logged (issue 21).
func TestSystemErrorLogged(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "so.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var logged []string
	a, err := New(test.NewTempApp(t), st, Options{do: newUIQueue().do, Create: func() (*store.Store, error) { return st, nil },
		Log: func(line string) { logged = append(logged, line) }})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(string(os.PathSeparator), "mnt", "usb", "Sổ Đoàn")
	file := filepath.Join(dir, "giay-gioi-thieu-nguyen-van-an.pdf")
	tests := []struct {
		err  error
		want string // the log line; "" for none
	}{
		{outfile.FolderFailed(file, dir, &fs.PathError{Op: "open", Path: filepath.Join(dir, ".sodoan-1.pdf"), Err: syscall.EACCES}),
			fmt.Sprintf("LỖI (tệp): open trong %s: %v", dir, syscall.EACCES)},
		{&os.LinkError{Op: "rename", Old: filepath.Join(dir, ".sodoan-2.pdf"), New: file, Err: syscall.ENOSPC},
			fmt.Sprintf("LỖI (tệp): rename trong %s: %v", dir, syscall.ENOSPC)},
		{errors.New("Nguyễn Văn An: ngày vào Đoàn trước ngày sinh"), ""},
	}
	for _, tt := range tests {
		logged = nil
		a.showError(tt.err)
		switch {
		case tt.want == "" && len(logged) != 0:
			t.Errorf("%v: logged %q", tt.err, logged)
		case tt.want != "" && (len(logged) != 1 || logged[0] != tt.want):
			t.Errorf("%v: logged %q, want %q", tt.err, logged, tt.want)
		}
		for _, l := range logged {
			if strings.Contains(l, "nguyen-van-an") {
				t.Errorf("the log names the file: %q", l)
			}
		}
	}
}
