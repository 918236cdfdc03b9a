package report

import (
	"io"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
)

// TestConsolidatedThroughPoppler prints a consolidation of two wards
// whose figures are set by hand and reads them back: each ward's row, the
// total row and the total against the plan, issued by the upper body.
func TestConsolidatedThroughPoppler(t *testing.T) {
	plan := domain.Plan{Number: "105-KH/TĐTN", Issued: domain.MustDate(2023, 3, 15), Issuer: "Ban Thường vụ Tỉnh Đoàn Đồng Tháp",
		Title: "Đổi mới nội dung hoạt động của Đoàn các cấp", Indicators: []domain.Indicator{
			{Code: "2.1a", Section: "2.1", Title: "Có mô hình tuyên truyền", Kind: domain.KindCheck, Metric: domain.MetricManual, Target: 1},
			{Code: "2.3", Section: "2.3", Title: "Chi đoàn khóm, ấp đạt chuẩn", Kind: domain.KindPercent, Metric: domain.MetricHamletStandardPct, Target: 100},
			{Code: "2.5a", Section: "2.5", Title: "Phát triển đoàn viên mới (cả giai đoạn)", Kind: domain.KindCount, Target: 7500, Period: true},
		}}
	in := plan.Indicators
	res := func(i int, actual float64, num, den int) domain.Result {
		return domain.Result{Indicator: in[i], Actual: actual, Known: true, Num: num, Den: den}
	}
	made := time.Date(2025, 12, 10, 3, 0, 0, 0, time.UTC)
	c := &Consolidated{
		Meta: Meta{Unit: domain.Unit{UpperBody: "TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH", Name: "BCH TỈNH ĐOÀN ĐỒNG THÁP", Place: "Đồng Tháp", IssuerCode: "TĐTN"},
			Number: 7, Date: domain.MustDate(2025, 12, 15), Recipients: ConsolidatedRecipients(domain.Unit{Name: "BCH TỈNH ĐOÀN ĐỒNG THÁP", UpperBody: "TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH"}),
			Signer: domain.Signer{Name: "Phan Văn Thắng"}},
		Consolidation: domain.Consolidation{Year: 2025, Cutoff: domain.MustDate(2025, 12, 15), Plan: plan,
			Wards: []domain.WardResults{
				// Members: 1.240 in the package today, 1.234 on the cut-off.
				{Ward: domain.Ward{Unit: "BCH ĐOÀN PHƯỜNG AN HÒA", Made: made, Members: 1240}, Members: 1234, Federation: 700,
					Results: []domain.Result{res(0, 1, 0, 0), res(1, 75, 3, 4), res(2, 31, 0, 0)}},
				{Ward: domain.Ward{Unit: "BCH ĐOÀN XÃ TÂN KHÁNH ĐÔNG", Made: made, Members: 570}, Members: 567, Federation: 300,
					Missing: []string{"chưa nhập kế hoạch của đơn vị"},
					Results: []domain.Result{res(0, 0, 0, 0), {Indicator: in[1], Detail: "chưa có tiêu chí"}, res(2, 52, 0, 0)}},
			},
			// By hand: 1 of 2 wards has the model; 2.3 is each ward's:
			// 75% misses 100% and the second has no figures, 0 of 2
			// wards; 31 + 52 new members.
			Total: []domain.Result{
				{Indicator: in[0], Actual: 1, Known: true, Num: 1, Den: 2, Detail: "1/2 cơ sở", Verdict: domain.Verdict{Code: domain.VerdictNotMet}},
				{Indicator: in[1], Actual: 0, Known: true, Num: 0, Den: 2, Detail: "0/2 cơ sở; 1 cơ sở chưa có số liệu", Verdict: domain.Verdict{Code: domain.VerdictNotMet}},
				{Indicator: in[2], Actual: 83, Cumulative: 410, Known: true, Detail: "83",
					Verdict: domain.JudgePeriod(in[2], 410, 0.5)},
			}},
	}
	path := pdfFile(t, "consolidated", func(w io.Writer) error { return WriteConsolidated(w, c) })
	text := rawText(t, path)
	for _, want := range []string{
		"TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH", "BCH TỈNH ĐOÀN ĐỒNG THÁP", "Số: 7-BC/TĐTN", "Đồng Tháp, ngày 15 tháng 12 năm 2025",
		"Tổng hợp kết quả thực hiện Kế hoạch số 105-KH/TĐTN năm 2025 của các cơ sở Đoàn",
		"Căn cứ Kế hoạch số 105-KH/TĐTN, ngày 15/03/2023 của Ban Thường vụ Tỉnh Đoàn Đồng Tháp về đổi mới nội dung hoạt động của Đoàn các cấp; căn cứ số liệu",
		"của 2 cơ sở Đoàn trực thuộc gửi về, Ban Thường vụ Tỉnh Đoàn Đồng Tháp",
		"Đoàn viên đến ngày 15/12/2025",
		"1 Đoàn phường An Hòa " + domain.FormatTime(made) + " 1.234 700",
		"2 Đoàn xã Tân Khánh Đông " + domain.FormatTime(made) + " 567 300",
		"Cộng 1.801 1.000",
		"1 Đoàn phường An Hòa Có 75% 31",
		"2 Đoàn xã Tân Khánh Đông Chưa — 52",
		"Tổng cộng 1/2 0/2 83",
		"Đoàn xã Tân Khánh Đông: chưa nhập kế hoạch của đơn vị.",
		"2.1a Có mô hình tuyên truyền 100% cơ sở 1/2 cơ sở Chưa đạt",
		"2.3 Chi đoàn khóm, ấp đạt chuẩn 100% cơ sở (100%) 0/2 cơ sở; 1 cơ sở chưa có số liệu Chưa đạt",
		"Lũy kế 410/7.500 (5,5%), chậm tiến độ",
		"TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Phan Văn Thắng", "- Ban Thường vụ Trung ương Đoàn;", "- Thường trực Tỉnh ủy;", "- Lưu VP.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	if info := poppler(t, "pdfinfo", path); !strings.Contains(info, "841.89 x 595.28") {
		t.Errorf("not landscape A4:\n%s", info)
	}
}
