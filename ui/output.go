package ui

import (
	"errors"
	"fmt"
	"io"

	"fyne.io/fyne/v2/dialog"

	"sodoan/store"
)

// notReplaced is the error of a save the user declined, keeping the
// existing file.
type notReplaced struct{}

func (notReplaced) Error() string { return T("Đã giữ nguyên tệp cũ, không ghi tệp mới") }

// saveFile writes path through the store's output check (never the
// register, its companions or its backups folder), asking "Thay thế tệp
// …?" before it replaces an existing file. It runs off the UI goroutine:
// the question is posted to the window and the answer awaited.
func (a *App) saveFile(path string, write func(io.Writer) error) error {
	out := a.st.Output(path, false)
	err := out.Check()
	if errors.Is(err, store.ErrOutputExists) {
		if !a.askReplace(path) {
			return notReplaced{}
		}
		out.Replace = true
	} else if err != nil {
		return err
	}
	return out.Write(write)
}

// askReplace asks whether the file at path may be replaced and waits for
// the answer; call it off the UI goroutine.
func (a *App) askReplace(path string) bool {
	answer := make(chan bool, 1)
	a.do(func() {
		d := dialog.NewConfirm(T("Thay thế tệp?"), fmt.Sprintf(T("Tệp %s đã có. Thay thế tệp này?"), path),
			func(ok bool) { answer <- ok }, a.win)
		d.SetConfirmText(T("Thay thế"))
		d.SetDismissText(T("Giữ tệp cũ"))
		a.showDialog(d, nil)
	})
	return <-answer
}
