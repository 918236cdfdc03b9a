package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
	"sodoan/version"
)

// settingsScreen edits the unit, the language, and makes backups.
type settingsScreen struct {
	ctx     context.Context
	st      *store.Store
	clock   clock       // who signs today
	win     fyne.Window // the parent of the history dialog
	f       frame
	prefs   fyne.Preferences // keeps the language chosen
	folders *folders
	backups *backups
	trash   *trash
	// unitSaved runs after the unit was saved (the window's title shows
	// its name); relabel rebuilds the window in a new language.
	unitSaved, relabel func()

	root *fyne.Container
}

func newSettingsScreen(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, prefs fyne.Preferences,
	folders *folders, backups *backups, trash *trash, unitSaved, relabel func()) *settingsScreen {
	return &settingsScreen{ctx: ctx, st: st, clock: clock, win: win, f: f, prefs: prefs, folders: folders, backups: backups, trash: trash,
		unitSaved: unitSaved, relabel: relabel, root: container.NewStack()}
}

func (s *settingsScreen) view() fyne.CanvasObject { return s.root }

func (s *settingsScreen) refresh() {
	u, err := s.st.Unit(s.ctx)
	if err != nil {
		s.f.showError(err)
		return
	}
	uf := newUnitForm(s.f, u)
	saveUnit := newButtonWithIcon(s.f, T("Lưu thông tin đơn vị"), theme.DocumentSaveIcon(), func() {
		if uf.save(s.ctx, s.st, s.f) {
			s.unitSaved()
			s.f.notify(T("Đã lưu thông tin đơn vị."))
		}
	})
	saveUnit.Importance = widget.HighImportance
	s.f.onSave(&uf.form, func() []fyne.CanvasObject { return append(append([]fyne.CanvasObject{}, uf.grids...), saveUnit) }, saveUnit.OnTapped)

	langSel := newSelect(s.f, []string{"Tiếng Việt", "English"}, nil)
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
			s.f.showError(err)
			return
		}
		s.prefs.SetString(prefLanguage, code)
		s.relabel()
	}

	checkBtn := newButtonWithIcon(s.f, T("Kiểm tra sổ"), theme.SearchIcon(), func() {
		v, problems, err := s.st.Check(s.ctx)
		if err != nil {
			s.f.showError(err)
			return
		}
		msg := fmt.Sprintf(T("Phiên bản dữ liệu %d. Không phát hiện lỗi."), v)
		if len(problems) > 0 {
			msg = fmt.Sprintf(T("Phiên bản dữ liệu %d. Vấn đề:"), v) + "\n" + strings.Join(problems, "\n")
		}
		s.f.info(T("Kiểm tra sổ"), msg)
	})

	box := container.NewVBox(
		heading(T("Thông tin đơn vị")), uf.view(), uf.other, container.NewHBox(saveUnit),
		heading(T("Người ký văn bản")), signersInfo(s.ctx, s.st, s.clock.today()),
		widget.NewSeparator(), heading(T("Chuẩn cán bộ Đoàn (chỉ tiêu 2.4)")), standardsSection(s.ctx, s.st, s.f, s.clock, s.refresh),
		widget.NewSeparator(),
		heading(T("Ngôn ngữ")), container.NewHBox(container.NewGridWrap(fyne.NewSize(220, langSel.MinSize().Height), langSel)),
		widget.NewSeparator(),
		heading(T("Thư mục văn bản (báo cáo, danh sách, Excel)")), s.folders.docsFolderRow(),
		widget.NewSeparator(),
		heading(T("Sổ dữ liệu")), s.backups.content(), container.NewHBox(checkBtn,
			newButtonWithIcon(s.f, s.trash.buttonText(), theme.DeleteIcon(), s.trash.open),
			newButtonWithIcon(s.f, T("Lịch sử thay đổi"), theme.HistoryIcon(), func() { showHistory(s.ctx, s.st, s.win, s.f, nil) })),
		widget.NewSeparator(),
		heading(T("Phiên bản")), widget.NewLabel(fmt.Sprintf("Sổ Đoàn %s, %s %s", version.Version, T("dựng ngày"), version.DateText())),
	)
	// A margin on the right: the entries ran to the window's edge, under
	// the scroll bar.
	margin := canvas.NewRectangle(color.Transparent)
	margin.SetMinSize(fyne.NewSize(theme.ScrollBarSize()+theme.Padding(), 0))
	s.root.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewBorder(nil, nil, nil, margin, box))}
	s.root.Refresh()
}
