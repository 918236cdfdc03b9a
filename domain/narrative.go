package domain

import (
	"fmt"
	"strings"
)

// Documents whose narrative the register keeps (the doc of a Narrative).
const (
	NarrativeAnnual = "annual" // keyed by working year
	// NarrativeHalfYear is the 6-month report's (sơ kết 6 tháng đầu
	// năm), keyed by working year: its texts are not the year's.
	NarrativeHalfYear = "half-year"
	NarrativePeriod   = "period" // keyed by plan ID
	NarrativePlan     = "plan"   // keyed by plan ID
)

// AnnualSections are the text sections of the annual report, in print
// order.
var AnnualSections = []Choice{
	{"situation", "Đặc điểm tình hình (thuận lợi, khó khăn)"},
	{"propaganda", "Công tác tuyên truyền, giáo dục"},
	{"movements", "Các phong trào hành động, hỗ trợ thanh niên phát triển kinh tế"},
	{"organisation", "Công tác xây dựng tổ chức Đoàn, Hội"},
	{"inspection", "Công tác kiểm tra, giám sát"},
	{"strengths", "Ưu điểm"},
	{"shortcomings", "Hạn chế"},
	{"causes", "Nguyên nhân của hạn chế"},
	{"lessons", "Bài học kinh nghiệm"},
	{"directions", "Phương hướng, nhiệm vụ"},
	{"recommendations", "Đề xuất, kiến nghị"},
}

// PeriodSections are the text sections of the period report (sơ kết,
// tổng kết), in print order.
var PeriodSections = AnnualSections

// PlanSections are the text sections of a ward's plan (Kế hoạch).
var PlanSections = []Choice{
	{"purpose", "Mục đích, yêu cầu"},
	{"general", "Mục tiêu chung"},
	{"tasks", "Nhiệm vụ, giải pháp"},
	{"implementation", "Tổ chức thực hiện"},
}

// Narrative is a document's texts by section code; one paragraph a line.
type Narrative map[string]string

// WardUnion names the ward Union as a sentence's subject: "Đoàn phường
// Hòa Mẫu".
func WardUnion(u Unit) string {
	if u.Place == "" {
		return "Đoàn cơ sở"
	}
	return "Đoàn " + LowerFirst(u.Place)
}

// PeriodDraft is AnnualDraft for the period report: the period's flows
// (admissions, Party introductions) summed from its first year, and the
// yearly shares of its latest year, said as such.
func PeriodDraft(pr PeriodResult, u Unit) Narrative {
	latest := append([]Result(nil), pr.Total...)
	words := DraftWords{When: "trong giai đoạn", Subject: WardUnion(u), period: true}
	if n := len(pr.ByYear); n > 0 {
		for i := range latest {
			if !latest[i].Indicator.Period && latest[i].Indicator.Metric != MetricPartyIntroducedPct && i < len(pr.ByYear[n-1]) {
				latest[i] = pr.ByYear[n-1][i]
			}
		}
		words.When = fmt.Sprintf("trong năm %d", pr.Years[n-1])
		words.yearly = fmt.Sprintf("Năm %d, ", pr.Years[n-1])
	}
	return DraftFrom(latest, pr.Total, nil, words)
}

// MergeDraft fills the sections n leaves empty from the draft.
func MergeDraft(n, draft Narrative) Narrative {
	out := Narrative{}
	for k, v := range draft {
		out[k] = v
	}
	for k, v := range n {
		if strings.TrimSpace(v) != "" {
			out[k] = v
		}
	}
	return out
}

// LowerFirst lower-cases the first letter of a title used inside a
// sentence ("Có trang …" → "có trang …").
func LowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
