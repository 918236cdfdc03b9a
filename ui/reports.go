package ui

import (
	"context"
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/issuing"
	"sodoan/store"
)

// document is one document the Báo cáo screen can generate.
type document struct {
	title string
	kind  issuing.Kind
	// quarter or half: the work report's period (neither: the year).
	quarter, half int
}

// reportsScreen chooses a document and a year, edits the secretary's texts
// of the annual report, and generates the PDF without freezing the window.
type reportsScreen struct {
	ctx     context.Context
	st      *store.Store
	clock   clock       // the years offered, the day figures count to
	win     fyne.Window // the parent of the package dialog
	f       frame
	do      func(func()) // runs UI updates from the generating goroutine
	folders *folders
	docs    []document
	docSel  *selectBox
	// branchSel chooses one branch for the member list (first: all);
	// branchBox holds it, shown for the member list only.
	branchSel *selectBox
	branchBox *fyne.Container
	branches  []domain.Branch // branchSel's options after the first
	year      *selectBox
	texts     *narrativeEditor // the report's text, section by section
	bar       *widget.ProgressBar
	status    *widget.Label
	genBtn    *button
	openFile  *button
	openDir   *button
	fileBtns  *fileButtons // Mở tệp, Mở thư mục, In, Gửi email of the file made last
	number    *check
	cutoff    *entry // the day the figures count to (empty: today)
	deputy    *check // the deputy signs (KT. BÍ THƯ)
	renumber  *check
	register  *docRegister // sổ văn bản đi
	// decisions and book are the Quyết định and Sổ chi đoàn tabs
	// (decisions.go).
	decisions *decisionsPanel
	book      *bookPanel
	tabs      *container.AppTabs
	last      string
	root      fyne.CanvasObject

	// onDone, when set by tests, runs after a generation finished.
	onDone func(path string, err error)
}

func newReportsScreen(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, do func(func()), folders *folders) *reportsScreen {
	// Built here rather than once for the package so that the titles
	// follow the language chosen in Settings.
	s := &reportsScreen{ctx: ctx, st: st, clock: clock, win: win, f: f, do: do, folders: folders, docs: reportDocuments()}
	var names []string
	for _, d := range s.docs {
		names = append(names, d.title)
	}
	s.docSel = newSelect(f, names, nil)
	if len(names) > 0 {
		s.docSel.SetSelectedIndex(0)
	}
	s.year = newSelect(f, yearOptions(s.clock.thisYear()-6, s.clock.thisYear()), func(string) {
		// Another year's texts replace those shown: asked first when
		// some were typed (Ở lại keeps editing the year shown).
		if s.texts != nil {
			s.texts.reload()
		}
		s.choiceChanged()
	})
	s.bar = widget.NewProgressBar()
	s.bar.Hide()
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.genBtn = newButtonWithIcon(f, T("Tạo tệp PDF"), theme.DocumentPrintIcon(), s.generate)
	s.genBtn.Importance = widget.HighImportance
	s.fileBtns = folders.fileButtons(func() string { return s.last }, nil)
	s.openFile, s.openDir = s.fileBtns.open, s.fileBtns.folder
	s.fileBtns.setEnabled(false)
	// Set after the first selection above: the widgets it clears exist now.
	s.docSel.OnChanged = func(string) { s.choiceChanged(); s.showBranch() }
	s.branchSel = newSelect(f, []string{T("Cả phường (mọi chi đoàn)")}, func(string) { s.choiceChanged() })
	s.branchSel.SetSelectedIndex(0)
	s.branchBox = container.NewHBox(widget.NewLabel(T("Chi đoàn")), container.NewGridWrap(fyne.NewSize(400, s.branchSel.MinSize().Height), s.branchSel))
	s.showBranch()
	s.number = newCheck(f, T("Vào sổ văn bản đi và lấy số (bỏ chọn: để trống số, điền tay)"), nil)
	// Numbered by default, as the command line does: a document sent to the
	// upper level carries its number; untick for a draft.
	s.number.SetChecked(true)
	s.renumber = newCheck(f, T("Lấy số mới (văn bản đã có số vẫn giữ số cũ nếu không chọn)"), nil)
	s.deputy = newCheck(f, T("Phó Bí thư ký thay (KT. BÍ THƯ)"), nil)
	s.cutoff = newEntry(f)
	s.cutoff.SetPlaceHolder(T("dd/mm/yyyy (để trống: hôm nay)"))
	top := widget.NewForm(
		widget.NewFormItem(T("Văn bản"), container.NewBorder(nil, nil, nil, s.branchBox, s.docSel)),
		widget.NewFormItem(T("Năm"), s.year),
		widget.NewFormItem(T("Số liệu tính đến ngày"), s.cutoff),
		widget.NewFormItem("", container.NewVBox(s.number, container.NewHBox(s.renumber, s.deputy))),
	)
	pkg := newButtonWithIcon(f, T("Lập gói số liệu gửi cấp trên"), theme.MailSendIcon(), func() { s.packageDialog(nil) })
	actions := container.NewVBox(container.NewHBox(s.genBtn, s.fileBtns.row, pkg), s.bar, s.status)
	s.register = newDocRegister(ctx, st, f, folders)
	s.texts = newNarrativeEditor(ctx, st, f, s.yearNow, s.cutoffNow)
	s.decisions = newDecisionsPanel(ctx, st, clock, f, folders)
	s.book = newBookPanel(ctx, st, clock, f, folders)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(T("Nội dung báo cáo theo mục"), s.texts.root),
		container.NewTabItem(T("Cài đặt báo cáo"), newReportSettings(ctx, st, f).root),
		container.NewTabItem(T("Sổ văn bản đi"), s.register.root),
		container.NewTabItem(T("Quyết định"), s.decisions.root),
		container.NewTabItem(T("Sổ chi đoàn"), s.book.root),
	)
	s.root = container.NewBorder(container.NewVBox(top, actions), nil, nil, nil, s.tabs)
	return s
}

func (s *reportsScreen) view() fyne.CanvasObject { return s.root }

// yearNow is the year chosen on the screen.
func (s *reportsScreen) yearNow() int {
	y, err := strconv.Atoi(s.year.Selected)
	if err != nil {
		return s.clock.thisYear()
	}
	return y
}

func (s *reportsScreen) refresh() {
	s.register.refresh()
	s.decisions.refresh()
	s.book.refresh()
	s.loadBranches()
	if s.year.Selected == "" {
		s.year.SetSelected(strconv.Itoa(s.clock.thisYear()))
		return
	}
	s.loadTexts()
}

// loadTexts shows the report's text for the year chosen; typing not saved
// is kept as it is.
func (s *reportsScreen) loadTexts() {
	if s.texts != nil && !s.texts.dirty {
		s.texts.load()
	}
}

// cutoffNow is the cut-off typed on the screen (zero: none, or not a
// date yet: the document's default).
func (s *reportsScreen) cutoffNow() domain.Date {
	if s.cutoff == nil {
		return domain.Date{}
	}
	d, _ := domain.ParseDate(s.cutoff.Text)
	return d
}

// generate runs the chosen document's generator off the UI goroutine,
// showing its progress.
func (s *reportsScreen) generate() {
	i := s.docSel.SelectedIndex()
	if i < 0 {
		return
	}
	doc := s.docs[i]
	// Texts typed but not yet saved go into the document: save them first.
	if s.texts != nil && s.texts.dirty {
		if s.texts.save(); s.texts.dirty {
			return // not saved: its message is shown
		}
	}
	number := s.number.Checked
	y, _ := strconv.Atoi(s.year.Selected)
	cutoff, err := domain.ParseDate(s.cutoff.Text)
	if err != nil {
		s.f.showError(fmt.Errorf("%s: %w", T("Số liệu tính đến ngày"), err))
		return
	}
	req := issuing.Request{Kind: doc.kind, Year: y, Cutoff: cutoff, Deputy: s.deputy.Checked, Renumber: s.renumber.Checked,
		Quarter: doc.quarter, Half: doc.half}
	if i := s.branchSel.SelectedIndex(); doc.kind == issuing.Members && i > 0 && i <= len(s.branches) {
		req.BranchID = s.branches[i-1].ID
	}
	if !cutoff.IsZero() && cutoff.Before(s.clock.today()) {
		// A report counted to a past day is dated that day.
		req.Date = cutoff
	}
	dir, err := s.folders.yearDir(y)
	if err != nil {
		s.f.showError(err)
		return
	}
	req.Progress = func(v float64) { s.do(func() { s.bar.SetValue(v) }) }
	s.genBtn.Disable()
	s.bar.SetValue(0)
	s.bar.Show()
	s.status.SetText(T("Đang tạo") + " " + doc.title + "…")
	go func() {
		path, err := issue(s.ctx, s.st, s.folders, req, dir, number)
		s.do(func() {
			s.genBtn.Enable()
			s.bar.Hide()
			if err != nil {
				s.status.SetText(T("Không tạo được") + ": " + errText(err))
			} else {
				s.last = path
				s.status.SetText(T("Đã tạo") + " " + path)
				s.fileBtns.setEnabled(true)
			}
			s.register.refresh()
			if s.onDone != nil {
				s.onDone(path, err)
			}
		})
	}()
}

// choiceChanged forgets the file made last when another document or year
// is chosen: its name under the new choice would pass for the new
// document's, and "Mở tệp" would open the old one. A generation still
// running reports its own file when it ends.
func (s *reportsScreen) choiceChanged() {
	if s.genBtn.Disabled() || (s.last == "" && s.status.Text == "") {
		return
	}
	s.last = ""
	s.status.SetText("")
	s.fileBtns.setEnabled(false)
}

// showBranch shows the branch choice for the member list alone.
func (s *reportsScreen) showBranch() {
	if i := s.docSel.SelectedIndex(); i >= 0 && s.docs[i].kind == issuing.Members {
		s.branchBox.Show()
	} else {
		s.branchBox.Hide()
	}
}

// loadBranches offers the active branches, keeping the one chosen when it
// is still there.
func (s *reportsScreen) loadBranches() {
	all, err := s.st.Branches(s.ctx, false)
	if err != nil {
		s.f.showError(err)
		return
	}
	keep := s.branchSel.Selected
	s.branches = all
	opts := []string{T("Cả phường (mọi chi đoàn)")}
	for _, b := range all {
		opts = append(opts, b.Name)
	}
	// Reloading the options is no new choice: the file made last stays.
	changed := s.branchSel.OnChanged
	s.branchSel.OnChanged = nil
	defer func() { s.branchSel.OnChanged = changed }()
	s.branchSel.SetOptions(opts)
	s.branchSel.SetSelectedIndex(0)
	for i, o := range opts {
		if o == keep {
			s.branchSel.SetSelectedIndex(i)
		}
	}
}
