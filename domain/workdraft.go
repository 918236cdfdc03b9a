package domain

import (
	"fmt"
	"strings"
)

// WorkDraft writes the work report's sections the register can tell as
// sentences from its figures: what the secretary starts from in the
// editor, and what the report prints for a section she left empty. The
// propaganda, movements, strengths, shortcomings and directions of the
// plan's indicators are the annual draft's (DraftFrom, year-to-date);
// the membership movements are the period's. subject is the ward Union
// ("Đoàn phường Hòa Mẫu").
func WorkDraft(f *WorkFigures, subject string) Narrative {
	n := Narrative{}
	st := &f.Situation
	when := "trong " + f.Period.Name()
	num := func(v int) string { return FormatInt(int64(v)) }

	// Thuận lợi: what the period built on, in figures (the organisation
	// itself is said in the paragraph above the section).
	adv := []string{fmt.Sprintf("%s, %s", upperFirst(when), LowerFirst(workGrowth(st)))}
	if met, all := metCount(f.Results); all > 0 {
		adv = append(adv, fmt.Sprintf("Từ đầu năm đến ngày %s, %d trong %d chỉ tiêu của kế hoạch đạt hoặc đúng tiến độ.", f.AsOf, met, all))
	}
	n["advantages"] = strings.Join(adv, " ")

	// Khó khăn: the losses of the period, when there were some.
	var lost []string
	if st.TransfersOut > 0 {
		lost = append(lost, num(st.TransfersOut)+" đoàn viên chuyển sinh hoạt đi")
	}
	if st.Removals > 0 {
		lost = append(lost, "xóa tên "+num(st.Removals)+" đoàn viên")
	}
	if len(lost) > 0 {
		n["difficulties"] = fmt.Sprintf("Biến động đoàn viên %s: %s.", when, strings.Join(lost, ", "))
	}

	// The plan's indicators, year-to-date, in the annual draft's words.
	ytd := DraftFrom(f.Results, f.Results, nil, DraftWords{When: fmt.Sprintf("từ đầu năm %d đến ngày %s", f.Period.Year, f.AsOf), Subject: subject})
	n["education"] = joinSentences(activitySentence(f, "education", when), ytd["propaganda"])
	n["movements"] = joinSentences(activitySentence(f, "movements", when), ytd["movements"])
	n["inspection"] = activitySentence(f, "inspection", when)

	// Tổ chức Đoàn: the period's movements, then the ratings known.
	org := []string{upperFirst(workMovements(st, when))}
	if f.Stats.Party.Total > 0 {
		org = append(org, fmt.Sprintf("Hiện có %s đoàn viên là đảng viên.", num(f.Stats.Party.Total)))
	}
	if rated := ratedCount(f.Stats.BranchRatings); rated > 0 {
		var parts []string
		for _, t := range f.Stats.BranchRatings {
			if t.Total > 0 {
				parts = append(parts, fmt.Sprintf("%s %s", num(t.Total), LowerFirst(t.Label)))
			}
		}
		org = append(org, fmt.Sprintf("Kết quả xếp loại chi đoàn năm %d (đến ngày %s): %s.", f.Period.Year, f.AsOf, strings.Join(parts, "; ")))
	}
	org = append(org, activitySentence(f, "organisation", when), meetingSentence(f, when))
	n["organisation"] = joinSentences(org...)

	// Công tác Hội.
	fed := fmt.Sprintf("Tính đến ngày %s, có %s hội viên (nữ: %s)", f.AsOf, num(st.Federation.Total), num(st.Federation.Female))
	if st.NewFederation > 0 {
		fed += fmt.Sprintf("; %s phát triển %s hội viên mới", when, num(st.NewFederation))
	}
	n["federation"] = fed + "."

	for _, sec := range []string{"strengths", "shortcomings", "directions"} {
		if ytd[sec] != "" {
			n[sec] = ytd[sec]
		}
	}
	if missed := missedMeetings(f); missed != "" {
		n["shortcomings"] = joinSentences(n["shortcomings"], missed)
	}
	return n
}

// joinSentences joins the non-empty sentences with a space.
func joinSentences(s ...string) string {
	var out []string
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return strings.Join(out, " ")
}

// activitySentence says the activities of section sec in the period:
// "Trong quý II năm 2026, tổ chức: Tình nguyện: 3 hoạt động, 45 lượt
// người tham gia; số tình nguyện viên 40 người, số ngày tình nguyện 3
// ngày." Empty when none took place.
func activitySentence(f *WorkFigures, sec, when string) string {
	var parts []string
	for _, t := range f.ActivitiesOf(sec) {
		parts = append(parts, activityClause(t))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("%s, tổ chức các hoạt động: %s.", upperFirst(when), strings.Join(parts, "; "))
}

// activityClause is one kind's total as a clause: "tình nguyện: 3 hoạt
// động, 45 lượt người tham gia; số tình nguyện viên 40 người", leaving
// out a count of people nobody entered (a model's).
func activityClause(t ActivityKindTotal) string {
	out := fmt.Sprintf("%s: %s hoạt động", LowerFirst(t.Label), FormatInt(int64(t.Count)))
	if n := t.Participants.Total(); n > 0 {
		out += fmt.Sprintf(", %s lượt người tham gia", FormatInt(int64(n)))
	}
	var ms []string
	for _, m := range t.Measures {
		ms = append(ms, fmt.Sprintf("%s %s %s", LowerFirst(m.Label), FormatInt(m.Value), m.Unit))
	}
	if len(ms) > 0 {
		out += "; " + strings.Join(ms, ", ")
	}
	return out
}

// meetingSentence says how the branches met in the period: how many met
// in every month of it begun by the cut-off.
func meetingSentence(f *WorkFigures, when string) string {
	ms := f.BranchMeetings()
	if len(ms) == 0 || ms[0].Months == 0 || !f.MeetingsRecorded() {
		return ""
	}
	full, held := 0, 0
	for _, m := range ms {
		held += m.Held
		if m.MonthsMet >= m.Months {
			full++
		}
	}
	return fmt.Sprintf("%s, các chi đoàn tổ chức %s buổi sinh hoạt; %d/%d chi đoàn sinh hoạt đủ %d tháng.",
		upperFirst(when), FormatInt(int64(held)), full, len(ms), ms[0].Months)
}

// missedMeetings names the branches that did not meet in every month of
// the period begun by the cut-off.
func missedMeetings(f *WorkFigures) string {
	if !f.MeetingsRecorded() {
		return ""
	}
	var names []string
	for _, m := range f.BranchMeetings() {
		if m.Months > 0 && m.MonthsMet < m.Months {
			names = append(names, fmt.Sprintf("%s (%d/%d tháng)", m.Branch, m.MonthsMet, m.Months))
		}
	}
	if len(names) == 0 {
		return ""
	}
	if len(names) > 5 {
		// A long list belongs to the table of meetings.
		return fmt.Sprintf("Còn %d chi đoàn chưa sinh hoạt đều hằng tháng (xem bảng sinh hoạt chi đoàn).", len(names))
	}
	return fmt.Sprintf("Còn %d chi đoàn chưa sinh hoạt đều hằng tháng: %s.", len(names), strings.Join(names, "; "))
}

// workMovements is the sentence of the period's membership movements,
// leaving out the kinds that did not happen.
func workMovements(st *Situation, when string) string {
	num := func(v int) string { return FormatInt(int64(v)) }
	parts := []string{"kết nạp " + num(st.Admissions) + " đoàn viên mới"}
	for _, m := range []struct {
		v    int
		text string
	}{
		{st.TransfersIn, "tiếp nhận %s đoàn viên chuyển sinh hoạt đến"},
		{st.TransfersOut, "%s đoàn viên chuyển sinh hoạt đi"},
		{st.ComingOfAge, "%s đoàn viên trưởng thành Đoàn"},
		{st.Removals, "xóa tên %s đoàn viên"},
	} {
		if m.v > 0 {
			parts = append(parts, fmt.Sprintf(m.text, num(m.v)))
		}
	}
	return when + ", " + strings.Join(parts, "; ") + "."
}

// ratedCount is how many of ts carry a rating (Code not empty).
func ratedCount(ts []Tally) int {
	n := 0
	for _, t := range ts {
		if t.Code != "" {
			n += t.Total
		}
	}
	return n
}

// workGrowth says the period's new members: "kết nạp 18 đoàn viên mới,
// phát triển 20 hội viên mới." (the admissions even when none).
func workGrowth(st *Situation) string {
	return fmt.Sprintf("Kết nạp %s đoàn viên mới, phát triển %s hội viên mới.", FormatInt(int64(st.Admissions)), FormatInt(int64(st.NewFederation)))
}

// metCount is how many results are met or on pace, of all.
func metCount(rs []Result) (met, all int) {
	for _, r := range rs {
		if r.Verdict.Code == VerdictMet || r.Verdict.Code == VerdictOnPace {
			met++
		}
	}
	return met, len(rs)
}
