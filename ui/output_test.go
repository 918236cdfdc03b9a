package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/demo"
	"sodoan/outfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sodoan/issuing"
	"sodoan/store"
)

// TestReportAsksBeforeReplacing: the window never replaces an existing
// document silently (finding 1 of issue 9): it asks "Thay thế tệp?", keeps
// the file on "Giữ tệp cũ" and replaces it on "Thay thế".
func TestReportAsksBeforeReplacing(t *testing.T) {
	fa := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Generate(context.Background(), st, demo.Options{Members: 50, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, st: st}
	f.open(fa, "reports")
	s := f.app.screens["reports"].(*reportsScreen)
	s.number.SetChecked(false)
	for i, d := range s.docs {
		if d.kind == issuing.Clubs { // quick
			s.docSel.SetSelectedIndex(i)
		}
	}
	var (
		path     string
		finished bool
		genErr   error
	)
	s.onDone = func(p string, err error) { path, genErr, finished = p, err, true }
	generate := func(answer string) {
		t.Helper()
		finished = false
		s.generate()
		if answer != "" {
			test.Tap(findButtonInOverlay(f, answer))
		}
		f.waitFor("the document", func() bool { return finished })
	}
	generate("")
	if genErr != nil {
		t.Fatal(genErr)
	}
	first := path
	if err := os.WriteFile(first, []byte("bản cũ"), 0o600); err != nil {
		t.Fatal(err)
	}
	generate("Giữ tệp cũ")
	if !errors.Is(genErr, outfile.ErrNotReplaced) {
		t.Fatalf("keeping the file: %v", genErr)
	}
	if got, _ := os.ReadFile(first); string(got) != "bản cũ" {
		t.Fatalf("the file was replaced: %.20q", got)
	}
	generate("Thay thế")
	if genErr != nil {
		t.Fatal(genErr)
	}
	if got, _ := os.ReadFile(first); path != first || !strings.HasPrefix(string(got), "%PDF") {
		t.Fatalf("not replaced: %.20q", got)
	}
}

// findButtonInOverlay waits for a dialog with the button text and returns
// the button.
func findButtonInOverlay(f *fixture, text string) fyne.Tappable {
	f.t.Helper()
	var b fyne.Tappable
	f.waitFor("the question "+text, func() bool {
		if o := f.app.win.Canvas().Overlays().Top(); o != nil {
			b = findButton(o, text)
		}
		return b != nil
	})
	return b
}
