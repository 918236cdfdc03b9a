package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// A document Sổ Đoàn writes is entered in the register only together with
// its file: the number is chosen first (PlanNumber), the PDF written, and
// then RecordDocument enters both at once. Regenerating the same document
// (same key, type and year) finds its entry and keeps its number.

// IssuedDocument is the register's entry for the document named key
// ("annual:2025", "members:all" …) of the type in the year; ok is false
// when it was never issued.
func (s *Store) IssuedDocument(ctx context.Context, year int, docType, key string) (d domain.Document, ok bool, err error) {
	d.Key = key
	err = s.db.QueryRowContext(ctx, `SELECT id, year, type, number, title, issued, file FROM documents
		WHERE doc_key = ? AND year = ? AND type = ? ORDER BY id DESC LIMIT 1`, key, year, docType).
		Scan(&d.ID, &d.Year, &d.Type, &d.Number, &d.Title, (*sqlDate)(&d.Issued), &d.File)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Document{Key: key}, false, nil
	}
	if err != nil {
		return domain.Document{}, false, fmt.Errorf("đọc sổ văn bản đi: %w", err)
	}
	return d, true, nil
}

// RecordDocument enters a written document with its file, or, for an
// entry found by IssuedDocument (ID set), records the new file, date and
// title under the same number. A new entry keeps the Number chosen (0:
// the next of its type and year), unless another document took it.
func (s *Store) RecordDocument(ctx context.Context, d *domain.Document) error {
	d.Type, d.Title = domain.Clean(d.Type), domain.Clean(d.Title)
	if d.Issued.IsZero() {
		d.Issued = s.Today()
	}
	if d.File == "" {
		return fmt.Errorf("văn bản %s: chưa có tệp, không ghi vào sổ văn bản đi", d.Title)
	}
	if d.ID != 0 {
		err := s.write(ctx, func(tx *writeTx) error {
			_, err := tx.Change("documents", "id = ?", []any{d.ID}, `UPDATE documents SET title = ?, issued = ?, file = ? WHERE id = ?`, d.Title, sqlDate(d.Issued), d.File, d.ID)
			return err
		})
		if err != nil {
			return fmt.Errorf("ghi sổ văn bản đi: %w", err)
		}
		return nil
	}
	return s.IssueDocument(ctx, d)
}

// DocumentNumberTaken reports whether a number of the type and year is
// already held, and by which document.
func (s *Store) DocumentNumberTaken(ctx context.Context, year int, docType string, number int) (title string, taken bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT title FROM documents WHERE year = ? AND type = ? AND number = ?`, year, docType, number).Scan(&title)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("kiểm tra số văn bản: %w", err)
	}
	return title, true, nil
}
