package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
)

// tenMembers makes a register of ten members at dir/name and closes it.
func tenMembers(t *testing.T, dir, name string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(dir, name)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, given := range []string{"An", "Bình", "Chi", "Dũng", "Hòa", "Khánh", "Lan", "Minh", "Phúc", "Tâm"} {
		p := member("Nguyễn", "Văn", given, domain.MustDate(2000, 1, 1+i), "")
		if err := s.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// hostileSchemas are changes a copy of a register may carry, made with
// the sqlite3 shell (issue 18, finding 1), each with the object the
// refusal must name.
var hostileSchemas = []struct {
	name  string
	stmts []string
	names string
}{
	{"trigger emptying the register", []string{`CREATE TRIGGER evil AFTER INSERT ON history BEGIN DELETE FROM people; END`}, "trigger evil"},
	{"trigger on people", []string{`CREATE TRIGGER "vô hại" BEFORE UPDATE ON people BEGIN SELECT 1; END`}, "trigger vô hại"},
	{"the program's trigger rewritten", []string{
		`DROP TRIGGER clubs_closed`,
		`CREATE TRIGGER clubs_closed AFTER UPDATE OF active ON clubs BEGIN DELETE FROM people; END`,
	}, "trigger clubs_closed đã bị sửa"},
	{"a view", []string{`CREATE VIEW spy AS SELECT citizen_id FROM people`}, "view spy"},
	{"a table of its own", []string{`CREATE TABLE extra (x)`}, "bảng extra"},
	{"an index of its own", []string{`CREATE INDEX people_odd ON people(phone)`}, "chỉ mục people_odd"},
	{"a table dropped", []string{`DROP TABLE narratives`}, "thiếu bảng narratives"},
}

// A register whose schema is not the program's is refused before
// anything runs on it, by every way in: opening it (for writing, read-only,
// for check), checking it as a backup, and restoring it. The file and the
// register it would replace stay byte for byte as they were.
func TestForeignSchemaRefused(t *testing.T) {
	ctx := context.Background()
	for _, tc := range hostileSchemas {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tenMembers(t, dir, "so.db")
			copyPath := filepath.Join(dir, "usb.db")
			mustNil(t, os.WriteFile(copyPath, fileBytes(t, path), 0o600))
			rawExec(t, copyPath, append([]string{"PRAGMA journal_mode = DELETE"}, tc.stmts...)...)
			before := fileBytes(t, copyPath)

			for _, o := range []OpenOptions{{}, {Create: true}, {ReadOnly: true}, {ReadOnly: true, AnyVersion: true}, {CopyOf: "x"}} {
				_, err := OpenWith(copyPath, o)
				if !errors.Is(err, ErrNotRegister) || !strings.Contains(err.Error(), tc.names) {
					t.Fatalf("%+v: opened or refused without naming %q: %v", o, tc.names, err)
				}
			}
			if _, err := CheckBackup(ctx, copyPath); err == nil || !strings.Contains(err.Error(), tc.names) {
				t.Fatalf("CheckBackup: %v", err)
			}
			s, err := Open(path)
			mustNil(t, err)
			defer s.Close()
			if _, err := s.Restore(ctx, copyPath); err == nil || !strings.Contains(err.Error(), tc.names) {
				t.Fatalf("Restore: %v", err)
			}
			// The register is whole and works: a deletion leaves 9 of 10.
			list, err := s.ListMembers(ctx, MemberFilter{})
			mustNil(t, err)
			if len(list) != 10 {
				t.Fatalf("after the refused restore the register lists %d people, want 10", len(list))
			}
			mustNil(t, s.DeletePerson(ctx, list[0].ID))
			if n := countPeople(t, s); n != 9 {
				t.Fatalf("after one deletion %d people, want 9", n)
			}
			if !bytes.Equal(before, fileBytes(t, copyPath)) {
				t.Fatal("the refused file was changed")
			}
		})
	}
}

// Schema numbers the program never writes are refused by every open,
// before anything changes, and never panic (issue 18, finding 2).
func TestForeignSchemaNumberRefused(t *testing.T) {
	ctx := context.Background()
	for _, v := range []int{-1, -2147483648} {
		t.Run(fmt.Sprint(v), func(t *testing.T) {
			dir := t.TempDir()
			path := tenMembers(t, dir, "so.db")
			bad := filepath.Join(dir, "bad.db")
			mustNil(t, os.WriteFile(bad, fileBytes(t, path), 0o600))
			rawExec(t, bad, "PRAGMA journal_mode = DELETE", fmt.Sprintf("PRAGMA user_version = %d", v))
			before := fileBytes(t, bad)
			for _, o := range []OpenOptions{{}, {Create: true}, {ReadOnly: true}, {ReadOnly: true, AnyVersion: true}, {CopyOf: "x"}} {
				if _, err := OpenWith(bad, o); !errors.Is(err, ErrNotRegister) {
					t.Fatalf("%+v: %v", o, err)
				}
			}
			s, err := Open(path)
			mustNil(t, err)
			defer s.Close()
			if _, err := s.Restore(ctx, bad); !errors.Is(err, ErrNotRegister) {
				t.Fatalf("Restore: %v", err)
			}
			if n := countPeople(t, s); n != 10 {
				t.Fatalf("after the refused restore %d people, want 10", n)
			}
			var got int
			mustNil(t, s.db.QueryRow(`PRAGMA user_version`).Scan(&got))
			if got != SchemaVersion {
				t.Fatalf("the register's schema is %d after the refused restore, want %d", got, SchemaVersion)
			}
			if !bytes.Equal(before, fileBytes(t, bad)) {
				t.Fatal("the refused file was changed")
			}
		})
	}
}

// The program's own schema, at every version it has had, is accepted:
// the schema a register gets is the one the migrations make, and an
// older register's objects are the ones of its version.
func TestOwnSchemaAtEveryVersion(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := tenMembers(t, dir, "so.db")
	s, err := OpenWith(path, OpenOptions{ReadOnly: true})
	mustNil(t, err)
	defer s.Close()
	problems, err := schemaProblems(ctx, s.db)
	mustNil(t, err)
	if len(problems) > 0 {
		t.Fatalf("a new register's schema differs from the program's: %v", problems)
	}
	for v := 1; v <= SchemaVersion; v++ {
		want, err := expectedSchema(ctx, v)
		mustNil(t, err)
		if _, ok := want["table people"]; !ok {
			t.Fatalf("schema %d has no people table", v)
		}
	}
	for _, v := range []int{0, -1, SchemaVersion + 1} {
		if _, err := expectedSchema(ctx, v); err == nil {
			t.Fatalf("schema %d has an expected schema", v)
		}
	}
}

// A restore never puts another unit's register (nor an upper level's)
// over a register holding work of its own: it would take on that
// register's identity and kind (issue 18). A new, empty register (a new
// laptop's) may restore any, and a register its own backup.
func TestRestoreOnlyItsOwnRegister(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ward := tenMembers(t, dir, "phuong.db")
	other := tenMembers(t, dir, "phuong-khac.db")
	upper := filepath.Join(dir, "tinh.db")
	u, err := Open(upper)
	mustNil(t, err)
	mustNil(t, u.MakeConsolidation(ctx, domain.Unit{Name: "Ban Thường vụ Tỉnh Đoàn Đồng Tháp", Place: "Đồng Tháp", SecretaryName: "Nguyễn Văn Tỉnh"}))
	mustNil(t, u.Close())

	s, err := Open(ward)
	mustNil(t, err)
	defer s.Close()
	own, err := s.BackupNow(ctx, BackupManual)
	mustNil(t, err)
	idBefore, _ := s.RegisterID(ctx)
	for _, src := range []string{other, upper} {
		if _, err := s.Restore(ctx, src); !errors.Is(err, ErrOtherRegister) {
			t.Fatalf("restore of %s over a ward's register: %v", filepath.Base(src), err)
		}
	}
	if id, _ := s.RegisterID(ctx); id != idBefore || countPeople(t, s) != 10 {
		t.Fatalf("a refused restore changed the register: id %s (was %s), %d people", id, idBefore, countPeople(t, s))
	}
	if _, err := s.Restore(ctx, own.Path); err != nil {
		t.Fatalf("restore of its own backup: %v", err)
	}

	// A new laptop's empty register takes the ward's backup, identity and all.
	fresh, err := Open(filepath.Join(dir, "may-moi.db"))
	mustNil(t, err)
	defer fresh.Close()
	if _, err := fresh.Restore(ctx, own.Path); err != nil {
		t.Fatalf("restore into an empty register: %v", err)
	}
	if id, _ := fresh.RegisterID(ctx); id != idBefore {
		t.Fatalf("the restored register's identity is %s, want the ward's %s", id, idBefore)
	}
}
