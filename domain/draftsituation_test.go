package domain

import "testing"

// The situation, inspection and plan sections drafted from the figures
// (issue 17, finding 12); each want is the sentence written by hand.
func TestSituationAndPlanDrafts(t *testing.T) {
	st := Situation{Year: 2026, AsOf: MustDate(2026, 12, 7), Branches: 12,
		BranchesByKind: []Tally{{Code: "hamlet", Label: "Khóm, ấp", Total: 8}, {Code: "school", Label: "Trường học", Total: 4}, {Code: "agency", Label: "Cơ quan"}},
		Union:          Tally{Total: 1233, Female: 620}, Federation: Tally{Total: 300, Female: 151},
		Admissions: 5, TransfersOut: 1, Removals: 2}
	for _, tc := range []struct {
		name, got, want string
	}{
		{"situation", SituationDraft(st, "Đoàn phường Hòa Mẫu", "trong năm 2026"),
			"Tính đến ngày 07/12/2026, Đoàn phường Hòa Mẫu có 12 chi đoàn trực thuộc (8 khóm, ấp; 4 trường học) với 1.233 đoàn viên (nữ 620); 300 hội viên (nữ 151). " +
				"Trong năm 2026: kết nạp 5 đoàn viên, chuyển sinh hoạt 1 đoàn viên đi nơi khác, xóa tên 2 đoàn viên."},
		{"situation, no movement", SituationDraft(Situation{AsOf: MustDate(2025, 6, 30), Branches: 1}, "Đoàn cơ sở", "trong 6 tháng đầu năm 2025"),
			"Tính đến ngày 30/06/2025, Đoàn cơ sở có 1 chi đoàn trực thuộc với 0 đoàn viên (nữ 0); 0 hội viên (nữ 0)."},
		{"inspection", InspectionDraft(st, "Đoàn phường Hòa Mẫu", "trong năm 2026"),
			"Trong năm 2026, Đoàn phường Hòa Mẫu xem xét, xóa tên 2 đoàn viên khỏi danh sách đoàn viên."},
		{"inspection, none", InspectionDraft(Situation{}, "Đoàn phường Hòa Mẫu", "trong năm 2025"),
			"Trong năm 2025, Đoàn phường Hòa Mẫu không có trường hợp đoàn viên bị xóa tên khỏi danh sách."},
	} {
		if tc.got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, tc.got, tc.want)
		}
	}

	p := Plan{StartYear: 2026, EndYear: 2030, UpperPlan: "Kế hoạch số 105-KH/TĐTN.", Indicators: []Indicator{
		{Title: "Phát triển đoàn viên mới (cả giai đoạn)", Kind: KindCount, Target: 90, Period: true},
		{Title: "Có trang mạng xã hội", Kind: KindCheck, Target: 1},
		{Title: "Chưa có số", Kind: KindPercent, NoTarget: true},
	}}
	n := PlanDraft(p, st, "Đoàn phường Hòa Mẫu")
	for code, want := range map[string]string{
		"purpose": "Cụ thể hóa các chỉ tiêu, nhiệm vụ công tác Đoàn và phong trào thanh thiếu nhi giai đoạn 2026 – 2030 tại Đoàn phường Hòa Mẫu, thực hiện kế hoạch số 105-KH/TĐTN; huy động 12 chi đoàn với 1.233 đoàn viên (số liệu ngày 07/12/2026) cùng thực hiện.",
		// The target without a figure is left out: 2 of 3.
		"general": "Đến năm 2030, Đoàn phường Hòa Mẫu phấn đấu thực hiện đạt 2 chỉ tiêu: phát triển đoàn viên mới đạt 90 trong cả giai đoạn; có trang mạng xã hội.",
	} {
		if n[code] != want {
			t.Errorf("plan %s:\n got %q\nwant %q", code, n[code], want)
		}
	}
}
