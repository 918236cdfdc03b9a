package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// inView reports whether target lies wholly inside sc's visible part.
func inView(t *testing.T, sc *container.Scroll, target fyne.CanvasObject) bool {
	t.Helper()
	p, ok := offsetIn(sc.Content, target)
	if !ok {
		t.Fatal("target not inside the scroll")
	}
	top, bottom := p.Y-sc.Offset.Y, p.Y-sc.Offset.Y+target.Size().Height
	return top >= 0 && bottom <= sc.Size().Height
}

// A failed save of the plan editor scrolls to the first field in error,
// focuses it and counts the wrong fields beside the buttons (issue 17,
// finding 4: a bad target's message was below the row, out of view).
func TestPlanEditorShowsFirstError(t *testing.T) {
	f := newFixture(t, "plan")
	f.app.win.Resize(fyne.NewSize(1280, 720))
	s := f.planScreen()
	s.editPlan()
	e := s.editor
	last := e.rows[len(e.rows)-1]
	last.target.SetText("abc")
	e.save()
	t.Logf("offset %v size %v content %v", e.scroll.Offset, e.scroll.Size(), e.scroll.Content.Size())
	if !inView(t, e.scroll, last.box) {
		t.Errorf("the last row's message is out of view: offset %v", e.scroll.Offset)
	}
}
