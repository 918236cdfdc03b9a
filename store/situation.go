package store

import (
	"context"
	"fmt"
)

// Tally is a head count split by gender, under a label (a branch kind, an
// occupation group …).
type Tally struct {
	Code   string // the code of the group ("" for people without one)
	Label  string
	Total  int
	Male   int
	Female int
}

func (t *Tally) add(g Gender, n int) {
	t.Total += n
	if g == Female {
		t.Female += n
	} else {
		t.Male += n
	}
}

// Situation is the data of part I of the annual report: the organisation
// at the end of the year (or today, for the current year) and the
// membership movements during it.
type Situation struct {
	Year int
	AsOf Date // the day the counts are taken: the cut-off
	From Date // the first day of the working year (movements run From to AsOf)

	Branches       int     // branches active on AsOf
	BranchesByKind []Tally // Total is the number of branches (no gender split)

	Union                  Tally   // Union members on AsOf
	Federation             Tally   // Federation members on AsOf
	UnionByKind            []Tally // Union members by the kind of their branch (BranchKinds order, then no branch)
	UnionByOccupation      []Tally // Union members by occupation group (Occupations order, then unknown)
	FederationByOccupation []Tally

	// Movements during the year (events dated in it).
	Admissions    int
	TransfersIn   int
	TransfersOut  int
	ComingOfAge   int
	Removals      int
	NewFederation int // Federation members whose joining date is in the year
}

// Situation counts the register for the annual report of year: members as
// they stood on 31 December of the year (today when the year is not over),
// derived from the dated membership events so that a past year's report
// shows that year's figures and not today's.
func (s *Store) Situation(ctx context.Context, year int) (Situation, error) {
	return s.SituationAt(ctx, year, Date{})
}

// SituationAt counts the register for working year year as of the cut-off
// (zero: the year's last day, or today while it runs): members as they
// stood that day, and the movements from the year's first day to it.
func (s *Store) SituationAt(ctx context.Context, year int, cutoff Date) (Situation, error) {
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return Situation{}, err
	}
	asOf := sp.To
	st := Situation{Year: year, AsOf: asOf, From: sp.From}

	// Branches active on the day: created before it is not recorded, so a
	// branch counts unless it was dissolved by then.
	branchKinds := make([]Tally, len(BranchKinds))
	for i, c := range BranchKinds {
		branchKinds[i] = Tally{Code: c.Code, Label: c.Label}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT kind, count(*) FROM branches
		WHERE dissolved IS NULL OR dissolved > ? GROUP BY kind`, asOf)
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
		branchKinds = addTo(branchKinds, kind, BranchKinds, "Chưa xác định", func(t *Tally) { t.Total += n })
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("đếm chi đoàn: %w", err)
	}
	st.BranchesByKind = branchKinds

	// Union members on the day: the latest event up to it is an admission
	// or a transfer in; someone with no event at all (an imported member)
	// counts from the admission date, as the store's status does.
	byKind := make([]Tally, len(BranchKinds))
	for i, c := range BranchKinds {
		byKind[i] = Tally{Code: c.Code, Label: c.Label}
	}
	byOcc := occupationTallies()
	// When nothing happened after the day (the usual case: the report of
	// the current year), the derived status the store keeps is the status
	// on the day, and an index answers; otherwise each member's latest
	// event up to the day is looked up through the events' person index.
	var later bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM membership_events WHERE date > ?)`, asOf).Scan(&later); err != nil {
		return st, fmt.Errorf("đếm đoàn viên: %w", err)
	}
	members := `SELECT p.gender, p.branch_id, p.occupation FROM people p
		WHERE p.union_member = 1 AND p.status = 'active' AND (p.admission_date IS NULL OR p.admission_date <= ?1)`
	if later {
		members = `SELECT gender, branch_id, occupation FROM (
			SELECT p.id, p.gender, p.branch_id, p.occupation, p.admission_date,
				(SELECT e.kind FROM membership_events e WHERE e.person_id = p.id AND e.date <= ?1
					ORDER BY e.date DESC, e.id DESC LIMIT 1) AS last
			FROM people p WHERE p.union_member = 1) m
		WHERE m.last IN ('admission', 'transfer_in')
			OR (m.last IS NULL AND NOT EXISTS (SELECT 1 FROM membership_events x WHERE x.person_id = m.id)
				AND (m.admission_date IS NULL OR m.admission_date <= ?1))`
	}
	rows, err = s.db.QueryContext(ctx, `SELECT m.gender, COALESCE(b.kind, ''), m.occupation, count(*)
		FROM (`+members+`) m LEFT JOIN branches b ON b.id = m.branch_id
		GROUP BY 1, 2, 3`, asOf)
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
		g := Gender(gender)
		st.Union.add(g, n)
		byKind = addTo(byKind, kind, BranchKinds, "Chưa phân chi đoàn", func(t *Tally) { t.add(g, n) })
		byOcc = addTo(byOcc, occ, Occupations, "Chưa xác định", func(t *Tally) { t.add(g, n) })
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("đếm đoàn viên: %w", err)
	}
	st.Union.Label = "Đoàn viên"
	st.UnionByKind, st.UnionByOccupation = byKind, byOcc

	// Federation members: membership has no events, only a joining date.
	fedOcc := occupationTallies()
	rows, err = s.db.QueryContext(ctx, `SELECT gender, occupation, count(*) FROM people
		WHERE federation_member = 1 AND (federation_date IS NULL OR federation_date <= ?)
		GROUP BY 1, 2`, asOf)
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
		st.Federation.add(Gender(gender), n)
		fedOcc = addTo(fedOcc, occ, Occupations, "Chưa xác định", func(t *Tally) { t.add(Gender(gender), n) })
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("đếm hội viên: %w", err)
	}
	st.Federation.Label = "Hội viên"
	st.FederationByOccupation = fedOcc

	// Movements of the year.
	from, to := sp.From, sp.To
	rows, err = s.db.QueryContext(ctx, `SELECT kind, count(*) FROM membership_events
		WHERE date BETWEEN ? AND ? GROUP BY kind`, from, to)
	if err != nil {
		return st, fmt.Errorf("đếm biến động đoàn viên: %w", err)
	}
	for rows.Next() {
		var kind string
		var n int
		if err := rows.Scan(&kind, &n); err != nil {
			rows.Close()
			return st, fmt.Errorf("đếm biến động đoàn viên: %w", err)
		}
		switch EventKind(kind) {
		case EventAdmission:
			st.Admissions = n
		case EventTransferIn:
			st.TransfersIn = n
		case EventTransferOut:
			st.TransfersOut = n
		case EventComingOfAge:
			st.ComingOfAge = n
		case EventRemoval:
			st.Removals = n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("đếm biến động đoàn viên: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE federation_member = 1
		AND federation_date BETWEEN ? AND ?`, from, to).Scan(&st.NewFederation); err != nil {
		return st, fmt.Errorf("đếm hội viên mới: %w", err)
	}
	return st, nil
}

func occupationTallies() []Tally {
	t := make([]Tally, len(Occupations))
	for i, c := range Occupations {
		t[i] = Tally{Code: c.Code, Label: c.Label}
	}
	return t
}

// addTo applies fn to the tally of code, appending one (labelled from the
// list, or none for an empty or unknown code) when missing.
func addTo(ts []Tally, code string, list []Choice, none string, fn func(*Tally)) []Tally {
	if code != "" && !validCode(list, code) {
		code = ""
	}
	for i := range ts {
		if ts[i].Code == code {
			fn(&ts[i])
			return ts
		}
	}
	t := Tally{Code: code, Label: none}
	if code != "" {
		t.Label = labelOf(list, code)
	}
	fn(&t)
	return append(ts, t)
}
