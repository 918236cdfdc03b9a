package report

import (
	"fmt"
	"io"
	"strconv"

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
	return fmt.Sprintf("Tổng hợp kết quả thực hiện Kế hoạch số %s năm %d của các cơ sở Đoàn", nfc(plan.Number), year)
}

// WardName is a ward as tables name it: "BCH ĐOÀN PHƯỜNG AN HÒA" →
// "Đoàn phường An Hòa".
func WardName(w domain.Ward) string { return unitShort(domain.Unit{Name: w.Unit}) }

// WriteConsolidated writes the consolidated annual report, landscape: the
// wards whose packages it counts (with the day each was made), I. every
// indicator of every ward in one table with the total row, II. the total
// against the plan's targets with its verdict; then recipients and the
// signature of the upper body's standing committee.
func WriteConsolidated(w io.Writer, c *Consolidated) error {
	if c.Board == "" {
		c.Board = ConsolidatedBoard
	}
	d := newDoc(c.settings(), true)
	d.header(&c.Meta, AnnualType)
	d.title("Báo cáo", ConsolidatedSummary(c.Plan, c.Year))
	unit := unitShort(c.Unit)
	d.paragraph(fmt.Sprintf("Căn cứ Kế hoạch số %s; căn cứ số liệu trong sổ đoàn viên của %d cơ sở Đoàn trực thuộc gửi về, Ban Thường vụ %s tổng hợp kết quả thực hiện năm %d (số liệu tính đến ngày %s) như sau:",
		nfc(c.Plan.Number), len(c.Wards), unit, c.Year, c.Cutoff))

	d.heading("I/. CÁC CƠ SỞ ĐOÀN GỬI SỐ LIỆU")
	if len(c.Wards) == 0 {
		d.paragraph("Chưa có cơ sở Đoàn nào gửi gói dữ liệu.")
	} else {
		t := d.newTable([]Column{
			{Title: "STT", Width: 10, Align: "C"},
			{Title: "Cơ sở Đoàn", Width: 90},
			{Title: "Ngày lập gói số liệu", Width: 45, Align: "C"},
			{Title: "Đoàn viên đang sinh hoạt", Width: 45, Align: "C"},
		}, d.set.TableSize)
		for i, wr := range c.Wards {
			t.row("", strconv.Itoa(i+1), WardName(wr.Ward), domain.FormatTime(wr.Ward.Made), domain.FormatInt(int64(wr.Ward.Members)))
		}
	}

	d.heading("II/. KẾT QUẢ CÁC CHỈ TIÊU CỦA TỪNG CƠ SỞ")
	d.wardsTable(&c.Consolidation)
	d.para("Ghi chú: “—”: cơ sở chưa có số liệu để tính chỉ tiêu; tỷ lệ (%) của dòng tổng cộng tính trên tổng tử số và tổng mẫu số của các cơ sở; chỉ tiêu đạt / chưa đạt ghi số cơ sở đạt.",
		"I", d.set.TableSize, 0, "J")

	d.heading("III/. KẾT QUẢ CHUNG SO VỚI CHỈ TIÊU KẾ HOẠCH")
	d.paragraph(resultsSummary(c.Plan, c.Total, fmt.Sprintf("năm %d của toàn đơn vị", c.Year)))
	d.resultTable(c.Total)

	d.lastParagraph(&c.Meta, false, fmt.Sprintf("Trên đây là báo cáo tổng hợp kết quả thực hiện Kế hoạch số %s năm %d của các cơ sở Đoàn trực thuộc %s./.",
		nfc(c.Plan.Number), c.Year, unit), "", d.set.FirstLineIndent, "J")
	d.closing(&c.Meta, false)
	return d.finish(w)
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
	row := func(style, n, name string, rs []domain.Result) {
		cells = append(cells[:0], n, name)
		for i := range c.Plan.Indicators {
			v := "—"
			if i < len(rs) && rs[i].Known {
				v = yearCell(rs[i])
			}
			cells = append(cells, v)
		}
		t.row(style, cells...)
	}
	for i, wr := range c.Wards {
		row("", strconv.Itoa(i+1), WardName(wr.Ward), wr.Results)
	}
	// The total: a yes/no target counts the wards meeting it.
	cells = append(cells[:0], "", "Tổng cộng")
	for _, r := range c.Total {
		v := "—"
		switch {
		case r.Indicator.Kind == domain.KindCheck && r.Known:
			v = fmt.Sprintf("%s/%d", domain.FormatNum(r.Actual), len(c.Wards))
		case r.Known:
			v = yearCell(r)
		}
		cells = append(cells, v)
	}
	t.row("B", cells...)
}

// ConsolidatedRecipients are the usual recipients of an upper level's
// report: its own upper body, and the grassroots Unions it sums up.
func ConsolidatedRecipients(u domain.Unit) []string {
	var r []string
	if u.UpperBody != "" {
		r = append(r, "Ban Thường vụ "+titleCase(u.UpperBody))
	}
	return append(r, "Các cơ sở Đoàn trực thuộc")
}
