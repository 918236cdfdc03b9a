package store

import (
	"context"
)

// SaveCriteria writes several items of the standard-branch checklist (new
// ones with ID 0) in one transaction, after checking every one: a
// *ValidationError names each broken rule by its 1-based row, and then
// nothing is written. Criteria not in list are left as they are; retire
// one with Active false, which keeps the years it was assessed in.
func (s *Store) SaveCriteria(ctx context.Context, list []Criterion) error {
	c := &checker{}
	for i := range list {
		cr := &list[i]
		cr.Code, cr.Text = Clean(cr.Code), Clean(cr.Text)
		c.row = i + 1
		c.text("Code", "Mã tiêu chí", cr.Code, ruleCode)
		c.text("Text", "Nội dung tiêu chí", cr.Text, ruleTitle)
		if cr.Text == "" {
			c.add("Text", "Nội dung tiêu chí", "không được để trống")
		}
		if cr.Order < 0 {
			c.add("Order", "Thứ tự", "không được âm")
		}
	}
	if err := c.err(); err != nil {
		return err
	}
	year := Today().Year()
	return s.write(ctx, func(tx *writeTx) error {
		for i := range list {
			if err := writeCriterion(ctx, tx, &list[i], year); err != nil {
				return err
			}
		}
		return nil
	})
}
