//go:build !windows

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sodoan/store"
)

// killAfter starts c, kills it with SIGKILL after d (unless it ended
// before) and tells whether the kill landed.
func killAfter(t *testing.T, c *exec.Cmd, d time.Duration) bool {
	t.Helper()
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, &out
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			msg := out.String()
			if len(msg) > 400 {
				msg = msg[:400] + "…"
			}
			t.Fatalf("%v ended on its own with %v: %s", c.Args[1:], err, msg)
		}
		return false
	case <-time.After(d):
		c.Process.Signal(syscall.SIGKILL)
		<-done
		return true
	}
}

// leftovers lists the files in dir other than the register's own.
func leftovers(dir string, own ...string) []string {
	var out []string
	entries, _ := os.ReadDir(dir)
next:
	for _, e := range entries {
		for _, o := range own {
			if e.Name() == o {
				continue next
			}
		}
		out = append(out, e.Name())
	}
	return out
}

// TestKill kills sodoan-cli (and the store's bulk admission) with SIGKILL
// in the middle of its writes: the register stays whole, each write is
// all or nothing, no document number is left without its file, and a
// backup is complete or absent. Run with -v for the figures.
func TestKill(t *testing.T) {
	const people = 20000
	base := demoRegister(t, t.TempDir(), people)
	delays := []time.Duration{30 * time.Millisecond, 150 * time.Millisecond, 500 * time.Millisecond}
	faults := 0
	for _, d := range delays {
		t.Run(fmt.Sprintf("demo-%v", d), func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "so.db")
			if out, code := cliProc("--db", db, "init"); code != 0 {
				t.Fatal(out)
			}
			killed := killAfter(t, cliCmd("--db", db, "demo", "--members", "30000"), d)
			n := intact(t, db)
			if n != 0 && n != 30000 {
				t.Fatalf("half a demo: %d people", n)
			}
			faults++
			t.Logf("demo killed at %v (landed %v): %d people, left beside: %v", d, killed, n, leftovers(dir, "so.db", "so.db-wal", "so.db-shm"))
		})
	}
	// The last one lets the backup finish: a whole backup under its name.
	for _, d := range []time.Duration{5 * time.Millisecond, 20 * time.Millisecond, 60 * time.Millisecond, 5 * time.Second} {
		t.Run(fmt.Sprintf("backup-%v", d), func(t *testing.T) {
			dir := t.TempDir()
			db := copyRegister(t, base, dir)
			dest := filepath.Join(dir, "usb", "sao-luu.db")
			killed := killAfter(t, cliCmd("--db", db, "backup", "--out", dest), d)
			state := "absent"
			if _, err := os.Stat(dest); err == nil {
				c, err := store.CheckBackup(context.Background(), dest)
				if err != nil || c.People != people {
					t.Fatalf("a backup under its name is not whole: %+v %v", c, err)
				}
				state = "whole"
			} else if out, code := cliProc("--db", dest, "check"); code != 1 || !strings.Contains(out, "không có sổ") {
				t.Fatalf("check of the missing backup: %d %s", code, out)
			}
			if n := intact(t, db); n != people {
				t.Fatalf("register after a killed backup: %d people", n)
			}
			// A temporary is never taken for a register unless it is
			// whole: a kill between the copy and the rename leaves a
			// complete one (still under its hidden name), a kill during the
			// copy a partial one, which check must refuse.
			for _, l := range leftovers(filepath.Join(dir, "usb"), "sao-luu.db") {
				tmp := filepath.Join(dir, "usb", l)
				if out, code := cliProc("--db", tmp, "check"); code == 0 {
					if c, err := store.CheckBackup(context.Background(), tmp); err != nil || c.People != people {
						t.Fatalf("a partial backup %s checks healthy: %s (%+v %v)", l, out, c, err)
					}
				}
			}
			faults++
			t.Logf("backup killed at %v (landed %v): backup %s, temporaries left: %v", d, killed, state, leftovers(filepath.Join(dir, "usb"), "sao-luu.db"))
		})
	}
	for _, d := range []time.Duration{30 * time.Millisecond, 100 * time.Millisecond, 250 * time.Millisecond, 5 * time.Second} {
		t.Run(fmt.Sprintf("report-%v", d), func(t *testing.T) {
			dir := t.TempDir()
			db := copyRegister(t, base, dir)
			pdf := filepath.Join(dir, "ds.pdf")
			killed := killAfter(t, cliCmd("--db", db, "report", "members", "--out", pdf), d)
			intact(t, db) // every document's file is whole
			st, err := store.OpenWith(db, store.OpenOptions{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			docs, _ := st.Documents(context.Background(), 0)
			st.Close()
			_, statErr := os.Stat(pdf)
			faults++
			t.Logf("report killed at %v (landed %v): %d numbers issued, file present %v, left beside: %v", d, killed, len(docs), statErr == nil, leftovers(dir, "so.db", "so.db-wal", "so.db-shm", "ds.pdf"))
		})
	}
	for _, d := range delays {
		t.Run(fmt.Sprintf("bulk-%v", d), func(t *testing.T) {
			dir := t.TempDir()
			db := copyRegister(t, base, dir)
			killed := killAfter(t, helperCmd("bulk", db), d)
			n := intact(t, db)
			if (n-people)%bulkBatch != 0 {
				t.Fatalf("part of a batch was written: %d people, %d before, batches of %d", n, people, bulkBatch)
			}
			faults++
			t.Logf("bulk add killed at %v (landed %v): %d batches of %d written whole", d, killed, (n-people)/bulkBatch, bulkBatch)
		})
	}
	// A restore killed at any point leaves the register whole: as it was
	// or as the backup (issue 18).
	// The backup is the same ward's (a restore refuses another unit's),
	// one person fewer, so the two states tell apart.
	small := copyRegister(t, base, t.TempDir())
	if out, code := cliProc("--db", small, "delete", "person", "1"); code != 0 {
		t.Fatal(out)
	}
	// The last one lets the restore finish.
	for _, d := range []time.Duration{20 * time.Millisecond, 80 * time.Millisecond, 200 * time.Millisecond, 600 * time.Millisecond, 20 * time.Second} {
		t.Run(fmt.Sprintf("restore-%v", d), func(t *testing.T) {
			dir := t.TempDir()
			db := copyRegister(t, base, dir)
			killed := killAfter(t, cliCmd("--db", db, "restore", small), d)
			n := intact(t, db)
			if n != people && n != people-1 {
				t.Fatalf("half a restore: %d people (before %d, the backup %d)", n, people, people-1)
			}
			faults++
			t.Logf("restore killed at %v (landed %v): %d people", d, killed, n)
		})
	}
	// A package export killed at any point leaves no plaintext copy of the
	// register behind once the next export has run, and none ever in the
	// system's temporary folder.
	for _, d := range []time.Duration{20 * time.Millisecond, 80 * time.Millisecond, 200 * time.Millisecond, 600 * time.Millisecond} {
		t.Run(fmt.Sprintf("package-%v", d), func(t *testing.T) {
			dir := t.TempDir()
			tmp := t.TempDir()
			db := copyRegister(t, base, dir)
			pass := filepath.Join(t.TempDir(), "mat-khau.txt")
			if err := os.WriteFile(pass, []byte("mật khẩu đủ dài 2026\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			c := cliCmd("--db", db, "package", "export", "--out", filepath.Join(t.TempDir(), "goi.sodoan"), "--passphrase-file", pass)
			c.Env = append(c.Env, "TMPDIR="+tmp)
			killed := killAfter(t, c, d)
			if n := intact(t, db); n != people {
				t.Fatalf("register after a killed export: %d people", n)
			}
			left := leftovers(dir, "so.db", "so.db-wal", "so.db-shm", "sao-luu", "so.db.lock", "sodoan.log")
			again := cliCmd("--db", db, "package", "export", "--out", filepath.Join(t.TempDir(), "goi.sodoan"), "--passphrase-file", pass)
			again.Env = append(again.Env, "TMPDIR="+tmp)
			if out, err := again.CombinedOutput(); err != nil {
				t.Fatalf("the next export: %v %s", err, out)
			}
			if l := leftovers(dir, "so.db", "so.db-wal", "so.db-shm", "sao-luu", "so.db.lock", "sodoan.log"); len(l) > 0 {
				t.Fatalf("after the next export, left beside the register: %v", l)
			}
			if l := leftovers(tmp); len(l) > 0 {
				t.Fatalf("left in the temporary folder: %v", l)
			}
			faults++
			t.Logf("package export killed at %v (landed %v): left beside until the next export: %v", d, killed, left)
		})
	}
	t.Logf("%d faults, every register whole", faults)
}
