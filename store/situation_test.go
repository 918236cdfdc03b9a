package store

import (
	"context"
	"testing"

	"sodoan/domain"
)

func TestSituation(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := domain.MustDate
	branch := func(name string, kind domain.BranchKind) int64 {
		b := domain.Branch{Name: name, Kind: kind, Active: true}
		if err := s.SaveBranch(ctx, &b); err != nil {
			t.Fatal(err)
		}
		return b.ID
	}
	hamlet1 := branch("Khóm 1", domain.BranchHamlet)
	hamlet2 := branch("Khóm 2", domain.BranchHamlet)
	school := branch("Trường THPT Sa Đéc", domain.BranchSchool)
	old := domain.Branch{Name: "Khóm 9", Kind: domain.BranchHamlet, Active: false, Dissolved: day(2024, 6, 30)}
	if err := s.SaveBranch(ctx, &old); err != nil {
		t.Fatal(err)
	}

	person := func(family, given string, g domain.Gender, born domain.Date, occ domain.Occupation, branchID int64, admitted, federated domain.Date) int64 {
		p := domain.Person{FamilyName: family, MiddleName: "Văn", GivenName: given, Gender: g, BirthDate: born, Occupation: occ,
			BranchID: branchID, UnionMember: !admitted.IsZero(), AdmissionDate: admitted,
			FederationMember: !federated.IsZero(), FederationDate: federated}
		if err := s.SavePerson(ctx, &p); err != nil {
			t.Fatalf("SavePerson %s %s: %v", family, given, err)
		}
		return p.ID
	}
	event := func(id int64, kind domain.EventKind, d domain.Date) {
		e := domain.Event{PersonID: id, Kind: kind, Date: d, Unit: "Đoàn phường 2", Reason: "Bỏ sinh hoạt"}
		if err := s.AddEvent(ctx, &e); err != nil {
			t.Fatalf("AddEvent %s: %v", kind, err)
		}
	}
	none := domain.Date{}
	// A: a man of Khóm 1, member all along.
	person("Nguyễn", "An", domain.Male, day(2000, 1, 1), "worker", hamlet1, day(2020, 3, 26), none)
	// B: a schoolgirl admitted in 2025.
	person("Trần", "Bình", domain.Female, day(2008, 5, 5), "student", school, day(2025, 3, 26), none)
	// C: a woman who transferred out in 2025.
	c := person("Lê", "Chi", domain.Female, day(1998, 2, 2), "worker", hamlet2, day(2015, 3, 26), none)
	event(c, domain.EventTransferOut, day(2025, 6, 1))
	// D: a man who came of age in 2024.
	d := person("Phạm", "Dũng", domain.Male, day(1994, 1, 1), "farmer", hamlet2, day(2010, 3, 26), none)
	event(d, domain.EventComingOfAge, day(2024, 12, 1))
	// E: a Federation member only, joined 2025.
	person("Huỳnh", "Em", domain.Female, day(2001, 7, 7), "self_employed", 0, none, day(2025, 2, 1))
	// F: both, in no branch, no occupation entered.
	person("Võ", "Phúc", domain.Male, day(1999, 9, 9), "", 0, day(2019, 3, 26), day(2019, 3, 26))
	// G: a Federation member who transferred into the Union here in 2025.
	g := person("Đặng", "Giang", domain.Female, day(1997, 4, 4), "farmer", hamlet1, none, day(2023, 1, 1))
	// She brings her admission date of 26/03/2015 from her old unit.
	if err := s.AddEvent(ctx, &domain.Event{PersonID: g, Kind: domain.EventTransferIn, Date: day(2025, 4, 1), Unit: "Đoàn phường 2", Admitted: day(2015, 3, 26)}); err != nil {
		t.Fatal(err)
	}
	// H: a man of Khóm 2 removed in 2025.
	h := person("Bùi", "Hùng", domain.Male, day(1996, 6, 6), "worker", hamlet2, day(2018, 3, 26), none)
	event(h, domain.EventRemoval, day(2025, 8, 1))

	tally := func(ts []domain.Tally, code string) domain.Tally {
		for _, x := range ts {
			if x.Code == code {
				return x
			}
		}
		return domain.Tally{}
	}
	cases := []struct {
		year                     int
		union, fed               domain.Tally
		branches, hamletBranches int
		byKind                   map[string][3]int // code → total, male, female
		byOcc                    map[string][3]int
		admissions, in, out      int
		ofAge, removals, newFed  int
	}{
		{
			year: 2025, union: domain.Tally{Total: 4, Male: 2, Female: 2}, fed: domain.Tally{Total: 3, Male: 1, Female: 2},
			branches: 3, hamletBranches: 2,
			byKind:     map[string][3]int{"hamlet": {2, 1, 1}, "school": {1, 0, 1}, "": {1, 1, 0}},
			byOcc:      map[string][3]int{"worker": {1, 1, 0}, "student": {1, 0, 1}, "farmer": {1, 0, 1}, "": {1, 1, 0}},
			admissions: 1, in: 1, out: 1, ofAge: 0, removals: 1, newFed: 1,
		},
		{
			year: 2024, union: domain.Tally{Total: 4, Male: 3, Female: 1}, fed: domain.Tally{Total: 2, Male: 1, Female: 1},
			branches: 3, hamletBranches: 2,
			byKind: map[string][3]int{"hamlet": {3, 2, 1}, "school": {0, 0, 0}, "": {1, 1, 0}},
			byOcc:  map[string][3]int{"worker": {3, 2, 1}, "farmer": {0, 0, 0}, "": {1, 1, 0}},
			ofAge:  1,
		},
	}
	for _, tc := range cases {
		st, err := s.Situation(ctx, tc.year)
		if err != nil {
			t.Fatal(err)
		}
		if st.AsOf != day(tc.year, 12, 31) {
			t.Errorf("%d: AsOf %s", tc.year, st.AsOf)
		}
		if st.Union.Total != tc.union.Total || st.Union.Male != tc.union.Male || st.Union.Female != tc.union.Female {
			t.Errorf("%d: Union %+v, want %+v", tc.year, st.Union, tc.union)
		}
		if st.Federation.Total != tc.fed.Total || st.Federation.Male != tc.fed.Male || st.Federation.Female != tc.fed.Female {
			t.Errorf("%d: Federation %+v, want %+v", tc.year, st.Federation, tc.fed)
		}
		if st.Branches != tc.branches || tally(st.BranchesByKind, "hamlet").Total != tc.hamletBranches {
			t.Errorf("%d: %d branches (%+v), want %d", tc.year, st.Branches, st.BranchesByKind, tc.branches)
		}
		for code, w := range tc.byKind {
			x := tally(st.UnionByKind, code)
			if x.Total != w[0] || x.Male != w[1] || x.Female != w[2] {
				t.Errorf("%d: by kind %q = %+v, want %v", tc.year, code, x, w)
			}
		}
		if x := tally(st.UnionByKind, ""); tc.byKind[""][0] > 0 && x.Label != "Chưa phân chi đoàn" {
			t.Errorf("%d: members of no branch labelled %q", tc.year, x.Label)
		}
		for code, w := range tc.byOcc {
			x := tally(st.UnionByOccupation, code)
			if x.Total != w[0] || x.Male != w[1] || x.Female != w[2] {
				t.Errorf("%d: by occupation %q = %+v, want %v", tc.year, code, x, w)
			}
		}
		if got := tally(st.UnionByOccupation, "student").Label; got != "Học sinh, sinh viên" {
			t.Errorf("occupation label %q", got)
		}
		got := [6]int{st.Admissions, st.TransfersIn, st.TransfersOut, st.ComingOfAge, st.Removals, st.NewFederation}
		want := [6]int{tc.admissions, tc.in, tc.out, tc.ofAge, tc.removals, tc.newFed}
		if got != want {
			t.Errorf("%d: movements (admissions, in, out, coming of age, removals, new federation) = %v, want %v", tc.year, got, want)
		}
	}
}
