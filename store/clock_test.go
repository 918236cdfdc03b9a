package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
)

// testClock is a clock a test moves by hand, instead of sleeping until
// the machine's clock has moved.
type testClock struct{ at time.Time }

func (c *testClock) now() time.Time          { return c.at }
func (c *testClock) advance(d time.Duration) { c.at = c.at.Add(d) }

// openAt opens a new register whose clock is c.
func openAt(t *testing.T, c *testClock) *Store {
	t.Helper()
	s, err := OpenWith(filepath.Join(t.TempDir(), "so-doan.db"), OpenOptions{Create: true, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// closeClub saves the active club c, then saves it closed, and returns the
// day the register recorded as its closing.
func closeClub(t *testing.T, s *Store, c *domain.Club) (closed string, err error) {
	t.Helper()
	ctx := context.Background()
	if err := s.SaveClub(ctx, c); err != nil {
		t.Fatal(err)
	}
	c.Active = false
	if err := s.SaveClub(ctx, c); err != nil {
		t.Fatal(err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT closed FROM clubs WHERE id = ?`, c.ID).Scan(&closed)
	return closed, err
}

// TestClockHonoured: a register opened with a clock in 2030 stamps its
// history, recycle bin, backups and a closed club with 2030's day, and
// judges "in the future" against 2030, not against the machine's today.
func TestClockHonoured(t *testing.T) {
	ctx := context.Background()
	c := &testClock{at: time.Date(2030, 6, 15, 10, 0, 0, 0, time.Local)}
	s := openAt(t, c)
	today := domain.MustDate(2030, 6, 15)
	if s.Today() != today {
		t.Fatalf("Today %s, want %s", s.Today(), today)
	}

	// Admitted in 2029: the future by the machine's clock, the past by
	// the register's.
	p := member("Lê", "Văn", "Tới", domain.MustDate(2013, 1, 2), "T2030")
	if err := s.SavePerson(ctx, p); err != nil {
		t.Fatalf("a 2029 admission refused on a 2030 clock: %v", err)
	}
	late := member("Lê", "Văn", "Sau", domain.MustDate(2014, 7, 1), "T2031")
	var ve *domain.ValidationError
	if err := s.SavePerson(ctx, late); !errors.As(err, &ve) || !strings.Contains(err.Error(), "tương lai") {
		t.Fatalf("a 2030-07-01 admission on a 2030-06-15 clock: %v", err)
	}

	h, err := s.History(ctx, HistoryFilter{PersonID: p.ID})
	if err != nil || len(h) == 0 {
		t.Fatalf("history %+v %v", h, err)
	}
	if got := h[0].At; !got.Equal(c.at) {
		t.Errorf("history stamped %v, want %v", got, c.at)
	}

	club := &domain.Club{Name: "CLB Tương lai", Kind: "economic", Active: true}
	if closed, err := closeClub(t, s, club); err != nil || closed != today.ISO() {
		t.Errorf("club closed on %q (%v), want %s", closed, err, today.ISO())
	}

	c.advance(time.Hour)
	if err := s.DeletePerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	items, err := s.Trash(ctx)
	if err != nil || len(items) != 1 || !items[0].DeletedAt.Equal(c.at) {
		t.Fatalf("recycle bin %+v %v, want deleted at %v", items, err, c.at)
	}

	b, err := s.BackupNow(ctx, BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	if want := "so-doan-2030-06-15-110000.db"; filepath.Base(b.Path) != want {
		t.Errorf("backup %s, want %s", filepath.Base(b.Path), want)
	}
}

// TestBackupsByTheClock: two backups a second apart get names of their
// own seconds, and the daily backup, made once a day, is made again on
// the next day, with no test waiting for the machine's clock.
func TestBackupsByTheClock(t *testing.T) {
	ctx := context.Background()
	c := &testClock{at: time.Date(2030, 6, 15, 23, 59, 58, 0, time.Local)}
	s := openAt(t, c)
	first, err := s.BackupNow(ctx, BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	c.advance(time.Second)
	second, err := s.BackupNow(ctx, BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(first.Path) != "so-doan-2030-06-15-235958.db" || filepath.Base(second.Path) != "so-doan-2030-06-15-235959.db" {
		t.Fatalf("backups %s and %s", first.Path, second.Path)
	}
	if list, err := s.Backups(); err != nil || len(list) != 2 || list[0].Path != second.Path {
		t.Fatalf("backups %+v %v: the later second first", list, err)
	}

	daily, err := s.AutoBackup(ctx, BackupDaily)
	if err != nil || daily.Path != "" {
		t.Fatalf("daily backup on a day that has backups: %+v %v", daily, err)
	}
	c.advance(time.Second) // midnight: the next day
	daily, err = s.AutoBackup(ctx, BackupDaily)
	if err != nil || filepath.Base(daily.Path) != "so-doan-2030-06-16-000000-hang-ngay.db" {
		t.Fatalf("daily backup of the next day: %+v %v", daily, err)
	}
	again, err := s.AutoBackup(ctx, BackupDaily)
	if err != nil || again.Path != "" {
		t.Fatalf("second daily backup the same day: %+v %v", again, err)
	}
}
