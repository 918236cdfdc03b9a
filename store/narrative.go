package store

import (
	"context"
	"fmt"
	"strings"
)

// A report is mostly text. The secretary writes it section by section; the
// register keeps each section per document and year, and offers a draft
// made of the measured figures as sentences she can edit.

// Documents whose narrative the register keeps (the doc of a Narrative).
const (
	NarrativeAnnual = "annual" // keyed by working year
	NarrativePeriod = "period" // keyed by plan ID
	NarrativePlan   = "plan"   // keyed by plan ID
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

// Narrative reads the texts kept for a document (doc, key). The annual
// report's strengths, shortcomings and directions are the year's
// ward_years texts, which the plan screen edits too.
func (s *Store) Narrative(ctx context.Context, doc string, key int) (Narrative, error) {
	n := Narrative{}
	rows, err := s.db.QueryContext(ctx, `SELECT section, body FROM narratives WHERE doc = ? AND key = ?`, doc, key)
	if err != nil {
		return nil, fmt.Errorf("đọc nội dung báo cáo: %w", err)
	}
	for rows.Next() {
		var sec, body string
		if err := rows.Scan(&sec, &body); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc nội dung báo cáo: %w", err)
		}
		n[sec] = body
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc nội dung báo cáo: %w", err)
	}
	if doc == NarrativeAnnual {
		// These three live in ward_years, where the older editor keeps
		// them too: one place, whichever screen wrote last.
		w, err := s.WardYear(ctx, key)
		if err != nil {
			return nil, err
		}
		for sec, text := range map[string]string{"strengths": w.Achievements, "shortcomings": w.Shortcomings, "directions": w.NextSteps} {
			if text != "" {
				n[sec] = text
			} else {
				delete(n, sec)
			}
		}
	}
	return n, nil
}

// SaveNarrative writes a document's texts in one transaction. Sections
// left out are kept; an empty text clears its section. The annual
// report's strengths, shortcomings and directions are written to
// ward_years, their one place.
func (s *Store) SaveNarrative(ctx context.Context, doc string, key int, n Narrative) error {
	if doc != NarrativeAnnual && doc != NarrativePeriod && doc != NarrativePlan {
		return fmt.Errorf("nội dung văn bản: loại %q không có", doc)
	}
	return s.write(ctx, func(tx *writeTx) error {
		for sec, body := range n {
			body = CleanLines(body)
			col := map[string]string{"strengths": "achievements", "shortcomings": "shortcomings", "directions": "next_steps"}[sec]
			if doc == NarrativeAnnual && col != "" {
				if _, err := tx.exec("ward_years", "year = ?", []any{key}, `INSERT INTO ward_years(year, `+col+`) VALUES (?, ?)
					ON CONFLICT(year) DO UPDATE SET `+col+` = excluded.`+col, key, body); err != nil {
					return fmt.Errorf("ghi nội dung %s: %w", sec, err)
				}
				continue
			}
			if _, err := tx.exec("narratives", "doc = ? AND key = ? AND section = ?", []any{doc, key, sec}, `INSERT INTO narratives(doc, key, section, body) VALUES (?,?,?,?)
				ON CONFLICT(doc, key, section) DO UPDATE SET body = excluded.body`, doc, key, sec, body); err != nil {
				return fmt.Errorf("ghi nội dung %s: %w", sec, err)
			}
		}
		return nil
	})
}

// AnnualDraft writes the annual report's sections the register can tell
// as sentences from the measured figures of working year year as of the
// cut-off: what the secretary starts from in the editor, and what the
// report prints for a section she left empty.
func (s *Store) AnnualDraft(ctx context.Context, planID int64, year int, cutoff Date) (Narrative, error) {
	rs, err := s.YearResultsAt(ctx, planID, year, cutoff)
	if err != nil {
		return nil, err
	}
	st, err := s.SituationAt(ctx, year, cutoff)
	if err != nil {
		return nil, err
	}
	u, err := s.Unit(ctx)
	if err != nil {
		return nil, err
	}
	return draftFrom(rs, &st, "trong năm "+fmt.Sprint(year), wardUnion(u)), nil
}

// wardUnion names the ward Union as a sentence's subject: "Đoàn phường
// Hòa Mẫu".
func wardUnion(u Unit) string {
	if u.Place == "" {
		return "Đoàn cơ sở"
	}
	return "Đoàn " + LowerFirst(u.Place)
}

// PeriodDraft is AnnualDraft for the period report, from the period's
// results.
func PeriodDraft(pr PeriodResult, u Unit) Narrative {
	// A yearly target speaks of its latest year, a period target of the
	// whole period so far.
	rs := append([]Result(nil), pr.Total...)
	if n := len(pr.ByYear); n > 0 {
		for i := range rs {
			if !rs[i].Indicator.Period && i < len(pr.ByYear[n-1]) {
				rs[i] = pr.ByYear[n-1][i]
			}
		}
	}
	when := "trong giai đoạn"
	if n := len(pr.Years); n > 0 {
		when = fmt.Sprintf("trong năm %d", pr.Years[n-1])
	}
	return draftFrom(rs, nil, when, wardUnion(u))
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

// draftFrom turns results into sentences by field; st gives the year's
// movements (nil: the period's results say them).
func draftFrom(rs []Result, st *Situation, when, subject string) Narrative {
	by := map[string]Result{}
	for _, r := range rs {
		by[r.Indicator.Metric] = r
	}
	n := Narrative{}
	var prop []string
	for _, r := range rs {
		if r.Indicator.Metric != MetricManual || !r.Known || !strings.HasPrefix(r.Indicator.Section, "2.1") && r.Indicator.Section != "2.7" {
			continue
		}
		if r.Actual >= 1 {
			prop = append(prop, subject+" "+LowerFirst(r.Indicator.Title)+".")
		} else {
			prop = append(prop, subject+" chưa "+LowerFirst(r.Indicator.Title)+".")
		}
	}
	n["propaganda"] = strings.Join(prop, "\n")

	var mv []string
	if r, ok := by[MetricEconomicClubs]; ok && r.Known {
		mv = append(mv, fmt.Sprintf("Duy trì hoạt động %s Thanh niên làm kinh tế.", r.Detail))
	}
	if r, ok := by[MetricActiveCoops]; ok && r.Known {
		mv = append(mv, fmt.Sprintf("Có %s hoạt động theo quy định, có doanh thu %s.", r.Detail, when))
	}
	if r, ok := by[MetricSupportedModels]; ok && r.Known {
		mv = append(mv, fmt.Sprintf("Hỗ trợ %s phát triển kinh tế đạt doanh thu %s.", r.Detail, when))
	}
	n["movements"] = strings.Join(mv, " ")

	var org []string
	if st != nil {
		org = append(org, fmt.Sprintf("Kết nạp %s đoàn viên mới, phát triển %s hội viên mới.",
			FormatInt(int64(st.Admissions)), FormatInt(int64(st.NewFederation))))
	} else if u, f := by[MetricNewUnionMembers], by[MetricNewFederation]; u.Known && f.Known {
		org = append(org, fmt.Sprintf("Từ đầu giai đoạn, kết nạp %s đoàn viên mới, phát triển %s hội viên mới.", FormatNum(u.Actual), FormatNum(f.Actual)))
	}
	if r, ok := by[MetricPartyIntroducedPct]; ok {
		org = append(org, "Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp: "+r.Detail+".")
	}
	if r, ok := by[MetricHamletStandardPct]; ok && r.Known {
		org = append(org, fmt.Sprintf("Có %s đạt chuẩn.", r.Detail))
	}
	if r, ok := by[MetricUnitsGoodPct]; ok && r.Known {
		org = append(org, fmt.Sprintf("Kết quả xếp loại: %s.", r.Detail))
	}
	n["organisation"] = strings.Join(org, " ")

	var weak []string
	for _, r := range rs {
		switch r.Verdict.Code {
		case VerdictNotMet, VerdictBehind:
			weak = append(weak, fmt.Sprintf("%s (%s): %s", r.Indicator.Code, LowerFirst(r.Indicator.Title), strings.ToLower(r.Verdict.Label())))
		}
	}
	if len(weak) > 0 {
		n["shortcomings"] = "Một số chỉ tiêu chưa đạt hoặc chậm tiến độ: " + strings.Join(weak, "; ") + "."
		n["directions"] = "Tập trung thực hiện các chỉ tiêu chưa đạt, chậm tiến độ: " + strings.Join(codes(rs), ", ") + "."
	}
	return n
}

func codes(rs []Result) []string {
	var out []string
	for _, r := range rs {
		if r.Verdict.Code == VerdictNotMet || r.Verdict.Code == VerdictBehind {
			out = append(out, r.Indicator.Code)
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
