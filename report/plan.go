package report

import (
	"fmt"
	"io"
	"strings"

	"sodoan/domain"
)

// PlanDoc is the content of a ward's plan (KẾ HOẠCH) printed from the
// register: its texts and every target.
type PlanDoc struct {
	Meta
	Plan      domain.Plan
	Narrative domain.Narrative // by domain.PlanSections
}

// PlanType is the type code of a plan.
const PlanType = "KH"

// WritePlan writes the plan in the official layout: the upper plan it
// implements, I. purpose, II. targets (general, then each target by
// group), III. tasks, IV. implementation; recipients and signature. The
// header prints the plan's own number and date.
func WritePlan(w io.Writer, p *PlanDoc) error {
	m := p.Meta
	if m.Symbol == "" {
		m.Symbol = p.Plan.Number
	}
	if !p.Plan.Issued.IsZero() {
		m.Date = p.Plan.Issued
	}
	if m.Board == "" && strings.HasPrefix(p.Plan.Issuer, "Ban Thường vụ") {
		m.Board = "TM. BAN THƯỜNG VỤ"
	}
	d := newDoc(m.settings(), false)
	d.header(&m, PlanType)
	d.title("Kế hoạch", nfc(p.Plan.Title))
	if p.Plan.UpperPlan != "" {
		d.paragraph("Căn cứ " + strings.TrimSuffix(nfc(p.Plan.UpperPlan), ";") + ";")
	}
	issuer := nfc(p.Plan.Issuer)
	if issuer == "" {
		issuer = "Ban Chấp hành " + unitShort(m.Unit)
	}
	d.paragraph(fmt.Sprintf("%s xây dựng kế hoạch %s, cụ thể như sau:", issuer, lowerFirst(p.Plan.Title)))
	text := func(sec string) string { return p.Narrative[sec] }

	d.heading("I/. MỤC ĐÍCH, YÊU CẦU")
	d.texts(text("purpose"))
	d.heading("II/. MỤC TIÊU")
	d.subheading("1/. Mục tiêu chung")
	d.texts(text("general"))
	d.subheading("2/. Chỉ tiêu cụ thể")
	// No line break inside "2024 - 2028" (no-break spaces around the dash).
	period := fmt.Sprintf("giai đoạn %d\u00a0-\u00a0%d", p.Plan.StartYear, p.Plan.EndYear)
	for _, in := range p.Plan.Indicators {
		d.paragraph(nfc(in.Code) + "/. " + targetSentence(in, period))
	}
	d.heading("III/. NHIỆM VỤ, GIẢI PHÁP")
	d.texts(text("tasks"))
	d.heading("IV/. TỔ CHỨC THỰC HIỆN")
	d.texts(text("implementation"))
	d.lastParagraph(&m, false, fmt.Sprintf("Trên đây là Kế hoạch %s của %s./.", lowerFirst(p.Plan.Title), issuer),
		"", d.set.FirstLineIndent, "J")
	d.closing(&m, false)
	return d.finish(w)
}

// countUnits are what a counted target counts, so that the plan says
// "ít nhất 01 câu lạc bộ", never a bare "ít nhất 1".
var countUnits = map[string]string{
	domain.MetricEconomicClubs:   "câu lạc bộ",
	domain.MetricSupportedModels: "mô hình",
	domain.MetricActiveCoops:     "tổ hợp tác",
	domain.MetricNewUnionMembers: "đoàn viên",
	domain.MetricNewFederation:   "hội viên",
}

// targetSentence says a target as a secretary writes it in a plan:
//
//	Hằng năm có mô hình tuyên truyền … (a yes/no target)
//	Củng cố, duy trì CLB Thanh niên làm kinh tế: hằng năm ít nhất 01 câu lạc bộ.
//	Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí: hằng năm đạt 100%.
//	Phát triển đoàn viên mới: ít nhất 90 đoàn viên trong giai đoạn 2024 - 2028.
//
// A title that already says "hằng năm" or "mỗi năm" is not told again,
// and one that names its own figure ("ít nhất 01 mô hình … mỗi năm") is
// printed as it stands when the target is that figure.
func targetSentence(in domain.Indicator, period string) string {
	title := strings.TrimSpace(nfc(in.Title))
	// The title may say "(cả giai đoạn)" itself: the target's words say it.
	title = strings.TrimSuffix(title, " (cả giai đoạn)")
	lower := strings.ToLower(title)
	yearlyInTitle := strings.Contains(lower, "mỗi năm") || strings.Contains(lower, "hằng năm") || strings.Contains(lower, "hàng năm")
	count := planCount(in.Target)
	unit := countUnits[in.Metric]
	switch {
	case in.Kind == domain.KindCheck:
		if yearlyInTitle {
			return title + "."
		}
		return "Hằng năm " + lowerFirst(title) + "."
	case in.NoTarget:
		// A target the unit has not set yet: said so, never a figure.
		return title + ": chỉ tiêu chưa xác định."
	case in.Kind == domain.KindCount && strings.Contains(lower, "ít nhất "+count+" "):
		if yearlyInTitle || in.Period {
			return title + "."
		}
		return title + " hằng năm."
	case in.Period && in.Kind == domain.KindCount:
		return fmt.Sprintf("%s: ít nhất %s trong %s.", title, strings.TrimSpace(count+" "+unit), period)
	case in.Period:
		return fmt.Sprintf("%s: đạt %s trong %s.", title, domain.FormatValue(in.Kind, in.Target), period)
	}
	yearly := "hằng năm "
	if yearlyInTitle {
		yearly = ""
	}
	if in.Kind == domain.KindCount {
		return fmt.Sprintf("%s: %sít nhất %s.", title, yearly, strings.TrimSpace(count+" "+unit))
	}
	return fmt.Sprintf("%s: %sđạt %s.", title, yearly, domain.FormatValue(in.Kind, in.Target))
}

// planCount writes a counted target as plans do: two digits below ten
// ("01 mô hình"), thousands with dots ("7.500 đoàn viên").
func planCount(v float64) string {
	if v >= 0 && v < 10 && v == float64(int(v)) {
		return fmt.Sprintf("%02d", int(v))
	}
	return domain.FormatNum(v)
}
