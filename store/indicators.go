package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
)

// yearSpan is the half-open range of ISO dates of a year.
func yearSpan(year int) (from, to string) {
	return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)
}

// measure computes one metric for a year. known is false when the register
// lacks what the metric divides by.
type measure struct {
	actual float64
	known  bool
	detail string
}

func pct(num, den int, unit string) measure {
	if den == 0 {
		return measure{detail: "chưa có " + unit}
	}
	return measure{actual: 100 * float64(num) / float64(den), known: true,
		detail: fmt.Sprintf("%s/%s %s", FormatInt(int64(num)), FormatInt(int64(den)), unit)}
}

func count(n int, unit string) measure {
	return measure{actual: float64(n), known: true, detail: FormatInt(int64(n)) + " " + unit}
}

// cadreSQL selects the ward-level cadres holding office at some time in
// [?1, ?2): secretary, deputy, standing and executive committee members.
const cadreSQL = `SELECT DISTINCT p.* FROM people p JOIN positions po ON po.person_id = p.id
	WHERE po.kind IN ('secretary','deputy','standing','executive')
	AND (po.start IS NULL OR po.start < ?2) AND (po.end IS NULL OR po.end >= ?1)`

func (s *Store) measure(ctx context.Context, in Indicator, year int) (measure, error) {
	from, to := yearSpan(year)
	one := func(q string, args ...any) (int, error) {
		var n int
		err := s.db.QueryRowContext(ctx, q, args...).Scan(&n)
		return n, err
	}
	two := func(q string, args ...any) (int, int, error) {
		var a, b sql.NullInt64
		err := s.db.QueryRowContext(ctx, q, args...).Scan(&a, &b)
		return int(a.Int64), int(b.Int64), err
	}
	switch in.Metric {
	case MetricManual:
		var v float64
		err := s.db.QueryRowContext(ctx, `SELECT value FROM indicator_values WHERE indicator_id = ? AND year = ?`, in.ID, year).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return measure{detail: "chưa đánh giá"}, nil
		}
		if in.Kind == KindCheck {
			d := "không đạt"
			if v >= 1 {
				d = "đạt"
			}
			return measure{actual: v, known: true, detail: d}, err
		}
		return measure{actual: v, known: true, detail: "nhập tay"}, err
	case MetricEconomicClubs:
		n, err := one(`SELECT count(*) FROM clubs WHERE kind = 'economic' AND active = 1 AND (founded IS NULL OR founded < ?)`, to)
		return count(n, "CLB"), err
	case MetricSupportedModels:
		n, err := one(`SELECT count(*) FROM coop_years WHERE year = ? AND supported_model = 1 AND revenue > 0`, year)
		return count(n, "mô hình"), err
	case MetricActiveCoops:
		n, err := one(`SELECT count(*) FROM coops WHERE active = 1 AND (founded IS NULL OR founded < ?)`, to)
		return count(n, "tổ hợp tác"), err
	case MetricHamletStandardPct:
		var applying int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM criteria c WHERE `+appliesSQL("?1"), year).Scan(&applying); err != nil {
			return measure{}, err
		}
		if applying == 0 {
			return measure{detail: "chưa có tiêu chí chi đoàn đạt chuẩn cho năm này"}, nil
		}
		met, all, err := two(`SELECT sum(NOT EXISTS (SELECT 1 FROM criteria c WHERE `+appliesSQL("?1")+` AND NOT EXISTS
			(SELECT 1 FROM branch_criteria_met m WHERE m.branch_id = b.id AND m.year = ?1 AND m.criterion_id = c.id))), count(*)
			FROM branches b WHERE b.kind = 'hamlet' AND (b.active = 1 OR b.dissolved >= ?2)`, year, to)
		return pct(met, all, "chi đoàn khóm, ấp"), err
	case MetricCadreStandardPct:
		met, all, err := two(`SELECT sum(schooling = 12 AND qualification <> '' AND theory_level <> '' AND youth_work_trained = 1), count(*)
			FROM (`+cadreSQL+`)`, from, to)
		return pct(met, all, "cán bộ"), err
	case MetricCadreLanguagePct:
		met, all, err := two(`SELECT sum(language_fluent = 1), count(*) FROM (`+cadreSQL+`)`, from, to)
		return pct(met, all, "cán bộ"), err
	case MetricNewUnionMembers:
		n, err := one(`SELECT count(*) FROM membership_events WHERE kind = 'admission' AND date >= ? AND date < ?`, from, to)
		return count(n, "đoàn viên"), err
	case MetricNewFederation:
		n, err := one(`SELECT count(*) FROM people WHERE federation_member = 1 AND federation_date >= ? AND federation_date < ?`, from, to)
		return count(n, "hội viên"), err
	case MetricYouthGatheredPct:
		w, err := s.WardYear(ctx, year)
		if err != nil {
			return measure{}, err
		}
		n, err := s.membersAt(ctx, to)
		if err != nil {
			return measure{}, err
		}
		if w.ResidentYouth == 0 {
			return measure{detail: "chưa nhập số thanh niên trên địa bàn"}, nil
		}
		return pct(n, w.ResidentYouth, "thanh niên"), nil
	case MetricPartyIntroducedPct:
		w, err := s.WardYear(ctx, year)
		if err != nil {
			return measure{}, err
		}
		n, err := one(`SELECT count(*) FROM member_years WHERE party_introduced >= ? AND party_introduced < ?`, from, to)
		if err != nil {
			return measure{}, err
		}
		if w.NewPartyMembers == 0 {
			return measure{detail: FormatInt(int64(n)) + " đoàn viên được giới thiệu; chưa nhập số đảng viên mới"}, nil
		}
		m := pct(n, w.NewPartyMembers, "đảng viên mới")
		m.detail = fmt.Sprintf("%s giới thiệu / %s đảng viên mới", FormatInt(int64(n)), FormatInt(int64(w.NewPartyMembers)))
		return m, nil
	case MetricUnitsGoodPct:
		good, all, err := two(`SELECT sum(rating IN ('excellent','good')), count(*) FROM branch_years WHERE year = ? AND rating <> ''`, year)
		return pct(good, all, "chi đoàn được xếp loại"), err
	case MetricTrainingCompletedPct:
		done, err := one(`SELECT count(*) FROM member_years WHERE year = ? AND training_completed = 1`, year)
		if err != nil {
			return measure{}, err
		}
		all, err := s.unionActiveAt(ctx, to)
		return pct(done, all, "đoàn viên"), err
	}
	return measure{}, fmt.Errorf("chỉ tiêu %s: cách đo %q không có", in.Code, in.Metric)
}

// activeAtSQL lists the people who were active Union members just before
// the ISO date ?1: those whose latest event before it is an admission or a
// transfer in. One pass over the events index (SQLite returns the kind of
// the row holding max(date)), not one subquery per person.
const activeAtSQL = `SELECT person_id FROM (SELECT person_id, kind, max(date) FROM membership_events
	WHERE date < ?1 GROUP BY person_id) WHERE kind IN ('admission','transfer_in')`

func (s *Store) unionActiveAt(ctx context.Context, before string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+activeAtSQL+`)`, before).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("đếm đoàn viên: %w", err)
	}
	return n, nil
}

// membersAt counts the young people gathered into the organisation just
// before the date: active Union members and Federation members who had
// joined, each person once.
func (s *Store) membersAt(ctx context.Context, before string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `WITH act AS (`+activeAtSQL+`)
		SELECT (SELECT count(*) FROM act) + (SELECT count(*) FROM people p WHERE p.federation_member = 1
		AND (p.federation_date IS NULL OR p.federation_date < ?1) AND p.id NOT IN (SELECT person_id FROM act))`, before).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("đếm thanh niên được tập hợp: %w", err)
	}
	return n, nil
}

func judge(in Indicator, m measure) Result {
	r := Result{Indicator: in, Actual: m.actual, Known: m.known, Detail: m.detail}
	r.Met = m.known && r.Actual+1e-9 >= in.Target
	return r
}

// YearResults measures every indicator of a plan for one year. For a period
// target the year's own figure is Actual, the sum since the plan's first
// year is Cumulative, and Met says whether the period is on track.
func (s *Store) YearResults(ctx context.Context, planID int64, year int) ([]Result, error) {
	if err := checkYear(year); err != nil {
		return nil, err
	}
	p, err := s.Plan(ctx, planID)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(p.Indicators))
	for _, in := range p.Indicators {
		m, err := s.measure(ctx, in, year)
		if err != nil {
			return nil, fmt.Errorf("tính chỉ tiêu %s năm %d: %w", in.Code, year, err)
		}
		r := judge(in, m)
		if in.Period {
			sum := 0.0
			for y := p.StartYear; y <= year && y <= p.EndYear; y++ {
				if y == year {
					sum += m.actual
					continue
				}
				my, err := s.measure(ctx, in, y)
				if err != nil {
					return nil, fmt.Errorf("tính chỉ tiêu %s năm %d: %w", in.Code, y, err)
				}
				sum += my.actual
			}
			r.Cumulative = sum
			years := float64(p.EndYear - p.StartYear + 1)
			elapsed := math.Min(math.Max(float64(year-p.StartYear+1), 1), years)
			r.Met = sum+1e-9 >= in.Target*elapsed/years
			r.Detail = fmt.Sprintf("%s trong năm; lũy kế %s/%s", m.detail, FormatNum(sum), FormatNum(in.Target))
		}
		out = append(out, r)
	}
	return out, nil
}

// PeriodResults measures a plan's indicators for every year of its period
// (up to the current year) and for the period as a whole.
func (s *Store) PeriodResults(ctx context.Context, planID int64) (PeriodResult, error) {
	p, err := s.Plan(ctx, planID)
	if err != nil {
		return PeriodResult{}, err
	}
	pr := PeriodResult{Plan: p}
	last := min(p.EndYear, Today().Year())
	for y := p.StartYear; y <= last; y++ {
		rs, err := s.YearResults(ctx, planID, y)
		if err != nil {
			return pr, err
		}
		pr.Years = append(pr.Years, y)
		pr.ByYear = append(pr.ByYear, rs)
	}
	for i, in := range p.Indicators {
		var t Result
		if in.Period {
			sum := 0.0
			for _, rs := range pr.ByYear {
				sum += rs[i].Actual
			}
			t = judge(in, measure{actual: sum, known: true, detail: fmt.Sprintf("lũy kế %d năm", len(pr.Years))})
			t.Cumulative = sum
		} else {
			t = Result{Indicator: in, Detail: "chưa có số liệu"}
			for j := len(pr.ByYear) - 1; j >= 0; j-- {
				if rs := pr.ByYear[j]; rs[i].Known {
					t = rs[i]
					t.Detail = fmt.Sprintf("năm %d: %s", pr.Years[j], rs[i].Detail)
					break
				}
			}
		}
		pr.Total = append(pr.Total, t)
	}
	return pr, nil
}
