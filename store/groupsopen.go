package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// GroupsOpenIn lists the clubs and cooperative groups that existed at some
// time in working year year up to the cut-off, so that a past year's
// report lists the ones of that year: a club closed since still appears,
// one founded later does not.
func (s *Store) GroupsOpenIn(ctx context.Context, year int, cutoff domain.Date) (clubs, coops map[int64]bool, err error) {
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return nil, nil, err
	}
	read := func(table string) (map[int64]bool, error) {
		rows, err := s.db.QueryContext(ctx, `SELECT id FROM `+table+` g WHERE `+openDuringSQL, sp.From.ISO(), sp.Until())
		if err != nil {
			return nil, fmt.Errorf("đọc %s: %w", table, err)
		}
		defer rows.Close()
		ids := map[int64]bool{}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, fmt.Errorf("đọc %s: %w", table, err)
			}
			ids[id] = true
		}
		return ids, rows.Err()
	}
	if clubs, err = read("clubs"); err != nil {
		return nil, nil, err
	}
	coops, err = read("coops")
	return clubs, coops, err
}
