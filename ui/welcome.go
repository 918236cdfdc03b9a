package ui

import (
	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// demoMembers is the size of the demo ward offered at first start.
const demoMembers = 1500

// welcome asks for the unit's names on first start and offers an empty
// register or the demo ward.
func (a *App) welcome() fyne.CanvasObject {
	uf := newUnitForm(a, domain.Unit{IssuerCode: "ĐTN"})
	// A line counting seconds, not an endless bar: the bar redraws the
	// window every frame and takes a processor from the work it waits for.
	progress := container.NewStack()
	var emptyBtn, demoBtn *button
	emptyBtn = newButtonWithIcon(a, T("Bắt đầu với sổ trống"), theme.DocumentIcon(), func() {
		if a.ensureRegister() && uf.save(a.ctx, a.st, a) {
			a.buildMain()
		}
	})
	emptyBtn.Importance = widget.HighImportance
	demoBtn = newButtonWithIcon(a, T("Xem thử với phường mẫu"), theme.ViewFullScreenIcon(), func() {
		if !a.ensureRegister() {
			return
		}
		// Names typed before choosing the demo are kept; the demo ward
		// brings its own otherwise.
		if uf.name.Text != "" && !uf.save(a.ctx, a.st, a) {
			return
		}
		emptyBtn.Disable()
		demoBtn.Disable()
		working := newElapsed(a.do, T("Đang tạo phường mẫu…"))
		progress.Objects = []fyne.CanvasObject{working.label}
		progress.Refresh()
		go func() {
			err := a.generateDemo(demoMembers)
			a.do(func() {
				working.stop()
				progress.Objects = nil
				progress.Refresh()
				emptyBtn.Enable()
				demoBtn.Enable()
				if err != nil {
					a.showError(err)
					return
				}
				a.buildMain()
			})
		}()
	})
	title := widget.NewLabel(T("Chào mừng đến với Sổ Đoàn"))
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel(T("Sổ quản lý đoàn viên, hội viên, chi đoàn và chỉ tiêu của Đoàn phường, xã.\nNhập tên đơn vị để in lên đầu văn bản (có thể sửa sau trong Cài đặt).\nSổ trống chưa có kế hoạch: nhập kế hoạch của đơn vị ở mục Kế hoạch & chỉ tiêu, các chỉ tiêu 2.1–2.8 của cấp trên có sẵn làm mẫu."))
	intro.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, intro, uf.view(), uf.other,
		container.NewHBox(emptyBtn, demoBtn), progress)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(720, 560), box))
}

// ensureRegister makes the register file when the window was opened on a
// path where none exists yet (Options.Create): only now, when the user
// chooses to start one, so that closing the welcome screen leaves nothing
// behind. It reports false, with the error shown, when it cannot.
func (a *App) ensureRegister() bool {
	if a.st != nil {
		return true
	}
	st, err := a.opts.Create()
	if err != nil {
		a.showError(err)
		return false
	}
	a.setRegister(st)
	return true
}
