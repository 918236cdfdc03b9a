package main

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

// `member federation-end` ends a Hội membership through the store (the
// person stops counting as a hội viên from that day, not before), refuses
// a bad reason or date with nothing changed, and --undo reopens it.
func TestMemberFederationEnd(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "ward.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	d := domain.MustDate
	var ids []int64
	for _, given := range []string{"An", "Bình"} {
		p := &domain.Person{FamilyName: "Lê", MiddleName: "Văn", GivenName: given, Gender: domain.Male, BirthDate: d(2000, 1, 1),
			FederationMember: true, FederationDate: d(2020, 5, 1), Ethnicity: "Kinh"}
		if err := st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// hội viên on a day: both joined 01/05/2020; An ends on 01/03/2026
	// (the first day she is no longer one), so 28/02/2026 → 2, 01/03 → 1.
	count := func(day domain.Date) int {
		t.Helper()
		st, err := store.OpenWith(db, store.OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		n, err := st.CountMembers(ctx, store.MemberFilter{Kind: store.KindFederation, AsOf: day})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	an := strconv.FormatInt(ids[0], 10)
	for _, tc := range []struct{ args, want string }{
		{"--person " + an + " --date 01/03/2026 --reason moved", `--reason "moved"`},
		{"--person " + an + " --date 31/02/2026 --reason left", "--date"},
		{"--person " + an + " --date 01/03/2019 --reason left", "trước"},
		{"--person " + an + " --undo", "chưa thôi sinh hoạt Hội"},
		{"--date 01/03/2026 --reason left", "cần --person"},
	} {
		_, _, err := cli(t, append([]string{"--db", db, "member", "federation-end"}, strings.Fields(tc.args)...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want a refusal saying %q", tc.args, err, tc.want)
		}
	}
	if n := count(d(2026, 3, 1)); n != 2 {
		t.Fatalf("a refused command changed the register: %d hội viên on 01/03/2026, want 2", n)
	}

	out, _, err := cli(t, "--db", db, "member", "federation-end", "--person", an, "--date", "01/03/2026", "--reason", "transfer")
	if err != nil || !strings.Contains(out, "Lê Văn An") || !strings.Contains(out, "01/03/2026") {
		t.Fatalf("federation-end: %v\n%s", err, out)
	}
	if a, b := count(d(2026, 2, 28)), count(d(2026, 3, 1)); a != 2 || b != 1 {
		t.Errorf("after the end: %d on 28/02/2026 and %d on 01/03/2026, want 2 and 1", a, b)
	}
	// The former hội viên on 01/03/2026: An alone; on 28/02/2026, no one.
	for day, want := range map[string]string{"01/03/2026": "Tổng cộng: 1", "28/02/2026": "Tổng cộng: 0"} {
		out, _, err := cli(t, "--db", db, "members", "list", "--kind", "federation", "--former", "--date", day)
		if err != nil || !strings.Contains(out, want) || (want == "Tổng cộng: 1") != strings.Contains(out, "Lê Văn An") {
			t.Errorf("former hội viên on %s: %v\n%s", day, err, out)
		}
	}
	if _, _, err := cli(t, "--db", db, "members", "list", "--former"); err == nil {
		t.Error("--former accepted for the Union list")
	}
	if _, _, err := cli(t, "--db", db, "member", "federation-end", "--person", an, "--date", "02/03/2026", "--reason", "left"); err == nil {
		t.Error("a membership already ended was ended again")
	}

	out, _, err = cli(t, "--db", db, "member", "federation-end", "--person", an, "--undo")
	if err != nil || !strings.Contains(out, "trở lại") {
		t.Fatalf("--undo: %v\n%s", err, out)
	}
	if n := count(d(2026, 3, 1)); n != 2 {
		t.Errorf("after --undo: %d hội viên on 01/03/2026, want 2", n)
	}
}
