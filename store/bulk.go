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
