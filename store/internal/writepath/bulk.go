package writepath

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"

	"sodoan/domain"
)

// bulkInsert writes rows through multi-row INSERT statements. In a bulk
// load the cost of one statement call (database/sql, binding, a VDBE run)
// outweighs SQLite's own work for a row, so rows go a hundred at a time.
// It records no history: the write path's Bulk wraps it with each row's
// line. Unexported, as is the function withoutIndexes, so that nothing
// outside the write path reaches a raw transaction through them.
type bulkInsert struct {
	ctx  context.Context
	tx   *sql.Tx
	head string
	cols int
	per  int
	full *sql.Stmt
	args []any
}

// newBulkInsert prepares the INSERT of head (INSERT INTO t(c1, …)) of
// cols columns in tx.
func newBulkInsert(ctx context.Context, tx *sql.Tx, head string, cols int) (*bulkInsert, error) {
	b := &bulkInsert{ctx: ctx, tx: tx, head: head, cols: cols, per: 100}
	stmt, err := tx.PrepareContext(ctx, b.sql(b.per))
	if err != nil {
		return nil, fmt.Errorf("chuẩn bị ghi hàng loạt: %w", err)
	}
	b.full = stmt
	b.args = make([]any, 0, cols*b.per)
	return b, nil
}

func (b *bulkInsert) sql(rows int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", b.cols), ",") + ")"
	return b.head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+",", rows), ",")
}

// Add queues one row; vals must hold one value per column.
func (b *bulkInsert) Add(vals ...any) error {
	if len(vals) != b.cols {
		return fmt.Errorf("ghi hàng loạt: %d giá trị cho %d cột", len(vals), b.cols)
	}
	b.args = append(b.args, vals...)
	if len(b.args) == cap(b.args) {
		if _, err := b.full.ExecContext(b.ctx, b.args...); err != nil {
			return fmt.Errorf("ghi hàng loạt: %w", err)
		}
		b.args = b.args[:0]
	}
	return nil
}

// Flush writes the rows still queued and releases the statement.
func (b *bulkInsert) Flush() error {
	defer b.full.Close()
	if len(b.args) == 0 {
		return nil
	}
	if _, err := b.tx.ExecContext(b.ctx, b.sql(len(b.args)/b.cols), b.args...); err != nil {
		return fmt.Errorf("ghi hàng loạt: %w", err)
	}
	b.args = b.args[:0]
	return nil
}

// withoutIndexes runs fn, a bulk load, with the indexes of tables dropped,
// and builds them again after it: SQLite sorts a table once instead of
// updating each index row by row. In the transaction of fn, so that a
// failure leaves the indexes as they were; a UNIQUE index that the rows
// break fails to build and fails the load.
func withoutIndexes(ctx context.Context, tx *sql.Tx, tables []string, fn func() error) error {
	q := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (` +
		strings.TrimSuffix(strings.Repeat("?,", len(tables)), ",") + `)`
	args := make([]any, len(tables))
	for i, t := range tables {
		args[i] = t
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("đọc chỉ mục: %w", err)
	}
	var names, indexes []string
	for rows.Next() {
		var name, ddl string
		if err := rows.Scan(&name, &ddl); err != nil {
			rows.Close()
			return fmt.Errorf("đọc chỉ mục: %w", err)
		}
		names, indexes = append(names, name), append(indexes, ddl)
	}
	rows.Close()
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+n); err != nil {
			return fmt.Errorf("tạm bỏ chỉ mục %s: %w", n, err)
		}
	}
	if err := fn(); err != nil {
		return err
	}
	for _, ddl := range indexes {
		if _, err := tx.ExecContext(ctx, ddl); err != nil {
			return fmt.Errorf("tạo lại chỉ mục: %w", err)
		}
	}
	return nil
}

// WithoutIndexes runs fn, a bulk load through the write path, with the
// indexes of tables dropped and built again after it (see the function
// withoutIndexes).
func (w *Tx) WithoutIndexes(tables []string, fn func() error) error {
	return withoutIndexes(w.ctx, w.tx, tables, fn)
}

// Bulk inserts many rows of one table through the write path, a hundred
// to a statement. A Bulk of a table of the register writes each row's
// history line with it; a derived Bulk (the search index) records none.
type Bulk struct {
	w       *Tx
	table   string
	cols    []string
	tracked bool
	ins     *bulkInsert
}

// BulkRow is one row for Bulk.Add and, for a table of the register, its
// history line: made by Bulk.Row, so that no row is written without it.
type BulkRow struct {
	vals   []any
	key    string
	person any
	after  string
}

// Bulk prepares the bulk insert of cols into table, a table of the
// register: each row added gets an "insert" line in history, as a single
// Insert would write.
func (w *Tx) Bulk(table string, cols []string) (*Bulk, error) {
	if _, ok := w.opt.Schema.Keys[table]; !ok {
		return nil, fmt.Errorf("bảng %s không có trong lược đồ", table)
	}
	return w.newBulk(table, cols, true)
}

// DerivedBulk prepares the bulk insert of cols into table, which holds
// only derived data (the search index): nothing to record. A table of the
// register is refused, so that no row of it is written without history.
func (w *Tx) DerivedBulk(table string, cols []string) (*Bulk, error) {
	if _, ok := w.opt.Schema.Keys[table]; ok {
		return nil, fmt.Errorf("bảng %s của sổ phải ghi kèm lịch sử", table)
	}
	return w.newBulk(table, cols, false)
}

func (w *Tx) newBulk(table string, cols []string, tracked bool) (*Bulk, error) {
	ins, err := newBulkInsert(w.ctx, w.tx, `INSERT INTO `+table+`(`+strings.Join(cols, ", ")+`)`, len(cols))
	if err != nil {
		return nil, err
	}
	return &Bulk{w: w, table: table, cols: cols, tracked: tracked && !w.opt.NoHistory, ins: ins}, nil
}

// Row makes the row of vals (one a column) and its history line. It
// touches nothing but what the Bulk was made with, so a caller may make
// rows on another goroutine while it adds the ones made before: in a
// large import the history's JSON costs about what SQLite's write does.
func (b *Bulk) Row(vals ...any) (BulkRow, error) {
	if len(vals) != len(b.cols) {
		return BulkRow{}, fmt.Errorf("ghi hàng loạt %s: %d giá trị cho %d cột", b.table, len(vals), len(b.cols))
	}
	r := BulkRow{vals: vals}
	if !b.tracked {
		return r, nil
	}
	s := b.w.opt.Schema
	row := dbValues(b.cols, vals)
	a, err := rowJSON(s.userColumns(row))
	if err != nil {
		return BulkRow{}, fmt.Errorf("ghi lịch sử: %w", err)
	}
	r.key, r.person, r.after = s.rowKey(b.table, row), PersonOf(b.table, row), string(a)
	return r, nil
}

// Add queues r's row and, for a table of the register, its history line.
func (b *Bulk) Add(r BulkRow) error {
	if err := b.ins.Add(r.vals...); err != nil {
		return err
	}
	if !b.tracked {
		return nil
	}
	if r.after == "" {
		return fmt.Errorf("ghi hàng loạt %s: hàng không có dòng lịch sử", b.table)
	}
	return b.w.logJSON("insert", b.table, r.key, r.person, "{}", r.after, "")
}

// Flush writes the rows still queued and releases the statement.
func (b *Bulk) Flush() error { return b.ins.Flush() }

// dbValues is a row as history keeps it: the database's own values, as
// Snapshot would read them back.
func dbValues(cols []string, args []any) Row {
	r := make(Row, len(cols))
	for i, c := range cols {
		v := args[i]
		if dv, ok := v.(driver.Valuer); ok {
			// A date as the register writes it (ISO text or NULL).
			if x, err := dv.Value(); err == nil {
				v = x
			}
		}
		switch x := v.(type) {
		case domain.Date:
			if x.IsZero() {
				v = nil
			} else {
				v = x.ISO()
			}
		case bool:
			v = int64(0)
			if x {
				v = int64(1)
			}
		case int:
			v = int64(x)
		}
		r[c] = v
	}
	return r
}
