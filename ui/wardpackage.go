package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/wardpkg"
)

// packageForm is the dialog that makes the package for the upper level.
type packageForm struct {
	pass, again *entry
	msg         *widget.Label // why the passphrases were refused; hidden when none
	d           *dialog.CustomDialog
}

// packageDialog asks a ward for the passphrase of the package it sends to
// its upper level (twice, since a typo would lock the upper level out),
// then writes the package into this year's documents folder. Passphrases
// that differ or are too short keep the dialog open with what was typed
// and say why. It returns the form (for the tests).
func (s *reportsScreen) packageDialog(done func(path string, err error)) *packageForm {
	// The app's entries, which pass Esc and Ctrl+S to the dialog.
	pf := &packageForm{pass: newPasswordEntry(s.f), again: newPasswordEntry(s.f), msg: widget.NewLabel("")}
	pf.pass.SetPlaceHolder(fmt.Sprintf(T("ít nhất %d ký tự"), wardpkg.MinPassphrase))
	pf.msg.Importance = widget.DangerImportance
	pf.msg.Wrapping = fyne.TextWrapWord
	pf.msg.Hide()
	hint := widget.NewLabel(T("Gói chứa toàn bộ sổ, mã hóa bằng mật khẩu này. Báo mật khẩu cho cấp trên qua đường khác (điện thoại, gặp trực tiếp), không gửi kèm tệp."))
	hint.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(T("Mật khẩu"), pf.pass),
		widget.NewFormItem(T("Nhập lại mật khẩu"), pf.again),
	)
	submit := func() {
		text, problem := pf.check()
		if problem != "" {
			pf.msg.SetText(problem)
			pf.msg.Show()
			s.win.Canvas().Focus(pf.again)
			return
		}
		pf.d.Hide()
		go func() {
			path, err := s.writePackage(text)
			s.do(func() {
				if err != nil {
					s.f.showError(err)
				} else {
					s.folders.fileReady(T("Đã lập gói số liệu"), fmt.Sprintf(T("Đã lập gói %s. Gửi tệp này cho cấp trên."), path), path)
				}
				if done != nil {
					done(path, err)
				}
			})
		}()
	}
	pf.d = dialog.NewCustomWithoutButtons(T("Lập gói số liệu gửi cấp trên"), container.NewVBox(hint, form, pf.msg), s.win)
	ok := newButton(s.f, T("Lập gói"), submit)
	ok.Importance = widget.HighImportance
	pf.d.SetButtons([]fyne.CanvasObject{newButton(s.f, T("Hủy")+" (Esc)", pf.d.Hide), ok})
	pf.d.Resize(fyne.NewSize(560, 320))
	pf.pass.OnSubmitted = func(string) { s.win.Canvas().Focus(pf.again) }
	pf.again.OnSubmitted = func(string) { submit() }
	s.f.showDialog(pf.d, submit)
	s.win.Canvas().Focus(pf.pass)
	return pf
}

// check is the passphrase typed, or why it cannot be used.
func (pf *packageForm) check() (pass, problem string) {
	if pf.pass.Text != pf.again.Text {
		return "", T("Hai lần nhập mật khẩu không khớp: nhập lại ô thứ hai cho giống ô thứ nhất.")
	}
	if err := wardpkg.CheckPassphrase(pf.pass.Text); err != nil {
		return "", capital(errText(err))
	}
	return pf.pass.Text, ""
}

// writePackage writes the register's package, encrypted with passphrase,
// into this year's documents folder under a name that carries the ward's
// name and the moment, so that the upper level tells the wards' packages
// apart and each package is a new file.
func (s *reportsScreen) writePackage(passphrase string) (string, error) {
	dir, err := s.folders.yearDir(s.clock.thisYear())
	if err != nil {
		return "", err
	}
	name := "goi-so-lieu-"
	if u, err := s.st.Unit(s.ctx); err == nil {
		if slug := domain.FileSlug(report.UnitName(u)); slug != "" {
			name += slug + "-"
		}
	}
	path := filepath.Join(dir, name+s.clock.fileStamp()+".sodoan")
	if _, err := wardpkg.Export(s.ctx, s.st, path, passphrase, false); err != nil {
		return "", err
	}
	return path, nil
}
