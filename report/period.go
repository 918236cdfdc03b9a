package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/domain"
)

// Period is the content of a period report (sơ kết, tổng kết) on a plan.
type Period struct {
	Meta
	Result domain.PeriodResult
	// Narrative holds the report's texts by section (domain.PeriodSections).
	Narrative domain.Narrative
	// Texts is an assessment printed as part II when Narrative is nil
	// (one paragraph a line, optional).
	Texts string
}

// PeriodSummary is the line under BÁO CÁO: a mid-term review (sơ kết)
// while the plan runs, a final review (tổng kết) once its last year is in.
func PeriodSummary(pr domain.PeriodResult) string {
	kind := "Sơ kết"
	if n := len(pr.Years); n > 0 && pr.Years[n-1] >= pr.Plan.EndYear {
		kind = "Tổng kết"
	}
	return fmt.Sprintf("%s thực hiện Kế hoạch số %s, giai đoạn %d - %d", kind, nfc(pr.Plan.Number), pr.Plan.StartYear, pr.Plan.EndYear)
}

// WritePeriod writes the period report in four parts: I. the results,
// field by field and indicator by indicator in each year side by side with
// the period's total and its verdict; II. the assessment (strengths,
// shortcomings, causes); III. lessons; IV. directions and recommendations.
func WritePeriod(w io.Writer, p *Period) error {
	pr := p.Result
	d := newDoc(p.settings(), len(pr.Years) > 5)
	d.header(&p.Meta, AnnualType)
	d.title("Báo cáo", PeriodSummary(pr))
	unit := unitShort(p.Unit)
	kind := "sơ kết"
	if strings.HasPrefix(PeriodSummary(pr), "Tổng kết") {
		kind = "tổng kết"
	}
	asOf := ""
	if !pr.Cutoff.IsZero() {
		asOf = " đến ngày " + pr.Cutoff.String()
	}
	d.paragraph(fmt.Sprintf("Thực hiện %s; Ban Chấp hành %s báo cáo %s việc thực hiện kế hoạch từ năm %d%s như sau:",
		nfc(pr.Plan.Citation()), unit, kind, pr.Plan.StartYear, asOf))
	text := func(sec string) string {
		if p.Narrative == nil {
			return ""
		}
		return p.Narrative[sec]
	}

	o := &outline{d: d}
	o.heading("KẾT QUẢ THỰC HIỆN")
	if p.Narrative != nil {
		o.section("Công tác tuyên truyền, giáo dục", text("propaganda"), false)
		o.section("Các phong trào hành động, hỗ trợ thanh niên phát triển kinh tế", text("movements"), false)
		o.section("Công tác xây dựng tổ chức Đoàn, Hội", text("organisation"), false)
		o.section("Công tác kiểm tra, giám sát", text("inspection"), false)
		d.ensure(d.lh(d.set.BodySize)*5 + tableStart) // the heading, the caption and the table together
		o.section("Kết quả thực hiện các chỉ tiêu qua từng năm", "", true)
	}
	d.caption(resultsSummary(pr.Plan, pr.Total, "đến nay"))
	cols := []Column{
		{Title: "Chỉ tiêu", Width: 13, Align: "C"},
		{Title: "Nội dung", Width: 46},
		{Title: "Mục tiêu", Width: 18, Align: "C"},
	}
	for _, y := range pr.Years {
		cols = append(cols, Column{Title: strconv.Itoa(y), Width: 14, Align: "C", Group: "Kết quả từng năm"})
	}
	cols = append(cols,
		Column{Title: "Cả giai đoạn", Width: 17, Align: "C"},
		Column{Title: "Đánh giá", Width: 22, Align: "C"})
	t := d.newTable(cols, d.set.TableSize-1)
	cells := make([]string, len(cols))
	for i, total := range pr.Total {
		in := total.Indicator
		cells = cells[:0]
		target := domain.FormatValue(in.Kind, in.Target)
		switch {
		case in.Kind == domain.KindCheck:
			target = "Có"
		case in.NoTarget:
			target = "Chưa nhập"
		case in.Period:
			target += " (cả giai đoạn)"
		}
		cells = append(cells, nfc(in.Code), nfc(in.Title), target)
		for j := range pr.Years {
			v := "—"
			if i < len(pr.ByYear[j]) && pr.ByYear[j][i].Known {
				v = yearCell(pr.ByYear[j][i])
			}
			cells = append(cells, v)
		}
		v := "—"
		switch {
		case total.Verdict.Years > 0:
			// A yearly target: the years it was met in, and the verdict
			// alone beside it.
			v = total.Verdict.Progress()
		case total.Known:
			v = yearCell(total)
		}
		verdict := total.Verdict.Phrase()
		if total.Verdict.Years > 0 {
			verdict = total.Verdict.Label()
		}
		cells = append(cells, v, verdict)
		t.row("", cells...)
	}

	if p.Narrative == nil {
		if o.heading("ĐÁNH GIÁ CHUNG", p.Texts) {
			d.texts(p.Texts)
		}
	} else {
		if o.heading("ĐÁNH GIÁ CHUNG", text("strengths"), text("shortcomings"), text("causes")) {
			o.section("Ưu điểm", text("strengths"), false)
			o.section("Hạn chế", text("shortcomings"), false)
			o.section("Nguyên nhân", text("causes"), false)
		}
		if o.heading("BÀI HỌC KINH NGHIỆM", text("lessons")) {
			d.texts(text("lessons"))
		}
		if o.heading("PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ KIẾN NGHỊ", text("directions"), text("recommendations")) {
			o.section("Phương hướng, nhiệm vụ", text("directions"), false)
			o.section("Đề xuất, kiến nghị", text("recommendations"), false)
		}
	}
	d.lastParagraph(&p.Meta, false, fmt.Sprintf("Trên đây là báo cáo %s của Ban Chấp hành %s./.", lowerFirst(PeriodSummary(pr)), unit),
		"", d.set.FirstLineIndent, "J")
	d.closing(&p.Meta, false)
	return d.finish(w)
}

// yearCell is a result in a narrow column: the value alone ("Có" or
// "Chưa" for a checkbox).
func yearCell(r domain.Result) string {
	if r.Indicator.Kind == domain.KindCheck {
		if r.Actual >= 1 {
			return "Có"
		}
		return "Chưa"
	}
	return domain.FormatValue(r.Indicator.Kind, r.Actual)
}
