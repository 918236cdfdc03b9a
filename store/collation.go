package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// settingCollation records which collation tables wrote the stored sort
// keys. Lists are ordered by those keys, so keys written by another
// version of golang.org/x/text would interleave wrongly with new ones.
const settingCollation = "collation.fingerprint"

// refreshSortKeys rebuilds every stored sort key when the collation tables
// differ from those that wrote them (a new build of Sổ Đoàn), in one
// transaction, so that lists keep the Vietnamese order.
func (s *Store) refreshSortKeys(ctx context.Context) error {
	s.collMu.Lock()
	want := s.coll.Fingerprint()
	s.collMu.Unlock()
	have, err := s.Setting(ctx, settingCollation)
	if err != nil {
		return err
	}
	if have == want {
		return nil
	}
	return s.write(ctx, func(tx *writeTx) error {
		k := domain.NewSortKeyer() // private to this transaction
		type row struct {
			id  int64
			key []byte
		}
		var people []row
		rows, err := tx.QueryContext(ctx, `SELECT id, family_name, middle_name, given_name FROM people`)
		if err != nil {
			return fmt.Errorf("đọc tên để sắp xếp lại: %w", err)
		}
		for rows.Next() {
			var id int64
			var f, m, g string
			if err := rows.Scan(&id, &f, &m, &g); err != nil {
				rows.Close()
				return fmt.Errorf("đọc tên để sắp xếp lại: %w", err)
			}
			people = append(people, row{id, k.NameKey(f, m, g)})
		}
		rows.Close()
		for _, p := range people {
			if err := tx.Derived(`UPDATE people SET sort_key = ? WHERE id = ?`, p.key, p.id); err != nil {
				return fmt.Errorf("sắp xếp lại: %w", err)
			}
		}
		var branches []row
		rows, err = tx.QueryContext(ctx, `SELECT id, name FROM branches`)
		if err != nil {
			return fmt.Errorf("đọc chi đoàn để sắp xếp lại: %w", err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return fmt.Errorf("đọc chi đoàn để sắp xếp lại: %w", err)
			}
			branches = append(branches, row{id, k.TextKey(name)})
		}
		rows.Close()
		for _, b := range branches {
			if err := tx.Derived(`UPDATE branches SET sort_key = ? WHERE id = ?`, b.key, b.id); err != nil {
				return fmt.Errorf("sắp xếp lại chi đoàn: %w", err)
			}
		}
		return setSetting(ctx, tx, settingCollation, want)
	})
}

func (s *Store) nameKey(family, middle, given string) []byte {
	s.collMu.Lock()
	defer s.collMu.Unlock()
	return s.coll.NameKey(family, middle, given)
}

func (s *Store) textKey(t string) []byte {
	s.collMu.Lock()
	defer s.collMu.Unlock()
	return s.coll.TextKey(t)
}
