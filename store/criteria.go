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
	for i := range list {
		list[i].Code, list[i].Text = Clean(list[i].Code), Clean(list[i].Text)
	}
	if err := CheckCriteria(list); err != nil {
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

// CheckCriteria checks items of the checklist as SaveCriteria does,
// writing nothing: a window shows every broken rule of every row at once,
// beside the fields it could read, before saving.
func CheckCriteria(list []Criterion) error {
	c := &checker{}
	for i, cr := range list {
		code, text := Clean(cr.Code), Clean(cr.Text)
		c.row = i + 1
		c.text("Code", "Mã tiêu chí", code, ruleCode)
		c.text("Text", "Nội dung tiêu chí", text, ruleTitle)
		if text == "" {
			c.add("Text", "Nội dung tiêu chí", "không được để trống")
		}
		if cr.Order < 0 {
			c.add("Order", "Thứ tự", "không được âm")
		}
		OrderRange.atMost(c, "Order", "Thứ tự", int64(cr.Order))
	}
	return c.err()
}
