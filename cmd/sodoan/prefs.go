package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// Fyne keeps the window's preferences (language, documents folder, the
// window's place, the last screen) in one JSON file that it rewrites in
// place: a copy of Sổ Đoàn killed or switched off while writing it, or
// another copy (on another register) writing it while this one reads,
// leaves it empty or cut short, and Fyne then says "Preferences load
// error: EOF" and starts with none of the user's choices. So each start
// keeps a copy of a good file and puts it back over a broken one.

// prefsFile is where Fyne keeps the preferences of appID (its
// internal/app rootConfigDir, then the app's id).
func prefsFile(appID string) string {
	var root string
	switch runtime.GOOS {
	case "windows":
		home, _ := os.UserHomeDir()
		root = filepath.Join(home, "AppData", "Roaming", "fyne")
	case "darwin":
		home, _ := os.UserHomeDir()
		root = filepath.Join(home, "Library", "Preferences", "fyne")
	default:
		cfg, _ := os.UserConfigDir()
		root = filepath.Join(cfg, "fyne")
	}
	return filepath.Join(root, appID, "preferences.json")
}

// prefsOutcome says what keepPreferences did, for the log.
type prefsOutcome int

const (
	prefsNone     prefsOutcome = iota // no file yet
	prefsKept                         // a good file, copied aside
	prefsRestored                     // a broken file replaced by the copy
	prefsDropped                      // a broken file, no copy: removed, Fyne starts afresh
)

// settleRead is how long a broken file is given to be finished by another
// copy of the program writing it, before it is judged broken.
const settleRead = 300 * time.Millisecond

// keepPreferences checks the preferences file at path before Fyne reads
// it: a good one is copied to path.bak, a broken one (empty, cut short,
// not a JSON object) replaced by that copy or, with none, removed.
func keepPreferences(path string) (prefsOutcome, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return prefsNone, nil
	}
	if err != nil {
		return prefsNone, err
	}
	if !goodPrefs(data) {
		time.Sleep(settleRead)
		if data, err = os.ReadFile(path); err != nil && !os.IsNotExist(err) {
			return prefsNone, err
		}
	}
	bak := path + ".bak"
	if goodPrefs(data) {
		if old, err := os.ReadFile(bak); err == nil && bytes.Equal(old, data) {
			return prefsKept, nil
		}
		return prefsKept, writeAside(bak, data)
	}
	if old, err := os.ReadFile(bak); err == nil && goodPrefs(old) {
		return prefsRestored, writeAside(path, old)
	}
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return prefsNone, err
	}
	return prefsDropped, nil
}

// goodPrefs reports whether data is a whole JSON object, as Fyne writes.
func goodPrefs(data []byte) bool {
	var v map[string]any
	return json.Unmarshal(data, &v) == nil && v != nil
}

// writeAside writes data to path through a temporary file renamed into
// place, so that path is never seen half-written.
func writeAside(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".preferences-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
