package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
)

// openOnDay opens a new register whose clock reads the given day.
func openOnDay(t *testing.T, today domain.Date) *Store {
	t.Helper()
	s, err := OpenWith(filepath.Join(t.TempDir(), "so-doan.db"), OpenOptions{Create: true,
		Now: func() time.Time { return today.Time().Add(10 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// targetPlan saves a plan measuring 2.1a, 2.1b, 2.2b, 2.4a and 2.4b.
func targetPlan(t *testing.T, s *Store) domain.Plan {
	t.Helper()
	p := &domain.Plan{Number: "3-KH/ĐTN", Title: "Kế hoạch kiểm thử chỉ tiêu", StartYear: 2025, EndYear: 2027, Current: true,
		Indicators: []domain.Indicator{
			{Code: "2.1a", Section: "2.1", Kind: domain.KindCheck, Metric: domain.MetricOutreachModels, Target: 1, Title: "Mô hình tuyên truyền"},
			{Code: "2.1b", Section: "2.1", Kind: domain.KindCheck, Metric: domain.MetricSocialPages, Target: 1, Title: "Trang mạng xã hội"},
			{Code: "2.2b", Section: "2.2", Kind: domain.KindCount, Metric: domain.MetricSupportedModels, Target: 1, Title: "Mô hình kinh tế"},
			{Code: "2.4a", Section: "2.4", Kind: domain.KindPercent, Metric: domain.MetricCadreStandardPct, Target: 100, Title: "Cán bộ đạt chuẩn"},
			{Code: "2.4b", Section: "2.4", Kind: domain.KindPercent, Metric: domain.MetricCadreLanguagePct, Target: 15, Title: "Ngoại ngữ"},
		}}
	mustDo(t, s.SavePlan(context.Background(), p))
	return *p
}

func resultOf(t *testing.T, s *Store, plan domain.Plan, year int, cutoff domain.Date, code string) domain.Result {
	t.Helper()
	rs, err := s.YearResultsAt(context.Background(), plan.ID, year, cutoff)
	mustDo(t, err)
	for _, r := range rs {
		if r.Indicator.Code == code {
			return r
		}
	}
	t.Fatalf("no result %s", code)
	return domain.Result{}
}

// officerWard holds officers on both sides of the cut-offs 30/06/2026 and
// 31/12/2026, with trainings in 2026 and in 2025.
func officerWard(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	s := openOnDay(t, domain.MustDate(2027, 1, 15))
	d := domain.MustDate
	ids := map[string]int64{}
	for _, o := range []struct {
		key         string
		schooling   int
		qual        domain.Qualification
		theory      domain.TheoryLevel
		fluent      bool
		office      domain.PositionKind
		start, end  domain.Date
		trainings   []domain.Date
		familyGiven [2]string
	}{
		// Meets the Bí thư's standard (12/12, vocational+, LLCT trung cấp+), trained in March.
		{"S", 12, "university", "intermediate", true, "secretary", d(2024, 1, 1), domain.Date{}, []domain.Date{d(2026, 3, 10)}, [2]string{"Trần", "Sơn"}},
		// Meets the Phó Bí thư's (sơ cấp) but trained only in August.
		{"D", 12, "college", "elementary", false, "deputy", d(2024, 1, 1), domain.Date{}, []domain.Date{d(2026, 8, 15)}, [2]string{"Lê", "Dũng"}},
		// Standing committee: qualifies, but trained in 2025 only.
		{"U", 12, "", "elementary", false, "standing", d(2025, 1, 1), domain.Date{}, []domain.Date{d(2025, 11, 20)}, [2]string{"Võ", "Uyên"}},
		// Executive with no political theory, left office 31/07/2026.
		{"X", 12, "", "", true, "executive", d(2024, 1, 1), d(2026, 7, 31), []domain.Date{d(2026, 2, 1)}, [2]string{"Phan", "Xuân"}},
		// Executive from September with 9/12 only.
		{"Y", 9, "", "elementary", false, "executive", d(2026, 9, 1), domain.Date{}, []domain.Date{d(2026, 9, 5)}, [2]string{"Huỳnh", "Yến"}},
		// Executive from March who meets the standard.
		{"Z", 12, "vocational", "elementary", false, "executive", d(2026, 3, 1), domain.Date{}, []domain.Date{d(2026, 4, 1)}, [2]string{"Đỗ", "Zung"}},
		// A branch secretary: held to 9/12 and a training, not counted in 2.4.
		{"B", 9, "", "", false, "branch_secretary", d(2024, 1, 1), domain.Date{}, nil, [2]string{"Ngô", "Bảo"}},
	} {
		p := member(o.familyGiven[0], "Văn", o.familyGiven[1], d(1998, 5, 5), "C"+o.key)
		p.AdmissionDate = d(2014, 3, 26)
		p.Schooling, p.Qualification, p.TheoryLevel, p.LanguageFluent = o.schooling, o.qual, o.theory, o.fluent
		mustDo(t, s.SavePerson(ctx, p))
		ids[o.key] = p.ID
		mustDo(t, s.SavePosition(ctx, &domain.Position{PersonID: p.ID, Kind: o.office, Start: o.start, End: o.end}))
		for _, td := range o.trainings {
			mustDo(t, s.SaveTraining(ctx, &domain.Training{PersonID: p.ID, Date: td, Course: "Tập huấn nghiệp vụ công tác Đoàn", Organiser: "Tỉnh Đoàn Đồng Tháp"}))
		}
	}
	return s, ids
}

func TestOfficerStandardsAtCutoffs(t *testing.T) {
	ctx := context.Background()
	s, ids := officerWard(t)
	plan := targetPlan(t, s)
	for _, tc := range []struct {
		name    string
		year    int
		cutoff  domain.Date
		holders []string // holding an office on the cut-off
		meeting []string // of them, meeting every office's standard
		pct     float64
		detail  string
		lang    string
	}{
		// 30/06/2026: S, D, U, X, Z hold a ward office (Y not yet, B is a
		// branch officer). S and Z meet theirs; D's training is in August,
		// U's in 2025, X has no political theory: 2/5 = 40 %. Fluent: S, X.
		{"June", 2026, domain.MustDate(2026, 6, 30), []string{"B", "D", "S", "U", "X", "Z"}, []string{"S", "Z"}, 40, "2/5 cán bộ", "2/5 cán bộ"},
		// 31/12/2026: X has left, Y came with 9/12: S, D (trained in
		// August), Z meet; U and Y do not: 3/5 = 60 %. Fluent: S.
		{"December", 2026, domain.MustDate(2026, 12, 31), []string{"B", "D", "S", "U", "Y", "Z"}, []string{"D", "S", "Z"}, 60, "3/5 cán bộ", "1/5 cán bộ"},
		// 31/12/2025: S, D, U, X hold; only U was trained in 2025 and
		// meets the standing committee's standard: 1/4 = 25 %.
		{"2025", 2025, domain.MustDate(2025, 12, 31), []string{"B", "D", "S", "U", "X"}, []string{"U"}, 25, "1/4 cán bộ", "2/4 cán bộ"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sp, err := s.YearSpan(ctx, tc.year, tc.cutoff)
			mustDo(t, err)
			os, err := s.OfficerStandings(ctx, sp)
			mustDo(t, err)
			var holders, meeting []string
			for _, o := range os {
				for k, id := range ids {
					if id != o.Person.ID {
						continue
					}
					holders = append(holders, k)
					if len(o.Gaps) == 0 && o.Counted {
						meeting = append(meeting, k)
					}
				}
			}
			slices.Sort(holders)
			slices.Sort(meeting)
			if !slices.Equal(holders, tc.holders) || !slices.Equal(meeting, tc.meeting) {
				t.Fatalf("holders %v meeting %v; want %v and %v", holders, meeting, tc.holders, tc.meeting)
			}
			r := resultOf(t, s, plan, tc.year, tc.cutoff, "2.4a")
			if !r.Known || r.Actual != tc.pct || r.Detail != tc.detail || r.Met {
				t.Fatalf("2.4a = %v %q met %v; want %v %q, not met", r.Actual, r.Detail, r.Met, tc.pct, tc.detail)
			}
			if l := resultOf(t, s, plan, tc.year, tc.cutoff, "2.4b"); l.Detail != tc.lang {
				t.Fatalf("2.4b = %q; want %q", l.Detail, tc.lang)
			}
		})
	}

	// What each officer lacks on 30/06/2026, in words.
	sp, err := s.YearSpan(ctx, 2026, domain.MustDate(2026, 6, 30))
	mustDo(t, err)
	os, err := s.OfficerStandings(ctx, sp)
	mustDo(t, err)
	gaps := map[int64]string{}
	for _, o := range os {
		var parts []string
		for _, g := range o.Gaps {
			parts = append(parts, g.String())
		}
		gaps[o.Person.ID] = strings.Join(parts, "; ")
	}
	for key, want := range map[string]string{
		"D": "chưa tập huấn công tác thanh niên trong năm",
		"U": "chưa tập huấn công tác thanh niên trong năm",
		"X": "lý luận chính trị: chưa qua đào tạo (cần từ sơ cấp trở lên)",
		"B": "chưa tập huấn công tác thanh niên trong năm", // 9/12 is enough for a branch
		"S": "",
		"Z": "",
	} {
		if gaps[ids[key]] != want {
			t.Errorf("%s lacks %q; want %q", key, gaps[ids[key]], want)
		}
	}
}

// The standard is the ward's setting: asking cao cấp of the Bí thư from
// 2026 on changes 2026 and leaves 2025 as it was judged.
func TestOfficeStandardSetting(t *testing.T) {
	ctx := context.Background()
	s, _ := officerWard(t)
	plan := targetPlan(t, s)
	def, err := s.OfficeStandards(ctx, 2026)
	mustDo(t, err)
	if def[0].Office != "secretary" || def[0].MinTheory != "intermediate" || def[0].MinSchooling != 12 || !def[0].Counted {
		t.Fatalf("default secretary standard %+v", def[0])
	}
	mustDo(t, s.SaveOfficeStandard(ctx, &domain.OfficeStandard{Office: "secretary", FromYear: 2026, MinSchooling: 12,
		MinQualification: "vocational", MinTheory: "advanced", TrainingRequired: true, Counted: true}))
	// December 2026: S now lacks cao cấp: D and Z of 5 = 40 %.
	if r := resultOf(t, s, plan, 2026, domain.MustDate(2026, 12, 31), "2.4a"); r.Actual != 40 || r.Detail != "2/5 cán bộ" {
		t.Fatalf("2026 with the stricter standard: %v %q", r.Actual, r.Detail)
	}
	// 2025 keeps the default: 1/4 as before.
	if r := resultOf(t, s, plan, 2025, domain.MustDate(2025, 12, 31), "2.4a"); r.Actual != 25 {
		t.Fatalf("2025 changed with 2026's standard: %v %q", r.Actual, r.Detail)
	}
	rows, err := s.OfficeStandardRows(ctx)
	mustDo(t, err)
	if len(rows) != 1 || rows[0].FromYear != 2026 || rows[0].MinTheory != "advanced" {
		t.Fatalf("rows %+v", rows)
	}
	// A bad standard is refused, naming the field, and nothing changes.
	for _, bad := range []domain.OfficeStandard{
		{Office: "secretary", FromYear: 2026, MinSchooling: 13},
		{Office: "secretary", FromYear: 2026, MinTheory: "phd"},
		{Office: "president", FromYear: 2026},
	} {
		err := s.SaveOfficeStandard(ctx, &bad)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("%+v accepted: %v", bad, err)
		}
	}
	after, err := s.OfficeStandardRows(ctx)
	mustDo(t, err)
	if !slices.Equal(after, rows) {
		t.Fatalf("a refused standard changed the rows: %+v", after)
	}
	mustDo(t, s.DeleteOfficeStandard(ctx, "secretary", 2026))
	if r := resultOf(t, s, plan, 2026, domain.MustDate(2026, 12, 31), "2.4a"); r.Actual != 60 {
		t.Fatalf("back to the default: %v", r.Actual)
	}
}

func TestTrainingRecords(t *testing.T) {
	ctx := context.Background()
	s := openOnDay(t, domain.MustDate(2026, 6, 1))
	p := member("Trần", "Văn", "An", domain.MustDate(2000, 1, 1), "T1")
	mustDo(t, s.SavePerson(ctx, p))
	tr := domain.Training{PersonID: p.ID, Date: domain.MustDate(2026, 5, 2), Course: "  Tập huấn   Bí thư chi đoàn ", Organiser: "Tỉnh Đoàn"}
	mustDo(t, s.SaveTraining(ctx, &tr))
	for _, bad := range []domain.Training{
		{PersonID: p.ID, Date: domain.MustDate(2026, 6, 2), Course: "Tương lai"}, // after today
		{PersonID: p.ID, Course: "Không ngày"},
		{PersonID: p.ID, Date: domain.MustDate(2026, 1, 1)},                     // no course
		{PersonID: 9999, Date: domain.MustDate(2026, 1, 1), Course: "Không ai"}, // no such person
	} {
		var ve *domain.ValidationError
		if err := s.SaveTraining(ctx, &bad); !errors.As(err, &ve) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	list, err := s.Trainings(ctx, p.ID)
	mustDo(t, err)
	if len(list) != 1 || list[0].Course != "Tập huấn Bí thư chi đoàn" || list[0].Date != domain.MustDate(2026, 5, 2) {
		t.Fatalf("trainings %+v", list)
	}
	// A person's trainings go to the bin with them and come back.
	mustDo(t, s.DeletePerson(ctx, p.ID))
	if list, _ := s.Trainings(ctx, p.ID); len(list) != 0 {
		t.Fatalf("trainings of a deleted person: %+v", list)
	}
	if _, err := s.RestoreTrash(ctx, domain.TrashPerson, p.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Trainings(ctx, p.ID); len(list) != 1 {
		t.Fatalf("trainings after restore: %+v", list)
	}
	mustDo(t, s.DeleteTraining(ctx, tr.ID))
	if list, _ := s.Trainings(ctx, p.ID); len(list) != 0 {
		t.Fatalf("after delete: %+v", list)
	}
}

// 2.2b counts the economic models supported in the year up to the
// cut-off, of every kind; 2.1 the models and pages running in the year.
func TestModelsAtCutoffs(t *testing.T) {
	ctx := context.Background()
	s := openOnDay(t, domain.MustDate(2027, 1, 10))
	plan := targetPlan(t, s)
	d := domain.MustDate
	coop := &domain.Coop{Name: "Tổ hợp tác hoa kiểng Bờ Sen", Founded: d(2021, 1, 1), Active: true}
	mustDo(t, s.SaveCoop(ctx, coop))
	// Rạch Mẫu is ticked "supported" in 2026 on the Tổ hợp tác screen, with
	// no record: it counts, dated 31/12/2026. Bờ Sen is ticked too, but
	// has its dated record: it counts once.
	coop2 := &domain.Coop{Name: "Tổ hợp tác cá Rạch Mẫu", Founded: d(2022, 5, 10), Active: true}
	mustDo(t, s.SaveCoop(ctx, coop2))
	mustDo(t, s.SaveCoopYear(ctx, domain.CoopYear{CoopID: coop2.ID, Year: 2026, Revenue: 5000000, SupportedModel: true}))
	mustDo(t, s.SaveCoopYear(ctx, domain.CoopYear{CoopID: coop.ID, Year: 2026, Revenue: 9000000, SupportedModel: true}))
	br := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	mustDo(t, s.SaveBranch(ctx, br))
	for _, m := range []domain.TargetModel{
		{Target: domain.ModelEconomic, Kind: "individual", Name: "Nuôi lươn không bùn", Owner: "anh Trần Văn Bảy", Date: d(2026, 3, 10), Support: "Giới thiệu vay 50 triệu đồng"},
		{Target: domain.ModelEconomic, Kind: "coop", CoopID: coop.ID, Date: d(2026, 5, 1), Support: "Hỗ trợ kỹ thuật"},
		{Target: domain.ModelEconomic, Kind: "household", Name: "Trồng nấm rơm", Owner: "hộ chị Lê Thị Hoa", Date: d(2026, 8, 20), Support: "Tập huấn kỹ thuật"},
		{Target: domain.ModelEconomic, Kind: "household", Name: "Nuôi gà thả vườn", Owner: "hộ anh Sáu", Date: d(2025, 9, 9)},
		{Target: domain.ModelOutreach, Kind: "page", Name: "Tuổi trẻ phường Hòa Mẫu", Link: "facebook.com/tuoitrehoamau", Date: d(2025, 3, 1)},
		{Target: domain.ModelOutreach, Kind: "model", Name: "Ngày thứ Bảy pháp luật", Link: "sinh hoạt hằng tháng", Date: d(2024, 1, 1), Ended: d(2025, 12, 31)},
		{Target: domain.ModelOutreach, Kind: "model", Name: "Góc học tập Bác Hồ", BranchID: br.ID, Date: d(2026, 7, 1)},
	} {
		mustDo(t, s.SaveModel(ctx, &m))
	}
	for _, tc := range []struct {
		cutoff domain.Date
		code   string
		actual float64
		met    bool
		detail string
	}{
		// By 30/06/2026: Nuôi lươn (10/03) and Bờ Sen (01/05); the
		// household model of 20/08 and Rạch Mẫu's tick (31/12) not yet,
		// 2025's not this year.
		{d(2026, 6, 30), "2.2b", 2, true, "2 mô hình: cá nhân “Nuôi lươn không bùn” (anh Trần Văn Bảy); tổ hợp tác “Tổ hợp tác hoa kiểng Bờ Sen”"},
		// By 31/12/2026: those, Trồng nấm rơm and Rạch Mẫu: 4, three named.
		{d(2026, 12, 31), "2.2b", 4, true, "4 mô hình: cá nhân “Nuôi lươn không bùn” (anh Trần Văn Bảy); tổ hợp tác “Tổ hợp tác hoa kiểng Bờ Sen”; hộ gia đình “Trồng nấm rơm” (hộ chị Lê Thị Hoa) và 1 mô hình khác"},
		{d(2025, 12, 31), "2.2b", 1, true, "1 mô hình: hộ gia đình “Nuôi gà thả vườn” (hộ anh Sáu)"},
		// The page started in 2025 still runs in 2026.
		{d(2026, 6, 30), "2.1b", 1, true, "Có – trang “Tuổi trẻ phường Hòa Mẫu” (facebook.com/tuoitrehoamau)"},
		// Ngày thứ Bảy pháp luật stopped at the end of 2025; Góc học tập
		// starts 01/07/2026: none on 30/06, one by December.
		{d(2026, 6, 30), "2.1a", 0, false, "Chưa có"},
		{d(2026, 12, 31), "2.1a", 1, true, "Có – mô hình tuyên truyền, giáo dục “Góc học tập Bác Hồ”"},
		{d(2025, 12, 31), "2.1a", 1, true, "Có – mô hình tuyên truyền, giáo dục “Ngày thứ Bảy pháp luật” (sinh hoạt hằng tháng)"},
	} {
		r := resultOf(t, s, plan, tc.cutoff.Year(), tc.cutoff, tc.code)
		if r.Actual != tc.actual || r.Met != tc.met || r.Detail != tc.detail {
			t.Errorf("%s on %s = %v met %v %q; want %v %v %q", tc.code, tc.cutoff, r.Actual, r.Met, r.Detail, tc.actual, tc.met, tc.detail)
		}
	}
	ms, err := s.Models(ctx, domain.ModelEconomic, 2026)
	mustDo(t, err)
	if len(ms) != 4 || ms[1].Name != "Tổ hợp tác hoa kiểng Bờ Sen" || ms[1].CoopID != coop.ID ||
		ms[3].ID != 0 || ms[3].CoopID != coop2.ID || ms[3].Date != d(2026, 12, 31) {
		t.Fatalf("2026's economic models: %+v", ms)
	}
	// Refused: a date after today, no name, a kind of the other target,
	// a group not in the register; nothing written.
	for _, bad := range []domain.TargetModel{
		{Target: domain.ModelEconomic, Kind: "household", Name: "Tương lai", Date: d(2027, 2, 1)},
		{Target: domain.ModelEconomic, Kind: "household", Date: d(2026, 2, 1)},
		{Target: domain.ModelEconomic, Kind: "page", Name: "Sai loại", Date: d(2026, 2, 1)},
		{Target: domain.ModelEconomic, Kind: "coop", CoopID: 999, Name: "Không có", Date: d(2026, 2, 1)},
		{Target: domain.ModelOutreach, Kind: "page", Name: "Ngừng trước khi bắt đầu", Date: d(2026, 2, 1), Ended: d(2026, 1, 1)},
	} {
		var ve *domain.ValidationError
		if err := s.SaveModel(ctx, &bad); !errors.As(err, &ve) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	if after, _ := s.Models(ctx, domain.ModelEconomic, 2026); len(after) != 4 {
		t.Fatalf("a refused model was written: %d", len(after))
	}
	// A group's records go to the bin with it and come back with it; a
	// branch's records lose their link while it is in the bin.
	mustDo(t, s.DeleteCoop(ctx, coop.ID))
	if got, _ := s.Models(ctx, domain.ModelEconomic, 2026); len(got) != 3 || got[1].Name == coop.Name {
		t.Fatalf("a deleted group's model still counted: %+v", got)
	}
	_, err = s.RestoreTrash(ctx, domain.TrashCoop, coop.ID)
	mustDo(t, err)
	if got, _ := s.Models(ctx, domain.ModelEconomic, 2026); len(got) != 4 || got[1].CoopID != coop.ID {
		t.Fatalf("restored group's model: %+v", got)
	}
	mustDo(t, s.DeleteBranch(ctx, br.ID))
	if got, _ := s.Models(ctx, domain.ModelOutreach, 2026); len(got) != 2 || got[1].BranchID != 0 {
		t.Fatalf("models of a deleted branch: %+v", got)
	}
	_, err = s.RestoreTrash(ctx, domain.TrashBranch, br.ID)
	mustDo(t, err)
	if got, _ := s.Models(ctx, domain.ModelOutreach, 2026); len(got) != 2 || got[1].BranchID != br.ID {
		t.Fatalf("models after the branch's restore: %+v", got)
	}

	// A 2.1 tick entered by hand before models were named still counts.
	// (2023: no model ran yet.)
	mustDo(t, s.SetIndicatorValue(ctx, plan.Indicators[0].ID, 2023, 1))
	if r := resultOf(t, s, plan, 2023, d(2023, 12, 31), "2.1a"); r.Actual != 1 || !r.Met || r.Detail != "Có (đánh dấu tay, chưa ghi tên mô hình)" {
		t.Fatalf("legacy tick: %v %v %q", r.Actual, r.Met, r.Detail)
	}
}

// An older register keeps its "đã tập huấn" yes as a training and its
// supported groups as 2.2b models.
func TestMigrationKeepsTrainingAndModels(t *testing.T) {
	ctx := context.Background()
	n := slices.IndexFunc(migrations, func(m string) bool { return strings.Contains(m, "CREATE TABLE trainings") })
	if n < 1 {
		t.Fatal("the trainings migration is missing")
	}
	path := filepath.Join(t.TempDir(), "cu.db")
	mustDo(t, CreateAtSchema(path, n))
	db, err := sql.Open("sqlite", dsn(path, false, false))
	mustDo(t, err)
	for _, q := range []string{
		`INSERT INTO people(id, family_name, given_name, sort_key, youth_work_trained) VALUES (1, 'Trần', 'An', x'01', 1), (2, 'Lê', 'Bình', x'02', 1), (3, 'Võ', 'Cúc', x'03', 0)`,
		// The register began in 2023 (another person's line); An's yes was
		// recorded on 03/05/2024; Bình's has no line of its own.
		`INSERT INTO history(at, action, entity, row_key, person_id, after) VALUES
			('2023-02-01T08:00:00.000Z', 'insert', 'people', '3', 3, '{"given_name":"Cúc"}'),
			('2024-05-03T08:00:00.000Z', 'update', 'people', '1', 1, '{"youth_work_trained":1}')`,
		`INSERT INTO coops(id, name, active) VALUES (7, 'Tổ hợp tác cá Rạch Mẫu', 1)`,
		`INSERT INTO coop_years(coop_id, year, revenue, support, supported_model) VALUES (7, 2025, 90000000, 'Vốn vay ưu đãi', 1), (7, 2024, 1, '', 0)`,
		// The plan an older register was seeded with (a new one has none
		// since 'plan'): its 2.1 targets ticked by hand.
		`INSERT INTO plans(id, number, title, start_year, end_year, current) VALUES (1, '25-KH/ĐTN', 'Kế hoạch', 2018, 2022, 1)`,
		`INSERT INTO indicators(plan_id, code, title, kind, metric, target, ord) VALUES
			(1, '2.1a', 'Có mô hình tuyên truyền', 'check', 'manual', 1, 1), (1, '2.1b', 'Có trang mạng xã hội', 'check', 'manual', 1, 2)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustDo(t, db.Close())
	s, err := OpenWith(path, OpenOptions{Now: func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }})
	mustDo(t, err)
	defer s.Close()
	for id, want := range map[int64]string{1: "31/12/2024", 2: "31/12/2023"} {
		ts, err := s.Trainings(ctx, id)
		mustDo(t, err)
		if len(ts) != 1 || ts[0].Date.String() != want {
			t.Errorf("person %d trainings %+v; want one dated %s", id, ts, want)
		}
	}
	if ts, _ := s.Trainings(ctx, 3); len(ts) != 0 {
		t.Errorf("person 3 was not trained: %+v", ts)
	}
	ms, err := s.Models(ctx, domain.ModelEconomic, 2025)
	mustDo(t, err)
	if len(ms) != 1 || ms[0].CoopID != 7 || ms[0].Name != "Tổ hợp tác cá Rạch Mẫu" || ms[0].Date.String() != "31/12/2025" || ms[0].Support != "Vốn vay ưu đãi" {
		t.Fatalf("2025's models %+v", ms)
	}
	if ms, _ := s.Models(ctx, domain.ModelEconomic, 2024); len(ms) != 0 {
		t.Fatalf("2024 had no supported group: %+v", ms)
	}
	plan, err := s.CurrentPlan(ctx)
	mustDo(t, err)
	for _, in := range plan.Indicators {
		if in.Code == "2.1a" && in.Metric != domain.MetricOutreachModels || in.Code == "2.1b" && in.Metric != domain.MetricSocialPages {
			t.Errorf("%s still measured by %s", in.Code, in.Metric)
		}
	}
}
