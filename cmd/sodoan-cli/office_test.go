package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
	"sodoan/internal/testtool"
	"sodoan/store"
)

// TestMemberOfficeCommands records the ward's Bí thư and a branch's
// offices from the command line, as the member page does, and checks
// who signs on which day (issue 21, finding 6: a register made by init
// and import could not sign without the window).
func TestMemberOfficeCommands(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "ward.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	d := domain.MustDate
	branch := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: "hamlet", Active: true}
	if err := st.SaveBranch(ctx, branch); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, given := range []string{"An", "Bình"} {
		p := &domain.Person{FamilyName: "Lê", MiddleName: "Thị", GivenName: given, Gender: domain.Female, BirthDate: d(1998, 1, 1),
			UnionMember: true, AdmissionDate: d(2014, 3, 26), Ethnicity: "Kinh", BranchID: branch.ID}
		if err := st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, strconv.FormatInt(p.ID, 10))
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	an, binh := ids[0], ids[1]
	signer := func(day domain.Date) string {
		t.Helper()
		st, err := store.OpenWith(db, store.OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		s, err := st.SignerOn(ctx, day, false)
		if err != nil {
			return "lỗi: " + err.Error()
		}
		return s.Name
	}
	steps := []struct {
		args []string
		exit int    // the exit code
		want string // in the output, or in the error
	}{
		{[]string{"--member", an, "--kind", "Trưởng ban", "--from", "01/01/2025"}, exitFailed, "Trưởng ban"},
		{[]string{"--member", an, "--kind", "secretary", "--from", "01/01/2025"}, 0, "Bí thư từ 01/01/2025"},
		// A second holder of the same office is refused with the holder named.
		{[]string{"--member", binh, "--kind", "Bí thư", "--from", "01/03/2026"}, exitRefused, "Lê Thị An đang giữ chức Bí thư"},
		{[]string{"--member", binh, "--kind", "PBT chi đoàn", "--from", "01/03/2026", "--branch", "Khóm 9"}, exitFailed, "Khóm 9"},
		{[]string{"--member", binh, "--kind", "secretary", "--from", "01/03/2026", "--branch", "Khóm 1"}, exitFailed, "của phường"},
		{[]string{"--member", binh, "--kind", "secretary", "--from", "31/02/2026"}, exitFailed, "--from"},
		{[]string{"--kind", "secretary", "--from", "01/01/2025"}, exitFailed, "cần --member"},
		{[]string{"--member", an, "--kind", "secretary", "--from", "01/01/2025", "--colour", "red"}, exitUsage, "-colour"},
	}
	for _, s := range steps {
		out, err := cli3(t, db, append([]string{"offices", "add"}, s.args...)...)
		code, msg := 0, out
		if err != nil {
			code, msg = exitCode(err), err.Error()
		}
		if code != s.exit || !strings.Contains(msg, s.want) {
			t.Errorf("%q: exit %d %q, want exit %d with %q", s.args, code, msg, s.exit, s.want)
		}
	}

	// The hand-over: An ends on 01/03/2026, Bình starts that day.
	out, err := runSplit(t, db, "list --member "+an)
	if err != nil {
		t.Fatal(err)
	}
	posID := strings.SplitN(out, "\t", 2)[0]
	if _, err := runSplit(t, db, "end --member "+an+" --id "+posID+" --to 01/03/2026"); err != nil {
		t.Fatal(err)
	}
	if _, err := runSplit(t, db, "add --member "+binh+" --kind secretary --from 01/03/2026"); err != nil {
		t.Fatal(err)
	}
	// Words from a list: "Phó Bí thư chi đoàn" is a branch office of her own branch.
	out, err = cli3(t, db, "offices", "add", "--member", an, "--kind", "Phó Bí thư chi đoàn", "--from", "02/03/2026")
	if err != nil || !strings.Contains(out, "Phó Bí thư chi đoàn (Chi đoàn Khóm 1) từ 02/03/2026") {
		t.Errorf("branch office from a list's words: %q %v", out, err)
	}
	for _, tc := range []struct {
		day  domain.Date
		want string
	}{
		{d(2025, 6, 1), "Lê Thị An"},
		{d(2026, 2, 28), "Lê Thị An"},
		{d(2026, 3, 2), "Lê Thị Bình"},
	} {
		if got := signer(tc.day); got != tc.want {
			t.Errorf("signer on %s: %q, want %q", tc.day, got, tc.want)
		}
	}
	if _, err := runSplit(t, db, "end --member "+binh+" --id "+posID+" --to 01/04/2026"); err == nil ||
		!strings.Contains(err.Error(), "không có chức vụ mã") {
		t.Errorf("ending another person's office: %v", err)
	}
}

// runSplit runs "offices ARGS" with ARGS split at spaces.
func runSplit(t *testing.T, db, args string) (string, error) {
	t.Helper()
	out, _, err := cli(t, append([]string{"--db", db, "offices"}, strings.Fields(args)...)...)
	return out, err
}

func cli3(t *testing.T, db string, args ...string) (string, error) {
	t.Helper()
	out, _, err := cli(t, append([]string{"--db", db}, args...)...)
	return out, err
}

// TestScriptRegisterSigns makes a register the way a script would, with
// no window at all: init with the unit, import of the ward's sheet, the Bí
// thư recorded with offices add; its annual report is then signed by her
// (issue 21: a register made by init and import could not sign).
func TestScriptRegisterSigns(t *testing.T) {
	testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	sheet := filepath.Join(dir, "ds.csv")
	if err := os.WriteFile(sheet, []byte("STT;Họ và tên;Giới tính;Ngày sinh;Ngày vào Đoàn;Chi đoàn\n"+
		"1;Trần Thị Bích;Nữ;12/3/1995;26/3/2011;Khóm 1\n2;Lê Văn Nam;Nam;2/9/1998;26/3/2014;Khóm 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		out, stderr, err := cli(t, append([]string{"--db", db}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
		return out
	}
	run("init", "--unit", "BCH Đoàn phường Hòa Mẫu", "--place", "Phường Hòa Mẫu", "--upper", "Tỉnh Đoàn Đồng Tháp")
	run("import", "members", sheet, "--create-branches")
	found := run("search", "Trần Thị Bích")
	id := strings.Fields(strings.SplitN(found, "\n", 3)[1])[0] // the first row's code
	year := strconv.Itoa(time.Now().Year())
	// Before the office: refused, saying how to record it from a script.
	out := filepath.Join(dir, "nam.pdf")
	if _, _, err := cli(t, "--db", db, "report", "annual", "--year", year, "--out", out); err == nil ||
		!strings.Contains(err.Error(), "Chưa có người ký") || !strings.Contains(err.Error(), "sodoan-cli offices add") {
		t.Fatalf("a report with no Bí thư: %v", err)
	}
	run("offices", "add", "--member", id, "--kind", "Bí thư", "--from", "01/01/2025")
	run("report", "annual", "--year", year, "--out", out)
	text := pdfText(t, out)
	sign := strings.Index(text, "BÍ THƯ")
	if sign < 0 || !strings.Contains(text[sign:], "Trần Thị Bích") {
		t.Errorf("the annual report is not signed by the Bí thư:\n%s", text[max(0, len(text)-400):])
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}
