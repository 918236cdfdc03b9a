package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// youthGathered counts the young people the register gathers in working
// year year as of the span's cut-off (see youthGatheredSQL).
func (s *Store) youthGathered(ctx context.Context, sp domain.Span) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, youthGatheredSQL, sp.From.ISO(), sp.Until(), domain.AddDays(sp.To, 1).AddYears(-31).ISO()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("đếm thanh niên được tập hợp: %w", err)
	}
	return n, nil
}

// checkResidentYouth refuses a count of the ward's resident youth below
// the young people the register itself gathers that year: 2.5c's share
// would pass 100 % (QA finding 15).
func (s *Store) checkResidentYouth(ctx context.Context, c *domain.Checker, w domain.WardYear) error {
	if w.ResidentYouth <= 0 || domain.CheckYear(w.Year) != nil {
		return nil
	}
	sp, err := s.YearSpan(ctx, w.Year, domain.Date{})
	if err != nil {
		return err
	}
	n, err := s.youthGathered(ctx, sp)
	if err != nil {
		return err
	}
	if w.ResidentYouth < n {
		c.Add("ResidentYouth", "Thanh niên trên địa bàn", "%s ít hơn %s thanh niên sổ đã tập hợp năm %d (đoàn viên, hội viên, thành viên câu lạc bộ, tổ hợp tác): số thanh niên trên địa bàn gồm cả những người này",
			domain.FormatInt(int64(w.ResidentYouth)), domain.FormatInt(int64(n)), w.Year)
	}
	return nil
}
