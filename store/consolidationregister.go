package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sodoan/domain"
)

// The settings that say what a register is: its identity (set by
// migration 4 in every register) and its kind ("" for a ward's register,
// registerConsolidation for an upper level's).
const (
	settingRegisterID     = "register.id"
	settingRegisterKind   = "register.kind"
	registerConsolidation = "consolidation"
)

// ErrConsolidation is wrapped by the refusal of a ward's operation (a
// member's record, a demo ward, a package export) on a consolidation
// register.
var ErrConsolidation = errors.New("đây là sổ tổng hợp của cấp trên, không phải sổ của một phường")

// ErrNotConsolidation is wrapped by the refusal of an upper level's
// operation (importing a ward's package) on a ward's register.
var ErrNotConsolidation = errors.New("đây là sổ của một phường, không phải sổ tổng hợp của cấp trên")

// RegisterID is the register's identity: a random hex string made when
// the register was created (or brought to schema 4), carried by its
// packages and kept by its backups.
func (s *Store) RegisterID(ctx context.Context) (string, error) {
	id, err := s.Setting(ctx, settingRegisterID)
	if err == nil && id == "" {
		err = fmt.Errorf("sổ %s không có mã sổ (register.id)", s.path)
	}
	return id, err
}

// IsConsolidation reports whether the register is an upper level's
// consolidation register.
func (s *Store) IsConsolidation(ctx context.Context) (bool, error) {
	k, err := s.Setting(ctx, settingRegisterKind)
	return k == registerConsolidation, err
}

// RefuseConsolidation returns an error wrapping ErrConsolidation when the
// register is a consolidation register: what (e.g. "ghi đoàn viên") names
// the refused operation.
func (s *Store) RefuseConsolidation(ctx context.Context, what string) error {
	c, err := s.IsConsolidation(ctx)
	if err != nil {
		return err
	}
	if c {
		return fmt.Errorf("không thể %s: %w", what, ErrConsolidation)
	}
	return nil
}

// MakeConsolidation turns a new, empty register into an upper level's
// consolidation register issuing as u (the names are optional here: a
// unit name given is kept in capitals; the issuer code defaults to TĐTN,
// a province or city Union's). A register holding a ward's people is
// refused.
func (s *Store) MakeConsolidation(ctx context.Context, u domain.Unit) error {
	return s.write(ctx, func(tx *writeTx) error {
		var people, branches int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM branches)`).Scan(&people, &branches); err != nil {
			return fmt.Errorf("kiểm tra sổ: %w", err)
		}
		if people > 0 || branches > 0 {
			return fmt.Errorf("sổ %s đã có dữ liệu của một phường (%d người, %d chi đoàn): sổ tổng hợp phải là một tệp mới", s.path, people, branches)
		}
		if err := setSetting(ctx, tx, settingRegisterKind, registerConsolidation); err != nil {
			return err
		}
		domain.CleanUnit(&u)
		if u.IssuerCode == "" {
			u.IssuerCode = "TĐTN"
		}
		for _, k := range unitKeys {
			if v := *k.field(&u); v != "" {
				if err := setSetting(ctx, tx, k.key, v); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// WardsDir is the folder beside a consolidation register that holds its
// wards' snapshots: "tinh-doan.db" keeps them in "tinh-doan-phuong".
func (s *Store) WardsDir() string {
	base := strings.TrimSuffix(s.path, filepath.Ext(s.path))
	return base + "-phuong"
}

// WardPath is where the ward's snapshot lies in wardsDir.
func WardPath(wardsDir string, w domain.Ward) string {
	return filepath.Join(wardsDir, filepath.Base(w.File))
}

const wardColumns = `register_id, unit, upper_body, made, schema, file, imported, members`

func scanWard(r rowScanner, w *domain.Ward) error {
	var made, imported string
	if err := r.Scan(&w.RegisterID, &w.Unit, &w.UpperBody, &made, &w.Schema, &w.File, &imported, &w.Members); err != nil {
		return err
	}
	w.Made, _ = time.Parse(time.RFC3339Nano, made)
	w.Imported, _ = time.Parse(time.RFC3339Nano, imported)
	return nil
}

// Wards lists the wards of a consolidation register in Vietnamese order
// of their unit names.
func (s *Store) Wards(ctx context.Context) ([]domain.Ward, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+wardColumns+` FROM wards`)
	if err != nil {
		return nil, fmt.Errorf("đọc danh sách phường: %w", err)
	}
	defer rows.Close()
	var out []domain.Ward
	var keys [][]byte
	for rows.Next() {
		var w domain.Ward
		if err := scanWard(rows, &w); err != nil {
			return nil, fmt.Errorf("đọc danh sách phường: %w", err)
		}
		out = append(out, w)
		keys = append(keys, s.textKey(w.Unit))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc danh sách phường: %w", err)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return bytes.Compare(keys[idx[a]], keys[idx[b]]) < 0 })
	sorted := make([]domain.Ward, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted, nil
}

// CheckWard says whether a package of the ward w (its identity, unit and
// making time) may be imported: a package older than, or as old as, the
// one held is refused, and so is a package whose identity or unit name
// matches a ward held under another unit name or identity (a register
// copied from another ward's, or a ward that started a new register:
// forget the old one first). It returns the ward held, if any.
func (s *Store) CheckWard(ctx context.Context, w domain.Ward) (old domain.Ward, had bool, err error) {
	return checkWard(ctx, s.db, w)
}

func checkWard(ctx context.Context, q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}, w domain.Ward) (old domain.Ward, had bool, err error) {
	rows, err := q.QueryContext(ctx, `SELECT `+wardColumns+` FROM wards`)
	if err != nil {
		return old, false, fmt.Errorf("đọc danh sách phường: %w", err)
	}
	defer rows.Close()
	name := domain.Fold(w.Unit)
	for rows.Next() {
		var o domain.Ward
		if err := scanWard(rows, &o); err != nil {
			return old, false, fmt.Errorf("đọc danh sách phường: %w", err)
		}
		sameID, sameName := o.RegisterID == w.RegisterID, domain.Fold(o.Unit) == name
		switch {
		case sameID && !sameName:
			return o, true, fmt.Errorf("gói của %q mang mã sổ của %q đã nhập (sổ chép từ sổ của phường khác, hoặc phường đã đổi tên): không nhập; nếu đúng là phường đổi tên, hãy xóa %q khỏi sổ tổng hợp rồi nhập lại", w.Unit, o.Unit, o.Unit)
		case sameName && !sameID:
			return o, true, fmt.Errorf("đã có %q từ một sổ khác (mã %s, gói này mã %s): không nhập; nếu phường đã lập sổ mới, hãy xóa %q khỏi sổ tổng hợp rồi nhập lại", o.Unit, short(o.RegisterID), short(w.RegisterID), o.Unit)
		case sameID && !w.Made.After(o.Made):
			if w.Made.Equal(o.Made) {
				return o, true, fmt.Errorf("gói của %s lập lúc %s đã được nhập rồi: không có gì thay đổi", w.Unit, domain.FormatTime(w.Made))
			}
			return o, true, fmt.Errorf("gói của %s lập lúc %s cũ hơn gói đã nhập (lập lúc %s): không nhập", w.Unit, domain.FormatTime(w.Made), domain.FormatTime(o.Made))
		case sameID:
			old, had = o, true
		}
	}
	return old, had, rows.Err()
}

func short(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

// RecordWard enters the ward's package in a consolidation register,
// replacing the ward's older one, after the checks of CheckWard (made
// again inside the transaction). It returns the ward it replaced, whose
// snapshot the caller removes.
func (s *Store) RecordWard(ctx context.Context, w domain.Ward) (old domain.Ward, had bool, err error) {
	if c, err := s.IsConsolidation(ctx); err != nil {
		return old, false, err
	} else if !c {
		return old, false, fmt.Errorf("không nhập được gói của phường: %w", ErrNotConsolidation)
	}
	if w.RegisterID == "" || w.File == "" || w.Made.IsZero() {
		return old, false, fmt.Errorf("gói của phường thiếu mã sổ, tệp hoặc thời điểm lập")
	}
	err = s.write(ctx, func(tx *writeTx) error {
		var err error
		if old, had, err = checkWard(ctx, tx, w); err != nil {
			return err
		}
		_, err = tx.Change("wards", "register_id = ?", []any{w.RegisterID}, `INSERT INTO wards(`+wardColumns+`) VALUES (?,?,?,?,?,?,?,?)
			ON CONFLICT(register_id) DO UPDATE SET unit = excluded.unit, upper_body = excluded.upper_body, made = excluded.made,
			schema = excluded.schema, file = excluded.file, imported = excluded.imported, members = excluded.members`,
			w.RegisterID, domain.Clean(w.Unit), domain.Clean(w.UpperBody), w.Made.UTC().Format(time.RFC3339Nano), w.Schema, w.File,
			w.Imported.UTC().Format(time.RFC3339Nano), w.Members)
		if err != nil {
			return fmt.Errorf("ghi phường %s: %w", w.Unit, err)
		}
		return nil
	})
	return old, had, err
}

// ForgetWard removes a ward (by identity or unit name) from a
// consolidation register and returns it; the caller removes its snapshot.
func (s *Store) ForgetWard(ctx context.Context, idOrName string) (domain.Ward, error) {
	wards, err := s.Wards(ctx)
	if err != nil {
		return domain.Ward{}, err
	}
	for _, w := range wards {
		if w.RegisterID == idOrName || domain.Fold(w.Unit) == domain.Fold(idOrName) {
			err := s.write(ctx, func(tx *writeTx) error {
				_, err := tx.Change("wards", "register_id = ?", []any{w.RegisterID}, `DELETE FROM wards WHERE register_id = ?`, w.RegisterID)
				return err
			})
			if err != nil {
				return domain.Ward{}, fmt.Errorf("xóa phường %s: %w", w.Unit, err)
			}
			return w, nil
		}
	}
	return domain.Ward{}, fmt.Errorf("sổ tổng hợp không có phường %q: %w", idOrName, ErrNotFound)
}

// consolidationSigner is the signer of an upper level's documents (cons
// true on a consolidation register): it keeps no people, so the names
// come from its unit settings.
func (s *Store) consolidationSigner(ctx context.Context, deputy bool) (name string, cons bool) {
	if c, err := s.IsConsolidation(ctx); err != nil || !c {
		return "", false
	}
	u, err := s.Unit(ctx)
	if err != nil {
		return "", true
	}
	if deputy {
		return u.DeputyName, true
	}
	return u.SecretaryName, true
}
