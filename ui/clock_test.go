package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"sodoan/domain"
	"sodoan/store"
)

// thisYear is the year a test's window starts on: the fixtures keep the
// wall clock (Options.Now nil).
func thisYear() int { return domain.Today().Year() }

// TestWindowTakesItsClock: the clock cmd/sodoan hands the window is the
// today of its screens (the years offered, the day a form starts on), not
// the machine's.
func TestWindowTakesItsClock(t *testing.T) {
	at := time.Date(2030, 3, 4, 9, 0, 0, 0, time.Local)
	now := func() time.Time { return at }
	st, err := store.OpenWith(filepath.Join(t.TempDir(), "so.db"), store.OpenOptions{Create: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	q := newUIQueue()
	a, err := New(test.NewTempApp(t), st, Options{Screen: "dashboard", ReportsDir: t.TempDir(), do: q.do, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.today(), domain.MustDate(2030, 3, 4); got != want {
		t.Fatalf("today %s, want %s", got, want)
	}
	if got := a.thisYear(); got != 2030 {
		t.Fatalf("this year %d, want 2030", got)
	}
}
