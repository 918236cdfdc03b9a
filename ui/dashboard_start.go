package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// addFirstSteps adds to the dashboard's Cần chú ý, while the register
// holds no one yet, the two ways a ward starts it: one person at a time,
// or the Excel lists its secretary keeps today. The buttons do what the
// Đoàn viên screen's Thêm and Nhập từ Excel do, on that screen, so that
// the list shows who was added.
func (d *dashboard) addFirstSteps(alerts *fyne.Container) {
	n, err := d.st.CountMembers(d.ctx, store.MemberFilter{})
	if err != nil {
		d.f.showError(err)
		return
	}
	if n > 0 {
		return
	}
	line := widget.NewLabelWithStyle(T("Sổ chưa có đoàn viên: Thêm từng người, hoặc Nhập từ Excel danh sách đang có"),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	line.Wrapping = fyne.TextWrapWord
	add := newButtonWithIcon(d.f, T("Thêm từng người"), theme.ContentAddIcon(), func() {
		d.onMembers(func(m *membersScreen) { m.newRecord() })
	})
	add.Importance = widget.HighImportance
	imp := newButtonWithIcon(d.f, T("Nhập từ Excel"), theme.UploadIcon(), func() {
		d.goTo("members")
		d.importFile()
	})
	imp.Importance = widget.HighImportance
	alerts.Add(container.NewVBox(line, container.NewHBox(add, imp)))
}
