package sheet

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"sodoan/domain"
)

// A list saved by Excel for Mac counts its dates from 01/01/1904: every
// date read as if from 1900 came out 4 years and 1 day early (issue 18,
// finding 6). The serials below are computed by hand: 15/03/2002 is day
// 37330 from 30/12/1899 (01/01/2002 is 37257, +31 +28 +14), so day
// 37330 − 1462 = 35868 from 01/01/1904; 26/03/2018 is 43185 (01/01/2018
// is 43101, +31 +28 +25), so 41723 in 1904.
func TestDate1904Workbook(t *testing.T) {
	for _, tc := range []struct {
		name            string
		date1904        bool
		birth, admitted int
		wantBirth       domain.Date
		wantAdmitted    domain.Date
	}{
		{"1904", true, 35868, 41723, domain.MustDate(2002, 3, 15), domain.MustDate(2018, 3, 26)},
		{"1900", false, 37330, 43185, domain.MustDate(2002, 3, 15), domain.MustDate(2018, 3, 26)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := excelize.NewFile()
			defer x.Close()
			if tc.date1904 {
				on := true
				if err := x.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
					t.Fatal(err)
				}
			}
			set := cellSetter(t, x, "Sheet1")
			for c, v := range map[string]any{"A1": "STT", "B1": "Họ và tên", "C1": "Ngày sinh", "D1": "Giới tính", "E1": "Ngày vào Đoàn",
				"A2": 1, "B2": "Nguyễn Văn An", "C2": tc.birth, "D2": "Nam", "E2": tc.admitted,
				"A3": 2, "B3": "Trần Thị Bình", "C3": "05/11/2003", "D3": "Nữ", "E3": 1998} {
				set(c, v)
			}
			path := filepath.Join(t.TempDir(), "mac.xlsx")
			if err := x.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			pv, err := Read(context.Background(), wardRegister(t), path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(pv.Rows) != 2 {
				t.Fatalf("%d rows, want 2", len(pv.Rows))
			}
			p := pv.Rows[0].Person
			if p.BirthDate != tc.wantBirth || p.AdmissionDate != tc.wantAdmitted {
				t.Errorf("read %s and %s, want %s and %s", p.BirthDate, p.AdmissionDate, tc.wantBirth, tc.wantAdmitted)
			}
			// A text date is the date it says; a bare year is still refused.
			if got := pv.Rows[1].Person.BirthDate; got != domain.MustDate(2003, 11, 5) {
				t.Errorf("text date read as %s", got)
			}
			if len(pv.Rows[1].Problems) == 0 {
				t.Error("a bare year (1998) as a date was accepted")
			}
		})
	}
}
