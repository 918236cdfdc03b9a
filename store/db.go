// Package store keeps a ward's register (the records of package domain) in
// one SQLite file: the schema and its migrations, the queries (lists,
// search, the figures the plan's targets are measured from), the one write
// path that records history, the recycle bin, backups and restore, the lock
// that keeps one writer per register, the guard of every file written, and
// the demo ward. The rules, messages and verdicts it applies are domain's;
// the today they judge by, and the time of every stamp it writes, come
// from the clock it is opened with (OpenOptions.Now). It must not import
// ui, report, sheet or issuing, nor know of windows or PDFs.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"sodoan/domain"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SchemaVersion is the number of migrations this build knows.
var SchemaVersion = len(migrations)

// Store is an open register. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	// readOnly: opened without the right (or the wish) to write.
	readOnly bool
	// lock is held by a register opened with OpenOptions.Exclusive.
	lock *registerLock

	// The collator is not safe across goroutines: keys are computed under
	// this lock.
	collMu sync.Mutex
	coll   *domain.SortKeyer

	// damaged: opened with OpenOptions.Damaged on a register that failed
	// the quick check, until a restore replaces it.
	damaged bool

	// now is OpenOptions.Now; nil is time.Now.
	now func() time.Time
}

// Now is the register's clock (OpenOptions.Now): every stamp the register
// writes and every rule that asks what day it is read it here, so that a
// test can set the day.
func (s *Store) Now() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

// Today is the date of the register's clock (in the clock's own time
// zone: the local one for time.Now).
func (s *Store) Today() domain.Date { return domain.DateOf(s.Now()) }

// Close closes the register (and releases its lock, if it holds one).
func (s *Store) Close() error {
	var err error
	if s.db != nil {
		err = s.db.Close()
	}
	if s.lock != nil {
		s.lock.release()
		s.lock = nil
	}
	return err
}

// Path is the file the register lives in.
func (s *Store) Path() string { return s.path }

// uriPath writes a file path for a SQLite "file:" URI: the characters that
// URIs give a meaning to are escaped, so that a folder such as
// "Báo cáo #2 (50%)" opens as itself.
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
}

// migrate runs the migrations the register lacks. The version is read
// inside each migration's write transaction (BEGIN IMMEDIATE), so that two
// processes opening a new register at once do not both run the first.
//
// A register older than identities that must stay the register someone
// else knows (id: a ward's snapshot, the register its package names; a
// register restored from such a backup, the identity it had) gets id in
// the transaction of the migration that gives identities, which then
// keeps it instead of drawing a random one. An empty id draws one.
func (s *Store) migrate(ctx context.Context, id string) error {
	return s.migrateTo(ctx, len(migrations), id)
}

// identitySchema is the schema that gave every register its identity
// (migration 4 writes a random register.id into a register lacking one).
const identitySchema = 4

// migrateTo runs the migrations the register lacks up to schema n.
func (s *Store) migrateTo(ctx context.Context, n int, id string) error {
	for {
		var v int
		done := false
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
				return fmt.Errorf("đọc phiên bản sổ: %w", err)
			}
			if v < 0 {
				// Opening refuses such a file; this guards the index below
				// should another path ever reach here.
				return fmt.Errorf("số lược đồ %d không do Sổ Đoàn ghi: %w", v, ErrNotRegister)
			}
			if v >= n {
				done = true
				return nil
			}
			if v+1 == identitySchema && id != "" {
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)`, settingRegisterID, id); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
				return err
			}
			if v == 0 {
				if err := seed(ctx, tx); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("nâng cấp sổ lên lược đồ %d: %w", v+1, err)
		}
		if done {
			return nil
		}
	}
}

// tx runs fn in one transaction: everything or nothing is written.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	if s.readOnly {
		return ErrReadOnly
	}
	if s.damaged {
		return fmt.Errorf("%w: chỉ khôi phục được từ bản sao lưu, không ghi gì khác", ErrDamaged)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bắt đầu giao dịch: %w", busy(err))
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		tx.Rollback()
		return busy(err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("ghi giao dịch: %w", busy(err))
	}
	return nil
}

// ErrNotFound is returned when a record asked for by ID does not exist.
var ErrNotFound = errors.New("không tìm thấy")

// Check runs SQLite's integrity and foreign-key checks and returns the
// schema version; problems come back as a list of readable lines.
func (s *Store) Check(ctx context.Context) (version int, problems []string, err error) {
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, nil, fmt.Errorf("đọc phiên bản: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return version, nil, fmt.Errorf("kiểm tra toàn vẹn: %w", err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return version, nil, err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	fk, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return version, problems, fmt.Errorf("kiểm tra khóa ngoại: %w", err)
	}
	for fk.Next() {
		var table, parent string
		var rowid, idx sql.NullInt64
		if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
			fk.Close()
			return version, problems, err
		}
		problems = append(problems, fmt.Sprintf("bảng %s dòng %d trỏ tới %s không tồn tại", table, rowid.Int64, parent))
	}
	fk.Close()
	// The derived status must match the events.
	var stale int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM people p WHERE p.status <> `+statusSQL("p.id")).Scan(&stale); err != nil {
		return version, problems, fmt.Errorf("kiểm tra trạng thái: %w", err)
	}
	if stale > 0 {
		problems = append(problems, fmt.Sprintf("%d người có trạng thái không khớp với quá trình sinh hoạt", stale))
	}
	if version != len(migrations) {
		problems = append(problems, fmt.Sprintf("lược đồ %d, cần %d", version, len(migrations)))
	}
	if version >= 1 && version <= len(migrations) {
		objs, err := schemaProblems(ctx, s.db)
		if err != nil {
			return version, problems, err
		}
		problems = append(problems, objs...)
	}
	return version, problems, nil
}

// erasedFromLog copies the write-ahead log into the register and empties
// it: the log keeps the pages as they were before the last writes, the
// erased person's among them, until a checkpoint resets it. A reader still
// on an older snapshot only delays it to the next erasure or the close.
func (s *Store) erasedFromLog(ctx context.Context) error {
	var busy, logged, moved int
	if err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &moved); err != nil {
		return fmt.Errorf("xóa hẳn khỏi nhật ký ghi: %w", err)
	}
	return nil
}
