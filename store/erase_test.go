package store

import (
	"bytes"
	"context"
	"os"
	"testing"

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
