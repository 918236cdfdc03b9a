package ui

import (
	"context"
	"errors"
	"fmt"
	"math"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/issuing"
	"sodoan/store"
)

// reportDueMonth and reportDueDay: the annual report is due on 15/10.
const (
	reportDueMonth = 10
	reportDueDay   = 15
)

// dashboard is the Tổng quan screen: counts, the plan's progress and
// alerts.
type dashboard struct {
	ctx   context.Context
	st    *store.Store
	clock clock // the year counted, the days to the report's due date
	f     frame
	// goTo shows a screen of the navigation; onMembers shows the members
	// screen and does something there (ticks a filter, opens the form);
	// importFile asks for a spreadsheet to import.
	goTo       func(id string)
	onMembers  func(do func(*membersScreen))
	importFile func()
	root       *fyne.Container
	// since is the day the register came into use (store.InUseSince;
	// tests set another).
	since func() (domain.Date, error)
}

func newDashboard(ctx context.Context, st *store.Store, clock clock, f frame,
	goTo func(string), onMembers func(func(*membersScreen)), importFile func()) *dashboard {
	return &dashboard{ctx: ctx, st: st, clock: clock, f: f, goTo: goTo, onMembers: onMembers, importFile: importFile,
		root: container.NewStack(), since: func() (domain.Date, error) { return st.InUseSince(ctx) }}
}

func (d *dashboard) view() fyne.CanvasObject { return d.root }

func (d *dashboard) refresh() {
	year := d.clock.thisYear()
	ov, err := d.st.Overview(d.ctx, year)
	if err != nil {
		d.f.showError(err)
		return
	}
	card := func(title string, value int, sub string, target string) fyne.CanvasObject {
		v := widget.NewLabel(fmtInt(int64(value)))
		v.SizeName = theme.SizeNameHeadingText
		v.TextStyle.Bold = true
		b := newButton(d.f, T("Xem"), func() { d.goTo(target) })
		if target == "" {
			b.Hide()
		}
		return widget.NewCard("", title, container.NewVBox(v, widget.NewLabel(sub), b))
	}
	statusLine := ""
	for _, c := range domain.Statuses {
		if c.Code == string(domain.StatusActive) {
			continue
		}
		statusLine = joinNonEmpty(" · ", statusLine, fmt.Sprintf("%s: %s", T(c.Label), fmtInt(int64(ov.UnionByStatus[domain.Status(c.Code)]))))
	}
	cards := container.NewGridWithColumns(5,
		card(T("Đoàn viên đang sinh hoạt"), ov.UnionActive,
			fmt.Sprintf(T("Nam %s · Nữ %s"), fmtInt(int64(ov.UnionMale)), fmtInt(int64(ov.UnionFemale))), "members"),
		card(Tc("nav", "Hội viên"), ov.Federation, T("Hội LHTN Việt Nam"), "federation"),
		card(Tc("nav", "Chi đoàn"), ov.Branches, T("đang hoạt động"), "branches"),
		card(T("Câu lạc bộ"), ov.Clubs, T("đang hoạt động"), "clubs"),
		card(T("Tổ hợp tác"), ov.Coops, T("đang hoạt động"), "coops"),
	)
	statusLbl := widget.NewLabel(fmt.Sprintf(T("Kết nạp năm %d: %s đoàn viên"), year, fmtInt(int64(ov.Admitted))) +
		" · " + T("Đoàn viên khác") + ": " + statusLine)
	statusLbl.Wrapping = fyne.TextWrapWord

	alerts := container.NewVBox(heading(T("Cần chú ý")))
	d.addFirstSteps(alerts)
	if ov.TurningThirty > 0 {
		b := newButtonWithIcon(d.f, fmt.Sprintf(T("%s đoàn viên tròn 30 tuổi trong năm %d: chuẩn bị trưởng thành Đoàn"), fmtInt(int64(ov.TurningThirty)), year),
			theme.WarningIcon(), func() {
				d.onMembers(func(m *membersScreen) { m.turning.SetChecked(true) })
			})
		b.Alignment = widget.ButtonAlignLeading
		alerts.Add(b)
	}
	// Members whose card is not handed yet (issue 20).
	if n, err := d.st.WithoutCard(d.ctx); err != nil {
		d.f.showError(err)
	} else if n > 0 {
		b := newButtonWithIcon(d.f, fmt.Sprintf(T("%s đoàn viên chưa được trao thẻ đoàn viên"), fmtInt(int64(n))), theme.AccountIcon(), func() { d.goTo("members") })
		b.Alignment = widget.ButtonAlignLeading
		alerts.Add(b)
	}
	today := d.clock.today()
	d.addUnmetBranches(alerts, today)
	since, err := d.since()
	if err != nil {
		d.f.showError(err)
	}
	rd, err := annualDue(today, since, func(y int) (bool, error) {
		_, ok, err := issuing.AnnualIssued(d.ctx, d.st, y)
		return ok, err
	})
	if err != nil {
		d.f.showError(err)
	}
	dueBtn := newButtonWithIcon(d.f, rd.text(), theme.DocumentIcon(), func() { d.goTo("reports") })
	dueBtn.Alignment = widget.ButtonAlignLeading
	switch {
	case rd.overdue():
		dueBtn.Importance = widget.DangerImportance
	case rd.days <= 30:
		dueBtn.Importance = widget.WarningImportance
	}
	alerts.Add(dueBtn)
	backupDays := -1
	if !ov.LastBackup.IsZero() {
		backupDays = int(today.Time().Sub(ov.LastBackup.Time()).Hours() / 24)
	}
	backupText := T("Chưa sao lưu sổ lần nào")
	switch {
	case backupDays == 0:
		backupText = T("Đã sao lưu sổ hôm nay")
	case backupDays > 0:
		backupText = fmt.Sprintf(T("Lần sao lưu gần nhất: %d ngày trước"), backupDays)
	}
	backupBtn := newButtonWithIcon(d.f, backupText, theme.DownloadIcon(), func() { d.goTo("settings") })
	backupBtn.Alignment = widget.ButtonAlignLeading
	if backupDays < 0 || backupDays > store.BackupStale {
		backupBtn.Importance = widget.WarningImportance
	}
	alerts.Add(backupBtn)

	progress := container.NewVBox()
	plan, err := d.st.CurrentPlan(d.ctx)
	switch {
	case errors.Is(err, store.ErrNoPlan):
		// Nothing judged against another body's plan: the ward enters its own.
		notice := widget.NewLabel(T(domain.NoPlan))
		notice.Importance = widget.WarningImportance
		notice.Wrapping = fyne.TextWrapWord
		enter := newButtonWithIcon(d.f, T("Nhập kế hoạch của đơn vị"), theme.DocumentCreateIcon(), func() { d.goTo("plan") })
		progress.Add(notice)
		progress.Add(container.NewHBox(enter))
	case err != nil:
		d.f.showError(err)
	default:
		progress.Add(heading(fmt.Sprintf(T("Chỉ tiêu Kế hoạch %s, năm %d"), plan.Number, year)))
		results, err := d.st.YearResults(d.ctx, plan.ID, year)
		if err != nil {
			d.f.showError(err)
		}
		for _, r := range results {
			progress.Add(indicatorBar(r))
		}
	}
	left := container.NewVBox(cards, statusLbl, widget.NewSeparator(), alerts)
	body := container.NewBorder(left, nil, nil, nil, container.NewVScroll(progress))
	d.root.Objects = []fyne.CanvasObject{body}
	d.root.Refresh()
}

// indicatorBar is one indicator's progress against its target.
func indicatorBar(r domain.Result) fyne.CanvasObject {
	in := r.Indicator
	label := widget.NewLabel(in.Code + ". " + in.Title)
	label.Truncation = fyne.TextTruncateEllipsis
	bar := widget.NewProgressBar()
	bar.Max = in.Target
	if in.Target <= 0 {
		bar.Max = 1
	}
	done := r.Actual
	if in.Period {
		// A period target's bar shows the whole period's progress, as
		// its verdict does.
		done = r.Cumulative
	}
	bar.SetValue(min(done, bar.Max))
	bar.TextFormatter = func() string {
		switch {
		case !r.Known:
			return T("chưa đủ số liệu")
		case in.Kind == domain.KindCheck:
			return actualText(r)
		case in.Period:
			return metText(r)
		}
		return actualText(r) + " / " + targetText(in) + " — " + metText(r)
	}
	bar.Refresh()
	return container.NewGridWithColumns(2, label, bar)
}

// dueReport is the annual report the dashboard reminds of.
type dueReport struct {
	year int
	due  domain.Date
	days int // days left; negative: days past due
}

// annualDue is this year's annual report, due on 15/10, until it is issued
// (issued tells, from the register of outgoing documents), and next
// year's after: a report not issued by its day stays on the dashboard as
// overdue instead of giving way to next year's date. A report due before
// the register came into use (since) is none of its business: a register
// made in December reminds of next year's (issue 17: a register made a
// minute ago showed "quá hạn … 53 ngày").
func annualDue(today, since domain.Date, issued func(year int) (bool, error)) (dueReport, error) {
	y := today.Year()
	done, err := issued(y)
	if done || (!since.IsZero() && since.After(domain.MustDate(y, reportDueMonth, reportDueDay))) {
		y++
	}
	due := domain.MustDate(y, reportDueMonth, reportDueDay)
	days := int(math.Round(due.Time().Sub(today.Time()).Hours() / 24))
	return dueReport{year: y, due: due, days: days}, err
}

func (r dueReport) overdue() bool { return r.days < 0 }

// text is the dashboard's line.
func (r dueReport) text() string {
	if r.overdue() {
		return fmt.Sprintf(T("Báo cáo năm %d chưa nộp, quá hạn %s: đã quá %d ngày"), r.year, r.due.String(), -r.days)
	}
	return fmt.Sprintf(T("Báo cáo năm nộp trước %s: còn %d ngày"), r.due.String(), r.days)
}
