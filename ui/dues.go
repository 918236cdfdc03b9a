package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"sodoan/domain"
	"sodoan/issuing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// duesScreen is the Đoàn phí screen (issue 20): a branch's quarter grid
// filled on one screen and saved in one transaction, the committee's
// exemptions, the remittances up the levels, the quarter's summary and
// the unpaid list, and the three documents, issued through package
// issuing as the command line issues them.
type duesScreen struct {
	ctx     context.Context
	st      *store.Store
	clock   clock
	f       frame
	folders *folders

	year, quarter int
	branches      []domain.Branch
	branchID      int64

	root     *fyne.Container
	grid     *duesGrid
	gridNote *widget.Label
	day      *entry // ngày thu: the day of the grid's new payments
	tabs     *container.AppTabs
	exempts  *fyne.Container
	remits   *fyne.Container
	summary  *fyne.Container
	unpaid   *fyne.Container
	rules    *fyne.Container
	branch   *selectBox
	saveBtn  *button
}

func newDuesScreen(ctx context.Context, st *store.Store, c clock, f frame, fs *folders) *duesScreen {
	today := c.today()
	s := &duesScreen{ctx: ctx, st: st, clock: c, f: f, folders: fs, year: today.Year(), quarter: domain.MonthOf(today).Quarter()}
	s.gridNote = widget.NewLabel("")
	s.gridNote.Wrapping = fyne.TextWrapWord
	s.grid = newDuesGrid(f, func() { s.gridNote.SetText(s.gridStatus()) })
	s.day = newDateEntry(f)
	s.day.SetText(today.String())
	s.exempts, s.remits, s.summary, s.unpaid = container.NewVBox(), container.NewVBox(), container.NewStack(), container.NewVBox()
	s.rules = container.NewVBox()
	s.root = container.NewStack(s.build())
	return s
}

func (s *duesScreen) view() fyne.CanvasObject { return s.root }

// build lays the screen out once; refresh fills it.
func (s *duesScreen) build() fyne.CanvasObject {
	years := yearOptions(s.clock.thisYear()-9, s.clock.thisYear()+1)
	yearSel := newSelect(s.f, years, nil)
	yearSel.SetSelected(strconv.Itoa(s.year))
	yearSel.OnChanged = func(v string) {
		if y, err := strconv.Atoi(v); err == nil && y != s.year {
			s.year = y
			s.refresh()
		}
	}
	quarters := []string{"I", "II", "III", "IV"}
	qSel := newSelect(s.f, quarters, nil)
	qSel.SetSelectedIndex(s.quarter - 1)
	qSel.OnChanged = func(string) {
		if q := qSel.SelectedIndex() + 1; q != s.quarter && q > 0 {
			s.quarter = q
			s.refresh()
		}
	}
	s.branch = newSelect(s.f, nil, nil)
	s.branch.OnChanged = func(string) {
		if i := s.branch.SelectedIndex(); i >= 0 && i < len(s.branches) && s.branches[i].ID != s.branchID {
			s.branchID = s.branches[i].ID
			s.refreshGrid()
			s.refreshLists()
		}
	}
	s.saveBtn = newButtonWithIcon(s.f, T("Lưu bảng thu"), theme.DocumentSaveIcon(), s.saveGrid)
	s.saveBtn.Importance = widget.HighImportance
	s.f.onSave(s, func() []fyne.CanvasObject { return []fyne.CanvasObject{s.grid.table} }, s.saveGrid)
	fill := newButton(s.f, T("Điền mức cho ô còn trống"), s.grid.fillRates)
	top := container.NewHBox(widget.NewLabel(T("Năm")), yearSel, widget.NewLabel(T("Quý")), qSel,
		widget.NewLabel(T("Chi đoàn")), container.NewGridWrap(fyne.NewSize(260, s.branch.MinSize().Height), s.branch))
	gridBar := container.NewHBox(widget.NewLabel(T("Ngày thu")), container.NewGridWrap(fyne.NewSize(130, s.day.MinSize().Height), s.day), fill, s.saveBtn)
	gridTab := container.NewBorder(container.NewVBox(gridBar, s.gridNote), nil, nil, nil, s.grid.table)

	print := func(label string, kind issuing.Kind) *button {
		return newButtonWithIcon(s.f, label, theme.DocumentPrintIcon(), func() { s.issue(kind) })
	}
	docs := container.NewHBox(print(T("In sổ thu đoàn phí (năm)"), issuing.DuesLedger),
		print(T("In bảng tổng hợp quý"), issuing.DuesSummary), print(T("In danh sách chưa đóng"), issuing.DuesUnpaid))
	s.tabs = container.NewAppTabs(
		container.NewTabItem(T("Bảng thu quý"), gridTab),
		container.NewTabItem(T("Miễn đoàn phí"), container.NewVScroll(s.exempts)),
		container.NewTabItem(T("Trích nộp"), container.NewVScroll(s.remits)),
		container.NewTabItem(T("Tổng hợp quý"), s.summary),
		container.NewTabItem(T("Chưa đóng"), container.NewVScroll(s.unpaid)),
		container.NewTabItem(T("Mức đóng"), container.NewVScroll(s.rules)),
	)
	return container.NewBorder(container.NewVBox(top, docs), nil, nil, nil, s.tabs)
}

func (s *duesScreen) refresh() {
	bs, err := s.st.Branches(s.ctx, false)
	if err != nil {
		s.f.showError(err)
		return
	}
	s.branches = bs
	names := make([]string, len(bs))
	sel := -1
	for i, b := range bs {
		names[i] = b.Name
		if b.ID == s.branchID {
			sel = i
		}
	}
	if sel < 0 && len(bs) > 0 {
		sel, s.branchID = 0, bs[0].ID
	}
	on := s.branch.OnChanged
	s.branch.OnChanged = nil
	s.branch.Options = names
	if sel >= 0 {
		s.branch.SetSelectedIndex(sel)
	}
	s.branch.OnChanged = on
	s.branch.Refresh()
	s.refreshGrid()
	s.refreshLists()
}

// refreshGrid loads the branch's quarter.
func (s *duesScreen) refreshGrid() {
	if s.branchID == 0 {
		s.grid.load(domain.DuesSheet{})
		s.gridNote.SetText(T("Chưa có chi đoàn nào: thêm chi đoàn ở màn hình Chi đoàn."))
		return
	}
	g, err := s.st.DuesGrid(s.ctx, s.branchID, s.year, s.quarter, domain.Date{})
	if err != nil {
		s.f.showError(err)
		return
	}
	s.grid.load(g)
	s.gridNote.SetText(s.gridStatus())
}

// gridStatus counts the quarter: paid, owed and unpaid, exempt.
func (s *duesScreen) gridStatus() string {
	var paid, unpaid, exempt int
	var sum, owed int64
	for row, r := range s.grid.sheet.Rows {
		for m, c := range r.Cells {
			a := s.grid.amount(row, m)
			switch {
			case c.Exempt:
				exempt++
			case a > 0:
				paid++
				sum += a
			case c.Owed:
				unpaid++
				owed += c.Rate
			}
		}
	}
	text := fmt.Sprintf(T("%d đoàn viên; %d tháng đã đóng (%s đồng), %d tháng chưa đóng (%s đồng), %d tháng được miễn. Gõ số tiền vào ô tháng (ví dụ 2.000); xóa ô để bỏ. M: được miễn; –: không sinh hoạt tại chi đoàn tháng đó."),
		len(s.grid.sheet.Rows), paid, domain.Money(sum), unpaid, domain.Money(owed), exempt)
	if s.grid.dirty() {
		text = T("Có thay đổi chưa lưu.") + " " + text
	}
	return text
}

// saveGrid saves what was typed, in one transaction.
func (s *duesScreen) saveGrid() {
	entries, err := s.grid.entries()
	if err != nil {
		s.f.showError(err)
		return
	}
	if len(entries) == 0 {
		s.f.notify(T("Bảng thu không có gì thay đổi."))
		return
	}
	day, err := domain.ParseDate(s.day.Text)
	if err != nil {
		s.f.showError(fmt.Errorf("%s: %w", T("Ngày thu"), err))
		return
	}
	err = s.st.SaveDuesGrid(s.ctx, domain.DuesGridSave{BranchID: s.branchID, Year: s.year, Quarter: s.quarter, Date: day, Entries: entries})
	if err != nil {
		s.f.showError(err)
		return
	}
	s.f.notify(fmt.Sprintf(T("Đã lưu bảng thu đoàn phí: %d ô."), len(entries)))
	s.refreshGrid()
	s.refreshLists()
}

// refreshLists fills the tabs other than the grid.
func (s *duesScreen) refreshLists() {
	s.fillExemptions()
	s.fillRemittances()
	s.fillSummary()
	s.fillUnpaid()
	s.fillRules()
}

func (s *duesScreen) personName(id int64) string {
	for _, r := range s.grid.sheet.Rows {
		if r.PersonID == id {
			return r.Name
		}
	}
	if p, err := s.st.Person(s.ctx, id); err == nil {
		return p.FullName()
	}
	return fmt.Sprintf(T("mã %d"), id)
}

func (s *duesScreen) fillExemptions() {
	s.exempts.RemoveAll()
	list, err := s.st.DuesExemptions(s.ctx, s.year, domain.Date{})
	if err != nil {
		s.f.showError(err)
		return
	}
	add := newButtonWithIcon(s.f, T("Ghi quyết định miễn"), theme.ContentAddIcon(), s.exemptDialog)
	s.exempts.Add(container.NewHBox(heading(fmt.Sprintf(T("Miễn đoàn phí năm %d (quyết định của BCH Đoàn cơ sở, tối đa 6 tháng)"), s.year)), add))
	if len(list) == 0 {
		s.exempts.Add(widget.NewLabel(T("Chưa có quyết định miễn nào trong năm.")))
	}
	for _, e := range list {
		e := e
		text := fmt.Sprintf(T("%s: từ tháng %s đến tháng %s (%d tháng), quyết định số %s ngày %s"), s.personName(e.PersonID), e.From, e.To(), e.Months, e.DecisionNumber, e.DecisionDate)
		if e.Reason != "" {
			text += "; " + e.Reason
		}
		del := newButtonWithIcon(s.f, "", theme.DeleteIcon(), func() {
			s.f.confirm(T("Xóa quyết định miễn"), fmt.Sprintf(T("Xóa quyết định miễn số %s?"), e.DecisionNumber), func() {
				if err := s.st.DeleteDuesExemption(s.ctx, e.ID); err != nil {
					s.f.showError(err)
					return
				}
				s.refreshGrid()
				s.refreshLists()
			})
		})
		del.Importance = widget.LowImportance
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		s.exempts.Add(container.NewBorder(nil, nil, nil, del, l))
	}
	s.exempts.Refresh()
}

// exemptDialog records an exemption of a member of the shown branch.
func (s *duesScreen) exemptDialog() {
	rows := s.grid.sheet.Rows
	if len(rows) == 0 {
		s.f.info(T("Miễn đoàn phí"), T("Chi đoàn chưa có đoàn viên trong quý này."))
		return
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Name
	}
	var fm form
	fm.other = newErrorText()
	who := newSelect(s.f, names, nil)
	from, n, number, date, reason := newEntry(s.f), newEntry(s.f), newEntry(s.f), newDateEntry(s.f), newEntry(s.f)
	from.SetText(domain.MonthOf(s.clock.today()).String())
	n.SetText("3")
	date.SetText(s.clock.today().String())
	fm.add("PersonID", T("Đoàn viên"), who)
	fm.add("From", T("Từ tháng (tháng/năm)"), from)
	fm.add("Months", T("Số tháng miễn"), n)
	fm.add("DecisionNumber", T("Số quyết định"), number)
	fm.add("DecisionDate", T("Ngày quyết định"), date)
	fm.add("Reason", T("Lý do"), reason)
	s.f.formDialog(T("Ghi quyết định miễn đoàn phí"), container.NewVBox(fm.grid(), fm.other), fyne.NewSize(600, 420), func() bool {
		fm.clear()
		e := domain.DuesExemption{DecisionNumber: domain.Clean(number.Text), Reason: domain.Clean(reason.Text)}
		if i := who.SelectedIndex(); i >= 0 {
			e.PersonID = rows[i].PersonID
		}
		m, err := domain.ParseMonth(domain.Clean(from.Text))
		if err != nil {
			fm.setError("From", errText(err))
			return false
		}
		e.From = m
		k, ok := fm.parseIntField("Months", n, domain.IntRange{Field: "Months", Label: T("Số tháng miễn"), Min: 1, Max: 99})
		if !ok {
			return false
		}
		e.Months = int(k)
		if e.DecisionDate, ok = fm.parseDateField("DecisionDate", date); !ok {
			return false
		}
		if !fm.result(s.f, s.st.ExemptDues(s.ctx, &e)) {
			return false
		}
		s.refreshGrid()
		s.refreshLists()
		return true
	})
}

func (s *duesScreen) fillRemittances() {
	s.remits.RemoveAll()
	list, err := s.st.DuesRemittances(s.ctx, s.year, domain.Date{})
	if err != nil {
		s.f.showError(err)
		return
	}
	add := newButtonWithIcon(s.f, T("Ghi trích nộp"), theme.ContentAddIcon(), s.remitDialog)
	s.remits.Add(container.NewHBox(heading(fmt.Sprintf(T("Trích nộp đoàn phí năm %d: mỗi cấp giữ lại 2/3, nộp lên 1/3"), s.year)), add))
	if len(list) == 0 {
		s.remits.Add(widget.NewLabel(T("Chưa ghi lần trích nộp nào trong năm.")))
	}
	// Latest first: the one just recorded is on top.
	slices.Reverse(list)
	for _, r := range list {
		r := r
		who := r.BranchName
		if r.Level == domain.RemitWard {
			who = T("Đoàn cơ sở nộp cấp trên")
		}
		text := fmt.Sprintf(T("%s – %s, %s: thu %s đồng, nộp lên %s đồng, giữ lại %s đồng; người nộp %s, người nhận %s"),
			r.Date, who, r.PeriodLabel(), domain.Money(r.Sum), domain.Money(r.Up), domain.Money(r.Kept), r.PaidBy, r.ReceivedBy)
		del := newButtonWithIcon(s.f, "", theme.DeleteIcon(), func() {
			s.f.confirm(T("Xóa lần trích nộp"), fmt.Sprintf(T("Xóa lần trích nộp ngày %s (và dòng giữ lại trong sổ thu, chi)?"), r.Date), func() {
				if err := s.st.DeleteDuesRemittance(s.ctx, r.ID); err != nil {
					s.f.showError(err)
					return
				}
				s.refreshLists()
			})
		})
		del.Importance = widget.LowImportance
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		s.remits.Add(container.NewBorder(nil, nil, nil, del, l))
	}
	s.remits.Refresh()
}

// remitDialog records a remittance: the shown branch's for a month, or
// the ward's for the shown quarter; the sum is the register's unless
// typed.
func (s *duesScreen) remitDialog() {
	var fm form
	fm.other = newErrorText()
	level := newChoiceSelect(s.f, domain.RemitLevels, nil)
	level.setCode(string(domain.RemitBranch))
	period := newEntry(s.f)
	period.SetText(strconv.Itoa(s.clock.today().Month()))
	date, paidBy, receivedBy, sum := newDateEntry(s.f), newEntry(s.f), newEntry(s.f), newEntry(s.f)
	date.SetText(s.clock.today().String())
	sum.SetPlaceHolder(T("để trống: tính từ sổ"))
	fm.add("Level", T("Cấp nộp"), level)
	branchName := ""
	for _, b := range s.branches {
		if b.ID == s.branchID {
			branchName = b.Name
		}
	}
	fm.add("BranchID", T("Chi đoàn (khi chi đoàn nộp)"), widget.NewLabel(branchName))
	fm.add("Period", T("Tháng (chi đoàn) hoặc quý (Đoàn cơ sở)"), period)
	fm.add("Date", T("Ngày nộp"), date)
	fm.add("PaidBy", T("Người nộp"), paidBy)
	fm.add("ReceivedBy", T("Người nhận"), receivedBy)
	fm.add("Sum", T("Số tiền thu của kỳ (đồng)"), sum)
	s.f.formDialog(T("Ghi trích nộp đoàn phí"), container.NewVBox(fm.grid(), fm.other), fyne.NewSize(620, 440), func() bool {
		fm.clear()
		r := domain.DuesRemittance{Level: domain.RemitLevel(level.code()), Year: s.year, PaidBy: domain.Clean(paidBy.Text), ReceivedBy: domain.Clean(receivedBy.Text)}
		if r.Level == domain.RemitBranch {
			r.BranchID = s.branchID
		}
		p, ok := fm.parseIntField("Period", period, domain.IntRange{Field: "Period", Label: T("Kỳ"), Min: 1, Max: 12})
		if !ok {
			return false
		}
		r.Period = int(p)
		if r.Date, ok = fm.parseDateField("Date", date); !ok {
			return false
		}
		if t := domain.Clean(sum.Text); t != "" {
			a, err := domain.ParseMoney(t)
			if err != nil {
				fm.setError("Sum", errText(err))
				return false
			}
			r.Sum = a
		}
		if !fm.result(s.f, s.st.RemitDues(s.ctx, &r)) {
			return false
		}
		s.f.notify(fmt.Sprintf(T("Đã ghi trích nộp %s: nộp lên %s đồng, giữ lại %s đồng."), r.PeriodLabel(), domain.Money(r.Up), domain.Money(r.Kept)))
		s.refreshLists()
		return true
	})
}

func (s *duesScreen) fillSummary() {
	s.summary.RemoveAll()
	sum, err := s.st.DuesSummary(s.ctx, s.year, s.quarter, domain.Date{})
	if err != nil {
		s.f.showError(err)
		return
	}
	up, kept := sum.Rules.ShareLabel()
	// Phải thu by category: the three columns after Đoàn viên.
	head := []string{T("Chi đoàn"), T("Đoàn viên"), T("Hưởng lương"), T("Không hưởng lương"), T("Ở nước ngoài"), T("Được miễn"),
		T("Phải nộp"), T("Đã thu"), T("Giữ lại") + " " + kept, T("Nộp lên") + " " + up, T("Ngày nộp")}
	var rows [][]string
	line := func(r domain.DuesSummaryRow) []string {
		return []string{r.BranchName, strconv.Itoa(r.Members), domain.Money(r.OwedWage), domain.Money(r.OwedNoWage), domain.Money(r.OwedAbroad), domain.Money(r.Exempt),
			domain.Money(r.Due), domain.Money(r.Collected), domain.Money(r.Kept), domain.Money(r.Up), r.Remitted.String()}
	}
	for _, r := range sum.Rows {
		rows = append(rows, line(r))
	}
	rows = append(rows, line(sum.Total))
	var ward string
	if w := sum.WardRemit; w != nil {
		ward = fmt.Sprintf(T("Đoàn cơ sở nộp cấp trên ngày %s: nhận %s đồng, nộp lên %s đồng, giữ lại %s đồng."), w.Date, domain.Money(w.Sum), domain.Money(w.Up), domain.Money(w.Kept))
	} else {
		ward = fmt.Sprintf(T("Đoàn cơ sở chưa nộp đoàn phí quý %s lên cấp trên."), domain.RomanQuarter(s.quarter))
	}
	t := staticTable(s.f, head, rows, []float32{200, 90, 120, 165, 130, 100, 100, 100, 100, 100, 100})
	s.summary.Add(container.NewBorder(heading(fmt.Sprintf(T("Tổng hợp thu, nộp đoàn phí quý %s năm %d (đồng; phải thu theo diện hưởng lương, không hưởng lương, ở nước ngoài)"), domain.RomanQuarter(s.quarter), s.year)),
		widget.NewLabel(ward), nil, nil, t))
	s.summary.Refresh()
}

// staticTable shows rows of text under a header row, each column its
// width; the last row is the total, in bold.
func staticTable(k keyboard, head []string, rows [][]string, widths []float32) *keyTable {
	// newTable: F1 and Esc reach the window while the table has the focus.
	t := newTable(k,
		func() (int, int) { return len(rows), len(head) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("000.000.000")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle = fyne.TextStyle{Bold: id.Row == len(rows)-1}
			l.SetText(rows[id.Row][id.Col])
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("Không hưởng lương")
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(head) {
			o.(*widget.Label).SetText(head[id.Col])
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}

func (s *duesScreen) fillUnpaid() {
	s.unpaid.RemoveAll()
	if s.branchID == 0 {
		return
	}
	list, err := s.st.DuesUnpaidList(s.ctx, s.branchID, s.year, domain.Date{})
	if err != nil {
		s.f.showError(err)
		return
	}
	s.unpaid.Add(heading(fmt.Sprintf(T("Đoàn viên chưa đóng đoàn phí năm %d, đến hôm nay"), s.year)))
	if len(list) == 0 {
		s.unpaid.Add(widget.NewLabel(T("Không có đoàn viên nào chưa đóng.")))
	}
	var total int64
	for i, u := range list {
		ms := make([]string, len(u.Months))
		for j, m := range u.Months {
			ms[j] = m.String()
		}
		total += u.Amount
		l := widget.NewLabel(fmt.Sprintf("%d. %s: %s (%s %s)", i+1, u.Name, strings.Join(ms, ", "), domain.Money(u.Amount), T("đồng")))
		l.Wrapping = fyne.TextWrapWord
		s.unpaid.Add(l)
	}
	if len(list) > 0 {
		s.unpaid.Add(widget.NewLabelWithStyle(fmt.Sprintf(T("Tổng cộng: %d đoàn viên, %s đồng."), len(list), domain.Money(total)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	s.unpaid.Refresh()
}

// issue writes one of the dues documents, numbered, into the year's
// documents folder.
func (s *duesScreen) issue(kind issuing.Kind) {
	if s.grid.dirty() {
		s.f.info(T("Đoàn phí"), T("Bảng thu có thay đổi chưa lưu: hãy lưu trước khi in."))
		return
	}
	dir, err := s.folders.yearDir(s.year)
	if err != nil {
		s.f.showError(err)
		return
	}
	req := issuing.Request{Kind: kind, Year: s.year, Quarter: s.quarter, Date: s.clock.today()}
	if kind != issuing.DuesSummary {
		req.BranchID = s.branchID
	}
	path, err := issue(s.ctx, s.st, s.folders, req, dir, true)
	if err != nil {
		s.f.showError(err)
		return
	}
	s.folders.fileReady(T("Đã xuất văn bản"), fmt.Sprintf(T("Đã xuất %s."), path), path)
}
