package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"sodoan/store"
)

// TestPortableCopyKeepsDataBesideIt runs a copy of the program from a
// "USB stick" folder: with the portable folder beside it (as the portable
// zip ships it) the register made without --db is there, not in the
// user's data folder; without it, in the user's (issue 21, finding 8).
func TestPortableCopyKeepsDataBesideIt(t *testing.T) {
	for _, tc := range []struct {
		name     string
		portable bool
	}{{"with du-lieu", true}, {"installed", false}} {
		t.Run(tc.name, func(t *testing.T) {
			usb, home := t.TempDir(), t.TempDir()
			exe := filepath.Join(usb, "sodoan-cli")
			copyFile(t, os.Args[0], exe)
			if tc.portable {
				if err := os.Mkdir(filepath.Join(usb, store.PortableFolder), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			c := exec.Command(exe, "init")
			c.Env = append(os.Environ(), "SODOAN_CLI=1", "LANG=vi_VN.UTF-8", "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"))
			if out, err := c.CombinedOutput(); err != nil {
				t.Fatalf("init: %v\n%s", err, out)
			}
			onStick := filepath.Join(usb, store.PortableFolder, "so-doan.db")
			inHome := filepath.Join(home, "data", "sodoan", "so-doan.db")
			want, not := inHome, onStick
			if tc.portable {
				want, not = onStick, inHome
			}
			if _, err := os.Stat(want); err != nil {
				t.Errorf("no register at %s: %v", want, err)
			}
			if _, err := os.Stat(not); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a register at %s too: %v", not, err)
			}
		})
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
