package store

import (
	"context"
	"database/sql"
	"fmt"

	"sodoan/domain"
)

// seed writes what a new register starts with: the checklist and the
// default plan.
func seed(ctx context.Context, tx *sql.Tx) error {
	for i, c := range domain.DefaultCriteria {
		if _, err := tx.ExecContext(ctx, `INSERT INTO criteria(code, text, ord) VALUES (?, ?, ?)`,
			fmt.Sprint(i+1), domain.Clean(c), i+1); err != nil {
			return fmt.Errorf("ghi tiêu chí: %w", err)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO plans(number, title, start_year, end_year, current) VALUES (?, ?, ?, ?, 1)`,
		"25-KH/ĐTN", domain.Clean("Đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn TNCS Hồ Chí Minh các cấp, giai đoạn 2018 - 2022"), 2018, 2022)
	if err != nil {
		return fmt.Errorf("ghi kế hoạch: %w", err)
	}
	planID, _ := res.LastInsertId()
	for i, in := range domain.DefaultPlanIndicators {
		if _, err := tx.ExecContext(ctx, `INSERT INTO indicators(plan_id, code, section, title, kind, metric, target, period, ord) VALUES (?,?,?,?,?,?,?,?,?)`,
			planID, in.Code, in.Section, domain.Clean(in.Title), string(in.Kind), in.Metric, in.Target, in.Period, i+1); err != nil {
			return fmt.Errorf("ghi chỉ tiêu %s: %w", in.Code, err)
		}
	}
	return nil
}
