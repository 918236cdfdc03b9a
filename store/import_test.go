package store

import (
	"context"
	"fmt"
	"testing"

	"sodoan/domain"
)

// TestImportAfterDelete: people imported after a deletion never take the
// id of the person waiting in the recycle bin, who comes back whole.
func TestImportAfterDelete(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 2), "A1")
	b := member("Trần", "Văn", "Bình", domain.MustDate(2000, 3, 4), "B1")
	if err := s.AddPeople(ctx, []*domain.Person{a, b}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	c := member("Lê", "Thị", "Cúc", domain.MustDate(2001, 5, 6), "C1")
	c.Gender = domain.Female
	res, err := s.ImportPeople(ctx, []*domain.Person{c}, []int{2}, ImportOptions{})
	if err != nil || res.Added != 1 {
		t.Fatalf("import %+v %v", res, err)
	}
	if c.ID <= b.ID {
		t.Fatalf("imported id %d, the recycle bin holds %d", c.ID, b.ID)
	}
	if bs, err := s.Backups(); err != nil || len(bs) != 1 || bs[0].Path != res.Backup || bs[0].Reason != BackupBeforeImport {
		t.Errorf("backups %+v (%v), want the one before the import, %s", bs, err, res.Backup)
	}
	if _, err := s.RestoreTrash(ctx, domain.TrashPerson, b.ID); err != nil {
		t.Fatalf("restore after an import: %v", err)
	}
	if n := countPeople(t, s); n != 3 {
		t.Errorf("%d people, want 3", n)
	}
	got, err := s.Person(ctx, c.ID)
	if err != nil || got.FullName() != "Lê Thị Cúc" || got.AdmissionDate != c.AdmissionDate || got.Status != domain.StatusActive {
		t.Errorf("imported %+v %v", got, err)
	}
	if _, problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after the import: %v %v", problems, err)
	}
}

// TestImportManyKeepsIndexes: a large import into a small register builds
// the indexes again after the load, every one of them, and a card number
// used twice still fails the whole import.
func TestImportManyKeepsIndexes(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	indexes := func() string {
		var all []string
		rows, err := s.db.QueryContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var q string
			if err := rows.Scan(&q); err != nil {
				t.Fatal(err)
			}
			all = append(all, q)
		}
		return fmt.Sprint(all)
	}
	before := indexes()
	many := func(n int, card func(i int) string) ([]*domain.Person, []int) {
		var people []*domain.Person
		var rows []int
		for i := 0; i < n; i++ {
			p := member("Nguyễn", "Văn", "An"+letters(i), domain.MustDate(1990+i%15, 1+i%12, 1+i%28), card(i))
			people, rows = append(people, p), append(rows, i+2)
		}
		return people, rows
	}
	n := bulkWithoutIndexes + 10
	dup, dupRows := many(n, func(i int) string { return fmt.Sprintf("D%d", i%(n-1)) })
	if _, err := s.ImportPeople(ctx, dup, dupRows, ImportOptions{}); err == nil {
		t.Fatal("an import with a card number used twice was written")
	}
	people, rows := many(n, func(i int) string { return fmt.Sprintf("C%d", i) })
	res, err := s.ImportPeople(ctx, people, rows, ImportOptions{})
	if err != nil || res.Added != n {
		t.Fatalf("import %+v %.300v", res, err)
	}
	if got := indexes(); got != before {
		t.Errorf("indexes after the import:\n%s\nbefore:\n%s", got, before)
	}
	if got := countPeople(t, s); got != n {
		t.Errorf("%d people, want %d", got, n)
	}
	found, err := s.Search(ctx, "An"+letters(4000), 5)
	if err != nil || len(found) != 1 {
		t.Errorf("search after the import: %d found, %v", len(found), err)
	}
}

// letters writes i in the letters a to z: a name holds no digit.
func letters(i int) string {
	out := ""
	for {
		out = string(rune('a'+i%26)) + out
		if i /= 26; i == 0 {
			return out
		}
	}
}

// TestImportDuplicates: the same CCCD is the same person; the same name
// and date of birth is the same person only when a CCCD does not tell the
// two apart, in the sheet and against the register.
func TestImportDuplicates(t *testing.T) {
	ctx := context.Background()
	birth := domain.MustDate(2000, 1, 2)
	an := func(cccd, card string) *domain.Person {
		p := member("Nguyễn", "Văn", "An", birth, card)
		p.CitizenID = cccd
		return p
	}
	cases := []struct {
		name     string
		register []*domain.Person
		sheet    []*domain.Person
		existing []int    // the index in register of each sheet row's match, -1 for none
		problems []string // "row field: message" of each problem
	}{
		{name: "two people, two CCCDs", sheet: []*domain.Person{an("087200000001", "A1"), an("087200000002", "A2")},
			existing: []int{-1, -1}},
		{name: "one without CCCD", sheet: []*domain.Person{an("087200000001", "A1"), an("", "A2")},
			existing: []int{-1, -1}, problems: []string{"3 FullName: trùng họ tên và ngày sinh với dòng 2, và không có số CCCD để phân biệt"}},
		{name: "same CCCD twice", sheet: []*domain.Person{an("087200000001", "A1"), member("Lê", "", "Bình", birth, "A2")},
			existing: []int{-1, -1}, problems: []string{"3 CitizenID: 087200000001 trùng với dòng 2"}},
		{name: "register: another CCCD", register: []*domain.Person{an("087200000001", "R1")}, sheet: []*domain.Person{an("087200000002", "A1")},
			existing: []int{-1}},
		{name: "register: no CCCD", register: []*domain.Person{an("", "R1")}, sheet: []*domain.Person{an("087200000002", "R1")},
			existing: []int{0}},
		{name: "register: the same CCCD, another name", register: []*domain.Person{an("087200000001", "R1")},
			sheet: []*domain.Person{member("Nguyễn", "Văn", "Ân", birth, "R1")}, existing: []int{0}},
		{name: "register: two of that name", register: []*domain.Person{an("087200000001", "R1"), an("087200000002", "R2")},
			sheet: []*domain.Person{an("", "A1")}, existing: []int{-1},
			problems: []string{"2 CitizenID: sổ có 2 người cùng họ tên và ngày sinh này: ghi số CCCD để biết là ai"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t)
			if len(c.register) > 0 {
				if err := s.AddPeople(ctx, c.register); err != nil {
					t.Fatal(err)
				}
			}
			if c.name == "same CCCD twice" || c.name == "register: the same CCCD, another name" {
				c.sheet[len(c.sheet)-1].CitizenID = "087200000001"
			}
			rows := make([]int, len(c.sheet))
			for i := range rows {
				rows[i] = i + 2
			}
			got, err := s.CheckImport(ctx, c.sheet, rows)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range c.existing {
				var id int64
				if want >= 0 {
					id = c.register[want].ID
				}
				if got.Existing[i] != id {
					t.Errorf("row %d matches person %d, want %d", rows[i], got.Existing[i], id)
				}
			}
			var problems []string
			for _, p := range got.Problems {
				problems = append(problems, fmt.Sprintf("%d %s: %s", p.Row, p.Field, p.Msg))
			}
			if fmt.Sprint(problems) != fmt.Sprint(c.problems) {
				t.Errorf("problems\n%q\nwant\n%q", problems, c.problems)
			}
		})
	}
}

// TestImportNewBranchesInListOrder: the branches an import creates are
// named, and created, in the order of the branch list, not as the sheet's
// rows first met them.
func TestImportNewBranchesInListOrder(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var people []*domain.Person
	var rows []int
	for i, b := range []string{"Chi đoàn Ấp Tân Hòa", "Chi đoàn Khóm 3", "Chi đoàn Công an phường", "Chi đoàn Ấp An Phú", "Chi đoàn Khóm 3"} {
		p := member("Trần", "Văn", letters(i), domain.MustDate(2000, 1, 2), fmt.Sprintf("C%d", i))
		p.BranchName = b
		people, rows = append(people, p), append(rows, i+2)
	}
	want := "[Chi đoàn Ấp An Phú Chi đoàn Ấp Tân Hòa Chi đoàn Công an phường Chi đoàn Khóm 3]"
	c, err := s.CheckImport(ctx, people, rows)
	if err != nil || fmt.Sprint(c.UnknownBranches) != want {
		t.Fatalf("unknown branches %v (%v), want %s", c.UnknownBranches, err, want)
	}
	res, err := s.ImportPeople(ctx, people, rows, ImportOptions{CreateBranches: true})
	if err != nil || fmt.Sprint(res.Branches) != want {
		t.Fatalf("created %v (%v), want %s", res.Branches, err, want)
	}
}
