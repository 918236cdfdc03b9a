package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The plan editor's column header stays above the rows while they scroll
// (issue 17's leftover: it scrolled away with the targets), at the two
// laptop sizes: pinned at the top of the scroll, its columns over the
// rows' columns, the rows drawn below it, the wheel over it still
// scrolling the editor; back at the top, only the header in the form.
func TestPlanEditorHeaderStaysAbove(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 720}, {Width: 1366, Height: 768}} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			f := newFixture(t, "plan")
			f.app.win.Resize(size)
			s := f.planScreen()
			s.editPlan()
			e := s.editor
			abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
			if e.pinned.Visible() {
				t.Fatal("the pinned header shows over the plan's own fields")
			}
			e.scroll.ScrollToBottom()
			if !e.pinned.Visible() {
				t.Fatal("scrolled to the last targets, no header above them")
			}
			if got, want := abs(e.pinned).Y, abs(e.scroll).Y; got != want {
				t.Errorf("the pinned header is at y %.0f, the scroll's top at %.0f", got, want)
			}
			// "Nội dung" over the titles, "Chỉ tiêu" over the targets.
			last := e.rows[len(e.rows)-1]
			for _, col := range []struct {
				name  string
				input fyne.CanvasObject
			}{{"Nội dung", last.title}, {"Chỉ tiêu", last.target}} {
				l := labelIn(t, e.pinned, col.name)
				if dx := abs(l).X - abs(col.input).X; dx < -1 || dx > 1 {
					t.Errorf("%s: header at x %.0f, the column at x %.0f", col.name, abs(l).X, abs(col.input).X)
				}
			}
			bottom := abs(e.pinned).Y + e.pinned.Size().Height
			if y := abs(last.code).Y; y < bottom {
				t.Errorf("the last row (y %.0f) is under the header (down to %.0f)", y, bottom)
			}
			// The wheel over the header scrolls the editor back up.
			var pass *wheelPass
			walk(e.pinned, func(o fyne.CanvasObject) bool {
				if w, ok := o.(*wheelPass); ok {
					pass = w
				}
				return pass == nil
			})
			if pass == nil {
				t.Fatal("no wheel pass over the pinned header")
			}
			before := e.scroll.Offset.Y
			pass.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 10000)})
			if e.scroll.Offset.Y >= before {
				t.Errorf("the wheel over the header left the editor at %.0f", e.scroll.Offset.Y)
			}
			if e.pinned.Visible() {
				t.Error("back at the top, the pinned header still shows")
			}
			// A failed save shows its row below the header, not under it.
			last.target.SetText("abc")
			f.app.shortcutSave()
			if y := abs(last.code).Y; e.pinned.Visible() && y < abs(e.pinned).Y+e.pinned.Size().Height {
				t.Errorf("the row in error (y %.0f) is under the pinned header", y)
			}
		})
	}
}

// labelIn is the label with text inside o.
func labelIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Label {
	t.Helper()
	var l *widget.Label
	walk(o, func(x fyne.CanvasObject) bool {
		if w, ok := x.(*widget.Label); ok && w.Text == text {
			l = w
		}
		return l == nil
	})
	if l == nil {
		t.Fatalf("no label %q", text)
	}
	return l
}
