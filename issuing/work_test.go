package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// workWard is the fixture ward of Hòa Mẫu (buildWard: admissions,
// transfers, coming of age and a removal dated on both sides of 31/03 and
// 30/06/2025) with what the statistics appendix counts besides: dân tộc,
// tôn giáo, học vấn and member ratings of 2025 decided on both sides of
// 30/06.
//
// The movements of 2025 (buildWard): C1 came of age 15/03; A1 admitted
// 26/03; F1 joined the Hội 01/02; T1 transferred out 10/04; A2 admitted
// 19/05; I1 transferred in 07/07; A3 admitted 02/09; F2 joined the Hội
// 15/08; R1 removed 05/10; A4 admitted 20/11.
func workWard(t *testing.T) *ward {
	t.Helper()
	ctx := context.Background()
	w := buildWard(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for key, set := range map[string]func(p *domain.Person){
		"M4": func(p *domain.Person) { p.Ethnicity = "Khmer" },
		"P1": func(p *domain.Person) { p.Ethnicity = "Khmer" },
		"M5": func(p *domain.Person) { p.Ethnicity = "Hoa" },
		"A3": func(p *domain.Person) { p.Ethnicity = "Hoa" },
		"M2": func(p *domain.Person) { p.Religion, p.Schooling = "Phật giáo", 12 },
		"P3": func(p *domain.Person) { p.Religion = "Phật giáo" },
		"R1": func(p *domain.Person) { p.Religion = "Công giáo" },
		"A4": func(p *domain.Person) { p.Religion = "Công giáo" },
		"M1": func(p *domain.Person) { p.Schooling = 9 },
		"M3": func(p *domain.Person) { p.Schooling = 5 },
	} {
		p, err := w.st.Person(ctx, w.people[key].ID)
		must(err)
		set(&p)
		must(w.st.SavePerson(ctx, &p))
	}
	// Ratings of 2025: M4 "good" decided 25/06; P2 and A3 "excellent",
	// P1 "done", M6 "not done", all decided 20/12.
	for key, r := range map[string]domain.MemberYear{
		"M4": {Rating: "good", Rated: d(2025, 6, 25)},
		"P2": {Rating: "excellent", Rated: d(2025, 12, 20)},
		"A3": {Rating: "excellent", Rated: d(2025, 12, 20)},
		"P1": {Rating: "done", Rated: d(2025, 12, 20)},
		"M6": {Rating: "not_done", Rated: d(2025, 12, 20)},
	} {
		r.PersonID, r.Year = w.people[key].ID, 2025
		must(w.st.SaveMemberYear(ctx, r))
	}

	// Activities of 2025 on both sides of 31/03 and 30/06 (and the
	// fixture's officers' training of 15/03, one course of 4 Union
	// members, and its models: Bờ Sen 20/03, the household 15/08).
	for _, a := range []domain.Activity{
		{Kind: "education", Title: "Học tập Nghị quyết Đại hội Đoàn", Date: d(2025, 3, 20), Ward: true,
			Participants: domain.Participants{Union: 15, Federation: 3, Others: 2}, Measures: map[string]int64{"reached": 120}},
		{Kind: "volunteer", Title: "Ngày Chủ nhật xanh", Date: d(2025, 3, 30), Ward: true,
			Participants: domain.Participants{Union: 10, Federation: 2, Others: 5}, Measures: map[string]int64{"volunteers": 17, "days": 1}},
		{Kind: "inspection", Title: "Kiểm tra sinh hoạt chi đoàn quý I", Date: d(2025, 3, 28), Ward: true,
			Participants: domain.Participants{Union: 4}, Measures: map[string]int64{"units": 2}},
		{Kind: "education", Title: "Sinh hoạt chính trị tháng 4", Date: d(2025, 4, 10), Branches: []int64{w.branch["B1"]},
			Participants: domain.Participants{Union: 8}, Measures: map[string]int64{"reached": 30}},
		// Begun on 25/06: counted in quarter II, though it ran into August.
		{Kind: "volunteer", Title: "Chiến dịch Thanh niên tình nguyện hè", Date: d(2025, 6, 25), End: d(2025, 8, 15), Ward: true,
			Participants: domain.Participants{Union: 12, Federation: 4}, Measures: map[string]int64{"volunteers": 16, "days": 50}},
		{Kind: "blood", Title: "Ngày hội hiến máu", Date: d(2025, 7, 15), Ward: true,
			Participants: domain.Participants{Union: 6, Federation: 1, Others: 3}, Measures: map[string]int64{"units": 10}},
	} {
		must(w.st.SaveActivity(ctx, &a))
	}
	// Meetings: Khóm 1 every month from January to May, then July; its
	// meeting of 15/01 took the roll of four (2 present). Khóm 2 on 20/03,
	// 20/06 and a thematic one on 25/06. The others did not meet.
	b1 := func(day domain.Date) domain.Meeting {
		return domain.Meeting{BranchID: w.branch["B1"], Date: day, Kind: domain.MeetingRegular}
	}
	first := b1(d(2025, 1, 15))
	first.Attendance = []domain.Attendance{{PersonID: w.people["S1"].ID, Status: domain.Present}, {PersonID: w.people["E1"].ID, Status: domain.Present},
		{PersonID: w.people["M1"].ID, Status: domain.Excused}, {PersonID: w.people["P2"].ID, Status: domain.Absent}}
	for _, m := range []domain.Meeting{first, b1(d(2025, 2, 15)), b1(d(2025, 3, 15)), b1(d(2025, 4, 15)), b1(d(2025, 5, 15)), b1(d(2025, 7, 15)),
		{BranchID: w.branch["B2"], Date: d(2025, 3, 20), Kind: domain.MeetingRegular},
		{BranchID: w.branch["B2"], Date: d(2025, 6, 20), Kind: domain.MeetingRegular},
		{BranchID: w.branch["B2"], Date: d(2025, 6, 25), Kind: domain.MeetingThematic},
	} {
		must(w.st.SaveMeeting(ctx, &m))
	}
	return w
}

// TestWorkReports issues the work reports of the first quarter, the
// second quarter, the first half and the year 2025 of the fixture ward
// and checks every figure against a recount by hand.
func TestWorkReports(t *testing.T) {
	ctx := context.Background()
	w := workWard(t)
	issue := func(r Request) (Issued, string) {
		t.Helper()
		r.Kind, r.Year, r.Dir = Work, 2025, w.dir
		out, err := Issue(ctx, w.st, r)
		if err != nil {
			t.Fatal(err)
		}
		return out, pdfText(t, out.Path)
	}

	// Quarter I, issued 05/04/2025: cut off on 31/03.
	q1, text := issue(Request{Quarter: 1, Date: d(2025, 4, 5)})
	if q1.Symbol != "1-BC/ĐTN" || q1.Title != "Báo cáo công tác Đoàn và phong trào thanh niên quý I năm 2025" {
		t.Errorf("quý I: %q %q", q1.Symbol, q1.Title)
	}
	inOrder(t, "quý I", text,
		"Số: 1-BC/ĐTN", "Phường Hòa Mẫu, ngày 05 tháng 4 năm 2025", "BÁO CÁO",
		"Công tác Đoàn và phong trào thanh niên quý I năm 2025",
		"Thực hiện Kế hoạch số 12-KH/ĐTN",
		"Ban Chấp hành Đoàn phường Hòa Mẫu báo cáo kết quả công tác Đoàn và phong trào thanh niên quý I năm 2025 (số liệu tính đến ngày 31/03/2025) như sau:",
		"I/. ĐẶC ĐIỂM TÌNH HÌNH",
		// On 31/03: S1 S2 D2 E1 M1–M6 P1–P4 A1 R1 T1 = 17 (C1 came of
		// age on 15/03); men S1 D2 M1 M3 M5 M6 P2 P4 T1 = 9. Hội: F0a
		// F0b F1 Cao I1 = 5 (men F0b F1 Cao).
		"Tính đến ngày 31/03/2025, Đoàn phường Hòa Mẫu có 5 chi đoàn trực thuộc; 17 đoàn viên (nam: 9, nữ: 8) và 5 hội viên (nam: 3, nữ: 2).",
		"1/. Thuận lợi", "Trong quý I năm 2025, kết nạp 1 đoàn viên mới, phát triển 1 hội viên mới.",
		"II/. KẾT QUẢ THỰC HIỆN", "1/. Công tác giáo dục chính trị tư tưởng",
		// The activities begun by 31/03: the resolution study of 20/03
		// (15 + 3 + 2 people, 120 reached); the green Sunday of 30/03 and
		// the Bờ Sen model of 20/03; the training of 15/03 (4 officers);
		// the inspection of 28/03.
		"Trong quý I năm 2025, tổ chức các hoạt động: tuyên truyền, giáo dục: 1 hoạt động, 20 lượt người tham gia; số người được tuyên truyền 120 người.",
		"Tuyên truyền, giáo dục 1 15 3 2 Số người được tuyên truyền: 120 người",
		"2/. Các phong trào hành động", "Tình nguyện 1 10 2 5 Số tình nguyện viên: 17 người; Số ngày tình nguyện: 1 ngày",
		"Mô hình (chỉ tiêu 2.1, 2.2b) 1 0 0 0",
		"3/. Công tác xây dựng tổ chức Đoàn",
		// A1 admitted; C1 came of age; F1 joined the Hội.
		"Trong quý I năm 2025, kết nạp 1 đoàn viên mới; 1 đoàn viên trưởng thành Đoàn.",
		// M3, admitted to the Party 01/12/2024.
		"Hiện có 1 đoàn viên là đảng viên.",
		"Biến động đoàn viên quý I năm 2025 (từ ngày 01/01/2025 đến ngày 31/03/2025):",
		"Kết nạp mới", "Xóa tên", "Hội viên mới", "1 0 0 1 0 1",
		"Tập huấn cán bộ 1 4 0 0 Số cán bộ được tập huấn: 4 người",
		// Khóm 1 met in January, February and March (the roll of 15/01:
		// 2 present of 4); Khóm 2 on 20/03; the others not at all.
		"Sinh hoạt chi đoàn quý I năm 2025 (đến ngày 31/03/2025):",
		"Chi đoàn Ấp Mỹ 0 0/3 0 Chưa điểm danh", "Chi đoàn Khóm 1 3 3/3 3 50%", "Chi đoàn Khóm 2 1 1/3 1 Chưa điểm danh",
		"Chi đoàn Quân sự phường 0 0/3 0", "Chi đoàn Trường THPT Hòa Mẫu 0 0/3 0", "Cộng 4 4",
		"4/. Công tác Hội", "Tính đến ngày 31/03/2025, có 5 hội viên (nữ: 2); trong quý I năm 2025 phát triển 1 hội viên mới.",
		"Công tác kiểm tra, giám sát", "Kiểm tra, giám sát 1 4 0 0 Số đơn vị được kiểm tra: 2 đơn vị",
		"Kết quả thực hiện các chỉ tiêu của kế hoạch", "kết quả từ đầu năm 2025 đến ngày 31/03/2025:",
		"Còn 4 chi đoàn chưa sinh hoạt đều hằng tháng: Chi đoàn Ấp Mỹ (0/3 tháng); Chi đoàn Khóm 2 (1/3 tháng);",
		"IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2025",
		"Trên đây là báo cáo kết quả công tác Đoàn và phong trào thanh niên quý I năm 2025 của Ban Chấp hành Đoàn phường Hòa Mẫu./.",
		"TM. BAN CHẤP HÀNH", "BÍ THƯ", "Trần Minh Quân",
		"BIỂU THỐNG KÊ", "(Kèm theo Báo cáo số 1-BC/ĐTN ngày 05/04/2025 của Ban Chấp hành Đoàn phường Hòa Mẫu)",
		"Số liệu tính đến ngày 31/03/2025",
		"Tổng số đoàn viên 17 8 100%", "Nam 9 52,9%", "Nữ 8 8 47,1%",
		// Dân tộc: M4 P1 Khmer (women), M5 Hoa; A3 (Hoa) not admitted yet:
		// Kinh 14 (women 8 − 2 = 6). 14/17 = 82,35 %; 2/17 = 11,76 %.
		"Dân tộc", "Kinh 14 6 82,4%", "Khmer 2 2 11,8%", "Hoa 1 0 5,9%",
		// Tôn giáo: M2 P3 Phật giáo, R1 Công giáo (women); A4 not yet.
		"Tôn giáo", "Không 14 5 82,4%", "Phật giáo 2 2 11,8%", "Công giáo 1 1 5,9%",
		// Học vấn: 12/12 S1 S2 D2 E1 M2 (women S2 E1 M2); 9/12 M1; 5/12
		// M3; the 10 others not entered (women 8 − 3 = 5).
		"Trình độ học vấn", "Trung học phổ thông (12/12) 5 3 29,4%", "Trung học cơ sở (9/12 đến 11/12) 1 0 5,9%",
		"Dưới 9/12 1 0 5,9%", "Chưa nhập 10 5 58,8%",
		// Chuyên môn: university S1 S2 E1, college D2.
		"Trình độ chuyên môn", "Chưa qua đào tạo 13 6 76,5%", "Cao đẳng 1 0 5,9%", "Đại học 3 2 17,6%",
		// LLCT: intermediate S1 S2, elementary E1.
		"Trình độ lý luận chính trị", "Chưa qua đào tạo 14 6 82,4%", "Sơ cấp 1 1 5,9%", "Trung cấp 2 1 11,8%",
		"Đảng viên trong độ tuổi Đoàn 1 0 5,9%",
		// No rating of 2025 decided by 31/03.
		"2. Kết quả xếp loại đoàn viên năm 2025 (đã xếp loại đến ngày 31/03/2025):",
		"Hoàn thành xuất sắc nhiệm vụ 0 0 0%", "Chưa xếp loại 17 8 100%", "Cộng 17 8 100%",
		"3. Kết quả xếp loại chi đoàn năm 2025", "Chưa xếp loại 5 100%", "Cộng 5 100%",
		// The committee on 31/03: S1 (secretary, 28), S2 (deputy, 27), E1
		// (member, 25, a woman like S2); (28 + 27 + 25) / 3 = 26,67.
		"4. Cơ cấu Ban Chấp hành Đoàn phường Hòa Mẫu:",
		"Ủy viên Ban Chấp hành 3 2 100%", "Trong đó: Ủy viên Ban Thường vụ 2 66,7%", "Đảng viên 0 0%",
		"Tuổi bình quân 26,7", "Đến 25 tuổi 1 1 33,3%", "Từ 26 đến 30 tuổi 2 1 66,7%",
		"Đại học 3 2 100%", "Sơ cấp 1 1 33,3%", "Trung cấp 2 1 66,7%")
	absent(t, "quý I", text,
		"31/12/2025", "30/06/2025", // no later cut-off
		"Hoa 2", "Trên 30 tuổi", // A3 (Hoa) admitted 02/09; no one over 30
		"chuyển sinh hoạt đi;", "xóa tên 1", "tiếp nhận 1", // T1 left 10/04, R1 removed 05/10, I1 came 07/07
		"Hiến máu", "30 người", "50 ngày", "Chi đoàn Khóm 1 4", "Chi đoàn Khóm 1 5") // July's blood drive, April's and June's activities and meetings

	// The secretary's text of quarter II, saved 01/07 and edited again on
	// 20/07: the report of 05/07 prints the first, the rest drafted.
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	q2 := domain.WorkPeriod{Year: 2025, Quarter: 2}
	must(w.st.SaveNarrativeOn(ctx, q2.NarrativeDoc(), 2025, domain.Narrative{"education": "Tổ chức học tập chuyên đề năm 2025 cho 100% chi đoàn."}, d(2025, 7, 1)))
	must(w.st.SaveNarrativeOn(ctx, q2.NarrativeDoc(), 2025, domain.Narrative{"education": "Bản sửa ngày 20/07."}, d(2025, 7, 20)))
	_, text = issue(Request{Quarter: 2, Date: d(2025, 7, 5)})
	inOrder(t, "quý II", text,
		"Số: 2-BC/ĐTN", "quý II năm 2025 (số liệu tính đến ngày 30/06/2025)",
		// On 30/06: A2 (a man) in, T1 (a man) out: 17 (9 men).
		"Tính đến ngày 30/06/2025, Đoàn phường Hòa Mẫu có 5 chi đoàn trực thuộc; 17 đoàn viên (nam: 9, nữ: 8) và 5 hội viên (nam: 3, nữ: 2).",
		// Biến động: T1 left.
		"Biến động đoàn viên trong quý II năm 2025: 1 đoàn viên chuyển sinh hoạt đi.",
		"Tổ chức học tập chuyên đề năm 2025 cho 100% chi đoàn.",
		// Begun 01/04–30/06: the study of 10/04 in Khóm 1 (8 members, 30
		// reached), the summer campaign begun 25/06.
		"Tuyên truyền, giáo dục 1 8 0 0 Số người được tuyên truyền: 30 người",
		"Tình nguyện 1 12 4 0 Số tình nguyện viên: 16 người; Số ngày tình nguyện: 50 ngày",
		// A2 admitted, T1 out; no one joined the Hội (F2 in August).
		"Trong quý II năm 2025, kết nạp 1 đoàn viên mới; 1 đoàn viên chuyển sinh hoạt đi.",
		// M3, and S1 admitted to the Party 15/06.
		"Hiện có 2 đoàn viên là đảng viên.",
		// Khóm 2 rated good on 25/06 (a page may break the sentence).
		"Kết quả xếp loại chi đoàn năm 2025", "(đến ngày 30/06/2025): 1 hoàn thành tốt nhiệm vụ; 4 chưa xếp loại.",
		// Khóm 1 met in April and May (5 this year, the roll of January
		// still its only one); Khóm 2 twice in June.
		"Trong quý II năm 2025, các chi đoàn tổ chức 4 buổi sinh hoạt; 0/5 chi đoàn sinh hoạt đủ 3 tháng.",
		"(từ ngày 01/04/2025 đến ngày 30/06/2025):", "1 0 1 0 0 0",
		"Chi đoàn Khóm 1 2 2/3 5 50%", "Chi đoàn Khóm 2 2 1/3 3 Chưa điểm danh", "Cộng 4 8",
		// As the annual report cut off on 30/06 (TestAnnualReportAtTwoCutoffs).
		"kết quả từ đầu năm 2025 đến ngày 30/06/2025: đạt 9, đúng tiến độ 1, chậm tiến độ 1, chưa đạt 4.",
		"2.3 Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí 100% 33,3% (1/3 chi đoàn khóm, ấp) Chưa đạt",
		"IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2025",
		"Số liệu tính đến ngày 30/06/2025",
		"Kinh 14 6 82,4%", "Đảng viên trong độ tuổi Đoàn 2 0 11,8%",
		// M4's rating of 25/06 only.
		"Hoàn thành tốt nhiệm vụ 1 1 5,9%", "Chưa xếp loại 16 7 94,1%",
		// Khóm 2 rated good on 25/06.
		"Hoàn thành tốt nhiệm vụ 1 20%", "Chưa xếp loại 4 80%",
		// The committee on 30/06: S1 29 (a Party member since 15/06), S2
		// 27, E1 26: (29 + 27 + 26) / 3 = 27,33.
		"Ủy viên Ban Chấp hành 3 2 100%", "Đảng viên 1 33,3%", "Tuổi bình quân 27,3", "Từ 26 đến 30 tuổi 3 2 100%")
	absent(t, "quý II", text, "Bản sửa ngày 20/07.", "31/12/2025", "Hoàn thành xuất sắc nhiệm vụ 1", "tiếp nhận", "Đến 25 tuổi",
		"120 người", "Hiến máu", "Tập huấn cán bộ 1", "Kiểm tra, giám sát 1", "Mô hình (chỉ tiêu 2.1, 2.2b) 1") // quarter I's and July's

	// The first half, issued 10/07/2025: quarters I and II together.
	h1, text := issue(Request{Half: 1, Date: d(2025, 7, 10)})
	if h1.Symbol != "3-BC/ĐTN" {
		t.Errorf("6 tháng numbered %s", h1.Symbol)
	}
	inOrder(t, "6 tháng", text,
		"Công tác Đoàn và phong trào thanh niên 6 tháng đầu năm 2025", "(số liệu tính đến ngày 30/06/2025)",
		// Quarters I and II together.
		"Tuyên truyền, giáo dục 2 23 3 2 Số người được tuyên truyền: 150 người",
		"Tình nguyện 2 22 6 5 Số tình nguyện viên: 33 người; Số ngày tình nguyện: 51 ngày",
		// A1 A2 admitted, T1 out, C1 of age, F1 in the Hội.
		"Trong 6 tháng đầu năm 2025, kết nạp 2 đoàn viên mới; 1 đoàn viên chuyển sinh hoạt đi; 1 đoàn viên trưởng thành Đoàn.",
		"(từ ngày 01/01/2025 đến ngày 30/06/2025):", "2 0 1 1 0 1",
		"Chi đoàn Khóm 1 5 5/6 5 50%", "Chi đoàn Khóm 2 3 2/6 3", "Cộng 8 8",
		"IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025", "Tổng số đoàn viên 17 8 100%")

	// The year (tổng kết), issued 10/01/2026: cut off on 31/12/2025.
	y, text := issue(Request{Date: d(2026, 1, 10)})
	if y.Symbol != "1-BC/ĐTN" || y.Doc.Year != 2026 {
		t.Errorf("tổng kết numbered %s of %d", y.Symbol, y.Doc.Year)
	}
	inOrder(t, "năm", text,
		"Tổng kết công tác Đoàn và phong trào thanh niên năm 2025", "(số liệu tính đến ngày 31/12/2025)",
		// 19 (10 men) and 6 Hội members (3 men), as the annual report.
		"19 đoàn viên (nam: 10, nữ: 9) và 6 hội viên (nam: 3, nữ: 3).",
		"Tuyên truyền, giáo dục 2 23 3 2 Số người được tuyên truyền: 150 người",
		// The green Sunday and the summer campaign; the blood drive of
		// 15/07; both models (20/03, 15/08).
		"Tình nguyện 2 22 6 5 Số tình nguyện viên: 33 người; Số ngày tình nguyện: 51 ngày",
		"Hiến máu tình nguyện 1 6 1 3 Số đơn vị máu: 10 đơn vị", "Mô hình (chỉ tiêu 2.1, 2.2b) 2 0 0 0",

		"Trong năm 2025, kết nạp 4 đoàn viên mới; tiếp nhận 1 đoàn viên chuyển sinh hoạt đến; 1 đoàn viên chuyển sinh hoạt đi; 1 đoàn viên trưởng thành Đoàn; xóa tên 1 đoàn viên.",
		// M3, S1, M1 (admitted to the Party 10/11).
		"Hiện có 3 đoàn viên là đảng viên.",
		"(từ ngày 01/01/2025 đến ngày 31/12/2025):", "4 1 1 1 1 2",
		"Tập huấn cán bộ 1 4 0 0",
		// Khóm 1: January to May and July; Khóm 2: March and June (twice).
		"Chi đoàn Ấp Mỹ 0 0/12 0", "Chi đoàn Khóm 1 6 6/12 6 50%", "Chi đoàn Khóm 2 3 2/12 3", "Cộng 9 9",
		"có 6 hội viên (nữ: 3); trong năm 2025 phát triển 2 hội viên mới.",
		"Kiểm tra, giám sát 1 4 0 0",
		"kết quả từ đầu năm 2025 đến ngày 31/12/2025: đạt 7, đúng tiến độ 1, chậm tiến độ 1, chưa đạt 6.",
		"IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
		"Tổng số đoàn viên 19 9 100%", "Nam 10 52,6%", "Nữ 9 9 47,4%",
		// Kinh 19 − 4 = 15 (women 9 − 3 = 6); Hoa (M5, A3) and Khmer tie
		// at 2 and follow the alphabet. 15/19 = 78,95 %; 2/19 = 10,53 %.
		"Kinh 15 6 78,9%", "Hoa 2 1 10,5%", "Khmer 2 2 10,5%",
		// R1 removed; A4 (a man) Công giáo.
		"Không 16 7 84,2%", "Phật giáo 2 2 10,5%", "Công giáo 1 0 5,3%",
		"Đảng viên trong độ tuổi Đoàn 3 0 15,8%",
		// Excellent P2 A3 (A3 a woman), good M4, done P1, not done M6;
		// 19 − 5 = 14 not rated (women 9 − 3 = 6).
		"Hoàn thành xuất sắc nhiệm vụ 2 1 10,5%", "Hoàn thành tốt nhiệm vụ 1 1 5,3%", "Hoàn thành nhiệm vụ 1 1 5,3%",
		"Không hoàn thành nhiệm vụ 1 0 5,3%", "Chưa xếp loại 14 6 73,7%", "Cộng 19 9 100%",
		// Khóm 1 excellent, Khóm 2 and the school good, Ấp Mỹ average,
		// the armed branch unrated.
		"Hoàn thành xuất sắc nhiệm vụ 1 20%", "Hoàn thành tốt nhiệm vụ 2 40%", "Hoàn thành nhiệm vụ 1 20%",
		"Không hoàn thành nhiệm vụ 0 0%", "Chưa xếp loại 1 20%", "Cộng 5 100%",
		// The committee on 31/12: S2 28, D2 27, E1 26 (S1 left 31/08):
		// average 27; no Party member.
		"Ủy viên Ban Chấp hành 3 2 100%", "Trong đó: Ủy viên Ban Thường vụ 2 66,7%", "Đảng viên 0 0%",
		"Tuổi bình quân 27", "Từ 26 đến 30 tuổi 3 2 100%",
		"Cao đẳng 1 0 33,3%", "Đại học 2 2 66,7%",
		"Chưa qua đào tạo 1 0 33,3%", "Sơ cấp 1 1 33,3%", "Trung cấp 1 1 33,3%")
}

// TestWorkReportRefusals: a period that does not exist, and a cut-off
// outside the period, are refused naming the field; nothing is numbered.
func TestWorkReportRefusals(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	for _, c := range []struct {
		name string
		req  Request
		want string
	}{
		{"quarter 5", Request{Quarter: 5}, "Quý: 5 không có"},
		{"both", Request{Quarter: 1, Half: 1}, "chọn quý hoặc 6 tháng"},
		{"half 3", Request{Half: 3}, "6 tháng: 3 không có"},
		{"cut-off outside", Request{Quarter: 1, Cutoff: d(2025, 4, 2), Date: d(2025, 4, 5)}, "02/04/2025 ngoài quý I năm 2025 (01/01/2025 – 31/03/2025)"},
		{"too early", Request{Quarter: 3, Date: d(2025, 4, 5)}, "chưa có báo cáo của kỳ này"},
	} {
		c.req.Kind, c.req.Year, c.req.Dir = Work, 2025, w.dir
		if c.req.Date.IsZero() {
			c.req.Date = d(2026, 1, 5)
		}
		_, err := Issue(ctx, w.st, c.req)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	n, err := w.st.NextDocumentNumber(ctx, 2025)
	if err != nil || n != 1 {
		t.Errorf("after refusals the next number is %d (%v)", n, err)
	}
}

// absent checks that none of parts is in text.
func absent(t *testing.T, name, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(text, p) {
			t.Errorf("%s prints %q", name, p)
		}
	}
}

// TestAnnualReportActivities: the annual plan report (and the 6-month
// report) print the activities begun by their cut-off, each kind in the
// section of its field (the activities of workWard, counted there).
func TestAnnualReportActivities(t *testing.T) {
	ctx := context.Background()
	w := workWard(t)
	half, err := Issue(ctx, w.st, Request{Kind: HalfYear, Year: 2025, Date: d(2025, 7, 10), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, half.Path)
	inOrder(t, "6 tháng", text,
		"1/. Công tác tuyên truyền, giáo dục", "Kết quả các hoạt động 6 tháng đầu năm 2025:",
		// 20/03 (15 + 3 + 2, 120 reached) and 10/04 (8, 30 reached).
		"Tuyên truyền, giáo dục 2 23 3 2 Số người được tuyên truyền: 150 người",
		"2/. Các phong trào hành động", "Tình nguyện 2 22 6 5 Số tình nguyện viên: 33 người; Số ngày tình nguyện: 51 ngày",
		"3/. Công tác xây dựng tổ chức Đoàn, Hội", "Tập huấn cán bộ 1 4 0 0 Số cán bộ được tập huấn: 4 người",
		"4/. Công tác kiểm tra, giám sát", "Kiểm tra, giám sát 1 4 0 0 Số đơn vị được kiểm tra: 2 đơn vị",
		"5/. Kết quả thực hiện các chỉ tiêu")
	absent(t, "6 tháng", text, "Hiến máu") // 15/07

	year, err := Issue(ctx, w.st, Request{Kind: Annual, Year: 2025, Date: d(2026, 1, 10), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	inOrder(t, "năm", pdfText(t, year.Path),
		"Kết quả các hoạt động năm 2025:", "Tuyên truyền, giáo dục 2 23 3 2",
		"Hiến máu tình nguyện 1 6 1 3 Số đơn vị máu: 10 đơn vị", "Mô hình (chỉ tiêu 2.1, 2.2b) 2 0 0 0")
}

// TestWorkReportWithoutRecords: a register with no activity and no
// meeting entered says so, and never that the branches did not meet.
func TestWorkReportWithoutRecords(t *testing.T) {
	w := buildWard(t)
	out, err := Issue(context.Background(), w.st, Request{Kind: Work, Year: 2025, Quarter: 2, Date: d(2025, 7, 5), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, out.Path)
	inOrder(t, "no records", text, "1/. Công tác giáo dục chính trị tư tưởng", "Chưa có số liệu hoạt động.",
		"3/. Công tác xây dựng tổ chức Đoàn", "Chưa có số liệu sinh hoạt chi đoàn.")
	absent(t, "no records", text, "chưa sinh hoạt đều", "buổi sinh hoạt", "0/3")
}
