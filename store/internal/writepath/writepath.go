// Package writepath holds the register's one write path: Tx, a
// transaction whose every statement that changes a row of the register
// records the row in the history table, in the same transaction, and the
// bulk insert and index rebuild of large loads, which record each row's
// history line themselves.
//
// The *sql.Tx of a Tx is an unexported field: package store, which begins
// the transaction and hands it to New, cannot reach it again through a
// Tx, so code holding a Tx writes only through it: a row written by
// Change, Insert or a Bulk gets its history line, and the two statements
// that record none say so by their names (Derived, for derived data;
// Unrecorded, for the recycle bin's moves). The compiler keeps that rule;
// store's TestOneWritePath keeps the rest (that only store's schema,
// seed, demo and backup write around a Tx, and only the recycle bin uses
// Unrecorded).
//
// Only package store imports writepath: Go's internal rule keeps every
// package outside store/ from doing so, and no other package should write
// the register. writepath imports no package of the app but domain, and
// knows the register's schema only through the Schema it is given.
package writepath

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"sodoan/domain"
)

// Row is one row read back: column name to value (int64, float64,
// string, []byte or nil).
type Row map[string]any

// Schema is what the write path knows of the register's tables.
type Schema struct {
	// Keys names the primary key columns of each table of the register:
	// history identifies a row by them. A table missing from Keys cannot
	// be written through Change, Insert or a tracked Bulk.
	Keys map[string][]string
	// Derived are columns computed by the store from other columns (order
	// keys, search text, the status, timestamps): a change of them alone
	// is not a change of the register.
	Derived map[string]bool
	// QuietSettings are keys of the settings table that the store keeps
	// for itself, not the user's: history leaves them out.
	QuietSettings map[string]bool
	// TrashKinds gives, for each table whose records the recycle bin
	// keeps, their kind in the bin: Insert never gives a new row the id of
	// one waiting there.
	TrashKinds map[string]domain.TrashKind
}

// Options open a Tx.
type Options struct {
	Schema *Schema
	// Now is the register's clock, which stamps the history lines.
	Now func() time.Time
	// StampLayout is how the register writes a time (in UTC).
	StampLayout string
	// NoHistory turns recording off; only the benchmark that measures
	// what recording costs sets it.
	NoHistory bool
}

// Tx is a transaction through the one write path.
type Tx struct {
	ctx context.Context
	// tx is unexported so that no code outside this package can write
	// through it around the history.
	tx  *sql.Tx
	opt Options
	// stmts keeps the statements of the write path prepared for the
	// transaction: a batch admission runs the same few for every person.
	stmts map[string]*sql.Stmt
	// pending holds the history lines of the transaction, written a
	// hundred to a statement by Flush.
	pending []any
	// trashMax is the highest id the recycle bin keeps, by kind, read once.
	trashMax map[domain.TrashKind]int64
}

// New wraps tx, begun by the caller, which commits it after Flush.
func New(ctx context.Context, tx *sql.Tx, opt Options) *Tx {
	return &Tx{ctx: ctx, tx: tx, opt: opt}
}

// Now is the register's clock's time, for rules that read the day.
func (w *Tx) Now() time.Time { return w.opt.Now() }

// Stamp is the register's clock's time as the register writes it.
func (w *Tx) Stamp() string { return w.opt.Now().UTC().Format(w.opt.StampLayout) }

// Recording says whether history is recorded (false only in the
// benchmark of its cost), so that callers skip computing what it would
// hold.
func (w *Tx) Recording() bool { return !w.opt.NoHistory }

// prepared returns q prepared in the transaction, once.
func (w *Tx) prepared(q string) (*sql.Stmt, error) {
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

// QueryRowContext reads inside the transaction.
func (w *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return w.tx.QueryRowContext(ctx, q, args...)
}

// QueryContext reads inside the transaction.
func (w *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return w.tx.QueryContext(ctx, q, args...)
}

// ExecFunc runs one statement inside Track.
type ExecFunc func(stmt string, args ...any) (sql.Result, error)

// Track runs fn, whose statements write only rows of table picked by
// where (with args), and records every row that fn inserted, changed or
// deleted.
func (w *Tx) Track(table, where string, args []any, fn func(exec ExecFunc) error) error {
	if w.opt.NoHistory {
		return fn(w.raw)
	}
	before, err := w.Snapshot(table, where, args)
	if err != nil {
		return err
	}
	if err := fn(w.raw); err != nil {
		return err
	}
	after, err := w.Snapshot(table, where, args)
	if err != nil {
		return err
	}
	return w.record(table, before, after)
}

// Change runs one statement that writes the rows of table picked by where
// and records them.
func (w *Tx) Change(table, where string, whereArgs []any, stmt string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := w.Track(table, where, whereArgs, func(exec ExecFunc) error {
		var err error
		res, err = exec(stmt, args...)
		return err
	})
	return res, err
}

// Insert runs an INSERT of one row into a table keyed by an integer id,
// records it and returns its id. (The row is read back by its id: INSERT
// … RETURNING would make SQLite keep a statement journal, which costs
// more than the read.) A new person, branch, club or group never takes the
// id of one waiting in the recycle bin, so that the history of an id is
// one record's and a restore finds its id free.
func (w *Tx) Insert(table, stmt string, args ...any) (int64, error) {
	res, err := w.raw(stmt, args...)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if kind, ok := w.opt.Schema.TrashKinds[table]; ok {
		if id, err = w.avoidTrashedID(table, kind, id); err != nil {
			return 0, err
		}
	}
	if w.opt.NoHistory {
		return id, nil
	}
	after, err := w.Snapshot(table, "rowid = ?", []any{id})
	if err != nil {
		return 0, err
	}
	return id, w.record(table, nil, after)
}

// avoidTrashedID moves a row just inserted (no other row refers to it
// yet) past the ids kept in the recycle bin when it took one of them.
func (w *Tx) avoidTrashedID(table string, kind domain.TrashKind, id int64) (int64, error) {
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

// Derived runs a statement that only recomputes derived data (the search
// index, the status, order keys): nothing to record.
func (w *Tx) Derived(stmt string, args ...any) error {
	_, err := w.raw(stmt, args...)
	return err
}

// Unrecorded runs a statement that records no history. It is only for
// the recycle bin, whose moves (a row into the bin and out of it, a purge
// of a person's history) record one summary line each through Log instead
// of a line a row; TestOneWritePath keeps it there.
func (w *Tx) Unrecorded(stmt string, args ...any) (sql.Result, error) { return w.raw(stmt, args...) }

func (w *Tx) raw(stmt string, args ...any) (sql.Result, error) {
	st, err := w.prepared(stmt)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// Snapshot reads the rows of table picked by where, in key order.
func (w *Tx) Snapshot(table, where string, args []any) ([]Row, error) {
	keys, ok := w.opt.Schema.Keys[table]
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
func scanRows(rows *sql.Rows) ([]Row, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []Row
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		r := make(Row, len(cols))
		for i, c := range cols {
			r[c] = vals[i]
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// rowKey is a row's key as history shows it: "12", or "12/2024".
func (s *Schema) rowKey(table string, r Row) string {
	parts := make([]string, 0, 2)
	for _, k := range s.Keys[table] {
		parts = append(parts, fmt.Sprint(r[k]))
	}
	return strings.Join(parts, "/")
}

// PersonOf is the person a row is about, for a person's history.
func PersonOf(table string, r Row) any {
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
func (w *Tx) record(table string, before, after []Row) error {
	s := w.opt.Schema
	if table == "settings" {
		before, after = s.loudSettings(before), s.loudSettings(after)
	}
	old := make(map[string]Row, len(before))
	for _, r := range before {
		old[s.rowKey(table, r)] = r
	}
	seen := make(map[string]bool, len(after))
	for _, r := range after {
		k := s.rowKey(table, r)
		seen[k] = true
		b, had := old[k]
		if !had {
			if err := w.Log("insert", table, k, PersonOf(table, r), nil, s.userColumns(r), ""); err != nil {
				return err
			}
			continue
		}
		bc, ac := Row{}, Row{}
		for c, v := range r {
			if !s.Derived[c] && !sameValue(b[c], v) {
				bc[c], ac[c] = b[c], v
			}
		}
		if len(ac) > 0 {
			if err := w.Log("update", table, k, PersonOf(table, r), bc, ac, ""); err != nil {
				return err
			}
		}
	}
	for _, r := range before {
		if k := s.rowKey(table, r); !seen[k] {
			if err := w.Log("delete", table, k, PersonOf(table, r), s.userColumns(r), nil, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Schema) loudSettings(rs []Row) []Row {
	out := rs[:0:0]
	for _, r := range rs {
		if k, _ := r["key"].(string); !s.QuietSettings[k] {
			out = append(out, r)
		}
	}
	return out
}

// userColumns is a row without its derived columns and empty (or zero)
// values: what a new or deleted row held.
func (s *Schema) userColumns(r Row) Row {
	out := Row{}
	for c, v := range r {
		if s.Derived[c] || v == nil || v == "" || v == int64(0) {
			continue
		}
		if _, blob := v.([]byte); blob {
			continue
		}
		out[c] = v
	}
	return out
}

// Log queues one history line that no row's change wrote (the recycle
// bin's moves, the demo's one line); Flush writes the queue.
func (w *Tx) Log(action, table, key string, person any, before, after Row, note string) error {
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
func (w *Tx) logJSON(action, table, key string, person any, before, after, note string) error {
	w.pending = append(w.pending, action, table, key, person, before, after, note)
	if len(w.pending) >= historyBatch*historyCols {
		return w.Flush()
	}
	return nil
}

const (
	historyCols  = 7
	historyBatch = 100
)

// Flush writes the queued history lines, a hundred to a statement, each
// stamped with the register's clock when its statement runs (as the
// column's default, SQLite's own clock, did). The caller flushes before it
// commits.
func (w *Tx) Flush() error {
	for len(w.pending) > 0 {
		n := min(len(w.pending)/historyCols, historyBatch)
		q := `INSERT INTO history(at, action, entity, row_key, person_id, before, after, note) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?,?,?),", n), ",")
		at := w.Stamp()
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
