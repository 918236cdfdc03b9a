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
	// uf is the unit's form shown; unitOpened what it held when made.
	uf         *unitForm
	unitOpened string
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
	// Typing in the unit's fields outlives a refresh (coming back to
	// Settings, a standard saved below): the same form is shown again.
	if s.uf == nil || !s.unitDirty() {
		s.uf = newUnitForm(s.f, u)
		s.unitOpened = s.unitState()
	}
	uf := s.uf
	saveUnit := newButtonWithIcon(s.f, T("Lưu thông tin đơn vị"), theme.DocumentSaveIcon(), func() { s.saveUnit() })
	saveUnit.Importance = widget.HighImportance
	areas := func() []fyne.CanvasObject { return append(append([]fyne.CanvasObject{}, uf.grids...), saveUnit) }
	s.f.onSave(&uf.form, areas, saveUnit.OnTapped)
	// A language switch, Esc, Ctrl+Q and closing the window ask before
	// the unit's typing is thrown away; Bỏ thay đổi shows the saved unit.
	s.f.guardInline(s, areas, s.unitDirty, s.saveUnit, func() {
		s.uf = nil
		s.refresh()
	})

	langSel := newSelect(s.f, []string{"Tiếng Việt", "English"}, nil)
	if currentLang == LangEnglish {
		langSel.SetSelectedIndex(1)
	} else {
		langSel.SetSelectedIndex(0)
	}
	shownLang := langSel.SelectedIndex()
	langSel.OnChanged = func(string) {
		code := LangVietnamese
		if langSel.SelectedIndex() == 1 {
			code = LangEnglish
		}
		if code == currentLang {
			return
		}
		// The choice shows the language in use until the window is
		// rebuilt in the new one: Ở lại, or a save refused, leaves
		// everything as it was, typing included.
		on := langSel.OnChanged
		langSel.OnChanged = nil
		langSel.SetSelectedIndex(shownLang)
		langSel.OnChanged = on
		s.f.askAllUnsaved(func() {
			if err := SetLanguage(code); err != nil {
				s.f.showError(err)
				return
			}
			s.prefs.SetString(prefLanguage, code)
			s.relabel()
		}, nil)
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

// unitState is what the unit's fields hold, as one comparable text.
func (s *settingsScreen) unitState() string {
	uf := s.uf
	return inputState(map[string]fyne.CanvasObject{"upper": uf.upper, "name": uf.name, "place": uf.place, "issuer": uf.issuer})
}

// unitDirty tells whether the unit's fields changed since last read or
// saved.
func (s *settingsScreen) unitDirty() bool { return s.uf != nil && s.unitState() != s.unitOpened }

// saveUnit writes the unit's fields; false (with the messages shown) when
// they are refused.
func (s *settingsScreen) saveUnit() bool {
	if !s.uf.save(s.ctx, s.st, s.f) {
		return false
	}
	s.unitOpened = s.unitState()
	s.unitSaved()
	s.f.notify(T("Đã lưu thông tin đơn vị."))
	return true
}

// unsavedQuestion is what is asked before the unit's typing is thrown
// away (guardInline).
func (s *settingsScreen) unsavedQuestion() string {
	return T("Thông tin đơn vị có thay đổi chưa lưu. Lưu trước?")
}
