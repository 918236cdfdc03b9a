package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"sodoan/store"
)

// register is the window's register: opened at start when its file
// exists, made only when the welcome screen's user chooses to start one
// (ui.Options.Create) otherwise, so that a window opened on a mistyped
// path and closed leaves no file behind (no register, -wal, -shm or lock).
type register struct {
	g    *guard
	path string
	now  func() time.Time // the clock the register is opened with
	st   *store.Store     // nil until opened
}

// openRegister opens the register at path when its file exists (and keeps
// the day's automatic backup of a register in use); a missing one is left
// for create. now is the register's clock (nil: time.Now).
func openRegister(g *guard, path string, now func() time.Time) (*register, error) {
	r := &register{g: g, path: path, now: now}
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return r, nil
	}
	st, err := r.create()
	if err != nil {
		return nil, err
	}
	if has, err := st.HasUnit(context.Background()); err == nil && has {
		// The day's first start keeps a copy (at most one a day, rotated).
		if _, err := st.AutoBackup(context.Background(), store.BackupDaily); err != nil {
			g.logf("sao lưu tự động: %v", err)
		}
	}
	return r, nil
}

// create opens the register, making it when missing, and holds it: a
// second window on it is refused.
func (r *register) create() (*store.Store, error) {
	// A damaged register opens all the same, for the window to restore it
	// from a backup (the store refuses every other write, and the window
	// says so in a banner): a secretary has no command line.
	st, err := store.OpenWith(r.path, store.OpenOptions{Create: true, Exclusive: true, Damaged: true, Now: r.now})
	if err != nil {
		return nil, registerError{fmt.Errorf("mở sổ %s: %w", r.path, err)}
	}
	r.st = st
	r.g.onFatal(func() { st.Close() })
	return st, nil
}

// close closes the register if it was opened.
func (r *register) close() {
	if r.st != nil {
		r.st.Close()
	}
}
