package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportMembers(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	b := &Branch{Name: "Chi đoàn Khóm 1", Kind: BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	a := member("Nguyễn", "Văn", "Đức", MustDate(2001, 3, 9), "0870012345")
	a.BranchID, a.CitizenID, a.Phone, a.Schooling = b.ID, "087201001234", "0912345678", 12
	f := member("Lê", "Thị", "Ánh", MustDate(1999, 12, 31), "0870000001")
	f.Gender, f.FederationMember, f.FederationDate = Female, true, MustDate(2019, 5, 1)
	if err := s.AddPeople(ctx, []*Person{a, f}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "danh-sach.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.ExportMembers(ctx, MemberFilter{Kind: KindUnion}, out)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil || n != 2 {
		t.Fatalf("ExportMembers = %d, %v", n, err)
	}

	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the file does not open as a workbook: %v", err)
	}
	defer x.Close()
	rows, err := x.GetRows("Danh sách")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want a header and 2", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	// Ánh before Đức: Vietnamese order by given name.
	tests := []struct {
		row          int
		column, want string
	}{
		{1, "Tên", "Ánh"},
		{1, "Ngày sinh", "31/12/1999"},
		{1, "Giới tính", "Nữ"},
		{1, "Hội viên", "x"},
		{1, "Ngày vào Hội", "01/05/2019"},
		{2, "Họ", "Nguyễn"},
		{2, "Tên", "Đức"},
		{2, "Ngày sinh", "09/03/2001"},
		{2, "Ngày vào Đoàn", "09/03/2017"},
		{2, "Số CCCD", "087201001234"},
		{2, "Điện thoại", "0912345678"},
		{2, "Số thẻ đoàn viên", "0870012345"},
		{2, "Chi đoàn", "Chi đoàn Khóm 1"},
		{2, "Học vấn", "12/12"},
		{2, "Trạng thái", "Đang sinh hoạt"},
	}
	for _, tt := range tests {
		i, ok := col[tt.column]
		if !ok {
			t.Fatalf("no column %q in %v", tt.column, rows[0])
		}
		got := ""
		if i < len(rows[tt.row]) {
			got = rows[tt.row][i]
		}
		if got != tt.want {
			t.Errorf("row %d, %s = %q, want %q", tt.row, tt.column, got, tt.want)
		}
	}
	// Dates are real dates, not text: the raw cell holds a serial number.
	cell, _ := excelize.CoordinatesToCellName(col["Ngày sinh"]+1, 3)
	raw, err := x.GetCellValue("Danh sách", cell, excelize.Options{RawCellValue: true})
	if err != nil || raw != "36959" {
		t.Errorf("raw birth date %q %v, want the serial 36959", raw, err)
	}
}
