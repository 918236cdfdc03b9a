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
//
// A wrapper must take the focus itself when a row is clicked: Fyne's own
// code asks for the canvas of the embedded widget.List, which is not the
// object drawn (the wrapper is), finds none, and focuses nothing (the
// arrows then did nothing either). So OnSelected here is the wrapper's:
// a row chosen by a click focuses the wrapper, then runs it. A row
// chosen by the program (Select, a list refreshed) takes no focus away
// from where the user is typing.

// keyTable is widget.Table with the app's keyboard.
type keyTable struct {
	widget.Table
	keys keyboard
	// OnSelected runs when a cell is chosen (it hides widget.Table's).
	OnSelected func(widget.TableCellID)
	// selecting is set while the program chooses a cell.
	selecting bool
}

// newTable is widget.NewTable for a window with the keyboard k.
func newTable(k keyboard, length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *keyTable {
	t := &keyTable{keys: k}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ExtendBaseWidget(t)
	t.Table.OnSelected = func(id widget.TableCellID) {
		if !t.selecting {
			focusSelf(t)
		}
		if t.OnSelected != nil {
			t.OnSelected(id)
		}
	}
	return t
}

// Select chooses the cell id without taking the focus.
func (t *keyTable) Select(id widget.TableCellID) {
	t.selecting = true
	defer func() { t.selecting = false }()
	t.Table.Select(id)
}

// TypedKey implements fyne.Focusable.
func (t *keyTable) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(t.keys, ev, t.Table.TypedKey)
}

// keyList is widget.List with the app's keyboard.
type keyList struct {
	widget.List
	keys keyboard
	// OnSelected runs when a row is chosen (it hides widget.List's).
	OnSelected func(widget.ListItemID)
	// selecting is set while the program chooses a row.
	selecting bool
}

// newList is widget.NewList for a window with the keyboard k.
func newList(k keyboard, length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{keys: k}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	l.List.OnSelected = func(id widget.ListItemID) {
		if !l.selecting {
			focusSelf(l)
		}
		if l.OnSelected != nil {
			l.OnSelected(id)
		}
	}
	return l
}

// Select chooses the row id without taking the focus.
func (l *keyList) Select(id widget.ListItemID) {
	l.selecting = true
	defer func() { l.selecting = false }()
	l.List.Select(id)
}

// focusSelf gives the focus to o, drawn on a window's canvas.
func focusSelf(o fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o.(fyne.CanvasObject)); c != nil && c.Focused() != o {
		c.Focus(o)
	}
}

// TypedKey implements fyne.Focusable.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(l.keys, ev, l.List.TypedKey)
}
