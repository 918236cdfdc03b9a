package store

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"sodoan/domain"
)

// Erased means erased (issue 18, finding 5; Nghị định 13/2023): after a
// person is deleted and the recycle bin emptied, none of their CCCD,
// phone (the current one and one changed before, which history held) or
// note can be read in the bytes of the register or its write-ahead log,
// while the register is still open.
func TestErasedPersonLeavesNoBytes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := tenMembers(t, dir, "so.db")
	s, err := Open(path)
	mustNil(t, err)
	defer s.Close()
	p := member("Võ", "Thị", "Xuân", domain.MustDate(2001, 5, 6), "")
	p.CitizenID, p.Phone, p.Note = "087301654329", "0917283746", "Ghi chú riêng Quýtzơ"
	mustNil(t, s.SavePerson(ctx, p))
	p.Phone = "0987123654"
	mustNil(t, s.SavePerson(ctx, p))
	if n, err := s.CountMembers(ctx, MemberFilter{Query: "0917283746"}); err != nil || n != 0 {
		t.Fatalf("the old phone is still searchable: %d %v", n, err)
	}
	if n, err := s.CountMembers(ctx, MemberFilter{Query: "087301654329"}); err != nil || n != 1 {
		t.Fatalf("search by CCCD finds %d (%v), want 1", n, err)
	}
	mustNil(t, s.DeletePerson(ctx, p.ID))
	if n, err := s.EmptyTrash(ctx); err != nil || n != 1 {
		t.Fatalf("emptied %d (%v), want 1", n, err)
	}
	secrets := []string{"087301654329", "0917283746", "0987123654", "Quýtzơ"}
	for _, name := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(name)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		for _, secret := range secrets {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s still holds %q", name, secret)
			}
		}
	}
	// The nine others are still found.
	if n := countPeople(t, s); n != 10 {
		t.Fatalf("%d people left, want the 10 others", n)
	}
	if n, err := s.CountMembers(ctx, MemberFilter{Query: "hoa"}); err != nil || n != 1 {
		t.Fatalf("search after the merge finds %d (%v), want 1 (Hòa)", n, err)
	}
}

// Backups keep an erased person until they rotate out; EraseFromBackups
// takes them out of every backup on request: afterwards no byte of their
// CCCD, phone or note is in any backup file, the others' data is whole,
// and a restore from such a backup gives the register without them.
func TestEraseFromBackups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := tenMembers(t, dir, "so.db")
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local)
	s, err := OpenWith(path, OpenOptions{Now: func() time.Time { return at }})
	mustNil(t, err)
	defer s.Close()
	p := member("Võ", "Thị", "Xuân", domain.MustDate(2001, 5, 6), "")
	p.CitizenID, p.Phone, p.Note = "087301654329", "0917283746", "Ghi chú riêng Quýtzơ"
	mustNil(t, s.SavePerson(ctx, p))
	for range 3 { // three backups on three days hold her
		at = at.Add(24 * time.Hour)
		_, err := s.BackupNow(ctx, BackupManual)
		mustNil(t, err)
	}
	mustNil(t, s.DeletePerson(ctx, p.ID))
	_, err = s.EmptyTrash(ctx)
	mustNil(t, err)
	secrets := []string{"087301654329", "0917283746", "Quýtzơ"}
	holding := func() int {
		list, err := s.Backups()
		mustNil(t, err)
		n := 0
		for _, b := range list {
			raw := fileBytes(t, b.Path)
			for _, sec := range secrets {
				if bytes.Contains(raw, []byte(sec)) {
					n++
					break
				}
			}
		}
		return n
	}
	if n := holding(); n != 3 {
		t.Fatalf("%d backups hold her before, want 3 (the test would prove nothing)", n)
	}
	res, err := s.EraseFromBackups(ctx)
	mustNil(t, err)
	if res.People != 1 || res.Files != 3 {
		t.Fatalf("erased %+v, want 1 person from 3 files", res)
	}
	if n := holding(); n != 0 {
		t.Fatalf("%d backups still hold her", n)
	}
	// Again: nothing left to do.
	if res, err := s.EraseFromBackups(ctx); err != nil || res.Files != 0 {
		t.Fatalf("second run: %+v %v", res, err)
	}
	list, err := s.Backups()
	mustNil(t, err)
	c, err := CheckBackup(ctx, list[0].Path)
	mustNil(t, err)
	if c.People != 10 {
		t.Fatalf("a rewritten backup holds %d people, want the 10 others", c.People)
	}
	_, err = s.Restore(ctx, list[0].Path)
	mustNil(t, err)
	if n := countPeople(t, s); n != 10 {
		t.Fatalf("restored %d people, want 10", n)
	}
}
