package store

import (
	"context"
	"errors"
	"testing"

	"sodoan/domain"
)

func TestSaveCriteria(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	before, err := s.Criteria(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != len(domain.DefaultCriteria) {
		t.Fatalf("seeded %d criteria, want %d", len(before), len(domain.DefaultCriteria))
	}
	b := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBranchYear(ctx, domain.BranchYear{BranchID: b.ID, Year: 2020, Met: []int64{before[0].ID, before[1].ID}}); err != nil {
		t.Fatal(err)
	}

	// One invalid row: nothing is written, the message names the row.
	edit := append([]domain.Criterion(nil), before[:2]...)
	edit[0].Text = "Sinh hoạt chi đoàn mỗi tháng"
	edit = append(edit, domain.Criterion{Code: "9", Text: "  ", Order: 9, Active: true})
	err = s.SaveCriteria(ctx, edit)
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) != 1 || ve.Errors[0].Row != 3 || ve.Errors[0].Field != "Text" {
		t.Fatalf("SaveCriteria with an empty text = %v, want one error on row 3, Text", err)
	}
	if got := ve.Errors[0].Error(); got != "Dòng 3, Nội dung tiêu chí: không được để trống" {
		t.Errorf("message = %q", got)
	}
	after, _ := s.Criteria(ctx)
	if after[0].Text != before[0].Text || len(after) != len(before) {
		t.Fatalf("an invalid list was written: %+v", after)
	}

	// Valid: edit, retire, add, in one call.
	edit[1].Active = false
	edit[2].Text = "Có đoàn viên tham gia   dân quân"
	if err := s.SaveCriteria(ctx, edit); err != nil {
		t.Fatal(err)
	}
	if edit[2].ID == 0 {
		t.Error("new criterion got no ID")
	}
	after, _ = s.Criteria(ctx)
	if len(after) != len(before)+1 || after[0].Text != "Sinh hoạt chi đoàn mỗi tháng" || after[1].Active {
		t.Fatalf("after save: %+v", after[:2])
	}
	if last := after[len(after)-1]; last.Text != "Có đoàn viên tham gia dân quân" || !last.Active {
		t.Errorf("added criterion = %+v", last)
	}
	// The retired criterion's past assessment is kept.
	by, err := s.BranchYear(ctx, b.ID, 2020)
	if err != nil {
		t.Fatal(err)
	}
	if len(by.Met) != 2 {
		t.Errorf("2020 met after retiring one = %v, want both kept", by.Met)
	}

	if err := s.SaveCriteria(ctx, []domain.Criterion{{ID: 9999, Text: "x"}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown ID: %v, want ErrNotFound", err)
	}
}

// TestChecklistByYear: changing the checklist this year leaves the
// assessment of past years as it was.
func TestChecklistByYear(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	year := domain.Today().Year()
	b := &domain.Branch{Name: "Chi đoàn Khóm 3", Kind: domain.BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	seed, err := s.Criteria(ctx)
	if err != nil || len(seed) != 8 {
		t.Fatalf("seed checklist: %d %v", len(seed), err)
	}
	ids := func(cs []domain.Criterion) []int64 {
		var out []int64
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	// Last year the branch met all eight.
	if err := s.SaveBranchYear(ctx, domain.BranchYear{BranchID: b.ID, Year: year - 1, Met: ids(seed)}); err != nil {
		t.Fatal(err)
	}
	// This year the ward retires criterion 8 and adds a new one.
	seed[7].Active = false
	added := domain.Criterion{Code: "9", Text: "Có mô hình chuyển đổi số", Order: 9, Active: true}
	if err := s.SaveCriteria(ctx, []domain.Criterion{seed[7], added}); err != nil {
		t.Fatal(err)
	}
	now, _ := s.CriteriaFor(ctx, year)
	before, _ := s.CriteriaFor(ctx, year-1)
	if len(now) != 8 || now[7].Code != "9" || len(before) != 8 || before[7].ID != seed[7].ID {
		t.Fatalf("this year %v, last year %v", ids(now), ids(before))
	}
	tests := []struct {
		year int
		met  []int64
		want bool
	}{
		{year - 1, ids(seed), true},      // last year's assessment unchanged
		{year, ids(seed[:7]), false},     // this year needs the new criterion
		{year, ids(now), true},           // the seven still in force and the new one
		{year - 1, ids(seed[:7]), false}, // last year still needed the retired one
	}
	for _, tt := range tests {
		if err := s.SaveBranchYear(ctx, domain.BranchYear{BranchID: b.ID, Year: tt.year, Met: tt.met}); err != nil {
			t.Fatal(err)
		}
		by, err := s.BranchYear(ctx, b.ID, tt.year)
		if err != nil || by.Standard != tt.want {
			t.Errorf("year %d, %d met: standard %v %v, want %v", tt.year, len(tt.met), by.Standard, err, tt.want)
		}
	}
	// Brought back, the criterion is part of this year's checklist again.
	seed[7].Active = true
	if err := s.SaveCriterion(ctx, &seed[7]); err != nil {
		t.Fatal(err)
	}
	if now, _ := s.CriteriaFor(ctx, year); len(now) != 9 {
		t.Fatalf("after bringing it back: %d criteria", len(now))
	}
	if c := (domain.Criterion{FromYear: year, ToYear: year - 1}); c.AppliesIn(year) || c.AppliesIn(year-1) {
		t.Fatal("a criterion added and retired in the same year applies")
	}
}
