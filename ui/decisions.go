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

// The ward's decisions and the branch book in Báo cáo (issue 20): a tab
// that lists the decisions and issues a new one through
// issuing.IssueDecision (the form: kind, people picked from the register,
// date, reason and what the kind needs), and a tab that prints a
// branch's book through issuing.IssueBook. Both are the workflows the
// command line uses.

// decisionsPanel is the Quyết định tab.
type decisionsPanel struct {
	ctx     context.Context
	st      *store.Store
	clock   clock
	f       frame
	folders *folders
	// list holds a row a decision: its line, In lại and Hủy….
	list *fyne.Container
	root fyne.CanvasObject
}

func newDecisionsPanel(ctx context.Context, st *store.Store, c clock, f frame, fs *folders) *decisionsPanel {
	p := &decisionsPanel{ctx: ctx, st: st, clock: c, f: f, folders: fs, list: container.NewVBox()}
	add := newButtonWithIcon(f, T("Ban hành quyết định…"), theme.DocumentCreateIcon(), func() { p.form() })
	add.Importance = widget.HighImportance
	p.root = container.NewBorder(container.NewHBox(add), nil, nil, nil, container.NewVScroll(p.list))
	return p
}

// refresh lists the decisions, the latest first, each with its actions:
// In lại (a copy from the register) and Hủy… (not for one annulled
// already, nor for an election, which is not annulled in the register).
func (p *decisionsPanel) refresh() {
	p.list.Objects = nil
	defer p.list.Refresh()
	decs, err := p.st.Decisions(p.ctx, 0)
	if err != nil {
		p.f.showError(err)
		return
	}
	u, err := p.st.Unit(p.ctx)
	if err != nil {
		p.f.showError(err)
		return
	}
	if len(decs) == 0 {
		p.list.Add(widget.NewLabel(T("Chưa có quyết định nào.")))
		return
	}
	today := p.clock.today()
	for _, d := range decs {
		text := fmt.Sprintf("%s  %s  %s: %s", d.Symbol(u.IssuerCode), d.Date, T(d.Kind.Label()), domain.DecisionPeopleNames(d.People))
		if d.Annulled(today) {
			text += " — " + fmt.Sprintf(T("đã hủy ngày %s"), d.Annulment.Date)
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		reprint := newButtonWithIcon(p.f, T("In lại"), theme.DocumentPrintIcon(), func() { p.reprint(d) })
		reprint.Importance = widget.LowImportance
		actions := container.NewHBox(reprint)
		if d.Annulment.Date.IsZero() && d.Kind != domain.DecisionElection {
			annul := newButtonWithIcon(p.f, T("Hủy…"), theme.CancelIcon(), func() { p.annul(d, u.IssuerCode) })
			annul.Importance = widget.LowImportance
			actions.Add(annul)
		}
		p.list.Add(container.NewBorder(nil, nil, nil, actions, l))
	}
}

// reprint prints a decision again from the register (a copy, no new
// number) into its year's folder.
func (p *decisionsPanel) reprint(d domain.Decision) {
	dir, err := p.folders.yearDir(d.Year)
	if err != nil {
		p.f.showError(err)
		return
	}
	path, _, err := issuing.ReprintDecision(p.ctx, p.st, issuing.ReprintRequest{ID: d.ID, Dir: dir, ConfirmReplace: p.folders.askReplace})
	if err != nil {
		p.f.showError(err)
		return
	}
	p.f.notify(fmt.Sprintf(T("Đã in lại (bản sao) quyết định số %s: %s"), d.Symbol(p.issuer()), path))
}

// issuer is the unit's issuer code ("" when it cannot be read).
func (p *decisionsPanel) issuer() string {
	u, _ := p.st.Unit(p.ctx)
	return u.IssuerCode
}

// annul asks for the day, the reason and the annulling decision's number,
// says what the annulment will reverse, and annuls on the dialog's Hủy
// quyết định: the dialog is the confirmation. A refusal stays in the
// dialog, nothing changed.
func (p *decisionsPanel) annul(d domain.Decision, issuer string) {
	date := newEntry(p.f)
	date.SetText(p.clock.today().String())
	reason := newEntry(p.f)
	reason.SetPlaceHolder(T("Lý do hủy"))
	number := newEntry(p.f)
	number.SetPlaceHolder(T("Số quyết định hủy, nếu có (ví dụ 15-QĐ/ĐTN)"))
	message := widget.NewLabel("")
	message.Wrapping = fyne.TextWrapWord
	message.Importance = widget.DangerImportance
	warn := widget.NewLabel(fmt.Sprintf(T("Hủy quyết định số %s ngày %s (%s: %s). %s Số quyết định được giữ, không cấp lại."),
		d.Symbol(issuer), d.Date, T(d.Kind.Label()), domain.DecisionPeopleNames(d.People), T(annulEffect(d.Kind))))
	warn.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(warn, widget.NewForm(
		widget.NewFormItem(T("Ngày hủy"), date),
		widget.NewFormItem(T("Lý do hủy"), reason),
		widget.NewFormItem(T("Số quyết định hủy"), number),
	), message)
	p.f.actionDialog(T("Hủy quyết định"), T("Xác nhận hủy quyết định"), content, fyne.NewSize(640, 360), func() bool {
		on, err := domain.ParseDate(date.Text)
		if err != nil {
			message.SetText(T("Ngày hủy") + ": " + errText(err))
			return false
		}
		if _, err := issuing.AnnulDecision(p.ctx, p.st, d.ID, domain.Annulment{Date: on, Reason: reason.Text, Number: number.Text}); err != nil {
			message.SetText(errText(err))
			return false
		}
		p.refresh()
		p.f.notify(fmt.Sprintf(T("Đã hủy quyết định số %s từ ngày %s."), d.Symbol(issuer), on))
		return true
	})
}

// annulEffect says what annulling a decision of the kind reverses.
func annulEffect(k domain.DecisionKind) string {
	switch k {
	case domain.DecisionAdmission:
		return "Việc kết nạp những người có tên sẽ được gỡ khỏi quá trình sinh hoạt."
	case domain.DecisionMaturity:
		return "Việc trưởng thành Đoàn sẽ được gỡ: những người có tên sinh hoạt trở lại."
	case domain.DecisionRemoval, domain.DecisionDiscipline:
		return "Việc xóa tên, khai trừ (nếu có) sẽ được gỡ: những người có tên sinh hoạt trở lại."
	case domain.DecisionExemption:
		return "Các tháng được miễn đoàn phí sẽ được gỡ: những tháng đó phải đóng."
	}
	return "Quyết định không còn hiệu lực."
}

// decisionForm is the form of a new decision.
type decisionForm struct {
	p        *decisionsPanel
	kind     *selectBox
	date     *entry
	reason   *entry
	form     *selectBox
	branch   *selectBox
	term     *entry
	role     *selectBox
	from     *entry
	months   *entry
	search   *entry
	results  *fyne.Container
	chosen   *fyne.Container
	people   []domain.DecisionPerson
	branches []domain.Branch
	message  *widget.Label
	// The rows of the kinds that take them.
	reasonRow, formRow, electionRows, exemptRow *widget.Form
}

func (p *decisionsPanel) form() {
	if f, content := p.newForm(); f != nil {
		p.f.actionDialog(T("Ban hành quyết định"), T("Ban hành"), container.NewVScroll(content), fyne.NewSize(760, 600), f.issue)
	}
}

// newForm builds the form of a new decision and its content (nil when
// the branches cannot be read: the error is shown).
func (p *decisionsPanel) newForm() (*decisionForm, fyne.CanvasObject) {
	f := &decisionForm{p: p, results: container.NewVBox(), chosen: container.NewVBox(), message: widget.NewLabel("")}
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Importance = widget.DangerImportance
	var kinds []string
	for _, k := range domain.DecisionKinds {
		kinds = append(kinds, T(k.Label))
	}
	f.kind = newSelect(p.f, kinds, func(string) { f.kindChanged() })
	f.date = newEntry(p.f)
	f.date.SetText(p.clock.today().String())
	f.reason = newEntry(p.f)
	f.reason.SetPlaceHolder(T("Lý do (xóa tên, khen thưởng, kỷ luật, miễn đoàn phí)"))
	f.form = newSelect(p.f, nil, nil)
	var err error
	if f.branches, err = p.st.Branches(p.ctx, true); err != nil {
		p.f.showError(err)
		return nil, nil
	}
	var names []string
	for _, b := range f.branches {
		names = append(names, b.Name)
	}
	f.branch = newSelect(p.f, names, nil)
	f.term = newEntry(p.f)
	f.term.SetPlaceHolder(T("Nhiệm kỳ, ví dụ 2025–2027"))
	var roles []string
	for _, r := range domain.ElectionRoles {
		roles = append(roles, T(r.Label))
	}
	f.role = newSelect(p.f, roles, nil)
	f.role.SetSelectedIndex(0)
	f.from = newEntry(p.f)
	f.from.SetPlaceHolder(T("Từ tháng mm/yyyy"))
	f.months = newEntry(p.f)
	f.months.SetPlaceHolder(T("Số tháng (tối đa 6)"))
	f.search = newEntry(p.f)
	f.search.SetPlaceHolder(T("Tìm người trong sổ theo tên"))
	f.search.OnChanged = func(q string) { f.find(q) }
	f.kind.SetSelectedIndex(0)
	f.redraw()
	// What only some kinds take is shown for them alone.
	f.reasonRow = widget.NewForm(widget.NewFormItem(T("Lý do"), f.reason))
	f.formRow = widget.NewForm(widget.NewFormItem(T("Hình thức"), f.form))
	f.electionRows = widget.NewForm(widget.NewFormItem(T("Chi đoàn (bầu cử)"), f.branch), widget.NewFormItem(T("Nhiệm kỳ"), f.term))
	f.exemptRow = widget.NewForm(widget.NewFormItem(T("Miễn đoàn phí"), container.NewGridWithColumns(2, f.from, f.months)))
	f.kindChanged()
	content := container.NewVBox(
		widget.NewForm(
			widget.NewFormItem(T("Loại quyết định"), f.kind),
			widget.NewFormItem(T("Ngày quyết định"), f.date),
		),
		f.reasonRow, f.formRow, f.electionRows, f.exemptRow,
		heading(T("Người trong quyết định")),
		f.chosen,
		container.NewGridWithColumns(2, f.search, f.role),
		f.results,
		f.message,
	)
	return f, content
}

// kindChanged empties the form choices the new kind does not take.
func (f *decisionForm) kindChanged() {
	k := f.kindCode()
	var forms []string
	for _, c := range domain.DecisionForms(k) {
		forms = append(forms, T(c.Label))
	}
	f.form.SetOptions(forms)
	f.form.ClearSelected()
	if len(forms) > 0 {
		f.form.SetSelectedIndex(0)
	}
	if f.reasonRow == nil {
		return // the rows are not built yet
	}
	show := func(w fyne.CanvasObject, on bool) {
		if on {
			w.Show()
		} else {
			w.Hide()
		}
	}
	show(f.reasonRow, k == domain.DecisionRemoval || k == domain.DecisionCommendation || k == domain.DecisionDiscipline || k == domain.DecisionExemption)
	show(f.formRow, len(forms) > 0)
	show(f.electionRows, k == domain.DecisionElection)
	show(f.exemptRow, k == domain.DecisionExemption)
	show(f.role, k == domain.DecisionElection)
}

func (f *decisionForm) kindCode() domain.DecisionKind {
	i := f.kind.SelectedIndex()
	if i < 0 {
		return ""
	}
	return domain.DecisionKind(domain.DecisionKinds[i].Code)
}

// find lists up to eight people of the register matching q.
func (f *decisionForm) find(q string) {
	f.results.Objects = nil
	if len([]rune(q)) >= 2 {
		people, err := f.p.st.Search(f.p.ctx, q, 8)
		if err != nil {
			f.p.f.showError(err)
			return
		}
		for _, pe := range people {
			b := newButtonWithIcon(f.p.f, pe.FullName()+" — "+pe.BirthDate.String()+" — "+pe.BranchName, theme.ContentAddIcon(), func() {
				dp := domain.DecisionPerson{PersonID: pe.ID, Name: pe.FullName()}
				if i := f.role.SelectedIndex(); i >= 0 && f.kindCode() == domain.DecisionElection {
					dp.Role = domain.ElectionRoles[i].Code
				}
				f.people = append(f.people, dp)
				f.search.SetText("")
				f.redraw()
			})
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			f.results.Add(b)
		}
	}
	f.results.Refresh()
}

func (f *decisionForm) redraw() {
	f.chosen.Objects = nil
	for i, dp := range f.people {
		text := strconv.Itoa(i+1) + ". " + dp.Name
		if dp.Role != "" {
			text += " — " + T(domain.LabelOf(domain.ElectionRoles, dp.Role))
		}
		del := newButtonWithIcon(f.p.f, "", theme.DeleteIcon(), func() {
			f.people = append(f.people[:i], f.people[i+1:]...)
			f.redraw()
		})
		del.Importance = widget.LowImportance
		f.chosen.Add(container.NewBorder(nil, nil, nil, del, widget.NewLabel(text)))
	}
	if len(f.people) == 0 {
		f.chosen.Add(widget.NewLabel(T("Chưa chọn người nào.")))
	}
	f.chosen.Refresh()
}

// issue issues the decision; false keeps the dialog open with the
// message under the form.
func (f *decisionForm) issue() bool {
	k := f.kindCode()
	dec := domain.Decision{Kind: k, Reason: f.reason.Text, Term: f.term.Text, People: f.people}
	var err error
	if dec.Date, err = domain.ParseDate(f.date.Text); err != nil {
		f.message.SetText(T("Ngày quyết định") + ": " + errText(err))
		return false
	}
	if forms := domain.DecisionForms(k); forms != nil && f.form.SelectedIndex() >= 0 {
		dec.Form = forms[f.form.SelectedIndex()].Code
	}
	if k == domain.DecisionElection && f.branch.SelectedIndex() >= 0 {
		dec.BranchID = f.branches[f.branch.SelectedIndex()].ID
	}
	if k == domain.DecisionExemption {
		if dec.ExemptFrom, err = domain.ParseMonth(f.from.Text); err != nil {
			f.message.SetText(T("Từ tháng") + ": " + errText(err))
			return false
		}
		if dec.ExemptMonths, err = strconv.Atoi(strings.TrimSpace(f.months.Text)); err != nil {
			f.message.SetText(T("Số tháng miễn") + ": " + T("phải là một số"))
			return false
		}
	}
	year := dec.Date.Year()
	if year == 0 {
		year = f.p.clock.thisYear()
	}
	dir, err := f.p.folders.yearDir(year)
	if err != nil {
		f.message.SetText(errText(err))
		return false
	}
	out, _, err := issuing.IssueDecision(f.p.ctx, f.p.st, issuing.DecisionRequest{Decision: dec, Dir: dir, ConfirmReplace: f.p.folders.askReplace})
	if err != nil {
		f.message.SetText(errText(err))
		return false
	}
	f.p.refresh()
	f.p.f.notify(fmt.Sprintf(T("Đã ban hành quyết định số %s: %s"), out.Symbol, out.Path))
	return true
}

// bookPanel is the Sổ chi đoàn tab.
type bookPanel struct {
	ctx      context.Context
	st       *store.Store
	clock    clock
	f        frame
	folders  *folders
	branch   *selectBox
	year     *selectBox
	blank    *check
	status   *widget.Label
	branches []domain.Branch
	root     fyne.CanvasObject
}

func newBookPanel(ctx context.Context, st *store.Store, c clock, f frame, fs *folders) *bookPanel {
	b := &bookPanel{ctx: ctx, st: st, clock: c, f: f, folders: fs, status: widget.NewLabel("")}
	b.status.Wrapping = fyne.TextWrapWord
	b.branch = newSelect(f, nil, nil)
	b.year = newSelect(f, yearOptions(c.thisYear()-6, c.thisYear()), nil)
	b.year.SetSelected(strconv.Itoa(c.thisYear()))
	b.blank = newCheck(f, T("Sổ trắng (các bảng kẻ sẵn dòng để ghi tay)"), nil)
	printBtn := newButtonWithIcon(f, T("In sổ chi đoàn"), theme.DocumentPrintIcon(), b.print)
	printBtn.Importance = widget.HighImportance
	b.root = container.NewVBox(
		widget.NewForm(
			widget.NewFormItem(T("Chi đoàn"), b.branch),
			widget.NewFormItem(T("Năm"), b.year),
			widget.NewFormItem("", b.blank),
		),
		container.NewHBox(printBtn),
		b.status,
	)
	return b
}

// refresh reloads the branches offered.
func (b *bookPanel) refresh() {
	var err error
	if b.branches, err = b.st.Branches(b.ctx, true); err != nil {
		b.f.showError(err)
		return
	}
	var names []string
	for _, br := range b.branches {
		names = append(names, br.Name)
	}
	b.branch.SetOptions(names)
}

func (b *bookPanel) print() {
	y, _ := strconv.Atoi(b.year.Selected)
	req := issuing.BookRequest{Year: y, Blank: b.blank.Checked, ConfirmReplace: b.folders.askReplace}
	if i := b.branch.SelectedIndex(); i >= 0 && i < len(b.branches) {
		req.BranchID = b.branches[i].ID
	}
	dir, err := b.folders.yearDir(y)
	if err != nil {
		b.f.showError(err)
		return
	}
	req.Dir = dir
	path, err := issuing.IssueBook(b.ctx, b.st, req)
	if err != nil {
		b.status.SetText(T("Không tạo được") + ": " + errText(err))
		return
	}
	b.status.SetText(T("Đã tạo") + " " + path)
}

// memberDecisions is the box of a member's page that lists the
// decisions naming her (kết nạp, trưởng thành, khen thưởng…).
func memberDecisions(ctx context.Context, st *store.Store, f frame, personID int64) fyne.CanvasObject {
	box := container.NewVBox(heading(T("Quyết định")))
	decs, err := st.PersonDecisions(ctx, personID)
	if err != nil {
		f.showError(err)
	}
	u, err := st.Unit(ctx)
	if err != nil {
		f.showError(err)
	}
	if len(decs) == 0 {
		box.Add(widget.NewLabel(T("Chưa có quyết định nào.")))
	}
	for _, d := range decs {
		text := d.Symbol(u.IssuerCode) + "  " + d.Date.String() + "  " + T(d.Kind.Label())
		if form := d.FormLabel(); form != "" {
			text += " — " + T(form)
		}
		if d.Reason != "" {
			text += " — " + d.Reason
		}
		if a := d.Annulment; !a.Date.IsZero() {
			// The page shows the register as it is: an annulled decision
			// stays, marked, with why.
			text += " — " + fmt.Sprintf(T("đã hủy ngày %s"), a.Date) + ": " + a.Reason
			if a.Number != "" {
				text += " (" + a.Number + ")"
			}
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box
}

// decisionSymbols names the decisions of a person by id ("12-QĐ/ĐTN"),
// for the events of her page that a decision decided (empty when the
// register cannot be read: the decisions' box says so).
func decisionSymbols(ctx context.Context, st *store.Store, personID int64) map[int64]string {
	out := map[int64]string{}
	decs, err := st.PersonDecisions(ctx, personID)
	if err != nil {
		return out
	}
	u, err := st.Unit(ctx)
	if err != nil {
		return out
	}
	for _, d := range decs {
		out[d.ID] = d.Symbol(u.IssuerCode) + " " + d.Date.String()
	}
	return out
}
