package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Never lose typing (issue 17, finding 3): a form dialog whose inputs
// changed asks before Esc or closing the window (Ctrl+Q, the title bar's
// ×) throws them away: Lưu, Bỏ or Ở lại. Hủy, pressed on purpose, still
// discards without a question.

// inputState is what the user typed into inputs, as one comparable text.
func inputState(inputs map[string]fyne.CanvasObject) string {
	names := make([]string, 0, len(inputs))
	for n := range inputs {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('=')
		switch w := inputs[n].(type) {
		case *entry:
			b.WriteString(w.Text)
		case *choiceSelect:
			b.WriteString(w.Selected)
		case *selectBox:
			b.WriteString(w.Selected)
		case *check:
			if w.Checked {
				b.WriteByte('1')
			}
		case *widget.Entry:
			b.WriteString(w.Text)
		}
		b.WriteByte('\x00')
	}
	return b.String()
}

// guardUnsaved marks d, shown by showDialog, as holding typing: dirty
// tells whether it changed since it opened.
func (a *App) guardUnsaved(d dialog.Dialog, dirty func() bool) {
	for _, od := range a.dialogs {
		if od.d == d {
			od.dirty = dirty
		}
	}
}

// guardInline marks an editor drawn on a screen rather than in a dialog
// (a report's text) as holding typing: Esc while its areas are on screen,
// Ctrl+Q and closing the window ask first, as for a form dialog. save
// reports whether the text was saved; discard throws the typing away
// (shows the saved text again). key is the editor: a rebuilt editor
// replaces its entry.
func (a *App) guardInline(key any, areas func() []fyne.CanvasObject, dirty, save func() bool, discard func()) {
	g := &openDialog{key: key, areas: areas, dirty: dirty, save: func() { save() }, discard: discard,
		question: T("Nội dung văn bản có thay đổi chưa lưu. Lưu trước?")}
	// An editor that is not a document's text says what it holds.
	if q, ok := key.(interface{ unsavedQuestion() string }); ok {
		g.question = q.unsavedQuestion()
	}
	for i, x := range a.guards {
		if x.key == key {
			a.guards[i] = g
			return
		}
	}
	a.guards = append(a.guards, g)
}

// unsaved is the top dialog with changes not saved, then an on-screen
// editor's (on any screen: the window's close loses them all); nil when
// none.
func (a *App) unsaved() *openDialog {
	for i := len(a.dialogs) - 1; i >= 0; i-- {
		if od := a.dialogs[i]; od.dirty != nil && od.dirty() {
			return od
		}
	}
	for _, g := range a.guards {
		if g.dirty != nil && g.dirty() {
			return g
		}
	}
	return nil
}

// askInline runs then at once when the editor key holds no typing, and
// otherwise after asking (Lưu / Bỏ thay đổi); Ở lại runs stayed instead.
// An editor calls it before showing another text in place of its own.
func (a *App) askInline(key any, then, stayed func()) {
	for _, g := range a.guards {
		if g.key != key || g.dirty == nil || !g.dirty() {
			continue
		}
		q := *g
		q.stayed = stayed
		a.askUnsaved(&q, then)
		return
	}
	then()
}

// askAllUnsaved runs then once no form or editor holds typing: each that
// does is asked about in turn (Lưu / Bỏ thay đổi), and Ở lại runs stayed
// instead of then. Whatever makes the window's screens again (a language
// switch, a restored register) calls it first: the screens' editors are
// made anew and what was typed in them would be gone without a word
// (issue 17's leftover).
func (a *App) askAllUnsaved(then, stayed func()) {
	od := a.unsaved()
	if od == nil {
		then()
		return
	}
	q := *od
	q.stayed = stayed
	a.askUnsaved(&q, func() { a.askAllUnsaved(then, stayed) })
}

// unsavedShown is the guarded editor with changes on the screen shown,
// the one Esc asks about when no dialog is open.
func (a *App) unsavedShown() *openDialog {
	root := a.win.Canvas().Content()
	for _, g := range a.guards {
		if g.dirty == nil || !g.dirty() {
			continue
		}
		for _, ar := range g.areas() {
			if holds(root, ar) {
				return g
			}
		}
	}
	return nil
}

// askUnsaved asks what to do with od's changes: Lưu saves (and then
// runs after, if the save went through), Bỏ discards them and runs after,
// Ở lại goes back to the form.
func (a *App) askUnsaved(od *openDialog, after func()) {
	var q *dialog.CustomDialog
	save := newButton(a, T("Lưu"), func() {
		q.Hide()
		before := len(a.dialogs)
		if od.save != nil {
			od.save()
		}
		// The form closed itself when the save went through; an editor
		// on a screen has nothing left unsaved.
		done := len(a.dialogs) < before
		if od.d == nil {
			done = !od.dirty()
		}
		if done && after != nil {
			after()
		}
	})
	save.Importance = widget.HighImportance
	discard := newButton(a, T("Bỏ thay đổi"), func() {
		q.Hide()
		if od.discard != nil {
			od.discard()
		} else {
			od.dirty = nil
			od.d.Hide()
		}
		if after != nil {
			after()
		}
	})
	stay := newButton(a, T("Ở lại"), func() {
		q.Hide()
		if od.stayed != nil {
			od.stayed()
		}
	})
	question := od.question
	if question == "" {
		question = T("Biểu mẫu có thay đổi chưa lưu. Lưu trước khi đóng?")
	}
	msg := widget.NewLabel(question)
	q = dialog.NewCustomWithoutButtons(T("Thay đổi chưa lưu"), container.NewVBox(msg), a.win)
	q.SetButtons([]fyne.CanvasObject{stay, discard, save})
	a.showDialog(q, nil)
}
