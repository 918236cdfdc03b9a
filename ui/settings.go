package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/version"
)

// settingsScreen edits the unit, the language, and makes backups.
type settingsScreen struct {
	a       *App
	root    *fyne.Container
	backups *backups
	trash   *trash
}

func newSettingsScreen(a *App) *settingsScreen {
	restored := func() {
		a.rebuild()
		a.updateTitle()
	}
	return &settingsScreen{a: a, root: container.NewStack(),
		backups: newBackups(a.ctx, a.st, a.win, a, a.do, restored),
		trash:   newTrash(a.ctx, a.st, a, a.setBody, a.back)}
}

func (s *settingsScreen) view() fyne.CanvasObject { return s.root }

func (s *settingsScreen) refresh() {
	a := s.a
	u, err := a.st.Unit(a.ctx)
	if err != nil {
		a.showError(err)
		return
	}
	uf := newUnitForm(a, u)
	saveUnit := newButtonWithIcon(a, T("Lưu thông tin đơn vị"), theme.DocumentSaveIcon(), func() {
		if uf.save(a) {
			a.updateTitle()
			a.notify(T("Đã lưu thông tin đơn vị."))
		}
	})
	saveUnit.Importance = widget.HighImportance
	a.onSave(&uf.form, func() []fyne.CanvasObject { return append(append([]fyne.CanvasObject{}, uf.grids...), saveUnit) }, saveUnit.OnTapped)

	langSel := newSelect(a, []string{"Tiếng Việt", "English"}, nil)
	if currentLang == LangEnglish {
		langSel.SetSelectedIndex(1)
	} else {
		langSel.SetSelectedIndex(0)
	}
	langSel.OnChanged = func(string) {
		code := LangVietnamese
		if langSel.SelectedIndex() == 1 {
			code = LangEnglish
		}
		if err := SetLanguage(code); err != nil {
			a.showError(err)
			return
		}
		a.fa.Preferences().SetString(prefLanguage, code)
		a.rebuild()
	}

	checkBtn := newButtonWithIcon(a, T("Kiểm tra sổ"), theme.SearchIcon(), func() {
		v, problems, err := a.st.Check(a.ctx)
		if err != nil {
			a.showError(err)
			return
		}
		msg := fmt.Sprintf(T("Phiên bản dữ liệu %d. Không phát hiện lỗi."), v)
		if len(problems) > 0 {
			msg = fmt.Sprintf(T("Phiên bản dữ liệu %d. Vấn đề:"), v) + "\n" + strings.Join(problems, "\n")
		}
		a.info(T("Kiểm tra sổ"), msg)
	})

	box := container.NewVBox(
		heading(T("Thông tin đơn vị")), uf.view(), uf.other, container.NewHBox(saveUnit),
		heading(T("Người ký văn bản")), a.signersInfo(),
		widget.NewSeparator(),
		heading(T("Ngôn ngữ")), container.NewHBox(container.NewGridWrap(fyne.NewSize(220, langSel.MinSize().Height), langSel)),
		widget.NewSeparator(),
		heading(T("Thư mục văn bản (báo cáo, danh sách, Excel)")), a.folders.docsFolderRow(),
		widget.NewSeparator(),
		heading(T("Sổ dữ liệu")), s.backups.content(), container.NewHBox(checkBtn,
			newButtonWithIcon(a, s.trash.buttonText(), theme.DeleteIcon(), s.trash.open),
			newButtonWithIcon(a, T("Lịch sử thay đổi"), theme.HistoryIcon(), func() { showHistory(a.ctx, a.st, a.win, a, nil) })),
		widget.NewSeparator(),
		heading(T("Phiên bản")), widget.NewLabel(fmt.Sprintf("Sổ Đoàn %s, %s %s", version.Version, T("dựng ngày"), version.DateText())),
	)
	s.root.Objects = []fyne.CanvasObject{container.NewVScroll(box)}
	s.root.Refresh()
}
