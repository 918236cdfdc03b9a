package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// DiscardEmpty closes a register that holds nothing yet (no person, no
// branch, no unit) and removes its files. sodoan-cli init calls it when it
// fails after creating the file (an incomplete --unit): the empty register
// left behind would make the corrected command refuse to overwrite it.
// A register holding anything is closed and kept.
func (s *Store) DiscardEmpty(ctx context.Context) error {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM branches) +
		(SELECT count(*) FROM settings WHERE key = 'unit.name' AND value <> '')`).Scan(&n)
	cerr := s.Close()
	if err != nil {
		return fmt.Errorf("đọc sổ trước khi bỏ: %w", err)
	}
	if cerr != nil {
		return fmt.Errorf("đóng sổ: %w", cerr)
	}
	if n > 0 {
		return nil
	}
	var errs []error
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(s.path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("xóa sổ trống %s: %w", s.path, err)
	}
	return nil
}
