package store

import (
	"context"
	"errors"
	"testing"
)

func TestSaveCriteria(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	before, err := s.Criteria(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != len(DefaultCriteria) {
		t.Fatalf("seeded %d criteria, want %d", len(before), len(DefaultCriteria))
	}
	b := &Branch{Name: "Chi đoàn Khóm 1", Kind: BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBranchYear(ctx, BranchYear{BranchID: b.ID, Year: 2020, Met: []int64{before[0].ID, before[1].ID}}); err != nil {
		t.Fatal(err)
	}

	// One invalid row: nothing is written, the message names the row.
	edit := append([]Criterion(nil), before[:2]...)
	edit[0].Text = "Sinh hoạt chi đoàn mỗi tháng"
	edit = append(edit, Criterion{Code: "9", Text: "  ", Order: 9, Active: true})
	err = s.SaveCriteria(ctx, edit)
	var ve *ValidationError
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

	if err := s.SaveCriteria(ctx, []Criterion{{ID: 9999, Text: "x"}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown ID: %v, want ErrNotFound", err)
	}
}
