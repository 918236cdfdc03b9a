package ui

import (
	"errors"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestReportAsksBeforeReplacing: the window never replaces an existing
// document silently (finding 1 of issue 9): it asks "Thay thế tệp?", keeps
// the file on "Giữ tệp cũ" and replaces it on "Thay thế".
func TestReportAsksBeforeReplacing(t *testing.T) {
	f := newFixture(t, "reports")
	s := f.app.screens["reports"].(*reportsScreen)
	s.number.SetChecked(false)
	s.docSel.SetSelectedIndex(3) // the clubs list: quick
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
	if !errors.As(genErr, new(notReplaced)) {
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
func findButtonInOverlay(f *fixture, text string) *widget.Button {
	f.t.Helper()
	var b *widget.Button
	f.waitFor("the question "+text, func() bool {
		if o := f.app.win.Canvas().Overlays().Top(); o != nil {
			b = findButton(o, text)
		}
		return b != nil
	})
	return b
}
