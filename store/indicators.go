package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sodoan/domain"
)

// openDuringSQL is the condition on a club or group (alias g) that it
// existed at some time in [?1, ?2): founded before the end, and not closed
// before the start. One closed before the closing day was recorded counts
// as closed long ago.
const openDuringSQL = `(g.founded IS NULL OR g.founded < ?2) AND
	((g.active = 1 AND (g.closed IS NULL OR g.closed >= ?1)) OR (g.active = 0 AND g.closed >= ?1))`

// youthGatheredSQL counts the young people (aged 30 or less on the
// cut-off ?2 − 1 day, i.e. born on or after ?3) the organisation gathers on the
// cut-off: active Union members, hội viên on the cut-off (federationOn), and
// the register's people and named outsiders in a club or group open on the
// day (advisers excepted), each once.
var youthGatheredSQL = `WITH act AS (` + activeAtSQL2 + `),
	grp AS (SELECT m.person_id, m.name, m.role FROM club_members m JOIN clubs g ON g.id = m.club_id WHERE ` + openOnSQL + `
		UNION ALL SELECT m.person_id, m.name, m.role FROM coop_members m JOIN coops g ON g.id = m.coop_id WHERE ` + openOnSQL + `),
	ppl AS (SELECT person_id AS id FROM act
		UNION SELECT p.id FROM people p WHERE ` + federationOn("p", "date(?2, '-1 day')") + `
		UNION SELECT person_id FROM grp WHERE person_id IS NOT NULL)
	SELECT (SELECT count(*) FROM ppl JOIN people p ON p.id = ppl.id WHERE p.birth_date IS NULL OR p.birth_date >= ?3)
		+ (SELECT count(DISTINCT name) FROM grp WHERE person_id IS NULL AND role NOT LIKE 'Cố vấn%')`

// activeAtSQL2 is activeAtSQL on the parameter ?2.
const activeAtSQL2 = `SELECT person_id FROM (SELECT person_id, kind, max(date) FROM membership_events
	WHERE date < ?2 GROUP BY person_id) WHERE kind IN ('admission','transfer_in')`

// openOnSQL: the club or group g is open on the day before ?2.
const openOnSQL = `(g.founded IS NULL OR g.founded < ?2) AND
	((g.active = 1 AND (g.closed IS NULL OR g.closed >= ?2)) OR (g.active = 0 AND g.closed >= ?2))`

func (s *Store) measure(ctx context.Context, in domain.Indicator, sp domain.Span, scale string) (domain.Measure, error) {
	from, to, year := sp.From.ISO(), sp.Until(), sp.Year
	// A yearly fact counts when decided before the cut-off's next day;
	// one recorded with no day, on the year's last day.
	end := undatedDay(sp.End, s.Today()).ISO()
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
	case domain.MetricManual:
		var v float64
		err := s.db.QueryRowContext(ctx, `SELECT value FROM indicator_values WHERE indicator_id = ? AND year = ?`, in.ID, year).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Measure{Detail: domain.Note("chưa đánh giá")}, nil
		}
		if in.Kind == domain.KindCheck {
			d := domain.Note("Chưa thực hiện")
			if v >= 1 {
				d = domain.Note("Có")
			}
			return domain.Measure{Actual: v, Known: true, Detail: d}, err
		}
		return domain.Measure{Actual: v, Known: true, Detail: domain.Note("nhập tay")}, err
	case domain.MetricEconomicClubs:
		n, err := one(`SELECT count(*) FROM clubs g WHERE g.kind = 'economic' AND `+openDuringSQL, from, to)
		return domain.Count(n, "CLB"), err
	case domain.MetricSupportedModels:
		// 2.2b: the economic models supported in the year up to the
		// cut-off, of every kind (groups, cooperatives, households,
		// individuals), named.
		ms, err := s.modelsIn(ctx, domain.ModelEconomic, "", sp)
		return domain.ModelsMeasure(in.Kind, ms, false), err
	case domain.MetricOutreachModels, domain.MetricSocialPages:
		return s.outreachMeasure(ctx, in, sp)
	case domain.MetricActiveCoops:
		// A group works "theo quy định" in the year when it existed in it,
		// is registered under a decree, and reported revenue for the year.
		n, err := one(`SELECT count(*) FROM coops g WHERE `+openDuringSQL+` AND g.legal_basis <> ''
			AND EXISTS (SELECT 1 FROM coop_reports y WHERE y.coop_id = g.id AND y.year = ?3 AND y.revenue > 0 AND y.date < ?2)`, from, to, year, end)
		return domain.Count(n, "tổ hợp tác"), err
	case domain.MetricHamletStandardPct:
		var applying int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM criteria c WHERE `+appliesSQL("?1"), year).Scan(&applying); err != nil {
			return domain.Measure{}, err
		}
		if applying == 0 {
			return domain.Measure{Detail: domain.Note("chưa có tiêu chí chi đoàn đạt chuẩn cho năm này")}, nil
		}
		// Only assessments made by the cut-off count; none at all is
		// "chưa đánh giá", not 0 %.
		var assessed int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM branch_criteria_met m WHERE m.year = ?1 AND `+knownBy("m.assessed", "?2", "?3"),
			year, to, end).Scan(&assessed); err != nil {
			return domain.Measure{}, err
		}
		if assessed == 0 {
			return domain.Measure{Detail: domain.Note("chưa đánh giá")}, nil
		}
		met, all, err := two(`SELECT sum(NOT EXISTS (SELECT 1 FROM criteria c WHERE `+appliesSQL("?1")+` AND NOT EXISTS
			(SELECT 1 FROM branch_criteria_met m WHERE m.branch_id = b.id AND m.year = ?1 AND m.criterion_id = c.id AND `+knownBy("m.assessed", "?2", "?3")+`))), count(*)
			FROM branches b WHERE b.kind = 'hamlet' AND (b.active = 1 OR b.dissolved >= ?2)`, year, to, end)
		return domain.Pct(met, all, "chi đoàn khóm, ấp"), err
	case domain.MetricCadreStandardPct:
		return s.cadreStandardMeasure(ctx, sp, false)
	case domain.MetricCadreLanguagePct:
		return s.cadreStandardMeasure(ctx, sp, true)
	case domain.MetricNewUnionMembers:
		n, err := one(`SELECT count(*) FROM membership_events WHERE kind = 'admission' AND date >= ? AND date < ?`, from, to)
		return domain.Count(n, "đoàn viên"), err
	case domain.MetricNewFederation:
		n, err := one(`SELECT count(*) FROM people WHERE federation_member = 1 AND federation_date >= ? AND federation_date < ?`, from, to)
		return domain.Count(n, "hội viên"), err
	case domain.MetricYouthGatheredPct:
		w, err := s.WardYear(ctx, year)
		if err != nil {
			return domain.Measure{}, err
		}
		n, err := s.youthGathered(ctx, sp)
		if err != nil {
			return domain.Measure{}, err
		}
		if w.ResidentYouth == 0 {
			return domain.Measure{Detail: domain.Note("chưa nhập số thanh niên trên địa bàn")}, nil
		}
		if n > w.ResidentYouth {
			// Entered before the rule, or the register grew since: no
			// share over 100 % and no verdict on it.
			return domain.Measure{Detail: domain.Note("số thanh niên trên địa bàn (%s) ít hơn số sổ đã tập hợp (%s): cần nhập lại",
				domain.Num(w.ResidentYouth), domain.Num(n))}, nil
		}
		return domain.Pct(n, w.ResidentYouth, "thanh niên"), nil
	case domain.MetricPartyIntroducedPct:
		return s.partyMeasure(ctx, sp)
	case domain.MetricUnitsGoodPct:
		// Every branch that existed in the year counts, rated or not: an
		// unrated branch is not rated good.
		// A rating decided after the cut-off is not known on it; none
		// known at all is "chưa xếp loại", not 0 %.
		good, all, err := two(`SELECT sum(COALESCE(y.rating IN ('excellent','good'), 0)), count(*)
			FROM branches b LEFT JOIN branch_years y ON y.branch_id = b.id AND y.year = ?3 AND y.rating <> '' AND `+knownBy("y.rated", "?2", "?4")+`
			WHERE b.active = 1 OR b.dissolved >= ?1`, from, to, year, end)
		if err != nil {
			return domain.Measure{}, err
		}
		var rated int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM branch_years y WHERE y.year = ?1 AND y.rating <> '' AND `+knownBy("y.rated", "?2", "?3"),
			year, to, end).Scan(&rated); err != nil {
			return domain.Measure{}, err
		}
		if rated == 0 && all > 0 {
			return domain.Measure{Detail: domain.Note("chưa xếp loại")}, nil
		}
		m := domain.Pct(good, all, "chi đoàn")
		m.Detail = domain.Note("%s %s", m.Detail, domain.Note(domain.GoodOrBetter(scale)))
		return m, nil
	case domain.MetricTrainingCompletedPct:
		done, err := one(`SELECT count(*) FROM member_years WHERE year = ? AND training_completed = 1`, year)
		if err != nil {
			return domain.Measure{}, err
		}
		all, err := s.unionActiveAt(ctx, to)
		return domain.Pct(done, all, "đoàn viên"), err
	}
	return domain.Measure{}, fmt.Errorf("chỉ tiêu %s: cách đo %q không có", in.Code, in.Metric)
}

// outreachMeasure is 2.1: the propaganda models or the pages running in
// the year up to the cut-off, named. A yes ticked by hand for the year
// before the models were named still counts, and says no model is named.
func (s *Store) outreachMeasure(ctx context.Context, in domain.Indicator, sp domain.Span) (domain.Measure, error) {
	kind := "model"
	if in.Metric == domain.MetricSocialPages {
		kind = "page"
	}
	ms, err := s.modelsIn(ctx, domain.ModelOutreach, kind, sp)
	if err != nil {
		return domain.Measure{}, err
	}
	var ticked int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM indicator_values WHERE indicator_id = ? AND year = ? AND value >= 1`,
		in.ID, sp.Year).Scan(&ticked); err != nil {
		return domain.Measure{}, fmt.Errorf("đọc chỉ tiêu %s: %w", in.Code, err)
	}
	return domain.ModelsMeasure(in.Kind, ms, ticked > 0), nil
}

// cadreStandardMeasure is 2.4a: of the officers holding a counted office
// on the cut-off, those who meet the standard of every office they hold
// (schooling, qualification, political theory) with a training dated in
// the year up to the cut-off when the office asks for one; with language,
// 2.4b: those of them fluent in a foreign language.
func (s *Store) cadreStandardMeasure(ctx context.Context, sp domain.Span, language bool) (domain.Measure, error) {
	os, err := s.OfficerStandings(ctx, sp)
	if err != nil {
		return domain.Measure{}, err
	}
	var met, all int
	for _, o := range os {
		if !o.Counted {
			continue
		}
		all++
		if language && o.Person.LanguageFluent || !language && len(o.Gaps) == 0 {
			met++
		}
	}
	return domain.Pct(met, all, "cán bộ"), nil
}

// partyMeasure is 2.5d: of the ward's new Party members of the year, the
// share who were Union members introduced by the Union, with the number
// of members introduced beside it.
func (s *Store) partyMeasure(ctx context.Context, sp domain.Span) (domain.Measure, error) {
	// The ward's count of new Party members as recorded by the cut-off.
	w, err := s.WardYearAt(ctx, sp.Year, sp.To)
	if err != nil {
		return domain.Measure{}, err
	}
	var introduced, admitted int
	if err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(DISTINCT person_id) FROM member_years WHERE party_introduced >= ?1 AND party_introduced < ?2),
		(SELECT count(DISTINCT person_id) FROM member_years WHERE party_admitted >= ?1 AND party_admitted < ?2 AND party_introduced IS NOT NULL)`,
		sp.From.ISO(), sp.Until()).Scan(&introduced, &admitted); err != nil {
		return domain.Measure{}, fmt.Errorf("đếm đoàn viên được giới thiệu cho Đảng: %w", err)
	}
	switch {
	case w.NewPartyMembers == 0:
		return domain.Measure{Detail: domain.Note("đã giới thiệu %s đoàn viên; chưa nhập số đảng viên mới kết nạp", domain.Num(introduced)), Introduced: introduced}, nil
	case admitted > w.NewPartyMembers:
		return domain.Measure{Detail: domain.Note("đã giới thiệu %s đoàn viên; số đảng viên mới (%s) ít hơn số đoàn viên được kết nạp Đảng (%s): cần xem lại số liệu",
			domain.Num(introduced), domain.Num(w.NewPartyMembers), domain.Num(admitted)), Introduced: introduced}, nil
	}
	return domain.PartyShare(admitted, w.NewPartyMembers, introduced), nil
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

// YearResults measures every indicator of a plan for working year year,
// counted to its end (or to today while it runs).
func (s *Store) YearResults(ctx context.Context, planID int64, year int) ([]domain.Result, error) {
	return s.YearResultsAt(ctx, planID, year, domain.Date{})
}

// YearResultsAt measures every indicator of a plan for working year year
// as of the cut-off date (zero: the year's end, or today while it runs).
// A period target carries the total since the plan's first year and its
// pace; its Actual is the year's own figure.
func (s *Store) YearResultsAt(ctx context.Context, planID int64, year int, cutoff domain.Date) ([]domain.Result, error) {
	p, err := s.Plan(ctx, planID)
	if err != nil {
		return nil, err
	}
	return s.planResultsAt(ctx, p, year, cutoff)
}

// planResultsAt is YearResultsAt on a plan read already (an upper level's
// plan measured in a ward's register: see WardYearResults).
func (s *Store) planResultsAt(ctx context.Context, p domain.Plan, year int, cutoff domain.Date) ([]domain.Result, error) {
	scale, err := s.RatingScale(ctx)
	if err != nil {
		return nil, err
	}
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return nil, err
	}
	out := make([]domain.Result, 0, len(p.Indicators))
	for _, in := range p.Indicators {
		m, err := s.measure(ctx, in, sp, scale)
		if err != nil {
			return nil, fmt.Errorf("tính chỉ tiêu %s năm %d: %w", in.Code, year, err)
		}
		r := domain.Result{Indicator: in, Actual: m.Actual, Known: m.Known, Num: m.Num, Den: m.Den, Introduced: m.Introduced}.WithDetail(m.Detail)
		r.Verdict = domain.JudgeYearly(in, m)
		if in.Period && !p.Covers(year) {
			// A year outside the plan's term has no cumulative: its
			// figures count towards no period target of this plan.
			r.Verdict = domain.Verdict{Code: domain.VerdictNoTarget, Kind: in.Kind, Done: m.Actual}
			r.Detail = strings.TrimPrefix(r.Detail+"; ", "; ") + fmt.Sprintf("năm %d ngoài giai đoạn %d - %d của kế hoạch, không tính lũy kế", year, p.StartYear, p.EndYear)
		} else if in.Period {
			sum, err := s.periodSum(ctx, p, in, sp, scale, m.Actual)
			if err != nil {
				return nil, err
			}
			r.Cumulative = sum
			r.Known = true
			r.Verdict = domain.JudgePeriod(in, sum, s.periodElapsed(ctx, p, sp.To))
		}
		r.Met = r.Verdict.Code == domain.VerdictMet
		out = append(out, r)
	}
	return out, nil
}

// periodSum adds a period indicator's figures from the plan's first year
// through sp (whose own figure is this).
func (s *Store) periodSum(ctx context.Context, p domain.Plan, in domain.Indicator, sp domain.Span, scale string, this float64) (float64, error) {
	sum := this
	for y := p.StartYear; y < sp.Year && y <= p.EndYear; y++ {
		ysp, err := s.YearSpan(ctx, y, sp.To)
		if err != nil {
			return 0, err
		}
		my, err := s.measure(ctx, in, ysp, scale)
		if err != nil {
			return 0, fmt.Errorf("tính chỉ tiêu %s năm %d: %w", in.Code, y, err)
		}
		sum += my.Actual
	}
	return sum, nil
}

// periodElapsed is the share of the plan's period gone by on the cut-off.
func (s *Store) periodElapsed(ctx context.Context, p domain.Plan, cutoff domain.Date) float64 {
	first, err1 := s.YearSpan(ctx, p.StartYear, domain.Date{})
	last, err2 := s.YearSpan(ctx, p.EndYear, domain.Date{})
	if err1 != nil || err2 != nil {
		return 0
	}
	return domain.Elapsed(first.From, last.End, cutoff)
}

// PeriodResults measures a plan's indicators for every year of its period
// up to today, and for the period as a whole.
func (s *Store) PeriodResults(ctx context.Context, planID int64) (domain.PeriodResult, error) {
	return s.PeriodResultsAt(ctx, planID, domain.Date{})
}

// PeriodResultsAt measures a plan's indicators for every year of its
// period up to the cut-off (zero: today), and for the period as a whole.
func (s *Store) PeriodResultsAt(ctx context.Context, planID int64, cutoff domain.Date) (domain.PeriodResult, error) {
	p, err := s.Plan(ctx, planID)
	if err != nil {
		return domain.PeriodResult{}, err
	}
	if cutoff.IsZero() {
		cutoff = s.Today()
	}
	pr := domain.PeriodResult{Plan: p, Cutoff: cutoff}
	var over []bool // each year's end passed by the cut-off
	for y := p.StartYear; y <= p.EndYear; y++ {
		sp, err := s.YearSpan(ctx, y, cutoff)
		if err != nil {
			return pr, err
		}
		if sp.From.After(cutoff) {
			break
		}
		over = append(over, !sp.End.After(cutoff))
		rs, err := s.YearResultsAt(ctx, planID, y, cutoff)
		if err != nil {
			return pr, err
		}
		pr.Years = append(pr.Years, y)
		pr.ByYear = append(pr.ByYear, rs)
	}
	done := s.periodElapsed(ctx, p, cutoff)
	for i, in := range p.Indicators {
		var t domain.Result
		if in.Period {
			sum := 0.0
			for _, rs := range pr.ByYear {
				sum += rs[i].Actual
			}
			t = domain.Result{Indicator: in, Actual: sum, Cumulative: sum, Known: true}.WithDetail(domain.Note("lũy kế %d năm", len(pr.Years)))
			t.Verdict = domain.JudgePeriod(in, sum, done)
		} else if in.Metric == domain.MetricPartyIntroducedPct {
			t = domain.PeriodPartyShare(in, i, pr)
		} else {
			// A yearly target over the period: the years it was met in
			// ("đạt 1/3 năm"), never the last year's value.
			years := make([]domain.Result, len(pr.ByYear))
			for j, rs := range pr.ByYear {
				years[j] = rs[i]
			}
			t = domain.JudgeYears(in, years, over)
		}
		t.Met = t.Verdict.Code == domain.VerdictMet
		pr.Total = append(pr.Total, t)
	}
	return pr, nil
}
