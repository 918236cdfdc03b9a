package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// relayoutWindows lays out again every container of every window, dialogs
// included, top-down. Fyne computes a container's layout when its size
// changes, not when a child's minimum size does: a message shown under a
// field, or hidden again, would otherwise keep its old rectangle (0×0 for
// one that was hidden when the form was first drawn).
func relayoutWindows() {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	for _, w := range app.Driver().AllWindows() {
		c := w.Canvas()
		if c == nil {
			continue
		}
		relayout(c.Content())
		for _, o := range c.Overlays().List() {
			relayout(o)
		}
	}
}

// relayout lays out o and everything below it that the app can reach:
// containers, scroll contents, splits, tabs and pop-up (dialog) contents.
// Widgets lay out their own parts when refreshed.
func relayout(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	switch t := o.(type) {
	case *fyne.Container:
		if t.Layout != nil {
			t.Layout.Layout(t.Objects, t.Size())
		}
		for _, c := range t.Objects {
			relayout(c)
		}
	case *container.Scroll:
		// Refresh re-measures the content and resizes it to fit.
		t.Refresh()
		relayout(t.Content)
	case *container.Split:
		t.Refresh()
		relayout(t.Leading)
		relayout(t.Trailing)
	case *container.AppTabs:
		if sel := t.Selected(); sel != nil {
			relayout(sel.Content)
		}
	case *widget.PopUp:
		relayout(t.Content)
	case *widget.Card:
		relayout(t.Content)
	}
}
