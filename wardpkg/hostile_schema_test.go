package wardpkg

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sodoan/outfile"
)

// A package is a register from elsewhere: one whose snapshot carries a
// trigger, a view or a schema number the program never writes is refused
// by the upper level, naming what is wrong, and the consolidation
// register and the package stay as they were (issue 18, findings 1, 2).
func TestHostileSchemaPackages(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, stmt, says string
	}{
		{"trigger", `CREATE TRIGGER evil AFTER INSERT ON history BEGIN DELETE FROM people; END`, "trigger evil"},
		{"view", `CREATE VIEW spy AS SELECT citizen_id FROM people`, "view spy"},
		{"negative schema", `PRAGMA user_version = -1`, "lược đồ -1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			w := ward(t, dir, "BCH Đoàn phường 1", 4, 30)
			cons := consolidation(t, dir)
			snap := snapshotOf(t, w, dir, "hostile.db")
			db, err := sql.Open("sqlite", snap)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(tc.stmt); err != nil {
				t.Fatal(err)
			}
			db.Close()
			id, _ := w.RegisterID(ctx)
			m := Manifest{Format: FormatVersion, RegisterID: id, Unit: "BCH ĐOÀN PHƯỜNG 1", Made: time.Now().UTC()}
			pkg := filepath.Join(dir, "hostile.sodoan")
			if err := writePackage(outfile.Output{Path: pkg}, pass, &m, snap); err != nil {
				t.Fatal(err)
			}
			raw, _ := os.ReadFile(pkg)
			_, err = Import(ctx, cons, pkg, pass)
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("hostile package imported or refused without naming %q: %v", tc.says, err)
			}
			unchanged(t, cons, nil, nil)
			if now, _ := os.ReadFile(pkg); !bytes.Equal(now, raw) {
				t.Fatal("a refused package was changed")
			}
		})
	}
}

// A package made on a laptop whose clock runs years ahead is refused,
// so it cannot pass for newer than the ward's genuine packages and lock
// them out; the genuine one is then accepted (issue 18).
func TestFuturePackageRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ahead := time.Now().AddDate(3, 0, 0)
	w := wardAt(t, dir, "BCH Đoàn phường 1", 4, 30, func() time.Time { return ahead })
	cons := consolidation(t, dir)
	future := filepath.Join(dir, "tuong-lai.sodoan")
	export(t, w, future)
	if _, err := Import(ctx, cons, future, pass); !errors.Is(err, ErrFuture) || !strings.Contains(err.Error(), "đồng hồ máy của phường đang sai") {
		t.Fatalf("a package from the future: %v", err)
	}
	unchanged(t, cons, nil, nil)
	// The same ward, its clock put right.
	ahead = time.Now()
	genuine := filepath.Join(dir, "that.sodoan")
	export(t, w, genuine)
	if _, err := Import(ctx, cons, genuine, pass); err != nil {
		t.Fatalf("the genuine package after a refused future one: %v", err)
	}
}
