package store

import (
	"context"

	"sodoan/domain"
)

// The dues ground of the "cần xem xét" list (issue 20, beside the
// meetings' absences of issue 19): a member who, without an exemption,
// has not paid the dues of three months of the working year (HD
// 22-HD/TWĐTN: "không đóng đoàn phí 3 tháng trong năm"). The threshold is
// the list's one (EvidenceThresholds.AbsentMonths, 3), which the guide
// sets for both grounds alike. A branch counts once the register holds
// a payment of its members for a month of the year.
func init() { reviewSources = append(reviewSources, unpaidDues) }

// unpaidDues: owed, unexempted, unpaid months of the span's months up to
// its cut-off.
func unpaidDues(ctx context.Context, s *Store, sp domain.Span, th domain.EvidenceThresholds) (map[int64]domain.ReviewReason, error) {
	var months []domain.Month
	for m, last := domain.MonthOf(sp.From), domain.MonthOf(sp.To); !last.Before(m); m = m.Add(1) {
		months = append(months, m)
	}
	if len(months) == 0 {
		return nil, nil
	}
	// Only branches that keep their dues in the register: a ward that has
	// not entered any dues for a branch's year would otherwise see all its
	// members named.
	rows, err := s.sheet(ctx, sheetPeople{`p.union_member = 1 AND p.branch_id IN (SELECT q.branch_id FROM dues_paid d
		JOIN people q ON q.id = d.person_id WHERE d.month >= ? AND d.month <= ? AND q.branch_id IS NOT NULL)`,
		[]any{months[0].Key(), months[len(months)-1].Key()}, 0}, months, sp.To)
	if err != nil {
		return nil, err
	}
	out := map[int64]domain.ReviewReason{}
	for _, r := range rows {
		var unpaid []domain.YearMonth
		for i, c := range r.Cells {
			if c.Unpaid() && overdue(months[i], sp.To) {
				unpaid = append(unpaid, domain.YearMonth{Year: months[i].Year, Month: months[i].Month})
			}
		}
		if len(unpaid) >= th.AbsentMonths {
			out[r.PersonID] = domain.ReviewReason{Code: domain.ReviewUnpaidDues, Months: unpaid}
		}
	}
	return out, nil
}

// UnpaidReview lists the members the dues ground puts on the "cần xem
// xét" list of a working year at the cut-off (ReviewList gives the whole
// list, with the meetings' ground).
func (s *Store) UnpaidReview(ctx context.Context, year int, cutoff domain.Date) ([]domain.ReviewLine, error) {
	all, err := s.ReviewList(ctx, year, cutoff)
	if err != nil {
		return nil, err
	}
	var out []domain.ReviewLine
	for _, l := range all {
		for _, r := range l.Reasons {
			if r.Code == domain.ReviewUnpaidDues {
				l.Reasons = []domain.ReviewReason{r}
				out = append(out, l)
				break
			}
		}
	}
	return out, nil
}
