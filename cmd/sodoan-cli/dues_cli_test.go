package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sodoan/domain"
	"sodoan/store"
)

// duesCLIWard is a register with one branch of three members: Lê Thị An
// (a student, 2.000 đ a month), Trần Văn Bình (a worker, 5.000 đ) and
// Võ Minh Dũng (a worker, exempt January–February 2026 by 02/QĐ-ĐTN).
func duesCLIWard(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "ward.db")
	st, err := store.OpenWith(db, store.OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	if err := st.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	var ps []*domain.Person
	for _, n := range []struct {
		fam, mid, giv string
		occ           domain.Occupation
	}{{"Lê", "Thị", "An", "student"}, {"Trần", "Văn", "Bình", "worker"}, {"Võ", "Minh", "Dũng", "worker"}} {
		ps = append(ps, &domain.Person{FamilyName: n.fam, MiddleName: n.mid, GivenName: n.giv, Gender: domain.Male, BirthDate: domain.MustDate(2000, 1, 2),
			Occupation: n.occ, UnionMember: true, AdmissionDate: domain.MustDate(2016, 3, 26), BranchID: b.ID})
	}
	if err := st.AddPeople(ctx, ps); err != nil {
		t.Fatal(err)
	}
	if err := st.ExemptDues(ctx, &domain.DuesExemption{PersonID: ps[2].ID, From: domain.Month{Year: 2026, Month: 1}, Months: 2,
		DecisionNumber: "02/QĐ-ĐTN", DecisionDate: domain.MustDate(2026, 1, 5)}); err != nil {
		t.Fatal(err)
	}
	return db
}

func duesSheet(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "doan-phi.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDuesImportCLI: a sheet with bad rows names each (row, column,
// reason) and writes nothing; the corrected sheet is imported and the
// grid shows it, each member's months one payment.
func TestDuesImportCLI(t *testing.T) {
	db := duesCLIWard(t)
	head := []any{"STT", "Họ và tên", "Ngày đóng", "T1", "T2", "T3"}
	bad := duesSheet(t, [][]any{
		{"BẢNG THU ĐOÀN PHÍ NĂM 2026"},
		head,
		{1, "Lê Thị An", "10/01/2026", "2.000", "2.000", "2.000"},
		{2, "Trần Văn Bình", "15/03/2026", "5.000", "năm nghìn", ""},
		{3, "Võ Minh Dũng", "", "M", "5000", ""},
		{4, "Nguyễn Văn Lạ", "", "2000", "", ""},
	})
	_, stderr, err := cli(t, "--db", db, "dues", "import", bad, "--branch", "Chi đoàn Khóm 1", "--year", "2026", "--date", "31/03/2026")
	if err == nil || !strings.Contains(err.Error(), "không ghi gì") {
		t.Fatalf("a bad sheet: %v", err)
	}
	for _, want := range []string{
		"Dòng 4, cột T2: số tiền \"năm nghìn\" không phải là một số đồng",
		"Dòng 5, cột T2: Võ Minh Dũng được miễn đoàn phí tháng 02/2026, không thu",
		"Dòng 6, cột Họ và tên: Nguyễn Văn Lạ không phải đoàn viên của chi đoàn này",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("problems lack %q:\n%s", want, stderr)
		}
	}
	out, _, err := cli(t, "--db", db, "dues", "grid", "--branch", "Chi đoàn Khóm 1", "--year", "2026", "--quarter", "1", "--date", "31/03/2026", "--format", "csv")
	if err != nil || strings.Contains(out, "2.000") {
		t.Fatalf("the refused sheet wrote: %v\n%s", err, out)
	}

	good := duesSheet(t, [][]any{
		head,
		{1, "Lê Thị An", "10/01/2026", "2.000", "2.000", "2.000"},
		{2, "trần văn bình", "15/03/2026", "5.000", "5.000", ""},
		{3, "Võ Minh Dũng", "", "M", "M", "5000"},
	})
	out, _, err = cli(t, "--db", db, "dues", "import", good, "--branch", "Chi đoàn Khóm 1", "--year", "2026", "--date", "31/03/2026")
	// An 3 × 2.000 + Bình 2 × 5.000 + Dũng 5.000 = 21.000 đ, six months.
	if err != nil || !strings.Contains(out, "Đã nhập 3 đoàn viên, 6 tháng, 21.000 đồng.") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	out, _, err = cli(t, "--db", db, "dues", "grid", "--branch", "Chi đoàn Khóm 1", "--year", "2026", "--quarter", "1", "--date", "31/03/2026", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Lê Thị An,Không hưởng lương,2.000,2.000,2.000,6.000", "Trần Văn Bình,Hưởng lương,5.000,5.000,,10.000",
		"Võ Minh Dũng,Hưởng lương,M,M,5.000,5.000", "Cộng,,7.000,7.000,7.000,21.000"} {
		if !strings.Contains(out, want) {
			t.Errorf("grid lacks %q:\n%s", want, out)
		}
	}
	// Branch remittance of January: 7.000 collected by 31/01? An paid on
	// 10/01 (6.000 đ for three months): 6.000 → 2.000 up, 4.000 kept.
	out, _, err = cli(t, "--db", db, "dues", "remit", "--level", "branch", "--branch", "Chi đoàn Khóm 1", "--year", "2026", "--month", "1",
		"--date", "31/01/2026", "--paid-by", "Lê Thị An", "--received-by", "Nguyễn Văn Thu")
	if err != nil || !strings.Contains(out, "thu 6.000 đồng, nộp lên 2.000 đồng, giữ lại 4.000 đồng") {
		t.Errorf("remit: %v\n%s", err, out)
	}
	out, _, err = cli(t, "--db", db, "dues", "cash", "--branch", "Chi đoàn Khóm 1", "--year", "2026")
	if err != nil || !strings.Contains(out, "Đoàn phí giữ lại 2/3 tháng 01/2026") || !strings.Contains(out, "4.000") {
		t.Errorf("cash book: %v\n%s", err, out)
	}
	// An exemption of seven months is refused in Vietnamese.
	_, _, err = cli(t, "--db", db, "dues", "exempt", "--person", "2", "--from", "04/2026", "--months", "7", "--decision", "9/QĐ-ĐTN", "--decision-date", "01/04/2026")
	if err == nil || !strings.Contains(err.Error(), "tối đa 6 tháng") {
		t.Errorf("seven months: %v", err)
	}
}
