package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// The 6-month report of the fixture ward (facts dated on both sides of
// 30/06/2025, see buildWard), against the annual report of the same
// year: its own title, figures and part IV, and a number of its own.
func TestHalfYearReport(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	// Dated 10/07/2025 with no cut-off: it counts to the half's last day.
	h, err := Issue(ctx, w.st, Request{Kind: HalfYear, Year: 2025, Date: d(2025, 7, 10), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, h.Path)
	inOrder(t, "6 tháng", text,
		"Số: 1-BC/ĐTN", "Phường Hòa Mẫu, ngày 10 tháng 7 năm 2025", "BÁO CÁO",
		"Sơ kết công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm 2025",
		"Thực hiện Kế hoạch số 12-KH/ĐTN, ngày 12/05/2024 của Ban Thường vụ Đoàn phường Hòa Mẫu",
		"báo cáo sơ kết công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm 2025 (số liệu tính đến ngày 30/06/2025) như sau:",
		"I/. ĐẶC ĐIỂM TÌNH HÌNH",
		// The situation of 30/06 (counted in TestAnnualReportAtTwoCutoffs).
		"Tính đến ngày 30/06/2025, Đoàn phường Hòa Mẫu có 5 chi đoàn trực thuộc",
		"17 đoàn viên (nam: 9, nữ: 8) và 5 hội viên (nam: 3, nữ: 2).",
		"Từ ngày 01/01/2025 đến ngày 30/06/2025, kết nạp 2 đoàn viên mới;",
		"II/. KẾT QUẢ THỰC HIỆN",
		"Các tổ hợp tác và kết quả hoạt động 6 tháng đầu năm 2025:",
		// Bờ Sen reported on 28/06; Rạch Mẫu on 15/10: a dash.
		"Tổ hợp tác cá Rạch Mẫu Thủy sản 0 0 — —",
		"Tổ hợp tác hoa kiểng Bờ Sen Hoa kiểng 2 100.000.000 120.000.000 5.000.000", "Cộng 100.000.000 120.000.000",
		// The ward's count of new Party members on 30/06 is 1 (15/06),
		// and S1, admitted on 15/06, is it: 1 trong 1, not the year's 4.
		"1 trong 1 đảng viên mới kết nạp trong 6 tháng đầu năm là đoàn viên do Đoàn giới thiệu (100%).",
		// Met 9, on pace 1, behind 1, not met 4 (as the annual report
		// cut off on 30/06).
		"kết quả 6 tháng đầu năm 2025: đạt 9, đúng tiến độ 1, chậm tiến độ 1, chưa đạt 4.",
		// Khóm 1 assessed 20/06 meets all; Ấp Mỹ (20/06) misses one;
		// Khóm 2 not assessed until 15/12: 1 of 3.
		"2.3 Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí 100% 33,3% (1/3 chi đoàn khóm, ấp) Chưa đạt",
		"70% 100% (1/1 đảng viên mới do Đoàn giới thiệu; đã giới thiệu 2 đoàn viên) Đạt",
		// Only Khóm 2 was rated (good) by 30/06: 1 of 5.
		"80% 20% (1/5 chi đoàn tốt trở lên) Chưa đạt",
		"III/. ĐÁNH GIÁ CHUNG",
		"IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025",
		"Trên đây là báo cáo sơ kết công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm 2025 của Ban Chấp hành Đoàn phường Hòa Mẫu./.",
		"TM. BAN CHẤP HÀNH", "BÍ THƯ", "Trần Minh Quân")
	// The result column says what it counts (pdftotext may break the
	// header cell across lines: its words in order).
	inOrder(t, "6 tháng, result column", text, "Kết quả 6 tháng", "đầu năm 2025", "Đánh giá")
	for _, absent := range []string{
		"NĂM 2026",                // part IV is the second half, not next year
		"tự đánh giá, xếp loại",   // the ward rates itself at the year's end
		"1 trong 4", "30.000.000", // the year-end count, Rạch Mẫu's October revenue
		"Kết quả thực hiện Kế hoạch số 12-KH/ĐTN năm 2025", "kết quả năm 2025",
	} {
		if strings.Contains(text, absent) {
			t.Errorf("6 tháng prints %q", absent)
		}
	}

	// The annual report of the same year is another document: its own
	// number, and the 6-month report keeps its own when issued again.
	a, err := Issue(ctx, w.st, Request{Kind: Annual, Year: 2025, Date: d(2025, 12, 31), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	if a.Symbol == h.Symbol {
		t.Errorf("the annual report and the 6-month report share %s", a.Symbol)
	}
	again, err := Issue(ctx, w.st, Request{Kind: HalfYear, Year: 2025, Date: d(2025, 7, 10), Dir: w.dir, Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	if again.Symbol != h.Symbol {
		t.Errorf("the 6-month report reissued as %s, was %s", again.Symbol, h.Symbol)
	}
	inOrder(t, "annual 31/12", pdfText(t, a.Path), "Kết quả thực hiện Kế hoạch số 12-KH/ĐTN năm 2025",
		"2 trong 4 đảng viên mới kết nạp trong năm", "tự đánh giá, xếp loại năm 2025: hoàn thành tốt nhiệm vụ.",
		"IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026")

	// A cut-off past the first half is refused, naming it.
	_, err = Issue(ctx, w.st, Request{Kind: HalfYear, Year: 2025, Date: d(2025, 7, 10), Cutoff: d(2025, 7, 5), Dir: w.dir})
	if err == nil || !strings.Contains(err.Error(), "ngoài 6 tháng đầu năm công tác 2025 (01/01/2025 – 30/06/2025)") {
		t.Errorf("cut-off 05/07 for the 6-month report: %v", err)
	}
	// Its texts are its own: the annual report's do not print in it.
	// Both written on 05/07/2025, before the report's date.
	w.on(d(2025, 7, 5))
	if err := w.st.SaveNarrative(ctx, domain.NarrativeHalfYear, 2025, domain.Narrative{"directions": "Tổ chức Tháng Thanh niên bù vào quý III."}); err != nil {
		t.Fatal(err)
	}
	if err := w.st.SaveNarrative(ctx, domain.NarrativeAnnual, 2025, domain.Narrative{"situation": "Chỉ trong báo cáo năm."}); err != nil {
		t.Fatal(err)
	}
	w.on(domain.Date{})
	h2, err := Issue(ctx, w.st, Request{Kind: HalfYear, Year: 2025, Date: d(2025, 7, 10), Dir: w.dir, Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, h2.Path)
	inOrder(t, "6 tháng, texts", text, "IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025", "Tổ chức Tháng Thanh niên bù vào quý III.")
	if strings.Contains(text, "Chỉ trong báo cáo năm.") {
		t.Error("the 6-month report prints the annual report's text")
	}
}

// The groups' list reads their results as reported by its date: Rạch
// Mẫu's 2025 results (30 000 000 đồng, reported 15/10) are a dash in
// July, its figures in December.
func TestCoopListAsOfItsDate(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	for _, tt := range []struct {
		date domain.Date
		row  string
	}{
		{d(2025, 7, 10), "Tổ hợp tác cá Rạch Mẫu Thủy sản 10/05/2022 Nghị định 77/2019/NĐ-CP 0 0 — —"},
		{d(2025, 12, 20), "Tổ hợp tác cá Rạch Mẫu Thủy sản 10/05/2022 Nghị định 77/2019/NĐ-CP 0 0 30.000.000 0"},
	} {
		l, err := Issue(ctx, w.st, Request{Kind: Coops, Year: 2025, Date: tt.date, Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		contains(t, "coops "+tt.date.String(), pdfText(t, l.Path), tt.row)
	}
}
