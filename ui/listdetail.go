package ui

import (
	"context"
	"errors"
	"fmt"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"sodoan/store"
)

// listDetail is the layout shared by the branches, clubs and cooperative
// groups screens: the records in a list on the left with an "add" button
// above, the selected record's form on the right. The selection survives
// a reload by the record's ID.
type listDetail[R any] struct {
	ctx      context.Context
	st       *store.Store
	clock    clock // the year a record's yearly figures start on
	f        frame
	items    []R
	list     *keyList
	detail   *fyne.Container
	root     fyne.CanvasObject
	selected int64

	id    func(R) int64
	label func(R) string
	load  func() ([]R, error)
	show  func(R) // fills the detail side
	blank func() R
	// newWhenEmpty opens a blank form when the register has no record.
	newWhenEmpty bool
}

// newListDetail builds the list side: template is a typical label, used to
// size the rows; addLabel names the add button (Ctrl+N).
func newListDetail[R any](ctx context.Context, st *store.Store, clock clock, f frame, template, addLabel string, side ...fyne.CanvasObject) *listDetail[R] {
	l := &listDetail[R]{ctx: ctx, st: st, clock: clock, f: f, detail: container.NewStack()}
	l.list = newList(f,
		func() int { return len(l.items) },
		func() fyne.CanvasObject { return widget.NewLabel(template) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(l.label(l.items[i])) })
	l.list.OnSelected = func(i widget.ListItemID) {
		l.selected = l.id(l.items[i])
		l.show(l.items[i])
	}
	add := newButtonWithIcon(f, addLabel+" (Ctrl+N)", theme.ContentAddIcon(), l.newRecord)
	var top fyne.CanvasObject = add
	if len(side) > 0 {
		top = container.NewVBox(append([]fyne.CanvasObject{add}, side...)...)
	}
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, l.list), l.detail)
	split.Offset = 0.3
	l.root = split
	return l
}

func (l *listDetail[R]) view() fyne.CanvasObject { return l.root }

// refresh reloads the records and selects the one selected before (the
// first when none was).
func (l *listDetail[R]) refresh() {
	items, err := l.load()
	if err != nil {
		l.f.showError(err)
		return
	}
	l.items = items
	l.list.Refresh()
	for i, it := range items {
		if l.id(it) == l.selected || (l.selected == 0 && i == 0) {
			// Unselected first, so that the form is rebuilt from the
			// fresh record even when it was selected already.
			l.list.UnselectAll()
			l.list.Select(i)
			return
		}
	}
	if len(items) == 0 && l.newWhenEmpty {
		l.newRecord()
	}
}

func (l *listDetail[R]) newRecord() {
	l.list.UnselectAll()
	l.selected = 0
	l.show(l.blank())
}

// setDetail shows box, scrolled, on the right.
func (l *listDetail[R]) setDetail(box fyne.CanvasObject) {
	l.detail.Objects = []fyne.CanvasObject{container.NewVScroll(scrollRoom(box))}
	l.detail.Refresh()
}

// saved selects the record just written and reloads the list.
func (l *listDetail[R]) saved(id int64) {
	l.selected = id
	l.refresh()
}

// deleteButton asks "title: Xóa name?" and, on agreement, runs del and
// reloads with the first record selected.
func (l *listDetail[R]) deleteButton(title, question string, del func() error) *button {
	return newButtonWithIcon(l.f, T("Xóa"), theme.DeleteIcon(), func() {
		l.f.confirm(title, question, func() {
			if err := del(); err != nil {
				l.f.showError(err)
				return
			}
			l.saved(0)
		})
	})
}

// groupLabel is a club's or cooperative group's line in the list.
func groupLabel(name string, members []domain.GroupMember) string {
	return fmt.Sprintf("%s (%d)", name, len(members))
}

// saveButton is the form's Lưu button: save runs the store call after
// fm has been cleared; a *domain.ValidationError goes next to the fields,
// another error to a dialog, and done runs after a successful save.
func (fm *form) saveButton(fr frame, label string, save func() error, done func()) *button {
	b := newButtonWithIcon(fr, label, theme.DocumentSaveIcon(), func() {
		fm.clear()
		if fr.confirmSaved("", func() bool { return fm.result(fr, save()) }) {
			done()
		}
	})
	b.Importance = widget.HighImportance
	// Ctrl+S presses it while the form is on screen.
	fr.onSave(fm, func() []fyne.CanvasObject { return append(append([]fyne.CanvasObject{}, fm.grids...), b) }, b.OnTapped)
	return b
}

// errSkip is returned by a save function that found a field it could not
// read (the message is already next to the field): nothing was written.
var errSkip = errors.New("skip")

// result shows err from a store call: a validation error next to the
// fields, another in a dialog. It reports whether the call succeeded.
func (fm *form) result(fr frame, err error) bool {
	var ve *domain.ValidationError
	switch {
	case err == nil:
		return true
	case errors.Is(err, errSkip):
	case errors.As(err, &ve):
		fm.showValidation(ve)
	default:
		fr.showError(err)
	}
	return false
}
