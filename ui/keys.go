package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne hands every key to the focused widget, and a Check, Select or Button
// ignores Esc: with focus on one of them Esc would not close the dialog. So
// every focusable widget of the app is one of the small wrappers below,
// which pass Esc to the window's App. (Shortcuts such as Ctrl+S reach the
// canvas by themselves when the focused widget is not Shortcutable; entry
// handles them in widgets.go.)

// apps maps each open window's canvas to its App, so that a widget can find
// the dialogs of the window it is drawn in.
var apps sync.Map // fyne.Canvas → *App

// escapeFrom closes the top dialog of the window that shows o.
func escapeFrom(o fyne.CanvasObject) {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return
	}
	if a, ok := apps.Load(c); ok {
		a.(*App).escape()
	}
}

// escapeOr sends Esc to the window that shows o, and any other key to the
// widget's own handler.
func escapeOr(o fyne.CanvasObject, ev *fyne.KeyEvent, typed func(*fyne.KeyEvent)) {
	if ev.Name == fyne.KeyEscape {
		escapeFrom(o)
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
	self fyne.CanvasObject // the object on the canvas: s, or what embeds it
}

func newSelect(options []string, changed func(string)) *selectBox {
	s := &selectBox{}
	s.init(s, options, changed)
	return s
}

// init fills the fields widget.NewSelect would, for the widget self that
// is drawn (s itself or a type embedding it).
func (s *selectBox) init(self fyne.Widget, options []string, changed func(string)) {
	s.self = self
	s.ExtendBaseWidget(self)
	s.Options = options
	s.OnChanged = changed
	// Fyne's "(Select one)" is not in its translations.
	s.PlaceHolder = T("(Chọn)")
}

// TypedKey implements fyne.Focusable.
func (s *selectBox) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(s.self, ev, s.Select.TypedKey)
}

// check is widget.Check with the app's keyboard.
type check struct {
	widget.Check
}

func newCheck(label string, changed func(bool)) *check {
	c := &check{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey implements fyne.Focusable.
func (c *check) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(c, ev, c.Check.TypedKey)
}

// button is widget.Button with the app's keyboard.
type button struct {
	widget.Button
}

func newButton(label string, tapped func()) *button {
	return newButtonWithIcon(label, nil, tapped)
}

func newButtonWithIcon(label string, icon fyne.Resource, tapped func()) *button {
	b := &button{}
	b.Text = label
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(b, ev, b.Button.TypedKey)
}
