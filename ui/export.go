package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

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
		var n int
		out := a.st.Output(path, false)
		out.Ask = a.askReplace // never over a file without asking
		err := out.Write(func(w io.Writer) error {
			var err error
			n, err = a.st.ExportMembers(a.ctx, f, w)
			return err
		})
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
