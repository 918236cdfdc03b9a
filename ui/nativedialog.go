package ui

import (
	"fmt"
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// nativeRequest is what the system's own file dialog is asked for.
type nativeRequest struct {
	save, folder bool
	title        string
	start        string // the folder it opens at
	name         string // the file name offered (save)
	filters      []nativeFilter
}

// nativeFilter is one line of the dialog's "files of type" list.
type nativeFilter struct {
	desc string
	exts []string // without the dot; "*" for every file
}

// fileKind names a kind of file the app reads or writes, for the
// dialog's list of types.
func fileKind(ext string) string {
	switch ext {
	case ".xlsx", ".xls", ".csv":
		return T("Bảng tính")
	case ".sodoan":
		return T("Gói số liệu Sổ Đoàn")
	case ".db":
		return T("Sổ dữ liệu hoặc bản sao lưu")
	case ".pdf":
		return T("Văn bản PDF")
	}
	return T("Tệp")
}

// nativeFilters is the types list for exts: one line with all of them
// ("Bảng tính (*.xlsx; *.csv; *.xls)"), then every file.
func nativeFilters(exts []string) []nativeFilter {
	var out []nativeFilter
	if len(exts) > 0 {
		desc := fileKind(exts[0])
		pats := make([]string, len(exts))
		bare := make([]string, len(exts))
		for i, e := range exts {
			bare[i] = strings.TrimPrefix(e, ".")
			pats[i] = "*" + e
		}
		out = append(out, nativeFilter{desc: fmt.Sprintf("%s (%s)", desc, strings.Join(pats, "; ")), exts: bare})
	}
	return append(out, nativeFilter{desc: T("Mọi tệp") + " (*.*)", exts: []string{"*"}})
}

// showNative shows the system's dialog (on Windows) and calls chosen on
// the UI goroutine with the path picked; false when there is none to
// show, and Fyne's is used. While it is open the window stays drawn but
// out of reach, behind a note that says where the dialog is. When the
// system's dialog cannot be shown, fallback shows Fyne's.
func showNative(win fyne.Window, r nativeRequest, chosen func(path string), fallback func()) bool {
	if !nativeDialogs() {
		return false
	}
	note := widget.NewLabel(T("Hộp chọn của Windows đang mở. Nếu không thấy, bấm vào biểu tượng của nó trên thanh tác vụ."))
	note.Wrapping = fyne.TextWrapWord
	wait := dialog.NewCustomWithoutButtons(r.title, note, win)
	wait.Resize(fyne.NewSize(480, 140))
	wait.Show()
	go func() {
		path, err := runNative(r)
		fyne.Do(func() {
			wait.Hide()
			// The keyboard back to the window (under Wine without a
			// window manager it stayed with the closed dialog).
			win.RequestFocus()
			switch {
			case err != nil:
				log.Printf("hộp chọn tệp của Windows: %v; dùng hộp của chương trình", err)
				fallback()
			case path != "":
				chosen(path)
			}
		})
	}()
	return true
}
