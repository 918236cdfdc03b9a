package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// Situation counts the register for the annual report of year: members as
// they stood on 31 December of the year (today when the year is not over),
// derived from the dated membership events so that a past year's report
// shows that year's figures and not today's.
func (s *Store) Situation(ctx context.Context, year int) (domain.Situation, error) {
	return s.SituationAt(ctx, year, domain.Date{})
}

// SituationAt counts the register for working year year as of the cut-off
// (zero: the year's last day, or today while it runs): members as they
// stood that day, and the movements from the year's first day to it.
func (s *Store) SituationAt(ctx context.Context, year int, cutoff domain.Date) (domain.Situation, error) {
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return domain.Situation{}, err
	}
	asOf := sp.To
	st := domain.Situation{Year: year, AsOf: asOf, From: sp.From}

	// Branches active on the day: created before it is not recorded, so a
	// branch counts unless it was dissolved by then.
	branchKinds := make([]domain.Tally, len(domain.BranchKinds))
	for i, c := range domain.BranchKinds {
		branchKinds[i] = domain.Tally{Code: c.Code, Label: c.Label}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT kind, count(*) FROM branches
		WHERE dissolved IS NULL OR dissolved > ? GROUP BY kind`, sqlDate(asOf))
	if err != nil {
		return st, fmt.Errorf("đếm chi đoàn: %w", err)
	}
	for rows.Next() {
		var kind string
		var n int
		if err := rows.Scan(&kind, &n); err != nil {
			rows.Close()
			return st, fmt.Errorf("đếm chi đoàn: %w", err)
		}
		st.Branches += n
		branchKinds = domain.AddTo(branchKinds, kind, domain.BranchKinds, "Chưa xác định", func(t *domain.Tally) { t.Total += n })
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("đếm chi đoàn: %w", err)
	}
	st.BranchesByKind = branchKinds

	// Union members on the day: the latest event up to it is an admission
	// or a transfer in; someone with no event at all (an imported member)
	// counts from the admission date, as the store's status does.
	byKind := make([]domain.Tally, len(domain.BranchKinds))
	for i, c := range domain.BranchKinds {
		byKind[i] = domain.Tally{Code: c.Code, Label: c.Label}
	}
	byOcc := domain.OccupationTallies()
	// When nothing happened after the day (the usual case: the report of
	// the current year), the derived status the store keeps is the status
	// on the day, and an index answers; otherwise each member's latest
	// event up to the day is looked up through the events' person index.
	var later bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM membership_events WHERE date > ?)`, sqlDate(asOf)).Scan(&later); err != nil {
		return st, fmt.Errorf("đếm đoàn viên: %w", err)
	}
	members := `SELECT p.gender, p.branch_id, p.occupation FROM people p
		WHERE p.union_member = 1 AND p.status = 'active' AND (p.admission_date IS NULL OR p.admission_date <= ?1)`
	if later {
		members = `SELECT p.gender, p.branch_id, p.occupation FROM people p WHERE ` + unionOn("p", "?1")
	}
	rows, err = s.db.QueryContext(ctx, `SELECT m.gender, COALESCE(b.kind, ''), m.occupation, count(*)
		FROM (`+members+`) m LEFT JOIN branches b ON b.id = m.branch_id
		GROUP BY 1, 2, 3`, sqlDate(asOf))
	if err != nil {
		return st, fmt.Errorf("đếm đoàn viên: %w", err)
	}
	for rows.Next() {
		var gender, kind, occ string
		var n int
		if err := rows.Scan(&gender, &kind, &occ, &n); err != nil {
			rows.Close()
			return st, fmt.Errorf("đếm đoàn viên: %w", err)
		}
		g := domain.Gender(gender)
		st.Union.Add(g, n)
		byKind = domain.AddTo(byKind, kind, domain.BranchKinds, "Chưa phân chi đoàn", func(t *domain.Tally) { t.Add(g, n) })
		byOcc = domain.AddTo(byOcc, occ, domain.Occupations, "Chưa xác định", func(t *domain.Tally) { t.Add(g, n) })
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("đếm đoàn viên: %w", err)
	}
	st.Union.Label = "Đoàn viên"
	st.UnionByKind, st.UnionByOccupation = byKind, byOcc

	// Federation members on the day: joined by then, not ended by then.
	fedOcc := domain.OccupationTallies()
	rows, err = s.db.QueryContext(ctx, `SELECT p.gender, p.occupation, count(*) FROM people p
		WHERE `+federationOn("p", "?1")+` GROUP BY 1, 2`, sqlDate(asOf))
	if err != nil {
		return st, fmt.Errorf("đếm hội viên: %w", err)
	}
	for rows.Next() {
		var gender, occ string
		var n int
		if err := rows.Scan(&gender, &occ, &n); err != nil {
			rows.Close()
			return st, fmt.Errorf("đếm hội viên: %w", err)
		}
		st.Federation.Add(domain.Gender(gender), n)
		fedOcc = domain.AddTo(fedOcc, occ, domain.Occupations, "Chưa xác định", func(t *domain.Tally) { t.Add(domain.Gender(gender), n) })
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("đếm hội viên: %w", err)
	}
	st.Federation.Label = "Hội viên"
	st.FederationByOccupation = fedOcc

	// Movements of the year.
	if err := s.countMovements(ctx, &st, sp.From, sp.To); err != nil {
		return st, err
	}
	return st, nil
}

// countMovements counts into st the membership movements dated from
// from to to (both included), and the Federation members who joined
// then: a year's for the annual report, a quarter's or a half's for the
// work report.
func (s *Store) countMovements(ctx context.Context, st *domain.Situation, from, to domain.Date) error {
	st.Admissions, st.TransfersIn, st.TransfersOut, st.ComingOfAge, st.Removals = 0, 0, 0, 0, 0
	rows, err := s.db.QueryContext(ctx, `SELECT kind, count(*) FROM membership_events
		WHERE date BETWEEN ? AND ? GROUP BY kind`, sqlDate(from), sqlDate(to))
	if err != nil {
		return fmt.Errorf("đếm biến động đoàn viên: %w", err)
	}
	for rows.Next() {
		var kind string
		var n int
		if err := rows.Scan(&kind, &n); err != nil {
			rows.Close()
			return fmt.Errorf("đếm biến động đoàn viên: %w", err)
		}
		switch domain.EventKind(kind) {
		case domain.EventAdmission:
			st.Admissions = n
		case domain.EventTransferIn:
			st.TransfersIn = n
		case domain.EventTransferOut:
			st.TransfersOut = n
		case domain.EventComingOfAge:
			st.ComingOfAge = n
		case domain.EventRemoval:
			st.Removals = n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("đếm biến động đoàn viên: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE federation_member = 1
		AND federation_date BETWEEN ? AND ?`, sqlDate(from), sqlDate(to)).Scan(&st.NewFederation); err != nil {
		return fmt.Errorf("đếm hội viên mới: %w", err)
	}
	return nil
}

// SituationFrom is SituationAt with the movements of the days from from
// (within the working year) to the cut-off: the organisation on the
// cut-off, the movements of a quarter or a half.
func (s *Store) SituationFrom(ctx context.Context, year int, from, cutoff domain.Date) (domain.Situation, error) {
	st, err := s.SituationAt(ctx, year, cutoff)
	if err != nil || from.IsZero() || !from.After(st.From) {
		return st, err
	}
	st.From = from
	return st, s.countMovements(ctx, &st, from, st.AsOf)
}
