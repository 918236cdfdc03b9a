package store

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
)

func TestRestore(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fillWard(t, s, 60, 2)
	b, err := s.BackupNow(ctx, BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	extra := member("Phan", "Thị", "Hồng", domain.MustDate(2002, 3, 4), "X1")
	if err := s.SavePerson(ctx, extra); err != nil {
		t.Fatal(err)
	}
	before, _ := s.CountMembers(ctx, MemberFilter{Kind: KindAll})

	// A reader in another "process" keeps working across the restore.
	r, err := OpenWith(s.Path(), OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()

	res, err := s.Restore(ctx, b.Path)
	if err != nil {
		t.Fatal(err)
	}
	undo := res.Before
	if res.From.People != before-1 || res.From.Version != SchemaVersion {
		t.Fatalf("restored from %+v", res.From)
	}
	after, _ := s.CountMembers(ctx, MemberFilter{Kind: KindAll})
	if after != before-1 {
		t.Fatalf("after restore %d people, want %d", after, before-1)
	}
	if _, err := s.Person(ctx, extra.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the person added after the backup is still there: %v", err)
	}
	if n, err := r.CountMembers(ctx, MemberFilter{Kind: KindAll}); err != nil || n != after {
		t.Fatalf("the other reader sees %d (%v), want %d", n, err, after)
	}
	if _, problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check after restore: %v %v", problems, err)
	}
	// The register as it was before is kept, and undoes the restore.
	if undo.Reason != BackupBeforeRestore {
		t.Fatalf("backup before restore: %+v", undo)
	}
	if _, err := s.Restore(ctx, undo.Path); err != nil {
		t.Fatal(err)
	}
	if p, err := s.Person(ctx, extra.ID); err != nil || p.FullName() != "Phan Thị Hồng" {
		t.Fatalf("undo: %v %v", p, err)
	}
	// Writes go on as usual on the same Store.
	if err := s.SavePerson(ctx, member("Võ", "Văn", "Kiệt", domain.MustDate(2000, 5, 6), "X2")); err != nil {
		t.Fatal(err)
	}

	// Files that must not replace a register are refused, the register
	// unchanged.
	dir := t.TempDir()
	trunc := filepath.Join(dir, "cut.db")
	whole := fileBytes(t, b.Path)
	os.WriteFile(trunc, whole[:len(whole)/2], 0o644)
	text := filepath.Join(dir, "a.txt")
	os.WriteFile(text, []byte("không phải sổ"), 0o644)
	newer := filepath.Join(dir, "newer.db")
	os.WriteFile(newer, whole, 0o644)
	rawExec(t, newer, "PRAGMA user_version = 42")
	count, _ := s.CountMembers(ctx, MemberFilter{Kind: KindAll})
	for _, c := range []struct{ path, msg string }{
		{trunc, "hỏng"},
		{text, "không phải sổ"},
		{newer, "mới hơn"},
		{filepath.Join(dir, "none.db"), "không có sổ"},
		{s.Path(), "chính sổ"},
	} {
		if _, err := s.Restore(ctx, c.path); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("restore %s: %v, want %q", filepath.Base(c.path), err, c.msg)
		}
	}
	if n, _ := s.CountMembers(ctx, MemberFilter{Kind: KindAll}); n != count {
		t.Fatalf("a refused restore changed the register: %d people, was %d", n, count)
	}
}

// Finding 9: a copy cut short (a backup killed half-way, a file copied
// to a stick pulled out) is never taken for a healthy register.
func TestPartialBackupIsNotHealthy(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fillWard(t, s, 300, 4)
	b, err := s.BackupNow(ctx, BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	whole := fileBytes(t, b.Path)
	for _, frac := range []int{0, 1, 10, 50, 90, 99} {
		cut := filepath.Join(t.TempDir(), "cut.db")
		part := whole[:len(whole)*frac/100]
		os.WriteFile(cut, part, 0o644)
		_, err := CheckBackup(ctx, cut)
		if err == nil {
			t.Errorf("%d%% of a backup passes the check", frac)
		}
		if got := fileBytes(t, cut); !bytes.Equal(got, part) {
			t.Errorf("%d%%: checking changed the file", frac)
		}
	}
}

func TestBackupIsWrittenAside(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	dest := filepath.Join(t.TempDir(), "usb", "so.db")
	// What a backup killed yesterday left on the stick goes; a backup
	// running now in another process (a fresh temporary) stays.
	os.MkdirAll(filepath.Dir(dest), 0o755)
	stale := filepath.Join(filepath.Dir(dest), backupTempPrefix+"1.tmp-journal")
	fresh := filepath.Join(filepath.Dir(dest), backupTempPrefix+"2.tmp")
	os.WriteFile(stale, []byte("x"), 0o600)
	os.WriteFile(fresh, []byte("x"), 0o600)
	os.Chtimes(stale, time.Now().Add(-25*time.Hour), time.Now().Add(-25*time.Hour))
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if fileExists(stale) || !fileExists(fresh) {
		t.Fatalf("stale temporary left %v, fresh one removed %v", fileExists(stale), !fileExists(fresh))
	}
	os.Remove(fresh)
	if err := s.Backup(ctx, dest); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("backup over an existing file: %v", err)
	}
	for _, p := range []string{s.Path(), s.Path() + "-wal"} {
		if err := s.Backup(ctx, p); err == nil {
			t.Fatalf("backup onto the register's %s", p)
		}
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*"))
	if len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	// A backup outside the folder (a USB stick) counts for the reminder.
	if d, err := s.LastBackup(ctx); err != nil || d != domain.Today() {
		t.Fatalf("last backup %v %v", d, err)
	}
	if _, err := CheckBackup(ctx, dest); err != nil {
		t.Fatal(err)
	}
}

func TestAutoBackupOnceADay(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if d, _ := s.LastBackup(ctx); !d.IsZero() {
		t.Fatalf("new register backed up on %v", d)
	}
	first, err := s.AutoBackup(ctx, BackupDaily)
	if err != nil || first.Path == "" {
		t.Fatalf("first daily backup: %+v %v", first, err)
	}
	again, err := s.AutoBackup(ctx, BackupDaily)
	if err != nil || again.Path != "" {
		t.Fatalf("second daily backup the same day: %+v %v", again, err)
	}
	imp, err := s.AutoBackup(ctx, BackupBeforeImport)
	if err != nil || imp.Path == "" || imp.Path == first.Path {
		t.Fatalf("backup before import: %+v %v", imp, err)
	}
	list, err := s.Backups()
	if err != nil || len(list) != 2 || list[0].Reason != BackupBeforeImport || list[1].Reason != BackupDaily {
		t.Fatalf("backups %+v %v", list, err)
	}
	if d, _ := s.LastBackup(ctx); d != domain.Today() {
		t.Fatalf("last backup %v", d)
	}
	// The migration of an older register is preceded by a backup.
	path := s.Path()
	s.Close()
	orig := migrations
	t.Cleanup(func() { migrations = orig })
	migrations = append(append([]string(nil), orig...), `CREATE TABLE dues (id INTEGER PRIMARY KEY)`)
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	list, _ = s2.Backups()
	if len(list) != 3 || list[0].Reason != BackupBeforeMigration {
		t.Fatalf("after a migration: %+v", list)
	}
	c, err := CheckBackup(ctx, list[0].Path)
	if err != nil || c.Version != len(orig) {
		t.Fatalf("the backup before the migration: %+v %v", c, err)
	}
}

// Rotation keeps the newest backup of each of the 7 latest days, 4
// latest weeks and 12 latest months (figures worked out by hand).
func TestRotate(t *testing.T) {
	s := openTemp(t)
	dir := s.BackupDir()
	os.MkdirAll(dir, 0o755)
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.Local) // a Saturday
	// One backup a day at 10:00 for 400 days, the latest yesterday, and
	// one this morning before a restore.
	for d := 1; d <= 400; d++ {
		at := time.Date(2026, 11, 28-d, 10, 0, 0, 0, time.Local)
		os.WriteFile(filepath.Join(dir, "so-doan-"+at.Format(backupStamp)+"-hang-ngay.db"), []byte("x"), 0o600)
	}
	morning := filepath.Join(dir, "so-doan-2026-11-28-090000-truoc-khoi-phuc.db")
	os.WriteFile(morning, []byte("x"), 0o600)
	// Another register's backups and unknown files are not touched.
	foreign := filepath.Join(dir, "phuong-2-2020-01-01-100000.db")
	os.WriteFile(foreign, []byte("x"), 0o600)
	tmp := filepath.Join(dir, backupTempPrefix+"123.tmp")
	os.WriteFile(tmp, []byte("x"), 0o600)
	os.Chtimes(tmp, now.Add(-2*time.Hour), now.Add(-2*time.Hour))

	gone, err := s.Rotate(now)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.Backups()
	var kept []string
	for _, b := range list {
		kept = append(kept, b.Time.Format("2006-01-02"))
	}
	want := []string{
		"2026-11-28", // this morning: under 24 hours
		// 7 days: 28 (above), 27 … 22
		"2026-11-27", "2026-11-26", "2026-11-25", "2026-11-24", "2026-11-23", "2026-11-22",
		// 4 weeks: W48 (28th), W47 (22nd), W46 (15th), W45 (8th)
		"2026-11-15", "2026-11-08",
		// 12 months: November (28th), then the last day of each month before
		"2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31", "2026-06-30", "2026-05-31",
		"2026-04-30", "2026-03-31", "2026-02-28", "2026-01-31", "2025-12-31",
	}
	if !slices.Equal(kept, want) {
		t.Fatalf("kept %d:\n%v\nwant %d:\n%v", len(kept), kept, len(want), want)
	}
	if len(gone) != 401-len(want) {
		t.Fatalf("deleted %d, want %d", len(gone), 401-len(want))
	}
	if !fileExists(foreign) || !fileExists(morning) || fileExists(tmp) {
		t.Fatalf("foreign %v, morning %v, stale temporary %v", fileExists(foreign), fileExists(morning), fileExists(tmp))
	}
}

// A second window on the same register is refused while the first holds
// it, and may open once it closes.
func TestExclusiveLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "so.db")
	a, err := OpenWith(path, OpenOptions{Create: true, Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = OpenWith(path, OpenOptions{Exclusive: true})
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "tiến trình") {
		t.Fatalf("second window: %v", err)
	}
	// Commands that only read (or write through SQLite's locking) still work.
	r, err := OpenWith(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	a.Close()
	b, err := OpenWith(path, OpenOptions{Exclusive: true})
	if err != nil {
		t.Fatalf("after the first closed: %v", err)
	}
	b.Close()
}
