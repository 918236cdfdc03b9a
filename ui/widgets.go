package ui

import (
	"fmt"
	"os"
	"sync/atomic"
	"time"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// entry is widget.Entry with the app's keyboard: Esc closes the dialog it
// sits in and Ctrl+N/F/S reach the app even while the entry has the focus.
type entry struct {
	widget.Entry
	keys keyboard
}

func newEntry(k keyboard) *entry {
	e := &entry{keys: k}
	e.ExtendBaseWidget(e)
	return e
}

// newPasswordEntry is widget.NewPasswordEntry with the app's keyboard.
func newPasswordEntry(k keyboard) *entry {
	e := &entry{keys: k}
	e.Password = true
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineEntry(k keyboard) *entry {
	e := newEntry(k)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// newDateEntry is an entry for dd/mm/yyyy dates.
func newDateEntry(k keyboard) *entry {
	e := newEntry(k)
	e.SetPlaceHolder("dd/mm/yyyy")
	return e
}

// tracing (SODOAN_TRACE=1) makes every entry print its text after each
// key to stderr, so that scripts/xdotool-unikey.sh can check what a
// Vietnamese input method's key sequence left in the real window, and
// prints when the members table first shows, for start-up timing.
var tracing = os.Getenv("SODOAN_TRACE") != ""

// started approximates the process start, for the start-up trace (the
// wall clock: it measures how long the start took).
var started = time.Now()

func (e *entry) trace() {
	if tracing {
		fmt.Fprintf(os.Stderr, "sodoan-typing: %q\n", e.Text)
	}
}

// TypedRune implements fyne.Focusable.
func (e *entry) TypedRune(r rune) {
	e.Entry.TypedRune(r)
	e.trace()
}

// TypedKey implements fyne.Focusable.
func (e *entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.keys != nil {
		e.keys.escape()
		return
	}
	if (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && !e.MultiLine && e.OnSubmitted == nil {
		// Enter in a form's box saves the form (a multi-line box: Ctrl+Enter).
		if f, ok := e.keys.(interface{ enterSaves() bool }); ok && f.enterSaves() {
			return
		}
	}
	if h, ok := e.keys.(interface{ showHelp() }); ok && ev.Name == fyne.KeyF1 {
		h.showHelp() // the guide, from a box being typed in too
		return
	}
	e.Entry.TypedKey(ev)
	e.trace()
}

// TypedShortcut implements fyne.Shortcutable.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if e.keys != nil && e.keys.handleShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// inflight counts background jobs still running.
type inflight struct{ n atomic.Int64 }

// Add records delta new jobs (Add(1) when one starts).
func (f *inflight) Add(delta int) { f.n.Add(int64(delta)) }

// Done records a finished job.
func (f *inflight) Done() { f.n.Add(-1) }

// idle reports whether no job is running.
func (f *inflight) idle() bool { return f.n.Load() == 0 }

// errorText is the red message shown under a form field; empty, it takes
// no room. It is a widget of its own (a wrapping label) so that Fyne draws
// it wherever it is placed, and long messages wrap instead of running off
// the dialog. Showing or hiding it changes its container's minimum size,
// which Fyne's containers do not pass up to their parents, so set lays out
// every window again (see relayout): without that the message keeps the
// 0×0 rectangle it was laid out with while hidden.
type errorText struct {
	widget.Label
}

func newErrorText() *errorText {
	e := &errorText{}
	e.Importance = widget.DangerImportance
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.Hide()
	return e
}

// msg is the message shown ("" when none).
func (e *errorText) msg() string { return e.Text }

func (e *errorText) set(msg string) {
	if msg == e.Text && (msg == "") == e.Hidden {
		return
	}
	e.Text = msg
	if msg == "" {
		e.Hide()
	} else {
		e.Show()
	}
	e.Refresh()
	relayoutWindows()
}

// field is one row of a form: a label, the input, and room for the
// store's message about it.
type field struct {
	name  string // Go field name used by domain.FieldError
	label string
	input fyne.CanvasObject
	err   *errorText
}

// form lays fields out in a two-column form and shows validation errors
// next to them.
type form struct {
	fields []*field
	other  *errorText          // messages about fields the form does not show
	grids  []fyne.CanvasObject // what grid built, where Ctrl+S finds the form
}

func (f *form) add(name, label string, input fyne.CanvasObject) *field {
	fd := &field{name: name, label: label, input: input, err: newErrorText()}
	f.fields = append(f.fields, fd)
	return fd
}

// grid lays out the fields named in names (all when none) as a form.
func (f *form) grid(names ...string) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, fd := range f.fields {
		if len(names) > 0 && !contains(names, fd.name) {
			continue
		}
		objs = append(objs, widget.NewLabel(fd.label), container.NewVBox(fd.input, fd.err))
		// A field's message goes as soon as the field is changed, not
		// at the next save (issue 17, finding 4).
		err := fd.err
		onEdit(fd.input, func() { err.set("") })
	}
	g := container.New(layout.NewFormLayout(), objs...)
	f.grids = append(f.grids, g)
	return g
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// clear hides every message.
func (f *form) clear() {
	for _, fd := range f.fields {
		fd.err.set("")
	}
	if f.other != nil {
		f.other.set("")
	}
}

// setError shows msg next to the field name; it reports false when the
// form has no such field.
func (f *form) setError(name, msg string) bool {
	for _, fd := range f.fields {
		if fd.name == name {
			if fd.err.msg() != "" {
				msg = fd.err.msg() + "; " + msg
			}
			fd.err.set(msg)
			return true
		}
	}
	return false
}

// hasError reports whether the field name shows a message.
func (f *form) hasError(name string) bool {
	for _, fd := range f.fields {
		if fd.name == name {
			return fd.err.msg() != ""
		}
	}
	return false
}

// showValidation places each message of a *domain.ValidationError next to
// its field; messages about fields not on the form go to the "other"
// line. It reports whether err was a validation error.
func (f *form) showValidation(err *domain.ValidationError) {
	var rest []string
	for _, fe := range err.Errors {
		if !f.setError(fe.Field, fieldMsg(fe)) {
			rest = append(rest, fieldErrText(fe))
		}
	}
	if f.other != nil && len(rest) > 0 {
		msg := ""
		for i, r := range rest {
			if i > 0 {
				msg += "; "
			}
			msg += r
		}
		f.other.set(msg)
	}
}

// parseDateField reads a date entry, showing the parse error next to it.
func (f *form) parseDateField(name string, e *entry) (domain.Date, bool) {
	d, err := domain.ParseDate(e.Text)
	if err != nil {
		f.setError(name, errText(err))
		return domain.Date{}, false
	}
	return d, true
}

// heading is a bold title line.
func heading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

// parseIntField reads a whole-number entry (see readInt), showing what is
// wrong next to it: not a number, or over r's maximum.
func (f *form) parseIntField(name string, e *entry, r domain.IntRange) (int64, bool) {
	v, err := readInt(e.Text, r)
	if err != nil {
		f.setError(name, err.Error())
		return 0, false
	}
	return v, true
}
