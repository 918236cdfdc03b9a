package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sodoan/domain"
)

// OfficeStandards is the standard of every office (domain.Positions'
// order) that applies in working year year: the ward's own, written for
// that year or the latest year before it, or the default.
func (s *Store) OfficeStandards(ctx context.Context, year int) ([]domain.OfficeStandard, error) {
	out := make([]domain.OfficeStandard, 0, len(domain.Positions))
	for _, p := range domain.Positions {
		st, err := s.officeStandard(ctx, domain.PositionKind(p.Code), year)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func (s *Store) officeStandard(ctx context.Context, office domain.PositionKind, year int) (domain.OfficeStandard, error) {
	st := domain.OfficeStandard{Office: office}
	var q, t string
	err := s.db.QueryRowContext(ctx, `SELECT from_year, min_schooling, min_qualification, min_theory, training_required, counted
		FROM office_standards WHERE office = ? AND from_year <= ? ORDER BY from_year DESC LIMIT 1`, string(office), year).
		Scan(&st.FromYear, &st.MinSchooling, &q, &t, &st.TrainingRequired, &st.Counted)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.DefaultOfficeStandard(office), nil
	}
	if err != nil {
		return st, fmt.Errorf("đọc chuẩn cán bộ: %w", err)
	}
	st.MinQualification, st.MinTheory = domain.Qualification(q), domain.TheoryLevel(t)
	return st, nil
}

// OfficeStandardRows lists the standards the ward wrote, by office and
// year (the defaults are not rows).
func (s *Store) OfficeStandardRows(ctx context.Context) ([]domain.OfficeStandard, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT office, from_year, min_schooling, min_qualification, min_theory, training_required, counted
		FROM office_standards ORDER BY `+officeOrderSQL("office")+`, from_year`)
	if err != nil {
		return nil, fmt.Errorf("đọc chuẩn cán bộ: %w", err)
	}
	defer rows.Close()
	var out []domain.OfficeStandard
	for rows.Next() {
		var st domain.OfficeStandard
		var o, q, t string
		if err := rows.Scan(&o, &st.FromYear, &st.MinSchooling, &q, &t, &st.TrainingRequired, &st.Counted); err != nil {
			return nil, fmt.Errorf("đọc chuẩn cán bộ: %w", err)
		}
		st.Office, st.MinQualification, st.MinTheory = domain.PositionKind(o), domain.Qualification(q), domain.TheoryLevel(t)
		out = append(out, st)
	}
	return out, rows.Err()
}

// officeOrderSQL orders rows by the office in column col as
// domain.Positions lists them.
func officeOrderSQL(col string) string {
	q := "CASE " + col
	for i, p := range domain.Positions {
		q += fmt.Sprintf(" WHEN '%s' THEN %d", p.Code, i)
	}
	return q + " ELSE 99 END"
}

// SaveOfficeStandard writes the standard of an office from its year on
// (FromYear 0: every year); years before keep the standard they had.
func (s *Store) SaveOfficeStandard(ctx context.Context, st *domain.OfficeStandard) error {
	if st.FromYear == 0 {
		st.FromYear = int(domain.YearRange.Min)
	}
	if err := domain.CheckOfficeStandard(st).Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		_, err := tx.Change("office_standards", "office = ? AND from_year = ?", []any{string(st.Office), st.FromYear},
			`INSERT INTO office_standards(office, from_year, min_schooling, min_qualification, min_theory, training_required, counted)
			VALUES (?,?,?,?,?,?,?) ON CONFLICT(office, from_year) DO UPDATE SET min_schooling = excluded.min_schooling,
			min_qualification = excluded.min_qualification, min_theory = excluded.min_theory,
			training_required = excluded.training_required, counted = excluded.counted`,
			string(st.Office), st.FromYear, st.MinSchooling, string(st.MinQualification), string(st.MinTheory), st.TrainingRequired, st.Counted)
		if err != nil {
			return fmt.Errorf("ghi chuẩn cán bộ: %w", err)
		}
		return nil
	})
}

// DeleteOfficeStandard removes the standard the ward wrote for an office
// from a year: the years it covered fall back on the one before, or the
// default.
func (s *Store) DeleteOfficeStandard(ctx context.Context, office domain.PositionKind, fromYear int) error {
	return s.write(ctx, func(tx *writeTx) error {
		if _, err := tx.Change("office_standards", "office = ? AND from_year = ?", []any{string(office), fromYear},
			`DELETE FROM office_standards WHERE office = ? AND from_year = ?`, string(office), fromYear); err != nil {
			return fmt.Errorf("xóa chuẩn cán bộ: %w", err)
		}
		return nil
	})
}

// OfficerStanding is an officer holding an office on a cut-off, judged
// against its standard.
type OfficerStanding struct {
	Person   domain.Person
	Offices  []domain.PositionKind
	Trained  bool             // a training dated in the year up to the cut-off
	Gaps     []domain.Message // what the person lacks (none: meets the standards)
	Counted  bool             // counts in 2.4
	Standard []domain.OfficeStandard
}

// OfficerStandings lists the people holding an office on the cut-off of
// sp, each judged against the standard of every office they hold in
// sp's working year, with a training dated from sp.From to the cut-off.
func (s *Store) OfficerStandings(ctx context.Context, sp domain.Span) ([]OfficerStanding, error) {
	stds, err := s.OfficeStandards(ctx, sp.Year)
	if err != nil {
		return nil, err
	}
	byOffice := map[domain.PositionKind]domain.OfficeStandard{}
	for _, st := range stds {
		byOffice[st.Office] = st
	}
	// Holding on the cut-off: started by it, not ended before it.
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.family_name, p.middle_name, p.given_name, p.schooling, p.qualification, p.theory_level, p.language_fluent,
		group_concat(po.kind),
		EXISTS (SELECT 1 FROM trainings t WHERE t.person_id = p.id AND t.date >= ?1 AND t.date < ?2)
		FROM people p JOIN positions po ON po.person_id = p.id
		WHERE po.start < ?2 AND (po.end IS NULL OR po.end = '' OR po.end >= ?3)
		GROUP BY p.id ORDER BY p.sort_key`, sp.From.ISO(), sp.Until(), sp.To.ISO())
	if err != nil {
		return nil, fmt.Errorf("đọc cán bộ: %w", err)
	}
	defer rows.Close()
	var out []OfficerStanding
	for rows.Next() {
		var o OfficerStanding
		var q, t, kinds string
		if err := rows.Scan(&o.Person.ID, &o.Person.FamilyName, &o.Person.MiddleName, &o.Person.GivenName, &o.Person.Schooling, &q, &t, &o.Person.LanguageFluent, &kinds, &o.Trained); err != nil {
			return nil, fmt.Errorf("đọc cán bộ: %w", err)
		}
		o.Person.Qualification, o.Person.TheoryLevel = domain.Qualification(q), domain.TheoryLevel(t)
		seen := map[string]bool{}
		for _, k := range strings.Split(kinds, ",") {
			if seen[k] {
				continue
			}
			seen[k] = true
			st := byOffice[domain.PositionKind(k)]
			o.Offices = append(o.Offices, domain.PositionKind(k))
			o.Standard = append(o.Standard, st)
			o.Counted = o.Counted || st.Counted
			for _, g := range st.Gaps(o.Person, o.Trained) {
				if key := "gap:" + g.String(); !seen[key] {
					seen[key] = true
					o.Gaps = append(o.Gaps, g)
				}
			}
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
