package main

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"sodoan/store"
	"sodoan/ui"
)

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// TestMistypedRegisterLeavesNothing: a window started on a path where no
// register exists shows its welcome screen without making any file, and
// closed there leaves the folder as it was; the register (and its lock)
// is made only when asked for.
func TestMistypedRegisterLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	tg := newTestGuard(t, t.TempDir(), "")
	path := filepath.Join(dir, "typo.db")
	reg, err := openRegister(tg.guard, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if reg.st != nil {
		t.Fatal("a missing register was opened at start")
	}
	w, err := ui.New(test.NewTempApp(t), reg.st, ui.Options{ReportsDir: filepath.Join(t.TempDir(), "bao-cao"), Create: reg.create})
	if err != nil {
		t.Fatal(err)
	}
	w.Window().Close()
	reg.close()
	if names := dirNames(t, dir); len(names) != 0 {
		t.Fatalf("closing the welcome screen left %v in the register's folder", names)
	}

	// Asked for, the register is made and held.
	st, err := reg.create()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("create made no register: %v", err)
	}
	if _, err := store.OpenWith(path, store.OpenOptions{Exclusive: true}); err == nil {
		t.Error("the register made is not held against a second window")
	}
	st.Close()

	// An existing register is opened at start.
	again, err := openRegister(tg.guard, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer again.close()
	if again.st == nil {
		t.Fatal("an existing register was not opened at start")
	}
}
