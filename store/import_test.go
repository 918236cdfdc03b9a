package store

import (
	"context"
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
