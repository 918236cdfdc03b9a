package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sodoan/demo"
	"sodoan/store"
	"sodoan/wardpkg"
)

// The 100,000-member demo register is built once per test binary: it
// takes far longer than what the benchmarks measure.
var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
	bigDir  string
)

func TestMain(m *testing.M) {
	// A cheaper scrypt for ward packages keeps the tests quick (see
	// wardpkg.WorkFactor); the format is the same.
	wardpkg.WorkFactor = 10
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

func bigRegister(b *testing.B) *store.Store {
	b.Helper()
	bigOnce.Do(func() {
		bigDir, bigErr = os.MkdirTemp("", "sodoan-ui-bench-")
		if bigErr != nil {
			return
		}
		bigPath = filepath.Join(bigDir, "100k.db")
		st, err := store.Open(bigPath)
		if err != nil {
			bigErr = err
			return
		}
		defer st.Close()
		bigErr = demo.Generate(context.Background(), st, demo.Options{Members: 100000, Seed: 1})
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	st, err := store.Open(bigPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// openMembers builds the main window on the members screen and waits
// until the first page of the table is loaded.
func openMembers(b *testing.B, fa fyne.App, st *store.Store, q *uiQueue) (*App, *membersScreen) {
	a, err := New(fa, st, Options{Screen: "members", do: q.do})
	if err != nil {
		b.Fatal(err)
	}
	a.win.Resize(fyne.NewSize(1280, 760))
	m := a.screens["members"].(*membersScreen)
	q.waitFor(b, "the members table", func() bool { return len(m.pages[0]) > 0 })
	return a, m
}

// BenchmarkMainWindow100k measures opening the window on the members
// screen of a 100,000-member register until the table's first page shows.
func BenchmarkMainWindow100k(b *testing.B) {
	st := bigRegister(b)
	fa := test.NewTempApp(b)
	q := newUIQueue()
	b.ResetTimer()
	for b.Loop() {
		a, m := openMembers(b, fa, st, q)
		b.StopTimer()
		q.waitFor(b, "loads in flight", m.busy.idle)
		q.drain()
		a.win.Close()
		b.StartTimer()
	}
}

// BenchmarkSearchKeystroke100k measures one keystroke in the search box,
// from the key to the table redrawn with the new filter's first page (its
// visible cells updated with the new rows), on a 100,000-member register;
// ns/op is that time's mean, ms-rows-median its median. The count line
// follows the rows (reload): ms-count-median is the median from the key to
// the count shown, timed but kept out of ns/op. Keys alternate between
// typing a letter and BackSpace, so that every keystroke changes the query
// (n ↔ ng, the broadest prefixes a Vietnamese name search meets), on the
// default list (đoàn viên in activity).
func BenchmarkSearchKeystroke100k(b *testing.B) {
	st := bigRegister(b)
	fa := test.NewTempApp(b)
	q := newUIQueue()
	_, m := openMembers(b, fa, st, q)
	test.Type(m.search, "n")
	q.waitFor(b, "first search", func() bool { return m.filter.Query == "n" && m.counted && m.busy.idle() })
	loaded, counted := false, false
	var rows, counts []time.Duration
	var start time.Time
	m.onLoaded = func() {
		loaded = true
		rows = append(rows, time.Since(start))
	}
	m.onCounted = func() {
		counted = true
		counts = append(counts, time.Since(start))
	}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		// A keystroke after a pause runs its query at once; the pause
		// itself is not what is measured.
		m.lastRun = time.Time{}
		b.StartTimer()
		loaded, counted = false, false
		start = time.Now()
		if i%2 == 0 {
			m.search.TypedRune('g')
		} else {
			m.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
		q.waitFor(b, "the search", func() bool { return loaded })
		b.StopTimer()
		// The count, and every load of this key, before the next key.
		q.waitFor(b, "the count", func() bool { return counted && m.busy.idle() })
		b.StartTimer()
		i++
	}
	b.StopTimer()
	b.ReportMetric(median(rows), "ms-rows-median")
	b.ReportMetric(median(counts), "ms-count-median")
	q.waitFor(b, "loads in flight", m.busy.idle)
	q.drain()
}

// median of ds in milliseconds.
func median(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[len(s)/2].Microseconds()) / 1000
}
