package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/domain"
)

// Consolidated is the content of an upper level's consolidated annual
// report: its wards' indicators side by side and the total against its
// plan's targets.
type Consolidated struct {
	Meta
	domain.Consolidation
}

// ConsolidatedBoard signs an upper level's report.
const ConsolidatedBoard = "TM. BAN THƯỜNG VỤ"

// ConsolidatedSummary is the line under BÁO CÁO.
func ConsolidatedSummary(plan domain.Plan, year int) string {
	if plan.Number == "" {
		return fmt.Sprintf("Tổng hợp kết quả công tác năm %d của các cơ sở Đoàn", year)
	}
	return fmt.Sprintf("Tổng hợp kết quả thực hiện Kế hoạch số %s năm %d của các cơ sở Đoàn", nfc(plan.Number), year)
}

// WardName is a ward as tables name it: "BCH ĐOÀN PHƯỜNG AN HÒA" →
// "Đoàn phường An Hòa".
func WardName(w domain.Ward) string { return unitShort(domain.Unit{Name: w.Unit}) }

// WriteConsolidated writes the consolidated annual report, landscape: the
// plan it follows cited in full, I. the wards whose packages it counts
// (the day each was made, their members on the cut-off), II. every
// indicator of every ward in one table with the total row (a per-ward
// target counts the wards meeting it), III. the total against the plan's
// targets with its verdict; then recipients and the signature of the
// upper body's standing committee. Without a plan of the upper level's
// own, it lists the wards and judges nothing.
func WriteConsolidated(w io.Writer, c *Consolidated) error {
	if c.Board == "" {
		c.Board = ConsolidatedBoard
	}
	d := newDoc(c.settings(), true)
	d.header(&c.Meta, AnnualType)
	d.title("Báo cáo", ConsolidatedSummary(c.Plan, c.Year))
	unit := unitShort(c.Unit)
	basis := ""
	if c.Plan.Number != "" {
		basis = "Căn cứ " + nfc(c.Plan.Citation()) + "; "
	}
	d.paragraph(upperFirst(fmt.Sprintf("%scăn cứ số liệu trong sổ đoàn viên của %d cơ sở Đoàn trực thuộc gửi về, Ban Thường vụ %s tổng hợp kết quả thực hiện năm %d (số liệu tính đến ngày %s) như sau:",
		basis, len(c.Wards), unit, c.Year, c.Cutoff)))

	d.heading("I/. CÁC CƠ SỞ ĐOÀN GỬI SỐ LIỆU")
	d.wardList(&c.Consolidation)

	if c.Plan.Number == "" {
		d.heading("II/. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
		d.paragraph(NoPlanSentence)
	} else {
		d.heading("II/. KẾT QUẢ CÁC CHỈ TIÊU CỦA TỪNG CƠ SỞ")
		d.wardsTable(&c.Consolidation)
		d.para("Ghi chú: “—”: cơ sở chưa có số liệu để tính chỉ tiêu; chỉ tiêu giao cho từng cơ sở (2.1, 2.2, 2.3, 2.6, 2.7, 2.8) ghi ở dòng tổng cộng số cơ sở đạt trên tổng số cơ sở; chỉ tiêu 2.6 tính theo xếp loại của chính cơ sở Đoàn (“Đạt”: từ khá trở lên); tỷ lệ (%) khác tính trên tổng tử số và tổng mẫu số của các cơ sở.",
			"I", d.set.TableSize, 0, "J")
		d.missing(&c.Consolidation)

		d.heading("III/. KẾT QUẢ CHUNG SO VỚI CHỈ TIÊU KẾ HOẠCH")
		d.paragraph(resultsSummary(c.Plan, c.Total, fmt.Sprintf("năm %d của toàn đơn vị", c.Year)))
		d.totalTable(c.Total)
	}

	last := fmt.Sprintf("Trên đây là báo cáo tổng hợp kết quả thực hiện Kế hoạch số %s năm %d của các cơ sở Đoàn trực thuộc %s./.", nfc(c.Plan.Number), c.Year, unit)
	if c.Plan.Number == "" {
		last = fmt.Sprintf("Trên đây là báo cáo tổng hợp kết quả công tác năm %d của các cơ sở Đoàn trực thuộc %s./.", c.Year, unit)
	}
	d.lastParagraph(&c.Meta, false, last, "", d.set.FirstLineIndent, "J")
	d.closing(&c.Meta, false)
	return d.finish(w)
}

// wardList writes part I: each ward, the day its package was made, and
// its members on the cut-off (the total adds up: people are counted once,
// in their own ward).
func (d *doc) wardList(c *domain.Consolidation) {
	if len(c.Wards) == 0 {
		d.paragraph("Chưa có cơ sở Đoàn nào gửi gói dữ liệu.")
		return
	}
	on := "đến ngày " + c.Cutoff.String()
	t := d.newTable([]Column{
		{Title: "STT", Width: 10, Align: "C"},
		{Title: "Cơ sở Đoàn", Width: 90},
		{Title: "Ngày lập gói số liệu", Width: 45, Align: "C"},
		{Title: "Đoàn viên " + on, Width: 45, Align: "C"},
		{Title: "Hội viên " + on, Width: 45, Align: "C"},
	}, d.set.TableSize)
	var members, fed int
	for i, wr := range c.Wards {
		members += wr.Members
		fed += wr.Federation
		t.row("", strconv.Itoa(i+1), WardName(wr.Ward), domain.FormatTime(wr.Ward.Made), domain.FormatInt(int64(wr.Members)), domain.FormatInt(int64(wr.Federation)))
	}
	t.row("B", "", "Cộng", "", domain.FormatInt(int64(members)), domain.FormatInt(int64(fed)))
}

// missing lists, ward by ward, what could not be measured in its package.
func (d *doc) missing(c *domain.Consolidation) {
	for _, wr := range c.Wards {
		if len(wr.Missing) > 0 {
			d.para(fmt.Sprintf("%s: %s.", WardName(wr.Ward), strings.Join(wr.Missing, "; ")), "I", d.set.TableSize, 0, "J")
		}
	}
}

// wardsTable writes one row a ward and one column an indicator (grouped by
// the plan's sections), with the total row last.
func (d *doc) wardsTable(c *domain.Consolidation) {
	cols := []Column{{Title: "STT", Width: 8, Align: "C"}, {Title: "Cơ sở Đoàn", Width: 50}}
	for _, in := range c.Plan.Indicators {
		// 2.1a and 2.1b under one header cell 2.1; 2.3 alone.
		group := ""
		if in.Section != "" && in.Section != in.Code {
			group = nfc(in.Section)
		}
		cols = append(cols, Column{Title: nfc(in.Code), Width: 12, Align: "C", Group: group})
	}
	t := d.newTable(cols, d.set.ListSize)
	cells := make([]string, 0, len(cols))
	for i, wr := range c.Wards {
		cells = append(cells[:0], strconv.Itoa(i+1), WardName(wr.Ward))
		for j, in := range c.Plan.Indicators {
			v := "—"
			if j < len(wr.Results) && wr.Results[j].Known {
				v = wardCell(in, wr.Results[j])
			}
			cells = append(cells, v)
		}
		t.row("", cells...)
	}
	// The total: a per-ward target counts the wards meeting it.
	cells = append(cells[:0], "", "Tổng cộng")
	for _, r := range c.Total {
		v := "—"
		switch {
		case domain.PerWard(r.Indicator):
			// Wards meeting it; no target entered: nothing to count.
			if r.Den > 0 {
				v = fmt.Sprintf("%d/%d", r.Num, r.Den)
			}
		case r.Known:
			v = yearCell(r)
		}
		cells = append(cells, v)
	}
	t.row("B", cells...)
}

// wardCell is one ward's figure; 2.6 is whether the ward's own rating is
// good or better.
func wardCell(in domain.Indicator, r domain.Result) string {
	if in.Metric == domain.MetricUnitsGoodPct {
		if r.Actual >= 1 {
			return "Đạt"
		}
		return "Chưa"
	}
	return yearCell(r)
}

// totalTable is part III: each target of the upper level's plan, what it
// asks (of each cơ sở, or of the whole), the result and the verdict.
func (d *doc) totalTable(results []domain.Result) {
	t := d.newTable([]Column{
		{Title: "Chỉ tiêu", Width: 16, Align: "C"},
		{Title: "Nội dung", Width: 100},
		{Title: "Mục tiêu", Width: 40, Align: "C"},
		{Title: "Kết quả trong năm", Width: 64, Align: "C"},
		{Title: "Đánh giá", Width: 45, Align: "C"},
	}, d.set.TableSize)
	for _, r := range results {
		in := r.Indicator
		verdict := r.Verdict.Label()
		if in.Period && r.Verdict.Code != domain.VerdictNoTarget {
			verdict = "Lũy kế " + r.Verdict.Phrase()
		}
		result := resultText(r)
		if domain.PerWard(in) && in.Metric != domain.MetricUnitsGoodPct && r.Detail != "" {
			// Wards meeting it, "2/3 cơ sở": no figure of the whole.
			result = upperFirst(nfc(r.Detail))
		}
		t.row("", nfc(in.Code), nfc(in.Title), totalTarget(in), result, verdict)
	}
}

// totalTarget is what a target asks, as the upper level sets it: of every
// cơ sở ("100% cơ sở (ít nhất 1)"), a share of the cơ sở (2.6), or of
// the whole.
func totalTarget(in domain.Indicator) string {
	if in.NoTarget {
		return "Chưa nhập"
	}
	v := domain.FormatValue(in.Kind, in.Target)
	switch {
	case in.Metric == domain.MetricUnitsGoodPct:
		return v + " cơ sở"
	case in.Kind == domain.KindCheck:
		return "100% cơ sở"
	case domain.PerWard(in) && in.Kind == domain.KindPercent:
		return "100% cơ sở (" + v + ")"
	case domain.PerWard(in):
		return "100% cơ sở (ít nhất " + v + ")"
	case in.Period:
		return v + " (cả giai đoạn)"
	}
	return v
}

// ConsolidatedRecipients are the usual recipients of an upper level's
// report, upward: its own upper body's standing committee, then the
// standing committee of the Party committee at its level ("Lưu VP." is
// added by the layout). The register's settings may replace them.
func ConsolidatedRecipients(u domain.Unit) []string {
	var r []string
	upper := strings.ToUpper(nfc(u.UpperBody))
	switch {
	case strings.Contains(upper, "TRUNG ƯƠNG"):
		r = append(r, "Ban Thường vụ Trung ương Đoàn")
	case upper != "":
		r = append(r, "Ban Thường vụ "+titleCase(u.UpperBody))
	}
	name := strings.ToUpper(nfc(u.Name))
	switch {
	case strings.Contains(name, "TỈNH"):
		r = append(r, "Thường trực Tỉnh ủy")
	case strings.Contains(name, "THÀNH ĐOÀN") || strings.Contains(name, "THÀNH PHỐ"):
		r = append(r, "Thường trực Thành ủy")
	case strings.Contains(name, "THỊ XÃ"):
		r = append(r, "Thường trực Thị ủy")
	case strings.Contains(name, "HUYỆN"):
		r = append(r, "Thường trực Huyện ủy")
	default:
		r = append(r, "Thường trực cấp ủy cùng cấp")
	}
	return r
}
