//go:build uitrace

package ui

// The window's test mode. Built only with the uitrace tag (the real-window
// test in cmd/sodoan builds the app that way), because it reads widgets'
// renderers through fyne.io/fyne/v2/test, which the shipped app must not
// link. With SODOAN_UITRACE=PATH set, the app listens on the Unix socket
// PATH; each line "dump" it receives is answered with one line of JSON
// describing every visible control of the window and its overlays (dialogs
// and pop-up menus): kind, text, absolute rectangle in window pixels and,
// for dropdowns, the stored choice and the text actually drawn. A line
// "idle N" is answered once the window is at rest, or after N seconds
// with what it is still busy with (traceidle.go). The app says
// "sodoan-uitrace: ready" on stderr once the socket listens.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TraceControl is one visible control in a trace.
type TraceControl struct {
	Kind string `json:"kind"` // button, entry, select, check, radio, table, list, tabs, label, error, item, tab, menuitem, tappable, overlay
	Type string `json:"type"` // the Go type, for messages
	Text string `json:"text"` // label, entry text, check text, message…
	// Placeholder is an entry's hint; Icon a button's icon name.
	Placeholder string `json:"placeholder,omitempty"`
	Icon        string `json:"icon,omitempty"`
	// Selected is a dropdown's stored choice; Shown the text it draws.
	Selected string `json:"selected,omitempty"`
	Shown    string `json:"shown,omitempty"`
	Options  int    `json:"options,omitempty"`
	Checked  bool   `json:"checked,omitempty"`
	Disabled bool   `json:"disabled,omitempty"`
	Focused  bool   `json:"focused,omitempty"`
	// Layer is 0 for the window's content, i for the i-th overlay (the
	// top one is the last).
	Layer int `json:"layer"`
	// X, Y, W, H is the rectangle in window pixels; VX, VY, VW, VH the
	// part of it not clipped by a scroller (empty when scrolled away).
	X, Y, W, H     int
	VX, VY, VW, VH int
}

// Trace is the answer to one "dump".
type Trace struct {
	Screen  string         `json:"screen"`
	Dialogs int            `json:"dialogs"`
	Title   string         `json:"title"`
	Scale   float32        `json:"scale"`
	Width   int            `json:"width"` // the canvas in window pixels
	Height  int            `json:"height"`
	Layers  int            `json:"layers"`
	Focus   string         `json:"focus"` // the focused object's type
	Items   []TraceControl `json:"controls"`
}

// StartTrace starts the test mode when SODOAN_UITRACE names a socket path.
func (a *App) StartTrace() {
	path := os.Getenv("SODOAN_UITRACE")
	if path == "" {
		return
	}
	_ = os.Remove(path)
	l, err := net.Listen("unix", path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sodoan-uitrace:", err)
		return
	}
	// The test waits for this line before it connects.
	fmt.Fprintln(os.Stderr, "sodoan-uitrace: ready")
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go a.serveTrace(c)
		}
	}()
}

func (a *App) serveTrace(c net.Conn) {
	defer c.Close()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		var reply any
		cmd, arg, _ := strings.Cut(strings.TrimSpace(sc.Text()), " ")
		switch cmd {
		case "dump":
			var tr Trace
			fyne.DoAndWait(func() { tr = a.trace() })
			reply = tr
		case "idle": // "idle SECONDS": see waitIdle
			secs, err := strconv.Atoi(arg)
			if err != nil || secs <= 0 {
				secs = 10
			}
			still := waitIdle(time.Duration(secs)*time.Second, func() string { return busy(a.win, a.screens) })
			reply = struct {
				Idle bool   `json:"idle"`
				Busy string `json:"busy,omitempty"`
			}{still == "", still}
		default:
			continue
		}
		b, _ := json.Marshal(reply)
		if _, err := c.Write(append(b, '\n')); err != nil {
			return
		}
	}
}

// trace reads the canvas; it runs on the Fyne goroutine.
func (a *App) trace() Trace {
	c := a.win.Canvas()
	scale := c.Scale()
	sz := c.Size()
	tr := Trace{Screen: a.current, Dialogs: len(a.dialogs), Title: a.win.Title(), Scale: scale,
		Width: px(sz.Width, scale), Height: px(sz.Height, scale)}
	w := &traceWalker{tr: &tr, scale: scale, focused: c.Focused()}
	if w.focused != nil {
		tr.Focus = fmt.Sprintf("%T", w.focused)
	}
	everything := fyne.NewPos(0, 0)
	w.walk(c.Content(), everything, everything, sz)
	if ov := c.Overlays(); ov != nil {
		for i, o := range ov.List() {
			w.layer = i + 1
			w.add(o, "overlay", fyne.NewPos(0, 0), everything, sz, TraceControl{})
			w.walk(o, fyne.NewPos(0, 0), everything, sz)
		}
		tr.Layers = len(ov.List())
	}
	return tr
}

func px(v, scale float32) int { return int(v*scale + 0.5) }

type traceWalker struct {
	tr      *Trace
	scale   float32
	layer   int
	focused fyne.Focusable
}

// walk visits o (positioned relative to offset) and its visible children;
// clipPos/clipSize is the area the nearest scroller lets through.
func (w *traceWalker) walk(o fyne.CanvasObject, offset, clipPos fyne.Position, clipSize fyne.Size) {
	if o == nil || !o.Visible() {
		return
	}
	pos := offset.Add(o.Position())
	if _, ok := o.(fyne.Scrollable); ok {
		clipPos, clipSize = intersect(clipPos, clipSize, pos, o.Size())
	}
	if w.control(o, pos, clipPos, clipSize) {
		return
	}
	for _, ch := range children(o) {
		w.walk(ch, pos, clipPos, clipSize)
	}
}

func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case fyne.Widget:
		if r := test.WidgetRenderer(x); r != nil {
			return r.Objects()
		}
	}
	return nil
}

func intersect(p1 fyne.Position, s1 fyne.Size, p2 fyne.Position, s2 fyne.Size) (fyne.Position, fyne.Size) {
	x0, y0 := max(p1.X, p2.X), max(p1.Y, p2.Y)
	x1, y1 := min(p1.X+s1.Width, p2.X+s2.Width), min(p1.Y+s1.Height, p2.Y+s2.Height)
	return fyne.NewPos(x0, y0), fyne.NewSize(max(0, x1-x0), max(0, y1-y0))
}

// control records o when it is a control and reports whether its insides
// are part of it (and must not be walked).
func (w *traceWalker) control(o fyne.CanvasObject, pos, clipPos fyne.Position, clipSize fyne.Size) bool {
	tc := TraceControl{}
	if d, ok := o.(fyne.Disableable); ok {
		tc.Disabled = d.Disabled()
	}
	// The app wraps Fyne's widgets in types of its own (for its keys);
	// the kinds are told by their methods and the fields are read by
	// name, through any embedding.
	switch x := o.(type) {
	case *errorText:
		tc.Text = x.msg()
		w.add(o, "error", pos, clipPos, clipSize, tc)
		return true
	case selecter:
		w.selectBox(o, pos, clipPos, clipSize, tc)
		return true
	case interface{ SetChecked(bool) }:
		tc.Text, tc.Checked = str(o, "Text"), boolean(o, "Checked")
		w.add(o, "check", pos, clipPos, clipSize, tc)
		return true
	case interface{ SetPlaceHolder(string) }:
		tc.Text, tc.Placeholder = str(o, "Text"), str(o, "PlaceHolder")
		w.add(o, "entry", pos, clipPos, clipSize, tc)
		return true
	case interface {
		SetIcon(fyne.Resource)
		fyne.Tappable
	}:
		tc.Text = str(o, "Text")
		if f := fieldOf(o, "Icon"); f.IsValid() && f.CanInterface() {
			if icon, ok := f.Interface().(fyne.Resource); ok && icon != nil {
				tc.Icon = icon.Name()
			}
		}
		w.add(o, "button", pos, clipPos, clipSize, tc)
		return true
	case *widget.RadioGroup:
		tc.Text = x.Selected
		w.add(o, "radio", pos, clipPos, clipSize, tc)
		return false
	case *widget.Table, *memberTable, *keyTable:
		w.add(o, "table", pos, clipPos, clipSize, tc)
		return false
	case *widget.List, *navList, *keyList:
		w.add(o, "list", pos, clipPos, clipSize, tc)
		return false
	case *container.AppTabs:
		if sel := x.Selected(); sel != nil {
			tc.Text = sel.Text
		}
		w.add(o, "tabs", pos, clipPos, clipSize, tc)
		return false
	case *canvas.Text:
		// widget.Form's item labels and headings drawn as plain text.
		if tc.Text = strings.TrimSpace(x.Text); tc.Text != "" {
			w.add(o, "label", pos, clipPos, clipSize, tc)
		}
		return true
	case *widget.PopUp, *widget.PopUpMenu, *widget.Menu:
		return false // tappable only to catch clicks beside their content
	case interface {
		SetText(string)
		SelectedText() string
	}:
		// A label (selectable text); a hyperlink has no SelectedText.
		tc.Text = str(o, "Text")
		w.add(o, "label", pos, clipPos, clipSize, tc)
		return true
	case *widget.RichText:
		// widget.Form's item labels, among others.
		tc.Text = strings.Join(texts(o), " ")
		w.add(o, "label", pos, clipPos, clipSize, tc)
		return true
	case fyne.Tappable:
		kind := "tappable"
		switch fmt.Sprintf("%T", o) {
		case "*widget.OverlayContainer":
			return false // a pop-up menu's backdrop (internal to Fyne)
		case "*widget.menuItem":
			kind = "menuitem"
		case "*widget.listItem":
			kind = "item"
		case "*container.tabButton":
			kind = "tab"
		case "*widget.scrollBarArea", "*widget.scrollBar":
			kind = "scrollbar"
		}
		tc.Text = strings.Join(texts(o), " ")
		w.add(o, kind, pos, clipPos, clipSize, tc)
		return true
	}
	return false
}

// selecter is a widget.Select or a type that embeds one (by value or by
// pointer): its fields are read by name, so that the trace does not depend
// on how the app wraps its dropdowns.
type selecter interface {
	SelectedIndex() int
	SetSelectedIndex(int)
	ClearSelected()
}

func (w *traceWalker) selectBox(o fyne.CanvasObject, pos, clipPos fyne.Position, clipSize fyne.Size, tc TraceControl) {
	field := func(name string) reflect.Value { return fieldOf(o, name) }
	tc.Selected = str(o, "Selected")
	tc.Text = str(o, "PlaceHolder")
	if f := field("Options"); f.Kind() == reflect.Slice {
		tc.Options = f.Len()
	}
	tc.Shown = strings.Join(texts(o), " ")
	if w.focused != nil {
		tc.Focused = w.focused == o.(fyne.Focusable)
		if f := field("Select"); f.IsValid() && f.Kind() == reflect.Pointer && f.CanInterface() {
			if inner, ok := f.Interface().(*widget.Select); ok && fyne.Focusable(inner) == w.focused {
				tc.Focused = true
			}
		}
	}
	w.add(o, "select", pos, clipPos, clipSize, tc)
}

// fieldOf reads the field name of a widget, promoted through embedded
// structs; an invalid Value (whose String is "<invalid Value>", so the
// callers check kinds they rely on) when there is none.
func fieldOf(o fyne.CanvasObject, name string) reflect.Value {
	v := reflect.Indirect(reflect.ValueOf(o))
	if v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	return v.FieldByName(name)
}

// str is the string field name of o ("" when there is none).
func str(o fyne.CanvasObject, name string) string {
	if f := fieldOf(o, name); f.Kind() == reflect.String {
		return f.String()
	}
	return ""
}

// boolean is the bool field name of o (false when there is none).
func boolean(o fyne.CanvasObject, name string) bool {
	f := fieldOf(o, name)
	return f.Kind() == reflect.Bool && f.Bool()
}

// texts is the text drawn inside o, in drawing order.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if t, ok := o.(*canvas.Text); ok {
			if s := strings.TrimSpace(t.Text); s != "" {
				out = append(out, s)
			}
			return
		}
		for _, ch := range children(o) {
			walk(ch)
		}
	}
	walk(o)
	return out
}

func (w *traceWalker) add(o fyne.CanvasObject, kind string, pos, clipPos fyne.Position, clipSize fyne.Size, tc TraceControl) {
	sz := o.Size()
	tc.Kind, tc.Type, tc.Layer = kind, fmt.Sprintf("%T", o), w.layer
	if f, ok := o.(fyne.Focusable); ok && w.focused != nil && f == w.focused {
		tc.Focused = true
	}
	s := w.scale
	tc.X, tc.Y, tc.W, tc.H = px(pos.X, s), px(pos.Y, s), px(sz.Width, s), px(sz.Height, s)
	vp, vs := intersect(pos, sz, clipPos, clipSize)
	tc.VX, tc.VY, tc.VW, tc.VH = px(vp.X, s), px(vp.Y, s), px(vs.Width, s), px(vs.Height, s)
	w.tr.Items = append(w.tr.Items, tc)
}
