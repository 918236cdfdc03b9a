package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

// TestDuesDatedCSV: the CSV of `dues grid` prints a category that changed
// within the quarter with its months, and `dues summary` has the abroad
// column. The register: Chi đoàn Khóm 1 with Lê Thị Mai, a student who
// starts work on 15/08/2026, and Trần Thị Oanh, abroad.
func TestDuesDatedCSV(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "ward.db")
	st, err := store.OpenWith(db, store.OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	b := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	if err := st.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	mai := &domain.Person{FamilyName: "Lê", MiddleName: "Thị", GivenName: "Mai", Gender: domain.Female, BirthDate: domain.MustDate(2000, 1, 2),
		Occupation: "student", UnionMember: true, AdmissionDate: domain.MustDate(2016, 3, 26), BranchID: b.ID}
	oanh := &domain.Person{FamilyName: "Trần", MiddleName: "Thị", GivenName: "Oanh", Gender: domain.Female, BirthDate: domain.MustDate(2000, 1, 2),
		Occupation: "worker", DuesCategory: domain.DuesAbroad, UnionMember: true, AdmissionDate: domain.MustDate(2016, 3, 26), BranchID: b.ID}
	if err := st.AddPeople(ctx, []*domain.Person{mai, oanh}); err != nil {
		t.Fatal(err)
	}
	mai.Occupation, mai.ChangesFrom = "worker", domain.MustDate(2026, 8, 15)
	if err := st.SavePerson(ctx, mai); err != nil {
		t.Fatal(err)
	}
	st.Close()

	out, _, err := cli(t, "--db", db, "dues", "grid", "--branch", "Chi đoàn Khóm 1", "--year", "2026", "--quarter", "3", "--date", "30/09/2026", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Lê Thị Mai,Không hưởng lương (T7); Hưởng lương (T8–T9),,,,0", "Trần Thị Oanh,Ở nước ngoài,,,,0"} {
		if !strings.Contains(out, want) {
			t.Errorf("grid lacks %q:\n%s", want, out)
		}
	}
	// Owed in quarter III: Mai July 2.000 without wages, August and
	// September 2 × 5.000 with; Oanh 3 × 5.000 abroad; due 27.000.
	out, _, err = cli(t, "--db", db, "dues", "summary", "--year", "2026", "--quarter", "3", "--date", "30/09/2026", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Phải thu hưởng lương,Phải thu không hưởng lương,Phải thu ở nước ngoài,Được miễn,Phải nộp",
		"1,Chi đoàn Khóm 1,2,10.000,2.000,15.000,0,27.000,0"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}
