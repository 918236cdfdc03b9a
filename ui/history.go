package ui

import (
	"context"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// showHistory shows in a dialog of win the recorded changes of a person,
// newest first. With no person (nil), it shows the latest changes of the
// whole register.
func showHistory(ctx context.Context, st *store.Store, win fyne.Window, fr frame, p *domain.Person) {
	f, title := store.HistoryFilter{Limit: 500}, T("Lịch sử thay đổi")
	if p != nil {
		f.PersonID, title = p.ID, title+": "+p.FullName()
	}
	h, err := st.History(ctx, f)
	if err != nil {
		fr.showError(err)
		return
	}
	box := container.NewVBox()
	if len(h) == 0 {
		box.Add(widget.NewLabel(T("Chưa có thay đổi nào được ghi.")))
	}
	for _, e := range h {
		l := widget.NewLabel(store.FormatStamp(e.At) + "  " + e.Text(T))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	d := dialog.NewCustom(title, T("Đóng"), container.NewVScroll(box), win)
	d.Resize(fyne.NewSize(820, 520))
	fr.showDialog(d, nil)
}
