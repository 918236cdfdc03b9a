package sheet

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

// TestDuesCategoryInSheets: the export writes each member's dues category
// (the derived one where none is set) with the personal data only; a sheet
// with the column reads it, the derived category read back as derived, a
// wrong one refused naming the row and the column.
func TestDuesCategoryInSheets(t *testing.T) {
	ctx := context.Background()
	s := twoMembers(t)
	// Đức is a student (không hưởng lương, derived); Ánh a worker with the
	// category set by hand.
	people, err := s.ListMembers(ctx, store.MemberFilter{})
	if err != nil || len(people) != 2 {
		t.Fatalf("%d people: %v", len(people), err)
	}
	for i := range people {
		p := &people[i]
		if p.GivenName == "Đức" {
			p.Occupation = "student"
		} else {
			p.Occupation, p.DuesCategory = "worker", domain.DuesNoWage
		}
		if err := s.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	path := exportTo(t, s, "ds.csv", ExportOptions{Personal: true})
	text := fileText(t, path)
	if !strings.Contains(text, "Diện đóng đoàn phí") || strings.Count(text, "Không hưởng lương") != 2 {
		t.Errorf("personal export:\n%s", text)
	}
	if text := fileText(t, exportTo(t, s, "ds2.csv", ExportOptions{})); strings.Contains(text, "Diện đóng đoàn phí") || strings.Contains(text, "hưởng lương") {
		t.Errorf("the dues category left the register without the personal data:\n%s", text)
	}

	pv := readCSV(t, "Họ và tên,Giới tính,Ngày sinh,Ngày vào Đoàn,Nghề nghiệp,Diện đóng đoàn phí\n"+
		"Nguyễn Văn A,Nam,01/01/2005,01/01/2021,Học sinh,Không hưởng lương\n"+
		"Trần Văn B,Nam,01/01/2005,01/01/2021,Học sinh,Hưởng lương\n"+
		"Lê Văn C,Nam,01/01/2000,01/01/2016,Công nhân,\n"+
		"Võ Văn D,Nam,01/01/2000,01/01/2016,Công nhân,Theo nghề nghiệp\n"+
		"Đỗ Văn E,Nam,01/01/2000,01/01/2016,Công nhân,năm nghìn\n")
	want := []domain.DuesCategory{"", domain.DuesWage, "", ""}
	for i, w := range want {
		if got := pv.Rows[i].Person.DuesCategory; got != w {
			t.Errorf("row %d: %q, want %q", i+2, got, w)
		}
	}
	ps := pv.Problems()
	if len(ps) != 1 || ps[0].Row != 6 || ps[0].Column != "Diện đóng đoàn phí" || !strings.Contains(ps[0].Reason, "không có trong danh mục") {
		t.Errorf("problems %v, want one on row 6, Diện đóng đoàn phí", ps)
	}
}
