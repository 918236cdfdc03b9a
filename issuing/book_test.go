package issuing

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/internal/testtool"
)

// TestBranchBookSections prints Chi đoàn Khóm 1's book for 2025 from the
// fixture ward, with what this test adds, and reads every section back.
// The recount, by hand, of the branch's year (people in the fixture:
// S1 Trần Minh Quân, E1 Võ Thị Mai Anh, M1 Nguyễn Văn Bình, P2 Lâm Văn
// Lực, A2 Vũ Văn Phát, C1 Tạ Văn Vinh, I1 Hà Thị Xuân):
//
//  1. members on 31/12/2025: S1, E1, M1, A2, I1 (P2 left on 10/11, C1
//     came of age on 15/03) = 5, men S1 M1 A2 = 3, women E1 I1 = 2; by
//     tên: Anh, Bình, Phát, Quân, Xuân;
//  2. introduced to their residence: S1 01/09/2024–31/05/2025 (Đoàn
//     phường Hòa Khánh), E1 from 01/10/2025 with letter 4-GGT/ĐTN (her
//     end on 05/01/2026 comes after the cut-off: printed without it);
//     M1's record from 02/01/2026 is past the year = 2;
//  3. received: Lê Thị Tâm (10/10/2003, from Đoàn xã Tân Phú)
//     01/03/2025–30/11/2025; Đỗ Văn Hải from 05/01/2026 is past the
//     year = 1;
//  4. dues: M1 paid 12 × 2.000 = 24.000 on 15/01, E1 3 × 5.000 = 15.000
//     for 01–03: January 7.000, the year 39.000;
//  5. cash: 50.000 brought from 2024; +100.000 on 01/03 (150.000),
//     −30.000 on 20/03 (120.000); the year 100.000 in, 30.000 out;
//  6. transfers out: P2 on 10/11 to Đoàn phường An Hòa = 1;
//  7. admitted or arrived: A2 admitted 19/05 (decision 2-QĐ/ĐTN of
//     19/05, which took his admission), I1 arrived 07/07 from Đoàn xã Mỹ
//     Sen = 2;
//  8. came of age: C1 on 15/03 (decision 1-QĐ/ĐTN of 20/03) = 1;
//  9. removals: none in 2025;
//  10. cards: A2 on 01/06, I1 on 01/08 = 2;
//  11. ratings: S1 excellent, E1 good, M1 good, A2 done, I1 unrated:
//     1 / 2 / 1 / 0, 1 unrated;
//  12. meetings: 15/04 regular (S1, E1 present; M1 away, P2 away with
//     leave: 2/4), 10/09 thematic (all six then in the branch: 6/6);
//  13. minutes: the meeting of 15/04 only (that of 10/09 has none).
func TestBranchBookSections(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	w.on(d(2026, 1, 10))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st, p := w.st, w.people
	b1 := w.branch["B1"]
	must(st.AddEvent(ctx, &domain.Event{PersonID: p["P2"].ID, Kind: domain.EventTransferOut, Date: d(2025, 11, 10),
		Unit: "Đoàn phường An Hòa", Reason: "chuyển nơi ở"}))
	for _, q := range []DecisionRequest{
		{Decision: domain.Decision{Kind: domain.DecisionMaturity, Date: d(2025, 3, 20), People: []domain.DecisionPerson{{PersonID: p["C1"].ID}}}},
		{Decision: domain.Decision{Kind: domain.DecisionAdmission, Date: d(2025, 5, 19), People: []domain.DecisionPerson{{PersonID: p["A2"].ID}}}},
	} {
		q.Dir = w.dir
		_, _, err := IssueDecision(ctx, st, q)
		must(err)
	}
	for key, c := range map[string]struct {
		card string
		on   domain.Date
	}{"A2": {"0871999001", d(2025, 6, 1)}, "I1": {"0871999002", d(2025, 8, 1)}} {
		q, err := st.Person(ctx, p[key].ID)
		must(err)
		q.CardNumber, q.CardDate = c.card, c.on
		must(st.SavePerson(ctx, &q))
	}
	jan := domain.Month{Year: 2025, Month: 1}
	var year []domain.Month
	var twos []int64
	for i := range 12 {
		year, twos = append(year, jan.Add(i)), append(twos, 2000)
	}
	must(st.PayDues(ctx, &domain.DuesPayment{PersonID: p["M1"].ID, Date: d(2025, 1, 15), Months: year, Amounts: twos}))
	must(st.PayDues(ctx, &domain.DuesPayment{PersonID: p["E1"].ID, Date: d(2025, 3, 10), Months: year[:3], Amounts: []int64{5000, 5000, 5000}}))
	for _, e := range []domain.CashEntry{
		{Date: d(2024, 12, 1), Content: "Quỹ năm trước", Receipt: 50000},
		{Date: d(2025, 3, 1), Content: "Đoàn viên đóng góp quỹ chi đoàn", Receipt: 100000},
		{Date: d(2025, 3, 20), Content: "Mua văn phòng phẩm", Spending: 30000},
	} {
		e.BranchID = b1
		must(st.SaveCashEntry(ctx, &e))
	}
	must(st.SaveRatingsOn(ctx, 2025, d(2025, 12, 20), map[int64]domain.Rating{
		p["S1"].ID: "excellent", p["E1"].ID: "good", p["M1"].ID: "good", p["A2"].ID: "done"}))

	present := func(keys ...string) []domain.Attendance {
		var out []domain.Attendance
		for _, k := range keys {
			out = append(out, domain.Attendance{PersonID: p[k].ID, Status: domain.Present})
		}
		return out
	}
	must(st.SaveMeeting(ctx, &domain.Meeting{BranchID: b1, Date: d(2025, 4, 15), Kind: domain.MeetingRegular, Theme: "Tháng Hòa bình, hữu nghị",
		Minutes: "Chi đoàn phổ biến chủ điểm tháng và phân công trực cờ.", Resolution: "Hoàn thành công trình cột cờ trong tháng 5.",
		Attendance: append(present("S1", "E1"), domain.Attendance{PersonID: p["M1"].ID, Status: domain.Absent},
			domain.Attendance{PersonID: p["P2"].ID, Status: domain.Excused})}))
	must(st.SaveMeeting(ctx, &domain.Meeting{BranchID: b1, Date: d(2025, 9, 10), Kind: domain.MeetingThematic, Theme: "An toàn giao thông",
		Attendance: present("S1", "E1", "M1", "P2", "A2", "I1")}))

	for _, r := range []domain.Residence{
		{Kind: domain.ResidenceOut, PersonID: p["S1"].ID, Place: "Đoàn phường Hòa Khánh", From: d(2024, 9, 1), To: d(2025, 5, 31)},
		{Kind: domain.ResidenceOut, PersonID: p["E1"].ID, Place: "Đoàn phường An Khánh", From: d(2025, 10, 1), To: d(2026, 1, 5),
			LetterNumber: "4-GGT/ĐTN", LetterDate: d(2025, 9, 25), Note: "làm việc tại khu công nghiệp"},
		{Kind: domain.ResidenceOut, PersonID: p["M1"].ID, Place: "Đoàn xã Mỹ An", From: d(2026, 1, 2)},
		{Kind: domain.ResidenceIn, BranchID: b1, FamilyName: "Lê", MiddleName: "Thị", GivenName: "Tâm", Gender: domain.Female,
			BirthDate: d(2003, 10, 10), Place: "Đoàn xã Tân Phú", From: d(2025, 3, 1), To: d(2025, 11, 30)},
		{Kind: domain.ResidenceIn, BranchID: b1, FamilyName: "Đỗ", MiddleName: "Văn", GivenName: "Hải", Gender: domain.Male,
			BirthDate: d(2001, 1, 1), Place: "Đoàn xã Tân Phú", From: d(2026, 1, 5)},
	} {
		must(st.SaveResidence(ctx, &r))
	}

	path, err := IssueBook(ctx, st, BookRequest{BranchID: b1, Year: 2025, Dir: w.dir})
	must(err)
	text := pdfText(t, path)
	inOrder(t, "book", text,
		"SỔ CHI ĐOÀN", "CHI ĐOÀN KHÓM 1", "Năm 2025",
		"1. DANH SÁCH ĐOÀN VIÊN", "Võ Thị Mai Anh", "Nguyễn Văn Bình", "Vũ Văn Phát", "Trần Minh Quân", "Hà Thị Xuân",
		"Tổng cộng: 5 đoàn viên (Nam: 3, Nữ: 2)",
		"2. GIỚI THIỆU ĐOÀN VIÊN SINH HOẠT TẠI NƠI CƯ TRÚ",
		"Trần Minh Quân 10/04/1996 Đoàn phường Hòa Khánh 01/09/2024 31/05/2025",
		"Võ Thị Mai Anh 05/05/1999 Đoàn phường An Khánh 01/10/2025", "Giấy GT số 4-GGT/ĐTN ngày 25/09/2025", "Cộng: 2 đoàn viên.",
		"3. TIẾP NHẬN ĐOÀN VIÊN ĐẾN SINH HOẠT TẠI NƠI CƯ TRÚ",
		"Lê Thị Tâm 10/10/2003 Đoàn xã Tân Phú 01/03/2025 30/11/2025", "Cộng: 1 đoàn viên.",
		"4. THEO DÕI THU ĐOÀN PHÍ", "Võ Thị Mai Anh 5.000 5.000 5.000", "15.000",
		"Nguyễn Văn Bình 2.000 2.000 2.000 2.000 2.000 2.000 2.000 2.000 2.000 2.000 2.000 2.000 24.000",
		"Cộng 7.000 7.000 7.000 2.000", "39.000",
		"5. THEO DÕI THU, CHI", "Số dư đầu kỳ 50.000", "01/03/2025 Đoàn viên đóng góp quỹ chi đoàn 100.000 150.000",
		"20/03/2025 Mua văn phòng phẩm 30.000 120.000", "Cộng trong năm 100.000 30.000 120.000",
		"6. ĐOÀN VIÊN CHUYỂN ĐI", "Lâm Văn Lực 11/02/2006 10/11/2025 Đoàn phường An Hòa chuyển nơi ở", "Cộng: 1 đoàn viên.",
		"7. ĐOÀN VIÊN MỚI KẾT NẠP VÀ CHUYỂN SINH HOẠT ĐẾN", "Vũ Văn Phát 21/02/2008 Kết nạp 19/05/2025 2-QĐ/ĐTN ngày 19/05/2025 0871999001",
		"Hà Thị Xuân 08/08/2000 Chuyển đến 07/07/2025 Đoàn xã Mỹ Sen 0871999002", "Cộng: 2 đoàn viên.",
		"8. TRƯỞNG THÀNH ĐOÀN", "Tạ Văn Vinh 01/03/1994 26/03/2010 15/03/2025 1-QĐ/ĐTN ngày 20/03/2025", "Cộng: 1 đoàn viên.",
		"9. XÓA TÊN", "Không có đoàn viên bị xóa tên trong năm 2025.",
		"10. TRAO THẺ ĐOÀN VIÊN", "Vũ Văn Phát 21/02/2008 19/05/2025 0871999001 01/06/2025",
		"Hà Thị Xuân 08/08/2000 26/03/2019 0871999002 01/08/2025", "Cộng: 2 đoàn viên được trao thẻ.",
		"11. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH RÈN LUYỆN ĐOÀN VIÊN", "Võ Thị Mai Anh", "Hoàn thành tốt nhiệm vụ 20/12/2025",
		"Hà Thị Xuân", "Chưa xếp loại",
		"Tổng hợp: Hoàn thành xuất sắc nhiệm vụ: 1; Hoàn thành tốt nhiệm vụ: 2; Hoàn thành nhiệm vụ: 1; Không hoàn thành nhiệm vụ: 0; chưa xếp loại: 1.",
		"12. THEO DÕI SINH HOẠT CHI ĐOÀN", "15/04/2025", "2/4", "Nguyễn Văn Bình, Lâm Văn Lực (có phép)", "10/09/2025", "An toàn giao thông", "6/6",
		"13. BIÊN BẢN SINH HOẠT CHI ĐOÀN", "Sinh hoạt định kỳ ngày 15/04/2025: Tháng Hòa bình, hữu nghị", "Có mặt 2/4 đoàn viên.",
		"Chi đoàn phổ biến chủ điểm tháng và phân công trực cờ.", "Nghị quyết: Hoàn thành công trình cột cờ trong tháng 5.")
	if strings.Contains(text, "ngày 10/09/2025:") || strings.Contains(text, "chưa ghi trong sổ") {
		t.Errorf("minutes of a meeting without any, or a section 'chưa ghi trong sổ'")
	}
	// The residence tables show nothing past the cut-off: E1's end of
	// 05/01/2026, M1's and Đỗ Văn Hải's records of 2026.
	residence := text[strings.Index(text, "2. GIỚI THIỆU"):strings.Index(text, "4. THEO DÕI THU ĐOÀN PHÍ")]
	for _, later := range []string{"05/01/2026", "Đoàn xã Mỹ An", "Đỗ Văn Hải", "02/01/2026"} {
		if strings.Contains(residence, later) {
			t.Errorf("the residence tables of 2025 print %q, of 2026", later)
		}
	}
	// Every section under the branch's header.
	if n := strings.Count(text, "SỔ CHI ĐOÀN NĂM 2025"); n < 13 {
		t.Errorf("the branch's header on %d pages, want one a section (13) at least", n)
	}
	// Portrait but for the grids: the member list (its eleven columns
	// need about 185 mm at 10,5 pt, a portrait page has 160), the dues
	// ledger (twelve months) and the meetings' tracking. The sections
	// with one line (2, 3: not kept; 9: no removal) portrait.
	checkBookPages(t, "book", path, "CHI ĐOÀN KHÓM 1", map[int]bool{1: true, 4: true, 12: true})
	// Who left before the year's end is not in the list of members.
	list := text[strings.Index(text, "1. DANH SÁCH ĐOÀN VIÊN"):strings.Index(text, "2. GIỚI THIỆU")]
	for _, gone := range []string{"Lâm Văn Lực", "Tạ Văn Vinh"} {
		if strings.Contains(list, gone) {
			t.Errorf("%s, gone by 31/12/2025, is in the book's member list", gone)
		}
	}
}

// TestBlankBook: the sổ trắng has the cover and the thirteen sections,
// each on a page of its own with ruled, numbered rows, and nothing from
// the register.
func TestBlankBook(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	w.on(d(2026, 1, 10))
	path, err := IssueBook(ctx, w.st, BookRequest{Year: 2026, Blank: true, Path: filepath.Join(w.dir, "trang.pdf")})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path)
	parts := []string{"SỔ CHI ĐOÀN", "Năm 2026"}
	for i, s := range []string{"DANH SÁCH ĐOÀN VIÊN", "GIỚI THIỆU ĐOÀN VIÊN", "TIẾP NHẬN ĐOÀN VIÊN", "THEO DÕI THU ĐOÀN PHÍ",
		"THEO DÕI THU, CHI", "ĐOÀN VIÊN CHUYỂN ĐI", "ĐOÀN VIÊN MỚI KẾT NẠP", "TRƯỞNG THÀNH ĐOÀN", "XÓA TÊN", "TRAO THẺ ĐOÀN VIÊN",
		"KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH", "THEO DÕI SINH HOẠT CHI ĐOÀN", "BIÊN BẢN SINH HOẠT CHI ĐOÀN"} {
		parts = append(parts, strconv.Itoa(i+1)+". "+s)
	}
	inOrder(t, "blank book", text, parts...)
	for _, no := range []string{w.people["S1"].FullName(), "chưa ghi trong sổ", "Không có", "Tổng cộng"} {
		if strings.Contains(text, no) {
			t.Errorf("the blank book prints %q", no)
		}
	}
	// Numbered rows to fill: the member list's page runs to row 15 at
	// least.
	if !strings.Contains(text, " 14 15 ") && !strings.Contains(text, "14 15") {
		t.Errorf("the blank member list has no numbered rows: %.300s", text)
	}
	testtool.Need(t, "pdfinfo")
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	// The cover and one page a section.
	if !strings.Contains(string(info), "Pages:           14") {
		t.Errorf("pdfinfo: %s", info)
	}
	checkBookPages(t, "blank book", path, "CHI ĐOÀN ....", map[int]bool{1: true, 4: true, 12: true})
}
