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

// unsaved is the top dialog with changes not saved, nil when none.
func (a *App) unsaved() *openDialog {
	for i := len(a.dialogs) - 1; i >= 0; i-- {
		if od := a.dialogs[i]; od.dirty != nil && od.dirty() {
			return od
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
		// The form closed itself when the save went through.
		if len(a.dialogs) < before && after != nil {
			after()
		}
	})
	save.Importance = widget.HighImportance
	discard := newButton(a, T("Bỏ thay đổi"), func() {
		q.Hide()
		od.dirty = nil
		od.d.Hide()
		if after != nil {
			after()
		}
	})
	stay := newButton(a, T("Ở lại"), func() { q.Hide() })
	msg := widget.NewLabel(T("Biểu mẫu có thay đổi chưa lưu. Lưu trước khi đóng?"))
	q = dialog.NewCustomWithoutButtons(T("Thay đổi chưa lưu"), container.NewVBox(msg), a.win)
	q.SetButtons([]fyne.CanvasObject{stay, discard, save})
	a.showDialog(q, nil)
}
