package domain

import (
	"fmt"
	"math"
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
	// VerdictNoTarget: the plan's figure for the target is not entered
	// yet, or (a period target) the year lies outside the plan's term.
	VerdictNoTarget VerdictCode = "no_target"
)

// Verdicts lists the assessment codes with their Vietnamese wording.
var Verdicts = []Choice{
	{string(VerdictMet), "Đạt"},
	{string(VerdictOnPace), "Đúng tiến độ"},
	{string(VerdictBehind), "Chậm tiến độ"},
	{string(VerdictNotMet), "Chưa đạt"},
	{string(VerdictNoData), "Chưa có số liệu"},
	{string(VerdictNoTarget), "Chưa có chỉ tiêu"},
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
	// Years and YearsMet are, for a yearly target judged over a plan's
	// period, the years judged and the years it was met in ("đạt 1/3
	// năm"); zero otherwise.
	Years, YearsMet int
}

// Label is the Vietnamese wording of the code ("Đạt", "Chậm tiến độ" …).
func (v Verdict) Label() string { return LabelOf(Verdicts, string(v.Code)) }

// Progress is a period target's progress, "273/450 (60,7%)", rounded
// like every other percentage (FormatShare); empty for a yearly target.
func (v Verdict) Progress() string {
	if v.Years > 0 {
		return YearsMetText(v.YearsMet, v.Years)
	}
	if !v.Period || v.Target <= 0 {
		return ""
	}
	return FormatShare(v.Done, v.Target)
}

// Phrase is the verdict as a report prints it: the label, and for a
// period target its progress before it ("321/450 (71%), đúng tiến độ").
func (v Verdict) Phrase() string {
	p := v.Progress()
	if p == "" || v.Code == VerdictNoData || v.Code == VerdictNoTarget {
		return v.Label()
	}
	return p + ", " + strings.ToLower(v.Label())
}

// JudgeYearly assesses a target each year must reach.
func JudgeYearly(in Indicator, m Measure) Verdict {
	v := Verdict{Kind: in.Kind, Done: m.Actual, Target: in.Target, Code: VerdictNoData}
	if in.NoTarget {
		v.Code = VerdictNoTarget
		return v
	}
	if m.Known {
		v.Code = VerdictNotMet
		if m.Actual+1e-9 >= in.Target {
			v.Code = VerdictMet
		}
	}
	return v
}

// JudgePeriod assesses a period target from the total done by the
// cut-off, given the share of the period elapsed (0 to 1).
func JudgePeriod(in Indicator, done, elapsed float64) Verdict {
	v := Verdict{Kind: in.Kind, Period: true, Done: done, Target: in.Target, Due: in.Target * elapsed}
	if in.NoTarget {
		v.Code = VerdictNoTarget
		return v
	}
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

// YearsMetText is "đạt 1/3 năm": a yearly target met in met of years.
func YearsMetText(met, years int) string {
	return fmt.Sprintf("đạt %d/%d năm", met, years)
}

// JudgeYears assesses a yearly target over a plan's period from its
// yearly results (one a year, in order; done[i] tells whether year i is
// over on the cut-off): the years it was met in, never the last year's
// value. A year still running counts once it is met; until then it is not
// judged. A year over without figures counts as not met, unless no year
// has figures at all (then nothing is known). Met when met in every year
// judged, not met once a year was missed (a yearly target missed stays
// missed).
func JudgeYears(in Indicator, years []Result, done []bool) Result {
	known := false
	for _, r := range years {
		known = known || r.Verdict.Code != VerdictNoData
	}
	met, judged := 0, 0
	for i, r := range years {
		if !known {
			break
		}
		ok := r.Verdict.Code == VerdictMet
		if !ok && i < len(done) && !done[i] {
			continue
		}
		judged++
		if ok {
			met++
		}
	}
	v := Verdict{Kind: in.Kind, Target: in.Target, Code: VerdictNoData, Years: judged, YearsMet: met}
	r := Result{Indicator: in}
	if judged == 0 {
		r.Verdict = v
		return r.WithDetail(Note("chưa có năm nào được đánh giá"))
	}
	r.Known = true
	v.Code = VerdictNotMet
	if met == judged {
		v.Code = VerdictMet
	}
	r.Verdict = v
	return r.WithDetail(Note("đạt %s/%s năm", Num(met), Num(judged)))
}

// Judge assesses a yearly target from its measured value (known false:
// the register lacks the figures).
func Judge(in Indicator, actual float64, known bool) Verdict {
	return JudgeYearly(in, Measure{Actual: actual, Known: known})
}
