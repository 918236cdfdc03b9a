package sheet

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sodoan/outfile"

	"sodoan/domain"

	"github.com/xuri/excelize/v2"

	"sodoan/store"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// wardSheet writes a member list shaped as wards keep them: title rows, a
// two-level header with Ngày sinh over Nam and Nữ and Trình độ over three
// columns, merged cells, a row of column numbers, dates as date cells and
// as text, numbers typed into number cells, and a signature block.
func wardSheet(t *testing.T) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	const sh = "Sheet1"
	set := cellSetter(t, x, sh)
	merge := func(a, b string) {
		t.Helper()
		if err := x.MergeCell(sh, a, b); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "ĐOÀN TNCS HỒ CHÍ MINH")
	merge("A1", "E1")
	set("J1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	set("A2", "BCH ĐOÀN PHƯỜNG 1")
	set("A3", "DANH SÁCH ĐOÀN VIÊN NĂM 2025")
	merge("A3", "Q3")
	head := map[string]string{"A5": "STT", "B5": "HỌ VÀ\nTÊN", "C5": "Ngày sinh", "E5": "Dân tộc", "F5": "Tôn giáo",
		"G5": "Trình độ", "J5": "Ngày kết nạp", "K5": "Số thẻ", "L5": "Chi đoàn", "M5": "CCCD", "N5": "SĐT",
		"O5": "Quê quán", "P5": "Ghi chú", "Q5": "Chức vụ", "C6": "Nam", "D6": "Nữ", "G6": "Học vấn", "H6": "Chuyên môn", "I6": "LLCT"}
	for c, v := range head {
		set(c, v)
	}
	merge("C5", "D5")
	merge("G5", "I5")
	for _, c := range []string{"A", "B", "E", "F", "J", "K", "L", "M", "N", "O", "P", "Q"} {
		merge(c+"5", c+"6")
	}
	for i := 1; i <= 17; i++ {
		cell, _ := excelize.CoordinatesToCellName(i, 7)
		set(cell, i)
	}
	rows := [][]any{
		// A     B                     C (Nam)          D (Nữ)        E       F        G        H            I         J                  K             L                                 M               N              O         P         Q
		{1, "Nguyễn Văn An", day(2001, 3, 1), nil, "Kinh", "Không", "12/12", "Đại học", "Sơ cấp", "15/6/2017", "0870012345", "Khóm 1", 87201001234, 912345678, "Sa Đéc", "'=1+2", "Bí thư chi đoàn"},
		{2, "Trần Thị Bích Ngọc", nil, "05/11/2003", "Kinh", "", "9", "Trung cấp", "", day(2019, 3, 26), "0870012346", "Chi đoàn Trường THPT Sa Đéc", "087303001234", "0987 654 321"},
		{3, "Lê Hoàng Phúc", day(2000, 1, 1), day(2000, 1, 1), "Kinh", "", "", "", "", "01/01/2016"},
		{4, "Phạm Minh Tú", "31/02/2002", nil, "Kinh", "", "", "", "", "01/01/2020"},
		{5, "Võ Thanh Tâm", nil, nil, "Kinh", "", "", "", "", "01/01/2020"},
		{6, "Huỳnh Văn Bé", day(2002, 2, 2), nil, "Kinh", "", "", "", "", "02/02/2018", "0870012345"},
		{7, "Đặng Thị Mai", nil, day(2001, 1, 1), "Kinh", "", "", "", "", "01/01/2017", "", "", "12345"},
		{8, "Ngô Văn Tèo", day(2005, 1, 1), nil, "Kinh", "", "", "", "", "01/05/2018"},
		{9, "Bùi Thị Lan", nil, day(1998, 4, 4), "Kinh", "", "", "", "", "04/04/2014", "0870050001"},
		{10, "Trương Văn Hải", day(1999, 9, 9), nil, "Kinh", "", "", "", "", "09/09/2015", "", "", "087099001111"},
		{11, "Phan Văn Khoa", day(2000, 10, 10), nil, "Kinh", "", "", "", "", "10/10/2016", "0870099999"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 8+i)
		if err := x.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	set("L20", "Phường 1, ngày 10 tháng 3 năm 2025")
	set("B21", "NGƯỜI LẬP BIỂU")
	set("L21", "BÍ THƯ")
	set("B23", "Nguyễn Thị Hồng")
	set("L23", "Lê Văn Tám")
	path := filepath.Join(t.TempDir(), "danh sách đoàn viên 2025.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// cellSetter sets cells of a workbook's sheet, failing the test on error.
func cellSetter(t *testing.T, x *excelize.File, sheet string) func(cell string, v any) {
	return func(cell string, v any) {
		t.Helper()
		if err := x.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
}

// wardRegister holds a branch and the three people the sheet meets again.
func wardRegister(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, _ := withBranch(t, "Chi đoàn Khóm 1")
	lan := member("Bùi", "Thị", "Lan", domain.MustDate(1998, 4, 4), "0870050001")
	lan.Gender = domain.Female
	hai := member("Trương", "", "Hải", domain.MustDate(1999, 9, 9), "0870050002")
	hai.CitizenID, hai.Phone, hai.Address = "087099001111", "0900000001", "5 Hùng Vương"
	luc := member("Cao", "Văn", "Lực", domain.MustDate(1997, 1, 1), "0870099999")
	if err := s.AddPeople(ctx, []*domain.Person{lan, hai, luc}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadWardSheet(t *testing.T) {
	ctx := context.Background()
	s := wardRegister(t)
	path := wardSheet(t)
	pv, err := Read(ctx, s, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if pv.HeaderRow != 5 || pv.Below != 3 || len(pv.Rows) != 11 {
		t.Fatalf("header row %d, %d rows, %d below; want 5, 11, 3", pv.HeaderRow, len(pv.Rows), pv.Below)
	}
	if got := strings.Join(pv.Unrecognised(), ","); got != "O (Quê quán)" {
		t.Errorf("unrecognised columns %q", got)
	}
	if got := strings.Join(pv.UnknownBranches, ","); got != "Chi đoàn Trường THPT Sa Đéc" {
		t.Errorf("unknown branches %q", got)
	}
	// Issue 17: the Chức vụ column is read (it was recognised and
	// dropped); the office it names is recorded by the import.
	for _, c := range pv.Columns {
		if c.Title == "Chức vụ" && (c.Field != "Chức vụ" || !c.Read) {
			t.Errorf("Chức vụ: %+v, want recognised and read", c)
		}
	}
	if n, people := pv.OfficeCount(); n != 1 || people != 1 {
		t.Errorf("%d offices of %d people to record, want An's Bí thư chi đoàn", n, people)
	}
	want := []Problem{
		{Row: 10, Column: "Ngày sinh", Reason: "ngày sinh ghi ở cả cột Nam và cột Nữ: chỉ ghi ở một cột"},
		{Row: 11, Column: "Ngày sinh", Reason: "ngày 31/02/2002 không có thật"},
		{Row: 12, Column: "Ngày sinh", Reason: "không được để trống"},
		{Row: 13, Column: "Số thẻ", Reason: "0870012345 trùng với dòng 8"},
		{Row: 14, Column: "CCCD", Reason: `"12345" phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số)`},
		{Row: 15, Column: "Ngày kết nạp", Reason: "khi kết nạp mới 13 tuổi; phải từ đủ 15 tuổi"},
		{Row: 18, Column: "Số thẻ", Reason: "0870099999 đã cấp cho Cao Văn Lực"},
	}
	got := pv.Problems()
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d:\n%v", len(got), len(want), got)
	}
	for i := range min(len(got), len(want)) {
		if g := got[i]; g.Row != want[i].Row || g.Column != want[i].Column || g.Reason != want[i].Reason {
			t.Errorf("problem %d = %q, want %q", i, got[i], want[i])
		}
	}
	if valid, invalid, existing := pv.Counts(); valid != 4 || invalid != 7 || existing != 2 {
		t.Errorf("valid %d, invalid %d, existing %d; want 4, 7, 2", valid, invalid, existing)
	}
	if r := pv.Rows[8]; r.SheetRow != 16 || r.ExistingName != "Bùi Thị Lan" {
		t.Errorf("row 16 is Bùi Thị Lan of the register: %+v", r)
	}
	if r := pv.Rows[9]; r.SheetRow != 17 || r.ExistingName != "Trương Hải" {
		t.Errorf("row 17 has Trương Hải's CCCD: %+v", r)
	}

	// Nothing is written while a row is invalid, nor before the user
	// agrees to the new branch.
	if _, err := pv.Import(ctx, s, ImportOptions{CreateBranches: true}); !errors.As(err, new(*ProblemsError)) {
		t.Fatalf("import with invalid rows: %v", err)
	}
	if _, err := pv.Import(ctx, s, ImportOptions{SkipInvalid: true}); !errors.Is(err, ErrUnknownBranches) || !strings.Contains(err.Error(), "Chi đoàn Trường THPT Sa Đéc") {
		t.Fatalf("import with an unknown branch: %v", err)
	}
	if n := count(t, s); n != 3 {
		t.Fatalf("a refused import wrote: %d people", n)
	}

	res, err := pv.Import(ctx, s, ImportOptions{SkipInvalid: true, CreateBranches: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Skipped != 2 || res.Updated != 0 || len(res.Branches) != 1 {
		t.Fatalf("result %+v", res)
	}
	if _, err := os.Stat(res.Backup); err != nil {
		t.Errorf("no backup before the import: %v", err)
	}
	an := find(t, s, "Nguyễn Văn An")
	checkPerson(t, an, domain.Person{FamilyName: "Nguyễn", MiddleName: "Văn", GivenName: "An", Gender: domain.Male,
		BirthDate: domain.MustDate(2001, 3, 1), Ethnicity: "Kinh", Schooling: 12, Qualification: "university", TheoryLevel: "elementary",
		UnionMember: true, AdmissionDate: domain.MustDate(2017, 6, 15), CardNumber: "0870012345", BranchName: "Chi đoàn Khóm 1",
		CitizenID: "087201001234", Phone: "0912345678", Note: "=1+2", Status: domain.StatusActive})
	ngoc := find(t, s, "Trần Thị Bích Ngọc")
	checkPerson(t, ngoc, domain.Person{FamilyName: "Trần", MiddleName: "Thị Bích", GivenName: "Ngọc", Gender: domain.Female,
		BirthDate: domain.MustDate(2003, 11, 5), Ethnicity: "Kinh", Schooling: 9, Qualification: "vocational",
		UnionMember: true, AdmissionDate: domain.MustDate(2019, 3, 26), CardNumber: "0870012346", BranchName: "Chi đoàn Trường THPT Sa Đéc",
		CitizenID: "087303001234", Phone: "0987654321", Status: domain.StatusActive})
	// History records the import as single saves would: the person, the
	// admission and the office of the Chức vụ column, with what the sheet
	// gave.
	hist, err := s.History(ctx, store.HistoryFilter{PersonID: an.ID})
	if err != nil || len(hist) != 3 {
		t.Fatalf("history of an imported person: %d lines (%v), want the person, the admission and the office", len(hist), err)
	}
	seen := map[string]bool{}
	for _, h := range hist {
		seen[h.Action+" "+h.Table] = true
		for _, c := range h.Changes {
			seen[c.Field+"="+c.After] = true
		}
	}
	if !seen["insert people"] || !seen["insert membership_events"] || !seen["insert positions"] || !seen["citizen_id=087201001234"] {
		t.Errorf("history %+v", hist)
	}
	b, err := s.BranchByName(ctx, "Chi đoàn Trường THPT Sa Đéc")
	if err != nil || b.Kind != domain.BranchSchool {
		t.Errorf("new branch %+v %v, want a school's", b, err)
	}
	if n := count(t, s); n != 5 {
		t.Errorf("%d people after the import, want 5", n)
	}

	// The rejected rows, with their reasons, to fix and import again.
	rejected := filepath.Join(t.TempDir(), "loi.xlsx")
	n, err := pv.WriteRejected(outfile.Output{Path: rejected, Register: s.Path()})
	if err != nil || n != 7 {
		t.Fatalf("WriteRejected = %d, %v", n, err)
	}
	if fi, _ := os.Stat(rejected); fi.Mode().Perm() != 0o600 {
		t.Errorf("rejected rows file mode %v, want 0600", fi.Mode().Perm())
	}
	text := fileText(t, rejected)
	for _, w := range []string{"Lý do chưa nhập", "Phạm Minh Tú", "31/02/2002", "Ngày sinh: ngày 31/02/2002 không có thật", "Số thẻ: 0870099999 đã cấp cho Cao Văn Lực", "01/01/2000"} {
		if !strings.Contains(text, w) {
			t.Errorf("rejected file lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "Nguyễn Văn An") {
		t.Error("a valid row is in the rejected file")
	}
	again, err := Read(ctx, s, rejected, nil)
	if err != nil {
		t.Fatalf("the rejected file does not read back: %v", err)
	}
	if v, inv, _ := again.Counts(); v != 0 || inv != 7 {
		t.Errorf("rejected file read back: %d valid, %d invalid", v, inv)
	}

	// Importing the sheet again updates instead of doubling.
	pv, err = Read(ctx, s, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err = pv.Import(ctx, s, ImportOptions{SkipInvalid: true, Update: true})
	if err != nil || res.Added != 0 || res.Updated != 4 {
		t.Fatalf("second import %+v %v, want 4 updated", res, err)
	}
	if n := count(t, s); n != 5 {
		t.Errorf("%d people after importing twice, want 5", n)
	}
	// The update takes the sheet's filled cells and keeps the rest: the
	// row's empty card and phone cells, and the sheet's lack of an address
	// column, erase nothing.
	hai := find(t, s, "Trương Văn Hải")
	if hai.CardNumber != "0870050002" || hai.Phone != "0900000001" || hai.Address != "5 Hùng Vương" || hai.AdmissionDate != domain.MustDate(2015, 9, 9) {
		t.Errorf("updated from the sheet: %+v", hai)
	}
	if len(Fields) > 64 {
		t.Fatalf("%d fields: Row.filled holds 64", len(Fields))
	}
}

func count(t *testing.T, s *store.Store) int {
	t.Helper()
	n, err := s.CountMembers(context.Background(), store.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func find(t *testing.T, s *store.Store, name string) domain.Person {
	t.Helper()
	var found []domain.Person
	err := s.EachMember(context.Background(), store.MemberFilter{}, func(p *domain.Person) error {
		if p.FullName() == name {
			found = append(found, *p)
		}
		return nil
	})
	if err != nil || len(found) != 1 {
		t.Fatalf("%s: %d found (%v)", name, len(found), err)
	}
	return found[0]
}

// checkPerson compares every field a sheet can set.
func checkPerson(t *testing.T, got, want domain.Person) {
	t.Helper()
	got.ID, got.BranchID, got.Position = 0, 0, ""
	if got != want {
		t.Errorf("imported\n%+v\nwant\n%+v", got, want)
	}
}

// TestReadMergedDataCells: a Chi đoàn written once in a cell merged over
// the rows of its members is every one's branch.
func TestReadMergedDataCells(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	const sh = "Sheet1"
	rows := [][]any{
		{"STT", "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đoàn", "Chi đoàn"},
		{1, "Nguyễn Văn Một", "Nam", "01/01/2000", "01/01/2016", "Khóm 3"},
		{2, "Nguyễn Văn Hai", "Nam", "02/01/2000", "02/01/2016"},
		{3, "Nguyễn Thị Ba", "Nữ", "03/01/2000", "03/01/2016"},
		{4, "Nguyễn Văn Bốn", "Nam", "04/01/2000", "04/01/2016", "Khóm 1"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.MergeCell(sh, "F2", "F4"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "gop-o.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	pv, err := Read(context.Background(), khom3Register(t), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range pv.Rows {
		got = append(got, fmt.Sprint(r.Person.BranchName, "#", r.Person.BranchID != 0))
	}
	if strings.Join(got, ",") != "Khóm 3#true,Khóm 3#true,Khóm 3#true,Khóm 1#false" {
		t.Errorf("branches %q", got)
	}
	if len(pv.UnknownBranches) != 1 || pv.UnknownBranches[0] != "Khóm 1" {
		t.Errorf("unknown branches %q", pv.UnknownBranches)
	}
}
