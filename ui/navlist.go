package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// navList is the list of screens. A click on a screen gives it the
// focus, and Fyne hands a focused widget every key, the window none:
// without this, F1 would do nothing after the first click, nor Esc leave
// a person's page. k is the window's keyboard.
type navList struct {
	widget.List
	keys keyboard
}

func newNavList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), k keyboard) *navList {
	l := &navList{keys: k}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *navList) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(l.keys, ev, l.List.TypedKey)
}
