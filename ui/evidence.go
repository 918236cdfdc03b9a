package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/domain"
	"sodoan/store"
)

// The evidence beside the year-end ratings (issue 19): what the rating
// rules read, shown next to the ratings the secretary enters by hand,
// never deciding for her. The thresholds are the register's settings.

// ratingEvidence is a branch's evidence for a year, as of the year's end
// (or today while it runs).
type ratingEvidence struct {
	th     domain.EvidenceThresholds
	branch domain.BranchMeetingsYear
	shares map[int64]domain.Share
}

// loadEvidence reads the evidence of branchID's year.
func loadEvidence(ctx context.Context, st *store.Store, year int, branchID int64) (ratingEvidence, error) {
	var e ratingEvidence
	var err error
	if e.th, err = st.EvidenceOfYear(ctx, year, domain.Date{}); err != nil {
		return e, err
	}
	g, err := st.MeetingsGrid(ctx, year, domain.Date{})
	if err != nil {
		return e, err
	}
	for _, r := range g.Rows {
		if r.BranchID == branchID {
			e.branch = r
		}
	}
	e.shares, err = st.ParticipationShares(ctx, year, domain.Date{}, branchID)
	return e, err
}

// branchText is the branch's line: months met out of 12 (the top grade's
// threshold beside it) and its members' average attendance.
func (e ratingEvidence) branchText() string {
	att := T("chưa điểm danh")
	if e.branch.Taken {
		att = domain.FormatNum(100*e.branch.Attendance) + " %"
	}
	return fmt.Sprintf(T("Căn cứ: chi đoàn sinh hoạt %d/12 tháng, %d buổi (xuất sắc cần %d); đoàn viên có mặt bình quân %s"),
		e.branch.MonthsMet, e.branch.Meetings, e.th.BranchMeetings, att)
}

// memberText is a member's share of what the branch was called to, and
// whether it reaches the top grade's threshold.
func (e ratingEvidence) memberText(personID int64) string {
	sh := e.shares[personID]
	if sh.Called == 0 {
		return T("chưa có hoạt động điểm danh")
	}
	out := fmt.Sprintf("%d/%d (%s %%)", sh.Took, sh.Called, domain.FormatNum(sh.Percent()))
	if sh.Meets(e.th.MemberShare) {
		return out + " · " + fmt.Sprintf(T("đủ %d %% để xếp xuất sắc"), e.th.MemberShare)
	}
	return out + " · " + fmt.Sprintf(T("dưới %d %%"), e.th.MemberShare)
}

// addUnmetBranches puts on the dashboard's alerts the branches that have
// not met this month, once the month is past its reminder day (a
// setting, 25 by default).
func (d *dashboard) addUnmetBranches(alerts *fyne.Container, today domain.Date) {
	bs, err := d.st.UnmetBranches(d.ctx, today)
	if err != nil {
		d.f.showError(err)
		return
	}
	if len(bs) == 0 {
		return
	}
	names := bs[0].Name
	if len(bs) > 1 {
		names = fmt.Sprintf(T("%s và %d chi đoàn khác"), bs[0].Name, len(bs)-1)
	}
	b := newButtonWithIcon(d.f, fmt.Sprintf(T("Tháng %d chưa sinh hoạt chi đoàn: %s"), today.Month(), names),
		theme.WarningIcon(), func() { d.goTo("activities") })
	b.Alignment = widget.ButtonAlignLeading
	alerts.Add(b)
}
