package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// WardYearResults measures a ward register's indicators for working year
// year as of the cut-off, on its own current plan, aligned to the upper
// level's plan.
func (s *Store) WardYearResults(ctx context.Context, upper domain.Plan, year int, cutoff domain.Date) ([]domain.Result, error) {
	p, err := s.CurrentPlan(ctx)
	if err != nil {
		return nil, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	rs, err := s.YearResultsAt(ctx, p.ID, year, cutoff)
	if err != nil {
		return nil, err
	}
	return domain.AlignResults(upper, rs), nil
}

// Consolidate adds up the wards' results (each aligned to the plan of
// this, the consolidation register) into the total: counts are summed;
// percentages are recomputed from the summed numerators and
// denominators of the wards that have the figures; a yes/no target
// counts the wards that meet it and is met when every ward does. The
// total is judged against this register's plan.
func (s *Store) Consolidate(ctx context.Context, year int, cutoff domain.Date, wards []domain.WardResults) (domain.Consolidation, error) {
	plan, err := s.CurrentPlan(ctx)
	if err != nil {
		return domain.Consolidation{}, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return domain.Consolidation{}, err
	}
	c := domain.Consolidation{Year: year, Cutoff: sp.To, Plan: plan, Wards: wards}
	done := s.periodElapsed(ctx, plan, sp.To)
	for i, in := range plan.Indicators {
		col := make([]domain.Result, 0, len(wards))
		for _, w := range wards {
			if i < len(w.Results) {
				col = append(col, w.Results[i])
			}
		}
		c.Total = append(c.Total, domain.TotalOf(in, col, done))
	}
	return c, nil
}
