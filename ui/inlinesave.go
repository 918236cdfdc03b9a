package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Forms that sit on a screen rather than in a dialog (a branch, a club,
// the unit in Settings, a report's texts) save with Ctrl+S too: each
// registers the part of the screen it covers and its save action, and
// Ctrl+S with no dialog open saves the form holding the focus, or the only
// one on screen.

type inlineForm struct {
	key   any // the form, so that a rebuilt button replaces its entry
	areas func() []fyne.CanvasObject
	save  func()
}

// onSave makes Ctrl+S run save while the form key's areas are on screen;
// areas is asked at the time (a form's fields are laid out after its
// button is made).
func (a *App) onSave(key any, areas func() []fyne.CanvasObject, save func()) {
	for i, f := range a.inline {
		if f.key == key {
			a.inline[i].areas, a.inline[i].save = areas, save
			return
		}
	}
	a.inline = append(a.inline, inlineForm{key, areas, save})
}

// anyHolds reports whether one of areas holds target.
func anyHolds(areas []fyne.CanvasObject, target fyne.CanvasObject) bool {
	for _, ar := range areas {
		if holds(ar, target) {
			return true
		}
	}
	return false
}

// saveInline runs the save of the on-screen form holding the focus (or of
// the only on-screen form); it reports whether one ran.
func (a *App) saveInline() bool {
	root := a.win.Canvas().Content()
	focused, _ := a.win.Canvas().Focused().(fyne.CanvasObject)
	var shown []inlineForm
	kept := a.inline[:0]
	for _, f := range a.inline {
		shownArea := false
		for _, ar := range f.areas() {
			shownArea = shownArea || holds(root, ar)
		}
		if !shownArea {
			continue
		}
		kept = append(kept, f)
		shown = append(shown, f)
	}
	a.inline = kept // forms of screens rebuilt since are forgotten
	for i := len(shown) - 1; i >= 0; i-- {
		if focused != nil && anyHolds(shown[i].areas(), focused) {
			shown[i].save()
			return true
		}
	}
	if len(shown) == 1 {
		shown[0].save()
		return true
	}
	return false
}

// holds reports whether target is o or lies below it (through containers,
// scrolls, splits, tabs and cards).
func holds(o, target fyne.CanvasObject) bool {
	found := false
	walk(o, func(x fyne.CanvasObject) bool {
		if x == target {
			found = true
		}
		return !found
	})
	return found
}

// walk calls visit on o and, while visit returns true, on every visible
// object below it that the app can reach.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return true
	}
	if !visit(o) {
		return false
	}
	var children []fyne.CanvasObject
	switch t := o.(type) {
	case *fyne.Container:
		children = t.Objects
	case *container.Scroll:
		children = []fyne.CanvasObject{t.Content}
	case *container.Split:
		children = []fyne.CanvasObject{t.Leading, t.Trailing}
	case *container.AppTabs:
		if sel := t.Selected(); sel != nil {
			children = []fyne.CanvasObject{sel.Content}
		}
	case *widget.PopUp:
		children = []fyne.CanvasObject{t.Content}
	case *widget.Card:
		children = []fyne.CanvasObject{t.Content}
	}
	for _, c := range children {
		if !walk(c, visit) {
			return false
		}
	}
	return true
}
