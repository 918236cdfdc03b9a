package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingRegisterHint: the hint of a missing register names it once
// in the message and once, quoted for the shell, in the command to make it.
func TestMissingRegisterHint(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Sổ Đoàn", "so.db")
	_, err := OpenWith(path, OpenOptions{})
	if !errors.Is(err, ErrNoRegister) {
		t.Fatalf("open a missing register: %v", err)
	}
	want := "tạo sổ mới bằng lệnh: sodoan-cli --db '" + path + "' init"
	if !strings.HasSuffix(err.Error(), want) || strings.Contains(err.Error(), `"`) {
		t.Errorf("%v\nwant it to end %q", err, want)
	}
}
