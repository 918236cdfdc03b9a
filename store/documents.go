package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// The outgoing-document register (sổ văn bản đi) numbers every document
// of a year in one sequence, whatever its type (12-BC, 13-GGT, 14-KH):
// numbers restart at 1 each calendar year, one sequence per issuer
// (official-layout.md). Numbers follow dates: a number is never given
// to a document dated before one that already holds a lower number, nor
// after one that holds a higher. An entry, once written, is never
// rewritten: a reissue of the same document is a version beside it.

// NextDocumentNumber is the number the next document of the year would
// take: one more than the highest issued of any type, 1 in a new year.
func (s *Store) NextDocumentNumber(ctx context.Context, year int) (int, error) {
	return nextDocumentNumber(ctx, s.db, year)
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func nextDocumentNumber(ctx context.Context, q queryRower, year int) (int, error) {
	var n int
	// A decision signed on paper and entered by hand keeps its number
	// outside the register of files: the sequence goes past it.
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM (SELECT number FROM documents WHERE year = ?1
		UNION ALL SELECT number FROM decisions WHERE year = ?1 AND document_id IS NULL)`, year).Scan(&n); err != nil {
		return 0, fmt.Errorf("đọc số văn bản tiếp theo: %w", err)
	}
	if int64(n) > domain.DocumentNumberRange.Max {
		c := &domain.Checker{}
		c.Add("Number", "Số văn bản", "sổ văn bản đi năm %d đã dùng hết số (tối đa %s)", year, domain.Num(domain.DocumentNumberRange.Max))
		return 0, c.Err()
	}
	return n, nil
}

// CheckDocumentNumber says whether number may be given in year to a
// document dated issued: it must be free (of every type) and fall between
// the dates of its neighbours. The refusal names the document in the way.
func (s *Store) CheckDocumentNumber(ctx context.Context, year, number int, issued domain.Date) error {
	return checkDocumentNumber(ctx, s.db, s.issuer(ctx), year, number, issued)
}

// issuer is the unit's issuer code for messages ("ĐTN" when unreadable:
// a message is no reason to fail).
func (s *Store) issuer(ctx context.Context) string {
	if u, err := s.Unit(ctx); err == nil && u.IssuerCode != "" {
		return u.IssuerCode
	}
	return "ĐTN"
}

func checkDocumentNumber(ctx context.Context, q queryRower, issuer string, year, number int, issued domain.Date) error {
	refuse := func(format string, args ...any) error {
		return &domain.ValidationError{Errors: []domain.FieldError{{Field: "Number", Label: "Số",
			Msg: fmt.Sprintf(format, args...), Format: format, Args: args}}}
	}
	var other domain.Document
	err := q.QueryRowContext(ctx, `SELECT type, number, title, issued FROM documents WHERE year = ? AND number = ? LIMIT 1`,
		year, number).Scan(&other.Type, &other.Number, &other.Title, (*sqlDate)(&other.Issued))
	if err == nil {
		return refuse("số %d năm %d đã cấp cho văn bản %s ngày %s (%q)", number, year, other.Symbol(issuer), other.Issued, other.Title)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("kiểm tra số văn bản: %w", err)
	}
	err = q.QueryRowContext(ctx, `SELECT date FROM decisions WHERE year = ? AND number = ? AND document_id IS NULL LIMIT 1`,
		year, number).Scan((*sqlDate)(&other.Issued))
	if err == nil {
		return refuse("số %d năm %d đã cấp cho quyết định %d-QĐ/%s ngày %s (ghi từ bản giấy)", number, year, number, issuer, other.Issued)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("kiểm tra số văn bản: %w", err)
	}
	// A lower number dated later: the new one would come after it.
	err = q.QueryRowContext(ctx, `SELECT type, number, title, issued FROM documents WHERE year = ? AND number < ? AND issued > ?
		ORDER BY issued DESC, number DESC LIMIT 1`, year, number, sqlDate(issued)).
		Scan(&other.Type, &other.Number, &other.Title, (*sqlDate)(&other.Issued))
	if err == nil {
		return refuse("văn bản ngày %s không lấy được số %d: văn bản %s đã ban hành ngày %s, muộn hơn. Số văn bản đi theo thứ tự ngày: hãy ghi ngày ban hành từ %s trở đi",
			issued, number, other.Symbol(issuer), other.Issued, other.Issued)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("kiểm tra số văn bản: %w", err)
	}
	// A higher number dated earlier: the new one would come before it.
	err = q.QueryRowContext(ctx, `SELECT type, number, title, issued FROM documents WHERE year = ? AND number > ? AND issued < ?
		ORDER BY issued, number LIMIT 1`, year, number, sqlDate(issued)).
		Scan(&other.Type, &other.Number, &other.Title, (*sqlDate)(&other.Issued))
	if err == nil {
		return refuse("văn bản ngày %s không lấy được số %d: văn bản %s đã ban hành ngày %s, sớm hơn, với số lớn hơn. Số văn bản đi theo thứ tự ngày",
			issued, number, other.Symbol(issuer), other.Issued)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("kiểm tra số văn bản: %w", err)
	}
	return nil
}

// IssueDocument enters a document in the register with its first version
// and sets its ID, Year and Number. With Number 0 the next number of the
// year is taken (in the same transaction, so that two documents never
// share one); a number given by hand is kept if it is free. Either way
// the number must follow the dates of the numbers around it. Issued
// defaults to today.
func (s *Store) IssueDocument(ctx context.Context, d *domain.Document) error {
	c := domain.CheckDocument(d, s.Today())
	if err := c.Err(); err != nil {
		return err
	}
	issuer := s.issuer(ctx)
	return s.write(ctx, func(tx *writeTx) error { return issueDocumentTx(ctx, tx, issuer, d) })
}

// issueDocumentTx is IssueDocument in tx (a decision numbers itself in
// the transaction that records what it decides).
func issueDocumentTx(ctx context.Context, tx *writeTx, issuer string, d *domain.Document) error {
	{
		if d.Number == 0 {
			n, err := nextDocumentNumber(ctx, tx, d.Year)
			if err != nil {
				return err
			}
			d.Number = n
		}
		if err := checkDocumentNumber(ctx, tx, issuer, d.Year, d.Number, d.Issued); err != nil {
			return err
		}
		id, err := tx.Insert("documents", `INSERT INTO documents(year, type, number, title, issued, file, doc_key) VALUES (?,?,?,?,?,?,?)`,
			d.Year, d.Type, d.Number, d.Title, sqlDate(d.Issued), d.File, d.Key)
		if err != nil {
			return fmt.Errorf("ghi sổ văn bản đi: %w", err)
		}
		d.ID = id
		v := domain.DocumentVersion{Issued: d.Issued, Title: d.Title, File: d.File}
		if v.ID, err = insertVersion(tx, id, v); err != nil {
			return err
		}
		d.Versions = []domain.DocumentVersion{v}
		return nil
	}
}

func insertVersion(tx *writeTx, docID int64, v domain.DocumentVersion) (int64, error) {
	id, err := tx.Insert("document_versions", `INSERT INTO document_versions(document_id, issued, title, file) VALUES (?,?,?,?)`,
		docID, sqlDate(v.Issued), v.Title, v.File)
	if err != nil {
		return 0, fmt.Errorf("ghi lần ban hành văn bản: %w", err)
	}
	return id, nil
}

// Documents lists the register's entries of a year (0: every year), the
// latest number first, each with its versions oldest first.
func (s *Store) Documents(ctx context.Context, year int) ([]domain.Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.year, d.type, d.number, d.title, d.issued, d.file, d.doc_key,
		v.id, v.issued, v.title, v.file
		FROM documents d LEFT JOIN document_versions v ON v.document_id = d.id
		WHERE ? = 0 OR d.year = ? ORDER BY d.year DESC, d.number DESC, d.id DESC, v.id`, year, year)
	if err != nil {
		return nil, fmt.Errorf("đọc sổ văn bản đi: %w", err)
	}
	defer rows.Close()
	var out []domain.Document
	for rows.Next() {
		var d domain.Document
		var vid sql.NullInt64
		var v domain.DocumentVersion
		var vtitle, vfile sql.NullString
		if err := rows.Scan(&d.ID, &d.Year, &d.Type, &d.Number, &d.Title, (*sqlDate)(&d.Issued), &d.File, &d.Key,
			&vid, (*sqlDate)(&v.Issued), &vtitle, &vfile); err != nil {
			return nil, fmt.Errorf("đọc sổ văn bản đi: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].ID != d.ID {
			out = append(out, d)
		}
		if vid.Valid {
			v.ID, v.Title, v.File = vid.Int64, vtitle.String, vfile.String
			last := &out[len(out)-1]
			last.Versions = append(last.Versions, v)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc sổ văn bản đi: %w", err)
	}
	return out, nil
}
