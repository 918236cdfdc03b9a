package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/issuing"
	"sodoan/report"
	"sodoan/store"
	"sodoan/wardpkg"
)

// consolidationDefs are the screens of an upper level's consolidation
// register (nil for a ward's register): its wards and their indicators,
// its plan (whose targets judge the total), and the settings. A
// consolidation register keeps no members, so the ward screens are not
// offered.
func (a *App) consolidationDefs() []screenDef {
	if c, err := a.st.IsConsolidation(a.ctx); err != nil || !c {
		return nil
	}
	return []screenDef{
		{"wards", Tc("nav", "Các cơ sở Đoàn"), func() screen { return newConsolidationScreen(a.ctx, a.st, a.clock, a.win, a, a.do, a.folders) }},
		{"plan", Tc("nav", "Kế hoạch & chỉ tiêu"), func() screen { return newPlanScreen(a.ctx, a.st, a.clock, a.win, a, a.exports) }},
		{"settings", Tc("nav", "Cài đặt"), a.newSettings},
		{"help", Tc("nav", "Trợ giúp (F1)"), func() screen { return newHelpScreen() }},
	}
}

// consolidationScreen lists the wards whose packages the register holds,
// imports a ward's package, shows every indicator per ward and in total
// for a year, and issues the consolidated report.
type consolidationScreen struct {
	ctx     context.Context
	st      *store.Store
	win     fyne.Window // the parent of the file and passphrase dialogs
	f       frame
	do      func(func()) // runs UI updates from the import, load and report goroutines
	folders *folders
	root    fyne.CanvasObject

	wards     []domain.Ward
	wardTable *keyTable
	cons      domain.Consolidation
	indTable  *keyTable

	year      *selectBox
	status    *widget.Label
	importBtn *button
	reportBtn *button
	openBtn   *button
	fileBtns  *fileButtons // of the report made last
	// busy counts the imports, loads and reports in flight.
	busy int
	// last is the latest consolidated report written.
	last string
}

// consolidationYears are the years offered, latest (y) first.
func consolidationYears(y int) []string {
	out := make([]string, 0, 6)
	for i := 0; i < 6; i++ {
		out = append(out, strconv.Itoa(y-i))
	}
	return out
}

func newConsolidationScreen(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, do func(func()), folders *folders) *consolidationScreen {
	s := &consolidationScreen{ctx: ctx, st: st, win: win, f: f, do: do, folders: folders}
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.year = newSelect(f, consolidationYears(clock.thisYear()), func(string) { s.load() })
	s.year.SetSelectedIndex(0)
	s.importBtn = newButtonWithIcon(f, T("Nhập gói của phường"), theme.DownloadIcon(), s.chooseFile)
	s.importBtn.Importance = widget.HighImportance
	s.reportBtn = newButtonWithIcon(f, T("Xuất báo cáo tổng hợp"), theme.DocumentIcon(), s.issue)
	s.fileBtns = folders.fileButtons(func() string { return s.last }, nil)
	s.openBtn = s.fileBtns.open
	s.fileBtns.setEnabled(false)

	wardCols := []string{T("Cơ sở Đoàn"), T("Ngày lập gói"), T("Lược đồ"), T("Đoàn viên trong gói"), T("Ngày nhập")}
	wardWidths := []float32{300, 150, 80, 100, 150}
	s.wardTable = newTable(f,
		func() (int, int) { return len(s.wards) + 1, len(wardCols) },
		func() fyne.CanvasObject { return widget.NewLabel("BCH ĐOÀN PHƯỜNG TÂN QUY ĐÔNG") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0
			l.SetText(s.wardCell(id.Row, id.Col, wardCols))
		})
	for i, w := range wardWidths {
		s.wardTable.SetColumnWidth(i, w)
	}
	s.indTable = newTable(f,
		func() (int, int) { return len(s.cons.Plan.Indicators) + 2, 5 + len(s.cons.Wards) },
		func() fyne.CanvasObject { return widget.NewLabel("Đoàn phường Tân Quy Đông") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0
			l.Truncation = fyne.TextTruncateEllipsis
			l.SetText(s.indicatorCell(id.Row, id.Col))
		})

	top := container.NewVBox(
		heading(T("Sổ tổng hợp: các cơ sở Đoàn gửi số liệu")),
		container.NewHBox(s.importBtn, widget.NewLabel(T("Năm")), s.year, s.reportBtn, s.fileBtns.row),
		s.status,
	)
	split := container.NewVSplit(s.wardTable,
		container.NewBorder(heading(T("Kết quả các chỉ tiêu theo từng cơ sở và tổng cộng")), nil, nil, nil, s.indTable))
	split.Offset = 0.3
	s.root = container.NewBorder(top, nil, nil, nil, split)
	return s
}

func (s *consolidationScreen) view() fyne.CanvasObject { return s.root }

func (s *consolidationScreen) refresh() { s.load() }

// wardCell is one cell of the wards' table (row 0: the header).
func (s *consolidationScreen) wardCell(row, col int, header []string) string {
	if row == 0 {
		return header[col]
	}
	if row-1 >= len(s.wards) {
		return ""
	}
	w := s.wards[row-1]
	switch col {
	case 0:
		return w.Unit
	case 1:
		return domain.FormatTime(w.Made)
	case 2:
		return strconv.Itoa(w.Schema)
	case 3:
		return fmtInt(int64(w.Members))
	}
	return domain.FormatTime(w.Imported)
}

// indicatorCell is one cell of the indicators' table: the code, the
// indicator, the plan's target, one column a ward, the total and its
// verdict.
func (s *consolidationScreen) indicatorCell(row, col int) string {
	n := len(s.cons.Wards)
	if row == 0 {
		switch {
		case col == 0:
			return T("Mã")
		case col == 1:
			return T("Chỉ tiêu")
		case col == 2:
			return T("Mục tiêu")
		case col < 3+n:
			return report.WardName(s.cons.Wards[col-3].Ward)
		case col == 3+n:
			return T("Tổng cộng")
		}
		return T("Đánh giá")
	}
	if row == 1 {
		return s.membersCell(col)
	}
	i := row - 2
	if i >= len(s.cons.Plan.Indicators) {
		return ""
	}
	in := s.cons.Plan.Indicators[i]
	switch {
	case col == 0:
		return in.Code
	case col == 1:
		return in.Title
	case col == 2:
		switch {
		case in.NoTarget:
			return T("chưa nhập")
		case in.Metric == domain.MetricUnitsGoodPct:
			return fmtValue(in.Kind, in.Target) + " " + T("cơ sở")
		case domain.PerWard(in):
			return T("100% cơ sở")
		}
		return fmtValue(in.Kind, in.Target)
	case col < 3+n:
		rs := s.cons.Wards[col-3].Results
		if in.Metric == domain.MetricUnitsGoodPct && i < len(rs) && rs[i].Known {
			// 2.6: the ward's own rating, good or better or not.
			if rs[i].Actual >= 1 {
				return T("Đạt")
			}
			return T("Chưa đạt")
		}
		return resultCell(rs, i)
	case col == 3+n:
		// A per-ward target counts the wards meeting it: "2/3 cơ sở".
		if i < len(s.cons.Total) && domain.PerWard(in) && s.cons.Total[i].Den > 0 {
			return fmt.Sprintf(T("%d/%d cơ sở"), s.cons.Total[i].Num, s.cons.Total[i].Den)
		}
		return resultCell(s.cons.Total, i)
	}
	if i < len(s.cons.Total) {
		return T(s.cons.Total[i].Verdict.Label())
	}
	return ""
}

// membersCell is the row of each ward's Union members on the cut-off
// (not the package's today), and their sum.
func (s *consolidationScreen) membersCell(col int) string {
	n := len(s.cons.Wards)
	switch {
	case col == 1:
		return fmt.Sprintf(T("Đoàn viên đến ngày %s"), s.cons.Cutoff.String())
	case col >= 3 && col < 3+n:
		return fmtInt(int64(s.cons.Wards[col-3].Members))
	case col == 3+n:
		sum := 0
		for _, w := range s.cons.Wards {
			sum += w.Members
		}
		return fmtInt(int64(sum))
	}
	return ""
}

func resultCell(rs []domain.Result, i int) string {
	if i >= len(rs) || !rs[i].Known {
		return "—"
	}
	return fmtValue(rs[i].Indicator.Kind, rs[i].Actual)
}

// load reads the wards and measures the year's indicators off the UI
// goroutine.
func (s *consolidationScreen) load() {
	if s.year == nil || s.wardTable == nil {
		return
	}
	year, _ := strconv.Atoi(s.year.Selected)
	s.busy++
	go func() {
		wards, err := s.st.Wards(s.ctx)
		var c domain.Consolidation
		if err == nil {
			c, err = wardpkg.Consolidate(s.ctx, s.st, year, domain.Date{})
		}
		s.do(func() {
			s.busy--
			if err != nil {
				s.status.SetText(T("Không tính được") + ": " + errText(err))
				return
			}
			s.wards, s.cons = wards, c
			s.wardTable.Refresh()
			n := len(c.Wards)
			widths := []float32{60, 320, 90}
			for i := 0; i < 5+n; i++ {
				w := float32(180)
				if i < len(widths) {
					w = widths[i]
				}
				s.indTable.SetColumnWidth(i, w)
			}
			s.indTable.Refresh()
			switch {
			case n == 0:
				s.status.SetText(T("Chưa có gói nào: bấm “Nhập gói của phường” để nhập tệp .sodoan phường gửi lên."))
			case c.Plan.ID == 0:
				s.status.SetText(fmt.Sprintf(T("%d cơ sở Đoàn; số liệu năm %d"), n, year) + ". " + T(domain.NoPlan) + " (" + T("mục Kế hoạch & chỉ tiêu") + ").")
			default:
				s.status.SetText(fmt.Sprintf(T("%d cơ sở Đoàn; số liệu năm %d"), n, year))
			}
		})
	}()
}

// chooseFile asks for a package file, then its passphrase.
func (s *consolidationScreen) chooseFile() {
	chooseFile(s.f, s.win, fileDialogSpec{exts: []string{".sodoan"}, title: T("Chọn gói số liệu của phường"), size: fyne.NewSize(800, 560)}, func(path string) { s.askPassphrase(path) })
}

// askPassphrase asks for the passphrase the ward gave with its package,
// then imports it.
func (s *consolidationScreen) askPassphrase(path string) *entry {
	pass := newPasswordEntry(s.f)
	pass.SetPlaceHolder(fmt.Sprintf(T("ít nhất %d ký tự"), wardpkg.MinPassphrase))
	items := []*widget.FormItem{
		widget.NewFormItem(T("Tệp gói"), widget.NewLabel(filepath.Base(path))),
		widget.NewFormItem(T("Mật khẩu"), pass),
	}
	d := dialog.NewForm(T("Nhập gói của phường"), T("Nhập"), T("Hủy"), items, func(ok bool) {
		if ok {
			s.importPackage(path, pass.Text)
		}
	}, s.win)
	d.Resize(fyne.NewSize(520, 220))
	pass.OnSubmitted = func(string) { d.Submit() }
	s.f.showDialog(d, nil)
	s.win.Canvas().Focus(pass)
	return pass
}

// importPackage imports the package at path off the UI goroutine and
// reports what it did (or why nothing changed).
func (s *consolidationScreen) importPackage(path, passphrase string) {
	if err := wardpkg.CheckPassphrase(passphrase); err != nil {
		s.f.showError(err)
		return
	}
	s.importBtn.Disable()
	s.busy++
	s.status.SetText(T("Đang giải mã và kiểm tra gói") + " " + filepath.Base(path) + "…")
	go func() {
		imp, err := wardpkg.Import(s.ctx, s.st, path, passphrase)
		s.do(func() {
			s.busy--
			s.importBtn.Enable()
			if err != nil {
				s.status.SetText(T("Không nhập được gói") + ": " + errText(err))
				s.f.showError(err)
				return
			}
			msg := fmt.Sprintf(T("Đã nhập gói của %s lập lúc %s (%s đoàn viên)."), imp.Ward.Unit, domain.FormatTime(imp.Ward.Made),
				fmtInt(int64(imp.Ward.Members)))
			if imp.Replaced != nil {
				msg += " " + fmt.Sprintf(T("Gói lập lúc %s được thay."), domain.FormatTime(imp.Replaced.Made))
			}
			s.status.SetText(msg)
			s.load()
		})
	}()
}

// issue writes the consolidated report of the chosen year, numbered, into
// the year's documents folder.
func (s *consolidationScreen) issue() {
	year, _ := strconv.Atoi(s.year.Selected)
	dir, err := s.folders.yearDir(year)
	if err != nil {
		s.f.showError(err)
		return
	}
	s.reportBtn.Disable()
	s.busy++
	s.status.SetText(T("Đang tạo báo cáo tổng hợp") + "…")
	go func() {
		path, err := issue(s.ctx, s.st, s.folders, issuing.Request{Kind: issuing.Consolidated, Year: year}, dir, true)
		s.do(func() {
			s.busy--
			s.reportBtn.Enable()
			if err != nil {
				s.status.SetText(T("Không tạo được") + ": " + errText(err))
				s.f.showError(err)
				return
			}
			s.last = path
			s.fileBtns.setEnabled(true)
			s.status.SetText(T("Đã tạo") + " " + path)
		})
	}()
}

// idle reports whether nothing is in flight (for the tests).
func (s *consolidationScreen) idle() bool { return s.busy == 0 }
