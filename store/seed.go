package store

import (
	"context"
	"database/sql"
	"fmt"

	"sodoan/domain"
)

// seed writes what a new register starts with: the checklist. No plan:
// a register has none until the unit enters its own (domain.PlanTemplate
// offers the upper level's targets with empty figures), so that nothing is
// judged against another body's plan.
func seed(ctx context.Context, tx *sql.Tx) error {
	for i, c := range domain.DefaultCriteria {
		if _, err := tx.ExecContext(ctx, `INSERT INTO criteria(code, text, ord) VALUES (?, ?, ?)`,
			fmt.Sprint(i+1), domain.Clean(c), i+1); err != nil {
			return fmt.Errorf("ghi tiêu chí: %w", err)
		}
	}
	return nil
}
