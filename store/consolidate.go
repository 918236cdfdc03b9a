package store

import (
	"context"
	"fmt"
)

// WardResults is one ward's indicators in a consolidation, in the order
// of the upper level's plan.
type WardResults struct {
	Ward    Ward
	Results []Result
}

// Consolidation is an upper level's indicators for a working year: each
// ward's, and the total.
type Consolidation struct {
	Year   int
	Cutoff Date // the day counted to
	Plan   Plan // the upper level's current plan: its targets judge the total
	Wards  []WardResults
	Total  []Result
}

// AlignResults puts a ward's results (measured on its own plan) in the
// order of the upper level's plan, matching indicators by code, then by
// metric. An indicator the ward's plan lacks is left unknown.
func AlignResults(plan Plan, rs []Result) []Result {
	byCode := map[string]Result{}
	byMetric := map[string][]Result{}
	for _, r := range rs {
		byCode[Fold(r.Indicator.Code)] = r
		if r.Indicator.Metric != MetricManual {
			byMetric[r.Indicator.Metric] = append(byMetric[r.Indicator.Metric], r)
		}
	}
	out := make([]Result, len(plan.Indicators))
	for i, in := range plan.Indicators {
		if r, ok := byCode[Fold(in.Code)]; ok {
			out[i] = r
			continue
		}
		if m := byMetric[in.Metric]; in.Metric != MetricManual && len(m) == 1 {
			out[i] = m[0]
			continue
		}
		out[i] = Result{Indicator: in, Detail: "kế hoạch của phường không có chỉ tiêu này",
			Verdict: Verdict{Code: VerdictNoData, Kind: in.Kind, Target: in.Target, Period: in.Period}}
	}
	return out
}

// WardYearResults measures a ward register's indicators for working year
// year as of the cut-off, on its own current plan, aligned to the upper
// level's plan.
func (s *Store) WardYearResults(ctx context.Context, upper Plan, year int, cutoff Date) ([]Result, error) {
	p, err := s.CurrentPlan(ctx)
	if err != nil {
		return nil, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	rs, err := s.YearResultsAt(ctx, p.ID, year, cutoff)
	if err != nil {
		return nil, err
	}
	return AlignResults(upper, rs), nil
}

// Consolidate adds up the wards' results (each aligned to the plan of
// this, the consolidation register) into the total: counts are summed;
// percentages are recomputed from the summed numerators and
// denominators of the wards that have the figures; a yes/no target
// counts the wards that meet it and is met when every ward does. The
// total is judged against this register's plan.
func (s *Store) Consolidate(ctx context.Context, year int, cutoff Date, wards []WardResults) (Consolidation, error) {
	plan, err := s.CurrentPlan(ctx)
	if err != nil {
		return Consolidation{}, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return Consolidation{}, err
	}
	c := Consolidation{Year: year, Cutoff: sp.To, Plan: plan, Wards: wards}
	done := s.periodElapsed(ctx, plan, sp.To)
	for i, in := range plan.Indicators {
		col := make([]Result, 0, len(wards))
		for _, w := range wards {
			if i < len(w.Results) {
				col = append(col, w.Results[i])
			}
		}
		c.Total = append(c.Total, totalOf(in, col, done))
	}
	return c, nil
}

// totalOf is one indicator's total over the wards' results; elapsed is
// the share of the plan's period gone by, for period targets.
func totalOf(in Indicator, col []Result, elapsed float64) Result {
	var known, num, den, met int
	var sum, cum float64
	ratios := true
	for _, r := range col {
		if !r.Known {
			continue
		}
		known++
		sum += r.Actual
		cum += r.Cumulative
		num += r.Num
		den += r.Den
		if r.Den == 0 {
			ratios = false
		}
		if r.Actual+1e-9 >= 1 {
			met++
		}
	}
	var m measure
	switch {
	case known == 0:
		m = measure{detail: note("chưa có số liệu của cơ sở nào")}
	case in.Kind == KindCheck:
		m = measure{actual: float64(met), known: true, detail: note("%d/%d cơ sở đạt", met, len(col))}
	case in.Kind == KindPercent && ratios:
		m = pct(num, den, "")
	case in.Kind == KindPercent:
		// Typed by hand in some ward: no counts to add up.
		m = measure{actual: sum / float64(known), known: true, detail: note("trung bình các cơ sở")}
	default:
		m = count(int(sum+0.5), "")
	}
	detail := trimDetail(m.detail.String())
	if known > 0 && known < len(col) {
		detail += fmt.Sprintf("; %d/%d cơ sở có số liệu", known, len(col))
	}
	r := Result{Indicator: in, Actual: m.actual, Known: m.known, Detail: detail, Num: m.num, Den: m.den}
	switch {
	case in.Kind == KindCheck:
		r.Verdict = Verdict{Kind: in.Kind, Done: m.actual, Target: float64(len(col)), Code: VerdictNoData}
		if known > 0 {
			r.Verdict.Code = VerdictNotMet
			if met == len(col) {
				r.Verdict.Code = VerdictMet
			}
		}
	case in.Period:
		r.Cumulative = cum
		r.Known = true
		r.Verdict = judgePeriod(in, cum, elapsed)
	default:
		r.Verdict = judgeYearly(in, m)
	}
	r.Met = r.Verdict.Code == VerdictMet
	return r
}

// trimDetail drops the blank a unit-less count or percentage leaves.
func trimDetail(s string) string {
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}
