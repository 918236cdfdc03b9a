package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// NextDocumentNumber is the number the next document of the type would
// take in the year: one more than the highest issued, 1 in a new year.
func (s *Store) NextDocumentNumber(ctx context.Context, year int, docType string) (int, error) {
	return nextDocumentNumber(ctx, s.db, year, domain.Clean(docType))
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func nextDocumentNumber(ctx context.Context, q queryRower, year int, docType string) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM documents WHERE year = ? AND type = ?`,
		year, docType).Scan(&n); err != nil {
		return 0, fmt.Errorf("đọc số văn bản tiếp theo: %w", err)
	}
	if int64(n) > domain.DocumentNumberRange.Max {
		c := &domain.Checker{}
		c.Add("Number", "Số văn bản", "sổ văn bản đi năm %d đã dùng hết số %s (tối đa %s)", year, docType, domain.Num(domain.DocumentNumberRange.Max))
		return 0, c.Err()
	}
	return n, nil
}

// IssueDocument enters a document in the register and sets its ID, Year
// and Number. With Number 0 the next number of its type and year is taken
// (in the same transaction, so that two documents never share one); a
// number given by hand is kept if no document of that type and year has
// it already. Issued defaults to today.
func (s *Store) IssueDocument(ctx context.Context, d *domain.Document) error {
	c := domain.CheckDocument(d, s.Today())
	if err := c.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		if d.Number == 0 {
			n, err := nextDocumentNumber(ctx, tx, d.Year, d.Type)
			if err != nil {
				return err
			}
			d.Number = n
		} else {
			var other string
			err := tx.QueryRowContext(ctx, `SELECT title FROM documents WHERE year = ? AND type = ? AND number = ?`,
				d.Year, d.Type, d.Number).Scan(&other)
			if err == nil {
				return &domain.ValidationError{Errors: []domain.FieldError{{Field: "Number", Label: "Số",
					Msg: fmt.Sprintf("số %d-%s năm %d đã cấp cho văn bản %q", d.Number, d.Type, d.Year, other)}}}
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("kiểm tra số văn bản: %w", err)
			}
		}
		id, err := tx.Insert("documents", `INSERT INTO documents(year, type, number, title, issued, file, doc_key) VALUES (?,?,?,?,?,?,?)`,
			d.Year, d.Type, d.Number, d.Title, sqlDate(d.Issued), d.File, d.Key)
		if err != nil {
			return fmt.Errorf("ghi sổ văn bản đi: %w", err)
		}
		d.ID = id
		return nil
	})
}

// SetDocumentFile records where a document's PDF was saved.
func (s *Store) SetDocumentFile(ctx context.Context, id int64, file string) error {
	return s.write(ctx, func(tx *writeTx) error {
		res, err := tx.Change("documents", "id = ?", []any{id}, `UPDATE documents SET file = ? WHERE id = ?`, file, id)
		if err != nil {
			return fmt.Errorf("ghi tệp của văn bản %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("văn bản %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// DeleteDocument removes an entry, for a document whose PDF could not be
// written; its number becomes free again if it was the last.
func (s *Store) DeleteDocument(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		res, err := tx.Change("documents", "id = ?", []any{id}, `DELETE FROM documents WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("xóa văn bản %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("văn bản %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// Documents lists the register's entries of a year (0: every year), newest
// first.
func (s *Store) Documents(ctx context.Context, year int) ([]domain.Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, year, type, number, title, issued, file FROM documents
		WHERE ? = 0 OR year = ? ORDER BY year DESC, issued DESC, id DESC`, year, year)
	if err != nil {
		return nil, fmt.Errorf("đọc sổ văn bản đi: %w", err)
	}
	defer rows.Close()
	var out []domain.Document
	for rows.Next() {
		var d domain.Document
		if err := rows.Scan(&d.ID, &d.Year, &d.Type, &d.Number, &d.Title, (*sqlDate)(&d.Issued), &d.File); err != nil {
			return nil, fmt.Errorf("đọc sổ văn bản đi: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc sổ văn bản đi: %w", err)
	}
	return out, nil
}
