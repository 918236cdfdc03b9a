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
	period := fmt.Sprintf("giai đoạn %d - %d", p.Plan.StartYear, p.Plan.EndYear)
	for _, in := range p.Plan.Indicators {
		// The title may say "(cả giai đoạn)" itself: the target's words
		// say it once.
		title := strings.TrimSuffix(strings.TrimSpace(in.Title), " (cả giai đoạn)")
		d.paragraph(fmt.Sprintf("%s/. %s: %s.", nfc(in.Code), nfc(title), targetWords(in, title, period)))
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

// targetWords says a target as a plan writes it: "hằng năm đạt 100%",
// "hằng năm có ít nhất 1", "cả giai đoạn 2024 - 2028 đạt 450".
func targetWords(in domain.Indicator, title, period string) string {
	yearly := "hằng năm "
	if strings.Contains(title, "mỗi năm") || strings.Contains(title, "hằng năm") {
		yearly = "" // the title says it
	}
	switch {
	case in.Kind == domain.KindCheck:
		return "thực hiện hằng năm"
	case in.NoTarget:
		return "chỉ tiêu chưa xác định"
	case in.Period:
		return "cả " + period + " đạt " + domain.FormatValue(in.Kind, in.Target)
	case in.Kind == domain.KindCount:
		return yearly + "có ít nhất " + domain.FormatValue(in.Kind, in.Target)
	}
	return yearly + "đạt " + domain.FormatValue(in.Kind, in.Target)
}
