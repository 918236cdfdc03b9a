package store

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestDuesCategoryKept: the register keeps a person's dues category as
// set, empty while it follows her occupation; the history names the
// change with the field's label; a list can be ordered by it.
func TestDuesCategoryKept(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	student := &domain.Person{FamilyName: "Lê", MiddleName: "Thị", GivenName: "Hoa", Gender: domain.Female,
		BirthDate: domain.MustDate(2006, 5, 6), Occupation: "student", UnionMember: true, AdmissionDate: domain.MustDate(2022, 3, 26)}
	worker := &domain.Person{FamilyName: "Trần", GivenName: "Bình", Gender: domain.Male, BirthDate: domain.MustDate(1999, 1, 2),
		Occupation: "worker", DuesCategory: domain.DuesNoWage, UnionMember: true, AdmissionDate: domain.MustDate(2015, 3, 26)}
	mustNil(t, s.AddPeople(ctx, []*domain.Person{student, worker}))

	got, err := s.Person(ctx, student.ID)
	mustNil(t, err)
	if got.DuesCategory != "" || got.Dues() != domain.DuesNoWage {
		t.Errorf("student: kept %q, pays %q; want empty (follows the occupation), không hưởng lương", got.DuesCategory, got.Dues())
	}
	got, err = s.Person(ctx, worker.ID)
	mustNil(t, err)
	if got.DuesCategory != domain.DuesNoWage {
		t.Errorf("worker: kept %q, want the category set", got.DuesCategory)
	}

	// The student takes a paid job: the category set by hand wins.
	student.DuesCategory = domain.DuesWage
	mustNil(t, s.SavePerson(ctx, student))
	got, err = s.Person(ctx, student.ID)
	mustNil(t, err)
	if got.Dues() != domain.DuesWage {
		t.Errorf("student after the edit pays %q", got.Dues())
	}
	h, err := s.History(ctx, HistoryFilter{PersonID: student.ID})
	mustNil(t, err)
	if lines := summaries(h); len(lines) == 0 || !strings.Contains(lines[0], "Diện đóng đoàn phí: (trống) » Hưởng lương") {
		t.Errorf("history: %q", lines)
	}

	// A code outside the list is refused, naming the field, and nothing
	// is written.
	bad := *worker
	bad.DuesCategory = "5000"
	err = s.SavePerson(ctx, &bad)
	if err == nil || !strings.Contains(err.Error(), "Diện đóng đoàn phí") {
		t.Fatalf("a bad category: %v", err)
	}
	got, err = s.Person(ctx, worker.ID)
	mustNil(t, err)
	if got.DuesCategory != domain.DuesNoWage {
		t.Errorf("a refused save changed the category to %q", got.DuesCategory)
	}

	// Ordered by the stored code: "no_wage" before "wage".
	list, err := s.ListMembers(ctx, MemberFilter{Sort: SortField("dues_category")})
	mustNil(t, err)
	if len(list) != 2 || list[0].ID != worker.ID {
		t.Errorf("ordered by dues category: %v", list)
	}
}

// TestSortOnlyByCatalogKeys: a sort key that is not a catalog field's (an
// SQL fragment, a Go name, empty text with spaces) never reaches the SQL:
// the list comes in name order, with no error.
func TestSortOnlyByCatalogKeys(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, given := range []string{"Bình", "An"} {
		mustNil(t, s.SavePerson(ctx, &domain.Person{FamilyName: "Lê", GivenName: given, Gender: domain.Male,
			BirthDate: domain.MustDate(2000, 1, 2), FederationMember: true}))
	}
	for _, key := range []string{"gender; DROP TABLE people", "DuesCategory", " ", "p.id", "dues_category--"} {
		list, err := s.ListMembers(ctx, MemberFilter{Sort: SortField(key)})
		if err != nil || len(list) != 2 || list[0].GivenName != "An" {
			t.Errorf("sort %q: %v %v", key, list, err)
		}
	}
}
