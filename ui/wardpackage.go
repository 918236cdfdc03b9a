package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sodoan/wardpkg"
)

// packageDialog asks a ward for the passphrase of the package it sends to
// its upper level (twice, since a typo would lock the upper level out),
// then writes the package into this year's documents folder. It returns
// the two entries (for the tests).
func (a *App) packageDialog(done func(path string, err error)) (pass, again *widget.Entry) {
	pass, again = widget.NewPasswordEntry(), widget.NewPasswordEntry()
	pass.SetPlaceHolder(fmt.Sprintf(T("ít nhất %d ký tự"), wardpkg.MinPassphrase))
	hint := widget.NewLabel(T("Gói chứa toàn bộ sổ, mã hóa bằng mật khẩu này. Báo mật khẩu cho cấp trên qua đường khác (điện thoại, gặp trực tiếp), không gửi kèm tệp."))
	hint.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", hint),
		widget.NewFormItem(T("Mật khẩu"), pass),
		widget.NewFormItem(T("Nhập lại mật khẩu"), again),
	}
	d := dialog.NewForm(T("Lập gói số liệu gửi cấp trên"), T("Lập gói"), T("Hủy"), items, func(ok bool) {
		if !ok {
			return
		}
		if pass.Text != again.Text {
			a.showError(fmt.Errorf("%s", T("Hai lần nhập mật khẩu không khớp: chưa lập gói")))
			return
		}
		if err := wardpkg.CheckPassphrase(pass.Text); err != nil {
			a.showError(err)
			return
		}
		text := pass.Text
		go func() {
			path, err := a.writePackage(text)
			a.do(func() {
				if err != nil {
					a.showError(err)
				} else {
					a.info(T("Đã lập gói số liệu"), fmt.Sprintf(T("Đã lập gói %s. Gửi tệp này cho cấp trên."), path))
				}
				if done != nil {
					done(path, err)
				}
			})
		}()
	}, a.win)
	d.Resize(fyne.NewSize(560, 300))
	again.OnSubmitted = func(string) { d.Submit() }
	a.showDialog(d, nil)
	return pass, again
}

// writePackage writes the register's package, encrypted with passphrase,
// into this year's documents folder under a name that carries the moment,
// so that each package is a new file.
func (a *App) writePackage(passphrase string) (string, error) {
	dir, err := a.yearDir(a.thisYear())
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "goi-so-lieu-"+a.fileStamp()+".sodoan")
	if _, err := wardpkg.Export(a.ctx, a.st, path, passphrase, false); err != nil {
		return "", err
	}
	return path, nil
}
