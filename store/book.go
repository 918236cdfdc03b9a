package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// The branch book's rows (Sổ Chi đoàn, issue 20): the events, cards and
// ratings of one branch's members in a span, each read at the book's
// cut-off, as every document is.

// withExtra scans a person's columns followed by extra columns.
type withExtra struct {
	r     rowScanner
	extra []any
}

func (w withExtra) Scan(dest ...any) error { return w.r.Scan(append(dest, w.extra...)...) }

// BranchEvents lists the membership events from from to to (inclusive)
// of the people of a branch, oldest first, with the decision of each.
func (s *Store) BranchEvents(ctx context.Context, branchID int64, from, to domain.Date) ([]domain.BookEvent, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+personColumns+`, e.id, e.kind, e.date, e.unit, e.reason, e.admitted,
		COALESCE(d.number, 0), d.date`+personFrom+` JOIN membership_events e ON e.person_id = p.id
		LEFT JOIN decisions d ON d.id = e.decision_id
		WHERE p.branch_id = ? AND e.date >= ? AND e.date <= ? ORDER BY e.date, p.sort_key, e.id`, branchID, sqlDate(from), sqlDate(to))
	if err != nil {
		return nil, fmt.Errorf("đọc sự kiện của chi đoàn: %w", err)
	}
	defer rows.Close()
	var out []domain.BookEvent
	for rows.Next() {
		var b domain.BookEvent
		var kind string
		if err := scanPerson(withExtra{rows, []any{&b.Event.ID, &kind, (*sqlDate)(&b.Event.Date), &b.Event.Unit, &b.Event.Reason,
			(*sqlDate)(&b.Event.Admitted), &b.DecisionNumber, (*sqlDate)(&b.DecisionDate)}}, &b.Person); err != nil {
			return nil, fmt.Errorf("đọc sự kiện của chi đoàn: %w", err)
		}
		b.Event.Kind, b.Event.PersonID = domain.EventKind(kind), b.Person.ID
		out = append(out, b)
	}
	return out, rows.Err()
}

// BranchCards lists the members of a branch whose card was handed from
// from to to (inclusive), by the day handed, then by name.
func (s *Store) BranchCards(ctx context.Context, branchID int64, from, to domain.Date) ([]domain.Person, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+personColumns+personFrom+`
		WHERE p.branch_id = ? AND p.union_member = 1 AND p.card_date >= ? AND p.card_date <= ? ORDER BY p.card_date, p.sort_key`,
		branchID, sqlDate(from), sqlDate(to))
	if err != nil {
		return nil, fmt.Errorf("đọc trao thẻ đoàn viên: %w", err)
	}
	defer rows.Close()
	var out []domain.Person
	for rows.Next() {
		var p domain.Person
		if err := scanPerson(rows, &p); err != nil {
			return nil, fmt.Errorf("đọc trao thẻ đoàn viên: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// BranchRatings lists the year's results of a branch's members: those
// who were members on the cut-off and those rated in the year who left
// before it, by name. A rating decided after the cut-off is not known
// to it (empty); a rating without its day counts as decided on the
// year's last day.
func (s *Store) BranchRatings(ctx context.Context, branchID int64, year int, cutoff domain.Date) ([]domain.BookRating, error) {
	end, err := s.yearEnd(ctx, year)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+personColumns+`, COALESCE(y.rating, ''), COALESCE(y.training_registered, 0),
		COALESCE(y.training_completed, 0), y.rated`+personFrom+`
		LEFT JOIN member_years y ON y.person_id = p.id AND y.year = ?2
		WHERE p.branch_id = ?1 AND p.union_member = 1 AND (`+unionOn("p", "?3")+` OR COALESCE(y.rating, '') <> '')
		ORDER BY p.sort_key, p.id`, branchID, year, sqlDate(cutoff))
	if err != nil {
		return nil, fmt.Errorf("đọc xếp loại đoàn viên: %w", err)
	}
	defer rows.Close()
	var out []domain.BookRating
	for rows.Next() {
		var b domain.BookRating
		var rating string
		if err := scanPerson(withExtra{rows, []any{&rating, &b.Year.TrainingRegistered, &b.Year.TrainingCompleted, (*sqlDate)(&b.Year.Rated)}}, &b.Person); err != nil {
			return nil, fmt.Errorf("đọc xếp loại đoàn viên: %w", err)
		}
		b.Year.PersonID, b.Year.Year, b.Year.Rating = b.Person.ID, year, domain.Rating(rating)
		if b.Year.Rating != "" && b.Year.Rated.IsZero() {
			b.Year.Rated = end
		}
		if b.Year.Rated.After(cutoff) {
			b.Year.Rating, b.Year.Rated = "", domain.Date{}
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// WithoutCard counts the Union members active today whose card has not
// been handed (no Ngày trao thẻ): the dashboard's reminder.
func (s *Store) WithoutCard(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE union_member = 1 AND status = 'active' AND card_date IS NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("đếm đoàn viên chưa trao thẻ: %w", err)
	}
	return n, nil
}
