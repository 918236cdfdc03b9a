package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A table or a list takes the focus when clicked, and Fyne then hands it
// every key, the window none: F1 did nothing and Esc did not leave a
// person's page while one had the focus (issue 17's leftover). keyTable
// and keyList are Fyne's with the app's keyboard: the keys they do not
// use (Esc, F1) go to the window, as from the app's other widgets
// (keys.go). Ctrl+Q, Ctrl+N, Ctrl+F and Ctrl+S reach the window by
// themselves: a table or a list takes no shortcuts.

// keyTable is widget.Table with the app's keyboard.
type keyTable struct {
	widget.Table
	keys keyboard
}

// newTable is widget.NewTable for a window with the keyboard k.
func newTable(k keyboard, length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *keyTable {
	t := &keyTable{keys: k}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey implements fyne.Focusable.
func (t *keyTable) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(t.keys, ev, t.Table.TypedKey)
}

// keyList is widget.List with the app's keyboard.
type keyList struct {
	widget.List
	keys keyboard
}

// newList is widget.NewList for a window with the keyboard k.
func newList(k keyboard, length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{keys: k}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(l.keys, ev, l.List.TypedKey)
}
