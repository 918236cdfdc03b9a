package store

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestResidentYouthNotBelowGathered is QA finding 15: the ward's resident
// youth cannot be fewer than the young people the register itself
// gathers, or 2.5c passes 100 %.
func TestResidentYouthNotBelowGathered(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	born := domain.MustDate(2000, 5, 5)
	for i, name := range []string{"An", "Bình", "Cúc"} {
		p := member("Nguyễn", "Văn", name, born, "C"+string(rune('0'+i)))
		p.AdmissionDate = domain.MustDate(2018, 3, 26)
		if err := s.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	err := s.SaveWardYear(ctx, domain.WardYear{Year: 2025, ResidentYouth: 2})
	if err == nil || !strings.Contains(err.Error(), "Thanh niên trên địa bàn: 2 ít hơn 3 thanh niên sổ đã tập hợp năm 2025") {
		t.Fatalf("2 resident youths for 3 gathered: %v", err)
	}
	if err := s.SaveWardYear(ctx, domain.WardYear{Year: 2025, ResidentYouth: 3}); err != nil {
		t.Fatalf("3 for 3: %v", err)
	}
	// A count written before the rule (or a register grown since) gives
	// no share over 100 % and no verdict.
	if _, err := s.db.Exec(`UPDATE ward_years SET resident_youth = 1 WHERE year = 2025`); err != nil {
		t.Fatal(err)
	}
	sp, err := s.YearSpan(ctx, 2025, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.measure(ctx, domain.Indicator{Metric: domain.MetricYouthGatheredPct}, sp, "")
	if err != nil || m.Known || !strings.Contains(m.Detail.String(), "ít hơn số sổ đã tập hợp (3)") {
		t.Errorf("2.5c with 1 resident youth: %+v, %v", m, err)
	}
}

// TestIssuerCodeLettersAndDigits is QA finding 15: "/TN" would print
// "6-BC//TN".
func TestIssuerCodeLettersAndDigits(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	u := domain.Unit{UpperBody: "TỈNH ĐOÀN ĐỒNG THÁP", Name: "BCH ĐOÀN PHƯỜNG 1", Place: "Phường 1"}
	for _, code := range []string{"/TN", "ĐTN/", "Đ TN", "ĐTN-1"} {
		u.IssuerCode = code
		err := s.SaveUnit(ctx, u)
		if err == nil || !strings.Contains(err.Error(), "Ký hiệu cơ quan ban hành") || !strings.Contains(err.Error(), "chỉ gồm chữ cái và chữ số") {
			t.Errorf("issuer code %q: %v", code, err)
		}
	}
	u.IssuerCode = "đtn2"
	if err := s.SaveUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Unit(ctx); err != nil || got.IssuerCode != "ĐTN2" {
		t.Errorf("saved code %q, %v", got.IssuerCode, err)
	}
}

// TestCheckRulesReadsYearsAndEvents is QA finding 7: `check` runs the
// rating form's rules over the yearly records (a Party admission after
// today) and refuses events dated in the future.
func TestCheckRulesReadsYearsAndEvents(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	p := member("Nguyễn", "Trọng", "Tài", domain.MustDate(2000, 5, 5), "")
	if err := s.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	next := domain.Today().Year() + 1
	if _, err := s.db.Exec(`INSERT INTO member_years(person_id, year, rating, training_registered, training_completed, party_introduced, party_admitted)
		VALUES (?, ?, '', 0, 0, ?, ?)`, p.ID, domain.Today().Year(), sqlDate(domain.MustDate(next, 1, 2)), sqlDate(domain.MustDate(next, 1, 1))); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO membership_events(person_id, kind, date, unit, reason) VALUES (?, 'removal', ?, '', 'x')`, p.ID, sqlDate(domain.MustDate(next, 2, 2))); err != nil {
		t.Fatal(err)
	}
	problems, err := s.CheckRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{
		"Người 1 (Nguyễn Trọng Tài), năm " + strconv.Itoa(domain.Today().Year()) + ": Ngày vào Đảng: 01/01/" + strconv.Itoa(next) + " ở tương lai",
		"Ngày vào Đảng: trước ngày giới thiệu 02/01/" + strconv.Itoa(next),
		"Xóa tên ngày 02/02/" + strconv.Itoa(next) + " ở tương lai",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("check lacks %q in:\n%s", want, all)
		}
	}
}

// TestOneSecretaryAtATime is QA finding 3: a second Bí thư over a term
// without end is refused, naming the holder; after her term is ended the
// newcomer is saved; branch secretaries overlap only across branches.
func TestOneSecretaryAtATime(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	b1, b2 := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}, &domain.Branch{Name: "Chi đoàn Khóm 2", Kind: domain.BranchHamlet, Active: true}
	for _, b := range []*domain.Branch{b1, b2} {
		if err := s.SaveBranch(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	old := member("Trần", "Minh", "Quân", domain.MustDate(1996, 4, 10), "")
	nw := member("Lê", "Thị Hồng", "Nhung", domain.MustDate(1997, 8, 20), "")
	for _, p := range []*domain.Person{old, nw} {
		if err := s.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	held := &domain.Position{PersonID: old.ID, Kind: "secretary", Start: domain.MustDate(2023, 9, 20)}
	if err := s.SavePosition(ctx, held); err != nil {
		t.Fatal(err)
	}
	second := &domain.Position{PersonID: nw.ID, Kind: "secretary", Start: domain.MustDate(2026, 1, 1)}
	err := s.SavePosition(ctx, second)
	if err == nil || !strings.Contains(err.Error(), "Trần Minh Quân đang giữ chức Bí thư từ 20/09/2023") || !strings.Contains(err.Error(), "nhập “Đến ngày”") {
		t.Fatalf("second secretary: %v", err)
	}
	// A term that ended before is no obstacle, nor is the handover day.
	held.End = domain.MustDate(2026, 1, 1)
	if err := s.SavePosition(ctx, held); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePosition(ctx, second); err != nil {
		t.Fatalf("after the term ended: %v", err)
	}
	// A term within the other's is refused in both directions.
	if err := s.SavePosition(ctx, &domain.Position{PersonID: nw.ID, Kind: "secretary", Start: domain.MustDate(2024, 1, 1), End: domain.MustDate(2024, 6, 1)}); err == nil {
		t.Error("a term inside the old one was saved")
	}
	// Branch secretaries: one per branch.
	if err := s.SavePosition(ctx, &domain.Position{PersonID: old.ID, Kind: "branch_secretary", BranchID: b1.ID, Start: domain.MustDate(2023, 9, 20)}); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePosition(ctx, &domain.Position{PersonID: nw.ID, Kind: "branch_secretary", BranchID: b2.ID, Start: domain.MustDate(2023, 9, 20)}); err != nil {
		t.Fatalf("secretary of another branch: %v", err)
	}
	if err := s.SavePosition(ctx, &domain.Position{PersonID: nw.ID, Kind: "branch_secretary", BranchID: b1.ID, Start: domain.MustDate(2025, 1, 1)}); err == nil {
		t.Error("a second secretary of branch 1 was saved")
	}
	// check finds an overlap written around the rule.
	if _, err := s.db.Exec(`INSERT INTO positions(person_id, kind, start) VALUES (?, 'deputy', '2024-01-01'), (?, 'deputy', '2025-01-01')`, old.ID, nw.ID); err != nil {
		t.Fatal(err)
	}
	problems, err := s.CheckRules(ctx)
	if err != nil || !strings.Contains(strings.Join(problems, "\n"), "Chức vụ Phó Bí thư: người 1 và người 2 cùng giữ từ 01/01/2025") {
		t.Errorf("check: %v %v", problems, err)
	}
}

// TestLeavingBeforeAdmission is QA finding 10: a transfer out, coming of
// age or removal dated before the admission is refused on the date, not
// as "không đang sinh hoạt".
func TestLeavingBeforeAdmission(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	p := member("Võ", "Thị Mai", "Anh", domain.MustDate(1980, 5, 5), "")
	p.AdmissionDate = domain.MustDate(2015, 10, 10)
	if err := s.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, e := range []domain.Event{
		{Kind: domain.EventTransferOut, Unit: "Đoàn phường 2"},
		{Kind: domain.EventComingOfAge},
		{Kind: domain.EventRemoval, Reason: "Bỏ sinh hoạt"},
	} {
		e.PersonID, e.Date = p.ID, domain.MustDate(2010, 1, 1)
		err := s.AddEvent(ctx, &e)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || ve.For("Date") != "01/01/2010 trước ngày vào Đoàn 10/10/2015" || ve.For("Kind") != "" {
			t.Errorf("%s before admission: %v", e.Kind.Label(), err)
		}
	}
}

// TestNarrativeRefusesWhatDoesNotPrint is QA finding 18: the report's
// texts are always printed, so an emoji is refused naming the section.
func TestNarrativeRefusesWhatDoesNotPrint(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	err := s.SaveNarrative(ctx, domain.NarrativeAnnual, 2025, domain.Narrative{"propaganda": "Tổ chức tốt 👍🎉", "lessons": "Bài học"})
	if err == nil || !strings.Contains(err.Error(), "Công tác tuyên truyền, giáo dục: có ký tự 👍 (U+1F44D)") {
		t.Fatalf("emoji in a section: %v", err)
	}
	if n, err := s.Narrative(ctx, domain.NarrativeAnnual, 2025); err != nil || n["lessons"] != "" {
		t.Errorf("a refused save wrote %v, %v", n, err)
	}
	if err := s.SaveWardYear(ctx, domain.WardYear{Year: 2025, Shortcomings: "Còn hạn chế 🎉"}); err == nil {
		t.Error("emoji in the ward's shortcomings saved")
	}
	if err := s.SaveNarrative(ctx, domain.NarrativeAnnual, 2025, domain.Narrative{"propaganda": "Tổ chức tốt “Tháng Thanh niên” – 100%"}); err != nil {
		t.Fatal(err)
	}
}

// TestRatingWordsFollowTheScale is QA finding 8: one list of unit
// ratings by scale for the dropdowns and the documents (the demo's
// ratings are demo.TestRatingsFollowTheCriteria).
func TestRatingWordsFollowTheScale(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	got, err := s.RatingChoices(ctx)
	if err != nil || got[1].Label != "Hoàn thành tốt nhiệm vụ" || domain.UnitRatingLabel(domain.ScaleTasks, "good") != got[1].Label {
		t.Errorf("default scale: %v, %v", got, err)
	}
	if err := s.SetRatingScale(ctx, domain.ScaleStrength); err != nil {
		t.Fatal(err)
	}
	if got, err := s.RatingChoices(ctx); err != nil || got[1].Label != "Khá" || got[1].Code != "good" {
		t.Errorf("strength scale: %v, %v", got, err)
	}
}

// TestPeriodPartyShareIsSummed is QA finding 6: 2.5d over the period is
// the years' Union-introduced new Party members over all their new Party
// members (1+2 of 3+5 = 37,5 %), not the latest year's 40 %; the draft
// says so in a sentence.
func TestPeriodPartyShareIsSummed(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	admit := map[int][]string{2024: {"An"}, 2025: {"Bình", "Cúc"}}
	intro := 0
	for y, names := range admit {
		for i, name := range names {
			p := member("Nguyễn", "Văn", name, domain.MustDate(1998, 1, 1), "")
			must(s.SavePerson(ctx, p))
			must(s.SaveMemberYear(ctx, domain.MemberYear{PersonID: p.ID, Year: y, PartyIntroduced: domain.MustDate(y, 2, 1+i), PartyAdmitted: domain.MustDate(y, 9, 1+i)}))
			intro++
		}
	}
	must(s.SaveWardYear(ctx, domain.WardYear{Year: 2024, NewPartyMembers: 3}))
	must(s.SaveWardYear(ctx, domain.WardYear{Year: 2025, NewPartyMembers: 5}))
	plan := &domain.Plan{Number: "12-KH/ĐTN", Title: "Kế hoạch", StartYear: 2024, EndYear: 2028, Current: true, Indicators: []domain.Indicator{
		{Code: "2.5d", Section: "2.5", Kind: domain.KindPercent, Metric: domain.MetricPartyIntroducedPct, Target: 70, Title: "Giới thiệu đoàn viên ưu tú cho Đảng so với số đảng viên mới kết nạp"}}}
	must(s.SavePlan(ctx, plan))
	pr, err := s.PeriodResultsAt(ctx, plan.ID, domain.MustDate(2025, 12, 31))
	must(err)
	tot := pr.Total[0]
	if tot.Num != 3 || tot.Den != 8 || domain.FormatValue(domain.KindPercent, tot.Actual) != "37,5%" || tot.Introduced != 3 || tot.Verdict.Code != domain.VerdictNotMet {
		t.Errorf("period 2.5d: %d/%d %.2f introduced %d %s", tot.Num, tot.Den, tot.Actual, tot.Introduced, tot.Verdict.Code)
	}
	if last := pr.ByYear[len(pr.ByYear)-1][0]; domain.FormatValue(domain.KindPercent, last.Actual) != "40%" {
		t.Errorf("2025: %v", last.Actual)
	}
	n := domain.PeriodDraft(pr, domain.Unit{Place: "Phường Hòa Mẫu"})
	want := "Giới thiệu 3 đoàn viên ưu tú cho Đảng xem xét kết nạp; 3 trong 8 đảng viên mới kết nạp từ đầu giai đoạn là đoàn viên do Đoàn giới thiệu (37,5%)."
	if n["organisation"] != want {
		t.Errorf("organisation:\n%s\nwant\n%s", n["organisation"], want)
	}
	for _, sec := range []string{"shortcomings", "directions"} {
		if strings.Contains(n[sec], "2.5d") || !strings.Contains(n[sec], "giới thiệu đoàn viên ưu tú cho Đảng so với số đảng viên mới kết nạp") {
			t.Errorf("%s names codes, not targets: %q", sec, n[sec])
		}
	}
}
