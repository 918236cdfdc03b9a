package ui

import (
	"context"
	"fmt"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// historyView is the history dialog's content: filters by kind of change
// and by days (and the person it was opened for), and the changes in
// words, newest first.
type historyView struct {
	ctx      context.Context
	st       *store.Store
	fr       frame
	personID int64
	kind     *selectBox
	from, to *entry
	box      *fyne.Container
	count    *widget.Label
}

// showHistory shows in a dialog of win the recorded changes of a person,
// newest first. With no person (nil), it shows the latest changes of the
// whole register, with its person named on each line.
func showHistory(ctx context.Context, st *store.Store, win fyne.Window, fr frame, p *domain.Person) {
	h := &historyView{ctx: ctx, st: st, fr: fr, box: container.NewVBox(), count: widget.NewLabel("")}
	title := T("Lịch sử thay đổi")
	if p != nil {
		h.personID, title = p.ID, title+": "+p.FullName()
	}
	kinds := []string{T("Mọi thay đổi")}
	for _, k := range store.HistoryKinds {
		kinds = append(kinds, T(k.Label))
	}
	h.kind = newSelect(fr, kinds, func(string) { h.load() })
	h.kind.SetSelectedIndex(0)
	h.from, h.to = newDateEntry(fr), newDateEntry(fr)
	h.from.OnSubmitted = func(string) { h.load() }
	h.to.OnSubmitted = func(string) { h.load() }
	apply := newButton(fr, T("Lọc"), h.load)
	day := func(e *entry) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(130, e.MinSize().Height), e)
	}
	bar := container.NewHBox(h.kind, widget.NewLabel(T("Từ ngày")), day(h.from), widget.NewLabel(T("đến ngày")), day(h.to), apply)
	h.load()
	d := dialog.NewCustom(title, T("Đóng"), container.NewBorder(container.NewVBox(bar, h.count), nil, nil, nil, container.NewVScroll(h.box)), win)
	d.Resize(fyne.NewSize(900, 560))
	fr.showDialog(d, nil)
}

// filter reads the bar; an error names the day that is not one.
func (h *historyView) filter() (store.HistoryFilter, error) {
	f := store.HistoryFilter{PersonID: h.personID, Limit: 500}
	if i := h.kind.SelectedIndex(); i > 0 {
		f.Kind = store.HistoryKinds[i-1].Code
	}
	for _, d := range []struct {
		label string
		e     *entry
		to    *domain.Date
	}{{T("Từ ngày"), h.from, &f.From}, {T("đến ngày"), h.to, &f.To}} {
		if d.e.Text == "" {
			continue
		}
		day, err := domain.ParseDate(d.e.Text)
		if err != nil {
			return f, fmt.Errorf("%s: %w", d.label, err)
		}
		*d.to = day
	}
	return f, nil
}

// load lists the changes the filters keep.
func (h *historyView) load() {
	if h.kind == nil || h.from == nil {
		return // the select's first choice, while the dialog is built
	}
	f, err := h.filter()
	if err != nil {
		h.fr.showError(err)
		return
	}
	list, err := h.st.History(h.ctx, f)
	if err != nil {
		h.fr.showError(err)
		return
	}
	h.box.RemoveAll()
	h.count.SetText(fmt.Sprintf(T("%d thay đổi (mới nhất trước, tối đa 500)"), len(list)))
	if len(list) == 0 {
		h.box.Add(widget.NewLabel(T("Chưa có thay đổi nào được ghi.")))
	}
	for _, e := range list {
		line := store.FormatStamp(e.At) + "  " + e.Text(T)
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		h.box.Add(l)
	}
	h.box.Refresh()
}
