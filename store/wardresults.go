package store

import (
	"context"
	"errors"
	"fmt"

	"sodoan/domain"
)

// WardYearResults measures a ward's register (the snapshot of its
// package) for the upper level's plan, for working year year as of the
// cut-off, so that every ward is read on the same day the report counts
// to:
//   - what the register holds (admissions, clubs, branches, cadres …) is
//     measured on the upper plan's own indicators, a period target over
//     the upper plan's term;
//   - targets ticked by hand come from the ward's own plan, matched by
//     code (unknown, and said so, when the ward has no plan or lacks the
//     target);
//   - 2.6 is the ward's own rating for the year, as the upper level
//     rates its cơ sở Đoàn;
//   - the Union and Hội members on the cut-off.
//
// Ward is left for the caller to fill in.
func (s *Store) WardYearResults(ctx context.Context, upper domain.Plan, year int, cutoff domain.Date) (domain.WardResults, error) {
	var out domain.WardResults
	measured, err := s.planResultsAt(ctx, manualless(upper), year, cutoff)
	if err != nil {
		return out, err
	}
	own, err := s.CurrentPlan(ctx)
	if err != nil && !errors.Is(err, ErrNoPlan) {
		return out, fmt.Errorf("kế hoạch của phường: %w", err)
	}
	var ownResults []domain.Result
	if own.ID != 0 {
		if ownResults, err = s.YearResultsAt(ctx, own.ID, year, cutoff); err != nil {
			return out, err
		}
	} else {
		out.Missing = append(out.Missing, "chưa nhập kế hoạch của đơn vị, các chỉ tiêu đánh giá bằng tay chưa có số liệu")
	}
	byCode := map[string]domain.Result{}
	for _, r := range ownResults {
		if r.Indicator.Metric == domain.MetricManual {
			byCode[domain.Fold(r.Indicator.Code)] = r
		}
	}
	// The ward's own rating as of the report's cut-off: one decided after
	// it is not yet known to a document of that day.
	w, err := s.WardYearAt(ctx, year, cutoff)
	if err != nil {
		return out, err
	}
	if out.RatingScale, err = s.RatingScale(ctx); err != nil {
		return out, err
	}
	out.Rating = w.Rating
	for i, in := range upper.Indicators {
		switch in.Metric {
		case domain.MetricManual:
			r, ok := byCode[domain.Fold(in.Code)]
			if !ok {
				r = domain.Result{Detail: "phường chưa có chỉ tiêu này"}
				if own.ID == 0 {
					r.Detail = "phường chưa nhập kế hoạch"
				}
			}
			r.Indicator = in
			r.Verdict = domain.JudgeYearly(in, domain.Measure{Actual: r.Actual, Known: r.Known})
			r.Met = r.Verdict.Code == domain.VerdictMet
			measured[i] = r
		case domain.MetricUnitsGoodPct:
			measured[i] = domain.WardRatingResult(in, w.Rating, out.RatingScale)
		}
	}
	out.Results = measured
	sit, err := s.SituationAt(ctx, year, cutoff)
	if err != nil {
		return out, err
	}
	out.Members, out.Federation = sit.Union.Total, sit.Federation.Total
	return out, nil
}

// manualless is p with its hand-ticked indicators made unmeasured
// placeholders: their values live under the ward's own indicators, not
// the upper level's (whose ids mean nothing in the ward's register).
func manualless(p domain.Plan) domain.Plan {
	p.Indicators = append([]domain.Indicator(nil), p.Indicators...)
	for i := range p.Indicators {
		if p.Indicators[i].Metric == domain.MetricManual {
			p.Indicators[i].ID = 0
		}
	}
	return p
}

// Consolidate adds up the wards' results (each measured on the plan of
// this, the consolidation register) into the total: a per-ward target
// (domain.PerWard) counts the wards meeting it; other counts are summed;
// percentages are recomputed from the summed numerators and
// denominators of the wards that have the figures. The total is judged
// against this register's plan; with no plan entered, the wards are
// listed and nothing is judged.
func (s *Store) Consolidate(ctx context.Context, year int, cutoff domain.Date, wards []domain.WardResults) (domain.Consolidation, error) {
	plan, err := s.CurrentPlan(ctx)
	if err != nil && !errors.Is(err, ErrNoPlan) {
		return domain.Consolidation{}, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return domain.Consolidation{}, err
	}
	c := domain.Consolidation{Year: year, Cutoff: sp.To, Plan: plan, Wards: wards}
	if plan.ID == 0 {
		return c, nil
	}
	done := s.periodElapsed(ctx, plan, sp.To)
	for i, in := range plan.Indicators {
		col := make([]domain.Result, 0, len(wards))
		for _, w := range wards {
			if i < len(w.Results) {
				col = append(col, w.Results[i])
			}
		}
		t := domain.TotalOf(in, col, done)
		if in.Period && !plan.Covers(year) {
			t.Cumulative = 0
			t.Verdict = domain.Verdict{Code: domain.VerdictNoTarget, Kind: in.Kind}
			t.Detail += fmt.Sprintf("; năm %d ngoài giai đoạn %d - %d của kế hoạch, không tính lũy kế", year, plan.StartYear, plan.EndYear)
		}
		c.Total = append(c.Total, t)
	}
	return c, nil
}
