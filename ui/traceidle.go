//go:build uitrace

package ui

// The test mode's wait for the window to come to rest (see trace.go). The
// real-window test asks "idle" after each click or keys rather than
// sleeping and comparing traces: the answer comes once the app's own loop
// has read the input X sent, run its handlers, drawn a frame, and has no
// work of its own left in flight.

import (
	"fmt"
	"reflect"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// waitIdle waits until the window is at rest, for at most limit; it
// returns "" when it is, else what it was still busy with. busy is asked
// on the UI goroutine.
func waitIdle(limit time.Duration, busyWith func() string) string {
	end := time.Now().Add(limit)
	for {
		nextFrame()
		var busy string
		fyne.DoAndWait(func() { busy = busyWith() })
		if busy == "" || time.Now().After(end) {
			return busy
		}
	}
}

// nextFrame returns once the driver's loop has gone through a whole turn
// after the call: read the pending input events (glfw.PollEvents), ticked
// the animations and drawn the window. Fyne's loop ticks animations right
// after reading the events of a turn and draws right after, so the first
// tick of an animation started now comes after the input, and a function
// queued from that tick runs after the frame is drawn.
func nextFrame() {
	ticked := make(chan struct{})
	var once sync.Once
	fyne.DoAndWait(func() {
		fyne.NewAnimation(time.Millisecond, func(float32) { once.Do(func() { close(ticked) }) }).Start()
	})
	<-ticked
	fyne.DoAndWait(func() {})
}

// busy names the work the window still has in flight, on the UI goroutine:
// a click Fyne holds back to see whether a second one makes it a double
// click, a member list loading or searching, a document being written
// (the reports screen's progress bar shown), a progress bar in a dialog
// (an import reading its file). The dashboard's bars show the indicators,
// not work, so a bar on a screen says nothing by itself.
func busy(win fyne.Window, screens map[string]screen) string {
	// The GLFW window counts the clicks of a possible double click until
	// it hands the click over (window.mouseClickCount, unexported).
	if v := reflect.ValueOf(win); v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		if f := v.Elem().FieldByName("mouseClickCount"); f.IsValid() && f.CanInt() && f.Int() > 0 {
			return "a click waiting for a double click"
		}
	}
	for id, s := range screens {
		switch x := s.(type) {
		case *membersScreen:
			if !x.busy.idle() {
				return "screen " + id + " loading"
			}
		case *reportsScreen:
			if x.bar.Visible() {
				return fmt.Sprintf("a document being written (%.0f %%)", x.bar.Value*100)
			}
		}
	}
	if ov := win.Canvas().Overlays(); ov != nil {
		for _, o := range ov.List() {
			if what := working(o); what != "" {
				return what + " in a dialog"
			}
		}
	}
	return ""
}

// working finds a visible progress bar under o.
func working(o fyne.CanvasObject) string {
	if o == nil || !o.Visible() {
		return ""
	}
	switch x := o.(type) {
	case *widget.ProgressBar:
		return fmt.Sprintf("a progress bar at %.0f %%", x.Value*100)
	case *widget.ProgressBarInfinite:
		return "a progress bar"
	}
	for _, ch := range children(o) {
		if what := working(ch); what != "" {
			return what
		}
	}
	return ""
}
