package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// bulkInsert writes rows through multi-row INSERT statements. In a bulk
// load the cost of one statement call (database/sql, binding, a VDBE run)
// outweighs SQLite's own work for a row, so rows go a hundred at a time.
type bulkInsert struct {
	ctx  context.Context
	tx   *sql.Tx
	head string
	cols int
	per  int
	full *sql.Stmt
	args []any
}

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

// add queues one row; vals must hold one value per column.
func (b *bulkInsert) add(vals ...any) error {
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

// flush writes the rows still queued and releases the statement.
func (b *bulkInsert) flush() error {
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
