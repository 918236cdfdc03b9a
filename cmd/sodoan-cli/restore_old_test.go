package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sodoan/store"
)

// TestRestoreOlderSchema: `restore` of a backup that an older Sổ Đoàn made
// (schema 1 up to the one before this build's) backs the register up
// first, puts the backup's people in place, brings them to the current
// schema, keeps the register's identity (a backup older than identities
// has none, and the upper level knows the ward by it) and leaves the
// backup file as it was.
func TestRestoreOlderSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "phuong.db")
	if _, _, err := cli(t, "--db", db, "demo", "--members", "60", "--seed", "3"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.RegisterID(ctx)
	st.Close()
	if err != nil || id == "" {
		t.Fatalf("register id %q: %v", id, err)
	}
	before := 60 // people in the register before each restore
	for n := 1; n < store.SchemaVersion; n++ {
		old := filepath.Join(dir, fmt.Sprintf("sao-luu-cu-%d.db", n))
		if err := store.CreateAtSchema(old, n); err != nil {
			t.Fatal(err)
		}
		raw, err := sql.Open("sqlite", old)
		if err != nil {
			t.Fatal(err)
		}
		_, err = raw.Exec(`INSERT INTO settings(key, value) VALUES ('unit.name', 'BCH ĐOÀN PHƯỜNG CŨ');
			INSERT INTO people(family_name, middle_name, given_name, gender, birth_date, union_member, admission_date, card_number,
				federation_member, federation_date, sort_key) VALUES
			('Lê', 'Văn', 'An', 'male', '2000-01-02', 1, '2016-03-26', 'C001', 0, NULL, x'00'),
			('Võ', 'Thị', 'Hạnh', 'female', '2001-02-03', 0, NULL, NULL, 1, '2019-05-01', x'00');
			INSERT INTO membership_events(person_id, kind, date) VALUES (1, 'admission', '2016-03-26');`)
		if err == nil && n >= 4 {
			// From schema 4 a register keeps its identity in its backups:
			// an old backup of this register carries this register's.
			_, err = raw.Exec(`UPDATE settings SET value = ? WHERE key = 'register.id'`, id)
		}
		raw.Close()
		if err != nil {
			t.Fatalf("schema %d: %v", n, err)
		}
		orig, _ := os.ReadFile(old)

		out, _, err := cli(t, "--db", db, "restore", old)
		if err != nil {
			t.Fatalf("schema %d: %v", n, err)
		}
		if !strings.Contains(out, fmt.Sprintf("Đã khôi phục sổ từ %s (2 người, lược đồ %d).", old, n)) {
			t.Fatalf("schema %d: %s", n, out)
		}
		// The backup made first holds the register as it was.
		_, undo, ok := strings.Cut(strings.TrimSpace(out), "Sổ trước khi khôi phục được giữ ở ")
		if !ok {
			t.Fatalf("schema %d: no backup named: %s", n, out)
		}
		c, err := store.CheckBackup(ctx, undo)
		if err != nil || c.People != before || c.Version != store.SchemaVersion {
			t.Fatalf("schema %d: backup before the restore %+v: %v", n, c, err)
		}
		if now, _ := os.ReadFile(old); !bytes.Equal(now, orig) {
			t.Fatalf("schema %d: the backup restored from changed", n)
		}

		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		v, problems, err := st.Check(ctx)
		if err != nil || v != store.SchemaVersion || len(problems) > 0 {
			st.Close()
			t.Fatalf("schema %d: restored register at %d, problems %v, %v", n, v, problems, err)
		}
		got, _ := st.RegisterID(ctx)
		people, err := st.ListMembers(ctx, store.MemberFilter{})
		u, _ := st.Unit(ctx)
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got != id {
			t.Fatalf("schema %d: register id %s after the restore, was %s", n, got, id)
		}
		var names []string
		for _, p := range people {
			names = append(names, p.FullName()+" "+p.Status.Label())
		}
		if want := []string{"Lê Văn An Đang sinh hoạt", "Võ Thị Hạnh Đang sinh hoạt"}; !reflect.DeepEqual(names, want) || u.Name != "BCH ĐOÀN PHƯỜNG CŨ" {
			t.Fatalf("schema %d: people %q, unit %q", n, names, u.Name)
		}
		before = 2
	}
	// The restored register works as any other: check passes.
	if out, _, err := cli(t, "--db", db, "check"); err != nil {
		t.Fatalf("check: %v\n%s", err, out)
	}
}
