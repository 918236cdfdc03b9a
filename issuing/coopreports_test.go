package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// A group reports its results twice a year: the 6-month report reissued
// after the year-end report still prints the June figures, the annual
// report the year-end ones, whatever order the reports were entered in.
func TestCoopReportsTwiceAYear(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	coops, err := w.st.Coops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id := map[string]int64{}
	for _, c := range coops {
		id[c.Name] = c.ID
	}
	boSen, rachMau := id["Tổ hợp tác hoa kiểng Bờ Sen"], id["Tổ hợp tác cá Rạch Mẫu"]
	// The fixture has Bờ Sen's 28/06 report (120.000.000, 5.000.000 a
	// month) and Rạch Mẫu's 15/10 one (30.000.000). Added now: Bờ Sen's
	// year-end report, and Rạch Mẫu's June report entered late.
	for _, y := range []domain.CoopYear{
		{CoopID: boSen, Year: 2025, Revenue: 260000000, AvgIncome: 5500000, Support: "Hỗ trợ kỹ thuật", SupportedModel: true, Reported: d(2025, 12, 31)},
		{CoopID: rachMau, Year: 2025, Revenue: 12000000, Reported: d(2025, 6, 30)},
	} {
		if err := w.st.SaveCoopYear(ctx, y); err != nil {
			t.Fatal(err)
		}
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }

	h, err := Issue(ctx, w.st, Request{Kind: HalfYear, Year: 2025, Date: d(2025, 7, 10), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	// As of 30/06: Bờ Sen 120.000.000 (28/06), Rạch Mẫu 12.000.000
	// (30/06, no income given: 0); total 132.000.000; capital 100.000.000 + 0. Both have
	// revenue reported by 30/06: 2.2c counts 2 groups (1 before).
	contains(t, "6 tháng", norm(pdfText(t, h.Path)),
		"Tổ hợp tác hoa kiểng Bờ Sen Hoa kiểng 2 100.000.000 120.000.000 5.000.000",
		"Tổ hợp tác cá Rạch Mẫu Thủy sản 0 0 12.000.000 0",
		"Cộng 100.000.000 132.000.000",
		"2.2c Có mô hình tổ hợp tác hoạt động theo quy định 1 2 tổ hợp tác Đạt")

	a, err := Issue(ctx, w.st, Request{Kind: Annual, Year: 2025, Date: d(2025, 12, 31), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	// As of 31/12: Bờ Sen 260.000.000, 5.500.000; Rạch Mẫu 30.000.000
	// (15/10, later than its June report); total 290.000.000.
	text := norm(pdfText(t, a.Path))
	contains(t, "annual", text,
		"Tổ hợp tác hoa kiểng Bờ Sen Hoa kiểng 2 100.000.000 260.000.000 5.500.000",
		"Tổ hợp tác cá Rạch Mẫu Thủy sản 0 0 30.000.000 0",
		"Cộng 100.000.000 290.000.000")
	if strings.Contains(text, "132.000.000") || strings.Contains(text, "12.000.000 0") {
		t.Error("the annual report prints the June figures")
	}

	// The screens read the year's latest report of each group.
	for _, c := range []struct {
		id      int64
		revenue int64
		on      domain.Date
	}{{boSen, 260000000, d(2025, 12, 31)}, {rachMau, 30000000, d(2025, 10, 15)}} {
		cy, err := w.st.CoopYear(ctx, c.id, 2025)
		if err != nil {
			t.Fatal(err)
		}
		if cy.Revenue != c.revenue || cy.Reported != c.on {
			t.Errorf("group %d: %d on %s, want %d on %s", c.id, cy.Revenue, cy.Reported, c.revenue, c.on)
		}
	}
}
