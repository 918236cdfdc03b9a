package domain

import (
	"fmt"
	"strings"
)

// The sections of a report that open the editor empty made the promise
// "Mục chưa viết được điền sẵn bằng số liệu của sổ" false (issue 17,
// finding 12): the situation and the inspection sections are told from
// the register's counts as of the cut-off, and a plan's purpose and
// general aim from its own targets. Sections the register holds nothing
// for (causes, lessons, recommendations, how a plan is carried out) are
// the secretary's own: DraftedSections says which are drafted, so the
// editor can say so instead of promising.

// DraftedSections are the sections of doc the register drafts from its
// figures (a draft may still be empty when the figures are missing: no
// plan yet, say).
func DraftedSections(doc string) map[string]bool {
	if doc == NarrativePlan {
		return map[string]bool{"purpose": true, "general": true}
	}
	if strings.HasPrefix(doc, NarrativeWork) {
		// The work reports' (WorkDraft).
		return map[string]bool{"advantages": true, "difficulties": true, "education": true, "movements": true,
			"organisation": true, "federation": true, "inspection": true, "shortcomings": true}
	}
	return map[string]bool{"situation": true, "propaganda": true, "movements": true, "organisation": true,
		"inspection": true, "strengths": true, "shortcomings": true, "directions": true}
}

// SituationDraft tells the Union's size on the cut-off and the year's
// movements: "Tính đến ngày 07/12/2026, Đoàn phường Hòa Mẫu có 12 chi
// đoàn trực thuộc (8 khóm, ấp; 4 trường học) với 233 đoàn viên (nữ 120);
// 300 hội viên. Trong năm 2026: kết nạp 5 đoàn viên, …".
func SituationDraft(st Situation, subject, when string) string {
	s := fmt.Sprintf("Tính đến ngày %s, %s có %s chi đoàn trực thuộc", st.AsOf, subject, FormatInt(int64(st.Branches)))
	var kinds []string
	for _, k := range st.BranchesByKind {
		if k.Total > 0 {
			kinds = append(kinds, FormatInt(int64(k.Total))+" "+LowerFirst(k.Label))
		}
	}
	if len(kinds) > 0 {
		s += " (" + strings.Join(kinds, "; ") + ")"
	}
	s += fmt.Sprintf(" với %s đoàn viên (nữ %s); %s hội viên (nữ %s).",
		FormatInt(int64(st.Union.Total)), FormatInt(int64(st.Union.Female)),
		FormatInt(int64(st.Federation.Total)), FormatInt(int64(st.Federation.Female)))
	var mv []string
	for _, m := range []struct {
		n     int
		words string
	}{
		{st.Admissions, "kết nạp %s đoàn viên"},
		{st.TransfersIn, "tiếp nhận %s đoàn viên chuyển đến"},
		{st.TransfersOut, "chuyển sinh hoạt %s đoàn viên đi nơi khác"},
		{st.ComingOfAge, "%s đoàn viên trưởng thành Đoàn"},
		{st.Removals, "xóa tên %s đoàn viên"},
	} {
		if m.n > 0 {
			mv = append(mv, fmt.Sprintf(m.words, FormatInt(int64(m.n))))
		}
	}
	if len(mv) > 0 {
		s += " " + upperFirst(when) + ": " + strings.Join(mv, ", ") + "."
	}
	return s
}

// InspectionDraft tells what the register knows of the year's discipline
// of the membership: the members struck off the list.
func InspectionDraft(st Situation, subject, when string) string {
	if st.Removals == 0 {
		return fmt.Sprintf("%s, %s không có trường hợp đoàn viên bị xóa tên khỏi danh sách.", upperFirst(when), subject)
	}
	return fmt.Sprintf("%s, %s xem xét, xóa tên %s đoàn viên khỏi danh sách đoàn viên.", upperFirst(when), subject, FormatInt(int64(st.Removals)))
}

// PlanDraft drafts a plan's purpose and general aim from the plan and the
// register on the day it is drafted (st).
func PlanDraft(p Plan, st Situation, subject string) Narrative {
	n := Narrative{}
	purpose := fmt.Sprintf("Cụ thể hóa các chỉ tiêu, nhiệm vụ công tác Đoàn và phong trào thanh thiếu nhi giai đoạn %d – %d tại %s", p.StartYear, p.EndYear, subject)
	if up := strings.TrimSpace(p.UpperPlan); up != "" {
		purpose += ", thực hiện " + LowerFirst(strings.TrimSuffix(up, "."))
	}
	purpose += fmt.Sprintf("; huy động %s chi đoàn với %s đoàn viên (số liệu ngày %s) cùng thực hiện.",
		FormatInt(int64(st.Branches)), FormatInt(int64(st.Union.Total)), st.AsOf)
	n["purpose"] = purpose
	var aims []string
	for _, in := range p.Indicators {
		if in.NoTarget {
			continue
		}
		aims = append(aims, aimClause(in))
	}
	if len(aims) > 0 {
		n["general"] = fmt.Sprintf("Đến năm %d, %s phấn đấu thực hiện đạt %d chỉ tiêu: %s.", p.EndYear, subject, len(aims), strings.Join(aims, "; "))
	}
	return n
}
