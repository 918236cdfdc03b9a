package store

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// VerdictCode is the assessment of one indicator, the same on the
// dashboard, the plan screen and in every report. The UI translates the
// code; PDFs print Verdict.Label.
type VerdictCode string

const (
	// VerdictMet: the target is reached (for a period target: the whole
	// period's target).
	VerdictMet VerdictCode = "met"
	// VerdictOnPace: a period target not reached yet, but at least the
	// share of it due by the cut-off date is.
	VerdictOnPace VerdictCode = "on_pace"
	// VerdictBehind: a period target short of the share due by the cut-off.
	VerdictBehind VerdictCode = "behind"
	// VerdictNotMet: a yearly target missed, or a period target missed
	// once the period is over.
	VerdictNotMet VerdictCode = "not_met"
	// VerdictNoData: the register lacks what the indicator is measured from.
	VerdictNoData VerdictCode = "no_data"
)

// Verdicts lists the assessment codes with their Vietnamese wording.
var Verdicts = []Choice{
	{string(VerdictMet), "Đạt"},
	{string(VerdictOnPace), "Đúng tiến độ"},
	{string(VerdictBehind), "Chậm tiến độ"},
	{string(VerdictNotMet), "Chưa đạt"},
	{string(VerdictNoData), "Chưa có số liệu"},
}

// Verdict is an indicator's assessment with the figures it rests on.
type Verdict struct {
	Code VerdictCode
	Kind IndicatorKind
	// Period is true for a target set for the whole plan period; Done is
	// then the total since the period began, up to the cut-off.
	Period bool
	Done   float64
	Target float64
	// Due is, for a period target, the share of Target due by the cut-off
	// (the target times the part of the period elapsed).
	Due float64
}

// Label is the Vietnamese wording of the code ("Đạt", "Chậm tiến độ" …).
func (v Verdict) Label() string { return labelOf(Verdicts, string(v.Code)) }

// Progress is a period target's progress, "321/450 (71%)"; empty for a
// yearly target.
func (v Verdict) Progress() string {
	if !v.Period || v.Target <= 0 {
		return ""
	}
	share := int(math.Floor(100*v.Done/v.Target + 1e-9))
	return fmt.Sprintf("%s/%s (%d%%)", FormatNum(v.Done), FormatNum(v.Target), share)
}

// Phrase is the verdict as a report prints it: the label, and for a
// period target its progress before it ("321/450 (71%), đúng tiến độ").
func (v Verdict) Phrase() string {
	p := v.Progress()
	if p == "" || v.Code == VerdictNoData {
		return v.Label()
	}
	return p + ", " + strings.ToLower(v.Label())
}

// judgeYearly assesses a target each year must reach.
func judgeYearly(in Indicator, m measure) Verdict {
	v := Verdict{Kind: in.Kind, Done: m.actual, Target: in.Target, Code: VerdictNoData}
	if m.known {
		v.Code = VerdictNotMet
		if m.actual+1e-9 >= in.Target {
			v.Code = VerdictMet
		}
	}
	return v
}

// judgePeriod assesses a period target from the total done by the
// cut-off, given the share of the period elapsed (0 to 1).
func judgePeriod(in Indicator, done, elapsed float64) Verdict {
	v := Verdict{Kind: in.Kind, Period: true, Done: done, Target: in.Target, Due: in.Target * elapsed}
	if in.Kind == KindCount {
		// People are counted whole: a day's rounding (a leap year in
		// the period) must not make 180 of 450 after two of five years
		// "behind".
		v.Due = math.Floor(v.Due + 1e-6)
	}
	switch {
	case done+1e-9 >= in.Target:
		v.Code = VerdictMet
	case elapsed >= 1:
		v.Code = VerdictNotMet
	case done+1e-9 >= v.Due:
		v.Code = VerdictOnPace
	default:
		v.Code = VerdictBehind
	}
	return v
}

// Span is the part of a working year a report counts: from the first day
// of the year through To, the cut-off (never after the year's last day).
type Span struct {
	Year int  // the working year, named by the calendar year it ends in
	From Date // its first day
	End  Date // its last day
	To   Date // the cut-off: the last day counted
}

// settingYearStart holds the first day of the working year as "dd/mm"
// (default 01/01: the calendar year).
const settingYearStart = "report.year_start"

// WorkingYearStart is the day and month the working year begins on
// (1 January unless set, e.g. 1 October for a year running to 30
// September).
func (s *Store) WorkingYearStart(ctx context.Context) (day, month int, err error) {
	v, err := s.Setting(ctx, settingYearStart)
	if err != nil || v == "" {
		return 1, 1, err
	}
	day, month, ok := parseDayMonth(v)
	if !ok {
		return 1, 1, nil
	}
	return day, month, nil
}

func parseDayMonth(v string) (day, month int, ok bool) {
	a, b, found := strings.Cut(v, "/")
	if !found {
		return 0, 0, false
	}
	d, e1 := strconv.Atoi(strings.TrimSpace(a))
	m, e2 := strconv.Atoi(strings.TrimSpace(b))
	if e1 != nil || e2 != nil {
		return 0, 0, false
	}
	// 2001 is not a leap year: 29/02 would make a year of shifting length.
	if _, err := NewDate(2001, m, d); err != nil {
		return 0, 0, false
	}
	return d, m, true
}

// SetWorkingYearStart sets the first day of the working year, "dd/mm".
func (s *Store) SetWorkingYearStart(ctx context.Context, dayMonth string) error {
	d, m, ok := parseDayMonth(dayMonth)
	if !ok {
		c := &checker{}
		c.add("YearStart", "Ngày bắt đầu năm công tác", "%q không hợp lệ: ghi ngày/tháng, ví dụ 01/10", dayMonth)
		return c.err()
	}
	return s.SetSetting(ctx, settingYearStart, fmt.Sprintf("%02d/%02d", d, m))
}

// YearSpan is working year year counted up to the cut-off: a zero cutoff
// counts to the year's end, or to today while the year runs.
func (s *Store) YearSpan(ctx context.Context, year int, cutoff Date) (Span, error) {
	if err := checkYear(year); err != nil {
		return Span{}, err
	}
	d, m, err := s.WorkingYearStart(ctx)
	if err != nil {
		return Span{}, err
	}
	return yearSpanOf(year, d, m, cutoff), nil
}

func yearSpanOf(year, day, month int, cutoff Date) Span {
	sp := Span{Year: year, From: MustDate(year, month, day)}
	if day != 1 || month != 1 {
		sp.From = MustDate(year-1, month, day)
	}
	sp.End = addDays(sp.From.AddYears(1), -1)
	if cutoff.IsZero() {
		cutoff = Today()
	}
	sp.To = sp.End
	if cutoff.Before(sp.End) {
		sp.To = cutoff
	}
	return sp
}

// until is the day after the cut-off, as an ISO date: the exclusive end
// of the span in queries.
func (sp Span) until() string { return addDays(sp.To, 1).ISO() }

func addDays(d Date, n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// elapsed is the share of [from, end] gone by on the cut-off, 0 to 1.
func elapsed(from, end, cutoff Date) float64 {
	all := end.Time().Sub(from.Time()).Hours()/24 + 1
	done := cutoff.Time().Sub(from.Time()).Hours()/24 + 1
	return math.Min(math.Max(done/all, 0), 1)
}

// yearSpan is the half-open range of ISO dates of a calendar year.
func yearSpan(year int) (from, to string) {
	return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)
}

// Judge assesses a yearly target from its measured value (known false:
// the register lacks the figures).
func Judge(in Indicator, actual float64, known bool) Verdict {
	return judgeYearly(in, measure{actual: actual, known: known})
}

// JudgePeriod assesses a period target from the total done by the
// cut-off, given the share of the period elapsed (0 to 1).
func JudgePeriod(in Indicator, done, elapsed float64) Verdict { return judgePeriod(in, done, elapsed) }
