package ui

import (
	"fmt"
	"path/filepath"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/desktop"
)

// fileButtons are the buttons beside a file the program made: Mở tệp, Mở
// thư mục, In and Gửi email, each handing the file to the system through
// package desktop. path gives the file at the moment of the click.
type fileButtons struct {
	open, folder, print, email *button
	saveAs                     *button // Lưu bản sao…: a copy elsewhere (savecopy.go)
	row                        *fyne.Container
}

// fileButtons makes the buttons for the file path() names; before,
// when set, runs first (a dialog closing itself).
func (fs *folders) fileButtons(path func() string, before func()) *fileButtons {
	act := func(do func(string)) func() {
		return func() {
			if before != nil {
				before()
			}
			if p := path(); p != "" {
				do(p)
			}
		}
	}
	b := &fileButtons{
		open:   newButtonWithIcon(fs.f, T("Mở tệp"), theme.FileIcon(), act(fs.openPath)),
		folder: newButtonWithIcon(fs.f, T("Mở thư mục"), theme.FolderOpenIcon(), act(fs.showFile)),
		print:  newButtonWithIcon(fs.f, T("In"), theme.DocumentPrintIcon(), act(fs.printFile)),
		email:  newButtonWithIcon(fs.f, T("Gửi email"), theme.MailSendIcon(), act(fs.emailFile)),
		saveAs: newButtonWithIcon(fs.f, T("Lưu bản sao…"), theme.DocumentSaveIcon(), act(func(p string) { fs.saveCopy(p) })),
	}
	b.row = container.NewHBox(b.open, b.folder, b.print, b.email, b.saveAs)
	return b
}

// setEnabled enables or disables the buttons together.
func (b *fileButtons) setEnabled(on bool) {
	for _, x := range []*button{b.open, b.folder, b.print, b.email, b.saveAs} {
		if on {
			x.Enable()
		} else {
			x.Disable()
		}
	}
}

// openPath shows a file or folder with the system's program, off the UI
// goroutine (xdg-open may take a moment). Where that fails (no PDF
// viewer, no xdg-open, a file since deleted) it says why and where the
// file is, with a button that copies the path.
func (fs *folders) openPath(path string) {
	if path == "" || path == "." {
		return
	}
	fs.hand(T("Không mở được"), path, func() error { return desktop.Open(path) }, nil)
}

// showFile opens the folder of a file with the file selected (Explorer)
// or the folder itself (Linux).
func (fs *folders) showFile(path string) {
	fs.hand(T("Không mở được"), path, func() error { return desktop.Show(path) }, nil)
}

// printFile sends a file to the default printer and says so.
func (fs *folders) printFile(path string) {
	fs.hand(T("Không in được"), path, func() error { return desktop.Print(path) }, func() {
		fs.f.notify(fmt.Sprintf(T("Đã gửi %s tới máy in mặc định."), filepath.Base(path)))
	})
}

// emailFile starts a new e-mail with the file attached; without a mail
// program it opens the file's folder and says to attach it by hand.
func (fs *folders) emailFile(path string) {
	var outcome desktop.EmailOutcome
	fs.hand(T("Không gửi được"), path, func() error {
		var err error
		outcome, err = desktop.Email(path)
		return err
	}, func() {
		if outcome == desktop.FolderShown {
			fs.f.info(T("Gửi email"), fmt.Sprintf(T("Máy chưa có chương trình thư. Đã mở thư mục có tệp %s: đính kèm tệp này vào thư bằng tay."), filepath.Base(path)))
			return
		}
		fs.f.notify(fmt.Sprintf(T("Đã mở thư mới kèm tệp %s."), filepath.Base(path)))
	})
}

// hand runs do (one of package desktop's) off the UI goroutine, then ok
// on success or the failure's message under title, on the UI goroutine.
func (fs *folders) hand(title, path string, do func() error, ok func()) {
	go func() {
		err := do()
		fs.do(func() {
			if err != nil {
				fs.cannotOpen(title, path, err)
				return
			}
			if ok != nil {
				ok()
			}
		})
	}()
}

// cannotOpen says why the system could not take the file, and where the
// file is, with a button that copies its path.
func (fs *folders) cannotOpen(title, path string, err error) {
	var d dialog.Dialog
	loc := newEntry(fs.f)
	loc.SetText(path)
	copyBtn := newButtonWithIcon(fs.f, T("Chép đường dẫn"), theme.ContentCopyIcon(), func() {
		fs.fa.Clipboard().SetContent(path)
		fs.f.notify(T("Đã chép đường dẫn."))
		d.Hide()
	})
	fs.problem = capital(errText(err))
	msg := widget.NewLabel(fs.problem + ".\n" + T("Tệp nằm ở:"))
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom(title, T("Đóng"), container.NewVBox(msg, loc, container.NewHBox(copyBtn)), fs.win)
	d.Resize(fyne.NewSize(600, 240))
	fs.f.showDialog(d, nil)
}

// capital is s with its first letter upper case: a message that starts a
// sentence.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
