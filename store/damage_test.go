package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
)

// damage flips the page-type byte of the people table's root page, as one
// bad sector or a bad copy does: integrity_check then reports a bad tree
// page.
func damage(t *testing.T, path string) {
	t.Helper()
	s, err := OpenWith(path, OpenOptions{ReadOnly: true})
	mustNil(t, err)
	var root, pageSize int64
	mustNil(t, s.db.QueryRow(`SELECT rootpage FROM sqlite_master WHERE name = 'people'`).Scan(&root))
	mustNil(t, s.db.QueryRow(`PRAGMA page_size`).Scan(&pageSize))
	mustNil(t, s.Close())
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	mustNil(t, err)
	defer f.Close()
	off := (root - 1) * pageSize
	if root == 1 {
		off += 100
	}
	_, err = f.WriteAt([]byte{0x7f}, off)
	mustNil(t, err)
}

// No writing over a damaged register (issue 18, finding 4): every open
// for writing refuses it, naming the last good backup; a backup of it is
// refused; restoring from the good backup works, keeps the damaged file
// aside, and the rotation never lets that copy push a good backup out.
func TestDamagedRegisterRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := tenMembers(t, dir, "so.db")
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	s, err := OpenWith(path, OpenOptions{Now: func() time.Time { return at }})
	mustNil(t, err)
	good, err := s.BackupNow(ctx, BackupManual)
	mustNil(t, err)
	mustNil(t, s.Close())
	damage(t, path)
	before := fileBytes(t, path)

	for _, o := range []OpenOptions{{}, {Exclusive: true}, {Create: true}} {
		_, err := OpenWith(path, o)
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), filepath.Base(good.Path)) || !strings.Contains(err.Error(), "restore") {
			t.Fatalf("%+v: a damaged register opened for writing, or refused without the good backup: %v", o, err)
		}
	}
	if !bytes.Equal(before, fileBytes(t, path)) {
		t.Fatal("the refused register was changed")
	}
	// Reading it (check) still works and reports the damage.
	r, err := OpenWith(path, OpenOptions{ReadOnly: true, AnyVersion: true})
	mustNil(t, err)
	if _, problems, err := r.Check(ctx); err == nil && len(problems) == 0 {
		t.Fatal("check finds nothing wrong in a damaged register")
	}
	mustNil(t, r.Close())

	// Opened to be restored: nothing else is written, no backup is made.
	at = at.Add(48 * time.Hour)
	d, err := OpenWith(path, OpenOptions{Exclusive: true, Damaged: true, Now: func() time.Time { return at }})
	mustNil(t, err)
	defer d.Close()
	if _, err := d.BackupNow(ctx, BackupManual); !errors.Is(err, ErrDamaged) {
		t.Fatalf("a backup of a damaged register: %v", err)
	}
	if err := d.SavePerson(ctx, member("Lê", "Văn", "Tư", domain.MustDate(2001, 2, 3), "")); !errors.Is(err, ErrDamaged) {
		t.Fatalf("a write to a damaged register: %v", err)
	}
	res, err := d.Restore(ctx, good.Path)
	mustNil(t, err)
	if res.Before.Reason != BackupDamaged || !bytes.Equal(fileBytes(t, res.Before.Path), before) {
		t.Fatalf("the damaged register was not kept byte for byte: %+v", res.Before)
	}
	if n := countPeople(t, d); n != 10 {
		t.Fatalf("restored %d people, want 10", n)
	}
	if _, problems, err := d.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("after the restore: %v %v", problems, err)
	}
	// Twelve days on, with a backup every day: the rotation keeps the
	// damaged copy (it deletes nothing it cannot replace) and it takes no
	// good backup's place among the last seven days'.
	for range 12 {
		at = at.Add(24 * time.Hour)
		_, err := d.BackupNow(ctx, BackupManual)
		mustNil(t, err)
	}
	list, err := d.Backups()
	mustNil(t, err)
	damaged, goodDays := 0, 0
	for _, b := range list {
		if b.Reason == BackupDamaged {
			damaged++
		} else if at.Sub(b.Time) < 7*24*time.Hour {
			goodDays++
		}
	}
	if damaged != 1 || goodDays != 7 {
		t.Fatalf("after rotation: %d damaged copies (want 1), %d good backups in the last 7 days (want 7)", damaged, goodDays)
	}
}
