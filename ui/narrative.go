package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/issuing"
	"sodoan/store"
)

// narrativeEditor edits a report's text section by section: the annual
// report of the year chosen on the screen, the period report and the
// text of the current plan. A section she never wrote opens with the
// register's figures as sentences (issuing.Draft, as of the screen's
// cut-off); saving keeps what she sees. Typing not saved is never thrown
// away without a question: Esc, Ctrl+Q, closing the window and choosing
// another document or year ask first (issue 17, finding 3).
type narrativeEditor struct {
	ctx    context.Context
	st     *store.Store
	f      frame
	year   func() int
	cutoff func() domain.Date // the document's cut-off chosen on the screen (zero: its default)
	docSel *selectBox
	body   *fyne.Container
	status *widget.Label
	root   fyne.CanvasObject
	// entries of the sections shown, by section code.
	entries map[string]*entry
	// shownDoc and shownKey are the document whose text is shown: what a
	// save writes, whatever the choices say meanwhile.
	shownDoc string
	shownKey int
	shownSel int
	// dirty is set by typing and cleared by a save: a document made from
	// the register must not miss what was typed but not saved.
	dirty bool
}

// narrativeDocs are the documents whose text the editor keeps.
var narrativeDocs = append([]string{domain.NarrativeAnnual, domain.NarrativeHalfYear, domain.NarrativePeriod, domain.NarrativePlan}, workNarrativeDocs()...)

// workNarrativeDocs are the work reports' docs (quarters, halves, the
// year), after the others: their texts are kept per period and year.
func workNarrativeDocs() []string {
	var out []string
	for _, p := range domain.WorkPeriods(0) {
		out = append(out, p.NarrativeDoc())
	}
	return out
}

// workNarrativeNames name the work reports in the editor's list, in
// workNarrativeDocs' order.
func workNarrativeNames() []string {
	return []string{T("Báo cáo công tác Đoàn quý I"), T("Báo cáo công tác Đoàn quý II"), T("Báo cáo công tác Đoàn quý III"),
		T("Báo cáo công tác Đoàn quý IV"), T("Báo cáo công tác Đoàn 6 tháng đầu năm"), T("Báo cáo công tác Đoàn 6 tháng cuối năm"),
		T("Báo cáo tổng kết công tác Đoàn năm")}
}

func newNarrativeEditor(ctx context.Context, st *store.Store, f frame, year func() int, cutoff func() domain.Date) *narrativeEditor {
	e := &narrativeEditor{ctx: ctx, st: st, f: f, year: year, cutoff: cutoff, body: container.NewStack(), status: widget.NewLabel("")}
	e.status.Wrapping = fyne.TextWrapWord
	names := append([]string{T("Báo cáo năm"), T("Báo cáo sơ kết 6 tháng đầu năm"), T("Báo cáo sơ kết, tổng kết kế hoạch"), T("Kế hoạch")}, workNarrativeNames()...)
	e.docSel = newSelect(f, names, nil)
	load := newButtonWithIcon(f, T("Tải lại"), theme.ViewRefreshIcon(), e.reload)
	save := newButtonWithIcon(f, T("Lưu nội dung"), theme.DocumentSaveIcon(), func() { e.save() })
	save.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, widget.NewLabel(T("Văn bản")), container.NewHBox(load, save), e.docSel)
	e.root = container.NewBorder(container.NewVBox(top, e.status), nil, nil, nil, e.body)
	areas := func() []fyne.CanvasObject { return []fyne.CanvasObject{e.root} }
	f.onSave(e, areas, func() { e.save() })
	f.guardInline(e, areas, func() bool { return e.dirty }, e.save, e.load)
	e.docSel.SetSelectedIndex(0)
	e.load()
	e.docSel.OnChanged = func(string) {
		if e.docSel.SelectedIndex() == e.shownSel {
			return
		}
		// Ở lại puts the choice back on the document shown.
		e.f.askInline(e, e.load, func() { e.showSel(e.shownSel) })
	}
	return e
}

// showSel chooses document i without loading it.
func (e *narrativeEditor) showSel(i int) {
	on := e.docSel.OnChanged
	e.docSel.OnChanged = nil
	e.docSel.SetSelectedIndex(i)
	e.docSel.OnChanged = on
}

// reload shows the chosen document's text again (the year changed, or
// Tải lại), asking first when typing would be lost.
func (e *narrativeEditor) reload() { e.f.askInline(e, e.load, nil) }

// target is the document chosen and its key (year or plan).
func (e *narrativeEditor) target() (doc string, key int, sections []domain.Choice, err error) {
	i := max(e.docSel.SelectedIndex(), 0)
	doc = narrativeDocs[i]
	if _, ok := domain.WorkPeriodOfDoc(doc, e.year()); ok {
		return doc, e.year(), domain.WorkSections, nil
	}
	switch doc {
	case domain.NarrativeAnnual, domain.NarrativeHalfYear:
		return doc, e.year(), domain.AnnualSections, nil
	case domain.NarrativePeriod:
		p, err := e.st.CurrentPlan(e.ctx)
		return doc, int(p.ID), domain.PeriodSections, err
	}
	p, err := e.st.CurrentPlan(e.ctx)
	return doc, int(p.ID), domain.PlanSections, err
}

// load shows the sections of the chosen document: the saved text, or the
// draft from the figures; a section the register has nothing to say in
// tells her it is hers to write.
func (e *narrativeEditor) load() {
	doc, key, sections, err := e.target()
	if err != nil {
		e.f.showError(err)
		return
	}
	saved, err := e.st.Narrative(e.ctx, doc, key)
	if err != nil {
		e.f.showError(err)
		return
	}
	cutoff := e.cutoff()
	draft, err := issuing.Draft(e.ctx, e.st, doc, key, cutoff)
	if err != nil {
		e.f.showError(err)
		return
	}
	text := domain.MergeDraft(saved, draft)
	drafted := domain.DraftedSections(doc)
	e.entries = map[string]*entry{}
	box := container.NewVBox()
	for i, d := range workNarrativeDocs() {
		if d == doc {
			box.Add(heading(fmt.Sprintf(T("%s, năm %d"), workNarrativeNames()[i], key)))
		}
	}
	switch doc {
	case domain.NarrativeAnnual:
		box.Add(heading(fmt.Sprintf(T("Báo cáo năm %d"), key)))
	case domain.NarrativeHalfYear:
		box.Add(heading(fmt.Sprintf(T("Báo cáo sơ kết 6 tháng đầu năm %d"), key)))
	}
	own := 0
	for _, s := range sections {
		en := newMultiLineEntry(e.f)
		en.SetText(text[s.Code])
		en.SetMinRowsVisible(4)
		label := T(s.Label)
		if strings.TrimSpace(draft[s.Code]) == "" {
			// Nothing drafted: her own words (no figures in the
			// register for it, or none yet).
			own++
			label += " " + T("(tự viết)")
			if drafted[s.Code] {
				en.SetPlaceHolder(T("Sổ chưa có số liệu cho mục này; đồng chí tự viết."))
			} else {
				en.SetPlaceHolder(T("Sổ không có số liệu cho mục này; đồng chí tự viết."))
			}
		}
		en.OnChanged = func(string) { e.dirty = true }
		e.entries[s.Code] = en
		box.Add(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(en)
	}
	asOf, err := issuing.DraftDay(e.ctx, e.st, doc, key, cutoff)
	if err != nil {
		e.f.showError(err)
		return
	}
	msg := fmt.Sprintf(T("Mục chưa viết được điền sẵn bằng số liệu của sổ (tính đến %s); sửa rồi bấm Lưu nội dung."), asOf)
	if own > 0 {
		msg += " " + fmt.Sprintf(T("%d mục ghi (tự viết) do đồng chí viết."), own)
	}
	e.status.SetText(msg)
	e.body.Objects = []fyne.CanvasObject{container.NewVScroll(box)}
	e.body.Refresh()
	e.shownDoc, e.shownKey, e.shownSel = doc, key, max(e.docSel.SelectedIndex(), 0)
	e.dirty = false
}

// save writes every section shown, to the document shown; it reports
// whether the text was saved.
func (e *narrativeEditor) save() bool {
	if e.shownDoc == "" {
		return false
	}
	n := domain.Narrative{}
	for code, en := range e.entries {
		n[code] = en.Text
	}
	if err := e.st.SaveNarrative(e.ctx, e.shownDoc, e.shownKey, n); err != nil {
		e.f.showError(err)
		return false
	}
	e.dirty = false
	what := e.docSel.Options[e.shownSel]
	if e.shownDoc == domain.NarrativeAnnual || e.shownDoc == domain.NarrativeHalfYear {
		what += " " + strconv.Itoa(e.shownKey)
	}
	msg := fmt.Sprintf(T("Đã lưu nội dung: %s."), what)
	e.status.SetText(msg)
	e.f.notify(msg)
	return true
}

// reportSettings edits what reports take from settings: the working
// year, the rating scale, the current plan's date, issuing body and
// upper plan, and the recipients of each document.
type reportSettings struct {
	ctx                                context.Context
	st                                 *store.Store
	f                                  frame
	root                               fyne.CanvasObject
	yearStart, planDate, issuer, upper *entry
	recipients                         *entry
	scale, kind                        *selectBox
	save                               *button
	status                             *widget.Label
}

func newReportSettings(ctx context.Context, st *store.Store, f frame) *reportSettings {
	r := &reportSettings{ctx: ctx, st: st, f: f}
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord

	yearStart := newEntry(f)
	yearStart.SetPlaceHolder("01/01")
	if d, m, err := st.WorkingYearStart(ctx); err == nil {
		yearStart.SetText(fmt.Sprintf("%02d/%02d", d, m))
	}
	var scaleNames []string
	for _, c := range domain.RatingScales {
		scaleNames = append(scaleNames, T(c.Label))
	}
	scale := newSelect(f, scaleNames, nil)
	if code, err := st.RatingScale(ctx); err == nil {
		for i, c := range domain.RatingScales {
			if c.Code == code {
				scale.SetSelectedIndex(i)
			}
		}
	}

	plan, _ := st.CurrentPlan(ctx)
	planDate := newDateEntry(f)
	planDate.SetText(plan.Issued.String())
	issuer := newEntry(f)
	issuer.SetPlaceHolder(T("Ban Thường vụ Đoàn phường …"))
	issuer.SetText(plan.Issuer)
	upper := newMultiLineEntry(f)
	upper.SetPlaceHolder(T("Kế hoạch số …-KH/TĐTN, ngày … của Ban Thường vụ Tỉnh Đoàn …"))
	upper.SetText(plan.UpperPlan)

	var kindNames []string
	for _, k := range issuing.Kinds {
		kindNames = append(kindNames, T(k.Label))
	}
	recipients := newMultiLineEntry(f)
	recipients.SetMinRowsVisible(4)
	recipients.SetPlaceHolder(T("Một nơi nhận một dòng; để trống: nơi nhận mặc định"))
	kind := newSelect(f, kindNames, nil)
	kindCode := func() string { return issuing.Kinds[max(kind.SelectedIndex(), 0)].Code }
	// Recipients typed for each kind, kept while she switches between
	// kinds and all saved together.
	edited := map[string]string{}
	shown := ""
	kind.OnChanged = func(string) {
		if shown != "" {
			edited[shown] = recipients.Text
		}
		shown = kindCode()
		if text, ok := edited[shown]; ok {
			recipients.SetText(text)
			return
		}
		list, _, err := st.Recipients(ctx, shown)
		if err != nil {
			f.showError(err)
			return
		}
		recipients.SetText(strings.Join(list, "\n"))
	}
	kind.SetSelectedIndex(0)

	r.yearStart, r.planDate, r.issuer, r.upper, r.recipients, r.scale, r.kind, r.status = yearStart, planDate, issuer, upper, recipients, scale, kind, status
	save := newButtonWithIcon(f, T("Lưu cài đặt báo cáo"), theme.DocumentSaveIcon(), func() {
		if err := st.SetWorkingYearStart(ctx, yearStart.Text); err != nil {
			f.showError(err)
			return
		}
		if i := scale.SelectedIndex(); i >= 0 {
			if err := st.SetRatingScale(ctx, domain.RatingScales[i].Code); err != nil {
				f.showError(err)
				return
			}
		}
		edited[kindCode()] = recipients.Text
		for code, text := range edited {
			if err := st.SetRecipients(ctx, code, text); err != nil {
				f.showError(err)
				return
			}
		}
		if plan.ID != 0 {
			d, err := domain.ParseDate(planDate.Text)
			if err != nil {
				f.showError(fmt.Errorf("%s: %w", T("Ngày ban hành kế hoạch"), err))
				return
			}
			plan.Issued, plan.Issuer, plan.UpperPlan = d, issuer.Text, upper.Text
			if err := st.SavePlan(ctx, &plan); err != nil {
				f.showError(err)
				return
			}
		}
		status.SetText(T("Đã lưu cài đặt báo cáo."))
		f.notify(T("Đã lưu cài đặt báo cáo."))
	})
	save.Importance = widget.HighImportance
	r.save = save
	form := widget.NewForm(
		widget.NewFormItem(T("Năm công tác bắt đầu từ (ngày/tháng)"), yearStart),
		widget.NewFormItem(T("Thang xếp loại tổ chức Đoàn"), scale),
		widget.NewFormItem(T("Ngày ban hành kế hoạch"), planDate),
		widget.NewFormItem(T("Cơ quan ban hành kế hoạch"), issuer),
		widget.NewFormItem(T("Căn cứ kế hoạch cấp trên"), upper),
		widget.NewFormItem(T("Nơi nhận của văn bản"), kind),
		widget.NewFormItem("", recipients),
	)
	r.root = container.NewVScroll(container.NewVBox(form, container.NewHBox(save), status))
	return r
}
