package store

import (
	"context"
	"fmt"
	"testing"

	"sodoan/domain"
)

// TestBranchesInNumericOrder: a ward's hamlets are listed as it counts
// them, Khóm 2 before Khóm 10, with the Vietnamese letters still in their
// order; a register whose keys were written without numeric order gets
// them rebuilt when it is opened.
func TestBranchesInNumericOrder(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, n := range []string{"Chi đoàn Khóm 10", "Chi đoàn Ấp 3", "Chi đoàn Khóm 2", "Chi đoàn Khóm 1", "Chi đoàn Ấp 12", "Chi đoàn Công an"} {
		if err := s.SaveBranch(ctx, &domain.Branch{Name: n, Kind: domain.BranchHamlet, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	want := "[Chi đoàn Ấp 3 Chi đoàn Ấp 12 Chi đoàn Công an Chi đoàn Khóm 1 Chi đoàn Khóm 2 Chi đoàn Khóm 10]"
	names := func() string {
		bs, err := s.Branches(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, b := range bs {
			out = append(out, b.Name)
		}
		return fmt.Sprint(out)
	}
	if got := names(); got != want {
		t.Fatalf("branches %s, want %s", got, want)
	}
	// Keys written by a build without numeric order: the fingerprint no
	// longer matches, and opening rebuilds them.
	old := domain.NewSortKeyer()
	old.Num = old.C
	if _, err := s.db.ExecContext(ctx, `UPDATE branches SET sort_key = ?1 WHERE name = 'Chi đoàn Khóm 10'`, old.TextKey("Chi đoàn Khóm 10")); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, settingCollation, old.Fingerprint()); err != nil {
		t.Fatal(err)
	}
	if got := names(); got == want {
		t.Fatal("the old key did not change the order: the test proves nothing")
	}
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	s = s2
	if got := names(); got != want {
		t.Fatalf("after reopening: %s, want %s", got, want)
	}
}
