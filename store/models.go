package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

const modelCols = `m.id, m.target, m.kind, m.name, m.link, m.owner, COALESCE(m.branch_id, 0), COALESCE(m.coop_id, 0), m.date, m.ended, m.support, m.note`

// modelInSpanSQL: a 2.2b model supported in [?1, ?2); a 2.1 model or page
// started before ?2 and not stopped before ?1.
const modelInSpanSQL = `m.target = ?3 AND m.date < ?2 AND
	CASE WHEN m.target = 'economic' THEN m.date >= ?1 ELSE (m.ended IS NULL OR m.ended >= ?1) END`

// Models lists a target's models of working year year (counted to its
// end), by date then name.
func (s *Store) Models(ctx context.Context, target domain.ModelTarget, year int) ([]domain.TargetModel, error) {
	sp, err := s.YearSpan(ctx, year, domain.Date{})
	if err != nil {
		return nil, err
	}
	sp.To = sp.End
	return s.modelsIn(ctx, target, "", sp)
}

// modelsIn lists a target's models of the span up to its cut-off, of one
// kind ("": every kind). For 2.2b, a group ticked "supported" on the
// Tổ hợp tác screen for the year counts too, named by the group and dated
// the year's last day (the tick has no date of its own), unless a dated
// record already names that group in the year.
func (s *Store) modelsIn(ctx context.Context, target domain.ModelTarget, kind string, sp domain.Span) ([]domain.TargetModel, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+modelCols+` FROM target_models m WHERE `+modelInSpanSQL+`
		AND (?4 = '' OR m.kind = ?4)
		UNION ALL
		SELECT 0, 'economic', 'coop', g.name, '', '', 0, g.id, ?5, NULL, y.support, ''
		FROM coop_years y JOIN coops g ON g.id = y.coop_id
		WHERE ?3 = 'economic' AND (?4 = '' OR ?4 = 'coop') AND y.year = ?6 AND y.supported_model = 1 AND ?5 < ?2
			AND NOT EXISTS (SELECT 1 FROM target_models m WHERE m.target = 'economic' AND m.coop_id = y.coop_id
				AND m.date >= ?1 AND m.date <= ?5)
		ORDER BY 9, 4, 1`, sp.From.ISO(), sp.Until(), string(target), kind, sp.End.ISO(), sp.Year)
	if err != nil {
		return nil, fmt.Errorf("đọc mô hình: %w", err)
	}
	defer rows.Close()
	var out []domain.TargetModel
	for rows.Next() {
		var m domain.TargetModel
		var t string
		if err := rows.Scan(&m.ID, &t, &m.Kind, &m.Name, &m.Link, &m.Owner, &m.BranchID, &m.CoopID,
			(*sqlDate)(&m.Date), (*sqlDate)(&m.Ended), &m.Support, &m.Note); err != nil {
			return nil, fmt.Errorf("đọc mô hình: %w", err)
		}
		m.Target = domain.ModelTarget(t)
		out = append(out, m)
	}
	return out, rows.Err()
}

// Model reads one model record.
func (s *Store) Model(ctx context.Context, id int64) (domain.TargetModel, error) {
	var m domain.TargetModel
	var t string
	err := s.db.QueryRowContext(ctx, `SELECT `+modelCols+` FROM target_models m WHERE m.id = ?`, id).
		Scan(&m.ID, &t, &m.Kind, &m.Name, &m.Link, &m.Owner, &m.BranchID, &m.CoopID,
			(*sqlDate)(&m.Date), (*sqlDate)(&m.Ended), &m.Support, &m.Note)
	if err != nil {
		return m, fmt.Errorf("đọc mô hình %d: %w", id, err)
	}
	m.Target = domain.ModelTarget(t)
	return m, nil
}

// SaveModel records a model of 2.1 or 2.2b (a new one when its ID is 0).
// A 2.2b model of a cooperative group of the register takes the group's
// name when it has none.
func (s *Store) SaveModel(ctx context.Context, m *domain.TargetModel) error {
	if m.CoopID != 0 && m.Name == "" {
		var name string
		if err := s.db.QueryRowContext(ctx, `SELECT name FROM coops WHERE id = ?`, m.CoopID).Scan(&name); err == nil {
			m.Name = name
		}
	}
	c := domain.CheckTargetModel(m, s.Today())
	if err := c.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		for _, ref := range []struct {
			id           int64
			table, field string
			label        string
		}{{m.BranchID, "branches", "BranchID", "Chi đoàn"}, {m.CoopID, "coops", "CoopID", "Tổ hợp tác"}} {
			if ref.id == 0 {
				continue
			}
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+ref.table+` WHERE id = ?`, ref.id).Scan(&n); err != nil {
				return fmt.Errorf("đọc %s: %w", ref.table, err)
			}
			if n == 0 {
				c.Add(ref.field, ref.label, "mã %d không có trong sổ", ref.id)
				return c.Err()
			}
		}
		args := []any{string(m.Target), m.Kind, m.Name, m.Link, m.Owner, nullIfZero(m.BranchID), nullIfZero(m.CoopID),
			sqlDate(m.Date), sqlDate(m.Ended), m.Support, m.Note}
		if m.ID == 0 {
			id, err := tx.Insert("target_models", `INSERT INTO target_models(target, kind, name, link, owner, branch_id, coop_id, date, ended, support, note)
				VALUES (?,?,?,?,?,?,?,?,?,?,?)`, args...)
			if err != nil {
				return fmt.Errorf("ghi mô hình: %w", err)
			}
			m.ID = id
			return nil
		}
		res, err := tx.Change("target_models", "id = ?", []any{m.ID}, `UPDATE target_models SET target=?, kind=?, name=?, link=?, owner=?,
			branch_id=?, coop_id=?, date=?, ended=?, support=?, note=? WHERE id=?`, append(args, m.ID)...)
		if err != nil {
			return fmt.Errorf("sửa mô hình: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			c.Add("ID", "Mô hình", "mã %d không có trong sổ", m.ID)
			return c.Err()
		}
		return nil
	})
}

// DeleteModel removes a model record entered by mistake.
func (s *Store) DeleteModel(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		res, err := tx.Change("target_models", "id = ?", []any{id}, `DELETE FROM target_models WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("xóa mô hình: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			c := &domain.Checker{}
			c.Add("ID", "Mô hình", "mã %d không có trong sổ", id)
			return c.Err()
		}
		return nil
	})
}
