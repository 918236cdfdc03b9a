package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sodoan/domain"
)

func (s *Store) planIndicators(ctx context.Context, planID int64) ([]domain.Indicator, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, plan_id, code, section, title, kind, metric, target, no_target, period, ord
		FROM indicators WHERE plan_id = ? ORDER BY ord, id`, planID)
	if err != nil {
		return nil, fmt.Errorf("đọc chỉ tiêu: %w", err)
	}
	defer rows.Close()
	var out []domain.Indicator
	for rows.Next() {
		var in domain.Indicator
		var kind string
		if err := rows.Scan(&in.ID, &in.PlanID, &in.Code, &in.Section, &in.Title, &kind, &in.Metric, &in.Target, &in.NoTarget, &in.Period, &in.Order); err != nil {
			return nil, fmt.Errorf("đọc chỉ tiêu: %w", err)
		}
		in.Kind = domain.IndicatorKind(kind)
		out = append(out, in)
	}
	return out, rows.Err()
}

// Plans lists every plan with its indicators, the latest period first.
func (s *Store) Plans(ctx context.Context) ([]domain.Plan, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, number, title, start_year, end_year, current, issued, issuer, upper_plan FROM plans ORDER BY start_year DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("đọc kế hoạch: %w", err)
	}
	var out []domain.Plan
	for rows.Next() {
		var p domain.Plan
		if err := rows.Scan(&p.ID, &p.Number, &p.Title, &p.StartYear, &p.EndYear, &p.Current, (*sqlDate)(&p.Issued), &p.Issuer, &p.UpperPlan); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc kế hoạch: %w", err)
		}
		out = append(out, p)
	}
	rows.Close()
	for i := range out {
		if out[i].Indicators, err = s.planIndicators(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Plan reads one plan with its indicators.
func (s *Store) Plan(ctx context.Context, id int64) (domain.Plan, error) {
	var p domain.Plan
	err := s.db.QueryRowContext(ctx, `SELECT id, number, title, start_year, end_year, current, issued, issuer, upper_plan FROM plans WHERE id = ?`, id).
		Scan(&p.ID, &p.Number, &p.Title, &p.StartYear, &p.EndYear, &p.Current, (*sqlDate)(&p.Issued), &p.Issuer, &p.UpperPlan)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("kế hoạch %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("đọc kế hoạch: %w", err)
	}
	p.Indicators, err = s.planIndicators(ctx, id)
	return p, err
}

// CurrentPlan reads the plan the dashboard and the annual report follow.
func (s *Store) CurrentPlan(ctx context.Context) (domain.Plan, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM plans ORDER BY current DESC, start_year DESC, id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Plan{}, ErrNoPlan
	}
	if err != nil {
		return domain.Plan{}, fmt.Errorf("đọc kế hoạch hiện hành: %w", err)
	}
	return s.Plan(ctx, id)
}

// SavePlan validates and writes a plan with its indicators in one
// transaction: indicators missing from p.Indicators are removed, new ones
// (ID 0) added. A plan marked Current becomes the only current one.
func (s *Store) SavePlan(ctx context.Context, p *domain.Plan) error {
	if err := domain.ValidatePlan(p); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		if p.Current {
			if _, err := tx.Change("plans", "current <> 0", nil, `UPDATE plans SET current = 0`); err != nil {
				return fmt.Errorf("ghi kế hoạch: %w", err)
			}
		}
		if p.ID == 0 {
			id, err := tx.Insert("plans", `INSERT INTO plans(number, title, start_year, end_year, current, issued, issuer, upper_plan) VALUES (?,?,?,?,?,?,?,?)`,
				p.Number, p.Title, p.StartYear, p.EndYear, p.Current, sqlDate(p.Issued), p.Issuer, p.UpperPlan)
			if err != nil {
				return fmt.Errorf("ghi kế hoạch: %w", err)
			}
			p.ID = id
		} else if _, err := tx.Change("plans", "id = ?", []any{p.ID}, `UPDATE plans SET number=?, title=?, start_year=?, end_year=?, current=?, issued=?, issuer=?, upper_plan=? WHERE id=?`,
			p.Number, p.Title, p.StartYear, p.EndYear, p.Current, sqlDate(p.Issued), p.Issuer, p.UpperPlan, p.ID); err != nil {
			return fmt.Errorf("sửa kế hoạch: %w", err)
		}
		keep := map[int64]bool{}
		for i := range p.Indicators {
			in := &p.Indicators[i]
			in.PlanID = p.ID
			if in.Order == 0 {
				in.Order = i + 1
			}
			if in.ID == 0 {
				id, err := tx.Insert("indicators", `INSERT INTO indicators(plan_id, code, section, title, kind, metric, target, no_target, period, ord) VALUES (?,?,?,?,?,?,?,?,?,?)`,
					p.ID, in.Code, in.Section, in.Title, string(in.Kind), in.Metric, in.Target, in.NoTarget, in.Period, in.Order)
				if err != nil {
					return fmt.Errorf("ghi chỉ tiêu %s: %w", in.Code, err)
				}
				in.ID = id
			} else if _, err := tx.Change("indicators", "id = ? AND plan_id = ?", []any{in.ID, p.ID}, `UPDATE indicators SET code=?, section=?, title=?, kind=?, metric=?, target=?, no_target=?, period=?, ord=? WHERE id=? AND plan_id=?`,
				in.Code, in.Section, in.Title, string(in.Kind), in.Metric, in.Target, in.NoTarget, in.Period, in.Order, in.ID, p.ID); err != nil {
				return fmt.Errorf("sửa chỉ tiêu %s: %w", in.Code, err)
			}
			keep[in.ID] = true
		}
		rows, err := tx.QueryContext(ctx, `SELECT id FROM indicators WHERE plan_id = ?`, p.ID)
		if err != nil {
			return fmt.Errorf("đọc chỉ tiêu: %w", err)
		}
		var drop []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			if !keep[id] {
				drop = append(drop, id)
			}
		}
		rows.Close()
		for _, id := range drop {
			if _, err := tx.Change("indicators", "id = ?", []any{id}, `DELETE FROM indicators WHERE id = ?`, id); err != nil {
				return fmt.Errorf("xóa chỉ tiêu: %w", err)
			}
		}
		return nil
	})
}

// SetIndicatorValue records the value of an indicator measured by hand
// (1 for a ticked checkbox, 0 for not met) for a year.
func (s *Store) SetIndicatorValue(ctx context.Context, indicatorID int64, year int, v float64) error {
	if err := domain.CheckYear(year); err != nil {
		return err
	}
	if err := domain.CheckIndicatorValue(v); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *writeTx) error {
		_, err := tx.Change("indicator_values", "indicator_id = ? AND year = ?", []any{indicatorID, year}, `INSERT INTO indicator_values(indicator_id, year, value) VALUES (?,?,?)
		ON CONFLICT(indicator_id, year) DO UPDATE SET value = excluded.value`, indicatorID, year, v)
		return err
	})
	if err != nil {
		return fmt.Errorf("ghi giá trị chỉ tiêu: %w", err)
	}
	return nil
}

// DeletePlan removes a plan entered by mistake, with its indicators and
// their hand-entered values. The register keeps at least one plan, and when
// the current plan goes, the plan of the latest period becomes current.
// (A new register has none until the ward enters one; once entered, a
// plan is corrected rather than removed.)
func (s *Store) DeletePlan(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM plans`).Scan(&n); err != nil {
			return fmt.Errorf("đếm kế hoạch: %w", err)
		}
		if n <= 1 {
			return &domain.ValidationError{Errors: []domain.FieldError{{Field: "ID", Label: "Kế hoạch",
				Msg: "sổ cần ít nhất một kế hoạch; hãy sửa kế hoạch này thay vì xóa"}}}
		}
		var current bool
		err := tx.QueryRowContext(ctx, `SELECT current FROM plans WHERE id = ?`, id).Scan(&current)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("kế hoạch %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("đọc kế hoạch: %w", err)
		}
		if _, err := tx.Change("plans", "id = ?", []any{id}, `DELETE FROM plans WHERE id = ?`, id); err != nil {
			return fmt.Errorf("xóa kế hoạch: %w", err)
		}
		if current {
			var next int64
			if err := tx.QueryRowContext(ctx, `SELECT id FROM plans ORDER BY start_year DESC, id DESC LIMIT 1`).Scan(&next); err != nil {
				return fmt.Errorf("chọn kế hoạch hiện hành: %w", err)
			}
			if _, err := tx.Change("plans", "id = ?", []any{next}, `UPDATE plans SET current = 1 WHERE id = ?`, next); err != nil {
				return fmt.Errorf("chọn kế hoạch hiện hành: %w", err)
			}
		}
		return nil
	})
}

// ErrNoPlan is CurrentPlan's error while the register has no plan of its
// own: callers say domain.NoPlan instead of judging against another
// body's plan.
var ErrNoPlan = fmt.Errorf("%s: %w", domain.NoPlan, ErrNotFound)

// SetPlanTarget enters the figure of one target of the current plan, found
// by its code ("2.5a"); period, when given, says whether the figure is for
// the whole term (true) or each year. The window's plan editor and the
// CLI's "plan target" both come here or to SavePlan.
func (s *Store) SetPlanTarget(ctx context.Context, code string, value float64, period *bool) (domain.Plan, error) {
	p, err := s.CurrentPlan(ctx)
	if err != nil {
		return p, err
	}
	want := domain.Fold(domain.Clean(code))
	for i := range p.Indicators {
		in := &p.Indicators[i]
		if domain.Fold(in.Code) != want {
			continue
		}
		in.Target, in.NoTarget = value, false
		if period != nil {
			in.Period = *period
		}
		if err := s.SavePlan(ctx, &p); err != nil {
			return p, err
		}
		return p, nil
	}
	var codes []string
	for _, in := range p.Indicators {
		codes = append(codes, in.Code)
	}
	return p, &domain.ValidationError{Errors: []domain.FieldError{{Field: "Code", Label: "Mã chỉ tiêu",
		Msg: fmt.Sprintf("%q không có trong kế hoạch số %s (có: %s)", code, p.Number, strings.Join(codes, ", "))}}}
}
