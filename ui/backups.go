package ui

import (
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

// The register's file, its backups and restore, for the Settings screen.
// Every backup is made by the store (the same the command line uses).

// backupSection shows the register's file, its backups folder and last
// backup, with the buttons to back up (into the folder, or to a place
// chosen such as a USB stick) and to restore.
func (a *App) backupSection() fyne.CanvasObject {
	info := widget.NewLabel(a.backupText())
	info.Wrapping = fyne.TextWrapWord
	done := func(dest string) {
		info.SetText(a.backupText())
		a.info(T("Sao lưu"), T("Đã sao lưu vào")+"\n"+dest)
	}
	var now *button
	now = newButtonWithIcon(T("Sao lưu ngay"), theme.DownloadIcon(), func() {
		// Off the UI goroutine: a large ward takes a second or two.
		now.Disable()
		go func() {
			b, err := a.st.BackupNow(a.ctx, store.BackupManual)
			a.do(func() {
				now.Enable()
				if err != nil {
					a.showError(err)
					return
				}
				done(b.Path)
			})
		}()
	})
	elsewhere := newButtonWithIcon(T("Sao lưu ra nơi khác…"), theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				a.showError(err)
				return
			}
			if dir == nil {
				return
			}
			dest, err := a.backupTo(dir.Path())
			if err != nil {
				a.showError(err)
				return
			}
			done(dest)
		}, a.win)
		a.showDialog(d, nil)
	})
	restore := newButtonWithIcon(T("Khôi phục từ bản sao lưu…"), theme.HistoryIcon(), a.restoreDialog)
	if a.st.ReadOnly() {
		restore.Disable()
	}
	return container.NewVBox(
		widget.NewLabel(T("Tệp sổ:")+" "+a.st.Path()),
		widget.NewLabel(T("Thư mục sao lưu:")+" "+a.st.BackupDir()),
		info,
		container.NewHBox(now, elsewhere, restore),
	)
}

// backupTo writes a backup into dir (a USB stick), named after the
// register and the time.
func (a *App) backupTo(dir string) (string, error) {
	base := filepath.Base(a.st.Path())
	base = base[:len(base)-len(filepath.Ext(base))]
	dest := filepath.Join(dir, base+"-"+a.fileStamp()+".db")
	if err := a.st.Backup(a.ctx, dest); err != nil {
		return "", err
	}
	return dest, nil
}

// backupText tells when the register was last backed up, and warns after
// store.BackupStale days.
func (a *App) backupText() string {
	list, _ := a.st.Backups()
	days := a.daysSinceBackup()
	switch {
	case days < 0:
		return T("Chưa sao lưu lần nào.")
	case len(list) > 0 && domain.DateOf(list[0].Time) == a.today():
		return fmt.Sprintf(T("Lần sao lưu gần nhất: hôm nay lúc %s (%s)."), list[0].Time.Format("15:04"), T(list[0].Reason.Label()))
	case days > store.BackupStale:
		return fmt.Sprintf(T("Đã %d ngày chưa sao lưu: hãy sao lưu ngay."), days)
	}
	return fmt.Sprintf(T("Lần sao lưu gần nhất: %d ngày trước."), days)
}

// daysSinceBackup is the number of days since the last backup of the
// register (the store records it, whoever made it), or -1 when none was.
func (a *App) daysSinceBackup() int {
	last, err := a.st.LastBackup(a.ctx)
	if err != nil || last.IsZero() {
		return -1
	}
	return int(a.today().Time().Sub(last.Time()).Hours() / 24)
}

// restoreDialog offers the backups of the folder, newest first, or any
// file; the one chosen is checked, and the register replaced after the
// user agrees.
func (a *App) restoreDialog() {
	list, err := a.st.Backups()
	if err != nil {
		a.showError(err)
		return
	}
	var d dialog.Dialog
	choose := func(path string) {
		d.Hide()
		a.confirmRestore(path)
	}
	rows := widget.NewList(
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
	other := newButtonWithIcon(T("Chọn tệp khác…"), theme.FileIcon(), func() {
		fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				a.showError(err)
				return
			}
			if r == nil {
				return
			}
			r.Close()
			choose(r.URI().Path())
		}, a.win)
		a.showDialog(fd, nil)
	})
	var body fyne.CanvasObject = rows
	if len(list) == 0 {
		body = widget.NewLabel(T("Thư mục sao lưu chưa có bản nào."))
	}
	d = dialog.NewCustom(T("Khôi phục từ bản sao lưu"), T("Hủy"),
		container.NewBorder(widget.NewLabel(T("Chọn bản sao lưu:")), other, nil, nil, body), a.win)
	d.Resize(fyne.NewSize(640, 420))
	a.showDialog(d, nil)
}

// confirmRestore checks the file and, once the user agrees, restores it.
func (a *App) confirmRestore(path string) {
	c, err := store.CheckBackup(a.ctx, path)
	if err != nil {
		a.showError(err)
		return
	}
	msg := fmt.Sprintf(T("Khôi phục sổ từ %s?\n%s người, đơn vị %s.\nSổ hiện tại được sao lưu trước vào thư mục sao lưu."),
		path, fmtInt(int64(c.People)), c.Unit)
	a.confirm(T("Khôi phục"), msg, func() {
		// Off the UI goroutine, behind a dialog that keeps the window's
		// screens (and their writes) out of reach until it is done.
		working := a.newElapsed(T("Đang khôi phục…"))
		wait := dialog.NewCustomWithoutButtons(T("Khôi phục"), working.label, a.win)
		wait.Show()
		go func() {
			r, err := a.st.Restore(a.ctx, path)
			a.do(func() {
				working.stop()
				wait.Hide()
				if err != nil {
					a.showError(err)
					return
				}
				a.rebuild()
				a.updateTitle()
				a.info(T("Khôi phục"), T("Đã khôi phục sổ. Sổ trước khi khôi phục được giữ ở")+"\n"+r.Before.Path)
			})
		}()
	})
}

// withReadOnlyBanner puts a banner above o when the register is open
// read-only (the file or its folder may not be written).
func (a *App) withReadOnlyBanner(o fyne.CanvasObject) fyne.CanvasObject {
	if !a.st.ReadOnly() {
		return o
	}
	msg := widget.NewLabel(T("Sổ đang mở chỉ đọc") + ": " + T("tệp hoặc thư mục của sổ không cho phép ghi, nên không lưu được thay đổi nào."))
	msg.TextStyle.Bold = true
	msg.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	return container.NewBorder(container.NewStack(bg, msg), nil, nil, nil, o)
}
