package sheet

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"sodoan/domain"

	"github.com/xuri/excelize/v2"

	"sodoan/store"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestHistoryStaysOutOfExports: the Excel list shows the register as it
// is: no earlier value, no deleted person, no line of history.
func TestHistoryStaysOutOfExports(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 2), "A1")
	a.Phone, a.Address = "0901234567", "12 Nguyễn Huệ"
	must(t, s.SavePerson(ctx, a))
	a.Phone, a.Address, a.CardNumber = "0912345678", "34 Hùng Vương", "A2"
	must(t, s.SavePerson(ctx, a))
	b := member("Trần", "Văn", "Bình", domain.MustDate(2000, 1, 2), "B1")
	must(t, s.SavePerson(ctx, b))
	must(t, s.DeletePerson(ctx, b.ID))
	var buf bytes.Buffer
	n, err := ExportMembers(ctx, s, store.MemberFilter{}, &buf, XLSX, ExportOptions{Personal: true})
	must(t, err)
	if n != 1 {
		t.Fatalf("exported %d people, want 1", n)
	}
	x, err := excelize.OpenReader(&buf)
	must(t, err)
	defer x.Close()
	var cells []string
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		must(t, err)
		for _, r := range rows {
			cells = append(cells, r...)
		}
	}
	all := strings.Join(cells, "\n")
	if !strings.Contains(all, "Nguyễn") || !strings.Contains(all, "A2") {
		t.Fatalf("export lacks the current data:\n%s", all)
	}
	for _, old := range []string{"0901234567", "12 Nguyễn Huệ", "A1", "Bình", "Thêm", "Sửa", "»", "thùng rác"} {
		if strings.Contains(all, old) {
			t.Errorf("export holds %q", old)
		}
	}
	if len(x.GetSheetList()) != 1 {
		t.Errorf("export has sheets %v", x.GetSheetList())
	}
}
