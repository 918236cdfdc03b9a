package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
)

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "so.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 1), "M1")
	if err := s.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	s.Close()

	orig := migrations
	t.Cleanup(func() { migrations = orig })

	// A failing migration leaves the register exactly as it was.
	migrations = append(append([]string(nil), orig...), `CREATE TABLE dues (id INTEGER PRIMARY KEY); CREATE TABLE broken (`)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("lược đồ %d", len(orig)+1)) {
		t.Fatalf("broken migration: %v", err)
	}
	migrations = orig
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var v, dues int
	s.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'dues'`).Scan(&dues)
	if v != len(orig) || dues != 0 {
		t.Fatalf("after a failed migration: version %d, dues table %d", v, dues)
	}
	s.Close()

	// A new migration runs once, on the existing data.
	migrations = append(append([]string(nil), orig...), `ALTER TABLE people ADD COLUMN dues_paid INTEGER NOT NULL DEFAULT 0`)
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var paid int
	if err := s.db.QueryRow(`SELECT dues_paid FROM people WHERE id = ?`, p.ID).Scan(&paid); err != nil {
		t.Fatalf("new column: %v", err)
	}
	s.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != len(orig)+1 {
		t.Fatalf("version %d", v)
	}
	got, err := s.Person(ctx, p.ID)
	if err != nil || got.FullName() != "Nguyễn Văn An" {
		t.Fatalf("data after migration: %v %v", got.FullName(), err)
	}
	s.Close()

	// A register from a newer Sổ Đoàn is refused rather than damaged.
	migrations = orig
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "mới hơn") {
		t.Fatalf("newer register opened: %v", err)
	}
}

func TestOpenSettings(t *testing.T) {
	s := openTemp(t)
	checks := []struct{ pragma, want string }{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", fmt.Sprint(busyTimeoutMS)},
	}
	for _, c := range checks {
		var got string
		if err := s.db.QueryRow("PRAGMA " + c.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
}

func TestUnitSettings(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if has, _ := s.HasUnit(ctx); has {
		t.Fatal("new register has a unit")
	}
	errs := fieldErrors(t, s.SaveUnit(ctx, domain.Unit{Name: "BCH Đoàn phường 1"}))
	if len(errs) != 2 {
		t.Fatalf("errors %v", errs)
	}
	u := domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: "BCH Đoàn Phường 1", Place: "Phường 1", SecretaryName: "Trần Văn Bí"}
	if err := s.SaveUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	got, err := s.Unit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := domain.Unit{UpperBody: "TỈNH ĐOÀN ĐỒNG THÁP", Name: "BCH ĐOÀN PHƯỜNG 1", Place: "Phường 1", IssuerCode: "ĐTN", SecretaryName: "Trần Văn Bí"}
	if got != want {
		t.Fatalf("unit %+v, want %+v", got, want)
	}
	if has, _ := s.HasUnit(ctx); !has {
		t.Fatal("unit not recorded")
	}
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fillWard(t, s, 50, 3)
	more := []NewMember{{Person: member("Phan", "Thị", "Hồng", domain.MustDate(2002, 3, 4), "X1")}}
	if err := s.LoadMembers(ctx, more, LoadOptions{EmptyOnly: true}); err == nil {
		t.Fatal("a load for an empty register wrote over existing people")
	}
	dest := filepath.Join(t.TempDir(), "sao-luu", "so.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dest); err == nil {
		t.Fatal("backup overwrote an existing file")
	}
	b, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n1, _ := s.CountMembers(ctx, MemberFilter{})
	n2, _ := b.CountMembers(ctx, MemberFilter{})
	if n1 != 50 || n2 != 50 {
		t.Fatalf("people: register %d, backup %d", n1, n2)
	}
	if _, problems, err := b.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("backup check: %v %v", problems, err)
	}
	o, err := s.Overview(ctx, domain.Today().Year())
	if err != nil {
		t.Fatal(err)
	}
	if o.LastBackup != domain.Today() {
		t.Fatalf("last backup %v", o.LastBackup)
	}
}

func TestSortKeysRebuiltForNewCollation(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "so.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range []string{"Ân", "An", "Ánh"} {
		if err := s.SavePerson(ctx, member("Lê", "Văn", g, domain.MustDate(2000, 1, 1+i), "")); err != nil {
			t.Fatal(err)
		}
	}
	// Keys as another version of the collation tables might have written
	// them (here: reversed), and its fingerprint.
	if _, err := s.db.Exec(`UPDATE people SET sort_key = CASE given_name WHEN 'An' THEN x'03' WHEN 'Ánh' THEN x'02' ELSE x'01' END`); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, settingCollation, "from-another-build"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps, err := s.ListMembers(ctx, MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.GivenName)
	}
	if strings.Join(got, ",") != "An,Ánh,Ân" {
		t.Fatalf("order after reopening: %v", got)
	}
}

func TestCheckFindsStaleStatus(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	p := member("Hồ", "Văn", "Nam", domain.MustDate(2000, 1, 1), "")
	if err := s.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE people SET status = 'removed' WHERE id = ?`, p.ID); err != nil {
		t.Fatal(err)
	}
	_, problems, err := s.Check(ctx)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "trạng thái") {
		t.Fatalf("Check = %v %v", problems, err)
	}
}

func TestOpenOddPaths(t *testing.T) {
	ctx := context.Background()
	for _, dir := range []string{"Sổ Đoàn phường 1", "Báo cáo #2 (50%)", "a?b"} {
		path := filepath.Join(t.TempDir(), dir, "sổ đoàn.db")
		s, err := Open(path)
		if err != nil {
			t.Fatalf("%q: %v", dir, err)
		}
		if err := s.SavePerson(ctx, member("Lê", "Văn", "Tâm", domain.MustDate(2000, 1, 1), "")); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("%q: the register is not where asked: %v", dir, err)
		}
	}
}
