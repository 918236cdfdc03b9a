package ui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sodoan/demo"
	"sodoan/store"
)

// newDemoFixture opens a window on screen over a demo ward of the given
// size; prepare, when set, runs on the app before the window opens (to
// choose a language, say).
func newDemoFixture(t *testing.T, members int, prepare func(fyne.App), screen string) *fixture {
	t.Helper()
	fa := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Generate(context.Background(), st, demo.Options{Members: members, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		prepare(fa)
	}
	f := &fixture{t: t, st: st}
	f.open(fa, screen)
	return f
}

// generate makes the reports screen's document i and returns its path.
func (f *fixture) generate(s *reportsScreen, i int) string {
	f.t.Helper()
	var (
		path     string
		finished bool
		genErr   error
	)
	s.onDone = func(p string, err error) { path, genErr, finished = p, err, true }
	s.docSel.SetSelectedIndex(i)
	s.generate()
	f.waitFor(s.docs[i].title, func() bool { return finished })
	if genErr != nil {
		f.t.Fatalf("%s: %v", s.docs[i].title, genErr)
	}
	return path
}

// TestReportStatusForgetsOldFile: after a document is made, choosing
// another document (or year) clears the line naming the file and the
// buttons that would open it.
func TestReportStatusForgetsOldFile(t *testing.T) {
	f := newDemoFixture(t, 50, nil, "reports")
	s := f.app.screens["reports"].(*reportsScreen)
	s.number.SetChecked(false) // drafts: made again without asking
	for _, change := range []struct {
		what string
		do   func()
	}{
		{"another document", func() { s.docSel.SetSelectedIndex(1) }},
		{"another year", func() { s.year.SetSelected(strconv.Itoa(thisYear() - 1)) }},
	} {
		s.docSel.SetSelectedIndex(0)
		s.year.SetSelected(strconv.Itoa(thisYear()))
		path := f.generate(s, 0)
		if s.status.Text != "Đã tạo "+path || s.openFile.Disabled() {
			t.Fatalf("after making %s: status %q, open button disabled %v", filepath.Base(path), s.status.Text, s.openFile.Disabled())
		}
		change.do()
		if s.status.Text != "" || s.last != "" || !s.openFile.Disabled() || !s.openDir.Disabled() {
			t.Errorf("after choosing %s: status %q, last %q, open file disabled %v, open folder disabled %v",
				change.what, s.status.Text, s.last, s.openFile.Disabled(), s.openDir.Disabled())
		}
		// Made again next round: no question about replacing it.
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
}
