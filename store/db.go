// Package store is Sổ Đoàn's register: the domain types and rules of a ward
// Union, kept in one SQLite file per ward, with search, ordering, indicators
// and the demo ward. It knows nothing of windows or PDFs.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SchemaVersion is the number of migrations this build knows.
var SchemaVersion = len(migrations)

// Store is an open register. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string

	// The collator is not safe across goroutines: keys are computed under
	// this lock.
	collMu sync.Mutex
	coll   *sortKeyer
}

// Open opens (and creates if needed) the register at path and brings its
// schema up to date. The directory is created when missing.
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("tạo thư mục %s: %w", dir, err)
		}
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Reading pages through the OS's mapping of the file, and a larger page
	// cache, spare the system calls that dominate paging through a large ward.
	q.Add("_pragma", "mmap_size(268435456)")
	q.Add("_pragma", "cache_size(-16000)")
	q.Add("_txlock", "immediate")
	dsn := "file:" + uriPath(path) + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("mở sổ %s: %w", path, err)
	}
	s := &Store{db: db, path: path, coll: newSortKeyer()}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.refreshSortKeys(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the register.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file the register lives in.
func (s *Store) Path() string { return s.path }

// uriPath writes a file path for a SQLite "file:" URI: the characters that
// URIs give a meaning to are escaped, so that a folder such as
// "Báo cáo #2 (50%)" opens as itself.
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
}

func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("đọc phiên bản sổ: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("sổ %s được tạo bởi phiên bản Sổ Đoàn mới hơn (lược đồ %d, bản này hiểu đến %d): hãy cập nhật phần mềm", s.path, v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
				return err
			}
			if i == 0 {
				if err := seed(ctx, tx); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("nâng cấp sổ lên lược đồ %d: %w", i+1, err)
		}
	}
	return nil
}

// tx runs fn in one transaction: everything or nothing is written.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bắt đầu giao dịch: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("ghi giao dịch: %w", err)
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
	return version, problems, nil
}

// Backup writes a consistent copy of the register to dest (which must not
// exist), while it stays open.
func (s *Store) Backup(ctx context.Context, dest string) error {
	// Never onto the register or its companion files (SQLite would take a
	// backup named so.db-journal for the register's own journal); the
	// backups folder is its place.
	if err := (Output{Path: dest, Register: s.path, Backup: true}).Check(); err != nil {
		return err
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("tệp %s đã có: chọn tên khác", dest)
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return fmt.Errorf("tạo thư mục sao lưu: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return fmt.Errorf("sao lưu vào %s: %w", dest, err)
	}
	return s.SetSetting(ctx, settingLastBackup, Today().ISO())
}

// settingLastBackup holds the ISO date of the latest backup, for the
// dashboard's reminder.
const settingLastBackup = "backup.last"

// LastBackup is the day of the latest backup made of this register (by
// the window or the command line); zero when none was.
func (s *Store) LastBackup(ctx context.Context) (Date, error) {
	v, err := s.Setting(ctx, settingLastBackup)
	if err != nil || v == "" {
		return Date{}, err
	}
	d, err := ParseDate(v)
	if err != nil {
		return Date{}, fmt.Errorf("đọc ngày sao lưu: %w", err)
	}
	return d, nil
}
