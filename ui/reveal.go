package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Every answer in view (issue 17, finding 4): a save that fails must not
// look like a save that did nothing. The form scrolls to the first field
// in error and focuses it, the count of wrong fields stands beside the
// buttons ("2 ô chưa đúng"), and a field's message goes as soon as the
// field is changed.

// wrongCount is what stands beside the buttons after a failed save.
func wrongCount(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(T("%d ô chưa đúng"), n)
}

// newCountText is the red line beside the buttons that counts the wrong
// fields: one line, never wrapped into a column of letters.
func newCountText() *errorText {
	e := newErrorText()
	e.Wrapping = fyne.TextWrapOff
	return e
}

// onEdit chains fn after what o's inputs (entries, dropdowns, boxes,
// also inside containers) already do when the user changes them.
func onEdit(o fyne.CanvasObject, fn func()) {
	walk(o, func(x fyne.CanvasObject) bool {
		switch w := x.(type) {
		case *entry:
			prev := w.OnChanged
			w.OnChanged = func(s string) {
				if prev != nil {
					prev(s)
				}
				fn()
			}
		case *choiceSelect:
			chainSelect(&w.selectBox, fn)
		case *selectBox:
			chainSelect(w, fn)
		case *check:
			prev := w.OnChanged
			w.OnChanged = func(b bool) {
				if prev != nil {
					prev(b)
				}
				fn()
			}
		}
		return true
	})
}

func chainSelect(s *selectBox, fn func()) {
	prev := s.OnChanged
	s.OnChanged = func(v string) {
		if prev != nil {
			prev(v)
		}
		fn()
	}
}

// clearOnEdit says again how many fields are wrong (recount) when one is
// changed, after grid's own hook took its message away; call it after
// grid.
func (f *form) clearOnEdit(recount func()) {
	for _, fd := range f.fields {
		onEdit(fd.input, recount)
	}
}

// wrongFields is how many of the form's fields show a message.
func (f *form) wrongFields() int {
	n := 0
	for _, fd := range f.fields {
		if fd.err.msg() != "" {
			n++
		}
	}
	return n
}

// firstWrong is the input of the form's topmost field in error (the
// leftmost of a row), nil when none: in reading order, whatever the
// order the fields were added in.
func (f *form) firstWrong(within fyne.CanvasObject) fyne.CanvasObject {
	var best fyne.CanvasObject
	var bestPos fyne.Position
	for _, fd := range f.fields {
		if fd.err.msg() == "" {
			continue
		}
		p, ok := offsetIn(within, fd.input)
		if !ok {
			continue
		}
		if best == nil || p.Y < bestPos.Y || p.Y == bestPos.Y && p.X < bestPos.X {
			best, bestPos = fd.input, p
		}
	}
	return best
}

// offsetIn is where target lies inside root (false when it is not there
// or not shown).
func offsetIn(root, target fyne.CanvasObject) (fyne.Position, bool) {
	if root == target {
		return fyne.Position{}, true
	}
	if root == nil || !root.Visible() {
		return fyne.Position{}, false
	}
	var children []fyne.CanvasObject
	switch t := root.(type) {
	case *fyne.Container:
		children = t.Objects
	case *container.Scroll:
		children = []fyne.CanvasObject{t.Content}
	}
	for _, c := range children {
		if p, ok := offsetIn(c, target); ok {
			return c.Position().Add(p), true
		}
	}
	return fyne.Position{}, false
}

// reveal scrolls sc so that target is in view, a little below the top
// (its label and the row above stay readable), and gives the focus to the
// first input in it.
func reveal(c fyne.Canvas, sc *container.Scroll, target fyne.CanvasObject) {
	if target == nil {
		return
	}
	relayout(sc)
	if p, ok := offsetIn(sc.Content, target); ok {
		y := p.Y - 40
		if most := sc.Content.Size().Height - sc.Size().Height; y > most {
			y = most
		}
		if y < 0 {
			y = 0
		}
		sc.Offset = fyne.NewPos(sc.Offset.X, y)
		sc.Refresh()
	}
	if c == nil {
		return
	}
	walk(target, func(x fyne.CanvasObject) bool {
		if fo, ok := x.(fyne.Focusable); ok {
			if d, ok := x.(fyne.Disableable); ok && d.Disabled() {
				return true
			}
			c.Focus(fo)
			return false
		}
		return true
	})
}

// savedSay confirms a store call that went through on the window's footer
// with what was saved, and passes its error on: every save says what it
// did, never leaving an older message standing (issue 17, finding 4).
func savedSay(fr frame, err error, msg string) error {
	if err == nil {
		fr.notify(msg)
	}
	return err
}

// wheelPass lies over a part of a scrolled form and hands the mouse
// wheel to the form's scroll (issue 17, finding 9). An entry whose text
// is longer than its box scrolls that text sideways with the wheel, and
// Fyne gives the wheel to the innermost scrollable under the pointer: in
// a list of targets with long titles the form stopped scrolling wherever
// the pointer met one. wheelPass is only Scrollable: clicks, typing and
// hovering still reach the inputs under it.
type wheelPass struct {
	widget.BaseWidget
	target func() *container.Scroll
}

func newWheelPass(target func() *container.Scroll) *wheelPass {
	w := &wheelPass{target: target}
	w.ExtendBaseWidget(w)
	return w
}

// passWheel lays o out with a wheelPass over it.
func passWheel(o fyne.CanvasObject, target func() *container.Scroll) fyne.CanvasObject {
	return container.NewStack(o, newWheelPass(target))
}

// CreateRenderer implements fyne.Widget: nothing is drawn.
func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// MinSize asks for no room: the part below sizes the stack.
func (w *wheelPass) MinSize() fyne.Size { return fyne.Size{} }

// Scrolled implements fyne.Scrollable.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if s := w.target(); s != nil {
		s.Scrolled(ev)
	}
}
