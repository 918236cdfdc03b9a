package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
	"sodoan/store/internal/writepath"
)

// The unary + keeps people_union_status_sort (two equalities) from
// driving the count: it would walk every active member of the ward to find
// the branch's (50 ms a branch on 25,000 people); people_branch_sort finds
// them at once.
const branchColumns = `b.id, b.name, b.kind, b.active, b.dissolved, b.note,
	(SELECT count(*) FROM people p WHERE p.branch_id = b.id AND +p.union_member = 1 AND +p.status = 'active')`

func scanBranch(r rowScanner) (domain.Branch, error) {
	var b domain.Branch
	var kind string
	err := r.Scan(&b.ID, &b.Name, &kind, &b.Active, (*sqlDate)(&b.Dissolved), &b.Note, &b.Members)
	b.Kind = domain.BranchKind(kind)
	return b, err
}

// Branches lists the branches in Vietnamese order of their names, each with
// its count of active Union members.
func (s *Store) Branches(ctx context.Context, includeDissolved bool) ([]domain.Branch, error) {
	q := `SELECT ` + branchColumns + ` FROM branches b`
	if !includeDissolved {
		q += ` WHERE b.active = 1`
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY b.sort_key, b.id`)
	if err != nil {
		return nil, fmt.Errorf("đọc chi đoàn: %w", err)
	}
	defer rows.Close()
	var out []domain.Branch
	for rows.Next() {
		b, err := scanBranch(rows)
		if err != nil {
			return nil, fmt.Errorf("đọc chi đoàn: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// Branch reads one branch.
func (s *Store) Branch(ctx context.Context, id int64) (domain.Branch, error) {
	b, err := scanBranch(s.db.QueryRowContext(ctx, `SELECT `+branchColumns+` FROM branches b WHERE b.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return b, fmt.Errorf("chi đoàn %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return b, fmt.Errorf("đọc chi đoàn %d: %w", id, err)
	}
	return b, nil
}

// BranchByName finds a branch by its name, accents and case ignored
// ("khom 1" finds "Chi đoàn Khóm 1" only when the whole name matches).
func (s *Store) BranchByName(ctx context.Context, name string) (domain.Branch, error) {
	all, err := s.Branches(ctx, true)
	if err != nil {
		return domain.Branch{}, err
	}
	f := domain.Fold(domain.Clean(name))
	for _, b := range all {
		if domain.Fold(b.Name) == f {
			return b, nil
		}
	}
	// People often leave out the "Chi đoàn" prefix.
	for _, b := range all {
		if domain.Fold(b.Name) == "chi doan "+f {
			return b, nil
		}
	}
	return domain.Branch{}, fmt.Errorf("chi đoàn %q: %w", name, ErrNotFound)
}

// SaveBranch validates and writes a branch (new when ID is 0).
func (s *Store) SaveBranch(ctx context.Context, b *domain.Branch) error {
	c := domain.CheckBranch(b)
	if !b.Active && b.Dissolved.IsZero() {
		b.Dissolved = s.Today()
	}
	if b.Active {
		b.Dissolved = domain.Date{}
	}
	if err := c.Err(); err != nil {
		return err
	}
	key := s.textKey(b.Name)
	return s.write(ctx, func(tx *writeTx) error {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM branches WHERE name = ? AND id <> ?`, b.Name, b.ID).Scan(&other)
		if err == nil {
			return &domain.ValidationError{Errors: []domain.FieldError{{Field: "Name", Label: "Tên chi đoàn", Msg: fmt.Sprintf("%q đã có", b.Name)}}}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("kiểm tra tên chi đoàn: %w", err)
		}
		if b.ID == 0 {
			id, err := tx.Insert("branches", `INSERT INTO branches(name, kind, active, dissolved, note, sort_key) VALUES (?,?,?,?,?,?)`,
				b.Name, string(b.Kind), b.Active, sqlDate(b.Dissolved), b.Note, key)
			if err != nil {
				return fmt.Errorf("ghi chi đoàn: %w", err)
			}
			b.ID = id
			return nil
		}
		res, err := tx.Change("branches", "id = ?", []any{b.ID}, `UPDATE branches SET name=?, kind=?, active=?, dissolved=?, note=?, sort_key=? WHERE id=?`,
			b.Name, string(b.Kind), b.Active, sqlDate(b.Dissolved), b.Note, key, b.ID)
		if err != nil {
			return fmt.Errorf("sửa chi đoàn: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("chi đoàn %d: %w", b.ID, ErrNotFound)
		}
		return nil
	})
}

// appliesSQL is true when criterion c is part of the checklist of year ?Y.
func appliesSQL(year string) string {
	return `(c.from_year IS NULL OR c.from_year <= ` + year + `) AND (c.to_year IS NULL OR c.to_year >= ` + year + `)`
}

// Criteria lists the whole standard-branch checklist in order, retired
// criteria included.
func (s *Store) Criteria(ctx context.Context) ([]domain.Criterion, error) {
	return s.criteria(ctx, `SELECT id, code, text, ord, active, COALESCE(from_year, 0), COALESCE(to_year, 0)
		FROM criteria ORDER BY ord, id`)
}

// CriteriaFor lists the criteria of the checklist of one year.
func (s *Store) CriteriaFor(ctx context.Context, year int) ([]domain.Criterion, error) {
	return s.criteria(ctx, `SELECT id, code, text, ord, active, COALESCE(from_year, 0), COALESCE(to_year, 0)
		FROM criteria c WHERE `+appliesSQL("?1")+` ORDER BY ord, id`, year)
}

func (s *Store) criteria(ctx context.Context, q string, args ...any) ([]domain.Criterion, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("đọc tiêu chí: %w", err)
	}
	defer rows.Close()
	var out []domain.Criterion
	for rows.Next() {
		var c domain.Criterion
		if err := rows.Scan(&c.ID, &c.Code, &c.Text, &c.Order, &c.Active, &c.FromYear, &c.ToYear); err != nil {
			return nil, fmt.Errorf("đọc tiêu chí: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveCriterion writes one item of the checklist (new when ID is 0).
// Retiring a criterion (Active false) keeps past years' assessments.
func (s *Store) SaveCriterion(ctx context.Context, c *domain.Criterion) error {
	list := []domain.Criterion{*c}
	if err := s.SaveCriteria(ctx, list); err != nil {
		var ve *domain.ValidationError
		if errors.As(err, &ve) {
			for i := range ve.Errors {
				ve.Errors[i].Row = 0
			}
		}
		return err
	}
	*c = list[0]
	return nil
}

// writeCriterion inserts or updates one criterion, moving its years of
// application as it is added, retired or brought back this year.
func writeCriterion(ctx context.Context, tx *writeTx, cr *domain.Criterion, year int) error {
	if cr.ID == 0 {
		cr.FromYear, cr.ToYear = year, 0
		if !cr.Active {
			cr.ToYear = year - 1
		}
		id, err := tx.Insert("criteria", `INSERT INTO criteria(code, text, ord, active, from_year, to_year) VALUES (?,?,?,?,?,?)`,
			cr.Code, cr.Text, cr.Order, cr.Active, cr.FromYear, nullIfZeroInt(cr.ToYear))
		if err != nil {
			return fmt.Errorf("ghi tiêu chí: %w", err)
		}
		cr.ID = id
		return nil
	}
	var was bool
	var from, to sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT active, from_year, to_year FROM criteria WHERE id = ?`, cr.ID).Scan(&was, &from, &to)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("tiêu chí %d: %w", cr.ID, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("đọc tiêu chí: %w", err)
	}
	switch {
	case was && !cr.Active: // retired: no longer part of this year's checklist
		to = sql.NullInt64{Int64: int64(year - 1), Valid: true}
	case !was && cr.Active: // back in force from this year
		to = sql.NullInt64{}
		if !from.Valid || from.Int64 > int64(year) {
			from = sql.NullInt64{Int64: int64(year), Valid: true}
		}
	}
	cr.FromYear, cr.ToYear = int(from.Int64), int(to.Int64)
	if _, err := tx.Change("criteria", "id = ?", []any{cr.ID}, `UPDATE criteria SET code=?, text=?, ord=?, active=?, from_year=?, to_year=? WHERE id=?`,
		cr.Code, cr.Text, cr.Order, cr.Active, from, to, cr.ID); err != nil {
		return fmt.Errorf("sửa tiêu chí: %w", err)
	}
	return nil
}

func nullIfZeroInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// BranchYear reads a branch's assessment for a year; Standard is true when
// every criterion of that year's checklist is met.
func (s *Store) BranchYear(ctx context.Context, branchID int64, year int) (domain.BranchYear, error) {
	by := domain.BranchYear{BranchID: branchID, Year: year}
	end, err := s.yearEnd(ctx, year)
	if err != nil {
		return by, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT rating, CASE WHEN rating <> '' THEN COALESCE(rated, ?3) END FROM branch_years WHERE branch_id = ?1 AND year = ?2`,
		branchID, year, end.ISO()).Scan(&by.Rating, (*sqlDate)(&by.Rated))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return by, fmt.Errorf("đọc đánh giá chi đoàn: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT criterion_id, COALESCE(assessed, ?3) FROM branch_criteria_met WHERE branch_id = ?1 AND year = ?2 ORDER BY criterion_id`,
		branchID, year, end.ISO())
	if err != nil {
		return by, fmt.Errorf("đọc tiêu chí đạt: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var on domain.Date
		if err := rows.Scan(&id, (*sqlDate)(&on)); err != nil {
			return by, fmt.Errorf("đọc tiêu chí đạt: %w", err)
		}
		by.Met = append(by.Met, id)
		if on.After(by.Assessed) {
			by.Assessed = on
		}
	}
	if err := rows.Err(); err != nil {
		return by, err
	}
	var missing, applying int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE c.id NOT IN
		(SELECT criterion_id FROM branch_criteria_met WHERE branch_id = ?1 AND year = ?2)), count(*)
		FROM criteria c WHERE `+appliesSQL("?2"), branchID, year).Scan(&missing, &applying); err != nil {
		return by, fmt.Errorf("đọc tiêu chí đạt: %w", err)
	}
	// A year with no checklist at all proves nothing.
	by.Standard = applying > 0 && missing == 0
	return by, nil
}

// SaveBranchYear writes a branch's checklist and rating for a year, in one
// transaction.
func (s *Store) SaveBranchYear(ctx context.Context, by domain.BranchYear) error {
	if err := domain.CheckYear(by.Year); err != nil {
		return err
	}
	c := &domain.Checker{}
	if by.Rating != "" && !domain.ValidCode(domain.UnitRatings, by.Rating) {
		c.Add("Rating", "Xếp loại chi đoàn", "%q không có trong danh mục", by.Rating)
	}
	domain.CheckDecided(c, "Rated", "Ngày xếp loại", by.Year, by.Rated, s.Today())
	domain.CheckDecided(c, "Assessed", "Ngày đánh giá tiêu chí", by.Year, by.Assessed, s.Today())
	if err := c.Err(); err != nil {
		return err
	}
	old, err := s.BranchYear(ctx, by.BranchID, by.Year)
	if err != nil {
		return err
	}
	end, err := s.yearEnd(ctx, by.Year)
	if err != nil {
		return err
	}
	by.Rated = settleDecided(by.Rated, by.Rating != old.Rating, old.Rated, end)
	if by.Rating == "" {
		by.Rated = domain.Date{}
	}
	by.Assessed = settleDecided(by.Assessed, !sameIDs(by.Met, old.Met), old.Assessed, end)
	return s.write(ctx, func(tx *writeTx) error {
		key := []any{by.BranchID, by.Year}
		if _, err := tx.Change("branch_years", "branch_id = ? AND year = ?", key, `INSERT INTO branch_years(branch_id, year, rating, rated) VALUES (?,?,?,?)
			ON CONFLICT(branch_id, year) DO UPDATE SET rating = excluded.rating, rated = excluded.rated`, by.BranchID, by.Year, by.Rating, sqlDate(by.Rated)); err != nil {
			return fmt.Errorf("ghi xếp loại chi đoàn: %w", err)
		}
		// The year's checklist is rewritten whole; history keeps only the
		// criteria that came or went.
		return tx.Track("branch_criteria_met", "branch_id = ? AND year = ?", key, func(exec writepath.ExecFunc) error {
			if _, err := exec(`DELETE FROM branch_criteria_met WHERE branch_id = ? AND year = ?`, by.BranchID, by.Year); err != nil {
				return fmt.Errorf("ghi tiêu chí đạt: %w", err)
			}
			for _, id := range by.Met {
				if _, err := exec(`INSERT INTO branch_criteria_met(branch_id, year, criterion_id, assessed) VALUES (?,?,?,?)`, by.BranchID, by.Year, id, sqlDate(by.Assessed)); err != nil {
					return fmt.Errorf("ghi tiêu chí đạt: %w", err)
				}
			}
			return nil
		})
	})
}
