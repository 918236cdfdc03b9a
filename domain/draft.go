package domain

import (
	"fmt"
	"strings"
)

// DraftWords are what differs between the annual and the period drafts.
type DraftWords struct {
	When    string // "trong năm 2026": the span of a yearly figure
	Subject string // "Đoàn phường Hòa Mẫu"
	// Of is the span the new Party members were counted over, as 2.5d's
	// sentence says it (empty: "trong năm").
	Of string
	// period is true for the period report: flows are counted from the
	// plan's first year, and yearly shares begin with yearly ("Năm
	// 2026, ").
	period bool
	yearly string
}

// DraftFrom turns results into sentences by field, as a Union office
// writes them: rs are the results the sentences cite, total the ones the
// verdicts come from (the same for the annual report; the period's totals
// for the period report); st gives the year's movements (nil: the period
// results say them).
func DraftFrom(rs, total []Result, st *Situation, w DraftWords) Narrative {
	by := map[string]Result{}
	for _, r := range rs {
		by[r.Indicator.Metric] = r
	}
	n := Narrative{}
	if st != nil {
		n["situation"] = SituationDraft(*st, w.Subject, w.When)
		n["inspection"] = InspectionDraft(*st, w.Subject, w.When)
	}
	n["propaganda"] = propagandaDraft(rs, w.Subject)

	var mv []string
	if r, ok := by[MetricEconomicClubs]; ok && r.Known {
		mv = append(mv, fmt.Sprintf("Duy trì hoạt động %s Thanh niên làm kinh tế.", r.Detail))
	}
	if r, ok := by[MetricActiveCoops]; ok && r.Known {
		mv = append(mv, fmt.Sprintf("Có %s hoạt động theo quy định, có doanh thu %s.", r.Detail, w.When))
	}
	if r, ok := by[MetricSupportedModels]; ok && r.Known {
		// "1 mô hình: hộ gia đình “…”" names the models after the count.
		count, names, named := strings.Cut(r.Detail, ": ")
		if named {
			mv = append(mv, fmt.Sprintf("Hỗ trợ %s phát triển kinh tế %s: %s.", count, w.When, names))
		} else {
			mv = append(mv, fmt.Sprintf("Hỗ trợ %s phát triển kinh tế %s.", r.Detail, w.When))
		}
	}
	n["movements"] = strings.Join(mv, " ")

	var org []string
	party := partySentence(by[MetricPartyIntroducedPct], w.period, w.Of)
	if st != nil {
		org = append(org, fmt.Sprintf("Kết nạp %s đoàn viên mới, phát triển %s hội viên mới.",
			FormatInt(int64(st.Admissions)), FormatInt(int64(st.NewFederation))))
	} else if u, f := by[MetricNewUnionMembers], by[MetricNewFederation]; u.Known && f.Known {
		// One sentence for the period's flows, Party introductions
		// included: the yearly figures that follow say their year.
		s := fmt.Sprintf("Từ đầu giai đoạn đến nay, kết nạp %s đoàn viên mới, phát triển %s hội viên mới", FormatNum(u.Actual), FormatNum(f.Actual))
		if party != "" {
			s += "; " + LowerFirst(party)
			party = ""
		} else {
			s += "."
		}
		org = append(org, s)
	}
	if party != "" {
		org = append(org, party)
	}
	var shares []string
	if r, ok := by[MetricHamletStandardPct]; ok && r.Known {
		shares = append(shares, fmt.Sprintf("có %s đạt chuẩn", r.Detail))
	}
	if r, ok := by[MetricUnitsGoodPct]; ok && r.Known {
		shares = append(shares, fmt.Sprintf("kết quả xếp loại: %s", r.Detail))
	}
	if len(shares) > 0 {
		s := strings.Join(shares, "; ") + "."
		if w.yearly != "" {
			s = w.yearly + s
		} else {
			s = upperFirst(s)
		}
		org = append(org, s)
	}
	n["organisation"] = strings.Join(org, " ")

	var met, weak, aims []string
	for i, r := range total {
		said := r
		if i < len(rs) && rs[i].Indicator.ID == r.Indicator.ID && !r.Indicator.Period && r.Verdict.Years == 0 {
			said = rs[i] // the figure of the year the sentence cites
		}
		switch r.Verdict.Code {
		case VerdictMet, VerdictOnPace:
			met = append(met, resultClause(said))
		case VerdictNotMet, VerdictBehind:
			weak = append(weak, resultClause(said))
			aims = append(aims, aimClause(r.Indicator))
		}
	}
	if len(met) > 0 {
		n["strengths"] = fmt.Sprintf("Thực hiện đạt hoặc đúng tiến độ %d trong %d chỉ tiêu của kế hoạch: %s.", len(met), len(total), strings.Join(met, "; "))
	}
	if len(weak) > 0 {
		n["shortcomings"] = fmt.Sprintf("Còn %d chỉ tiêu chưa đạt hoặc chậm tiến độ: %s.", len(weak), strings.Join(weak, "; "))
		n["directions"] = "Tập trung thực hiện các chỉ tiêu còn chưa đạt: " + strings.Join(aims, "; ") + "."
	}
	return n
}

// propagandaDraft says the checkbox targets of propaganda and IT in two
// sentences, one subject each: what the Union has, and what it has not.
func propagandaDraft(rs []Result, subject string) string {
	var done, not []string
	for _, r := range rs {
		if r.Indicator.Kind != KindCheck || !r.Known || !strings.HasPrefix(r.Indicator.Section, "2.1") && r.Indicator.Section != "2.7" {
			continue
		}
		if r.Actual >= 1 {
			done = append(done, LowerFirst(r.Indicator.Title))
		} else {
			not = append(not, LowerFirst(r.Indicator.Title))
		}
	}
	var out []string
	if len(done) > 0 {
		out = append(out, subject+" "+strings.Join(done, "; ")+".")
	}
	if len(not) > 0 {
		out = append(out, "Chưa "+strings.Join(not, "; chưa ")+".")
	}
	return strings.Join(out, " ")
}

// partySentence says 2.5d: how many members were introduced to the
// Party, and how many of the new Party members the Union introduced.
func partySentence(r Result, period bool, of string) string {
	if r.Indicator.Metric == "" || r.Introduced == 0 && r.Den == 0 {
		return ""
	}
	s := fmt.Sprintf("Giới thiệu %s đoàn viên ưu tú cho Đảng xem xét kết nạp", FormatInt(int64(r.Introduced)))
	if r.Den > 0 {
		switch {
		case period:
			of = "từ đầu giai đoạn"
		case of == "":
			of = "trong năm"
		}
		s += fmt.Sprintf("; %s trong %s đảng viên mới kết nạp %s là đoàn viên do Đoàn giới thiệu (%s)",
			FormatInt(int64(r.Num)), FormatInt(int64(r.Den)), of, FormatValue(KindPercent, r.Actual))
	}
	return s + "."
}

// resultClause names a target with what was reached: "chi đoàn khóm, ấp
// đạt chuẩn theo 08 tiêu chí: 30% (chỉ tiêu 100%)".
func resultClause(r Result) string {
	in := r.Indicator
	title := LowerFirst(strings.TrimSuffix(in.Title, " (cả giai đoạn)"))
	switch {
	case r.Verdict.Years > 0:
		// A yearly target over a period: the years it was met in.
		return fmt.Sprintf("%s: %s", title, r.Verdict.Progress())
	case in.Kind == KindCheck:
		if r.Actual >= 1 {
			return title
		}
		return "chưa " + title
	case in.Period:
		return fmt.Sprintf("%s: %s", title, r.Verdict.Phrase())
	case !r.Known:
		return title + ": chưa có số liệu"
	}
	if in.Kind == KindCount {
		if r.Verdict.Code == VerdictMet {
			return fmt.Sprintf("%s: %s", title, r.Detail)
		}
		return fmt.Sprintf("%s: %s (chỉ tiêu %s)", title, r.Detail, FormatValue(in.Kind, in.Target))
	}
	return fmt.Sprintf("%s: %s (chỉ tiêu %s)", title, FormatValue(in.Kind, r.Actual), FormatValue(in.Kind, in.Target))
}

// aimClause is a target as a direction: "chi đoàn khóm, ấp đạt chuẩn
// theo 08 tiêu chí đạt 100%".
func aimClause(in Indicator) string {
	title := LowerFirst(strings.TrimSuffix(in.Title, " (cả giai đoạn)"))
	switch {
	case in.Kind == KindCheck:
		return title
	case in.Period:
		return fmt.Sprintf("%s đạt %s trong cả giai đoạn", title, FormatValue(in.Kind, in.Target))
	}
	return fmt.Sprintf("%s đạt %s", title, FormatValue(in.Kind, in.Target))
}

// upperFirst capitalises the first letter of a sentence.
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
