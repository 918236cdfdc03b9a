package ui

import (
	"context"
	"fmt"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// trashKindLabel is the kind of a record of the recycle bin.
func trashKindLabel(k domain.TrashKind) string { return T(k.Label()) }

// trash is the recycle bin's page, shown from Settings in place of the
// current screen.
type trash struct {
	ctx context.Context
	st  *store.Store
	f   frame
	// show puts the page in the window's body; back returns to the screen
	// it was opened from.
	show func(fyne.CanvasObject)
	back func()
}

func newTrash(ctx context.Context, st *store.Store, f frame, show func(fyne.CanvasObject), back func()) *trash {
	return &trash{ctx: ctx, st: st, f: f, show: show, back: back}
}

// buttonText is Settings' way into the recycle bin, with how many
// records wait there.
func (t *trash) buttonText() string {
	items, err := t.st.Trash(t.ctx)
	if err != nil || len(items) == 0 {
		return T("Thùng rác")
	}
	return fmt.Sprintf(T("Thùng rác (%d)"), len(items))
}

// open shows the recycle bin in place of the current screen; Quay
// lại returns to it.
func (t *trash) open() { t.show(t.page()) }

// page lists the records waiting in the recycle bin, each with
// Khôi phục and Xóa vĩnh viễn, and Dọn thùng rác for all of them; what
// deletes for good asks first.
func (t *trash) page() fyne.CanvasObject {
	items, err := t.st.Trash(t.ctx)
	if err != nil {
		t.f.showError(err)
	}
	backBtn := newButtonWithIcon(t.f, T("Quay lại"), theme.NavigateBackIcon(), t.back)
	emptyBtn := newButtonWithIcon(t.f, T("Dọn thùng rác"), theme.DeleteIcon(), func() {
		t.f.confirm(T("Dọn thùng rác"), fmt.Sprintf(T("Xóa vĩnh viễn %d mục trong thùng rác? Việc này không hoàn tác được."), len(items)), func() {
			if _, err := t.st.EmptyTrash(t.ctx); err != nil {
				t.f.showError(err)
				return
			}
			t.open()
		})
	})
	emptyBtn.Importance = widget.DangerImportance
	if len(items) == 0 {
		emptyBtn.Disable()
	}
	// Backups keep people erased for good until they rotate out (up to a
	// year): Nghị định 13/2023 lets a person ask for that copy to go too.
	backupsBtn := newButtonWithIcon(t.f, T("Xóa cả khỏi bản sao lưu"), theme.DeleteIcon(), t.eraseFromBackups)
	title := heading(T("Thùng rác"))
	title.SizeName = theme.SizeNameSubHeadingText
	note := widget.NewLabel(T("Người, chi đoàn, câu lạc bộ và tổ hợp tác đã xóa nằm ở đây cùng mọi thông tin liên quan, cho đến khi khôi phục hoặc xóa vĩnh viễn.") + " " +
		T("Người đã xóa vĩnh viễn vẫn còn trong các bản sao lưu cũ cho đến khi chúng hết hạn giữ (tới một năm); Xóa cả khỏi bản sao lưu xóa họ ở đó nữa."))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(
		container.NewBorder(nil, nil, backBtn, container.NewHBox(backupsBtn, emptyBtn), title),
		note,
	)
	list := container.NewVBox()
	if len(items) == 0 {
		list.Add(widget.NewLabel(T("Thùng rác trống.")))
	}
	for _, it := range items {
		list.Add(t.row(it))
	}
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(list))
}

// eraseFromBackups takes the people erased for good out of every backup
// in the backups folder, after asking.
func (t *trash) eraseFromBackups() {
	t.f.confirm(T("Xóa cả khỏi bản sao lưu"), T("Xóa hẳn những người đã xóa vĩnh viễn khỏi mọi bản sao lưu trong thư mục sao lưu? Việc này không hoàn tác được; bản chép ra USB thì phải tự xóa."), func() {
		res, err := t.st.EraseFromBackups(t.ctx)
		if err != nil {
			t.f.showError(err)
			return
		}
		if res.People == 0 {
			t.f.info(T("Xóa cả khỏi bản sao lưu"), T("Chưa có ai bị xóa vĩnh viễn: các bản sao lưu không cần sửa."))
			return
		}
		t.f.info(T("Xóa cả khỏi bản sao lưu"), fmt.Sprintf(T("Đã xóa %d người đã xóa vĩnh viễn khỏi %d bản sao lưu."), res.People, res.Files))
	})
}

// row is one record of the recycle bin with its two actions.
func (t *trash) row(it store.TrashItem) fyne.CanvasObject {
	text := trashKindLabel(it.Kind) + ": " + it.Label + " · " + fmt.Sprintf(T("xóa lúc %s"), store.FormatStamp(it.DeletedAt))
	if it.Links > 0 {
		text += " · " + fmt.Sprintf(T("kèm %d mục liên quan"), it.Links)
	}
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	restore := newButtonWithIcon(t.f, T("Khôi phục"), theme.ContentUndoIcon(), func() {
		res, err := t.st.RestoreTrash(t.ctx, it.Kind, it.ID)
		if err != nil {
			t.f.showError(err)
			return
		}
		t.open()
		msg := fmt.Sprintf(T("Đã khôi phục %s."), res.Label)
		t.f.notify(msg)
		if len(res.Notes) > 0 {
			msg += "\n" + T("Lưu ý:")
			for _, n := range res.Notes {
				msg += "\n– " + errText(n)
			}
		}
		t.f.info(T("Khôi phục"), msg)
	})
	purge := newButtonWithIcon(t.f, T("Xóa vĩnh viễn"), theme.DeleteIcon(), func() {
		t.f.confirm(T("Xóa vĩnh viễn"), fmt.Sprintf(T("Xóa vĩnh viễn %s? Việc này không hoàn tác được."), it.Label), func() {
			if err := t.st.PurgeTrash(t.ctx, it.Kind, it.ID); err != nil {
				t.f.showError(err)
				return
			}
			t.f.notify(fmt.Sprintf(T("Đã xóa vĩnh viễn %s."), it.Label))
			t.open()
		})
	})
	purge.Importance = widget.LowImportance
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewHBox(restore, purge), label)
}
