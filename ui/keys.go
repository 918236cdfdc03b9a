package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne hands every key to the focused widget, and a Check, Select or Button
// ignores Esc: with focus on one of them Esc would not close the dialog. So
// every focusable widget of the app is one of the small wrappers below,
// given at construction the keyboard of the window it is drawn in, to which
// it passes Esc. (Shortcuts such as Ctrl+S reach the canvas by themselves
// when the focused widget is not Shortcutable; entry handles them in
// widgets.go.) A widget is handed its keyboard rather than looking its
// window up, so that no package-global registry of windows is needed.

// keyboard is what a focused widget forwards to its window: Esc, which
// closes the top dialog, and the app's shortcuts, which an entry would
// otherwise swallow. *App is one; nil means keys go nowhere.
type keyboard interface {
	escape()
	// handleShortcut runs s if it is one of the app's and says so.
	handleShortcut(s fyne.Shortcut) bool
}

// windowKey runs the window's own keys for a focused widget that has no
// use for them: Esc (the top dialog, else back from a person's page) and
// F1 (the guide). false for any other key, which stays the widget's.
func windowKey(k keyboard, ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyEscape:
		if k != nil {
			k.escape()
		}
		return true
	case fyne.KeyF1:
		if h, ok := k.(interface{ showHelp() }); ok {
			h.showHelp()
			return true
		}
	}
	return false
}

// escapeOr sends Esc and F1 to k (windowKey), and any other key to the
// widget's own handler.
func escapeOr(k keyboard, ev *fyne.KeyEvent, typed func(*fyne.KeyEvent)) {
	if windowKey(k, ev) {
		return
	}
	typed(ev)
}

// selectBox is widget.Select with the app's keyboard. It calls
// ExtendBaseWidget on itself, the object placed on the canvas: a Select
// embedded without that opens its pop-up menu against a canvas Fyne cannot
// find, which crashed the window on every dropdown click.
type selectBox struct {
	widget.Select
	keys keyboard
}

func newSelect(k keyboard, options []string, changed func(string)) *selectBox {
	s := &selectBox{}
	s.init(k, s, options, changed)
	return s
}

// init fills the fields widget.NewSelect would, for the widget self that
// is drawn (s itself or a type embedding it).
func (s *selectBox) init(k keyboard, self fyne.Widget, options []string, changed func(string)) {
	s.keys = k
	s.ExtendBaseWidget(self)
	s.Options = options
	s.OnChanged = changed
	// Fyne's "(Select one)" is not in its translations.
	s.PlaceHolder = T("(Chọn)")
}

// TypedKey implements fyne.Focusable.
func (s *selectBox) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(s.keys, ev, s.Select.TypedKey)
}

// check is widget.Check with the app's keyboard.
type check struct {
	widget.Check
	keys keyboard
}

func newCheck(k keyboard, label string, changed func(bool)) *check {
	c := &check{keys: k}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey implements fyne.Focusable.
func (c *check) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(c.keys, ev, c.Check.TypedKey)
}

// button is widget.Button with the app's keyboard.
type button struct {
	widget.Button
	keys keyboard
}

func newButton(k keyboard, label string, tapped func()) *button {
	return newButtonWithIcon(k, label, nil, tapped)
}

func newButtonWithIcon(k keyboard, label string, icon fyne.Resource, tapped func()) *button {
	b := &button{keys: k}
	b.Text = label
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(b.keys, ev, b.Button.TypedKey)
}
