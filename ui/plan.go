package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/sheet"
	"sodoan/store"
)

// planScreen shows a plan's indicators for a chosen year (target, actual,
// met), edits the plans themselves (planedit.go) and the yearly ward
// figures the register cannot derive.
type planScreen struct {
	ctx     context.Context
	st      *store.Store
	clock   clock       // the years offered and a new plan's first year
	win     fyne.Window // sizes the plan editor
	f       frame
	exports *tableExports

	year   *selectBox
	picker *selectBox // the plan shown, when the register has several
	root   *fyne.Container
	body   *fyne.Container

	plans  []domain.Plan
	planID int64 // the plan shown; 0: the current one
	// picking is set while the program, not the user, sets the picker.
	picking bool
	// editor is the open plan editor (for tests), nil when closed.
	editor *planEditor
	// remove deletes the plan shown; there only when another plan is left.
	remove *button
}

// deletePlan removes the plan shown, after asking: for a plan entered by
// mistake. The store keeps at least one plan and passes "current" on.
func (s *planScreen) deletePlan() {
	p, ok := s.shownPlan()
	if !ok {
		return
	}
	s.f.confirm(T("Xóa kế hoạch"), fmt.Sprintf(T("Xóa kế hoạch số %s cùng các chỉ tiêu và số liệu nhập tay của nó?"), p.Number), func() {
		if err := s.st.DeletePlan(s.ctx, p.ID); err != nil {
			s.f.showError(err)
			return
		}
		s.f.notify(fmt.Sprintf(T("Đã xóa kế hoạch số %s."), p.Number))
		s.planID = 0
		s.load()
	})
}

func newPlanScreen(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, exports *tableExports) *planScreen {
	s := &planScreen{ctx: ctx, st: st, clock: clock, win: win, f: f, exports: exports, body: container.NewStack()}
	s.year = newSelect(f, yearOptions(s.clock.thisYear()-6, s.clock.thisYear()+1), func(string) { s.load() })
	s.picker = newSelect(f, nil, func(string) {
		if s.picking {
			return
		}
		if i := s.picker.SelectedIndex(); i >= 0 && i < len(s.plans) {
			s.planID = s.plans[i].ID
			s.load()
		}
	})
	s.picker.Hide()
	edit := newButtonWithIcon(f, T("Sửa kế hoạch, chỉ tiêu"), theme.DocumentCreateIcon(), s.editPlan)
	add := newButtonWithIcon(f, T("Kế hoạch mới")+" (Ctrl+N)", theme.ContentAddIcon(), s.newPlan)
	s.remove = newButtonWithIcon(f, T("Xóa kế hoạch"), theme.DeleteIcon(), s.deletePlan)
	s.remove.Hide()
	bar := container.NewBorder(nil, nil, container.NewHBox(heading(T("Năm")), s.year), container.NewHBox(edit, add, s.remove,
		exports.button(sheet.TableIndicators, "chi-tieu", s.yearValue)), s.picker)
	s.root = container.NewBorder(bar, nil, nil, nil, s.body)
	return s
}

func (s *planScreen) view() fyne.CanvasObject { return s.root }

func (s *planScreen) refresh() {
	if s.year.Selected == "" {
		s.year.SetSelected(strconv.Itoa(s.clock.thisYear())) // loads
		return
	}
	s.load()
}

func (s *planScreen) yearValue() int {
	y, _ := strconv.Atoi(s.year.Selected)
	return y
}

func (s *planScreen) load() {
	year := s.yearValue()
	box := container.NewVBox()
	plans, err := s.st.Plans(s.ctx)
	if err != nil {
		s.f.showError(err)
		return
	}
	s.plans = plans
	s.updatePicker()
	if plan, ok := s.shownPlan(); !ok {
		// A new register judges nothing until the unit enters its own
		// plan: the upper level's targets 2.1–2.8 are offered as a
		// template with empty figures.
		notice := heading(T(domain.NoPlan))
		notice.Wrapping = fyne.TextWrapWord
		hint := widget.NewLabel(T("Kế hoạch của đơn vị: số, ngày ban hành, cơ quan ban hành, giai đoạn và các chỉ tiêu. Các chỉ tiêu 2.1–2.8 của kế hoạch cấp trên có sẵn làm mẫu, đơn vị nhập số liệu của mình."))
		hint.Wrapping = fyne.TextWrapWord
		enter := newButtonWithIcon(s.f, T("Nhập kế hoạch của đơn vị"), theme.DocumentCreateIcon(), s.newPlan)
		enter.Importance = widget.HighImportance
		box.Add(notice)
		box.Add(hint)
		box.Add(container.NewHBox(enter))
	} else {
		t := fmt.Sprintf(T("Kế hoạch số %s: %s"), plan.Number, plan.Title)
		if !plan.Current {
			t += " (" + T("không phải kế hoạch hiện hành") + ")"
		}
		title := heading(t)
		title.Wrapping = fyne.TextWrapWord
		box.Add(title)
		// Which plan the figures are judged against, cited in full.
		cite := widget.NewLabel(fmt.Sprintf(T("%s, giai đoạn %d - %d"), plan.Reference(), plan.StartYear, plan.EndYear))
		cite.Wrapping = fyne.TextWrapWord
		box.Add(cite)
		if !plan.Covers(year) {
			out := widget.NewLabel(fmt.Sprintf(T("Năm %d ngoài giai đoạn của kế hoạch: chỉ tiêu cả giai đoạn không tính lũy kế."), year))
			out.Importance = widget.WarningImportance
			out.Wrapping = fyne.TextWrapWord
			box.Add(out)
		}
		results, err := s.st.YearResults(s.ctx, plan.ID, year)
		if err != nil {
			s.f.showError(err)
			return
		}
		box.Add(s.resultsTable(results, year))
	}
	box.Add(widget.NewSeparator())
	box.Add(s.wardForm(year))
	s.body.Objects = []fyne.CanvasObject{container.NewVScroll(box)}
	s.body.Refresh()
}

// currentPlan is the plan the dashboard follows, as store.CurrentPlan
// chooses it (s.plans is ordered latest period first).
func (s *planScreen) currentPlan() (domain.Plan, bool) {
	for _, p := range s.plans {
		if p.Current {
			return p, true
		}
	}
	if len(s.plans) > 0 {
		return s.plans[0], true
	}
	return domain.Plan{}, false
}

// shownPlan is the plan picked, or the current one.
func (s *planScreen) shownPlan() (domain.Plan, bool) {
	for _, p := range s.plans {
		if p.ID == s.planID {
			return p, true
		}
	}
	return s.currentPlan()
}

// updatePicker lists the plans in the picker, shown only when there is a
// choice to make.
func (s *planScreen) updatePicker() {
	s.picking = true
	defer func() { s.picking = false }()
	var opts []string
	for _, p := range s.plans {
		o := fmt.Sprintf("%s (%d–%d)", p.Number, p.StartYear, p.EndYear)
		if p.Current {
			o += " — " + T("hiện hành")
		}
		opts = append(opts, o)
	}
	s.picker.SetOptions(opts)
	if p, ok := s.shownPlan(); ok {
		for i := range s.plans {
			if s.plans[i].ID == p.ID {
				s.picker.SetSelectedIndex(i)
			}
		}
	}
	if len(s.plans) > 1 {
		s.picker.Show()
		s.remove.Show()
	} else {
		s.picker.Hide()
		s.remove.Hide()
	}
}

// resultsTable lays out one line per indicator; hand-measured ones get a
// checkbox or an entry.
func (s *planScreen) resultsTable(results []domain.Result, year int) fyne.CanvasObject {
	// The indicator's wording takes half the width, the four figures
	// share the other half.
	line := func(name, target, actual, met, detail fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWithColumns(2, name, container.New(layout.NewGridLayoutWithColumns(4), target, actual, met, detail))
	}
	rows := container.NewVBox(line(
		heading(T("Chỉ tiêu")), heading(T("Mục tiêu")), heading(T("Thực hiện")), heading(T("Kết quả")), heading(T("Cách tính"))))
	for _, r := range results {
		r := r
		in := r.Indicator
		name := widget.NewLabel(in.Code + ". " + in.Title)
		name.Wrapping = fyne.TextWrapWord
		target := widget.NewLabel(targetText(in))
		var actual fyne.CanvasObject
		switch {
		case in.Metric == "manual" && in.Kind == domain.KindCheck:
			c := newCheck(s.f, T("Đạt"), nil)
			c.SetChecked(r.Actual >= 1)
			c.OnChanged = func(on bool) {
				v := 0.0
				if on {
					v = 1
				}
				if err := s.st.SetIndicatorValue(s.ctx, in.ID, year, v); err != nil {
					s.f.showError(err)
				} else {
					s.f.notify(fmt.Sprintf(T("Đã ghi chỉ tiêu %s năm %d: %s."), in.Code, year, map[bool]string{true: T("đạt"), false: T("chưa đạt")}[on]))
				}
				s.load()
			}
			actual = c
		case in.Metric == "manual":
			e := newEntry(s.f)
			if r.Known {
				e.SetText(fmtNum(r.Actual))
			}
			e.OnSubmitted = func(t string) {
				v, err := readInt(t, domain.CountRange)
				if err != nil {
					s.f.showError(fmt.Errorf("%s: %w", in.Code, err))
					return
				}
				if err := s.st.SetIndicatorValue(s.ctx, in.ID, year, float64(v)); err != nil {
					s.f.showError(err)
				} else {
					s.f.notify(fmt.Sprintf(T("Đã ghi chỉ tiêu %s năm %d: %s."), in.Code, year, fmtInt(v)))
				}
				s.load()
			}
			e.SetPlaceHolder(T("nhập rồi Enter"))
			actual = e
		default:
			actual = widget.NewLabel(actualText(r))
		}
		met := widget.NewLabel(metText(r))
		met.Importance = verdictImportance(r.Verdict.Code)
		// Every cell wraps: a grid gives each cell the widest cell's
		// minimum, and one long verdict used to widen the window.
		met.Wrapping = fyne.TextWrapWord
		target.Wrapping = fyne.TextWrapWord
		if l, ok := actual.(*widget.Label); ok {
			l.Wrapping = fyne.TextWrapWord
		}
		detail := widget.NewLabel(detailText(r))
		detail.Wrapping = fyne.TextWrapWord
		rows.Add(line(name, target, actual, met, detail))
	}
	return rows
}

// detailText is how a result was computed, in the window's language.
func detailText(r domain.Result) string {
	if r.DetailMsg.Format == "" || currentLang == LangVietnamese {
		return r.Detail
	}
	return strings.TrimSpace(fmt.Sprintf(T(r.DetailMsg.Format), translateArgs(r.DetailMsg.Args)...))
}

func targetText(in domain.Indicator) string {
	if in.NoTarget {
		return T("chưa nhập")
	}
	switch in.Kind {
	case domain.KindPercent:
		return fmtNum(in.Target) + "%"
	case domain.KindCheck:
		return Tc("target", "Thực hiện")
	}
	t := fmtNum(in.Target)
	if in.Period {
		t += " " + T("(cả giai đoạn)")
	}
	return t
}

func actualText(r domain.Result) string {
	if !r.Known {
		return T("chưa đủ số liệu")
	}
	switch r.Indicator.Kind {
	case domain.KindPercent:
		return fmtNum(r.Actual) + "%"
	case domain.KindCheck:
		if r.Actual >= 1 {
			return T("Đã thực hiện")
		}
		return T("Chưa thực hiện")
	}
	return fmtNum(r.Actual)
}

// metText is the verdict in the UI's language, with a period target's
// progress before it ("321/450 (71%), Đúng tiến độ"): the same verdict,
// computed by the store, that every report prints.
func metText(r domain.Result) string {
	v := r.Verdict
	if p := v.Progress(); p != "" && v.Code != domain.VerdictNoData {
		return p + ", " + T(v.Label())
	}
	return T(v.Label())
}

// verdictImportance colours a verdict: met and on pace green, behind
// amber, not met red.
func verdictImportance(c domain.VerdictCode) widget.Importance {
	switch c {
	case domain.VerdictMet, domain.VerdictOnPace:
		return widget.SuccessImportance
	case domain.VerdictBehind:
		return widget.WarningImportance
	case domain.VerdictNotMet:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// wardForm edits the year's ward figures and the ward Union's rating.
func (s *planScreen) wardForm(year int) fyne.CanvasObject {
	w, err := s.st.WardYear(s.ctx, year)
	if err != nil {
		s.f.showError(err)
		return widget.NewLabel("")
	}
	var fm form
	fm.other = newErrorText()
	youth, party := newEntry(s.f), newEntry(s.f)
	if w.ResidentYouth > 0 {
		youth.SetText(fmtInt(int64(w.ResidentYouth)))
	}
	if w.NewPartyMembers > 0 {
		party.SetText(strconv.Itoa(w.NewPartyMembers))
	}
	rating := newChoiceSelect(s.f, withAll(T("Chưa xếp loại"), unitRatings(s.ctx, s.st, s.f)), nil)
	rating.setCode(w.Rating)
	// The day the rating and the count were decided: documents cut off
	// before it do not know them (issue 16).
	decided := newDateEntry(s.f)
	decided.SetText(decidedText(s.clock, year, laterOf(w.Rated, w.PartyCounted)))
	fm.add("ResidentYouth", T("Thanh niên cư trú trên địa bàn"), youth)
	fm.add("NewPartyMembers", T("Đảng viên mới kết nạp trong năm"), party)
	fm.add("Rating", T("Xếp loại Đoàn phường"), rating)
	fm.add("Rated", T("Ngày xếp loại, ngày tính số đảng viên mới"), decided)
	save := fm.saveButton(s.f, T("Lưu số liệu năm"), func() error {
		y, ok1 := fm.parseIntField("ResidentYouth", youth, domain.CountRange)
		p, ok2 := fm.parseIntField("NewPartyMembers", party, domain.CountRange)
		on, ok3 := fm.parseDateField("Rated", decided)
		if !ok1 || !ok2 || !ok3 {
			return errSkip
		}
		shown, _ := domain.ParseDate(decidedText(s.clock, year, laterOf(w.Rated, w.PartyCounted)))
		w.Rated = decidedFor(rating.code() != w.Rating, on, shown)
		w.PartyCounted = decidedFor(int(p) != w.NewPartyMembers, on, shown)
		w.ResidentYouth, w.NewPartyMembers, w.Rating = int(y), int(p), rating.code()
		return savedSay(s.f, s.st.SaveWardYear(s.ctx, w), fmt.Sprintf(T("Đã lưu số liệu của phường năm %d."), year))
	}, s.load)
	return container.NewVBox(heading(fmt.Sprintf(T("Số liệu của phường năm %d"), year)), fm.grid(), fm.other, container.NewHBox(save))
}
