package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// TestEscapeFromFocusableWidgets: Esc typed into a focused check, dropdown
// or button reaches the window it was built for and closes the top dialog,
// which Fyne's own widgets would ignore.
func TestEscapeFromFocusableWidgets(t *testing.T) {
	f := newFixture(t, "members")
	for name, w := range map[string]func(k keyboard) fyne.Focusable{
		"check":  func(k keyboard) fyne.Focusable { return newCheck(k, "x", nil) },
		"select": func(k keyboard) fyne.Focusable { return newSelect(k, []string{"a", "b"}, nil) },
		"button": func(k keyboard) fyne.Focusable { return newButton(k, "x", nil) },
	} {
		wd := w(f.app)
		f.app.formDialog("t", container.NewVBox(wd.(fyne.CanvasObject)), fyne.NewSize(200, 200), func() bool { return true })
		if len(f.app.dialogs) != 1 {
			t.Fatalf("%s: no dialog open", name)
		}
		wd.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if len(f.app.dialogs) != 0 {
			t.Errorf("Esc in a %s did not close the dialog", name)
		}
		f.app.escape() // leave no dialog to the next widget
	}
	// A widget built without a window drops Esc rather than failing.
	newCheck(nil, "x", nil).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
}
