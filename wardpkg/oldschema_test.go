package wardpkg

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"sodoan/outfile"

	"sodoan/domain"
	"sodoan/store"
)

// oldWardSQL is what a Sổ Đoàn of schema 1 (and so of every later one)
// wrote for a small ward, in that schema's columns. The figures of 2025,
// counted by hand:
//   - active Union members: An, Bình, Cường = 3 (Dung left in 2024, Em is
//     only in the Federation);
//   - 2.5a new Union members: An (26/03/2025) and Bình (02/09/2025) = 2;
//   - 2.5b new Federation members: Em (01/06/2025) = 1;
//   - 2.5c youth gathered: An, Bình, Cường (active) and Em (Federation),
//     all born after 1995 = 4 of 10 resident youth = 40 %;
//   - 2.6 is, at the upper level, the ward's own rating: good = met, so
//     every ward counts 1 of 1 and the total is 5/5 wards = 100 %.
const oldWardSQL = `
INSERT INTO branches(id, name, kind) VALUES (1, 'Chi đoàn Khóm 1', 'hamlet'), (2, 'Chi đoàn Khóm 2', 'hamlet');
INSERT INTO people(id, family_name, middle_name, given_name, gender, birth_date, union_member, admission_date, card_number, branch_id,
	federation_member, federation_date, status, sort_key) VALUES
	(1, 'Lê', 'Văn', 'An', 'male', '2000-01-02', 1, '2025-03-26', 'C001', 1, 0, NULL, 'active', x'00'),
	(2, 'Trần', 'Thị', 'Bình', 'female', '2003-05-06', 1, '2025-09-02', 'C002', 2, 0, NULL, 'active', x'00'),
	(3, 'Phạm', 'Văn', 'Cường', 'male', '1998-07-08', 1, '2019-03-26', 'C003', 1, 0, NULL, 'active', x'00'),
	(4, 'Ngô', 'Thị', 'Dung', 'female', '1999-11-12', 1, '2018-03-26', 'C004', 2, 0, NULL, 'transferred', x'00'),
	(5, 'Hồ', 'Văn', 'Em', 'male', '2006-01-01', 0, NULL, NULL, NULL, 1, '2025-06-01', 'active', x'00');
INSERT INTO membership_events(person_id, kind, date, unit) VALUES
	(1, 'admission', '2025-03-26', ''), (2, 'admission', '2025-09-02', ''), (3, 'admission', '2019-03-26', ''),
	(4, 'admission', '2018-03-26', ''), (4, 'transfer_out', '2024-05-01', 'Phường 2');
INSERT INTO ward_years(year, resident_youth, rating) VALUES (2025, 10, 'good');
INSERT INTO branch_years(branch_id, year, rating) VALUES (1, 2025, 'good');
`

// oldWardNames are the people of oldWardSQL in the register's order (by
// tên).
var oldWardNames = []string{"Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Ngô Thị Dung", "Hồ Văn Em"}

// oldPackage writes the package of a ward whose register is at schema n,
// as a Sổ Đoàn of that schema made it, and returns its path and manifest.
// A register older than identities has none of its own: the package names
// id.
func oldPackage(t *testing.T, dir string, n int, unit, id string) (string, Manifest) {
	t.Helper()
	reg := filepath.Join(dir, fmt.Sprintf("cu-%d.db", n))
	if err := store.CreateAtSchema(reg, n); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", reg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(oldWardSQL); err != nil {
		t.Fatalf("schema %d: %v", n, err)
	}
	if _, err := db.Exec(`INSERT INTO settings(key, value) VALUES ('unit.name', ?)`, unit); err != nil {
		t.Fatal(err)
	}
	var own string
	db.QueryRow(`SELECT value FROM settings WHERE key = 'register.id'`).Scan(&own)
	if own != "" {
		id = own
	}
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != n {
		t.Fatalf("register at schema %d, want %d (%v)", v, n, err)
	}
	db.Close()
	m := Manifest{Format: FormatVersion, App: "Sổ Đoàn", RegisterID: id, Unit: unit, Made: time.Date(2026, 1, 10, 8, 0, n, 0, time.UTC)}
	pkg := filepath.Join(dir, fmt.Sprintf("cu-%d.sodoan", n))
	if err := writePackage(outfile.Output{Path: pkg}, pass, &m, reg); err != nil {
		t.Fatal(err)
	}
	if m.Schema != n {
		t.Fatalf("manifest schema %d, want %d", m.Schema, n)
	}
	return pkg, m
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestOlderSchemaPackages: a ward that has not upgraded sends a package
// whose register is at an older schema. It is imported into a
// consolidation register of the current schema, upgraded in the upper
// level's copy (the package file is not touched, no backup is left in the
// wards folder), with its people, its identity and its figures.
func TestOlderSchemaPackages(t *testing.T) {
	if store.SchemaVersion < 2 {
		t.Fatal("no older schema to test")
	}
	ctx := context.Background()
	dir := t.TempDir()
	cons := consolidation(t, dir)
	var files []string
	for n := 1; n < store.SchemaVersion; n++ {
		unit := fmt.Sprintf("BCH ĐOÀN PHƯỜNG CŨ %d", n)
		id := fmt.Sprintf("%032x", 0xc0ffee00+n)
		pkg, m := oldPackage(t, dir, n, unit, id)
		sum := fileSum(t, pkg)
		imp, err := Import(ctx, cons, pkg, pass)
		if err != nil {
			t.Fatalf("schema %d: %v", n, err)
		}
		if fileSum(t, pkg) != sum {
			t.Fatalf("schema %d: the package file changed", n)
		}
		if imp.Ward.Members != 3 || imp.Ward.Schema != n || imp.Ward.RegisterID != m.RegisterID || imp.Ward.Unit != unit {
			t.Fatalf("schema %d: ward %+v", n, imp.Ward)
		}
		files = append(files, imp.Ward.File)
		// The snapshot kept is the ward's register at the current schema,
		// with its identity (the package's) and all its people.
		snap, err := store.OpenWith(store.WardPath(cons.WardsDir(), imp.Ward), store.OpenOptions{})
		if err != nil {
			t.Fatalf("schema %d: %v", n, err)
		}
		v, problems, err := snap.Check(ctx)
		if err != nil || v != store.SchemaVersion || len(problems) > 0 {
			t.Fatalf("schema %d: snapshot at %d, problems %v, %v", n, v, problems, err)
		}
		if got, _ := snap.RegisterID(ctx); got != m.RegisterID {
			t.Fatalf("schema %d: snapshot id %s, package %s", n, got, m.RegisterID)
		}
		people, err := snap.ListMembers(ctx, store.MemberFilter{})
		snap.Close()
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range people {
			names = append(names, p.FullName())
		}
		if !reflect.DeepEqual(names, oldWardNames) {
			t.Fatalf("schema %d: people %q, want %q", n, names, oldWardNames)
		}
	}
	// Nothing but the snapshots in the wards folder: no backup of the
	// upgrade, no temporary file.
	slices.Sort(files)
	if got := listDir(t, cons.WardsDir()); !slices.Equal(got, files) {
		t.Fatalf("wards folder %v, want %v", got, files)
	}

	c, err := Consolidate(ctx, cons, 2025, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	wards := float64(len(c.Wards))
	if len(c.Wards) != store.SchemaVersion-1 {
		t.Fatalf("%d wards", len(c.Wards))
	}
	type fig struct {
		actual   float64
		num, den int
	}
	// Each ward's figures as counted by hand (see oldWardSQL), and the
	// total: counts add up, percentages are sums of numerators over sums
	// of denominators.
	each := map[string]fig{"2.5a": {2, 0, 0}, "2.5b": {1, 0, 0}, "2.5c": {40, 4, 10}, "2.6": {1, 0, 0}}
	total := map[string]fig{"2.5a": {2 * wards, 0, 0}, "2.5b": {wards, 0, 0},
		"2.5c": {40, 4 * len(c.Wards), 10 * len(c.Wards)}, "2.6": {100, len(c.Wards), len(c.Wards)}}
	check := func(who string, rs []domain.Result, want map[string]fig) {
		t.Helper()
		seen := 0
		for _, r := range rs {
			w, ok := want[r.Indicator.Code]
			if !ok {
				continue
			}
			seen++
			if !r.Known || math.Abs(r.Actual-w.actual) > 1e-9 || r.Num != w.num || r.Den != w.den {
				t.Errorf("%s %s: %v (%d/%d, known %v), want %v (%d/%d)", who, r.Indicator.Code, r.Actual, r.Num, r.Den, r.Known, w.actual, w.num, w.den)
			}
		}
		if seen != len(want) {
			t.Errorf("%s: %d of the indicators %v", who, seen, want)
		}
	}
	for _, wr := range c.Wards {
		check(wr.Ward.Unit, wr.Results, each)
	}
	check("tổng", c.Total, total)
}
