package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// Trainings lists a person's trainings in youth work, latest first.
func (s *Store) Trainings(ctx context.Context, personID int64) ([]domain.Training, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, person_id, date, course, organiser FROM trainings
		WHERE person_id = ? ORDER BY date DESC, id DESC`, personID)
	if err != nil {
		return nil, fmt.Errorf("đọc tập huấn: %w", err)
	}
	defer rows.Close()
	var out []domain.Training
	for rows.Next() {
		var t domain.Training
		if err := rows.Scan(&t.ID, &t.PersonID, (*sqlDate)(&t.Date), &t.Course, &t.Organiser); err != nil {
			return nil, fmt.Errorf("đọc tập huấn: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// SaveTraining records a training (a new one when its ID is 0).
func (s *Store) SaveTraining(ctx context.Context, t *domain.Training) error {
	if err := domain.CheckTraining(t, s.Today()).Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE id = ?`, t.PersonID).Scan(&n); err != nil {
			return fmt.Errorf("đọc người: %w", err)
		}
		if n == 0 {
			c := &domain.Checker{}
			c.Add("PersonID", "Người", "mã %d không có trong sổ", t.PersonID)
			return c.Err()
		}
		if t.ID == 0 {
			id, err := tx.Insert("trainings", `INSERT INTO trainings(person_id, date, course, organiser) VALUES (?,?,?,?)`,
				t.PersonID, sqlDate(t.Date), t.Course, t.Organiser)
			if err != nil {
				return fmt.Errorf("ghi tập huấn: %w", err)
			}
			t.ID = id
			return nil
		}
		if _, err := tx.Change("trainings", "id = ?", []any{t.ID}, `UPDATE trainings SET date=?, course=?, organiser=? WHERE id=?`,
			sqlDate(t.Date), t.Course, t.Organiser, t.ID); err != nil {
			return fmt.Errorf("sửa tập huấn: %w", err)
		}
		return nil
	})
}

// DeleteTraining removes a training entered by mistake.
func (s *Store) DeleteTraining(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		res, err := tx.Change("trainings", "id = ?", []any{id}, `DELETE FROM trainings WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("xóa tập huấn: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			c := &domain.Checker{}
			c.Add("ID", "Tập huấn", "mã %d không có trong sổ", id)
			return c.Err()
		}
		return nil
	})
}
