package domain

import (
	"fmt"
	"time"
)

// Ward is a ward whose package a consolidation register holds: the
// latest one imported.
type Ward struct {
	RegisterID string // the ward register's identity
	Unit       string // its unit name, "BCH ĐOÀN PHƯỜNG 1"
	UpperBody  string
	Made       time.Time // when the ward made the package
	Schema     int       // the schema of the register in the package
	File       string    // the snapshot's file name in WardsDir
	Imported   time.Time // when the upper level imported it
	Members    int       // active Union members in the package
}

// FormatTime writes a moment as the UI and documents do, in local time:
// "15/10/2026 14:05".
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("02/01/2006 15:04")
}

// WardResults is one ward's indicators in a consolidation, in the order
// of the upper level's plan.
type WardResults struct {
	Ward    Ward
	Results []Result
	// Members and Federation are the ward's Union and Hội members on the
	// report's cut-off (not the package's today).
	Members, Federation int
	// Rating is the ward's own rating for the year ("" not rated), on
	// RatingScale: what 2.6 counts at the upper level.
	Rating, RatingScale string
	// Missing says what could not be measured in this ward's package
	// (its plan, a figure an older package lacks), for the report's notes.
	Missing []string
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

// PerWard says whether an upper level's target is set for each cơ sở
// Đoàn (2.1, 2.2, 2.3, 2.6, 2.7, 2.8: "100% cơ sở …", "80% cơ sở Đoàn
// xếp loại khá"): the upper level counts the wards meeting it, and never
// adds their figures up against a per-ward figure.
func PerWard(in Indicator) bool {
	switch in.Metric {
	case MetricManual, MetricEconomicClubs, MetricSupportedModels, MetricActiveCoops, MetricHamletStandardPct, MetricUnitsGoodPct:
		return true
	}
	return false
}

// WardMeets says whether one ward's result meets a per-ward target of the
// upper level's plan: its figure at least the target (2.6: the ward's own
// rating good or better, carried as 1).
func WardMeets(in Indicator, r Result) bool {
	if !r.Known {
		return false
	}
	if in.Metric == MetricUnitsGoodPct || in.Kind == KindCheck {
		return r.Actual+1e-9 >= 1
	}
	return r.Actual+1e-9 >= in.Target
}

// WardRatingResult is 2.6 for one ward as the upper level counts it: the
// ward's own rating, good or better (Actual 1) or not (0); unknown when
// the ward is not rated.
func WardRatingResult(in Indicator, rating, scale string) Result {
	r := Result{Indicator: in}
	if rating == "" {
		r.Detail = "chưa xếp loại"
		r.Verdict = Verdict{Code: VerdictNoData, Kind: in.Kind, Target: in.Target}
		return r
	}
	r.Known, r.Detail = true, UnitRatingLabel(scale, rating)
	if rating == "excellent" || rating == "good" {
		r.Actual = 1
	}
	return r
}

// perWardTotal counts the wards meeting a per-ward target: "2/3 cơ sở",
// met when every ward is (a percentage target, 2.6: when the share of
// wards reaches it).
func perWardTotal(in Indicator, col []Result) Result {
	met, unknown := 0, 0
	for _, r := range col {
		if !r.Known {
			unknown++
		}
		if WardMeets(in, r) {
			met++
		}
	}
	n := len(col)
	r := Result{Indicator: in, Known: n > 0, Actual: float64(met), Num: met, Den: n}
	r.Detail = fmt.Sprintf("%d/%d cơ sở", met, n)
	if unknown > 0 {
		r.Detail += fmt.Sprintf("; %d cơ sở chưa có số liệu", unknown)
	}
	r.Verdict = Verdict{Kind: in.Kind, Done: float64(met), Target: float64(n), Code: VerdictNoData}
	switch {
	case n == 0:
		r.Detail = "chưa có số liệu của cơ sở nào"
	case in.NoTarget:
		// No figure to meet: counting wards "meeting" 0 would say nothing.
		r.Actual, r.Num, r.Den = 0, 0, 0
		r.Detail = "chưa nhập chỉ tiêu"
		r.Verdict.Code = VerdictNoTarget
	case in.Metric == MetricUnitsGoodPct:
		// "80% cơ sở Đoàn xếp loại khá trở lên": the share of wards.
		m := Pct(met, n, "")
		r.Actual = m.Actual
		r.Verdict = JudgeYearly(in, m)
	case met == n:
		r.Verdict.Code = VerdictMet
	default:
		r.Verdict.Code = VerdictNotMet
	}
	r.Met = r.Verdict.Code == VerdictMet
	return r
}

// totalOf is one indicator's total over the wards' results; elapsed is
// the share of the plan's period gone by, for period targets.
func TotalOf(in Indicator, col []Result, elapsed float64) Result {
	if PerWard(in) {
		return perWardTotal(in, col)
	}
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
	var m Measure
	switch {
	case known == 0:
		m = Measure{Detail: Note("chưa có số liệu của cơ sở nào")}
	case in.Kind == KindCheck:
		m = Measure{Actual: float64(met), Known: true, Detail: Note("%d/%d cơ sở đạt", met, len(col))}
	case in.Kind == KindPercent && ratios:
		m = Pct(num, den, "")
	case in.Kind == KindPercent:
		// Typed by hand in some ward: no counts to add up.
		m = Measure{Actual: sum / float64(known), Known: true, Detail: Note("trung bình các cơ sở")}
	default:
		m = Count(int(sum+0.5), "")
	}
	detail := trimDetail(m.Detail.String())
	if known > 0 && known < len(col) {
		detail += fmt.Sprintf("; %d/%d cơ sở có số liệu", known, len(col))
	}
	r := Result{Indicator: in, Actual: m.Actual, Known: m.Known, Detail: detail, Num: m.Num, Den: m.Den}
	switch {
	case in.Kind == KindCheck:
		r.Verdict = Verdict{Kind: in.Kind, Done: m.Actual, Target: float64(len(col)), Code: VerdictNoData}
		if known > 0 {
			r.Verdict.Code = VerdictNotMet
			if met == len(col) {
				r.Verdict.Code = VerdictMet
			}
		}
	case in.Period:
		r.Cumulative = cum
		r.Known = true
		r.Verdict = JudgePeriod(in, cum, elapsed)
	default:
		r.Verdict = JudgeYearly(in, m)
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
