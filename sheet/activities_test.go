package sheet

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sodoan/domain"
	"sodoan/store"
)

// activitiesWard opens a register (clock 10/12/2026) with two branches.
func activitiesWard(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.OpenWith(filepath.Join(t.TempDir(), "so.db"), store.OpenOptions{Create: true,
		Now: func() time.Time { return time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, n := range []string{"Chi đoàn Khóm 1", "Chi đoàn Khóm 2"} {
		if err := st.SaveBranch(context.Background(), &domain.Branch{Name: n, Kind: domain.BranchHamlet, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// activitiesSheet writes rows under two title rows and a header on row 4.
func activitiesSheet(t *testing.T, rows [][]any) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	set := cellSetter(t, x, "Sheet1")
	set("A1", "BCH ĐOÀN PHƯỜNG 1")
	set("A2", "TỔNG HỢP HOẠT ĐỘNG NĂM 2026")
	for i, h := range []string{"STT", "Ngày tổ chức", "Đến ngày", "Loại hoạt động", "Tên hoạt động", "Đơn vị tổ chức",
		"Số đoàn viên", "Số hội viên", "Khác", "Số tình nguyện viên", "Số ngày tình nguyện", "Số đơn vị máu", "Ghi chú"} {
		c, _ := excelize.CoordinatesToCellName(i+1, 4)
		set(c, h)
	}
	for r, row := range rows {
		for i, v := range row {
			if v == nil {
				continue
			}
			c, _ := excelize.CoordinatesToCellName(i+1, r+5)
			set(c, v)
		}
	}
	path := filepath.Join(t.TempDir(), "hoat-dong.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportActivities(t *testing.T) {
	ctx := context.Background()
	st := activitiesWard(t)
	path := activitiesSheet(t, [][]any{
		{1, "20/03/2026", nil, "Tình nguyện", "Ngày Chủ nhật xanh", "Phường", 25, 3, 2, 30, 1, nil, "Dọn kênh"},
		{2, day(2026, 4, 1), nil, "hiến máu tình nguyện", "Hiến máu đợt 1", "Khóm 1; Chi đoàn Khóm 2", 12, nil, nil, nil, nil, 14, nil},
		{"", "", "", "", "", "", "", "", "", "", "", "", ""},
		{nil, nil, nil, nil, nil, "Người lập biểu"},
	})
	imp, err := ReadActivities(ctx, st, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Problems) != 0 || len(imp.Activities) != 2 || imp.HeaderRow != 4 {
		t.Fatalf("problems %v, %d activities, header %d", imp.Problems, len(imp.Activities), imp.HeaderRow)
	}
	if err := st.SaveActivities(ctx, imp.Activities); err != nil {
		t.Fatal(err)
	}
	tot, err := st.ActivityTotals(ctx, domain.MustDate(2026, 1, 1), domain.MustDate(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range tot {
		switch k.Kind {
		case "volunteer": // 25 + 3 + 2 = 30 people, 30 volunteers, 1 day
			if k.Count != 1 || k.Participants.Total() != 30 || k.Measure("volunteers") != 30 || k.Measure("days") != 1 {
				t.Errorf("volunteer %+v", k)
			}
		case "blood": // 12 people, 14 units, organised by both branches
			if k.Count != 1 || k.Participants.Total() != 12 || k.Measure("units") != 14 {
				t.Errorf("blood %+v", k)
			}
		}
	}
	if imp.Activities[1].Ward || len(imp.Activities[1].Branches) != 2 {
		t.Errorf("organisers of row 6: %+v", imp.Activities[1])
	}
}

// TestImportActivitiesRefused: every bad row is named with its sheet row,
// column and reason, and nothing is written.
func TestImportActivitiesRefused(t *testing.T) {
	ctx := context.Background()
	st := activitiesWard(t)
	path := activitiesSheet(t, [][]any{
		{1, "20/03/2026", nil, "Tình nguyện", "Ngày Chủ nhật xanh", "Phường", 25, nil, nil, 30, 1, nil, nil},
		{2, "31/02/2026", nil, "Tình nguyện", "Ngày sai", "Phường", 5, nil, nil, nil, nil, nil, nil},
		{3, "01/04/2026", nil, "Múa lân", "Loại lạ", "Phường", 5, nil, nil, nil, nil, nil, nil},
		{4, "01/04/2026", nil, "Tình nguyện", "Chi đoàn lạ", "Khóm 9", "năm", nil, nil, nil, nil, nil, nil},
		{5, "01/04/2026", nil, "Tình nguyện", "", "Phường", 5, nil, nil, nil, nil, 3, nil},
	})
	imp, err := ReadActivities(ctx, st, path)
	if err != nil {
		t.Fatal(err)
	}
	// Row 6: 31/02 is no date. Row 7: no such kind. Row 8: no such branch,
	// "năm" is not a number. Row 9: units of blood on a volunteering, and
	// no title.
	want := map[int][]string{6: {"Date"}, 7: {"Kind"}, 8: {"Branches", "Union"}, 9: {"Measures", "Title"}}
	got := map[int][]string{}
	for _, p := range imp.Problems {
		got[p.Row] = append(got[p.Row], p.Field)
		if p.Msg == "" || p.Label == "" {
			t.Errorf("row %d: a problem without label or reason: %+v", p.Row, p)
		}
	}
	for row, fields := range want {
		if strings.Join(got[row], ",") != strings.Join(fields, ",") {
			t.Errorf("row %d: problems %v, want %v", row, got[row], fields)
		}
	}
	if len(got) != len(want) {
		t.Errorf("problems on rows %v", got)
	}
	if !strings.Contains(imp.Problems[0].Label, "cột B") {
		t.Errorf("the date's column is not named: %q", imp.Problems[0].Label)
	}
	as, err := st.Activities(ctx, store.ActivityFilter{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 0 {
		t.Errorf("%d activities written", len(as))
	}
}
