package report

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"sodoan/domain"
)

// fixtureWork is the year's work report (tổng kết 2025) of a ward of
// members Union members, as the register would hand it over: every tally
// scales with members so that the benchmark lays out a ward of 10,000.
func fixtureWork(members int) *Work {
	st := fixtureSituation()
	st.From = domain.MustDate(2025, 1, 1)
	female := members / 2
	st.Union = domain.Tally{Label: "Đoàn viên", Total: members, Male: members - female, Female: female}
	tally := func(label string, share, women int) domain.Tally {
		n := members * share / 100
		return domain.Tally{Code: domain.Fold(label), Label: label, Total: n, Female: n * women / 100, Male: n - n*women/100}
	}
	stats := domain.WorkStats{
		AsOf:          st.AsOf,
		Union:         st.Union,
		Ethnicity:     []domain.Tally{tally("Kinh", 90, 50), tally("Hoa", 6, 50), tally("Khmer", 4, 50)},
		Religion:      []domain.Tally{tally("Không", 70, 50), tally("Phật giáo", 20, 50), tally("Hòa Hảo", 10, 50)},
		Schooling:     []domain.Tally{tally("Trung học phổ thông (12/12)", 80, 50), tally("Trung học cơ sở (9/12 đến 11/12)", 20, 50)},
		Qualification: []domain.Tally{tally("Chưa qua đào tạo", 60, 50), tally("Đại học", 40, 50)},
		Theory:        []domain.Tally{tally("Chưa qua đào tạo", 90, 50), tally("Sơ cấp", 10, 50)},
		Party:         tally("Đảng viên trong độ tuổi Đoàn", 3, 40),
		MemberRatings: []domain.Tally{tally("Hoàn thành xuất sắc nhiệm vụ", 15, 60), tally("Hoàn thành tốt nhiệm vụ", 60, 50),
			tally("Hoàn thành nhiệm vụ", 20, 40), tally("Không hoàn thành nhiệm vụ", 5, 20)},
		BranchRatings: []domain.Tally{{Code: "excellent", Label: "Hoàn thành xuất sắc nhiệm vụ", Total: 3}, {Code: "good", Label: "Hoàn thành tốt nhiệm vụ", Total: 5},
			{Code: "average", Label: "Hoàn thành nhiệm vụ", Total: 1}, {Label: "Chưa xếp loại"}},
		Committee: domain.Committee{Members: domain.Tally{Total: 15, Male: 9, Female: 6}, Standing: 5, Party: 7, AverageAge: 27.4,
			Ages:          []domain.Tally{{Label: "Đến 25 tuổi", Total: 5, Female: 2}, {Label: "Từ 26 đến 30 tuổi", Total: 10, Female: 4}},
			Qualification: []domain.Tally{{Label: "Đại học", Total: 15, Female: 6}},
			Theory:        []domain.Tally{{Label: "Sơ cấp", Total: 10, Female: 4}, {Label: "Trung cấp", Total: 5, Female: 2}}},
	}
	f := domain.WorkFigures{Period: domain.WorkPeriod{Year: 2025}, From: st.From, End: st.AsOf, AsOf: st.AsOf,
		Situation: st, Results: fixtureResults(), Stats: stats}
	// 500 activities over the default kinds: 36 of each of the 14 kinds
	// but the last, which takes the 32 left (13 × 36 + 32 = 500).
	left := 500
	for i, k := range domain.DefaultActivityKinds {
		n := min(36, left)
		left -= n
		t := domain.ActivityKindTotal{Kind: k.Code, Label: k.Label, Count: n,
			Participants: domain.Participants{Union: 20 * n, Federation: 5 * n, Others: 3 * n}}
		for j, m := range k.Measures {
			t.Measures = append(t.Measures, domain.MeasureSum{ActivityMeasure: m, Value: int64(1000*(i+1) + j)})
		}
		f.Activities = append(f.Activities, t)
	}
	// 13 branches: each met monthly to November, the odd ones twice in
	// December.
	f.Meetings.Months = domain.MonthsOf(domain.YearSpanOf(2025, 1, 1, f.AsOf, f.AsOf))
	for b := range 13 {
		r := domain.BranchMeetingsYear{BranchID: int64(b + 1), Branch: fmt.Sprintf("Chi đoàn Khóm %d", b+1), Attendance: 0.8, Taken: true}
		for m := range 11 {
			r.Held[m] = 1
		}
		r.Held[11] = 2 * (b % 2)
		r.Meetings, r.MonthsMet = 11+r.Held[11], 11+b%2
		f.Meetings.Rows = append(f.Meetings.Rows, r)
	}
	w := &Work{Meta: fixtureMeta(31), Figures: f, Plan: fixturePlan(), RatingScale: domain.ScaleTasks}
	w.Narrative = domain.WorkDraft(&w.Figures, "Đoàn phường 1")
	w.Narrative["lessons"] = "Phát huy vai trò nòng cốt của Ban Chấp hành chi đoàn."
	return w
}

// TestWorkReportLayout reads the year's work report of plain data back
// through pdftotext: the figures handed in are the figures printed, in
// the outline's order, the appendix after the signature.
func TestWorkReportLayout(t *testing.T) {
	w := fixtureWork(1000)
	text := rawText(t, pdfFile(t, "work", func(out io.Writer) error { return WriteWork(out, w) }))
	inOrder := func(parts ...string) {
		t.Helper()
		at := 0
		for _, p := range parts {
			i := strings.Index(text[at:], p)
			if i < 0 {
				t.Errorf("lacks %q (or out of order)", p)
				continue
			}
			at += i + len(p)
		}
	}
	inOrder("Số: 31-BC/ĐTN", "BÁO CÁO", "Tổng kết công tác Đoàn và phong trào thanh niên năm 2025",
		"Thực hiện Kế hoạch số 25-KH/ĐTN", "(số liệu tính đến ngày 31/12/2025) như sau:",
		"I/. ĐẶC ĐIỂM TÌNH HÌNH",
		// 1,000 members, 500 women; the fixture's 1,250 Hội members.
		"9 chi đoàn trực thuộc; 1.000 đoàn viên (nam: 500, nữ: 500) và 1.250 hội viên (nam: 640, nữ: 610).",
		"1/. Thuận lợi", "II/. KẾT QUẢ THỰC HIỆN", "1/. Công tác giáo dục chính trị tư tưởng",
		// The first kind: 36 activities, 720 + 180 + 108 people, its one
		// measure 1.000.
		"Tuyên truyền, giáo dục 36 720 180 108 Số người được tuyên truyền: 1.000 người",
		// The fourth: 4.000 works worth 4.001 đồng.
		"Công trình, phần việc thanh niên 36 720 180 108 Số công trình, phần việc: 4.000 công trình; Giá trị: 4.001 đồng",
		// The last kind takes the 32 left.
		"Hoạt động khác 32 640 160 96",
		"3/. Công tác xây dựng tổ chức Đoàn",
		// The fixture's movements: 37 in, 4 transferred in, 6 out, 21 of
		// age, 1 removed, 88 new Hội members.
		"(từ ngày 01/01/2025 đến ngày 31/12/2025):", "37 4 6 21 1 88",
		// Khóm 1 (even index 0): 11 meetings in 11 of 12 months; Khóm 2: 13
		// in 12. Seven even and six odd branches: 7 × 11 + 6 × 13 = 155.
		"Chi đoàn Khóm 1 11 11/12 11 80%", "Chi đoàn Khóm 2 13 12/12 13 80%", "Cộng 155 155",
		"4/. Công tác Hội", "5/. Công tác kiểm tra, giám sát", "Kiểm tra, giám sát 36 720 180 108",
		"6/. Kết quả thực hiện các chỉ tiêu của kế hoạch",
		"III/. ĐÁNH GIÁ", "Bài học kinh nghiệm", "Phát huy vai trò nòng cốt",
		"IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
		"Trên đây là báo cáo kết quả công tác Đoàn và phong trào thanh niên năm 2025", "TM. BAN CHẤP HÀNH", "Nguyễn Thị Thanh Thủy",
		"BIỂU THỐNG KÊ", "(Kèm theo Báo cáo số 31-BC/ĐTN ngày 05/03/2026",
		// 900 Kinh of 1,000 (450 women): 90 %; 30 Party members, 12 women.
		"Tổng số đoàn viên 1.000 500 100%", "Kinh 900 450 90%", "Khmer 40 20 4%", "Đảng viên trong độ tuổi Đoàn 30 12 3%",
		// 150 excellent (90 women), 15 %.
		"Hoàn thành xuất sắc nhiệm vụ 150 90 15%",
		// 3 of 9 branches excellent: 33,3 %; 5 good: 55,6 %.
		"Hoàn thành xuất sắc nhiệm vụ 3 33,3%", "Hoàn thành tốt nhiệm vụ 5 55,6%", "Cộng 9 100%",
		// 15 committee members, 6 women; 5 standing (33,3 %); 7 Party
		// members (46,7 %).
		"Ủy viên Ban Chấp hành 15 6 100%", "Trong đó: Ủy viên Ban Thường vụ 5 33,3%", "Đảng viên 7 46,7%", "Tuổi bình quân 27,4")
	if strings.Contains(text, "Nguyên nhân") {
		t.Error("a section with no text is printed")
	}
}

// BenchmarkWorkLayout10k is the year's work report of a ward of 10,000
// members from its plain data to PDF bytes.
func BenchmarkWorkLayout10k(b *testing.B) {
	w := fixtureWork(10000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteWork(io.Discard, w); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWorkReportEmptyWard: a ward with no plan, no member and no record
// yet still gets a whole report: no target judged, no share of nothing.
func TestWorkReportEmptyWard(t *testing.T) {
	day := domain.MustDate(2026, 9, 30)
	w := &Work{Meta: fixtureMeta(0), Figures: domain.WorkFigures{Period: domain.WorkPeriod{Year: 2026, Quarter: 3},
		From: domain.MustDate(2026, 7, 1), End: day, AsOf: day,
		Situation: domain.Situation{Year: 2026, From: domain.MustDate(2026, 7, 1), AsOf: day},
		Stats:     domain.WorkStats{AsOf: day}}}
	w.Narrative = domain.WorkDraft(&w.Figures, "Đoàn phường 1")
	text := rawText(t, pdfFile(t, "empty", func(out io.Writer) error { return WriteWork(out, w) }))
	for _, want := range []string{"Số: -BC/ĐTN", "Ban Chấp hành Đoàn phường 1 báo cáo kết quả công tác Đoàn và phong trào thanh niên quý III năm 2026",
		NoActivities, NoPlanSentence, "Tổng số đoàn viên 0 0 —", "Ủy viên Ban Chấp hành 0 0 —", "Tuổi bình quân —"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q", want)
		}
	}
}
