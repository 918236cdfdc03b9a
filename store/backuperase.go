package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Backups keep what the register held the day they were made, people
// erased for good since among them, until the rotation deletes them (up to
// a year for the monthly ones). Nghị định 13/2023 lets a person ask that
// their data be erased: EraseFromBackups takes the people the register
// has erased for good out of every backup in its backups folder as well.

// ErasedFromBackups says what EraseFromBackups did.
type ErasedFromBackups struct {
	People int // people erased for good in the register
	Files  int // backups rewritten without them
}

// erasedPeople are the people the register has erased for good: each
// purge leaves one history line naming only the person's number.
func (s *Store) erasedPeople(ctx context.Context) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT person_id FROM history
		WHERE action = 'purge' AND entity = 'people' AND person_id IS NOT NULL
		AND person_id NOT IN (SELECT id FROM people) ORDER BY person_id`)
	if err != nil {
		return nil, fmt.Errorf("đọc người đã xóa vĩnh viễn: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("đọc người đã xóa vĩnh viễn: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// EraseFromBackups rewrites every backup in the register's backups folder
// without the people the register has erased for good: their rows, every
// row that names them, their history and their place in the search index,
// with the freed pages zeroed and the file compacted so that no byte of
// them stays. Each backup is rewritten in one transaction; one that
// cannot be is named in the error, the others done.
func (s *Store) EraseFromBackups(ctx context.Context) (ErasedFromBackups, error) {
	var res ErasedFromBackups
	ids, err := s.erasedPeople(ctx)
	if err != nil {
		return res, err
	}
	res.People = len(ids)
	if len(ids) == 0 {
		return res, nil
	}
	list, err := s.Backups()
	if err != nil {
		return res, err
	}
	var failed []string
	for _, b := range list {
		if b.Reason == BackupDamaged {
			continue // read by SQLite, a damaged tree could only get worse
		}
		changed, err := eraseFromFile(ctx, b.Path, ids)
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s (%v)", b.Path, err))
			continue
		}
		if changed {
			res.Files++
		}
	}
	if len(failed) > 0 {
		return res, fmt.Errorf("không xóa được khỏi %d bản sao lưu: %s", len(failed), strings.Join(failed, "; "))
	}
	return res, nil
}

// eraseFromFile deletes the people ids from the backup at path and
// compacts it; it tells whether the backup held any of them.
func eraseFromFile(ctx context.Context, path string, ids []int64) (bool, error) {
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?_pragma=secure_delete(1)&_pragma=foreign_keys(0)&_txlock=immediate")
	if err != nil {
		return false, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if problems, err := schemaProblems(ctx, db); err != nil || len(problems) > 0 {
		return false, fmt.Errorf("không phải bản sao lưu của Sổ Đoàn: %v %v", problems, err)
	}
	// Every table with a person_id column names a person: the program's
	// tables of any schema version, without a list to keep up to date.
	tables, err := personTables(ctx, db)
	if err != nil {
		return false, err
	}
	in := "(" + strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") + ")"
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var held int64
	stmts := []string{`DELETE FROM people WHERE id IN ` + in,
		`DELETE FROM trash WHERE kind = 'person' AND item_id IN ` + in,
		`DELETE FROM people_fts WHERE rowid IN ` + in}
	for _, t := range tables {
		stmts = append(stmts, `DELETE FROM "`+t+`" WHERE person_id IN `+in)
	}
	for _, q := range stmts {
		r, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return false, fmt.Errorf("%s: %w", q[:strings.Index(q, " WHERE")], err)
		}
		n, _ := r.RowsAffected()
		held += n
	}
	if held == 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO people_fts(people_fts) VALUES ('optimize')`); err != nil {
		return false, fmt.Errorf("gộp chỉ mục tìm kiếm: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	// VACUUM rewrites the file from its live rows alone.
	if _, err := db.ExecContext(ctx, "VACUUM"); err != nil {
		return true, fmt.Errorf("thu gọn: %w", err)
	}
	return true, nil
}

// personTables lists the tables of db with a person_id column.
func personTables(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'person_id' ORDER BY m.name`)
	if err != nil {
		return nil, fmt.Errorf("đọc lược đồ: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
