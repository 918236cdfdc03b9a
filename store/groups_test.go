package store

import (
	"context"
	"slices"
	"testing"

	"sodoan/domain"
)

func TestGroupMembersInNameOrder(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var ids []int64
	for i, n := range [][3]string{{"Trần", "Văn", "Cường"}, {"Lê", "Thị", "An"}} {
		p := member(n[0], n[1], n[2], domain.MustDate(2000, 1, 1+i), "")
		if err := s.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	c := &domain.Club{Name: "CLB Thanh niên làm kinh tế", Kind: "economic", Active: true, Members: []domain.GroupMember{
		{PersonID: ids[0], Role: "Chủ nhiệm"},
		{Name: "Võ  Văn   Bảo", Role: "Cố vấn"}, // an outsider, typed with extra spaces
		{PersonID: ids[1]},
		{Name: "Phạm Ánh"},
	}}
	if err := s.SaveClub(ctx, c); err != nil {
		t.Fatal(err)
	}
	if errs := fieldErrors(t, s.SaveClub(ctx, &domain.Club{Name: "CLB trống", Kind: "interest", Members: []domain.GroupMember{{}}})); errs[0].Field != "Members" {
		t.Fatalf("empty member row: %v", errs)
	}
	got, err := s.Club(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range got.Members {
		names = append(names, m.Name)
	}
	want := []string{"Lê Thị An", "Phạm Ánh", "Võ Văn Bảo", "Trần Văn Cường"}
	if !slices.Equal(names, want) {
		t.Fatalf("members %v, want %v", names, want)
	}
	// Deleting a person of the register removes them from the club too.
	if err := s.DeletePerson(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	clubs, err := s.Clubs(ctx)
	if err != nil || len(clubs) != 1 || len(clubs[0].Members) != 3 {
		t.Fatalf("after deleting a member: %+v %v", clubs, err)
	}
}
