package ui

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// planEditor edits a plan and its indicators (a ward's own share of each
// target, or the next period's plan) and saves them in one call to
// store.SavePlan: nothing is written while a rule is broken, and each
// message shows under the plan field or the indicator row it is about.
type planEditor struct {
	ctx     context.Context
	st      *store.Store
	f       frame
	plan    domain.Plan
	fm      form
	number  *entry
	title   *entry
	issued  *entry
	issuer  *entry
	upper   *entry
	start   *entry
	end     *entry
	current *check
	// copyInd, for a new plan, fills the rows with the current plan's
	// indicators (unchecked: an empty list).
	copyInd *check
	rows    []*indicatorRow
	list    *fyne.Container
	// scroll holds the plan's fields and its targets; wrong states how
	// many fields a failed save found wrong, beside the buttons.
	scroll *container.Scroll
	wrong  *errorText
	// header names the columns above the rows; pinned is its copy kept
	// at the top of the scroll once the header has scrolled away.
	header, pinned fyne.CanvasObject
	pinBox         *fyne.Container
	win            fyne.Window
	// save writes the plan; true when it was saved (the dialog closes).
	save func() bool
}

type indicatorRow struct {
	in                                  domain.Indicator
	code, section, title, target, order *entry
	kind, metric                        *choiceSelect
	period                              *check
	err                                 *errorText
	// wrong is how many of the row's fields its message is about.
	wrong int
	box   fyne.CanvasObject
}

// An indicator is one line under a header naming its columns (issue 17,
// finding 9: two lines with their own labels let 3 of 15 targets show at
// 768 px); the header and the rows line up as columns: Mã, Mục, Nội
// dung, Loại, Cách đo, Chỉ tiêu, cả giai đoạn, Thứ tự, delete. A row has
// no label of its own (its code names it): the columns are the header's.
var indicatorLine = flexRow{0.8, 0.7, 5, 1.7, 3.2, 1.1, 0, 0.9, 0}

func kindChoices() []domain.Choice {
	return []domain.Choice{
		{Code: string(domain.KindCount), Label: T("Số lượng")},
		{Code: string(domain.KindPercent), Label: T("Tỷ lệ (%)")},
		{Code: string(domain.KindCheck), Label: T("Thực hiện / chưa")},
	}
}

// metricChoices is domain.Metrics with the descriptions in the UI language.
func metricChoices() []domain.Choice {
	out := make([]domain.Choice, len(domain.Metrics))
	for i, m := range domain.Metrics {
		out[i] = domain.Choice{Code: m.Code, Label: T(m.Label)}
	}
	return out
}

// parseNum reads a target typed as 7.500, 7500 or 12,5 (7,500 and 12.5
// in English); its error says, like readInt's, whether it is not a number
// or over domain.CountRange's maximum.
func parseNum(s string) (float64, error) {
	if currentLang == LangEnglish {
		s = englishDigits.Replace(s)
	}
	s = strings.NewReplacer(" ", "", ".", "").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	switch {
	case errors.Is(err, strconv.ErrRange) || (err == nil && v > float64(domain.CountRange.Max)):
		return 0, tooLarge(domain.CountRange)
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, numberError(T("không phải là số"))
	}
	return v, nil
}

// editPlan opens the editor on the plan shown.
func (s *planScreen) editPlan() {
	p, ok := s.shownPlan()
	if !ok {
		s.newPlan()
		return
	}
	s.openEditor(fmt.Sprintf(T("Sửa kế hoạch %s"), p.Number), p, nil)
}

// newRecord (Ctrl+N) starts a new plan.
func (s *planScreen) newRecord() { s.newPlan() }

// newPlan opens the editor on a new plan for the period after the current
// one, offering to copy its indicators.
func (s *planScreen) newPlan() {
	p := domain.Plan{StartYear: s.clock.thisYear(), EndYear: s.clock.thisYear() + 4, Current: true}
	// The first plan starts from the upper level's targets with empty
	// figures (never another body's figures).
	from := domain.PlanTemplate()
	if cur, ok := s.currentPlan(); ok {
		from = nil
		p.StartYear = cur.EndYear + 1
		p.EndYear = p.StartYear + (cur.EndYear - cur.StartYear)
		for _, in := range cur.Indicators {
			in.ID, in.PlanID = 0, 0
			from = append(from, in)
		}
	}
	s.openEditor(T("Kế hoạch mới"), p, from)
}

func (s *planScreen) openEditor(title string, p domain.Plan, copyFrom []domain.Indicator) {
	e := &planEditor{ctx: s.ctx, st: s.st, f: s.f, plan: p, list: container.NewVBox()}
	e.fm.other = newErrorText()
	e.number, e.title, e.start, e.end = newEntry(s.f), newEntry(s.f), newEntry(s.f), newEntry(s.f)
	e.number.SetText(p.Number)
	e.number.SetPlaceHolder("12-KH/ĐTN")
	e.title.SetText(p.Title)
	e.issued, e.issuer, e.upper = newDateEntry(s.f), newEntry(s.f), newEntry(s.f)
	if !p.Issued.IsZero() {
		e.issued.SetText(p.Issued.String())
	}
	e.issuer.SetText(p.Issuer)
	e.issuer.SetPlaceHolder(T("Ban Thường vụ Đoàn phường …"))
	e.upper.SetText(p.UpperPlan)
	e.upper.SetPlaceHolder(T("Kế hoạch số …-KH/TĐTN, ngày … của Ban Thường vụ Tỉnh Đoàn … (không bắt buộc)"))
	e.start.SetText(strconv.Itoa(p.StartYear))
	e.end.SetText(strconv.Itoa(p.EndYear))
	e.current = newCheck(s.f, T("Kế hoạch hiện hành (Tổng quan và báo cáo năm theo kế hoạch này)"), nil)
	e.current.SetChecked(p.Current)
	e.fm.add("Number", T("Số kế hoạch"), e.number)
	e.fm.add("Issued", T("Ngày ban hành"), e.issued)
	e.fm.add("EndYear", T("Giai đoạn"), container.New(flexRow{1, 0, 1},
		e.start, widget.NewLabel(T("đến năm")), e.end))
	e.fm.add("Title", T("Trích yếu"), e.title)
	e.fm.add("Issuer", T("Cơ quan ban hành"), e.issuer)
	e.fm.add("UpperPlan", T("Thực hiện kế hoạch cấp trên"), e.upper)
	e.fm.add("Current", "", e.current)
	// The plan's fields in two columns: the targets get the height.
	top := container.NewVBox(passWheel(container.NewGridWithColumns(2,
		e.fm.grid("Number", "Issued", "EndYear"), e.fm.grid("Title", "Issuer", "UpperPlan")), func() *container.Scroll { return e.scroll }),
		e.fm.grid("Current"))
	if p.ID == 0 && len(copyFrom) > 0 {
		label := T("Chép các chỉ tiêu của kế hoạch hiện hành")
		if _, ok := s.currentPlan(); !ok {
			label = T("Dùng các chỉ tiêu 2.1–2.8 của kế hoạch cấp trên làm mẫu (chưa có số liệu)")
		}
		e.copyInd = newCheck(s.f, label, func(on bool) {
			e.clearRows()
			if on {
				for _, in := range copyFrom {
					e.addRow(in)
				}
			}
		})
		e.copyInd.SetChecked(true) // adds the rows
		top.Add(e.copyInd)
	} else {
		for _, in := range p.Indicators {
			e.addRow(in)
		}
	}
	top.Add(widget.NewSeparator())
	top.Add(heading(T("Chỉ tiêu")))
	e.header = indicatorHeader()
	top.Add(e.header)
	add := newButtonWithIcon(s.f, T("Thêm chỉ tiêu"), theme.ContentAddIcon(), func() {
		r := e.addRow(domain.Indicator{Kind: domain.KindCount, Metric: domain.MetricManual})
		s.win.Canvas().Focus(r.code)
	})
	e.win = s.win
	e.wrong = newCountText()
	e.fm.clearOnEdit(e.recount)
	e.save = func() bool {
		if !e.write() {
			return false
		}
		s.f.notify(fmt.Sprintf(T("Đã lưu kế hoạch %s: %d chỉ tiêu."), e.plan.Number, len(e.plan.Indicators)))
		s.editor = nil
		s.planID = e.plan.ID
		s.load()
		return true
	}
	// The plan's fields scroll with its targets: on a laptop's screen
	// the fields alone would leave the targets a strip of one row.
	e.scroll = container.NewVScroll(scrollRoom(container.NewVBox(top, e.list)))
	e.scroll.OnScrolled = func(fyne.Position) { e.pinHeader() }
	content := container.NewBorder(nil, container.NewVBox(e.fm.other, container.NewBorder(nil, nil, add, e.wrong)), nil, nil,
		container.NewStack(e.scroll, e.pinnedHeader()))
	s.editor = e
	size := s.win.Canvas().Size()
	d := s.f.formDialog(title, content, fyne.NewSize(size.Width-60, size.Height-40), e.save)
	// What was typed is not thrown away by Esc, Ctrl+Q or closing the
	// window without a question (issue 17, finding 3).
	opened := e.state()
	s.f.guardUnsaved(d, func() bool { return e.state() != opened })
}

// indicatorHeader names the columns of the indicator rows.
func indicatorHeader() fyne.CanvasObject {
	bold := func(s string) fyne.CanvasObject {
		l := widget.NewLabel(s)
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	return container.New(indicatorLine, bold(T("Mã")), bold(T("Mục")),
		bold(T("Nội dung")), bold(T("Loại")), bold(T("Cách đo")), bold(T("Chỉ tiêu")),
		container.NewGridWrap(fyne.NewSize(newCheck(nil, T("cả giai đoạn"), nil).MinSize().Width, 1)), bold(T("Thứ tự")),
		container.NewGridWrap(fyne.NewSize(deleteWidth(), 1)))
}

// pinnedHeader is the columns' header drawn over the top of the scroll,
// shown while the rows scroll under it (issue 17's leftover: the header
// scrolled away with the targets, leaving fifteen rows of boxes without
// names). It has the dialog's background, the rows' width (the same room
// left for the scroll bar) and passes the wheel on to the scroll.
func (e *planEditor) pinnedHeader() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	line := container.NewStack(bg, passWheel(indicatorHeader(), func() *container.Scroll { return e.scroll }))
	e.pinned = scrollRoom(line)
	e.pinned.Hide()
	e.pinBox = container.NewVBox(e.pinned)
	return e.pinBox
}

// pinHeader shows the pinned header once the header in the scroll has
// gone above its top.
func (e *planEditor) pinHeader() {
	p, ok := offsetIn(e.scroll.Content, e.header)
	show := ok && e.scroll.Offset.Y > p.Y
	if show == e.pinned.Visible() {
		return
	}
	if show {
		e.pinned.Show()
	} else {
		e.pinned.Hide()
	}
	// The box lays out only what is shown: laid out again now.
	e.pinBox.Refresh()
}

// deleteWidth is the width of a row's delete button (an icon).
func deleteWidth() float32 {
	return newButtonWithIcon(nil, "", theme.DeleteIcon(), nil).MinSize().Width
}

// state is everything typed in the editor as one comparable text: the
// plan's fields and every row, in order.
func (e *planEditor) state() string {
	var b strings.Builder
	for _, x := range []*entry{e.number, e.title, e.issued, e.issuer, e.upper, e.start, e.end} {
		b.WriteString(x.Text)
		b.WriteByte(0)
	}
	fmt.Fprintf(&b, "%v\x01", e.current.Checked)
	for _, r := range e.rows {
		for _, x := range []*entry{r.code, r.section, r.title, r.target, r.order} {
			b.WriteString(x.Text)
			b.WriteByte(0)
		}
		fmt.Fprintf(&b, "%s\x00%s\x00%v\x01", r.kind.code(), r.metric.code(), r.period.Checked)
	}
	return b.String()
}

// recount says beside the buttons how many fields are still wrong.
func (e *planEditor) recount() {
	n := e.fm.wrongFields()
	if e.fm.other.msg() != "" {
		n++
	}
	for _, r := range e.rows {
		n += r.wrong
	}
	e.wrong.set(wrongCount(n))
}

// revealWrong scrolls to the first field in error and focuses it: a
// plan field, else the first row with a message.
func (e *planEditor) revealWrong() {
	e.recount()
	var target fyne.CanvasObject = e.fm.firstWrong(e.scroll.Content)
	if target == nil {
		for _, r := range e.rows {
			if r.err.msg() != "" {
				target = r.box
				break
			}
		}
	}
	var c fyne.Canvas
	if e.win != nil {
		c = e.win.Canvas()
	}
	reveal(c, e.scroll, target)
	e.pinHeader()
}

func (e *planEditor) clearRows() {
	e.rows = nil
	e.list.Objects = nil
	e.list.Refresh()
}

func (e *planEditor) addRow(in domain.Indicator) *indicatorRow {
	r := &indicatorRow{in: in, err: newErrorText()}
	r.code, r.section, r.title, r.target, r.order = newEntry(e.f), newEntry(e.f), newEntry(e.f), newEntry(e.f), newEntry(e.f)
	r.code.SetText(in.Code)
	r.code.SetPlaceHolder("2.5a")
	r.section.SetText(in.Section)
	r.section.SetPlaceHolder("2.5")
	r.title.SetText(in.Title)
	if !in.NoTarget {
		r.target.SetText(fmtNum(in.Target))
	}
	r.target.SetPlaceHolder(T("chưa nhập"))
	if in.Order > 0 {
		r.order.SetText(strconv.Itoa(in.Order))
	}
	r.metric = newChoiceSelect(e.f, metricChoices(), nil)
	r.metric.setCode(in.Metric)
	r.kind = newChoiceSelect(e.f, kindChoices(), func(code string) { r.kindChanged(code) })
	r.kind.setCode(string(in.Kind))
	r.period = newCheck(e.f, T("cả giai đoạn"), nil)
	r.period.SetChecked(in.Period)
	r.kindChanged(string(in.Kind))
	del := newButtonWithIcon(e.f, "", theme.DeleteIcon(), func() { e.removeRow(r) })
	del.Importance = widget.LowImportance
	line := container.New(indicatorLine, r.code, r.section, r.title, r.kind, r.metric, r.target, r.period, r.order, del)
	r.box = container.NewVBox(passWheel(line, func() *container.Scroll { return e.scroll }), r.err)
	// The row's message goes when one of its fields is changed.
	onEdit(line, func() {
		if r.err.msg() == "" {
			return
		}
		r.err.set("")
		r.wrong = 0
		e.recount()
	})
	e.rows = append(e.rows, r)
	e.list.Add(r.box)
	e.list.Refresh()
	return r
}

// kindChanged fixes the target of a check indicator at 1 (done).
func (r *indicatorRow) kindChanged(code string) {
	if domain.IndicatorKind(code) == domain.KindCheck {
		r.target.SetText("1")
		r.target.Disable()
		return
	}
	r.target.Enable()
}

func (e *planEditor) removeRow(r *indicatorRow) {
	for i, x := range e.rows {
		if x == r {
			e.rows = append(e.rows[:i], e.rows[i+1:]...)
			break
		}
	}
	e.list.Remove(r.box)
	e.list.Refresh()
}

// write reads the numbers, then checks the whole plan with
// domain.CheckPlan and saves it through store.SavePlan: every problem of
// every field shows at once, an unreadable number beside the store's
// messages about the other fields.
func (e *planEditor) write() bool {
	e.fm.clear()
	e.wrong.set("")
	// unread names the fields whose number could not be read, by row (0
	// for the plan itself): the store's message about the value put in
	// their place would only repeat it.
	unread := map[int]map[string]bool{}
	miss := func(row int, field string) {
		if unread[row] == nil {
			unread[row] = map[string]bool{}
		}
		unread[row][field] = true
	}
	p := e.plan
	p.Number, p.Title, p.Current = e.number.Text, e.title.Text, e.current.Checked
	p.Issuer, p.UpperPlan = e.issuer.Text, e.upper.Text
	p.Issued = domain.Date{}
	if strings.TrimSpace(e.issued.Text) != "" {
		d, err := domain.ParseDate(e.issued.Text)
		if err != nil {
			e.fm.setError("Issued", err.Error())
			miss(0, "Issued")
		}
		p.Issued = d
	}
	for _, y := range []struct {
		text string
		to   *int
	}{{e.start.Text, &p.StartYear}, {e.end.Text, &p.EndYear}} {
		v, err := readInt(y.text, domain.YearRange)
		if err != nil {
			e.fm.setError("EndYear", T("năm")+" "+y.text+": "+err.Error())
			miss(0, "EndYear")
		}
		*y.to = int(v)
	}
	p.Indicators = make([]domain.Indicator, len(e.rows))
	for i, r := range e.rows {
		r.err.set("")
		r.wrong = 0
		in := r.in
		in.Code, in.Section, in.Title = r.code.Text, r.section.Text, r.title.Text
		in.Kind, in.Metric, in.Period = domain.IndicatorKind(r.kind.code()), r.metric.code(), r.period.Checked
		var msgs []string
		t, err := parseNum(r.target.Text)
		if err != nil {
			msgs = append(msgs, T("Chỉ tiêu")+": "+err.Error())
			miss(i+1, "Target")
		}
		// An empty figure is a target not entered yet: nothing is judged
		// against it (a yes/no target needs none).
		in.Target, in.NoTarget = t, strings.TrimSpace(r.target.Text) == "" && in.Kind != domain.KindCheck
		o, err := readInt(r.order.Text, domain.OrderRange)
		if err != nil {
			msgs = append(msgs, T("Thứ tự")+": "+err.Error())
			miss(i+1, "Order")
		}
		in.Order = int(o)
		r.wrong = len(msgs)
		r.err.set(strings.Join(msgs, "; "))
		p.Indicators[i] = in
	}
	err := domain.CheckPlan(p)
	if err == nil && len(unread) == 0 {
		if err = e.st.SavePlan(e.ctx, &p); err == nil {
			e.plan = p
			return true
		}
	}
	var ve *domain.ValidationError
	switch {
	case err == nil:
	case errors.As(err, &ve):
		var head []domain.FieldError
		for _, fe := range ve.Errors {
			switch {
			case unread[fe.Row][fe.Field]:
			case fe.Row == 0:
				head = append(head, fe)
			case fe.Row <= len(e.rows):
				r := e.rows[fe.Row-1]
				r.wrong++
				r.err.set(joinNonEmpty("; ", r.err.msg(), T(fe.Label)+": "+fieldMsg(fe)))
			default:
				e.fm.other.set(joinNonEmpty("; ", e.fm.other.msg(), fieldErrText(fe)))
			}
		}
		e.fm.showValidation(&domain.ValidationError{Errors: head})
	default:
		e.f.showError(err)
		return false
	}
	// Every answer in view: Lưu never seems to do nothing.
	e.revealWrong()
	return false
}
