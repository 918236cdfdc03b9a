package main

import (
	"context"
	"database/sql"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/internal/testtool"
	"sodoan/store"
)

// `report members --date` lists who was a member on that day, and
// `check` is clean on a register that keeps the rules of membership and
// names the person and dates where one is broken.
func TestMembersListAsOfDateAndCheck(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "ward.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	d := domain.MustDate
	must(st.SaveUnit(ctx, domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: "BCH Đoàn phường Hòa Mẫu", Place: "Phường Hòa Mẫu"}))
	person := func(family, middle, given string, g domain.Gender, born, admitted domain.Date) int64 {
		t.Helper()
		p := &domain.Person{FamilyName: family, MiddleName: middle, GivenName: given, Gender: g, BirthDate: born,
			UnionMember: true, AdmissionDate: admitted, Ethnicity: "Kinh"}
		must(st.SavePerson(ctx, p))
		return p.ID
	}
	quan := person("Trần", "Minh", "Quân", domain.Male, d(1996, 4, 10), d(2012, 3, 26))
	must(st.SavePosition(ctx, &domain.Position{PersonID: quan, Kind: "secretary", Start: d(2023, 10, 1)}))
	person("Lê", "Văn", "Sớm", domain.Male, d(2008, 1, 1), d(2026, 7, 10))
	muon := person("Phạm", "Thị", "Muộn", domain.Female, d(2008, 1, 1), d(2026, 7, 11))
	di := person("Võ", "Văn", "Đi", domain.Male, d(1999, 1, 1), d(2015, 3, 26))
	must(st.AddEvent(ctx, &domain.Event{PersonID: di, Kind: domain.EventTransferOut, Date: d(2026, 8, 1), Unit: "Đoàn phường 2"}))
	must(st.AddTransferIn(ctx, &domain.Person{FamilyName: "Hà", MiddleName: "Thị", GivenName: "Xuân", Gender: domain.Female, BirthDate: d(2000, 8, 8), Ethnicity: "Kinh"},
		&domain.Event{Date: d(2026, 7, 1), Unit: "Đoàn xã Mỹ Sen", Admitted: d(2019, 3, 26)}))
	must(st.Close())

	out, errOut, err := cli(t, "--db", db, "check")
	if err != nil || !strings.Contains(out, "Toàn vẹn: tốt") {
		t.Fatalf("check on a register that keeps the rules: %v\n%s%s", err, out, errOut)
	}

	// On 10/07/2026: Quân, Sớm (admitted that day), Xuân (in on 01/07,
	// admitted 26/03/2019) and Đi (gone only on 01/08) = 4, men Quân, Sớm,
	// Đi = 3, woman Xuân = 1; Muộn, admitted 11/07, is not on it.
	pdf := filepath.Join(dir, "ds.pdf")
	if out, errOut, err := cli(t, "--db", db, "report", "members", "--date", "10/07/2026", "--out", pdf); err != nil {
		t.Fatalf("report members: %v\n%s%s", err, out, errOut)
	}
	testtool.Need(t, "pdftotext")
	raw, err := exec.Command("pdftotext", "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`\s+`).ReplaceAllString(string(raw), " ")
	for _, want := range []string{"Tổng cộng: 4 đoàn viên (Nam: 3, Nữ: 1)", "Trần Minh Quân", "Lê Văn Sớm", "Võ Văn Đi", "Hà Thị Xuân", "26/03/2019"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list as of 10/07/2026 lacks %q:\n%s", want, text)
		}
	}
	for _, not := range []string{"Phạm Thị Muộn", "01/07/2026"} {
		if strings.Contains(text, not) {
			t.Errorf("the list as of 10/07/2026 shows %q", not)
		}
	}

	// members list --date: the same four on 10/07/2026 (a header and a
	// line each), five on 11/07/2026 (Muộn admitted), four on 01/08/2026
	// (Đi gone that day).
	for date, want := range map[string]int{"10/07/2026": 4, "11/07/2026": 5, "01/08/2026": 4} {
		out, errOut, err := cli(t, "--db", db, "members", "list", "--date", date, "--format", "csv")
		if err != nil {
			t.Fatalf("members list --date %s: %v\n%s", date, err, errOut)
		}
		if n := strings.Count(strings.TrimSpace(out), "\n"); n != want {
			t.Errorf("members list --date %s: %d people, want %d:\n%s", date, n, want, out)
		}
	}
	if _, _, err := cli(t, "--db", db, "members", "list", "--date", "10/07/2026", "--status", "active"); err == nil {
		t.Error("--date with --status was taken")
	}

	// An office entered before its holder's admission, as an older build
	// let through: check names her, the office and both dates.
	raw2, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw2.Exec(`INSERT INTO positions(person_id, kind, start) VALUES (?, 'branch_secretary', '2025-09-20')`, muon)
	raw2.Close()
	must(err)
	out, _, err = cli(t, "--db", db, "check")
	want := "Phạm Thị Muộn giữ chức Bí thư chi đoàn từ 20/09/2025, trước ngày vào Đoàn 11/07/2026"
	if err == nil || !strings.Contains(out, want) {
		t.Errorf("check on a broken register: %v\n%s\nwant %q", err, out, want)
	}
}
