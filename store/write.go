package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"sodoan/domain"
)

// The register's one write path. Every statement that changes what a user
// entered runs through a writeTx, which reads the rows it touches before
// and after and records each inserted, changed or deleted row in the
// history table, in the same transaction: a change that fails (a
// validation, a constraint) leaves no history, and no change goes
// unrecorded. writeTx offers no ExecContext, so that code holding one
// cannot write around it (TestOneWritePath checks the few exceptions).

// tableKeys names the primary key columns of each table of the register:
// history identifies a row by them and the recycle bin restores rows
// under them. TestTableKeys checks them against the schema.
var tableKeys = map[string][]string{
	"settings":            {"key"},
	"branches":            {"id"},
	"people":              {"id"},
	"membership_events":   {"id"},
	"member_years":        {"person_id", "year"},
	"positions":           {"id"},
	"criteria":            {"id"},
	"branch_years":        {"branch_id", "year"},
	"branch_criteria_met": {"branch_id", "year", "criterion_id"},
	"clubs":               {"id"},
	"club_members":        {"id"},
	"coops":               {"id"},
	"coop_members":        {"id"},
	"coop_years":          {"coop_id", "year"},
	"ward_years":          {"year"},
	"plans":               {"id"},
	"indicators":          {"id"},
	"indicator_values":    {"indicator_id", "year"},
	"documents":           {"id"},
	"narratives":          {"doc", "key", "section"},
	"wards":               {"register_id"},
}

// derivedColumns are computed by the store from other columns (order
// keys, search text, the status from the events, timestamps): a change of
// them alone is not a change of the register.
var derivedColumns = map[string]bool{"sort_key": true, "search": true, "status": true, "created_at": true, "updated_at": true}

// quietSettings are settings the store keeps for itself, not the user's.
var quietSettings = map[string]bool{settingCollation: true, settingLastBackup: true}

// recordHistory is false only in the benchmark that measures what
// recording costs (BenchmarkHistoryCost).
var recordHistory = true

// dbRow is one row read back: column name to value (int64, float64,
// string, []byte or nil).
type dbRow map[string]any

// writeTx is a transaction through the one write path.
type writeTx struct {
	ctx context.Context
	tx  *sql.Tx
	// now is the register's clock (Store.Now), which stamps the history
	// and the recycle bin.
	now func() time.Time
	// stmts keeps the statements of the write path prepared for the
	// transaction: a batch admission runs the same few for every person.
	stmts map[string]*sql.Stmt
	// pending holds the history lines of the transaction, written a
	// hundred to a statement just before it commits.
	pending []any
	// trashMax is the highest id the recycle bin keeps, by kind, read once.
	trashMax map[domain.TrashKind]int64
	// cols caches each table's columns for restores.
	cols map[string][]string
}

// stamp is the register's clock's time as the register writes it (UTC,
// to the millisecond, as parseStamp reads it).
func (w *writeTx) stamp() string { return w.now().UTC().Format(stampLayout) }

// prepared returns q prepared in the transaction, once.
func (w *writeTx) prepared(q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, q)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[q] = st
	return st, nil
}

// write runs fn in one transaction through the write path.
func (s *Store) write(ctx context.Context, fn func(*writeTx) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		w := &writeTx{ctx: ctx, tx: tx, now: s.Now}
		if err := fn(w); err != nil {
			return err
		}
		return w.flush()
	})
}

// QueryRowContext reads inside the transaction.
func (w *writeTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return w.tx.QueryRowContext(ctx, q, args...)
}

// QueryContext reads inside the transaction.
func (w *writeTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return w.tx.QueryContext(ctx, q, args...)
}

// execFunc runs one statement inside track.
type execFunc func(stmt string, args ...any) (sql.Result, error)

// track runs fn, whose statements write only rows of table picked by
// where (with args), and records every row that fn inserted, changed or
// deleted.
func (w *writeTx) track(table, where string, args []any, fn func(exec execFunc) error) error {
	if !recordHistory {
		return fn(w.raw)
	}
	before, err := w.snapshot(table, where, args)
	if err != nil {
		return err
	}
	if err := fn(w.raw); err != nil {
		return err
	}
	after, err := w.snapshot(table, where, args)
	if err != nil {
		return err
	}
	return w.record(table, before, after)
}

// exec runs one statement that writes the rows of table picked by where
// and records them.
func (w *writeTx) exec(table, where string, whereArgs []any, stmt string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := w.track(table, where, whereArgs, func(exec execFunc) error {
		var err error
		res, err = exec(stmt, args...)
		return err
	})
	return res, err
}

// insert runs an INSERT of one row into a table keyed by an integer id,
// records it and returns its id. (The row is read back by its id: INSERT
// … RETURNING would make SQLite keep a statement journal, which costs
// more than the read.) A new person, branch, club or group never takes the
// id of one waiting in the recycle bin, so that the history of an id is
// one record's and a restore finds its id free.
func (w *writeTx) insert(table, stmt string, args ...any) (int64, error) {
	res, err := w.raw(stmt, args...)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if kind, ok := trashKindOf[table]; ok {
		if id, err = w.avoidTrashedID(table, kind, id); err != nil {
			return 0, err
		}
	}
	if !recordHistory {
		return id, nil
	}
	after, err := w.snapshot(table, "rowid = ?", []any{id})
	if err != nil {
		return 0, err
	}
	return id, w.record(table, nil, after)
}

// avoidTrashedID moves a row just inserted (no other row refers to it
// yet) past the ids kept in the recycle bin when it took one of them.
func (w *writeTx) avoidTrashedID(table string, kind domain.TrashKind, id int64) (int64, error) {
	if w.trashMax == nil {
		w.trashMax = map[domain.TrashKind]int64{}
	}
	max, ok := w.trashMax[kind]
	if !ok {
		if err := w.tx.QueryRowContext(w.ctx, `SELECT COALESCE(max(item_id), 0) FROM trash WHERE kind = ?`, string(kind)).Scan(&max); err != nil {
			return 0, fmt.Errorf("đọc thùng rác: %w", err)
		}
		w.trashMax[kind] = max
	}
	if id > max {
		return id, nil
	}
	var held int
	if err := w.tx.QueryRowContext(w.ctx, `SELECT count(*) FROM trash WHERE kind = ? AND item_id = ?`, string(kind), id).Scan(&held); err != nil {
		return 0, fmt.Errorf("đọc thùng rác: %w", err)
	}
	if held == 0 {
		return id, nil
	}
	var next int64
	if err := w.tx.QueryRowContext(w.ctx, `SELECT max(COALESCE((SELECT max(id) FROM `+table+`), 0), ?) + 1`, max).Scan(&next); err != nil {
		return 0, fmt.Errorf("chọn mã mới: %w", err)
	}
	if _, err := w.raw(`UPDATE `+table+` SET id = ? WHERE id = ?`, next, id); err != nil {
		return 0, fmt.Errorf("chọn mã mới: %w", err)
	}
	return next, nil
}

// derived runs a statement that only recomputes derived data (the search
// index, the status, order keys): nothing to record.
func (w *writeTx) derived(stmt string, args ...any) error {
	_, err := w.raw(stmt, args...)
	return err
}

// raw runs a statement unrecorded: only for track, and for the recycle
// bin's moves, which record one summary line each.
func (w *writeTx) raw(stmt string, args ...any) (sql.Result, error) {
	st, err := w.prepared(stmt)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// snapshot reads the rows of table picked by where, in key order.
func (w *writeTx) snapshot(table, where string, args []any) ([]dbRow, error) {
	keys, ok := tableKeys[table]
	if !ok {
		return nil, fmt.Errorf("bảng %s không có trong lược đồ", table)
	}
	st, err := w.prepared(`SELECT * FROM ` + table + ` WHERE ` + where + ` ORDER BY ` + strings.Join(keys, ", "))
	if err != nil {
		return nil, fmt.Errorf("đọc %s: %w", table, err)
	}
	rows, err := st.QueryContext(w.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("đọc %s: %w", table, err)
	}
	out, err := scanRows(rows)
	if err != nil {
		return nil, fmt.Errorf("đọc %s: %w", table, err)
	}
	return out, nil
}

// scanRows reads every row of rows by column name, and closes them.
func scanRows(rows *sql.Rows) ([]dbRow, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []dbRow
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		r := make(dbRow, len(cols))
		for i, c := range cols {
			r[c] = vals[i]
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// rowKey is a row's key as history shows it: "12", or "12/2024".
func rowKey(table string, r dbRow) string {
	parts := make([]string, 0, 2)
	for _, k := range tableKeys[table] {
		parts = append(parts, fmt.Sprint(r[k]))
	}
	return strings.Join(parts, "/")
}

// personOf is the person a row is about, for a person's history.
func personOf(table string, r dbRow) any {
	if table == "people" {
		return r["id"]
	}
	return r["person_id"]
}

func sameValue(a, b any) bool {
	if ab, ok := a.([]byte); ok {
		bb, ok := b.([]byte)
		return ok && bytes.Equal(ab, bb)
	}
	if _, ok := b.([]byte); ok {
		return false
	}
	return a == b
}

// record writes the history of what changed between two snapshots.
func (w *writeTx) record(table string, before, after []dbRow) error {
	if table == "settings" {
		before, after = loudSettings(before), loudSettings(after)
	}
	old := make(map[string]dbRow, len(before))
	for _, r := range before {
		old[rowKey(table, r)] = r
	}
	seen := make(map[string]bool, len(after))
	for _, r := range after {
		k := rowKey(table, r)
		seen[k] = true
		b, had := old[k]
		if !had {
			if err := w.log("insert", table, k, personOf(table, r), nil, userColumns(r), ""); err != nil {
				return err
			}
			continue
		}
		bc, ac := dbRow{}, dbRow{}
		for c, v := range r {
			if !derivedColumns[c] && !sameValue(b[c], v) {
				bc[c], ac[c] = b[c], v
			}
		}
		if len(ac) > 0 {
			if err := w.log("update", table, k, personOf(table, r), bc, ac, ""); err != nil {
				return err
			}
		}
	}
	for _, r := range before {
		if k := rowKey(table, r); !seen[k] {
			if err := w.log("delete", table, k, personOf(table, r), userColumns(r), nil, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

func loudSettings(rs []dbRow) []dbRow {
	out := rs[:0:0]
	for _, r := range rs {
		if k, _ := r["key"].(string); !quietSettings[k] {
			out = append(out, r)
		}
	}
	return out
}

// userColumns is a row without its derived columns and empty (or zero)
// values: what a new or deleted row held.
func userColumns(r dbRow) dbRow {
	out := dbRow{}
	for c, v := range r {
		if derivedColumns[c] || v == nil || v == "" || v == int64(0) {
			continue
		}
		if _, blob := v.([]byte); blob {
			continue
		}
		out[c] = v
	}
	return out
}

// log queues one history line; flush writes the queue.
func (w *writeTx) log(action, table, key string, person any, before, after dbRow, note string) error {
	b, err := rowJSON(before)
	if err != nil {
		return fmt.Errorf("ghi lịch sử: %w", err)
	}
	a, err := rowJSON(after)
	if err != nil {
		return fmt.Errorf("ghi lịch sử: %w", err)
	}
	return w.logJSON(action, table, key, person, string(b), string(a), note)
}

// logJSON queues a history line whose rows are already JSON.
func (w *writeTx) logJSON(action, table, key string, person any, before, after, note string) error {
	w.pending = append(w.pending, action, table, key, person, before, after, note)
	if len(w.pending) >= historyBatch*historyCols {
		return w.flush()
	}
	return nil
}

const (
	historyCols  = 7
	historyBatch = 100
)

// flush writes the queued history lines, a hundred to a statement, each
// stamped with the register's clock when its statement runs (as the
// column's default, SQLite's own clock, did).
func (w *writeTx) flush() error {
	for len(w.pending) > 0 {
		n := min(len(w.pending)/historyCols, historyBatch)
		q := `INSERT INTO history(at, action, entity, row_key, person_id, before, after, note) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?,?,?),", n), ",")
		at := w.stamp()
		args := make([]any, 0, n*(historyCols+1))
		for line := range n {
			args = append(args, at)
			args = append(args, w.pending[line*historyCols:(line+1)*historyCols]...)
		}
		if _, err := w.raw(q, args...); err != nil {
			return fmt.Errorf("ghi lịch sử: %w", err)
		}
		w.pending = w.pending[n*historyCols:]
	}
	w.pending = nil
	return nil
}
