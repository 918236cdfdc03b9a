package report

import (
	"fmt"

	"sodoan/domain"
)

// The fixture ward: plain store values, as the register would return them.

func fixtureUnit() domain.Unit {
	return domain.Unit{
		UpperBody:     "TỈNH ĐOÀN ĐỒNG THÁP",
		Name:          "BCH ĐOÀN PHƯỜNG 1",
		Place:         "Phường 1",
		IssuerCode:    "ĐTN",
		SecretaryName: "Nguyễn Thị Thanh Thủy",
		DeputyName:    "Trần Văn Đức",
	}
}

func fixtureMeta(number int) Meta {
	u := fixtureUnit()
	return Meta{
		Unit:       u,
		Number:     number,
		Date:       domain.MustDate(2026, 3, 5),
		Recipients: DefaultRecipients(u),
		Signer:     domain.Signer{Name: "Nguyễn Thị Thanh Thủy"},
		Unsigned:   true,
	}
}

func fixturePlan() domain.Plan {
	return domain.Plan{ID: 1, Number: "25-KH/ĐTN", Title: "Đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn TNCS Hồ Chí Minh các cấp, giai đoạn 2018 - 2022", StartYear: 2018, EndYear: 2022}
}

// fixtureIndicators mirrors the seeded plan's targets 2.1 to 2.8.
func fixtureIndicators() []domain.Indicator {
	type in struct {
		code, title string
		kind        domain.IndicatorKind
		target      float64
		period      bool
	}
	list := []in{
		{"2.1a", "Có mô hình tuyên truyền, giáo dục đạo đức, truyền thống, lối sống, ý thức chấp hành pháp luật", domain.KindCheck, 1, false},
		{"2.1b", "Có trang mạng xã hội để tuyên truyền, nắm bắt tâm tư đoàn viên thanh niên", domain.KindCheck, 1, false},
		{"2.2a", "Củng cố, duy trì CLB Thanh niên làm kinh tế", domain.KindCount, 1, false},
		{"2.2b", "Hỗ trợ ít nhất 01 mô hình phát triển kinh tế hiệu quả (đạt doanh thu) mỗi năm", domain.KindCount, 1, false},
		{"2.2c", "Có mô hình tổ hợp tác hoạt động theo quy định", domain.KindCount, 1, false},
		{"2.3", "Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí", domain.KindPercent, 100, false},
		{"2.4a", "Cán bộ Đoàn đạt chuẩn trình độ chuyên môn, lý luận chính trị và được tập huấn nghiệp vụ", domain.KindPercent, 100, false},
		{"2.4b", "Cán bộ Đoàn giao tiếp thông thạo 01 ngoại ngữ", domain.KindPercent, 15, false},
		{"2.5a", "Phát triển đoàn viên mới (cả giai đoạn)", domain.KindCount, 7500, true},
		{"2.5b", "Phát triển hội viên mới (cả giai đoạn)", domain.KindCount, 8500, true},
		{"2.5c", "Tập hợp thanh niên có mặt tại địa bàn vào tổ chức", domain.KindPercent, 70, false},
		{"2.5d", "Giới thiệu đoàn viên ưu tú cho Đảng so với số đảng viên mới kết nạp", domain.KindPercent, 70, false},
		{"2.6", "Cơ sở Đoàn, chi đoàn xếp loại từ khá trở lên", domain.KindPercent, 80, false},
		{"2.7", "Ứng dụng công nghệ thông tin trong điều hành hoạt động", domain.KindCheck, 1, false},
		{"2.8", "Cán bộ, đoàn viên mặc áo thanh niên và đeo huy hiệu Đoàn theo quy định", domain.KindCheck, 1, false},
	}
	out := make([]domain.Indicator, len(list))
	for i, x := range list {
		section := x.code
		if len(section) > 3 {
			section = section[:3]
		}
		out[i] = domain.Indicator{ID: int64(i + 1), PlanID: 1, Code: x.code, Section: section, Title: x.title,
			Kind: x.kind, Target: x.target, Period: x.period, Order: i + 1}
	}
	return out
}

func fixtureResults() []domain.Result {
	var out []domain.Result
	for i, in := range fixtureIndicators() {
		r := domain.Result{Indicator: in, Known: true}
		switch in.Kind {
		case domain.KindCheck:
			r.Actual = 1
		case domain.KindCount:
			r.Actual = float64(3 + i*7)
		case domain.KindPercent:
			r.Actual = 85.7
			r.Detail = "12/14 chi đoàn"
		}
		if in.Code == "2.5c" {
			r.Known, r.Actual, r.Detail = false, 0, ""
		}
		r.Verdict = domain.Judge(in, r.Actual, r.Known)
		if in.Period {
			r.Cumulative = r.Actual
			r.Verdict = domain.JudgePeriod(in, r.Actual, 0.8)
		}
		r.Met = r.Verdict.Code == domain.VerdictMet
		out = append(out, r)
	}
	return out
}

func fixtureSituation() domain.Situation {
	return domain.Situation{
		Year: 2025, AsOf: domain.MustDate(2025, 12, 31), Branches: 9,
		BranchesByKind: []domain.Tally{{Code: "hamlet", Label: "Khóm, ấp", Total: 6}, {Code: "school", Label: "Trường học", Total: 2}, {Code: "agency", Label: "Cơ quan", Total: 1}},
		Union:          domain.Tally{Label: "Đoàn viên", Total: 412, Male: 200, Female: 212},
		Federation:     domain.Tally{Label: "Hội viên", Total: 1250, Male: 640, Female: 610},
		UnionByKind: []domain.Tally{{Code: "hamlet", Label: "Khóm, ấp", Total: 300, Male: 150, Female: 150},
			{Code: "school", Label: "Trường học", Total: 90, Male: 40, Female: 50}, {Code: "agency", Label: "Cơ quan", Total: 22, Male: 10, Female: 12}},
		UnionByOccupation: []domain.Tally{{Code: "student", Label: "Học sinh, sinh viên", Total: 150, Male: 70, Female: 80},
			{Code: "worker", Label: "Công nhân", Total: 262, Male: 130, Female: 132}},
		FederationByOccupation: []domain.Tally{{Code: "student", Label: "Học sinh, sinh viên", Total: 500, Male: 250, Female: 250},
			{Code: "worker", Label: "Công nhân", Total: 750, Male: 390, Female: 360}},
		Admissions: 37, TransfersIn: 4, TransfersOut: 6, ComingOfAge: 21, Removals: 1, NewFederation: 88,
	}
}

func fixtureClubs() []domain.Club {
	return []domain.Club{
		{ID: 1, Name: "CLB Thanh niên làm kinh tế Phường 1", Kind: "economic", Founded: domain.MustDate(2019, 3, 26), Leader: "Lê Hoàng Phúc", Active: true,
			Members: []domain.GroupMember{{PersonID: 1, Name: "Lê Hoàng Phúc", Role: "Chủ nhiệm"}, {PersonID: 2, Name: "Phạm Thị Ngọc Ánh", Role: "Phó Chủ nhiệm"}, {Name: "Võ Minh Khôi", Role: "Thành viên"}}},
		{ID: 2, Name: "CLB Bí thư chi đoàn", Kind: "secretaries", Founded: domain.MustDate(2020, 1, 9), Leader: "Trần Văn Đức", Active: true,
			Members: []domain.GroupMember{{PersonID: 3, Name: "Trần Văn Đức", Role: "Chủ nhiệm"}, {PersonID: 4, Name: "Huỳnh Thị Yến Nhi", Role: "Thành viên"}}},
	}
}

func fixtureCoops() ([]domain.Coop, []domain.CoopYear) {
	coops := []domain.Coop{
		{ID: 1, Name: "Tổ hợp tác trồng hoa kiểng Tân Quy Đông", Field: "Hoa kiểng", Founded: domain.MustDate(2019, 5, 1), ContractDate: domain.MustDate(2019, 6, 1),
			LegalBasis: "nd77_2019", Capital: 150000000, Active: true,
			Members: []domain.GroupMember{{Name: "Nguyễn Văn Tư", Role: "Tổ trưởng"}, {Name: "Đặng Thị Mỹ Duyên", Role: "Thành viên"}}},
		{ID: 2, Name: "Tổ hợp tác nuôi cá tra", Field: "Thủy sản", Founded: domain.MustDate(2021, 8, 15), LegalBasis: "nd77_2019", Capital: 320000000, Active: true,
			Members: []domain.GroupMember{{Name: "Lâm Quốc Bảo", Role: "Tổ trưởng"}}},
	}
	years := []domain.CoopYear{
		{CoopID: 1, Year: 2025, Revenue: 1250000000, AvgIncome: 7500000, Support: "Vay vốn 50 triệu", SupportedModel: true},
		{CoopID: 2, Year: 2025, Revenue: 860000000, AvgIncome: 6200000},
	}
	return coops, years
}

func fixtureWard() domain.WardYear {
	return domain.WardYear{Year: 2025, ResidentYouth: 1800, NewPartyMembers: 10,
		Achievements: "Các chi đoàn duy trì sinh hoạt định kỳ, nội dung sinh hoạt phong phú, thiết thực; phong trào thanh niên tình nguyện được đoàn viên hưởng ứng.\nCông tác phát triển đoàn viên mới vượt chỉ tiêu được giao.",
		Shortcomings: "Một số chi đoàn khóm chưa thu hút được thanh niên lao động tự do tham gia sinh hoạt.",
		NextSteps:    "Tiếp tục nâng cao chất lượng sinh hoạt chi đoàn; củng cố CLB Thanh niên làm kinh tế; hỗ trợ thanh niên khởi nghiệp.",
	}
}

func fixtureAnnual() *Annual {
	coops, years := fixtureCoops()
	return &Annual{Meta: fixtureMeta(20), Year: 2025, Plan: fixturePlan(), Situation: fixtureSituation(),
		Results: fixtureResults(), Clubs: fixtureClubs(), Coops: coops, CoopYears: years, Ward: fixtureWard()}
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"}
	middleNames = []string{"Văn", "Thị", "Hoàng", "Ngọc", "Minh", "Thanh", "Quốc", "Thị Mỹ"}
	givenNames  = []string{"An", "Bảo", "Châu", "Dũng", "Đức", "Giang", "Hòa", "Khánh", "Linh", "Nhi", "Phúc", "Quyên", "Thủy", "Ý", "Yến"}
)

// fixturePerson is the i-th member of a generated branch.
func fixturePerson(i int, branch string) domain.Person {
	g := domain.Male
	if i%2 == 1 {
		g = domain.Female
	}
	p := domain.Person{
		ID: int64(i + 1), FamilyName: familyNames[i%len(familyNames)], MiddleName: middleNames[i%len(middleNames)],
		GivenName: givenNames[i%len(givenNames)], Gender: g,
		BirthDate: domain.MustDate(1996+i%12, 1+i%12, 1+i%28), Ethnicity: "Kinh", Schooling: 12,
		Qualification: "university", TheoryLevel: "elementary", UnionMember: true,
		AdmissionDate: domain.MustDate(2012+i%12, 3, 26), CardNumber: fmt.Sprintf("DT%07d", 1000+i),
		CitizenID: fmt.Sprintf("0870%08d", 95000000+i), Phone: fmt.Sprintf("09%08d", 12345678+i),
		Address: fmt.Sprintf("%d Nguyễn Sinh Sắc, Khóm %d", 10+i, 1+i%6), BranchName: branch, Status: domain.StatusActive,
	}
	if i%5 == 0 {
		p.Religion = "Phật giáo"
	}
	if i%7 == 0 {
		p.Ethnicity = "Hoa"
	}
	if i == 0 {
		p.Position = "Bí thư chi đoàn"
	}
	return p
}
