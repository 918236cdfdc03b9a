package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// backups is the Settings section over the register's file, its backups
// and restore. Every backup is made by the store (the same the command
// line uses).
type backups struct {
	ctx   context.Context
	st    *store.Store
	clock clock       // names a backup made elsewhere, tells how old the last one is
	win   fyne.Window // the parent of the file and wait dialogs
	f     frame
	do    func(func()) // runs UI updates from the backup's goroutine
	// restored is called once the register was replaced, so that the
	// window shows what the restored file holds.
	restored func()
}

func newBackups(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, do func(func()), restored func()) *backups {
	return &backups{ctx: ctx, st: st, clock: clock, win: win, f: f, do: do, restored: restored}
}

// content shows the register's file, its backups folder and last
// backup, with the buttons to back up (into the folder, or to a place
// chosen such as a USB stick) and to restore.
func (bk *backups) content() fyne.CanvasObject {
	info := widget.NewLabel(bk.backupText())
	info.Wrapping = fyne.TextWrapWord
	done := func(dest string) {
		info.SetText(bk.backupText())
		bk.f.info(T("Sao lưu"), T("Đã sao lưu vào")+"\n"+dest)
	}
	var now *button
	now = newButtonWithIcon(bk.f, T("Sao lưu ngay"), theme.DownloadIcon(), func() {
		// Off the UI goroutine: a large ward takes a second or two.
		now.Disable()
		go func() {
			made, err := bk.st.BackupNow(bk.ctx, store.BackupManual)
			bk.do(func() {
				now.Enable()
				if err != nil {
					bk.f.showError(err)
					return
				}
				done(made.Path)
			})
		}()
	})
	elsewhere := newButtonWithIcon(bk.f, T("Sao lưu ra nơi khác…"), theme.FolderOpenIcon(), nil)
	elsewhere.OnTapped = func() { bk.backupElsewhere(elsewhere, done) }
	restore := newButtonWithIcon(bk.f, T("Khôi phục từ bản sao lưu…"), theme.HistoryIcon(), bk.restoreDialog)
	if bk.st.ReadOnly() {
		restore.Disable()
	}
	return container.NewVBox(
		widget.NewLabel(T("Tệp sổ:")+" "+bk.st.Path()),
		widget.NewLabel(T("Thư mục sao lưu:")+" "+bk.st.BackupDir()),
		info,
		container.NewHBox(now, elsewhere, restore),
	)
}

// backupElsewhere asks, in a Save dialog, where to put a backup (a USB
// stick, a shared folder), offering the backup's usual name; the register
// and its backups are refused there, and no file is replaced. The backup
// runs off the UI goroutine with btn disabled; done says where it went.
// It returns the dialog's box (nil for Windows' own).
func (bk *backups) backupElsewhere(btn *button, done func(dest string)) *saveBox {
	return chooseSave(bk.f, bk.win, bk.elsewhereSpec(), func(dest string) {
		btn.Disable()
		go func() {
			err := bk.st.Backup(bk.ctx, dest)
			bk.do(func() {
				btn.Enable()
				if err != nil {
					bk.f.showError(err)
					return
				}
				done(dest)
			})
		}()
	})
}

// elsewhereSpec is the Save dialog of a backup made elsewhere: named
// after the register and the time, opened at the documents folder.
func (bk *backups) elsewhereSpec() saveSpec {
	base := filepath.Base(bk.st.Path())
	base = base[:len(base)-len(filepath.Ext(base))]
	return saveSpec{
		title:    T("Sao lưu ra nơi khác"),
		name:     base + "-" + bk.clock.fileStamp() + ".db",
		exts:     []string{".db"},
		start:    documentsDir(),
		register: bk.st.Path(),
		backup:   true,
	}
}

// backupText tells when the register was last backed up, and warns after
// store.BackupStale days.
func (bk *backups) backupText() string {
	list, _ := bk.st.Backups()
	days := bk.daysSinceBackup()
	switch {
	case days < 0:
		return T("Chưa sao lưu lần nào.")
	case len(list) > 0 && domain.DateOf(list[0].Time) == bk.clock.today():
		return fmt.Sprintf(T("Lần sao lưu gần nhất: hôm nay lúc %s (%s)."), list[0].Time.Format("15:04"), T(list[0].Reason.Label()))
	case days > store.BackupStale:
		return fmt.Sprintf(T("Đã %d ngày chưa sao lưu: hãy sao lưu ngay."), days)
	}
	return fmt.Sprintf(T("Lần sao lưu gần nhất: %d ngày trước."), days)
}

// daysSinceBackup is the number of days since the last backup of the
// register (the store records it, whoever made it), or -1 when none was.
func (bk *backups) daysSinceBackup() int {
	last, err := bk.st.LastBackup(bk.ctx)
	if err != nil || last.IsZero() {
		return -1
	}
	return int(bk.clock.today().Time().Sub(last.Time()).Hours() / 24)
}

// restoreDialog offers the backups of the folder, newest first, or any
// file; the one chosen is checked, and the register replaced after the
// user agrees.
func (bk *backups) restoreDialog() {
	list, err := bk.st.Backups()
	if err != nil {
		bk.f.showError(err)
		return
	}
	var d dialog.Dialog
	choose := func(path string) {
		d.Hide()
		bk.confirmRestore(path)
	}
	rows := newList(bk.f,
		func() int { return len(list) },
		func() fyne.CanvasObject {
			return widget.NewLabel("28/11/2026 00:00:00 — Trước khi khôi phục — 100.000 KB")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := list[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s — %s — %s KB", b.Time.Format("02/01/2006 15:04:05"),
				T(b.Reason.Label()), fmtInt((b.Size+1023)/1024)))
		})
	rows.OnSelected = func(i widget.ListItemID) { choose(list[i].Path) }
	other := newButtonWithIcon(bk.f, T("Chọn tệp khác…"), theme.FileIcon(), func() {
		chooseFile(bk.f, bk.win, fileDialogSpec{start: bk.st.BackupDir(), exts: []string{".db"}, title: T("Chọn bản sao lưu")}, choose)
	})
	var body fyne.CanvasObject = rows
	if len(list) == 0 {
		body = widget.NewLabel(T("Thư mục sao lưu chưa có bản nào."))
	}
	d = dialog.NewCustom(T("Khôi phục từ bản sao lưu"), T("Hủy"),
		container.NewBorder(widget.NewLabel(T("Chọn bản sao lưu:")), other, nil, nil, body), bk.win)
	d.Resize(fyne.NewSize(640, 420))
	bk.f.showDialog(d, nil)
}

// confirmRestore checks the file and, once the user agrees, restores it.
// Typing not saved is asked about first: the restored register's screens
// are made anew.
func (bk *backups) confirmRestore(path string) {
	bk.f.askAllUnsaved(func() { bk.confirmChecked(path) }, nil)
}

func (bk *backups) confirmChecked(path string) {
	c, err := store.CheckBackup(bk.ctx, path)
	if err != nil {
		bk.f.showError(err)
		return
	}
	msg := fmt.Sprintf(T("Khôi phục sổ từ %s?\n%s người, đơn vị %s.\nSổ hiện tại được sao lưu trước vào thư mục sao lưu."),
		path, fmtInt(int64(c.People)), c.Unit)
	bk.f.confirm(T("Khôi phục"), msg, func() {
		// Off the UI goroutine, behind a dialog that keeps the window's
		// screens (and their writes) out of reach until it is done.
		working := newElapsed(bk.do, T("Đang khôi phục…"))
		wait := dialog.NewCustomWithoutButtons(T("Khôi phục"), working.label, bk.win)
		wait.Show()
		go func() {
			r, err := bk.st.Restore(bk.ctx, path)
			bk.do(func() {
				working.stop()
				wait.Hide()
				if err != nil {
					bk.f.showError(err)
					return
				}
				bk.restored()
				bk.f.info(T("Khôi phục"), T("Đã khôi phục sổ. Sổ trước khi khôi phục được giữ ở")+"\n"+r.Before.Path)
			})
		}()
	})
}

// withReadOnlyBanner puts a banner above o when the register is open
// read-only (the file or its folder may not be written).
func withReadOnlyBanner(st *store.Store, o fyne.CanvasObject) fyne.CanvasObject {
	var text string
	switch {
	case st.Damaged():
		// Opened only to be restored (store.ErrDamaged): nothing is
		// written until a good backup replaces it.
		text = T("Sổ bị hỏng") + ": " + T("không ghi được gì vào sổ để khỏi làm hỏng thêm. Hãy vào Cài đặt, bấm Khôi phục từ bản sao lưu… và chọn bản sao lưu tốt gần nhất")
		if good := st.LastGoodBackup(context.Background()); good != "" {
			text += " (" + filepath.Base(good) + ")"
		}
		text += "."
	case st.ReadOnly():
		text = T("Sổ đang mở chỉ đọc") + ": " + T("tệp hoặc thư mục của sổ không cho phép ghi, nên không lưu được thay đổi nào.")
	default:
		return o
	}
	msg := widget.NewLabel(text)
	msg.TextStyle.Bold = true
	msg.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	return container.NewBorder(container.NewStack(bg, msg), nil, nil, nil, o)
}
