package sheet

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/outfile"

	"sodoan/domain"

	"github.com/xuri/excelize/v2"

	"sodoan/store"
)

// openTemp opens a fresh register in a temporary folder.
func openTemp(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "so-doan.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// withBranch opens a fresh register holding one hamlet branch, and
// returns it with the branch's ID.
func withBranch(t *testing.T, name string) (*store.Store, int64) {
	t.Helper()
	s := openTemp(t)
	b := &domain.Branch{Name: name, Kind: domain.BranchHamlet, Active: true}
	if err := s.SaveBranch(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return s, b.ID
}

func member(family, middle, given string, birth domain.Date, card string) *domain.Person {
	return &domain.Person{FamilyName: family, MiddleName: middle, GivenName: given, Gender: domain.Male, BirthDate: birth,
		UnionMember: true, AdmissionDate: birth.AddYears(16), CardNumber: card, Ethnicity: "Kinh"}
}

// twoMembers is a small register: Đức of Chi đoàn Khóm 1 with his CCCD and
// phone, Ánh also a Federation member, and a name written to attack a
// spreadsheet.
func twoMembers(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, branch := withBranch(t, "Chi đoàn Khóm 1")
	a := member("Nguyễn", "Văn", "Đức", domain.MustDate(2001, 3, 9), "0870012345")
	a.BranchID, a.CitizenID, a.Phone, a.Schooling, a.Address = branch, "087201001234", "0912345678", 12, "12 Lê Lợi"
	f := member("Lê", "Thị", "Ánh", domain.MustDate(1999, 12, 31), "0870000001")
	f.Gender, f.FederationMember, f.FederationDate = domain.Female, true, domain.MustDate(2019, 5, 1)
	f.Note = "=HYPERLINK(\"http://x\",\"bấm\")"
	if err := s.AddPeople(ctx, []*domain.Person{a, f}); err != nil {
		t.Fatal(err)
	}
	return s
}

func exportTo(t *testing.T, s *store.Store, name string, o ExportOptions) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	n, err := ExportMembersFile(context.Background(), s, store.MemberFilter{Kind: store.KindUnion}, outfile.Output{Path: path}, o)
	if err != nil || n != 2 {
		t.Fatalf("ExportMembersFile = %d, %v", n, err)
	}
	return path
}

func TestExportMembersXLSX(t *testing.T) {
	s := twoMembers(t)
	path := exportTo(t, s, "danh-sach.xlsx", ExportOptions{Personal: true})
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("an export: mode %v (%v), want 0600 (readable by its owner alone)", fi.Mode().Perm(), err)
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
		{1, "STT", "1"},
		{1, "Tên", "Ánh"},
		{1, "Ngày sinh", "31/12/1999"},
		{1, "Giới tính", "Nữ"},
		{1, "Hội viên", "x"},
		{1, "Ngày vào Hội", "01/05/2019"},
		{1, "Ghi chú", "'=HYPERLINK(\"http://x\",\"bấm\")"},
		{2, "STT", "2"},
		{2, "Họ", "Nguyễn"},
		{2, "Tên", "Đức"},
		{2, "Ngày sinh", "09/03/2001"},
		{2, "Ngày vào Đoàn", "09/03/2017"},
		{2, "Số CCCD", "087201001234"},
		{2, "Điện thoại", "0912345678"},
		{2, "Địa chỉ", "12 Lê Lợi"},
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
	// Dates are real dates, not text: the raw cell holds a serial number;
	// the note is a string, not a formula.
	cell, _ := excelize.CoordinatesToCellName(col["Ngày sinh"]+1, 3)
	raw, err := x.GetCellValue("Danh sách", cell, excelize.Options{RawCellValue: true})
	if err != nil || raw != "36959" {
		t.Errorf("raw birth date %q %v, want the serial 36959", raw, err)
	}
	note, _ := excelize.CoordinatesToCellName(col["Ghi chú"]+1, 2)
	if f, _ := x.GetCellFormula("Danh sách", note); f != "" {
		t.Errorf("the note became the formula %q", f)
	}
	// The header is bold and frozen.
	style, _ := x.GetCellStyle("Danh sách", "A1")
	st, err := x.GetStyle(style)
	if err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header not bold: %+v %v", st, err)
	}
	panes, err := x.GetPanes("Danh sách")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header row not frozen: %+v %v", panes, err)
	}
	if w, _ := x.GetColWidth("Danh sách", "K"); w < 10 {
		t.Errorf("column K width %v", w)
	}
}

func TestExportLeavesPersonalDataOut(t *testing.T) {
	s := twoMembers(t)
	for _, name := range []string{"ds.xlsx", "ds.csv"} {
		path := exportTo(t, s, name, ExportOptions{})
		text := fileText(t, path)
		for _, secret := range []string{"087201001234", "0912345678", "12 Lê Lợi", "Kinh", "HYPERLINK", "Số CCCD", "Dân tộc", "Tôn giáo", "Địa chỉ", "Điện thoại", "Ghi chú"} {
			if strings.Contains(text, secret) {
				t.Errorf("%s holds %q without --personal", name, secret)
			}
		}
		if !strings.Contains(text, "Đức") || !strings.Contains(text, "0870012345") {
			t.Errorf("%s lacks the name or the card number", name)
		}
	}
}

// fileText is what a file says: the cells of an .xlsx, the text of a CSV.
func fileText(t *testing.T, path string) string {
	t.Helper()
	if strings.HasSuffix(path, ".csv") {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var b strings.Builder
	for _, sh := range x.GetSheetList() {
		rows, _ := x.GetRows(sh)
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return b.String()
}

func TestExportMembersCSV(t *testing.T) {
	s := twoMembers(t)
	path := exportTo(t, s, "ds.csv", ExportOptions{Personal: true})
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "\uFEFF") {
		t.Error("CSV without a byte-order mark: Excel would garble the accents")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("CSV: %d records, %v", len(recs), err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	if got := recs[1][col["Ghi chú"]]; got != "'=HYPERLINK(\"http://x\",\"bấm\")" {
		t.Errorf("note %q: a formula must be escaped", got)
	}
	if got := recs[2][col["Ngày sinh"]]; got != "09/03/2001" {
		t.Errorf("date %q", got)
	}
	if got := recs[2][col["STT"]]; got != "2" {
		t.Errorf("STT %q", got)
	}
}

func TestEscapeFormula(t *testing.T) {
	for in, want := range map[string]string{
		"=1+2": "'=1+2", "+84912": "'+84912", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"Nguyễn": "Nguyễn", "": "", "a=b": "a=b", "'=x": "'=x",
	} {
		if got := EscapeFormula(in); got != want {
			t.Errorf("EscapeFormula(%q) = %q, want %q", in, got, want)
		}
		if in != "'=x" && unescapeFormula(EscapeFormula(in)) != in {
			t.Errorf("unescape(escape(%q)) = %q", in, unescapeFormula(EscapeFormula(in)))
		}
	}
}
