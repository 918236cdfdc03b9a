package store

import (
	"context"
	"fmt"
	"unicode"
)

// youthGathered counts the young people the register gathers in working
// year year as of the span's cut-off (see youthGatheredSQL).
func (s *Store) youthGathered(ctx context.Context, sp Span) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, youthGatheredSQL, sp.From.ISO(), sp.until(), addDays(sp.To, 1).AddYears(-31).ISO()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("đếm thanh niên được tập hợp: %w", err)
	}
	return n, nil
}

// checkResidentYouth refuses a count of the ward's resident youth below
// the young people the register itself gathers that year: 2.5c's share
// would pass 100 % (QA finding 15).
func (s *Store) checkResidentYouth(ctx context.Context, c *checker, w WardYear) error {
	if w.ResidentYouth <= 0 || checkYear(w.Year) != nil {
		return nil
	}
	sp, err := s.YearSpan(ctx, w.Year, Date{})
	if err != nil {
		return err
	}
	n, err := s.youthGathered(ctx, sp)
	if err != nil {
		return err
	}
	if w.ResidentYouth < n {
		c.add("ResidentYouth", "Thanh niên trên địa bàn", "%s ít hơn %s thanh niên sổ đã tập hợp năm %d (đoàn viên, hội viên, thành viên câu lạc bộ, tổ hợp tác): số thanh niên trên địa bàn gồm cả những người này",
			FormatInt(int64(w.ResidentYouth)), FormatInt(int64(n)), w.Year)
	}
	return nil
}

// checkIssuerCode: the issuer's code follows the number and the type in
// a document's symbol ("6-BC/ĐTN"), so it holds letters and digits only;
// a slash would print "6-BC//TN".
func checkIssuerCode(c *checker, code string) {
	for _, r := range code {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			c.add("IssuerCode", "Ký hiệu cơ quan ban hành", "%q chỉ gồm chữ cái và chữ số (ví dụ ĐTN), có ký tự %q", code, r)
			return
		}
	}
}

// periodPartyShare is 2.5d over the period: the new Party members the
// Union introduced over all the years' new Party members (7/15, not the
// latest year's share), from the years whose figures are known.
func periodPartyShare(in Indicator, i int, pr PeriodResult) Result {
	var admitted, all, introduced int
	for _, rs := range pr.ByYear {
		if i < len(rs) {
			introduced += rs[i].Introduced
			if rs[i].Known {
				admitted, all = admitted+rs[i].Num, all+rs[i].Den
			}
		}
	}
	if all == 0 {
		m := measure{detail: note("đã giới thiệu %s đoàn viên; chưa nhập số đảng viên mới kết nạp", Num(introduced))}
		return Result{Indicator: in, Introduced: introduced, Verdict: judgeYearly(in, m)}.withDetail(m.detail)
	}
	m := partyShare(admitted, all, introduced)
	return Result{Indicator: in, Actual: m.actual, Known: true, Num: m.num, Den: m.den,
		Introduced: introduced, Verdict: judgeYearly(in, m)}.withDetail(m.detail)
}
