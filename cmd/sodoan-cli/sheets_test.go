package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/outfile"

	"sodoan/domain"

	"github.com/xuri/excelize/v2"

	"sodoan/store"
)

// newRegister makes a register with one branch, as `init` would.
func newRegister(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "ward.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveBranch(context.Background(), &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}); err != nil {
		t.Fatal(err)
	}
	return db
}

func people(t *testing.T, db string) int {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := st.CountMembers(context.Background(), store.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportMembersCLI(t *testing.T) {
	db := newRegister(t)
	dir := t.TempDir()
	sheet := filepath.Join(dir, "ds.csv")
	content := "Họ và tên,Giới tính,Ngày sinh,Ngày vào Đoàn,Số thẻ,Chi đoàn,CCCD\n" +
		"Nguyễn Văn An,Nam,01/02/2000,03/04/2016,C001,Khóm 1,087200001234\n" +
		"Trần Thị Bình,Nữ,5/6/2001,7/8/2017,C002,Khóm 5,\n" +
		"Lê Văn Cường,Nam,01/02/2000,03/04/2012,C003,Khóm 1,12345\n"
	if err := os.WriteFile(sheet, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	// Invalid rows: every problem on stderr with its row, exit 3, nothing written.
	_, stderr, err := cli(t, "--db", db, "import", "members", sheet)
	if err == nil || exitCode(err) != 3 {
		t.Fatalf("import with invalid rows: %v (exit %d)", err, exitCode(err))
	}
	for _, want := range []string{
		"Dòng 4, cột Ngày vào Đoàn: khi kết nạp mới 12 tuổi; phải từ đủ 15 tuổi",
		`Dòng 4, cột CCCD: "12345" phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số)`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := people(t, db); n != 0 {
		t.Fatalf("%d people written by a refused import", n)
	}
	// An unknown branch needs --create-branches.
	_, _, err = cli(t, "--db", db, "import", "members", sheet, "--skip-invalid")
	if err == nil || !strings.Contains(err.Error(), "Khóm 5") || !strings.Contains(err.Error(), "--create-branches") {
		t.Fatalf("unknown branch: %v", err)
	}
	if n := people(t, db); n != 0 {
		t.Fatalf("%d people written by a refused import", n)
	}
	errs := filepath.Join(dir, "loi.xlsx")
	out, _, err := cli(t, "--db", db, "import", "members", sheet, "--skip-invalid", "--create-branches", "--errors", errs)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Đã nhập 2 người mới") || !strings.Contains(out, "Đã tạo chi đoàn: Khóm 5") {
		t.Errorf("stdout %q", out)
	}
	if n := people(t, db); n != 2 {
		t.Errorf("%d people, want 2", n)
	}
	x, err := excelize.OpenFile(errs)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows(x.GetSheetList()[0])
	x.Close()
	if len(rows) != 2 || rows[1][0] != "Lê Văn Cường" || !strings.Contains(rows[1][len(rows[1])-1], "12 tuổi") {
		t.Errorf("rejected rows %q", rows)
	}
	// Again: the two are already there, skipped, not doubled.
	out, _, err = cli(t, "--db", db, "import", "members", sheet, "--skip-invalid")
	if err != nil || !strings.Contains(out, "bỏ qua 2 người đã có") || people(t, db) != 2 {
		t.Errorf("second import: %v %q, %d people", err, out, people(t, db))
	}
	// An Excel 97–2003 file is read too.
	out, _, err = cli(t, "--db", db, "import", "members", "../../sheet/testdata/libreoffice.xls", "--create-branches")
	if err != nil || !strings.Contains(out, "Đã nhập 3 người mới") || people(t, db) != 5 {
		t.Errorf(".xls: %v %q", err, out)
	}
}

func TestExportMembersCLI(t *testing.T) {
	db := newRegister(t)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	// The register refuses such names now; a branch can still start with
	// a sign a spreadsheet would read as a formula.
	b := &domain.Branch{Name: "-1+2 Khóm", Kind: domain.BranchHamlet, Active: true}
	if err := st.SaveBranch(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	p := &domain.Person{FamilyName: "Lê", GivenName: "An", BranchID: b.ID, Gender: domain.Male, BirthDate: domain.MustDate(2000, 1, 2),
		UnionMember: true, AdmissionDate: domain.MustDate(2016, 1, 2), CitizenID: "087200001234", Phone: "0912345678"}
	if err := st.SavePerson(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	st.Close()
	dir := t.TempDir()
	plain, personal := filepath.Join(dir, "ds.csv"), filepath.Join(dir, "ds-day-du.xlsx")
	if _, _, err := cli(t, "--db", db, "export", "members", "--out", plain); err != nil {
		t.Fatal(err)
	}
	if _, _, err := cli(t, "--db", db, "export", "members", "--out", personal, "--personal"); err != nil {
		t.Fatal(err)
	}
	// Never over a file without --force, never onto the register.
	if _, _, err := cli(t, "--db", db, "export", "members", "--out", plain); !errors.Is(err, outfile.ErrOutputExists) {
		t.Errorf("export over an existing file: %v", err)
	}
	if _, _, err := cli(t, "--db", db, "export", "members", "--out", plain, "--force"); err != nil {
		t.Errorf("export --force: %v", err)
	}
	for _, args := range [][]string{{"export", "members", "--out", db}, {"export", "clubs", "--out", db}, {"import", "members", plain, "--errors", db}} {
		if _, _, err := cli(t, append([]string{"--db", db}, args...)...); !errors.Is(err, outfile.ErrOutputIsRegister) {
			t.Errorf("%v: %v", args, err)
		}
	}
	if people(t, db) != 1 {
		t.Fatal("the register was damaged")
	}
	data, _ := os.ReadFile(plain)
	if strings.Contains(string(data), "087200001234") || strings.Contains(string(data), "0912345678") || !strings.Contains(string(data), "'-1+2 Khóm") {
		t.Errorf("CSV without --personal:\n%s", data)
	}
	if fi, _ := os.Stat(personal); fi.Mode().Perm() != 0o600 {
		t.Errorf("personal export mode %v", fi.Mode().Perm())
	}
	// members list --format csv escapes formulas too.
	out, _, err := cli(t, "--db", db, "members", "list", "--format", "csv")
	if err != nil || !strings.Contains(out, "'-1+2 Khóm") {
		t.Errorf("members list csv: %v %q", err, out)
	}
	if _, _, err := cli(t, "--db", db, "export", "members"); err == nil || !strings.Contains(err.Error(), "--out") {
		t.Errorf("export without --out: %v", err)
	}
	if _, _, err := cli(t, "--db", db, "export", "members", "--out", filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("export to .pdf accepted")
	}
	out, _, err = cli(t, "--db", db, "export", "branches", "--out", filepath.Join(dir, "chi-doan.csv"))
	if err != nil || !strings.Contains(out, "Đã xuất 2 dòng") {
		t.Errorf("export branches: %v %q", err, out)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "chi-doan.csv")); !strings.Contains(string(b), "2,Chi đoàn Khóm 1,\"Khóm, ấp\",0,x,,") {
		t.Errorf("branches CSV:\n%s", b)
	}
}

// TestMembersListOut: `members list --format csv --out F` writes F (it used
// to print to the terminal and write nothing), refuses an extension that
// says another format, and --out with the table format.
func TestMembersListOut(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	if _, stderr, err := cli(t, "--db", db, "demo", "--members", "60"); err != nil {
		t.Fatalf("demo: %v %s", err, stderr)
	}
	out := filepath.Join(dir, "ds.csv")
	if _, stderr, err := cli(t, "--db", db, "members", "list", "--format", "csv", "--out", out); err != nil {
		t.Fatalf("members list --out: %v %s", err, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "Họ,Tên đệm,Tên") {
		t.Fatalf("csv file: %v %.80q", err, data)
	}
	for _, args := range [][]string{
		{"--format", "csv", "--out", filepath.Join(dir, "ds.xlsx")},
		{"--format", "table", "--out", filepath.Join(dir, "ds.txt")},
		{"--format", "csv", "--out", out}, // exists, no --force
	} {
		if _, _, err := cli(t, append([]string{"--db", db, "members", "list"}, args...)...); err == nil {
			t.Errorf("members list %v succeeded", args)
		}
	}
	for _, name := range []string{"ds.xlsx", "ds.txt"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s written by a refused command", name)
		}
	}
}
