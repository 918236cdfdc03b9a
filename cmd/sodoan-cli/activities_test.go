package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sodoan/domain"
	"sodoan/store"
)

// TestActivitiesCommands: activities, meetings with attendance, the grid
// and the review list through the command line, on a register of one
// branch of three members.
func TestActivitiesCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	cli := func(args ...string) (string, error) {
		t.Helper()
		var out, errb bytes.Buffer
		err := run(context.Background(), append([]string{"--db", db}, args...), &out, &errb)
		return out.String() + errb.String(), err
	}
	if out, err := cli("init", "--unit", "BCH Đoàn phường 1", "--place", "Phường 1", "--upper", "Tỉnh Đoàn Đồng Tháp"); err != nil {
		t.Fatal(err, out)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	b := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	if err := st.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	var ms []store.NewMember
	for i, given := range []string{"An", "Bình", "Chi"} {
		ms = append(ms, store.NewMember{Person: &domain.Person{FamilyName: "Lê", MiddleName: "Văn", GivenName: given, Gender: domain.Male,
			BirthDate: domain.MustDate(2000, 1, 1+i), UnionMember: true, AdmissionDate: domain.MustDate(2018, 3, 26), BranchID: b.ID}})
	}
	if err := st.LoadMembers(ctx, ms, store.LoadOptions{EmptyOnly: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	ids := func(ps ...int) string {
		var out []string
		for _, i := range ps {
			out = append(out, strconv.FormatInt(ms[i].Person.ID, 10))
		}
		return strings.Join(out, ",")
	}
	// A sheet of two activities, one of them bad: nothing written.
	x := excelize.NewFile()
	for cell, v := range map[string]any{"A1": "Ngày", "B1": "Loại", "C1": "Tên hoạt động", "D1": "Số đoàn viên", "E1": "Số người được tuyên truyền",
		"A2": "10/03/2025", "B2": "Tuyên truyền, giáo dục", "C2": "Học tập Nghị quyết", "D2": 3, "E2": 120,
		"A3": "11/03/2025", "B3": "Tuyên truyền, giáo dục", "C3": "", "D3": 2} {
		if err := x.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	bad := filepath.Join(dir, "bad.xlsx")
	if err := x.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellValue("Sheet1", "C3", "Sinh hoạt chính trị"); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.xlsx")
	if err := x.SaveAs(good); err != nil {
		t.Fatal(err)
	}
	x.Close()

	for _, tc := range []struct {
		args []string
		want string
		fail bool
	}{
		{[]string{"activities", "import", bad}, "dòng 3, Tên hoạt động: không được để trống", true},
		{[]string{"activities", "list", "--year", "2025"}, "Năm 2025: 0 hoạt động", false},
		{[]string{"activities", "import", good}, "Đã nhập 2 hoạt động", false},
		{[]string{"activities", "add", "--date", "05/04/2025", "--kind", "blood", "--title", "Hiến máu", "--union", "3", "--measure", "units=3",
			"--people", ids(0, 1, 2)}, "Đã ghi hoạt động 3", false},
		{[]string{"activities", "add", "--date", "05/04/2025", "--kind", "blood", "--title", "Hiến máu", "--measure", "days=3"}, "Số liệu: \"days\" không phải số liệu của loại Hiến máu tình nguyện", true},
		{[]string{"activities", "list", "--year", "2025", "--kind", "education", "--format", "csv"}, "Học tập Nghị quyết", false},
		{[]string{"activities", "list", "--year", "2025", "--month", "4"}, "số đơn vị máu 3 đơn vị", false},
		// Bình absent without reason in February, March and April.
		{[]string{"meetings", "add", "--branch", "Khóm 1", "--date", "15/01/2025", "--all-present"}, "có mặt 3, vắng có lý do 0, vắng không lý do 0", false},
		{[]string{"meetings", "add", "--branch", "Khóm 1", "--date", "15/02/2025", "--all-present", "--absent", ids(1)}, "có mặt 2, vắng có lý do 0, vắng không lý do 1", false},
		{[]string{"meetings", "add", "--branch", "Khóm 1", "--date", "15/03/2025", "--all-present", "--absent", ids(1), "--excused", ids(2)}, "có mặt 1, vắng có lý do 1, vắng không lý do 1", false},
		{[]string{"meetings", "add", "--branch", "Khóm 1", "--date", "15/04/2025", "--present", ids(0), "--absent", ids(1, 2)}, "có mặt 1, vắng có lý do 0, vắng không lý do 2", false},
		{[]string{"meetings", "add", "--branch", "Khóm 9", "--date", "15/04/2025"}, "--branch \"Khóm 9\"", true},
		{[]string{"meetings", "list", "--year", "2025", "--branch", "Khóm 1"}, "Năm 2025: 4 buổi sinh hoạt", false},
		// Marks 12, present 3 + 2 + 1 + 1 = 7: 58,3 %.
		{[]string{"meetings", "grid", "--year", "2025"}, "Chi đoàn Khóm 1  x   x   x   x   -   -   -   -   -   -    -    -    4/12      4        58,3 %", false},
		{[]string{"members", "review", "--year", "2025"}, "Lê Văn Bình  Chi đoàn Khóm 1  Vắng sinh hoạt không lý do 3 tháng (02/2025, 03/2025, 04/2025)", false},
		{[]string{"members", "review", "--year", "2025", "--date", "31/03/2025"}, "Năm 2025: 0 đoàn viên cần xem xét", false},
		// The kinds are an editable list: a new kind with its figure is
		// offered to activities add; a kind in use stays.
		{[]string{"activities", "kinds", "--add", "trees", "--label", "Trồng cây xanh", "--measure", "trees:Số cây xanh:cây"}, "trees\tTrồng cây xanh\ttrees (Số cây xanh, cây)", false},
		{[]string{"activities", "add", "--date", "06/04/2025", "--kind", "trees", "--title", "Trồng cây", "--measure", "trees=150"}, "Đã ghi hoạt động 4", false},
		{[]string{"activities", "kinds", "--remove", "blood"}, "loại \"Hiến máu tình nguyện\" còn hoạt động đã ghi, không bỏ được", true},
		// The thresholds are dated: 4 months from 2026 leaves 2025's list
		// as it was; from 2025 it empties it.
		{[]string{"meetings", "thresholds", "--absent-months", "4"}, "cần --from dd/mm/yyyy", true},
		{[]string{"meetings", "thresholds", "--from", "01/01/2026", "--absent-months", "4"}, "01/01/2026  12", false},
		{[]string{"members", "review", "--year", "2025"}, "Lê Văn Bình  Chi đoàn Khóm 1  Vắng sinh hoạt không lý do 3 tháng", false},
		{[]string{"meetings", "thresholds", "--from", "01/01/2025", "--absent-months", "4"}, "Đã ghi ngưỡng áp dụng từ 01/01/2025", false},
		{[]string{"members", "review", "--year", "2025"}, "Năm 2025: 0 đoàn viên cần xem xét", false},
		{[]string{"meetings", "thresholds", "--from", "01/01/2025", "--delete"}, "Đã xóa ngưỡng áp dụng từ 01/01/2025", false},
		{[]string{"members", "review", "--year", "2025"}, "Lê Văn Bình", false},
	} {
		out, err := cli(tc.args...)
		if (err != nil) != tc.fail {
			t.Errorf("%v: err %v\n%s", tc.args, err, out)
			continue
		}
		got := out
		if err != nil {
			got += err.Error()
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%v: want %q in\n%s", tc.args, tc.want, got)
		}
	}
	out, err := cli("activities", "list", "--year", "2025", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 5 || recs[0][1] != "Ngày" {
		t.Errorf("csv: %v %v", recs, err)
	}
}
