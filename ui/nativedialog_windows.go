//go:build windows

package ui

import (
	"errors"
	"os"
	"runtime"

	sq "github.com/sqweek/dialog"
	"golang.org/x/sys/windows"
)

// nativeDialogs tells whether the Open and Save dialogs are Windows' own
// (GetOpenFileNameW, GetSaveFileNameW): an address bar where a path is
// typed or pasted, the user's own place names (in Windows' language),
// the drives and USB sticks under This PC. SODOAN_FYNE_DIALOGS=1 keeps
// Fyne's dialog (a check of it under Wine).
func nativeDialogs() bool { return os.Getenv("SODOAN_FYNE_DIALOGS") == "" }

// runNative shows the dialog r asks for and waits until it is closed. It
// runs on a goroutine of its own, locked to its thread, which the dialog's
// own message loop needs while the window's thread goes on drawing. A
// cancel is ("", nil); an error means the dialog could not be shown (a
// path longer than the dialog's buffer, say), and the caller falls back
// to Fyne's.
func runNative(r nativeRequest) (string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	// The shell's dialogs want COM in a single-threaded apartment on the
	// calling thread (the folder browser fails without it).
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED); err == nil {
		defer windows.CoUninitialize()
	}
	var path string
	var err error
	if r.folder {
		path, err = sq.Directory().Title(r.title).SetStartDir(r.start).Browse()
	} else {
		b := sq.File().Title(r.title).SetStartDir(r.start)
		if r.name != "" {
			b = b.SetStartFile(r.name)
		}
		for _, f := range r.filters {
			b = b.Filter(f.desc, f.exts...)
		}
		if r.save {
			// OFN_OVERWRITEPROMPT: Windows asks before a file is replaced.
			path, err = b.Save()
		} else {
			path, err = b.Load()
		}
	}
	if errors.Is(err, sq.ErrCancelled) {
		return "", nil
	}
	return path, err
}
