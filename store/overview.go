package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// Overview counts what the dashboard shows for a year.
func (s *Store) Overview(ctx context.Context, year int) (domain.Overview, error) {
	o := domain.Overview{Year: year, UnionByStatus: map[domain.Status]int{}}
	rows, err := s.db.QueryContext(ctx, `SELECT status, gender, count(*) FROM people WHERE union_member = 1 GROUP BY status, gender`)
	if err != nil {
		return o, fmt.Errorf("đếm đoàn viên: %w", err)
	}
	for rows.Next() {
		var st, g string
		var n int
		if err := rows.Scan(&st, &g, &n); err != nil {
			rows.Close()
			return o, fmt.Errorf("đếm đoàn viên: %w", err)
		}
		o.UnionByStatus[domain.Status(st)] += n
		if domain.Status(st) == domain.StatusActive {
			o.UnionActive += n
			if domain.Gender(g) == domain.Female {
				o.UnionFemale += n
			} else {
				o.UnionMale += n
			}
		}
	}
	rows.Close()
	from, to := domain.YearSpan(year)
	birthFrom, birthTo := domain.YearSpan(year - 30)
	err = s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM people p WHERE `+federationOn("p", "?")+`),
		(SELECT count(*) FROM branches WHERE active = 1),
		(SELECT count(*) FROM clubs WHERE active = 1),
		(SELECT count(*) FROM coops WHERE active = 1),
		(SELECT count(*) FROM people WHERE union_member = 1 AND status = 'active' AND birth_date >= ? AND birth_date < ?),
		(SELECT count(*) FROM membership_events WHERE kind = 'admission' AND date >= ? AND date < ?)`,
		sqlDate(s.Today()), sqlDate(s.Today()), birthFrom, birthTo, from, to).Scan(&o.Federation, &o.Branches, &o.Clubs, &o.Coops, &o.TurningThirty, &o.Admitted)
	if err != nil {
		return o, fmt.Errorf("đếm tổng quan: %w", err)
	}
	o.LastBackup, err = s.LastBackup(ctx)
	return o, err
}
