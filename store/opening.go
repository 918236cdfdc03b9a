package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sodoan/outfile"

	"sodoan/domain"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// OpenOptions say how a register is opened.
type OpenOptions struct {
	// Create makes a new, empty register when the file is missing (or is
	// an empty, 0-byte file: there is nothing in it to lose). Only the
	// commands that create a register (init, demo) and the window's
	// welcome set it; every other command refuses a missing file.
	Create bool
	// ReadOnly never writes to the file: nothing is migrated, the journal
	// mode is left as it is, and every write returns ErrReadOnly. A
	// register the user may not write (file mode, read-only folder) is
	// opened read-only even without it; Store.ReadOnly tells.
	ReadOnly bool
	// AnyVersion accepts, read-only, a register of an older schema (for
	// check and for choosing a backup to restore); without it an older
	// register opened read-only is refused with a message, since the
	// queries of this build need the current schema.
	AnyVersion bool
	// Exclusive holds a lock on the register for as long as it is open,
	// so that a second window (or a restore) on the same file is refused
	// with ErrInUse instead of working on it behind the first's back.
	Exclusive bool
	// Command marks the lock of a command (sodoan-cli), not a window's:
	// it waits its turn behind another command's, up to the busy timeout,
	// and is refused at once by a window's.
	Command bool
	// CopyOf marks the file as a disposable copy of the register whose
	// identity it gives (a ward's snapshot unpacked from its package,
	// which stays as it was): an older schema is brought forward without
	// the backup a user's register gets first, and a register older than
	// identities (before schema identitySchema) takes this one instead of
	// a random one, so that it is still the register its package names.
	CopyOf string
	// Damaged opens for writing a register that fails SQLite's quick
	// check all the same: only to restore it from a backup (restore, the
	// window's restore). Without it such a register is refused with
	// ErrDamaged, naming the last good backup.
	Damaged bool
	// Now is the register's clock: the time of every stamp it writes
	// (history, recycle bin, backups' names, a document's issue date) and
	// the today of every rule that reads it (no date in the future, the
	// daily backup, the current working year). Nil is time.Now; tests set
	// a fixed time instead of waiting for the clock to move.
	Now func() time.Time
}

// ErrReadOnly is returned by writes to a register opened read-only.
var ErrReadOnly = errors.New("sổ đang mở chỉ đọc: không ghi được (tệp hoặc thư mục không cho phép ghi)")

// ErrNotRegister is wrapped by the errors of files that are not a Sổ Đoàn
// register (empty, another format, another database).
var ErrNotRegister = errors.New("không phải sổ Sổ Đoàn")

// ErrNoRegister is wrapped by the error of opening a missing file without
// OpenOptions.Create.
var ErrNoRegister = errors.New("không có sổ")

// busyTimeoutMS is how long a writer waits for another process's write
// to finish before giving up with ErrBusy (a variable for the tests).
var busyTimeoutMS = 10000

// ErrBusy is wrapped by the error of a write that waited its turn longer
// than the busy timeout.
var ErrBusy = errors.New("sổ đang bận: một chương trình khác (cửa sổ Sổ Đoàn hoặc lệnh sodoan-cli) đang ghi vào sổ; hãy thử lại sau ít phút")

// fileKind is what OpenWith finds at a path before opening it.
type fileKind int

const (
	fileMissing fileKind = iota
	fileEmpty
	fileSQLite
)

// inspect reads the start of the file at path without opening it as a
// database, so that foreign files are refused before SQLite touches them.
func inspect(path string) (fileKind, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return fileMissing, nil
	}
	if err != nil {
		return 0, fmt.Errorf("mở sổ %s: %w", path, err)
	}
	if fi.IsDir() {
		return 0, fmt.Errorf("%s là một thư mục, %w", path, ErrNotRegister)
	}
	if fi.Size() == 0 {
		return fileEmpty, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("mở sổ %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(outfile.SqliteMagic))
	n, err := io.ReadFull(f, head)
	if fi.Size() <= 64<<10 && !bytes.ContainsFunc(head[:n], func(r rune) bool { return r != 0 }) {
		// Zeros where the header goes, in a small file: a register
		// another process is creating this moment (or nothing at all).
		return fileEmpty, nil
	}
	if err != nil || !bytes.Equal(head, outfile.SqliteMagic) {
		return 0, fmt.Errorf("tệp %s %w (không phải tệp dữ liệu SQLite)", path, ErrNotRegister)
	}
	return fileSQLite, nil
}

// fileWritable tells whether the user may write the file at path: opening
// it for writing changes nothing in it.
func fileWritable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return dirWritable(filepath.Dir(path))
}

// dsn builds the connection string. busy_timeout comes first: the pragmas
// after it (journal_mode among them) may need a lock, and must wait for
// it rather than fail at once.
func dsn(path string, readOnly, immutable bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	q.Add("_pragma", "foreign_keys(1)")
	if !readOnly {
		q.Add("_pragma", "synchronous(NORMAL)")
		// What is deleted is overwritten with zeros, not left in free
		// pages: a person erased for good (Nghị định 13/2023) must not be
		// readable in the file.
		q.Add("_pragma", "secure_delete(1)")
	}
	// Reading pages through the OS's mapping of the file, and a larger page
	// cache, spare the system calls that dominate paging through a large ward.
	q.Add("_pragma", "mmap_size(268435456)")
	q.Add("_pragma", "cache_size(-16000)")
	if readOnly {
		q.Set("mode", "ro")
		if immutable {
			// A folder the user may not write holds no -wal or -shm file
			// that another process could be writing either.
			q.Set("immutable", "1")
		}
	} else {
		q.Add("_txlock", "immediate")
	}
	return "file:" + uriPath(path) + "?" + q.Encode()
}

// Open opens the register at path for reading and writing, creating an
// empty one when the file is missing (the window's welcome screen starts
// from there), and brings its schema up to date. Commands that must not
// create a register use OpenWith.
func Open(path string) (*Store, error) {
	return OpenWith(path, OpenOptions{Create: true})
}

// OpenWith opens the register at path as o says. A missing file (unless
// o.Create), an empty one, a file of another format and a SQLite database
// that is not a register are refused with a message, unchanged. Opening
// writes nothing to the file until the register is opened for writing
// and needs it (a migration, the switch to WAL).
func OpenWith(path string, o OpenOptions) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, fmt.Errorf("%w: đường dẫn tệp sổ trống", ErrNoRegister)
	}
	kind, err := inspect(path)
	if err != nil {
		return nil, err
	}
	isNew := false
	switch kind {
	case fileMissing:
		if !o.Create || o.ReadOnly {
			return nil, fmt.Errorf("%w %s: kiểm tra lại đường dẫn, hoặc tạo sổ mới bằng lệnh: sodoan-cli --db %s init", ErrNoRegister, path, domain.CmdArg(path))
		}
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("tạo thư mục %s: %w", dir, err)
			}
		}
		// Made here, 0600, before SQLite makes it with the umask's 0644:
		// the register holds members' personal data, and SQLite gives its
		// -wal and -shm files the register's own mode. Another process
		// creating it this moment is no error.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil && !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("tạo sổ %s: %w", path, err)
		}
		if f != nil {
			f.Close()
		}
		isNew = true
	case fileEmpty:
		if !o.Create || o.ReadOnly {
			return nil, fmt.Errorf("tệp %s rỗng, %w", path, ErrNotRegister)
		}
		isNew = true
	}
	readOnly := o.ReadOnly || (!isNew && !fileWritable(path))
	s := &Store{path: path, coll: domain.NewSortKeyer(), readOnly: readOnly, now: o.Now}
	if o.Exclusive {
		l, err := lockRegister(path, o.Command)
		// A folder the user may not write takes no lock file either: the
		// window then holds a read-only register, which another one
		// cannot harm nor be harmed by.
		if err != nil && (errors.Is(err, ErrInUse) || !readOnly) {
			return nil, err
		}
		s.lock = l
	}
	if err := s.open(context.Background(), o, isNew); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// open connects and checks what the file holds; for writing, it brings
// the schema up to date.
func (s *Store) open(ctx context.Context, o OpenOptions, isNew bool) error {
	db, err := sql.Open("sqlite", dsn(s.path, s.readOnly, false))
	if err != nil {
		return fmt.Errorf("mở sổ %s: %w", s.path, err)
	}
	s.db = db
	v, tables, objects, err := s.probe(ctx)
	if c := sqliteCode(err); s.readOnly && (c == sqlite3.SQLITE_CANTOPEN || c == sqlite3.SQLITE_READONLY) {
		// A WAL register in a folder the user may not write: without the
		// -shm file SQLite reads it only as an immutable file.
		db.Close()
		if s.db, err = sql.Open("sqlite", dsn(s.path, true, true)); err != nil {
			return fmt.Errorf("mở sổ %s: %w", s.path, err)
		}
		v, tables, objects, err = s.probe(ctx)
	}
	if err != nil {
		if sqliteCode(err) == sqlite3.SQLITE_CANTOPEN {
			return fmt.Errorf("không mở được sổ %s (thư mục không cho phép ghi, hoặc tệp đang bị khóa): %w", s.path, err)
		}
		return fmt.Errorf("tệp %s hỏng hoặc %w: %w", s.path, ErrNotRegister, err)
	}
	switch {
	case v == 0 && objects == 0 && (isNew || o.Create) && !s.readOnly:
		// A new file (or a SQLite file with nothing in it, which another
		// process creating the same register may have just made).
	case v == 0 || tables < len(registerTables):
		return fmt.Errorf("tệp %s %w (cơ sở dữ liệu SQLite khác)", s.path, ErrNotRegister)
	case v < 0:
		// Sổ Đoàn never writes a negative schema number: someone else did.
		return fmt.Errorf("tệp %s %w của phiên bản này (số lược đồ %d không do Sổ Đoàn ghi)", s.path, ErrNotRegister, v)
	case v > len(migrations):
		return fmt.Errorf("sổ %s được tạo bởi phiên bản Sổ Đoàn mới hơn (lược đồ %d, bản này hiểu đến %d): hãy cập nhật phần mềm", s.path, v, len(migrations))
	}
	if v > 0 {
		// Before anything runs on the file (a migration, a backup's
		// copy): a trigger or view the program did not make is refused.
		problems, err := schemaProblems(ctx, s.db)
		if err != nil {
			return fmt.Errorf("tệp %s: %w", s.path, err)
		}
		if len(problems) > 0 {
			return errForeignSchema(s.path, problems)
		}
	}
	if s.readOnly {
		if v < len(migrations) && !o.AnyVersion {
			return fmt.Errorf("sổ %s ở lược đồ cũ %d (bản này dùng %d) và đang mở chỉ đọc: hãy mở sổ một lần để ghi (cửa sổ Sổ Đoàn, hoặc lệnh sodoan-cli --db %s upgrade) để nâng cấp", s.path, v, len(migrations), domain.CmdArg(s.path))
		}
		return nil
	}
	if v > 0 {
		problems, err := quickCheck(ctx, s.db)
		if err != nil {
			return err
		}
		if len(problems) > 0 {
			if !o.Damaged {
				return s.damagedError(ctx, problems)
			}
			// Opened to be restored: no migration, no switch of journal
			// mode on a broken tree.
			s.damaged = true
			return nil
		}
	}
	if v > 0 && v < len(migrations) && o.CopyOf == "" {
		// A migration rewrites the register: keep the old one first.
		if _, err := s.AutoBackup(ctx, BackupBeforeMigration); err != nil {
			return err
		}
	}
	if err := s.ensureWAL(ctx); err != nil {
		return err
	}
	if v < len(migrations) {
		// Only then: the migration's transaction is a write lock, which
		// another process's long write would make this open wait for.
		if err := s.migrate(ctx, o.CopyOf); err != nil {
			return err
		}
	}
	return s.refreshSortKeys(ctx)
}

// registerTables are tables every register has since the first schema.
var registerTables = []string{"settings", "people", "branches", "documents"}

// probe reads the schema version, counts the register's tables and all
// the objects of the schema: the first reads of the file, which fail on a
// damaged or foreign one.
func (s *Store) probe(ctx context.Context) (version, tables, objects int, err error) {
	// One statement, one snapshot: another process creating the register
	// may commit between two reads.
	q := `SELECT (SELECT user_version FROM pragma_user_version), count(*),
		coalesce(sum(type = 'table' AND name IN (?` + strings.Repeat(",?", len(registerTables)-1) + `)), 0) FROM sqlite_master`
	args := make([]any, len(registerTables))
	for i, t := range registerTables {
		args[i] = t
	}
	if err := s.db.QueryRowContext(ctx, q, args...).Scan(&version, &objects, &tables); err != nil {
		return 0, 0, 0, err
	}
	return version, tables, objects, nil
}

// ensureWAL switches a register opened for writing to write-ahead
// logging, so that readers never wait for (nor fail because of) a writer.
// A register already in WAL mode is left alone: the switch is a write.
func (s *Store) ensureWAL(ctx context.Context) error {
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("đọc chế độ ghi nhật ký: %w", err)
	}
	if strings.EqualFold(mode, "wal") {
		return nil
	}
	// The switch needs the file to itself. SQLite does not wait for it
	// (another process's reading connection would deadlock on it), so
	// waiting is done here, within the busy timeout: the wall clock
	// measures the wait, which the register's clock must not shorten.
	deadline := time.Now().Add(time.Duration(busyTimeoutMS) * time.Millisecond)
	for {
		err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		if err == nil {
			return nil
		}
		if c := sqliteCode(err); (c != sqlite3.SQLITE_BUSY && c != sqlite3.SQLITE_LOCKED) || time.Now().After(deadline) {
			return fmt.Errorf("chuyển sổ sang chế độ WAL: %w", busy(err))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// ReadOnly tells whether the register was opened read-only (asked for, or
// because the file or its folder may not be written).
func (s *Store) ReadOnly() bool { return s.readOnly }

// sqliteCode is the primary SQLite result code behind err, 0 if none.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// busy turns SQLite's "database is locked" after the busy timeout, and
// its "readonly database", into the store's messages.
func busy(err error) error {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Errorf("%w (%w)", ErrBusy, err)
	case sqlite3.SQLITE_READONLY:
		return fmt.Errorf("%w (%w)", ErrReadOnly, err)
	}
	return err
}

// Create makes a new, empty register at path (its folder too), refusing
// a file that exists already (an empty, 0-byte file excepted).
func Create(path string) (*Store, error) { return CreateWith(path, OpenOptions{}) }

// CreateWith is Create opening the new register as o says (its clock);
// o.Create is implied.
func CreateWith(path string, o OpenOptions) (*Store, error) {
	kind, err := inspect(path)
	if err != nil {
		return nil, err
	}
	if kind == fileSQLite {
		return nil, fmt.Errorf("sổ %s đã có: không tạo đè (chọn tên tệp khác)", path)
	}
	o.Create = true
	return OpenWith(path, o)
}
