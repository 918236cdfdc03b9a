package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"sodoan/domain"
)

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	people := []*domain.Person{
		member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 1), "0870000011"),
		member("Nguyễn", "Thị", "Ánh", domain.MustDate(2001, 1, 1), "0870000012"),
		member("Trần", "Minh", "Đức", domain.MustDate(2002, 1, 1), "0870000013"),
		member("Lê", "Hoàng", "Dũng", domain.MustDate(2003, 1, 1), "0870000014"),
		member("Đặng", "Thị", "Hòa", domain.MustDate(2004, 1, 1), "0870000015"),
		member("Phạm", "", "Anh", domain.MustDate(2004, 2, 1), "0870000016"),
	}
	people[3].Phone = "0912345678"
	people[4].CitizenID = "087304001234"
	if err := s.AddPeople(ctx, people); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    string
		want []string // full names in list order
	}{
		{"duc", []string{"Trần Minh Đức"}},
		{"Đức", []string{"Trần Minh Đức"}},
		{"DUC", []string{"Trần Minh Đức"}},
		{"nguyen van a", []string{"Nguyễn Văn An"}},
		{"nguyen a", []string{"Nguyễn Văn An", "Nguyễn Thị Ánh"}},
		{"an", []string{"Nguyễn Văn An", "Phạm Anh", "Nguyễn Thị Ánh"}},
		{"ng", []string{"Nguyễn Văn An", "Nguyễn Thị Ánh"}},
		{"d", []string{"Lê Hoàng Dũng", "Trần Minh Đức", "Đặng Thị Hòa"}},
		{"dang hoa", []string{"Đặng Thị Hòa"}},
		{"hoà", []string{"Lê Hoàng Dũng", "Đặng Thị Hòa"}}, // the other tone placement; a prefix of Hoàng too
		{"0870000013", []string{"Trần Minh Đức"}},
		{"0912", []string{"Lê Hoàng Dũng"}},
		{"087304001234", []string{"Đặng Thị Hòa"}},
		{"xyz", nil},
		{"*\"", nil}, // FTS syntax typed by accident is not an error
	}
	for _, tt := range tests {
		got, err := s.Search(ctx, tt.q, 50)
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.q, err)
		}
		var names []string
		for _, p := range got {
			names = append(names, p.FullName())
		}
		if !slices.Equal(names, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.q, names, tt.want)
		}
		n, err := s.CountMembers(ctx, MemberFilter{Query: tt.q})
		if err != nil || n != len(tt.want) {
			t.Errorf("CountMembers(%q) = %d %v, want %d", tt.q, n, err, len(tt.want))
		}
	}
	// A blank query searches nothing but filters nothing out of a list.
	if got, err := s.Search(ctx, "  ", 50); err != nil || len(got) != 0 {
		t.Errorf("Search(blank) = %v %v", got, err)
	}
	if n, err := s.CountMembers(ctx, MemberFilter{Query: "  "}); err != nil || n != len(people) {
		t.Errorf("CountMembers(blank) = %d %v, want %d", n, err, len(people))
	}
	// An edit re-indexes the person.
	people[2].GivenName = "Trí"
	if err := s.SavePerson(ctx, people[2]); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Search(ctx, "duc", 10); len(got) != 0 {
		t.Errorf("old name still found after the edit: %v", got)
	}
	if got, _ := s.Search(ctx, "tri", 10); len(got) != 1 {
		t.Errorf("new name not found after the edit")
	}
	if err := s.DeletePerson(ctx, people[2].ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Search(ctx, "tri", 10); len(got) != 0 {
		t.Errorf("deleted person still found")
	}
}

// TestSearchMatchesBruteForce compares paged, filtered searches on a demo
// ward, in both the sparse and the dense plan, with the answer computed the
// slow way in Go: fold every name, test every word as a prefix, sort with
// the collator.
func TestSearchMatchesBruteForce(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fillWard(t, s, 8000, 7)
	var all []domain.Person
	if err := s.EachMember(ctx, MemberFilter{}, func(p *domain.Person) error { all = append(all, *p); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(all) != 8000 {
		t.Fatalf("%d people", len(all))
	}
	keys := domain.NewSortKeyer()
	matches := func(p *domain.Person, q string) bool {
		words := strings.Fields(domain.Fold(p.FullName()) + " " + p.CardNumber + " " + p.CitizenID + " " + p.Phone)
		for _, w := range strings.Fields(domain.Fold(q)) {
			if !slices.ContainsFunc(words, func(x string) bool { return strings.HasPrefix(x, w) }) {
				return false
			}
		}
		return true
	}
	tests := []struct {
		q string
		f MemberFilter
	}{
		{"nguyen", MemberFilter{Kind: KindUnion}},                    // dense: thousands of matches
		{"n", MemberFilter{}},                                        // dense, no filter
		{"nguyen van", MemberFilter{Status: domain.StatusActive}},    // dense or sparse, with a status
		{"tran thi h", MemberFilter{Gender: domain.Female}},          // sparse
		{"le d", MemberFilter{Kind: KindUnion, Offset: 5}},           // sparse, second page
		{"h", MemberFilter{Kind: KindFederation, Offset: 40}},        // dense, later page
		{"0871", MemberFilter{Kind: KindUnion}},                      // a short run of digits: row test only
		{"09", MemberFilter{Status: domain.StatusActive, Offset: 3}}, // phone prefixes
		{"tran 0", MemberFilter{}},                                   // a name and a number together
	}
	for _, tt := range tests {
		f := tt.f
		f.Query, f.Limit = tt.q, 30
		got, err := s.ListMembers(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var want []domain.Person
		for i := range all {
			p := &all[i]
			if !matches(p, tt.q) || (f.Kind == KindUnion && !p.UnionMember) || (f.Kind == KindFederation && !p.FederationMember) ||
				(f.Status != "" && p.Status != f.Status) || (f.Gender != "" && p.Gender != f.Gender) {
				continue
			}
			want = append(want, *p)
		}
		slices.SortStableFunc(want, func(a, b domain.Person) int {
			if c := slices.Compare(keys.NameKey(a.FamilyName, a.MiddleName, a.GivenName), keys.NameKey(b.FamilyName, b.MiddleName, b.GivenName)); c != 0 {
				return c
			}
			return int(a.ID - b.ID)
		})
		n, err := s.CountMembers(ctx, f)
		if err != nil || n != len(want) {
			t.Errorf("%q %+v: count %d %v, want %d", tt.q, tt.f, n, err, len(want))
		}
		// RowOf places people where the whole list shows them, and finds
		// nobody the filter leaves out.
		for _, i := range []int{0, len(want) / 2, len(want) - 1} {
			if i < 0 || i >= len(want) {
				continue
			}
			row, found, err := s.RowOf(ctx, f, want[i].ID)
			if err != nil || !found || row != i {
				t.Errorf("%q %+v: RowOf(%s) = %d %v %v, want %d", tt.q, tt.f, want[i].FullName(), row, found, err, i)
			}
		}
		if len(want) < len(all) {
			in := map[int64]bool{}
			for _, p := range want {
				in[p.ID] = true
			}
			for _, p := range all {
				if !in[p.ID] {
					if _, found, err := s.RowOf(ctx, f, p.ID); found || err != nil {
						t.Errorf("%q %+v: RowOf found %s, whom the filter leaves out (%v)", tt.q, tt.f, p.FullName(), err)
					}
					break
				}
			}
		}
		want = want[min(f.Offset, len(want)):]
		want = want[:min(f.Limit, len(want))]
		if len(got) != len(want) {
			t.Fatalf("%q %+v: %d rows, want %d", tt.q, tt.f, len(got), len(want))
		}
		for i := range got {
			if got[i].ID != want[i].ID {
				t.Fatalf("%q %+v: row %d is %s, want %s", tt.q, tt.f, i, got[i].FullName(), want[i].FullName())
			}
		}
	}
}

func TestListOrderAndFilters(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	b := &domain.Branch{Name: "Chi đoàn Khóm 2", Kind: domain.BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	thisYear := domain.Today().Year()
	ps := []*domain.Person{
		member("Võ", "Văn", "Ân", domain.MustDate(2004, 1, 1), "L1"),
		member("Lê", "Thị", "Ánh", domain.MustDate(2004, 1, 1), "L2"),
		member("Trần", "Văn", "An", domain.MustDate(2004, 1, 1), "L3"),
		member("Hồ", "Văn", "Đạt", domain.MustDate(thisYear-30, 7, 1), "L4"),
	}
	ps[1].Gender = domain.Female
	ps[3].BranchID = b.ID
	if err := s.AddPeople(ctx, ps); err != nil {
		t.Fatal(err)
	}
	names := func(f MemberFilter) []string {
		got, err := s.ListMembers(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range got {
			out = append(out, p.GivenName)
		}
		return out
	}
	tests := []struct {
		f    MemberFilter
		want []string
	}{
		{MemberFilter{}, []string{"An", "Ánh", "Ân", "Đạt"}},
		{MemberFilter{Desc: true}, []string{"Đạt", "Ân", "Ánh", "An"}},
		{MemberFilter{Gender: domain.Female}, []string{"Ánh"}},
		{MemberFilter{BranchID: b.ID}, []string{"Đạt"}},
		{MemberFilter{TurningThirty: thisYear}, []string{"Đạt"}},
		{MemberFilter{Sort: SortBirth}, []string{"Đạt", "An", "Ánh", "Ân"}},
		{MemberFilter{Limit: 2, Offset: 1}, []string{"Ánh", "Ân"}},
		{MemberFilter{Kind: KindFederation}, nil},
	}
	for _, tt := range tests {
		if got := names(tt.f); !slices.Equal(got, tt.want) {
			t.Errorf("%+v: %v, want %v", tt.f, got, tt.want)
		}
	}
}
