package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
)

func dd(y, m, d int) domain.Date { return domain.MustDate(y, m, d) }

// migrationCreating is how many migrations run before the one that
// creates table (found by its content: the lead renumbers on merge).
func migrationCreating(t *testing.T, table string) int {
	t.Helper()
	for i, m := range migrations {
		if strings.Contains(m, "CREATE TABLE "+table) {
			return i
		}
	}
	t.Fatalf("no migration creates %s", table)
	return 0
}

// datedMigration is the migration that dates the yearly facts.
func datedMigration(t *testing.T) int { return migrationCreating(t, "party_counts") }

// A register written before facts were dated: each yearly fact takes the
// last day of its year, so a document cut off before it no longer knows
// it, and the history says what the upgrade did.
func TestUpgradeDatesYearlyFacts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cu.db")
	if err := CreateAtSchema(path, datedMigration(t)); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO branches(id, name, kind, sort_key) VALUES (1, 'Chi đoàn Khóm 1', 'hamlet', x'01')`,
		`INSERT INTO people(id, family_name, given_name, sort_key) VALUES (1, 'Lê', 'An', x'01')`,
		`INSERT INTO member_years(person_id, year, rating) VALUES (1, 2024, 'good')`,
		`INSERT INTO branch_years(branch_id, year, rating) VALUES (1, 2024, 'excellent')`,
		`INSERT INTO branch_criteria_met(branch_id, year, criterion_id) SELECT 1, 2024, id FROM criteria`,
		`INSERT INTO ward_years(year, resident_youth, new_party_members, rating) VALUES (2024, 50, 4, 'good')`,
		`INSERT INTO coops(id, name) VALUES (1, 'Tổ hợp tác A')`,
		`INSERT INTO coop_years(coop_id, year, revenue, supported_model) VALUES (1, 2024, 90000000, 1)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	end := dd(2024, 12, 31)
	my, err := s.MemberYear(ctx, 1, 2024)
	if err != nil || my.Rated != end {
		t.Errorf("member's 2024 rating dated %s (%v), want %s", my.Rated, err, end)
	}
	by, err := s.BranchYear(ctx, 1, 2024)
	if err != nil || by.Rated != end || by.Assessed != end || !by.Standard {
		t.Errorf("branch 2024: rated %s, assessed %s, standard %v (%v); want %s, %s, true", by.Rated, by.Assessed, by.Standard, err, end, end)
	}
	cy, err := s.CoopYear(ctx, 1, 2024)
	if err != nil || cy.Reported != end || cy.Revenue != 90000000 {
		t.Errorf("group 2024: reported %s, revenue %d (%v)", cy.Reported, cy.Revenue, err)
	}
	for _, tt := range []struct {
		cutoff domain.Date
		rating string
		party  int
	}{
		{dd(2024, 6, 30), "", 0},    // before the year's end: nothing known
		{dd(2024, 12, 30), "", 0},   // the day before
		{end, "good", 4},            // on it
		{domain.Date{}, "good", 4},  // everything recorded
		{dd(2025, 3, 1), "good", 4}, // after
	} {
		w, err := s.WardYearAt(ctx, 2024, tt.cutoff)
		if err != nil || w.Rating != tt.rating || w.NewPartyMembers != tt.party || w.ResidentYouth != 50 {
			t.Errorf("ward 2024 at %s: rating %q, %d new Party members, %d youth (%v); want %q, %d, 50",
				tt.cutoff, w.Rating, w.NewPartyMembers, w.ResidentYouth, err, tt.rating, tt.party)
		}
	}
	h, err := s.History(ctx, HistoryFilter{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range h {
		found = found || (e.Action == "upgrade" && strings.Contains(e.Note, "lấy ngày cuối năm công tác (31/12 của năm)"))
	}
	if !found {
		t.Errorf("the history does not tell what the upgrade dated: %+v", h)
	}
}

// A working year running to 30/09 dates its old facts on 30/09, not 31/12:
// a report of the year cut off at its end still knows them.
func TestUpgradeDatesOnWorkingYearEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cu.db")
	if err := CreateAtSchema(path, datedMigration(t)); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO settings(key, value) VALUES ('report.year_start', '01/10')`,
		`INSERT INTO ward_years(year, rating) VALUES (2024, 'good')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w, err := s.WardYearAt(context.Background(), 2024, dd(2024, 9, 30))
	if err != nil || w.Rating != "good" || w.Rated != dd(2024, 9, 30) {
		t.Errorf("ward 2024 (01/10/2023 – 30/09/2024): rating %q dated %s (%v), want good on 30/09/2024", w.Rating, w.Rated, err)
	}
}

// Saving a yearly fact: the day given; none keeps the day of a fact that
// did not change and gives a changed one the year's last day; a day in
// the future or of another year is refused and nothing changes.
func TestSaveDatesYearlyFacts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	b := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	crit, err := s.Criteria(ctx)
	if err != nil {
		t.Fatal(err)
	}
	save := func(by domain.BranchYear) error {
		by.BranchID, by.Year = b.ID, 2025
		return s.SaveBranchYear(ctx, by)
	}
	read := func() domain.BranchYear {
		by, err := s.BranchYear(ctx, b.ID, 2025)
		if err != nil {
			t.Fatal(err)
		}
		return by
	}
	if err := save(domain.BranchYear{Rating: "good", Rated: dd(2025, 6, 20), Met: []int64{crit[0].ID}, Assessed: dd(2025, 6, 18)}); err != nil {
		t.Fatal(err)
	}
	if by := read(); by.Rated != dd(2025, 6, 20) || by.Assessed != dd(2025, 6, 18) {
		t.Errorf("saved on 20/06 and 18/06: %s, %s", by.Rated, by.Assessed)
	}
	// The same facts again with no day (an older screen): days kept.
	if err := save(domain.BranchYear{Rating: "good", Met: []int64{crit[0].ID}}); err != nil {
		t.Fatal(err)
	}
	if by := read(); by.Rated != dd(2025, 6, 20) || by.Assessed != dd(2025, 6, 18) {
		t.Errorf("saved again unchanged: %s, %s, want 20/06/2025, 18/06/2025", by.Rated, by.Assessed)
	}
	// The rating changes with no day: the year's last day; the checklist,
	// unchanged, keeps its day.
	if err := save(domain.BranchYear{Rating: "excellent", Met: []int64{crit[0].ID}}); err != nil {
		t.Fatal(err)
	}
	if by := read(); by.Rated != dd(2025, 12, 31) || by.Assessed != dd(2025, 6, 18) {
		t.Errorf("rating changed with no day: %s, %s, want 31/12/2025, 18/06/2025", by.Rated, by.Assessed)
	}
	for _, tt := range []struct {
		by   domain.BranchYear
		want string
	}{
		{domain.BranchYear{Rating: "good", Rated: domain.AddDays(s.Today(), 1)}, "Ngày xếp loại: " + domain.AddDays(s.Today(), 1).String() + " ở tương lai"},
		{domain.BranchYear{Rating: "good", Rated: dd(2020, 5, 1)}, "Ngày xếp loại: 01/05/2020 không thuộc năm 2025"},
		{domain.BranchYear{Assessed: dd(2028, 1, 1)}, "Ngày đánh giá tiêu chí"},
	} {
		err := save(tt.by)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want %q", tt.by, err, tt.want)
		}
	}
	if by := read(); by.Rating != "excellent" || by.Rated != dd(2025, 12, 31) {
		t.Errorf("a refused save changed the branch: %+v", by)
	}

	// Members' ratings of a branch at once, decided on 15/12.
	p := member("Lê", "Văn", "An", dd(2000, 1, 1), "K1")
	if err := s.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRatingsOn(ctx, 2025, dd(2025, 12, 15), map[int64]domain.Rating{p.ID: "good"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRatings(ctx, 2025, map[int64]domain.Rating{p.ID: "good"}); err != nil {
		t.Fatal(err)
	}
	if my, err := s.MemberYear(ctx, p.ID, 2025); err != nil || my.Rated != dd(2025, 12, 15) {
		t.Errorf("member's rating dated %s (%v), want 15/12/2025 kept", my.Rated, err)
	}
}

// The ward's new Party members are a count recorded on days: a document
// reads the latest one on or before its cut-off.
func TestPartyCountsByDay(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, w := range []domain.WardYear{
		{Year: 2025, NewPartyMembers: 1, PartyCounted: dd(2025, 6, 15)},
		{Year: 2025, NewPartyMembers: 3, PartyCounted: dd(2025, 9, 1)},
		// The form saved again unchanged (no day): no new count.
		{Year: 2025, NewPartyMembers: 3},
		{Year: 2025, NewPartyMembers: 4, PartyCounted: dd(2025, 12, 20), Rating: "good", Rated: dd(2025, 12, 20)},
	} {
		if err := s.SaveWardYear(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	counts, err := s.PartyCounts(ctx, 2025)
	if err != nil || len(counts) != 3 {
		t.Fatalf("%d counts (%v), want 3", len(counts), err)
	}
	for _, tt := range []struct {
		cutoff domain.Date
		party  int
		rating string
	}{
		{dd(2025, 6, 14), 0, ""},
		{dd(2025, 6, 15), 1, ""},
		{dd(2025, 6, 30), 1, ""},
		{dd(2025, 9, 30), 3, ""},
		{dd(2025, 12, 19), 3, ""},
		{dd(2025, 12, 31), 4, "good"},
	} {
		w, err := s.WardYearAt(ctx, 2025, tt.cutoff)
		if err != nil || w.NewPartyMembers != tt.party || w.Rating != tt.rating {
			t.Errorf("at %s: %d, %q (%v); want %d, %q", tt.cutoff, w.NewPartyMembers, w.Rating, err, tt.party, tt.rating)
		}
	}
}
