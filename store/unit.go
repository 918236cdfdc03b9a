package store

import (
	"context"
	"database/sql"
	"fmt"

	"sodoan/domain"
)

var unitKeys = []struct {
	key   string
	field func(*domain.Unit) *string
}{
	{"unit.upper_body", func(u *domain.Unit) *string { return &u.UpperBody }},
	{"unit.name", func(u *domain.Unit) *string { return &u.Name }},
	{"unit.place", func(u *domain.Unit) *string { return &u.Place }},
	{"unit.issuer_code", func(u *domain.Unit) *string { return &u.IssuerCode }},
	{"unit.secretary", func(u *domain.Unit) *string { return &u.SecretaryName }},
	{"unit.deputy", func(u *domain.Unit) *string { return &u.DeputyName }},
}

// Unit reads the unit settings; unset ones are empty, except the issuer
// code, which defaults to ĐTN (a ward Union's).
func (s *Store) Unit(ctx context.Context) (domain.Unit, error) {
	var u domain.Unit
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings WHERE key LIKE 'unit.%'`)
	if err != nil {
		return u, fmt.Errorf("đọc thông tin đơn vị: %w", err)
	}
	defer rows.Close()
	vals := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return u, fmt.Errorf("đọc thông tin đơn vị: %w", err)
		}
		vals[k] = v
	}
	for _, k := range unitKeys {
		*k.field(&u) = vals[k.key]
	}
	if u.IssuerCode == "" {
		u.IssuerCode = "ĐTN"
	}
	return u, rows.Err()
}

// HasUnit reports whether the unit's names were entered (the first-start
// welcome is done).
func (s *Store) HasUnit(ctx context.Context) (bool, error) { return hasUnit(ctx, s.db) }

// rowQuerier is what *sql.DB and *sql.Tx share for one-row reads.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func hasUnit(ctx context.Context, q rowQuerier) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM settings WHERE key = 'unit.name' AND value <> ''`).Scan(&n); err != nil {
		return false, fmt.Errorf("đọc thông tin đơn vị: %w", err)
	}
	return n > 0, nil
}

// SaveUnit validates and writes the unit settings. Header names are kept
// in capitals, as documents print them.
func (s *Store) SaveUnit(ctx context.Context, u domain.Unit) error {
	c := domain.CheckUnit(&u)
	if err := c.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		for _, k := range unitKeys {
			if err := setSetting(ctx, tx, k.key, *k.field(&u)); err != nil {
				return err
			}
		}
		return nil
	})
}

func setSetting(ctx context.Context, tx *writeTx, key, value string) error {
	if _, err := tx.Change("settings", "key = ?", []any{key}, `INSERT INTO settings(key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("ghi cài đặt %s: %w", key, err)
	}
	return nil
}

// Setting reads a free-form setting ("" when unset).
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("đọc cài đặt %s: %w", key, err)
	}
	return v, nil
}

// SetSetting writes a free-form setting (e.g. the date of the last backup).
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.write(ctx, func(tx *writeTx) error { return setSetting(ctx, tx, key, value) })
}
