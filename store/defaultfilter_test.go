package store

import (
	"context"
	"slices"
	"testing"

	"sodoan/domain"
)

// TestDefaultMemberFilter: the list a ward means by "đoàn viên" is those in
// activity; one who moved away is left out, then listed on request. Four
// đoàn viên, one transferred out on 10/01/2025: 3 by default, 4 with every
// status (Status ""), 1 transferred.
func TestDefaultMemberFilter(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	people := []*domain.Person{
		member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 1), "0870000011"),
		member("Trần", "Thị", "Bích", domain.MustDate(2001, 1, 1), "0870000012"),
		member("Lê", "Hoàng", "Cường", domain.MustDate(2002, 1, 1), "0870000013"),
		member("Phạm", "Thị", "Dung", domain.MustDate(2003, 1, 1), "0870000014"),
	}
	if err := s.AddPeople(ctx, people); err != nil {
		t.Fatal(err)
	}
	if err := s.AddEvent(ctx, &domain.Event{PersonID: people[1].ID, Kind: domain.EventTransferOut, Date: domain.MustDate(2025, 1, 10), Unit: "Đoàn phường 2"}); err != nil {
		t.Fatal(err)
	}
	def := DefaultMemberFilter(KindUnion)
	every := def
	every.Status = ""
	gone := def
	gone.Status = domain.StatusTransferred
	for _, c := range []struct {
		name string
		f    MemberFilter
		want []string
	}{
		{"default", def, []string{"Nguyễn Văn An", "Lê Hoàng Cường", "Phạm Thị Dung"}},
		{"every status", every, []string{"Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Cường", "Phạm Thị Dung"}},
		{"transferred", gone, []string{"Trần Thị Bích"}},
	} {
		rows, err := s.ListMembers(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range rows {
			got = append(got, p.FullName())
		}
		n, err := s.CountMembers(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, c.want) || n != len(c.want) {
			t.Errorf("%s: %q (count %d), want %q", c.name, got, n, c.want)
		}
	}
	if f := DefaultMemberFilter(KindFederation); f.Status != "" || f.Kind != KindFederation {
		t.Errorf("the Hội list chooses by its day, not the Union status: %+v", f)
	}
}
