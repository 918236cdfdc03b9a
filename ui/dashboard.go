package ui

import (
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
	a    *App
	root *fyne.Container
}

func newDashboard(a *App) *dashboard { return &dashboard{a: a, root: container.NewStack()} }

func (d *dashboard) view() fyne.CanvasObject { return d.root }

func (d *dashboard) refresh() {
	a := d.a
	year := d.a.thisYear()
	ov, err := a.st.Overview(a.ctx, year)
	if err != nil {
		a.showError(err)
		return
	}
	card := func(title string, value int, sub string, target string) fyne.CanvasObject {
		v := widget.NewLabel(fmtInt(int64(value)))
		v.SizeName = theme.SizeNameHeadingText
		v.TextStyle.Bold = true
		b := newButton(T("Xem"), func() { a.goTo(target) })
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
		b := newButtonWithIcon(fmt.Sprintf(T("%s đoàn viên tròn 30 tuổi trong năm %d: chuẩn bị trưởng thành Đoàn"), fmtInt(int64(ov.TurningThirty)), year),
			theme.WarningIcon(), func() {
				a.goTo("members")
				if m, ok := a.screens["members"].(*membersScreen); ok {
					m.turning.SetChecked(true)
				}
			})
		b.Alignment = widget.ButtonAlignLeading
		alerts.Add(b)
	}
	today := a.today()
	rd, err := annualDue(today, func(y int) (bool, error) {
		_, ok, err := issuing.AnnualIssued(a.ctx, a.st, y)
		return ok, err
	})
	if err != nil {
		a.showError(err)
	}
	dueBtn := newButtonWithIcon(rd.text(), theme.DocumentIcon(), func() { a.goTo("reports") })
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
	backupBtn := newButtonWithIcon(backupText, theme.DownloadIcon(), func() { a.goTo("settings") })
	backupBtn.Alignment = widget.ButtonAlignLeading
	if backupDays < 0 || backupDays > store.BackupStale {
		backupBtn.Importance = widget.WarningImportance
	}
	alerts.Add(backupBtn)

	progress := container.NewVBox()
	plan, err := a.st.CurrentPlan(a.ctx)
	switch {
	case errors.Is(err, store.ErrNotFound):
		progress.Add(widget.NewLabel(T("Chưa có kế hoạch nào.")))
	case err != nil:
		a.showError(err)
	default:
		progress.Add(heading(fmt.Sprintf(T("Chỉ tiêu Kế hoạch %s, năm %d"), plan.Number, year)))
		results, err := a.st.YearResults(a.ctx, plan.ID, year)
		if err != nil {
			a.showError(err)
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
// overdue instead of giving way to next year's date.
func annualDue(today domain.Date, issued func(year int) (bool, error)) (dueReport, error) {
	y := today.Year()
	done, err := issued(y)
	if done {
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
