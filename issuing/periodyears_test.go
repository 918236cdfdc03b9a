package issuing

import (
	"context"
	"strings"
	"testing"
)

// The period report judges a yearly target by the years it was met in
// ("đạt 1/2 năm"), never by the last year's value. Fixture ward, plan
// 2024–2028, cut off on 31/12/2025: two years over.
func TestPeriodCountsYearsMet(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	p, err := Issue(ctx, w.st, Request{Kind: Period, Date: d(2026, 1, 10), Cutoff: d(2025, 12, 31), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, p.Path)
	inOrder(t, "period", text,
		// The model "Ngày thứ Bảy pháp luật", running since 06/01/2024:
		// both years.
		"2.1a Có mô hình tuyên truyền, giáo dục đạo đức, truyền thống, lối sống, ý thức chấp hành pháp luật Có Có Có đạt 2/2 năm Đạt",
		// Ticked by hand for 2025 only: met 1 of the 2 years, so not met,
		// where the last year's "Có" made it "Đạt" before.
		"2.1b Có trang mạng xã hội để tuyên truyền, nắm bắt tâm tư đoàn viên thanh niên Có Chưa Có đạt 1/2 năm Chưa đạt",
		// One economic club open in 2024 and in 2025.
		"2.2a Củng cố, duy trì CLB Thanh niên làm kinh tế 1 1 1 đạt 2/2 năm Đạt",
		// Models supported: none in 2024; Bờ Sen (20/03) and the household
		// model (15/08) in 2025.
		"1 0 2 đạt 1/2 năm Chưa đạt",
		// 2024: Bờ Sen and Rạch Mẫu reported revenue (2); 2025: 2.
		"2.2c Có mô hình tổ hợp tác hoạt động theo quy định 1 2 2 đạt 2/2 năm Đạt",
		// No assessment in 2024; 2/3 in 2025: neither year at 100 %.
		"2.3 Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí 100% — 66,7% đạt 0/2 năm Chưa đạt",
		// Officers in office on 31/12: S1 S2 E1 in 2024, none trained
		// that year (0 %); S2 D2 E1 in 2025, D2 without theory (2/3).
		"100% 0% 66,7% đạt 0/2 năm Chưa đạt",
		// S2 and E1 fluent: 2/3 in both years, over 15 %.
		"2.4b Cán bộ Đoàn giao tiếp thông thạo 01 ngoại ngữ 15% 66,7% 66,7% đạt 2/2 năm Đạt",
		// Period targets keep their running total.
		"2.5a Phát triển đoàn viên mới (cả giai đoạn) 20 (cả giai đoạn) 4 4 8 8/20 (40%), đúng tiến độ",
		// No branch rated in 2024; 3/5 in 2025 below 80 %: the cell was
		// "60%" (the last year's) before.
		"2.6 Cơ sở Đoàn, chi đoàn xếp loại từ khá trở lên 80% — 60% đạt 0/2 năm Chưa đạt",
		"2.8 Cán bộ, đoàn viên mặc áo thanh niên và đeo huy hiệu Đoàn theo quy định Có — Chưa đạt 0/2 năm Chưa đạt",
		// The draft's sentences say the years too.
		"2/. Hạn chế", "cơ sở Đoàn, chi đoàn xếp loại từ khá trở lên: đạt 0/2 năm")
	if strings.Contains(text, "xếp loại từ khá trở lên: 60% (chỉ tiêu 80%)") {
		t.Error("the period's assessment cites the last year's 2.6 as the period's")
	}
}
