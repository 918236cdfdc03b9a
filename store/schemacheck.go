package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// A register accepts only the schema this program gives it (issue 18): a
// file is a copy of someone's register (a backup on a USB stick, a ward's
// package), and SQLite runs whatever triggers and views a file carries
// with the rights of the program that writes to it. A trigger added with
// the sqlite3 shell ("after insert on history begin delete from people;
// end") would otherwise ride in through a restore and empty the register
// at the next change. So opening, restoring, upgrading and unpacking a
// package compare the file's schema objects with the ones the program
// itself makes at that schema version, and refuse anything else by name.

// schemaObject is one row of sqlite_master.
type schemaObject struct {
	Type, Name, SQL string
}

// key names an object as SQLite does: a table and a view may not share a
// name, but a hostile file may make "people" a view.
func (o schemaObject) key() string { return o.Type + " " + o.Name }

// objectWords names an object kind in the messages.
var objectWords = map[string]string{
	"table":   "bảng",
	"index":   "chỉ mục",
	"trigger": "trigger",
	"view":    "view",
}

func (o schemaObject) String() string {
	w := objectWords[o.Type]
	if w == "" {
		w = o.Type
	}
	return w + " " + o.Name
}

// codeObject: the kinds of object that carry statements SQLite runs on
// its own. Their text must be exactly the program's; a table or an index
// is checked by name only, since the text SQLite keeps for a table
// depends on the build that made it (migration 1 was written in several
// sessions) and holds no statement to run.
func codeObject(t string) bool { return t == "trigger" || t == "view" }

// sqliteInternal are tables SQLite itself makes in any database (ANALYZE's
// statistics): rows of numbers it reads, never statements.
var sqliteInternal = map[string]bool{"sqlite_stat1": true, "sqlite_stat4": true, "sqlite_sequence": true}

var (
	expectedMu     sync.Mutex
	expectedByVers = map[int]map[string]schemaObject{}
)

// expectedSchema is the schema a register made by this build has at
// version v: the migrations up to v run on a database in memory. It is
// computed once a version.
func expectedSchema(ctx context.Context, v int) (map[string]schemaObject, error) {
	if v < 1 || v > len(migrations) {
		return nil, fmt.Errorf("lược đồ %d không phải do Sổ Đoàn ghi", v)
	}
	expectedMu.Lock()
	defer expectedMu.Unlock()
	if m, ok := expectedByVers[v]; ok {
		return m, nil
	}
	db, err := sql.Open("sqlite", "file:expected-schema?mode=memory")
	if err != nil {
		return nil, fmt.Errorf("dựng lược đồ mẫu: %w", err)
	}
	defer db.Close()
	// One connection: each connection to ":memory:" is its own database.
	db.SetMaxOpenConns(1)
	for i := 0; i < v; i++ {
		if _, err := db.ExecContext(ctx, migrations[i]); err != nil {
			return nil, fmt.Errorf("dựng lược đồ mẫu %d: %w", i+1, err)
		}
	}
	objs, err := schemaObjects(ctx, db)
	if err != nil {
		return nil, err
	}
	m := make(map[string]schemaObject, len(objs))
	for _, o := range objs {
		m[o.key()] = o
	}
	expectedByVers[v] = m
	return m, nil
}

// queryer is what reading the schema needs: a database or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// schemaObjects reads sqlite_master.
func schemaObjects(ctx context.Context, q queryer) ([]schemaObject, error) {
	_, objs, err := readSchema(ctx, q)
	return objs, err
}

// readSchema reads the schema version and sqlite_master in one statement,
// so in one snapshot: another process creating the same register may
// commit its migrations between two reads.
func readSchema(ctx context.Context, q queryer) (int, []schemaObject, error) {
	rows, err := q.QueryContext(ctx, `SELECT (SELECT user_version FROM pragma_user_version), type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		return 0, nil, fmt.Errorf("đọc lược đồ: %w", err)
	}
	defer rows.Close()
	var out []schemaObject
	v := 0
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&v, &o.Type, &o.Name, &o.SQL); err != nil {
			return 0, nil, fmt.Errorf("đọc lược đồ: %w", err)
		}
		out = append(out, o)
	}
	return v, out, rows.Err()
}

// normalSQL compares statement texts whatever their spacing and case.
func normalSQL(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// schemaProblems compares the schema of the register with the program's
// at the register's version: an object the program does not make, a
// trigger or view whose text differs, and a table the program makes that
// is missing. The lines name each object. An empty register (version 0,
// being created) has none.
func schemaProblems(ctx context.Context, q queryer) ([]string, error) {
	v, have, err := readSchema(ctx, q)
	if err != nil || v == 0 {
		return nil, err
	}
	want, err := expectedSchema(ctx, v)
	if err != nil {
		return nil, err
	}
	var problems []string
	seen := map[string]bool{}
	for _, o := range have {
		seen[o.key()] = true
		w, ok := want[o.key()]
		switch {
		case !ok && o.Type == "table" && sqliteInternal[o.Name]:
		case !ok:
			problems = append(problems, fmt.Sprintf("có %s không phải do Sổ Đoàn tạo", o))
		case codeObject(o.Type) && normalSQL(o.SQL) != normalSQL(w.SQL):
			problems = append(problems, fmt.Sprintf("%s đã bị sửa khác với Sổ Đoàn", o))
		}
	}
	var missing []string
	for k, w := range want {
		if !seen[k] && (w.Type == "table" || codeObject(w.Type)) {
			missing = append(missing, fmt.Sprintf("thiếu %s", w))
		}
	}
	sort.Strings(missing)
	return append(problems, missing...), nil
}

// errForeignSchema words the refusal of a register whose schema is not
// the program's.
func errForeignSchema(path string, problems []string) error {
	const show = 5
	list := problems
	more := ""
	if len(list) > show {
		more = fmt.Sprintf(" và %d điều khác", len(list)-show)
		list = list[:show]
	}
	return fmt.Errorf("tệp %s %w: lược đồ của nó khác với lược đồ Sổ Đoàn tạo ra (%s%s); không mở để tránh chạy mã lạ trong tệp", path, ErrNotRegister, strings.Join(list, "; "), more)
}

// ownSchema refuses the register's content (after a restore's copy) when
// its schema number or objects are not the program's.
func (s *Store) ownSchema(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("đọc phiên bản sổ: %w", err)
	}
	if v < 1 || v > len(migrations) {
		return fmt.Errorf("số lược đồ %d không do Sổ Đoàn ghi: %w", v, ErrNotRegister)
	}
	problems, err := schemaProblems(ctx, s.db)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return errForeignSchema(s.path, problems)
	}
	return nil
}
