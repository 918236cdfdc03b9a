package store

import (
	"context"
	"testing"

	"sodoan/domain"
)

// The demo ward passes every rule the forms enforce, and the ones a Union
// officer checks at a glance (check runs the same).
func TestDemoPassesTheRules(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if err := s.GenerateDemo(ctx, DemoOptions{Members: 1500, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	problems, err := s.CheckRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range problems {
		if i == 10 {
			t.Errorf("… and %d more", len(problems)-10)
			break
		}
		t.Error(p)
	}
	u, err := s.Unit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if u.SecretaryName != "" || u.DeputyName != "" {
		t.Errorf("the demo writes signer names %q, %q: they must come from positions", u.SecretaryName, u.DeputyName)
	}
	var nguyen, all, armedMen, armed int
	if err := s.db.QueryRow(`SELECT sum(family_name = 'Nguyễn'), count(*) FROM people`).Scan(&nguyen, &all); err != nil {
		t.Fatal(err)
	}
	if share := float64(nguyen) / float64(all); share < 0.25 || share > 0.42 {
		t.Errorf("Nguyễn is %.0f%% of family names, want about a third", 100*share)
	}
	if err := s.db.QueryRow(`SELECT sum(p.gender = 'male'), count(*) FROM people p JOIN branches b ON b.id = p.branch_id WHERE b.kind = 'armed'`).Scan(&armedMen, &armed); err != nil {
		t.Fatal(err)
	}
	if armed == 0 || float64(armedMen) < 0.75*float64(armed) {
		t.Errorf("armed-forces branches: %d men of %d", armedMen, armed)
	}
	var sameName, clubOutsiders, oldLaw int
	s.db.QueryRow(`SELECT count(*) FROM people WHERE middle_name = given_name`).Scan(&sameName)
	s.db.QueryRow(`SELECT count(*) FROM club_members m JOIN clubs c ON c.id = m.club_id WHERE c.kind = 'secretaries'
		AND NOT EXISTS (SELECT 1 FROM positions po WHERE po.person_id = m.person_id AND po.kind = 'branch_secretary')`).Scan(&clubOutsiders)
	s.db.QueryRow(`SELECT count(*) FROM coops WHERE founded >= '2019-11-15' AND legal_basis <> 'nd77_2019'`).Scan(&oldLaw)
	if sameName+clubOutsiders+oldLaw > 0 {
		t.Errorf("middle name = given name: %d; branch secretaries' club members who are not secretaries: %d; groups after 2019 not under NĐ 77/2019: %d",
			sameName, clubOutsiders, oldLaw)
	}
}

// A club closed during a year still counts for that year, not after.
func TestClubClosedCountsForItsYear(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := &domain.Club{Name: "CLB Thanh niên làm kinh tế", Kind: "economic", Founded: domain.MustDate(2020, 1, 1), Active: true}
	if closed, err := closeClub(t, s, c); err != nil || closed != domain.Today().ISO() {
		t.Fatalf("closing day recorded %q (%v), want today", closed, err)
	}
	if _, err := s.db.Exec(`UPDATE clubs SET closed = '2025-05-01' WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	in := domain.Indicator{Code: "2.2a", Kind: domain.KindCount, Metric: domain.MetricEconomicClubs, Target: 1}
	for year, want := range map[int]float64{2024: 1, 2025: 1, 2026: 0} {
		m, err := s.measure(ctx, in, domain.YearSpanOf(year, 1, 1, domain.MustDate(year, 12, 31), s.Today()), domain.ScaleTasks)
		if err != nil || m.Actual != want {
			t.Errorf("%d: %v clubs (%v), want %v", year, m.Actual, err, want)
		}
	}
}

// A working year from 1 October runs to 30 September and is named by the
// year it ends in; a report counts up to its cut-off, never after.
func TestWorkingYear(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	sp, err := s.YearSpan(ctx, 2025, domain.MustDate(2025, 12, 31))
	if err != nil || sp.From != domain.MustDate(2025, 1, 1) || sp.End != domain.MustDate(2025, 12, 31) || sp.To != domain.MustDate(2025, 12, 31) {
		t.Errorf("calendar year: %+v (%v)", sp, err)
	}
	if err := s.SetWorkingYearStart(ctx, "01/10"); err != nil {
		t.Fatal(err)
	}
	sp, err = s.YearSpan(ctx, 2025, domain.MustDate(2025, 8, 10))
	if err != nil || sp.From != domain.MustDate(2024, 10, 1) || sp.End != domain.MustDate(2025, 9, 30) || sp.To != domain.MustDate(2025, 8, 10) {
		t.Errorf("working year from 01/10 to 10/08: %+v (%v)", sp, err)
	}
	for _, bad := range []string{"31/02", "1-10", "", "00/10", "29/02"} {
		if err := s.SetWorkingYearStart(ctx, bad); err == nil {
			t.Errorf("%q accepted as the start of the working year", bad)
		}
	}
	if d, m, err := s.WorkingYearStart(ctx); err != nil || d != 1 || m != 10 {
		t.Errorf("after refusals: %d/%d (%v), want 1/10 kept", d, m, err)
	}
}
