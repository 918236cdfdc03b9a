package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"sodoan/domain"
)

// A document Sổ Đoàn writes is entered in the register only together with
// its file: the number is chosen first (NextDocumentNumber,
// CheckDocumentNumber), the PDF written, and then RecordDocument enters
// both at once. Writing the same document again (the same key: its kind,
// period and cut-off) finds its entry, keeps its number and adds a
// version.

// IssuedDocument is the register's latest entry for the document named
// key among the numbers of year (0: of any year); ok is false when it was
// never issued. A number belongs to the year of its date: the same
// document dated in another year takes a number of that year.
func (s *Store) IssuedDocument(ctx context.Context, key string, year int) (d domain.Document, ok bool, err error) {
	if year == 0 {
		return s.issuedDocument(ctx, `doc_key = ?1`, key)
	}
	return s.issuedDocument(ctx, `doc_key = ?1 AND year = `+strconv.Itoa(year), key)
}

// IssuedDocumentLike is the latest entry whose key starts with prefix
// (the annual report of a year, whatever its cut-off).
func (s *Store) IssuedDocumentLike(ctx context.Context, prefix string) (d domain.Document, ok bool, err error) {
	return s.issuedDocument(ctx, `substr(doc_key, 1, length(?1)) = ?1`, prefix)
}

func (s *Store) issuedDocument(ctx context.Context, where, arg string) (d domain.Document, ok bool, err error) {
	if arg == "" {
		return domain.Document{}, false, nil // hand entries have no key
	}
	err = s.db.QueryRowContext(ctx, `SELECT id, year, type, number, title, issued, file, doc_key FROM documents
		WHERE `+where+` ORDER BY id DESC LIMIT 1`, arg).
		Scan(&d.ID, &d.Year, &d.Type, &d.Number, &d.Title, (*sqlDate)(&d.Issued), &d.File, &d.Key)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Document{}, false, nil
	}
	if err != nil {
		return domain.Document{}, false, fmt.Errorf("đọc sổ văn bản đi: %w", err)
	}
	if d.Versions, err = s.documentVersions(ctx, d.ID); err != nil {
		return domain.Document{}, false, err
	}
	return d, true, nil
}

// documentVersions lists the issues of a document, oldest first.
func (s *Store) documentVersions(ctx context.Context, id int64) ([]domain.DocumentVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, issued, title, file FROM document_versions WHERE document_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("đọc các lần ban hành văn bản %d: %w", id, err)
	}
	defer rows.Close()
	var out []domain.DocumentVersion
	for rows.Next() {
		var v domain.DocumentVersion
		if err := rows.Scan(&v.ID, (*sqlDate)(&v.Issued), &v.Title, &v.File); err != nil {
			return nil, fmt.Errorf("đọc các lần ban hành văn bản %d: %w", id, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// RecordDocument enters a written document with its file. For an entry
// found by IssuedDocument (ID set) it adds a version (the new date, title
// and file) under the same number, leaving the earlier issues as they
// were. A new entry keeps the Number chosen (0: the next of the year),
// unless another document took it meanwhile or it no longer follows the
// dates.
func (s *Store) RecordDocument(ctx context.Context, d *domain.Document) error {
	d.Type, d.Title = domain.Clean(d.Type), domain.Clean(d.Title)
	if d.Issued.IsZero() {
		d.Issued = s.Today()
	}
	if d.File == "" {
		return fmt.Errorf("văn bản %s: chưa có tệp, không ghi vào sổ văn bản đi", d.Title)
	}
	if d.ID == 0 {
		return s.IssueDocument(ctx, d)
	}
	v := domain.DocumentVersion{Issued: d.Issued, Title: d.Title, File: d.File}
	return s.write(ctx, func(tx *writeTx) error {
		var first domain.Date
		err := tx.QueryRowContext(ctx, `SELECT issued FROM documents WHERE id = ?`, d.ID).Scan((*sqlDate)(&first))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("văn bản %d: %w", d.ID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("đọc sổ văn bản đi: %w", err)
		}
		if v.Issued.Before(first) {
			return &domain.ValidationError{Errors: []domain.FieldError{{Field: "Date", Label: "Ngày ban hành",
				Msg: fmt.Sprintf("bản ban hành lại ngày %s trước ngày văn bản được cấp số (%s)", v.Issued, first)}}}
		}
		if v.ID, err = insertVersion(tx, d.ID, v); err != nil {
			return err
		}
		d.Versions = append(d.Versions, v)
		return nil
	})
}
