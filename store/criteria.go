package store

import (
	"context"

	"sodoan/domain"
)

// SaveCriteria writes several items of the standard-branch checklist (new
// ones with ID 0) in one transaction, after checking every one: a
// *ValidationError names each broken rule by its 1-based row, and then
// nothing is written. Criteria not in list are left as they are; retire
// one with Active false, which keeps the years it was assessed in.
func (s *Store) SaveCriteria(ctx context.Context, list []domain.Criterion) error {
	for i := range list {
		list[i].Code, list[i].Text = domain.Clean(list[i].Code), domain.Clean(list[i].Text)
	}
	if err := domain.CheckCriteria(list); err != nil {
		return err
	}
	year := s.Today().Year()
	return s.write(ctx, func(tx *writeTx) error {
		for i := range list {
			if err := writeCriterion(ctx, tx, &list[i], year); err != nil {
				return err
			}
		}
		return nil
	})
}
