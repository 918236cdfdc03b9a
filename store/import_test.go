package store

import (
	"context"
	"fmt"
	"testing"
)

// TestImportAfterDelete: people imported after a deletion never take the
// id of the person waiting in the recycle bin, who comes back whole.
func TestImportAfterDelete(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := member("Nguyễn", "Văn", "An", MustDate(2000, 1, 2), "A1")
	b := member("Trần", "Văn", "Bình", MustDate(2000, 3, 4), "B1")
	if err := s.AddPeople(ctx, []*Person{a, b}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	c := member("Lê", "Thị", "Cúc", MustDate(2001, 5, 6), "C1")
	c.Gender = Female
	res, err := s.ImportPeople(ctx, []*Person{c}, []int{2}, ImportOptions{})
	if err != nil || res.Added != 1 {
		t.Fatalf("import %+v %v", res, err)
	}
	if c.ID <= b.ID {
		t.Fatalf("imported id %d, the recycle bin holds %d", c.ID, b.ID)
	}
	if bs, err := s.Backups(); err != nil || len(bs) != 1 || bs[0].Path != res.Backup || bs[0].Reason != BackupBeforeImport {
		t.Errorf("backups %+v (%v), want the one before the import, %s", bs, err, res.Backup)
	}
	if _, err := s.RestoreTrash(ctx, TrashPerson, b.ID); err != nil {
		t.Fatalf("restore after an import: %v", err)
	}
	if n := countPeople(t, s); n != 3 {
		t.Errorf("%d people, want 3", n)
	}
	got, err := s.Person(ctx, c.ID)
	if err != nil || got.FullName() != "Lê Thị Cúc" || got.AdmissionDate != c.AdmissionDate || got.Status != StatusActive {
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
	many := func(n int, card func(i int) string) ([]*Person, []int) {
		var people []*Person
		var rows []int
		for i := 0; i < n; i++ {
			p := member("Nguyễn", "Văn", "An"+letters(i), MustDate(1990+i%15, 1+i%12, 1+i%28), card(i))
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
