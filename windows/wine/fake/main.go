//go:build windows

// Command fake stands in for a Windows program in make wine-check (never
// shipped). Built as explorer.exe or as a PDF viewer, it writes how it was
// started to <its own name>.log beside it: the command line exactly as
// Windows passed it (GetCommandLineW), then each argument as Go reads it,
// one a line, then a line "--". With --hold FILE READY RELEASE it opens
// FILE with no sharing at all (share mode 0, as some PDF readers do),
// writes READY, and keeps FILE open until RELEASE exists: Wine's
// wineserver then refuses every other program's open, rename or delete
// of FILE with a sharing violation, as Windows does.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sys/windows"
)

func main() {
	if len(os.Args) == 5 && os.Args[1] == "--hold" {
		if err := hold(os.Args[2], os.Args[3], os.Args[4]); err != nil {
			fmt.Fprintln(os.Stderr, "fake --hold:", err)
			os.Exit(1)
		}
		return
	}
	if err := record(); err != nil {
		fmt.Fprintln(os.Stderr, "fake:", err)
		os.Exit(1)
	}
}

// record appends the command line and the arguments to the log.
func record() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	log := strings.TrimSuffix(exe, filepath.Ext(exe)) + ".log"
	var b strings.Builder
	b.WriteString(windows.UTF16PtrToString(windows.GetCommandLine()) + "\n")
	for _, a := range os.Args[1:] {
		b.WriteString(a + "\n")
	}
	b.WriteString("--\n")
	f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// hold keeps path open with share mode 0 until release exists.
func hold(path, ready, release string) error {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer windows.CloseHandle(h)
	if err := os.WriteFile(ready, []byte("giữ\n"), 0o644); err != nil {
		return err
	}
	for deadline := time.Now().Add(10 * time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if _, err := os.Stat(release); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%s not made in 10 minutes", release)
}
