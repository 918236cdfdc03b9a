package report

import (
	"fmt"
	"io"
	"strconv"

	"sodoan/store"
)

// Period is the content of a period report (sơ kết, tổng kết) on a plan.
type Period struct {
	Meta
	Result store.PeriodResult
	// Texts are the report's own assessment, one paragraph a line
	// (optional).
	Texts string
}

// PeriodSummary is the line under BÁO CÁO: a mid-term review (sơ kết)
// while the plan runs, a final review (tổng kết) once its last year is in.
func PeriodSummary(pr store.PeriodResult) string {
	kind := "Sơ kết"
	if n := len(pr.Years); n > 0 && pr.Years[n-1] >= pr.Plan.EndYear {
		kind = "Tổng kết"
	}
	return fmt.Sprintf("%s thực hiện Kế hoạch số %s, giai đoạn %d - %d", kind, nfc(pr.Plan.Number), pr.Plan.StartYear, pr.Plan.EndYear)
}

// WritePeriod writes the period report: every indicator of the plan with
// its result in each year side by side, the result for the period against
// the target, and whether it was met.
func WritePeriod(w io.Writer, p *Period) error {
	pr := p.Result
	d := newDoc(p.settings(), len(pr.Years) > 5)
	d.header(&p.Meta, AnnualType)
	d.title("Báo cáo", PeriodSummary(pr))
	unit := unitShort(p.Unit)
	d.paragraph(fmt.Sprintf("Thực hiện Kế hoạch số %s về %s, Ban Chấp hành %s báo cáo kết quả thực hiện các chỉ tiêu từ năm %d như sau:",
		pr.Plan.Number, lowerFirst(pr.Plan.Title), unit, pr.Plan.StartYear))

	d.heading("I/. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU QUA TỪNG NĂM")
	cols := []Column{
		{Title: "Chỉ tiêu", Width: 13, Align: "C"},
		{Title: "Nội dung", Width: 48},
		{Title: "Mục tiêu", Width: 18, Align: "C"},
	}
	for _, y := range pr.Years {
		cols = append(cols, Column{Title: strconv.Itoa(y), Width: 15, Align: "C", Group: "Kết quả từng năm"})
	}
	cols = append(cols,
		Column{Title: "Cả giai đoạn", Width: 18, Align: "C"},
		Column{Title: "Đánh giá", Width: 16, Align: "C"})
	t := d.newTable(cols, d.set.TableSize-1)
	cells := make([]string, len(cols))
	for i, total := range pr.Total {
		in := total.Indicator
		cells = cells[:0]
		target := store.FormatValue(in.Kind, in.Target)
		if in.Period {
			target += " (cả giai đoạn)"
		}
		cells = append(cells, nfc(in.Code), nfc(in.Title), target)
		for j := range pr.Years {
			v := "—"
			if i < len(pr.ByYear[j]) && pr.ByYear[j][i].Known {
				v = store.FormatValue(in.Kind, pr.ByYear[j][i].Actual)
			}
			cells = append(cells, v)
		}
		v := "—"
		if total.Known {
			v = store.FormatValue(in.Kind, total.Actual)
			if in.Period {
				v = "Lũy kế " + v
			}
		}
		cells = append(cells, v, verdict(total))
		t.row("", cells...)
	}
	met, known := 0, 0
	for _, r := range pr.Total {
		if r.Known {
			known++
			if r.Met {
				met++
			}
		}
	}
	d.paragraph(fmt.Sprintf("Tổng số %d chỉ tiêu: đạt %d, chưa đạt %d, chưa có số liệu %d.",
		len(pr.Total), met, known-met, len(pr.Total)-known))

	if p.Texts != "" {
		d.heading("II/. ĐÁNH GIÁ CHUNG")
		d.texts(p.Texts)
	}
	d.lastParagraph(&p.Meta, false, fmt.Sprintf("Trên đây là báo cáo %s của Ban Chấp hành %s./.", lowerFirst(PeriodSummary(pr)), unit),
		"", d.set.FirstLineIndent, "J")
	d.closing(&p.Meta, false)
	return d.finish(w)
}
