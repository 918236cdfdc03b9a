package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/theme"

	"sodoan/sheet"
	"sodoan/store"
)

// exportExcel writes the people the members screen shows (its filter and
// search, every page) to an Excel workbook in this year's reports folder,
// off the UI goroutine, then offers to open it.
func (m *membersScreen) exportExcel() {
	a := m.a
	f := m.filter
	f.Offset, f.Limit = 0, 0
	dir, err := a.yearDir(thisYear())
	if err != nil {
		a.showError(err)
		return
	}
	name := "danh-sach-doan-vien"
	if f.Kind == store.KindFederation {
		name = "danh-sach-hoi-vien"
	}
	path := filepath.Join(dir, name+"-"+time.Now().Format("2006-01-02-150405")+".xlsx")
	m.exportBtn.Disable()
	go func() {
		out := a.st.Output(path, false)
		out.Ask = a.askReplace // never over a file without asking
		n, err := sheet.ExportMembersFile(a.ctx, a.st, f, out, sheet.ExportOptions{})
		a.do(func() {
			m.exportBtn.Enable()
			if err != nil {
				a.showError(err)
				return
			}
			m.lastExport = path
			a.fileReady(T("Đã xuất Excel"), fmt.Sprintf(T("Đã ghi %s người vào %s."), store.FormatInt(int64(n)), path), path)
		})
	}()
}

// tableExportButton is the Xuất Excel button of a list screen: it writes
// the table (one of sheet.Tables) of year() to the year's documents folder
// under file-<time>.xlsx, off the UI goroutine, then offers to open it.
func (a *App) tableExportButton(table, file string, year func() int) *button {
	var b *button
	b = newButtonWithIcon(T("Xuất Excel"), theme.DownloadIcon(), func() {
		y := year()
		dir, err := a.yearDir(y)
		if err != nil {
			a.showError(err)
			return
		}
		path := filepath.Join(dir, file+"-"+time.Now().Format("2006-01-02-150405")+".xlsx")
		b.Disable()
		go func() {
			var n int
			out := a.st.Output(path, false)
			out.Ask = a.askReplace
			err := sheet.WriteFile(out, func(w io.Writer, f sheet.Format) error {
				var err error
				n, err = sheet.ExportTable(a.ctx, a.st, table, y, w, f)
				return err
			})
			a.do(func() {
				b.Enable()
				if err != nil {
					a.showError(err)
					return
				}
				a.lastTableExport = path
				a.fileReady(T("Đã xuất Excel"), fmt.Sprintf(T("Đã ghi %s dòng vào %s."), store.FormatInt(int64(n)), path), path)
			})
		}()
	})
	return b
}
