package ui

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"
)

// askReplace asks whether the file at path may be replaced and waits for
// the answer: the Ask of the store's outputs (store.Output), so that the
// window never replaces a file silently. Call it off the UI goroutine.
func (fs *folders) askReplace(path string) bool {
	answer := make(chan bool, 1)
	fs.do(func() {
		d := dialog.NewConfirm(T("Thay thế tệp?"), fmt.Sprintf(T("Tệp %s đã có. Thay thế tệp này?"), path),
			func(ok bool) { answer <- ok }, fs.win)
		d.SetConfirmText(T("Thay thế"))
		d.SetDismissText(T("Giữ tệp cũ"))
		fs.f.showDialog(d, nil)
	})
	return <-answer
}
