package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
)

// A file opened from outside the window: double-clicked in Explorer (the
// installer makes Sổ Đoàn the program of .sodoan packages, issue 21),
// given on the command line, or dropped on the window. A ward's package
// goes to the consolidation screen's passphrase; a spreadsheet to the
// import's preview. Nothing is written before the user confirms there.

// OpenFile opens path as its kind says. Called before the window runs, it
// waits until the window is on the screen, where its dialogs can show.
func (a *App) OpenFile(path string) {
	a.fa.Lifecycle().SetOnStarted(func() {
		// SetOnStarted holds one hook: keep the window's placement too.
		a.restorePlace()
		a.do(func() { a.openFile(path) })
	})
}

func (a *App) openFile(path string) {
	if a.st == nil {
		a.info(T("Mở tệp"), fmt.Sprintf(T("Hãy tạo sổ trước, rồi mở lại %s."), filepath.Base(path)))
		return
	}
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		a.showError(fmt.Errorf(T("Không mở được %s: không có tệp này."), path))
		return
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".sodoan" {
		a.openPackage(path)
		return
	}
	for _, e := range sheetExts {
		if ext == e {
			a.imports.start(path)
			return
		}
	}
	a.showError(fmt.Errorf(T("Sổ Đoàn không mở được loại tệp này: %s (mở được gói .sodoan và bảng .xlsx, .csv, .xls)"), filepath.Base(path)))
}

// openPackage takes a ward's package to the consolidation screen's
// passphrase. A ward's own register cannot take one: the package goes to
// the upper level, and the message says so instead of failing later.
func (a *App) openPackage(path string) {
	cons, err := a.st.IsConsolidation(a.ctx)
	if err != nil {
		a.showError(err)
		return
	}
	if !cons {
		a.info(T("Gói số liệu"), fmt.Sprintf(T("%s là gói số liệu một cơ sở Đoàn gửi cấp trên. Sổ đang mở là sổ của đơn vị nên không nhận gói: cấp trên nhập gói vào sổ tổng hợp của mình (màn hình Các cơ sở Đoàn, nút Nhập gói)."), filepath.Base(path)))
		return
	}
	a.goTo("wards")
	if s, ok := a.screens["wards"].(*consolidationScreen); ok {
		s.askPassphrase(path)
	}
}

// droppedPackage opens the first package among files dropped on the
// window; false when there is none.
func (a *App) droppedPackage(uris []fyne.URI) bool {
	for _, u := range uris {
		if strings.EqualFold(u.Extension(), ".sodoan") {
			a.openPackage(u.Path())
			return true
		}
	}
	return false
}
