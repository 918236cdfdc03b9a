package issuing

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
	"sodoan/internal/testtool"
	"sodoan/store"
)

// The fixture ward of Hòa Mẫu, built by hand: 27 people, 5 branches, 2
// clubs, 2 cooperative groups, officers who change in September 2025,
// Party introductions and admissions over 2024 and 2025, and the plan
// 12-KH/ĐTN (2024–2028). Every figure the tests expect is counted by hand
// in the comments beside it, for two cut-off dates of the 2025 report:
// 30/06/2025 and 31/12/2025.

type ward struct {
	st     *store.Store
	people map[string]*domain.Person
	branch map[string]int64
	plan   domain.Plan
	dir    string
	// day, when set, is the register's clock: the day texts are saved
	// on (a report prints the texts saved by its date).
	day domain.Date
}

// on sets the register's clock to day, 09:00.
func (w *ward) on(day domain.Date) { w.day = day }

func d(y, m, dd int) domain.Date { return domain.MustDate(y, m, dd) }

func buildWard(t *testing.T) *ward {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	w := &ward{people: map[string]*domain.Person{}, branch: map[string]int64{}, dir: dir}
	st, err := store.OpenWith(filepath.Join(dir, "so.db"), store.OpenOptions{Create: true, Now: func() time.Time {
		if w.day.IsZero() {
			return time.Now()
		}
		return time.Date(w.day.Year(), time.Month(w.day.Month()), w.day.Day(), 9, 0, 0, 0, time.Local)
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w.st = st
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.SaveUnit(ctx, domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: "BCH Đoàn phường Hòa Mẫu", Place: "Phường Hòa Mẫu"}))

	for _, b := range []struct {
		key, name string
		kind      domain.BranchKind
	}{
		{"B1", "Chi đoàn Khóm 1", domain.BranchHamlet}, {"B2", "Chi đoàn Khóm 2", domain.BranchHamlet},
		{"B3", "Chi đoàn Ấp Mỹ", domain.BranchHamlet}, {"B4", "Chi đoàn Trường THPT Hòa Mẫu", domain.BranchSchool},
		{"B5", "Chi đoàn Quân sự phường", domain.BranchArmed},
	} {
		br := &domain.Branch{Name: b.name, Kind: b.kind, Active: true}
		must(st.SaveBranch(ctx, br))
		w.branch[b.key] = br.ID
	}

	type person struct {
		key, family, middle, given string
		female                     bool
		birth, admit               domain.Date // admit zero: not a Union member
		branch                     string
		fed                        domain.Date // zero: not a Federation member
	}
	people := []person{
		// Officers (see positions below).
		{"S1", "Trần", "Minh", "Quân", false, d(1996, 4, 10), d(2012, 3, 26), "B1", domain.Date{}},
		{"S2", "Lê", "Thị Hồng", "Nhung", true, d(1997, 8, 20), d(2013, 3, 26), "B2", domain.Date{}},
		{"D2", "Phạm", "Văn", "Khoa", false, d(1998, 1, 15), d(2013, 3, 26), "B3", domain.Date{}},
		{"E1", "Võ", "Thị Mai", "Anh", true, d(1999, 5, 5), d(2015, 3, 26), "B1", domain.Date{}},
		// Members admitted before the plan.
		{"M1", "Nguyễn", "Văn", "Bình", false, d(2000, 2, 2), d(2016, 3, 26), "B1", domain.Date{}},
		{"M2", "Nguyễn", "Thị", "Cúc", true, d(2001, 3, 3), d(2017, 3, 26), "B2", domain.Date{}},
		{"M3", "Huỳnh", "Văn", "Đông", false, d(2002, 4, 4), d(2018, 3, 26), "B3", domain.Date{}},
		{"M4", "Đặng", "Thị", "Giao", true, d(2008, 5, 5), d(2023, 9, 5), "B4", domain.Date{}},
		{"M5", "Bùi", "Văn", "Hậu", false, d(2001, 6, 6), d(2017, 3, 26), "B5", domain.Date{}},
		{"M6", "Ngô", "Văn", "Kiên", false, d(2002, 7, 7), d(2018, 3, 26), "B5", domain.Date{}},
		// Admitted in 2024.
		{"P1", "Trương", "Thị", "Lan", true, d(2007, 1, 10), d(2024, 3, 26), "B4", domain.Date{}},
		{"P2", "Lâm", "Văn", "Lực", false, d(2006, 2, 11), d(2024, 3, 26), "B1", domain.Date{}},
		{"P3", "Dương", "Thị", "Mơ", true, d(2006, 3, 12), d(2024, 3, 26), "B2", domain.Date{}},
		{"P4", "Hồ", "Văn", "Nghĩa", false, d(2005, 4, 13), d(2024, 3, 26), "B3", domain.Date{}},
		// Admitted in 2025: two by 30/06, two after.
		{"A1", "Phan", "Thị", "Oanh", true, d(2009, 1, 20), d(2025, 3, 26), "B4", domain.Date{}},
		{"A2", "Vũ", "Văn", "Phát", false, d(2008, 2, 21), d(2025, 5, 19), "B1", domain.Date{}},
		{"A3", "Đỗ", "Thị", "Quyên", true, d(2009, 3, 22), d(2025, 9, 2), "B4", domain.Date{}},
		{"A4", "Mai", "Văn", "Sang", false, d(2007, 4, 23), d(2025, 11, 20), "B2", domain.Date{}},
		// Movements of 2025 (events below).
		{"T1", "Lý", "Văn", "Tài", false, d(2000, 5, 24), d(2020, 3, 26), "B3", domain.Date{}},
		{"R1", "Châu", "Thị", "Uyên", true, d(2001, 6, 25), d(2019, 3, 26), "B2", domain.Date{}},
		{"C1", "Tạ", "Văn", "Vinh", false, d(1994, 3, 1), d(2010, 3, 26), "B1", domain.Date{}},
		{"I1", "Hà", "Thị", "Xuân", true, d(2000, 8, 8), domain.Date{}, "", d(2019, 1, 1)},
		// Federation members only.
		{"F0a", "Nguyễn", "Thị", "Yến", true, d(2003, 1, 1), domain.Date{}, "", d(2024, 2, 1)},
		{"F0b", "Trần", "Văn", "Ân", false, d(2004, 1, 1), domain.Date{}, "", d(2024, 6, 1)},
		{"F1", "Nguyễn", "Văn", "Bảo", false, d(2004, 2, 2), domain.Date{}, "", d(2025, 2, 1)},
		{"F2", "Lê", "Thị", "Bích", true, d(2005, 3, 3), domain.Date{}, "", d(2025, 8, 15)},
		{"Fold", "Phạm", "Văn", "Cao", false, d(1993, 1, 1), domain.Date{}, "", d(2015, 1, 1)},
	}
	for _, p := range people {
		sp := &domain.Person{FamilyName: p.family, MiddleName: p.middle, GivenName: p.given, Gender: domain.Male,
			BirthDate: p.birth, Ethnicity: "Kinh"}
		if p.female {
			sp.Gender = domain.Female
		}
		if !p.admit.IsZero() {
			sp.UnionMember, sp.AdmissionDate, sp.BranchID = true, p.admit, w.branch[p.branch]
		}
		if !p.fed.IsZero() {
			sp.FederationMember, sp.FederationDate = true, p.fed
		}
		must(st.SavePerson(ctx, sp))
		w.people[p.key] = sp
	}
	// Officers' standards (2.4): S1, S2 and E1 meet them; D2 lacks the
	// political theory. S2 and E1 speak a foreign language fluently.
	for key, q := range map[string]struct {
		qual   domain.Qualification
		theory domain.TheoryLevel
		fluent bool
	}{"S1": {"university", "intermediate", false}, "S2": {"university", "intermediate", true},
		"D2": {"college", "", false}, "E1": {"university", "elementary", true}} {
		p := w.people[key]
		p.Schooling, p.Qualification, p.TheoryLevel, p.LanguageFluent = 12, q.qual, q.theory, q.fluent
		must(st.SavePerson(ctx, p))
		// Each was trained in youth work in March 2025.
		must(st.SaveTraining(ctx, &domain.Training{PersonID: p.ID, Date: d(2025, 3, 15), Course: "Tập huấn cán bộ Đoàn cơ sở năm 2025", Organiser: "Tỉnh Đoàn Đồng Tháp"}))
	}
	for _, po := range []domain.Position{
		{PersonID: w.people["S1"].ID, Kind: "secretary", Start: d(2023, 10, 1), End: d(2025, 8, 31)},
		{PersonID: w.people["S2"].ID, Kind: "deputy", Start: d(2023, 10, 1), End: d(2025, 8, 31)},
		{PersonID: w.people["S2"].ID, Kind: "secretary", Start: d(2025, 9, 1)},
		{PersonID: w.people["D2"].ID, Kind: "deputy", Start: d(2025, 9, 1)},
		{PersonID: w.people["E1"].ID, Kind: "executive", Start: d(2023, 10, 1)},
	} {
		must(st.SavePosition(ctx, &po))
	}
	event := func(key string, e domain.Event) {
		t.Helper()
		e.PersonID = w.people[key].ID
		must(st.AddEvent(ctx, &e))
	}
	event("T1", domain.Event{Kind: domain.EventTransferOut, Date: d(2025, 4, 10), Unit: "Đoàn phường Tân Mẫu"})
	event("R1", domain.Event{Kind: domain.EventRemoval, Date: d(2025, 10, 5), Reason: "Bỏ sinh hoạt quá 6 tháng không có lý do"})
	event("C1", domain.Event{Kind: domain.EventComingOfAge, Date: d(2025, 3, 15)})
	event("I1", domain.Event{Kind: domain.EventTransferIn, Date: d(2025, 7, 7), Unit: "Đoàn xã Mỹ Sen", Admitted: d(2019, 3, 26)})
	i1, err := st.Person(ctx, w.people["I1"].ID)
	must(err)
	i1.BranchID = w.branch["B1"]
	must(st.SavePerson(ctx, &i1))

	// Party: S1 introduced 01/03 and admitted 15/06/2025; M1 introduced
	// 01/04, admitted 10/11/2025; M2 introduced 01/09/2025; M3 introduced
	// and admitted in 2024. The ward had 4 new Party members in 2025.
	for _, y := range []domain.MemberYear{
		{PersonID: w.people["S1"].ID, Year: 2025, PartyIntroduced: d(2025, 3, 1), PartyAdmitted: d(2025, 6, 15)},
		{PersonID: w.people["M1"].ID, Year: 2025, PartyIntroduced: d(2025, 4, 1), PartyAdmitted: d(2025, 11, 10)},
		{PersonID: w.people["M2"].ID, Year: 2025, PartyIntroduced: d(2025, 9, 1)},
		{PersonID: w.people["M3"].ID, Year: 2024, PartyIntroduced: d(2024, 5, 1), PartyAdmitted: d(2024, 12, 1)},
	} {
		must(st.SaveMemberYear(ctx, y))
	}
	// The ward's new Party members of 2025, counted on the day: 1 on
	// 15/06 (S1), 4 on 20/12; the ward rated itself "good" on 20/12. A
	// report cut off on 30/06 knows 1 new Party member and no rating.
	must(st.SaveWardYear(ctx, domain.WardYear{Year: 2025, ResidentYouth: 40, NewPartyMembers: 1, PartyCounted: d(2025, 6, 15)}))
	must(st.SaveWardYear(ctx, domain.WardYear{Year: 2025, ResidentYouth: 40, NewPartyMembers: 4, PartyCounted: d(2025, 12, 20),
		Rating: "good", Rated: d(2025, 12, 20)}))

	// Branches: Khóm 1 and 2 meet every criterion, Ấp Mỹ all but one;
	// rated excellent, good, average, good, and the armed branch unrated.
	// Dated on both sides of 30/06: Khóm 1 and Ấp Mỹ were assessed on
	// 20/06, Khóm 2 on 15/12; Khóm 2 was rated on 25/06, the others on
	// 20/12.
	crit, err := st.Criteria(ctx)
	must(err)
	var all []int64
	for _, c := range crit {
		if c.AppliesIn(2025) {
			all = append(all, c.ID)
		}
	}
	for key, by := range map[string]domain.BranchYear{
		"B1": {Met: all, Rating: "excellent", Assessed: d(2025, 6, 20), Rated: d(2025, 12, 20)},
		"B2": {Met: all, Rating: "good", Assessed: d(2025, 12, 15), Rated: d(2025, 6, 25)},
		"B3": {Met: all[1:], Rating: "average", Assessed: d(2025, 6, 20), Rated: d(2025, 12, 20)},
		"B4": {Rating: "good", Rated: d(2025, 12, 20)},
	} {
		by.BranchID, by.Year = w.branch[key], 2025
		must(st.SaveBranchYear(ctx, by))
	}

	// Clubs: one economic club open (members M1, P2, an outsider and an
	// adviser, who is not counted as a young person), one closed before
	// the register began.
	must(st.SaveClub(ctx, &domain.Club{Name: "CLB Thanh niên làm kinh tế phường", Kind: "economic", Founded: d(2020, 3, 26), Active: true,
		Members: []domain.GroupMember{{PersonID: w.people["M1"].ID, Role: "Chủ nhiệm"}, {PersonID: w.people["P2"].ID},
			{Name: "Trần Thị Diệu", Role: "Thành viên"}, {Name: "Nguyễn Văn Năm", Role: "Cố vấn"}}}))
	must(st.SaveClub(ctx, &domain.Club{Name: "CLB Kinh tế cũ", Kind: "economic", Founded: d(2015, 1, 1), Active: false}))
	// Founded after the first cut-off: in the December report only.
	must(st.SaveClub(ctx, &domain.Club{Name: "CLB Bóng đá thanh niên", Kind: "interest", Founded: d(2025, 9, 1), Active: true}))
	// Groups: Bờ Sen reported revenue for 2025 on 28/06 and was the model
	// the Union supported; Rạch Mẫu reported its 2025 revenue on 15/10.
	x := &domain.Coop{Name: "Tổ hợp tác hoa kiểng Bờ Sen", Field: "Hoa kiểng", Founded: d(2021, 1, 1), LegalBasis: "nd77_2019", Active: true,
		Capital: 100000000, Members: []domain.GroupMember{{PersonID: w.people["M3"].ID, Role: "Tổ trưởng"}, {Name: "Nguyễn Văn Mười", Role: "Tổ viên"}}}
	must(st.SaveCoop(ctx, x))
	must(st.SaveCoopYear(ctx, domain.CoopYear{CoopID: x.ID, Year: 2024, Revenue: 80000000}))
	must(st.SaveCoopYear(ctx, domain.CoopYear{CoopID: x.ID, Year: 2025, Revenue: 120000000, AvgIncome: 5000000, Support: "Hỗ trợ kỹ thuật", SupportedModel: true,
		Reported: d(2025, 6, 28)}))
	must(st.SaveModel(ctx, &domain.TargetModel{Target: domain.ModelEconomic, Kind: "coop", CoopID: x.ID, Date: d(2025, 3, 20), Support: "Hỗ trợ kỹ thuật"}))
	// A household model supported after the first cut-off: in the
	// December report only.
	must(st.SaveModel(ctx, &domain.TargetModel{Target: domain.ModelEconomic, Kind: "household", Name: "Trồng nấm rơm", Owner: "hộ chị Lê Thị Hoa",
		Date: d(2025, 8, 15), Support: "Tập huấn kỹ thuật, giới thiệu vay vốn"}))
	// 2.1a names its model; 2.1b stays a yes ticked by hand.
	must(st.SaveModel(ctx, &domain.TargetModel{Target: domain.ModelOutreach, Kind: "model", Name: "Ngày thứ Bảy pháp luật", Date: d(2024, 1, 6)}))
	y := &domain.Coop{Name: "Tổ hợp tác cá Rạch Mẫu", Field: "Thủy sản", Founded: d(2022, 5, 10), LegalBasis: "nd77_2019", Active: true}
	must(st.SaveCoop(ctx, y))
	must(st.SaveCoopYear(ctx, domain.CoopYear{CoopID: y.ID, Year: 2024, Revenue: 50000000}))
	must(st.SaveCoopYear(ctx, domain.CoopYear{CoopID: y.ID, Year: 2025, Revenue: 30000000, Reported: d(2025, 10, 15)}))

	// The ward's plan: the targets of 25-KH/ĐTN (entered first, as the
	// register used to be seeded with it: a new register has no plan
	// now), 20 new members and 15 new Federation members over 2024–2028.
	seed := enterPlan(t, st)
	plan := domain.Plan{Number: "12-KH/ĐTN", Title: "Đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn phường Hòa Mẫu, giai đoạn 2024 - 2028",
		StartYear: 2024, EndYear: 2028, Current: true, Issued: d(2024, 5, 12), Issuer: "Ban Thường vụ Đoàn phường Hòa Mẫu",
		UpperPlan: "Kế hoạch số 105-KH/TĐTN, ngày 15/3/2024 của Ban Thường vụ Tỉnh Đoàn"}
	for _, in := range seed.Indicators {
		in.ID, in.PlanID = 0, 0
		switch in.Code {
		case "2.5a":
			in.Target = 20
		case "2.5b":
			in.Target = 15
		}
		plan.Indicators = append(plan.Indicators, in)
	}
	must(st.SavePlan(ctx, &plan))
	for _, in := range plan.Indicators {
		switch in.Code {
		case "2.1a", "2.1b", "2.7":
			must(st.SetIndicatorValue(ctx, in.ID, 2025, 1))
		case "2.8":
			must(st.SetIndicatorValue(ctx, in.ID, 2025, 0))
		}
	}
	w.plan = plan
	return w
}

type want struct {
	actual  float64
	verdict domain.VerdictCode
	text    string // the row of the annual report, as pdftotext -raw reads it
}

// The indicators of 2025 at each cut-off, counted by hand.
var wantJune = map[string]want{
	"2.1a": {1, domain.VerdictMet, "2.1a Có mô hình tuyên truyền, giáo dục đạo đức, truyền thống, lối sống, ý thức chấp hành pháp luật Có Có – mô hình tuyên truyền, giáo dục “Ngày thứ Bảy pháp luật” Đạt"},
	// Ticked by hand before models were named: still a yes, saying so.
	"2.1b": {1, domain.VerdictMet, "2.1b Có trang mạng xã hội để tuyên truyền, nắm bắt tâm tư đoàn viên thanh niên Có Có (đánh dấu tay, chưa ghi tên mô hình) Đạt"},
	// One economic club open in 2025; the old one closed before.
	"2.2a": {1, domain.VerdictMet, "2.2a Củng cố, duy trì CLB Thanh niên làm kinh tế 1 1 CLB Đạt"},
	// Bờ Sen: supported on 20/03/2025, named.
	"2.2b": {1, domain.VerdictMet, "1 mô hình: tổ hợp tác “Tổ hợp tác hoa kiểng Bờ Sen” Đạt"},
	// Bờ Sen reported 2025 revenue on 28/06; Rạch Mẫu not until 15/10.
	"2.2c": {1, domain.VerdictMet, "2.2c Có mô hình tổ hợp tác hoạt động theo quy định 1 1 tổ hợp tác Đạt"},
	// Assessed by 30/06: Khóm 1 (every criterion) and Ấp Mỹ (all but
	// one); Khóm 2 not until 15/12: 1 of the 3 hamlet branches.
	"2.3": {100.0 / 3, domain.VerdictNotMet, "2.3 Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí 100% 33,3% (1/3 chi đoàn khóm, ấp) Chưa đạt"},
	// Cadres holding office on 30/06: S1, S2, E1, all standard and
	// trained in March.
	"2.4a": {100, domain.VerdictMet, "100% 100% (3/3 cán bộ) Đạt"},
	// S2 and E1 fluent: 2 of 3.
	"2.4b": {200.0 / 3, domain.VerdictMet, "15% 66,7% (2/3 cán bộ) Đạt"},
	// A1, A2 admitted by 30/06; with P1–P4 in 2024, 6 of 20 when 547 of
	// the period's 1 827 days are gone: 5 due, on pace.
	"2.5a": {2, domain.VerdictOnPace, "2.5a Phát triển đoàn viên mới (cả giai đoạn) 20 (cả giai đoạn) 2 đoàn viên Lũy kế 6/20 (30%), đúng tiến độ"},
	// F1 in 2025, F0a and F0b in 2024: 3 of 15, 4 due (15 × 547/1 827 = 4,49).
	"2.5b": {1, domain.VerdictBehind, "2.5b Phát triển hội viên mới (cả giai đoạn) 15 (cả giai đoạn) 1 hội viên Lũy kế 3/15 (20%), chậm tiến độ"},
	// Active members on 30/06: S1 S2 D2 E1 M1–M6 P1–P4 A1 A2 R1 = 17;
	// Federation F0a F0b F1 I1 = 4 (Cao is over 30, F2 not yet); the
	// club's and group's outsiders Diệu and Mười = 2 (the adviser not):
	// 23 of 40.
	"2.5c": {57.5, domain.VerdictNotMet, "2.5c Tập hợp thanh niên có mặt tại địa bàn vào tổ chức 70% 57,5% (23/40 thanh niên) Chưa đạt"},
	// The ward's count on 30/06 is 1 (recorded 15/06; the year's 4 came
	// on 20/12): S1, admitted 15/06, is that 1; S1 and M1 introduced.
	"2.5d": {100, domain.VerdictMet, "70% 100% (1/1 đảng viên mới do Đoàn giới thiệu; đã giới thiệu 2 đoàn viên) Đạt"},
	// Rated by 30/06: only Khóm 2 (good, 25/06): 1 of 5 branches.
	"2.6": {20, domain.VerdictNotMet, "80% 20% (1/5 chi đoàn tốt trở lên) Chưa đạt"},
	"2.7": {1, domain.VerdictMet, ""},
	"2.8": {0, domain.VerdictNotMet, "Có Chưa thực hiện Chưa đạt"},
}

var wantDecember = map[string]want{
	"2.1a": wantJune["2.1a"], "2.1b": wantJune["2.1b"], "2.2a": wantJune["2.2a"],
	// Bờ Sen and the household model of 15/08.
	"2.2b": {2, domain.VerdictMet, "2 mô hình: tổ hợp tác “Tổ hợp tác hoa kiểng Bờ Sen”; hộ gia đình “Trồng nấm rơm” (hộ chị Lê Thị Hoa) Đạt"},
	"2.7":  wantJune["2.7"], "2.8": wantJune["2.8"],
	// Bờ Sen, and Rạch Mẫu since its report of 15/10.
	"2.2c": {2, domain.VerdictMet, "2.2c Có mô hình tổ hợp tác hoạt động theo quy định 1 2 tổ hợp tác Đạt"},
	// Khóm 1 and 2 (assessed 15/12) of the three hamlet branches.
	"2.3": {200.0 / 3, domain.VerdictNotMet, "2.3 Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí 100% 66,7% (2/3 chi đoàn khóm, ấp) Chưa đạt"},
	// Holding office on 31/12: S2, D2, E1 (S1 left on 31/08); D2 took
	// office in September without political theory: 2 of 3.
	"2.4a": {200.0 / 3, domain.VerdictNotMet, "100% 66,7% (2/3 cán bộ) Chưa đạt"},
	// S2 and E1 fluent: 2 of 3.
	"2.4b": {200.0 / 3, domain.VerdictMet, "15% 66,7% (2/3 cán bộ) Đạt"},
	// A1–A4: 8 of 20 with 731 of 1 827 days gone (8 due): on pace.
	"2.5a": {4, domain.VerdictOnPace, "20 (cả giai đoạn) 4 đoàn viên Lũy kế 8/20 (40%), đúng tiến độ"},
	// F1, F2: 4 of 15, 6 due; 400/15 = 26,66… is 26,7% (one decimal, half up).
	"2.5b": {2, domain.VerdictBehind, "15 (cả giai đoạn) 2 hội viên Lũy kế 4/15 (26,7%), chậm tiến độ"},
	// Active on 31/12: S1 S2 D2 E1 M1–M6 P1–P4 A1–A4 I1 = 19 (T1 gone,
	// R1 removed, C1 came of age); Federation F0a F0b F1 F2 = 4; outsiders
	// 2: 25 of 40.
	"2.5c": {62.5, domain.VerdictNotMet, "70% 62,5% (25/40 thanh niên) Chưa đạt"},
	// The ward's count of 20/12 is 4; S1 and M1 admitted to the Party;
	// S1, M1, M2 introduced.
	"2.5d": {50, domain.VerdictNotMet, "70% 50% (2/4 đảng viên mới do Đoàn giới thiệu; đã giới thiệu 3 đoàn viên) Chưa đạt"},
	// Excellent, good, average, good, unrated: 3 of 5 branches, printed
	// on the older scale (see the test).
	"2.6": {60, domain.VerdictNotMet, ""},
}

func checkResults(t *testing.T, st *store.Store, planID int64, cutoff domain.Date, wants map[string]want) {
	t.Helper()
	rs, err := st.YearResultsAt(context.Background(), planID, 2025, cutoff)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != len(wants) {
		t.Fatalf("%d results, want %d", len(rs), len(wants))
	}
	for _, r := range rs {
		w, ok := wants[r.Indicator.Code]
		if !ok {
			t.Errorf("unexpected indicator %s", r.Indicator.Code)
			continue
		}
		if diff := r.Actual - w.actual; diff > 1e-9 || diff < -1e-9 || r.Verdict.Code != w.verdict {
			t.Errorf("%s at %s: %v %s (%s), want %v %s", r.Indicator.Code, cutoff, r.Actual, r.Verdict.Code, r.Detail, w.actual, w.verdict)
		}
	}
}

var spaces = regexp.MustCompile(`\s+`)

// pdfText reads a PDF back in content order, white space collapsed.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	testtool.Need(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return spaces.ReplaceAllString(string(out), " ")
}

// lastPage is the text of a PDF's last page.
func lastPage(t *testing.T, path string) string {
	t.Helper()
	testtool.Need(t, "pdfinfo", "pdftotext")
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count", path)
	}
	out, err := exec.Command("pdftotext", "-raw", "-f", string(m[1]), "-l", string(m[1]), path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return spaces.ReplaceAllString(string(out), " ")
}

// inOrder checks that every part is in text, each after the one before.
func inOrder(t *testing.T, name, text string, parts ...string) {
	t.Helper()
	at := 0
	for _, p := range parts {
		i := strings.Index(text[at:], p)
		if i < 0 {
			if strings.Contains(text, p) {
				t.Errorf("%s: %q is out of order", name, p)
			} else {
				t.Errorf("%s: lacks %q", name, p)
			}
			continue
		}
		at += i + len(p)
	}
}

func contains(t *testing.T, name, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if p != "" && !strings.Contains(text, p) {
			t.Errorf("%s: lacks %q", name, p)
		}
	}
}

func TestFixtureWardIndicators(t *testing.T) {
	w := buildWard(t)
	checkResults(t, w.st, w.plan.ID, d(2025, 6, 30), wantJune)
	checkResults(t, w.st, w.plan.ID, d(2025, 12, 31), wantDecember)
}

func TestAnnualReportAtTwoCutoffs(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// Written on 25/06/2025, before both reports' dates.
	w.on(d(2025, 6, 25))
	must(w.st.SaveNarrative(ctx, domain.NarrativeAnnual, 2025, domain.Narrative{
		"situation":       "Phường có 2 khóm, 1 ấp; thanh niên chủ yếu trồng hoa kiểng.",
		"inspection":      "Kiểm tra sinh hoạt tại 3 chi đoàn khóm, ấp.",
		"recommendations": "Đề nghị Tỉnh Đoàn mở lớp tập huấn cho Bí thư chi đoàn.",
	}))
	w.on(domain.Date{})

	// Cut-off 30/06/2025, dated that day: signed by S1, secretary until
	// 31/08.
	june, err := Issue(ctx, w.st, Request{Kind: Annual, Year: 2025, Date: d(2025, 6, 30), Dir: w.dir})
	must(err)
	if june.Symbol != "1-BC/ĐTN" {
		t.Errorf("first report of 2025 numbered %q", june.Symbol)
	}
	text := pdfText(t, june.Path)
	inOrder(t, "annual 30/06", text,
		"BCH ĐOÀN PHƯỜNG HÒA MẪU", "Số: 1-BC/ĐTN", "Phường Hòa Mẫu, ngày 30 tháng 6 năm 2025",
		"BÁO CÁO", "Kết quả thực hiện Kế hoạch số 12-KH/ĐTN năm 2025",
		"Thực hiện Kế hoạch số 12-KH/ĐTN, ngày 12/05/2024 của Ban Thường vụ Đoàn phường Hòa Mẫu về đổi mới nội dung",
		"(số liệu tính đến ngày 30/06/2025)",
		"I/. ĐẶC ĐIỂM TÌNH HÌNH", "Phường có 2 khóm, 1 ấp; thanh niên chủ yếu trồng hoa kiểng.",
		// Active on 30/06: 17 members (9 men, 8 women; the list in
		// wantJune's 2.5c); Federation members who had joined: F0a F0b
		// F1 Cao I1 = 5 (3 men).
		"Tính đến ngày 30/06/2025, Đoàn phường Hòa Mẫu có 5 chi đoàn trực thuộc (3 chi đoàn khóm, ấp; 1 chi đoàn trường học; 1 chi đoàn lực lượng vũ trang); 17 đoàn viên (nam: 9, nữ: 8) và 5 hội viên (nam: 3, nữ: 2).",
		// Hamlets: S1 S2 D2 E1 M1 M2 M3 P2 P3 P4 A2 R1 = 12 (7 men);
		// school: M4 P1 A1 (women); armed: M5 M6.
		"Khóm, ấp 3 12 7 5", "Trường học 1 3 0 3", "Lực lượng vũ trang 1 2 2 0", "Cộng 5 17 9 8",
		"Từ ngày 01/01/2025 đến ngày 30/06/2025, kết nạp 2 đoàn viên mới; 1 đoàn viên chuyển sinh hoạt đi; 1 đoàn viên trưởng thành Đoàn; phát triển 1 hội viên mới.",
		"II/. KẾT QUẢ THỰC HIỆN", "1/. Công tác tuyên truyền, giáo dục",
		"Đoàn phường Hòa Mẫu có mô hình tuyên truyền, giáo dục đạo đức",
		"2/. Các phong trào hành động", "Duy trì hoạt động 1 CLB Thanh niên làm kinh tế.",
		"CLB Thanh niên làm kinh tế phường Phát triển kinh tế Nguyễn Văn Bình 4 26/03/2020",
		// Rạch Mẫu's 2025 results came on 15/10: not known on 30/06.
		"Tổ hợp tác cá Rạch Mẫu Thủy sản 0 0 — —",
		"Tổ hợp tác hoa kiểng Bờ Sen Hoa kiểng 2 100.000.000 120.000.000 5.000.000", "Cộng 100.000.000 120.000.000",
		"3/. Công tác xây dựng tổ chức Đoàn, Hội", "Kết nạp 2 đoàn viên mới, phát triển 1 hội viên mới.",
		// The ward's count on 30/06 is 1, not the year's 4.
		"Giới thiệu 2 đoàn viên ưu tú cho Đảng xem xét kết nạp; 1 trong 1 đảng viên mới kết nạp trong năm là đoàn viên do Đoàn giới thiệu (100%).",
		// Rated on 20/12: not on 30/06.
		"Ban Chấp hành Đoàn phường Hòa Mẫu tự đánh giá, xếp loại năm 2025: chưa xếp loại.",
		"4/. Công tác kiểm tra, giám sát", "Kiểm tra sinh hoạt tại 3 chi đoàn khóm, ấp.",
		"5/. Kết quả thực hiện các chỉ tiêu",
		// Met: 2.1a 2.1b 2.2a 2.2b 2.2c 2.4a 2.4b 2.5d 2.7 = 9; on pace
		// 2.5a; behind 2.5b; not met 2.3 2.5c 2.6 2.8 = 4.
		"Kế hoạch số 12-KH/ĐTN ngày 12/05/2024 của Ban Thường vụ Đoàn phường Hòa Mẫu đề ra 8 nhóm chỉ tiêu với 15 chỉ tiêu cụ thể; kết quả năm 2025: đạt 9, đúng tiến độ 1, chậm tiến độ 1, chưa đạt 4.",
		"III/. ĐÁNH GIÁ CHUNG", "1/. Ưu điểm", "2/. Hạn chế",
		// QA finding 6: sentences naming the targets, not codes; the
		// causes and lessons, left empty, are left out (no dotted lines).
		"Còn 5 chỉ tiêu chưa đạt hoặc chậm tiến độ: chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí:",
		"IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
		"Tập trung thực hiện các chỉ tiêu còn chưa đạt: chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí đạt", "V/. ĐỀ XUẤT, KIẾN NGHỊ",
		"Đề nghị Tỉnh Đoàn mở lớp tập huấn cho Bí thư chi đoàn.",
		"Trên đây là báo cáo kết quả thực hiện Kế hoạch số 12-KH/ĐTN năm 2025 của Ban Chấp hành Đoàn phường Hòa Mẫu./.",
		"Nơi nhận:", "- Ban Thường vụ Tỉnh Đoàn Đồng Tháp (qua Văn phòng);", "- Lưu VP.", "TM. BAN CHẤP HÀNH", "BÍ THƯ", "Trần Minh Quân")
	for _, w := range wantJune {
		contains(t, "annual 30/06", text, w.text)
	}
	// The signature is never alone on the last page.
	contains(t, "annual 30/06, last page", lastPage(t, june.Path), "Trên đây là báo cáo", "Trần Minh Quân")
	for _, absent := range []string{"Trồng nấm rơm", "112,5", "Có (đạt)", "(1 CLB)", "chưa có số liệu 0", "Tổng số 15 chỉ tiêu", "31/12/2025",
		"CLB Kinh tế cũ", "CLB Bóng đá thanh niên"} {
		if strings.Contains(text, absent) {
			t.Errorf("annual 30/06 prints %q", absent)
		}
	}

	// Cut-off 31/12/2025 in a report dated 10/01/2026, on the older
	// rating scale, with the ward's own recipients, signed by the deputy
	// D2 for the secretary S2.
	must(w.st.SetRatingScale(ctx, domain.ScaleStrength))
	must(w.st.SetRecipients(ctx, string(Annual), "Ban Thường vụ Tỉnh Đoàn (qua Văn phòng)\nThường trực Đảng ủy phường Hòa Mẫu"))
	dec, err := Issue(ctx, w.st, Request{Kind: Annual, Year: 2025, Date: d(2026, 1, 10), Cutoff: d(2025, 12, 31), Deputy: true, Dir: w.dir})
	must(err)
	if dec.Symbol != "1-BC/ĐTN" || dec.Doc.Year != 2026 {
		t.Errorf("first report of 2026 numbered %q (year %d)", dec.Symbol, dec.Doc.Year)
	}
	text = pdfText(t, dec.Path)
	inOrder(t, "annual 31/12", text,
		"Phường Hòa Mẫu, ngày 10 tháng 01 năm 2026", "(số liệu tính đến ngày 31/12/2025)",
		// 19 active (10 men), Federation F0a F0b F1 F2 Cao I1 = 6 (3 men).
		"Tính đến ngày 31/12/2025, Đoàn phường Hòa Mẫu có 5 chi đoàn trực thuộc (3 chi đoàn khóm, ấp; 1 chi đoàn trường học; 1 chi đoàn lực lượng vũ trang); 19 đoàn viên (nam: 10, nữ: 9) và 6 hội viên (nam: 3, nữ: 3).",
		// Hamlets lose R1, gain A4 and I1: 13 (8 men); school gains A3.
		"Khóm, ấp 3 13 8 5", "Trường học 1 4 0 4", "Lực lượng vũ trang 1 2 2 0", "Cộng 5 19 10 9",
		"Từ ngày 01/01/2025 đến ngày 31/12/2025, kết nạp 4 đoàn viên mới; tiếp nhận 1 đoàn viên chuyển sinh hoạt đến; 1 đoàn viên chuyển sinh hoạt đi; 1 đoàn viên trưởng thành Đoàn; xóa tên 1 đoàn viên; phát triển 2 hội viên mới.",
		// Rạch Mẫu's report of 15/10 is known now: 120 + 30 million.
		"Tổ hợp tác cá Rạch Mẫu Thủy sản 0 0 30.000.000 0", "Cộng 100.000.000 150.000.000",
		"Giới thiệu 3 đoàn viên ưu tú cho Đảng xem xét kết nạp; 2 trong 4 đảng viên mới kết nạp trong năm là đoàn viên do Đoàn giới thiệu (50%).",
		"Ban Chấp hành Đoàn phường Hòa Mẫu tự đánh giá, xếp loại năm 2025: khá.",
		"kết quả năm 2025: đạt 7, đúng tiến độ 1, chậm tiến độ 1, chưa đạt 6.",
		"Nơi nhận:", "- Ban Thường vụ Tỉnh Đoàn (qua Văn phòng);", "- Thường trực Đảng ủy phường Hòa Mẫu;", "- Lưu VP.",
		"TM. BAN CHẤP HÀNH", "KT. BÍ THƯ", "PHÓ BÍ THƯ", "Phạm Văn Khoa")
	for _, w := range wantDecember {
		contains(t, "annual 31/12", text, w.text)
	}
	contains(t, "annual 31/12", text, "80% 60% (3/5 chi đoàn khá trở lên) Chưa đạt",
		"CLB Bóng đá thanh niên Văn hóa, thể thao, sở thích 0 01/09/2025")

	// The secretary signs the same document again: it keeps its number,
	// and the new issue is written beside the first (a version), which
	// stays as it was.
	again, err := Issue(ctx, w.st, Request{Kind: Annual, Year: 2025, Date: d(2026, 1, 12), Cutoff: d(2025, 12, 31), Dir: w.dir})
	must(err)
	if again.Symbol != "1-BC/ĐTN" || !again.Kept || again.Path == dec.Path || len(again.Doc.Versions) != 2 {
		t.Errorf("regenerated report numbered %q (kept %v) in %s, want 1-BC/ĐTN kept beside %s", again.Symbol, again.Kept, again.Path, dec.Path)
	}
	contains(t, "annual again", pdfText(t, again.Path), "BÍ THƯ Lê Thị Hồng Nhung")
	contains(t, "annual first issue", pdfText(t, dec.Path), "KT. BÍ THƯ")
	renum, err := Issue(ctx, w.st, Request{Kind: Annual, Year: 2025, Date: d(2026, 1, 12), Renumber: true, Dir: w.dir})
	must(err)
	if renum.Symbol != "2-BC/ĐTN" {
		t.Errorf("renumbered report %q, want 2-BC/ĐTN", renum.Symbol)
	}
	draft, err := Issue(ctx, w.st, Request{Kind: Annual, Year: 2025, Date: d(2026, 1, 12), Draft: true, Dir: filepath.Join(w.dir, "nhap")})
	must(err)
	if draft.Symbol != "" || draft.Doc.ID != 0 {
		t.Errorf("draft took a number: %+v", draft)
	}
	docs, err := w.st.Documents(ctx, 0)
	must(err)
	if len(docs) != 3 {
		t.Errorf("register holds %d documents, want 3 (1-BC of 2025, 1-BC and 2-BC of 2026)", len(docs))
	}
	for _, doc := range docs {
		for _, v := range doc.Versions {
			if _, err := os.Stat(v.File); err != nil {
				t.Errorf("%s of %s: file %q: %v", doc.Symbol("ĐTN"), v.Issued, v.File, err)
			}
		}
	}
}

func TestPeriodAndPlanDocuments(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	p, err := Issue(ctx, w.st, Request{Kind: Period, Date: d(2026, 1, 10), Cutoff: d(2025, 12, 31), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, p.Path); strings.Contains(text, ".....") {
		t.Error("the period report prints dotted lines for a section without text")
	}
	inOrder(t, "period", pdfText(t, p.Path),
		"Số: 1-BC/ĐTN", "Sơ kết thực hiện Kế hoạch số 12-KH/ĐTN, giai đoạn 2024 - 2028",
		"Thực hiện Kế hoạch số 12-KH/ĐTN, ngày 12/05/2024 của Ban Thường vụ Đoàn phường Hòa Mẫu",
		"báo cáo sơ kết việc thực hiện kế hoạch từ năm 2024 đến ngày 31/12/2025 như sau:",
		"I/. KẾT QUẢ THỰC HIỆN", "1/. Công tác tuyên truyền, giáo dục",
		// Inspection is drafted from the register since issue 17
		// (finding 12): the one removal of the fixture, dated 2025.
		"4/. Công tác kiểm tra, giám sát", "Trong năm 2025, Đoàn phường Hòa Mẫu xem xét, xóa tên 1 đoàn viên",
		"5/. Kết quả thực hiện các chỉ tiêu qua từng năm",
		// 2.5a: P1–P4 in 2024, A1–A4 in 2025; 2.5b: F0a F0b, F1 F2.
		"2.5a Phát triển đoàn viên mới (cả giai đoạn) 20 (cả giai đoạn) 4 4 8 8/20 (40%), đúng tiến độ",
		"2.5b Phát triển hội viên mới (cả giai đoạn) 15 (cả giai đoạn) 2 2 4 4/15 (26,7%), chậm tiến độ",
		// Sections without text (causes, lessons, recommendations) are
		// left out and the rest renumbered.
		"II/. ĐÁNH GIÁ CHUNG", "1/. Ưu điểm", "2/. Hạn chế",
		"III/. PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ KIẾN NGHỊ", "1/. Phương hướng, nhiệm vụ",
		"TM. BAN CHẤP HÀNH", "BÍ THƯ", "Lê Thị Hồng Nhung")

	// The plan prints its own number and date, signed by the secretary
	// of that day.
	k, err := Issue(ctx, w.st, Request{Kind: Plan, Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	if k.Symbol != "" {
		t.Errorf("plan took a register number %q", k.Symbol)
	}
	inOrder(t, "plan", pdfText(t, k.Path),
		"Số: 12-KH/ĐTN", "Phường Hòa Mẫu, ngày 12 tháng 5 năm 2024", "KẾ HOẠCH",
		"Căn cứ Kế hoạch số 105-KH/TĐTN, ngày 15/3/2024 của Ban Thường vụ Tỉnh Đoàn;",
		"Ban Thường vụ Đoàn phường Hòa Mẫu xây dựng kế hoạch",
		"I/. MỤC ĐÍCH, YÊU CẦU", "II/. MỤC TIÊU", "2/. Chỉ tiêu cụ thể",
		// QA finding 17: the period said once, targets as a plan words them.
		"2.2a/. Củng cố, duy trì CLB Thanh niên làm kinh tế: hằng năm ít nhất 01 câu lạc bộ.",
		"2.5a/. Phát triển đoàn viên mới: ít nhất 20 đoàn viên trong giai đoạn 2024 - 2028.",
		"2.6/. Cơ sở Đoàn, chi đoàn xếp loại từ khá trở lên: hằng năm đạt 80%.",
		"III/. NHIỆM VỤ, GIẢI PHÁP", "IV/. TỔ CHỨC THỰC HIỆN", "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Minh Quân")
}

func TestIssueRefusals(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	// Before the committee of 01/10/2023 nobody held the office: the
	// document asks for the secretary instead of printing a name.
	_, err := Issue(ctx, w.st, Request{Kind: Clubs, Date: d(2023, 5, 5), Dir: w.dir})
	if !errors.Is(err, store.ErrNoSigner) || !strings.Contains(err.Error(), "Bí thư") || !strings.Contains(err.Error(), "05/05/2023") {
		t.Errorf("no secretary on 05/05/2023: %v", err)
	}
	// A file that cannot be written takes no number.
	blocker := filepath.Join(w.dir, "tep")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Issue(ctx, w.st, Request{Kind: Clubs, Date: d(2025, 5, 5), Path: filepath.Join(blocker, "cau-lac-bo.pdf")}); err == nil {
		t.Error("writing under a file succeeded")
	}
	docs, err := w.st.Documents(ctx, 0)
	if err != nil || len(docs) != 0 {
		t.Errorf("register after refusals: %d documents (%v), want none", len(docs), err)
	}
	// Lists are numbered as reports (BC): the reference has no type for
	// a list.
	l, err := Issue(ctx, w.st, Request{Kind: Members, Date: d(2025, 5, 5), Dir: w.dir})
	if err != nil || l.Symbol != "1-BC/ĐTN" {
		t.Errorf("member list: %q, %v", l.Symbol, err)
	}
}
