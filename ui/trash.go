package ui

import (
	"fmt"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// trashKindLabel is the kind of a record of the recycle bin.
func trashKindLabel(k domain.TrashKind) string { return T(k.Label()) }

// trashButtonText is Settings' way into the recycle bin, with how many
// records wait there.
func (a *App) trashButtonText() string {
	items, err := a.st.Trash(a.ctx)
	if err != nil || len(items) == 0 {
		return T("Thùng rác")
	}
	return fmt.Sprintf(T("Thùng rác (%d)"), len(items))
}

// openTrash shows the recycle bin in place of the current screen; Quay
// lại returns to it.
func (a *App) openTrash() { a.setBody(a.trashPage()) }

// trashPage lists the records waiting in the recycle bin, each with
// Khôi phục and Xóa vĩnh viễn, and Dọn thùng rác for all of them; what
// deletes for good asks first.
func (a *App) trashPage() fyne.CanvasObject {
	items, err := a.st.Trash(a.ctx)
	if err != nil {
		a.showError(err)
	}
	backBtn := newButtonWithIcon(T("Quay lại"), theme.NavigateBackIcon(), a.back)
	emptyBtn := newButtonWithIcon(T("Dọn thùng rác"), theme.DeleteIcon(), func() {
		a.confirm(T("Dọn thùng rác"), fmt.Sprintf(T("Xóa vĩnh viễn %d mục trong thùng rác? Việc này không hoàn tác được."), len(items)), func() {
			if _, err := a.st.EmptyTrash(a.ctx); err != nil {
				a.showError(err)
				return
			}
			a.openTrash()
		})
	})
	emptyBtn.Importance = widget.DangerImportance
	if len(items) == 0 {
		emptyBtn.Disable()
	}
	title := heading(T("Thùng rác"))
	title.SizeName = theme.SizeNameSubHeadingText
	top := container.NewVBox(
		container.NewBorder(nil, nil, backBtn, emptyBtn, title),
		widget.NewLabel(T("Người, chi đoàn, câu lạc bộ và tổ hợp tác đã xóa nằm ở đây cùng mọi thông tin liên quan, cho đến khi khôi phục hoặc xóa vĩnh viễn.")),
	)
	list := container.NewVBox()
	if len(items) == 0 {
		list.Add(widget.NewLabel(T("Thùng rác trống.")))
	}
	for _, it := range items {
		list.Add(a.trashRow(it))
	}
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(list))
}

// trashRow is one record of the recycle bin with its two actions.
func (a *App) trashRow(it store.TrashItem) fyne.CanvasObject {
	text := trashKindLabel(it.Kind) + ": " + it.Label + " · " + fmt.Sprintf(T("xóa lúc %s"), store.FormatStamp(it.DeletedAt))
	if it.Links > 0 {
		text += " · " + fmt.Sprintf(T("kèm %d mục liên quan"), it.Links)
	}
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	restore := newButtonWithIcon(T("Khôi phục"), theme.ContentUndoIcon(), func() {
		res, err := a.st.RestoreTrash(a.ctx, it.Kind, it.ID)
		if err != nil {
			a.showError(err)
			return
		}
		a.openTrash()
		msg := fmt.Sprintf(T("Đã khôi phục %s."), res.Label)
		if len(res.Notes) > 0 {
			msg += "\n" + T("Lưu ý:")
			for _, n := range res.Notes {
				msg += "\n– " + errText(n)
			}
		}
		a.info(T("Khôi phục"), msg)
	})
	purge := newButtonWithIcon(T("Xóa vĩnh viễn"), theme.DeleteIcon(), func() {
		a.confirm(T("Xóa vĩnh viễn"), fmt.Sprintf(T("Xóa vĩnh viễn %s? Việc này không hoàn tác được."), it.Label), func() {
			if err := a.st.PurgeTrash(a.ctx, it.Kind, it.ID); err != nil {
				a.showError(err)
				return
			}
			a.openTrash()
		})
	})
	purge.Importance = widget.LowImportance
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewHBox(restore, purge), label)
}

// showHistory shows the recorded changes of a person, newest first.
// With no person (nil), it shows the latest changes of the whole register.
func (a *App) showHistory(p *domain.Person) {
	f, title := store.HistoryFilter{Limit: 500}, T("Lịch sử thay đổi")
	if p != nil {
		f.PersonID, title = p.ID, title+": "+p.FullName()
	}
	h, err := a.st.History(a.ctx, f)
	if err != nil {
		a.showError(err)
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
	d := dialog.NewCustom(title, T("Đóng"), container.NewVScroll(box), a.win)
	d.Resize(fyne.NewSize(820, 520))
	a.showDialog(d, nil)
}
