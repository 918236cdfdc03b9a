package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// Yearly facts (a rating, an assessment against the criteria, a group's
// results, the ward's count of new Party members) carry the day they were
// decided or recorded, and a document reads them as of its cut-off: what
// was decided after it does not exist for the document. A fact with no
// day (recorded before dates were kept, or by code that gives none) reads
// as decided on the last day of its working year, or today while that
// day is still to come: a fact already in the register was decided by
// today at the latest.

// yearEnd is the day of a yearly fact of working year year recorded with
// no day: the year's last day, or today while the year runs.
func (s *Store) yearEnd(ctx context.Context, year int) (domain.Date, error) {
	sp, err := s.YearSpan(ctx, year, domain.Date{})
	if err != nil {
		return domain.Date{}, err
	}
	return undatedDay(sp.End, s.Today()), nil
}

// undatedDay is the day of a fact recorded with no day, whose year ends
// on end.
func undatedDay(end, today domain.Date) domain.Date {
	if end.After(today) {
		return today
	}
	return end
}

// settleDecided is the day to record with a yearly fact: the day given,
// else the day already recorded when the fact did not change (saving a
// form again does not move an old decision), else the year's last day.
func settleDecided(given domain.Date, changed bool, old, end domain.Date) domain.Date {
	switch {
	case !given.IsZero():
		return given
	case !changed && !old.IsZero():
		return old
	}
	return end
}

// knownBy is the SQL condition that the fact dated by column col of a row
// of working year yearCol was decided before ?until (ISO, exclusive), an
// undated one counting as decided on ?end (ISO, the year's last day).
func knownBy(col, until, end string) string {
	return "COALESCE(" + col + ", " + end + ") < " + until
}

// WardYearAt reads the ward's figures of year as known on the cut-off
// (zero: everything recorded): its rating only when decided by then, its
// new Party members as the latest count recorded by then.
func (s *Store) WardYearAt(ctx context.Context, year int, cutoff domain.Date) (domain.WardYear, error) {
	w := domain.WardYear{Year: year}
	end, err := s.yearEnd(ctx, year)
	if err != nil {
		return w, err
	}
	var legacy int
	err = s.db.QueryRowContext(ctx, `SELECT resident_youth, new_party_members, rating, rated, achievements, shortcomings, next_steps
		FROM ward_years WHERE year = ?`, year).Scan(&w.ResidentYouth, &legacy, &w.Rating, (*sqlDate)(&w.Rated), &w.Achievements, &w.Shortcomings, &w.NextSteps)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return w, fmt.Errorf("đọc số liệu năm %d: %w", year, err)
	}
	if w.Rating != "" && w.Rated.IsZero() {
		w.Rated = end
	}
	if !cutoff.IsZero() && w.Rated.After(cutoff) {
		w.Rating, w.Rated = "", domain.Date{}
	}
	var counted int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM party_counts WHERE year = ?`, year).Scan(&counted); err != nil {
		return w, fmt.Errorf("đọc số đảng viên mới năm %d: %w", year, err)
	}
	if counted == 0 {
		// Written by code that knows no dated counts: the year's end.
		if legacy > 0 && (cutoff.IsZero() || !end.After(cutoff)) {
			w.NewPartyMembers, w.PartyCounted = legacy, end
		}
		return w, nil
	}
	q, args := `SELECT count, date FROM party_counts WHERE year = ?`, []any{year}
	if !cutoff.IsZero() {
		q, args = q+` AND date <= ?`, append(args, cutoff.ISO())
	}
	err = s.db.QueryRowContext(ctx, q+` ORDER BY date DESC LIMIT 1`, args...).Scan(&w.NewPartyMembers, (*sqlDate)(&w.PartyCounted))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return w, fmt.Errorf("đọc số đảng viên mới năm %d: %w", year, err)
	}
	return w, nil
}

// PartyCounts lists the counts of the ward's new Party members recorded
// for year, in date order.
func (s *Store) PartyCounts(ctx context.Context, year int) ([]domain.WardYear, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT count, date FROM party_counts WHERE year = ? ORDER BY date`, year)
	if err != nil {
		return nil, fmt.Errorf("đọc số đảng viên mới năm %d: %w", year, err)
	}
	defer rows.Close()
	var out []domain.WardYear
	for rows.Next() {
		w := domain.WardYear{Year: year}
		if err := rows.Scan(&w.NewPartyMembers, (*sqlDate)(&w.PartyCounted)); err != nil {
			return nil, fmt.Errorf("đọc số đảng viên mới năm %d: %w", year, err)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// CoopYearsAt lists each group's latest report of year on or before the
// cut-off (zero: the year's latest): the 6-month report reads the June
// figures even after the year-end ones are in.
func (s *Store) CoopYearsAt(ctx context.Context, year int, cutoff domain.Date) ([]domain.CoopYear, error) {
	if cutoff.IsZero() {
		return s.CoopYears(ctx, year)
	}
	if err := domain.CheckYear(year); err != nil {
		return nil, err
	}
	// Each group's latest report of the year on or before the cut-off.
	rows, err := s.db.QueryContext(ctx, `SELECT coop_id, year, revenue, avg_income, support, supported_model, date
		FROM coop_reports r WHERE year = ?1 AND date = (SELECT max(date) FROM coop_reports l
			WHERE l.coop_id = r.coop_id AND l.year = ?1 AND l.date <= ?2)
		ORDER BY coop_id`, year, cutoff.ISO())
	if err != nil {
		return nil, fmt.Errorf("đọc kết quả tổ hợp tác đến ngày %s: %w", cutoff, err)
	}
	defer rows.Close()
	var out []domain.CoopYear
	for rows.Next() {
		var y domain.CoopYear
		if err := rows.Scan(&y.CoopID, &y.Year, &y.Revenue, &y.AvgIncome, &y.Support, &y.SupportedModel, (*sqlDate)(&y.Reported)); err != nil {
			return nil, fmt.Errorf("đọc kết quả tổ hợp tác đến ngày %s: %w", cutoff, err)
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

// sameIDs reports whether a and b hold the same ids, in any order.
func sameIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	seen := make(map[int64]int, len(a))
	for _, id := range a {
		seen[id]++
	}
	for _, id := range b {
		if seen[id] == 0 {
			return false
		}
		seen[id]--
	}
	return true
}
