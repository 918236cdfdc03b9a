package domain

import (
	"strings"
)

// Measure computes one metric for a year. known is false when the register
// lacks what the metric divides by.
type Measure struct {
	Actual               float64
	Known                bool
	Detail               Message // how it was computed, for Result.Detail and DetailMsg
	Num, Den, Introduced int     // see Result
}

// Note is a detail's message, which the window translates. The unit is
// part of the format ("%s/%s chi đoàn"), so that each language words its
// own plural.
func Note(format string, args ...any) Message { return Message{Format: format, Args: args} }

// Pct measures num out of den as a percentage; with no den the figure is
// unknown ("chưa có …").
func Pct(num, den int, unit string) Measure {
	if den == 0 {
		return Measure{Detail: Note("chưa có " + unit)}
	}
	return Measure{Actual: 100 * float64(num) / float64(den), Known: true, Num: num, Den: den,
		Detail: Note("%s/%s "+unit, Num(num), Num(den))}
}

// Count measures a plain count of unit.
func Count(n int, unit string) Measure {
	return Measure{Actual: float64(n), Known: true, Detail: Note("%s "+unit, Num(n))}
}

// WithDetail sets a result's detail, in words and as a message.
func (r Result) WithDetail(m Message) Result {
	r.Detail, r.DetailMsg = strings.TrimSpace(m.String()), m
	return r
}

// PartyShare is 2.5d's measure: admitted of the newParty new Party
// members were Union members the Union introduced; introduced were
// introduced in the span.
func PartyShare(admitted, newParty, introduced int) Measure {
	m := Pct(admitted, newParty, "")
	m.Introduced = introduced
	m.Detail = Note("%s/%s đảng viên mới do Đoàn giới thiệu; đã giới thiệu %s đoàn viên",
		Num(admitted), Num(newParty), Num(introduced))
	return m
}

// PeriodPartyShare is 2.5d over the period: the new Party members the
// Union introduced over all the years' new Party members (7/15, not the
// latest year's share), from the years whose figures are known.
func PeriodPartyShare(in Indicator, i int, pr PeriodResult) Result {
	var admitted, all, introduced int
	for _, rs := range pr.ByYear {
		if i < len(rs) {
			introduced += rs[i].Introduced
			if rs[i].Known {
				admitted, all = admitted+rs[i].Num, all+rs[i].Den
			}
		}
	}
	if all == 0 {
		m := Measure{Detail: Note("đã giới thiệu %s đoàn viên; chưa nhập số đảng viên mới kết nạp", Num(introduced))}
		return Result{Indicator: in, Introduced: introduced, Verdict: JudgeYearly(in, m)}.WithDetail(m.Detail)
	}
	m := PartyShare(admitted, all, introduced)
	return Result{Indicator: in, Actual: m.Actual, Known: true, Num: m.Num, Den: m.Den,
		Introduced: introduced, Verdict: JudgeYearly(in, m)}.WithDetail(m.Detail)
}

// The metrics of 2.1, counted from the named records (TargetModel): the
// propaganda models and the social-network pages running in the year up
// to the cut-off.
const (
	MetricOutreachModels = "outreach_models"
	MetricSocialPages    = "social_pages"
)

func init() {
	Metrics = append(Metrics,
		Choice{MetricOutreachModels, "Số mô hình tuyên truyền, giáo dục đang hoạt động"},
		Choice{MetricSocialPages, "Số trang mạng xã hội của Đoàn đang hoạt động"})
}

// ModelsMeasure is the measure of 2.1 or 2.2b from the models counted,
// naming them: "Có – trang “Tuổi trẻ phường 1” (facebook.com/…)" for a
// yes/no target, "2 mô hình: hộ gia đình “…”; cá nhân “…”" for a count.
// legacy is a yes ticked by hand before models were named: it still
// counts, and says that no model is named.
func ModelsMeasure(kind IndicatorKind, ms []TargetModel, legacy bool) Measure {
	n := len(ms)
	switch {
	case n == 0 && legacy:
		return Measure{Actual: 1, Known: true, Detail: Note("Có (đánh dấu tay, chưa ghi tên mô hình)")}
	case n == 0 && kind == KindCheck:
		return Measure{Actual: 0, Known: true, Detail: Note("Chưa có")}
	case n == 0:
		return Count(0, "mô hình")
	case kind == KindCheck:
		return Measure{Actual: float64(n), Known: true, Detail: Note("Có – %s", NameList(ms, 3))}
	}
	return Measure{Actual: float64(n), Known: true, Detail: Note("%s mô hình: %s", Num(n), NameList(ms, 3))}
}
