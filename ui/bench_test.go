package ui

import (
	"context"
	"os"
	"path/filepath"
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
// from the key to the table showing the new count and first page, on a
// 100,000-member register. Keys alternate between typing a letter and
// BackSpace, so that every keystroke changes the query (n ↔ ng, the
// broadest prefixes a Vietnamese name search meets).
func BenchmarkSearchKeystroke100k(b *testing.B) {
	st := bigRegister(b)
	fa := test.NewTempApp(b)
	q := newUIQueue()
	_, m := openMembers(b, fa, st, q)
	test.Type(m.search, "n")
	q.waitFor(b, "first search", func() bool { return m.filter.Query == "n" && len(m.pages[0]) > 0 })
	loaded := false
	m.onLoaded = func() { loaded = true }
	i := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		// A keystroke after a pause runs its query at once; the pause
		// itself is not what is measured.
		m.lastRun = time.Time{}
		b.StartTimer()
		loaded = false
		if i%2 == 0 {
			m.search.TypedRune('g')
		} else {
			m.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
		q.waitFor(b, "the search", func() bool { return loaded })
		i++
	}
	b.StopTimer()
	q.waitFor(b, "loads in flight", m.busy.idle)
	q.drain()
}
