package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
)

// BackupCheck is what CheckBackup found in a file offered for restoring.
type BackupCheck struct {
	Version int // its schema version
	People  int // people in it
	Unit    string
	// ID and Consolidation: whose register the backup is, and whether it
	// is an upper level's (ID is "" in a backup older than identities).
	ID            string
	Consolidation bool
}

// CheckBackup opens the file at path read-only (it is not changed) and
// checks that it can replace a register: a Sổ Đoàn register, whole
// (SQLite's integrity and foreign-key checks), of a schema this build
// knows. The problems come back in one Vietnamese error.
func CheckBackup(ctx context.Context, path string) (BackupCheck, error) {
	var c BackupCheck
	b, err := OpenWith(path, OpenOptions{ReadOnly: true, AnyVersion: true})
	if err != nil {
		return c, fmt.Errorf("không khôi phục được từ %s: %w", path, err)
	}
	defer b.Close()
	v, problems, err := b.Check(ctx)
	if err != nil {
		return c, fmt.Errorf("kiểm tra bản sao lưu %s: %w", path, err)
	}
	c.Version = v
	var bad []string
	for _, p := range problems {
		if !strings.HasPrefix(p, "lược đồ ") { // an older schema is upgraded after the restore
			bad = append(bad, p)
		}
	}
	if len(bad) > 0 {
		return c, fmt.Errorf("bản sao lưu %s hỏng, không dùng được: %s", path, strings.Join(bad, "; "))
	}
	if err := b.db.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&c.People); err != nil {
		return c, fmt.Errorf("đọc bản sao lưu %s: %w", path, err)
	}
	if u, err := b.Unit(ctx); err == nil {
		c.Unit = u.Name
	}
	c.ID, _ = b.Setting(ctx, settingRegisterID)
	c.Consolidation, _ = b.IsConsolidation(ctx)
	return c, nil
}

// restorer is the modernc.org/sqlite connection's online-backup API.
type restorer interface {
	NewRestore(srcURI string) (*sqlite.Backup, error)
}

// Restored tells what a restore put in place and where the register as
// it was before went.
type Restored struct {
	From   BackupCheck // what CheckBackup found in the file restored
	Before BackupFile  // the backup made first, which undoes the restore
}

// Restore replaces the register's content with the backup at src, after
// checking it (CheckBackup) and backing the register up first. The content is copied
// with SQLite's online-backup API in one write transaction: the file is
// never missing nor half-written, other readers see the old register or
// the new one, and this Store stays open on it. An older backup is
// brought up to the current schema afterwards.
func (s *Store) Restore(ctx context.Context, src string) (Restored, error) {
	var r Restored
	if s.readOnly {
		return r, ErrReadOnly
	}
	if samePath(src, s.path) {
		return r, fmt.Errorf("%s là chính sổ đang mở: chọn một bản sao lưu", src)
	}
	var err error
	if r.From, err = CheckBackup(ctx, src); err != nil {
		return r, err
	}
	if err := s.sameRegister(ctx, r.From); err != nil {
		return r, fmt.Errorf("không khôi phục từ %s: %w", src, err)
	}
	if s.damaged {
		r.Before, err = s.keepDamaged(ctx)
	} else {
		r.Before, err = s.AutoBackup(ctx, BackupBeforeRestore)
	}
	if err != nil {
		return r, err
	}
	// A backup older than identities has none: the register keeps its own.
	id, _ := s.Setting(ctx, settingRegisterID)
	if err := s.copyFrom(ctx, src); err != nil {
		return r, fmt.Errorf("khôi phục từ %s: %w (sổ vẫn như trước khi khôi phục)", src, err)
	}
	// The file may have changed since it was checked (a stick still being
	// written): what was copied is checked again, and undone if it is not
	// a register of the program's own schema.
	if err := s.ownSchema(ctx); err != nil {
		if uerr := s.copyFrom(ctx, r.Before.Path); uerr != nil {
			return r, fmt.Errorf("khôi phục từ %s: %w; trả lại sổ cũ không được: %w (sổ trước khi khôi phục được giữ ở %s)", src, err, uerr, r.Before.Path)
		}
		return r, fmt.Errorf("khôi phục từ %s: %w (sổ vẫn như trước khi khôi phục)", src, err)
	}
	s.damaged = false
	if err := s.migrate(ctx, id); err != nil {
		return r, fmt.Errorf("khôi phục từ %s: %w (sổ trước khi khôi phục được giữ ở %s)", src, err, r.Before.Path)
	}
	return r, s.refreshSortKeys(ctx)
}

// copyFrom copies every page of the database at src over the register's.
func (s *Store) copyFrom(ctx context.Context, src string) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("mở kết nối: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		r, ok := dc.(restorer)
		if !ok {
			return errors.New("trình điều khiển SQLite không có chức năng sao chép trực tuyến")
		}
		b, err := r.NewRestore("file:" + uriPath(src) + "?mode=ro")
		if err != nil {
			return busy(err)
		}
		for {
			more, err := b.Step(-1)
			if err != nil {
				b.Finish()
				return busy(err)
			}
			if !more {
				break
			}
		}
		return b.Finish()
	})
}

// ErrOtherRegister is wrapped by the refusal to restore another unit's
// register (or an upper level's into a ward's, or the reverse) over one
// that holds work of its own.
var ErrOtherRegister = errors.New("bản sao lưu là sổ khác")

// sameRegister refuses a backup of another register over this one: a
// restore would take on that register's identity (a ward's packages would
// then be someone else's) and its kind. A register with nothing in it yet
// (a new laptop's, before its first restore) may take any; a backup older
// than identities has none to compare, and a damaged register is
// restored from what its user chose.
func (s *Store) sameRegister(ctx context.Context, from BackupCheck) error {
	if s.damaged {
		return nil
	}
	var work int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM documents) + (SELECT count(*) FROM wards)`).Scan(&work); err != nil {
		return fmt.Errorf("đọc sổ: %w", err)
	}
	if work == 0 {
		return nil
	}
	cons, err := s.IsConsolidation(ctx)
	if err != nil {
		return err
	}
	name := func(unit string) string {
		if unit == "" {
			return "chưa ghi tên đơn vị"
		}
		return unit
	}
	own := ""
	if u, err := s.Unit(ctx); err == nil {
		own = u.Name
	}
	switch {
	case cons && !from.Consolidation:
		return fmt.Errorf("%w: đó là sổ của một phường (%s), còn sổ đang mở là sổ tổng hợp của cấp trên (%s)", ErrOtherRegister, name(from.Unit), name(own))
	case !cons && from.Consolidation:
		return fmt.Errorf("%w: đó là sổ tổng hợp của cấp trên (%s), còn sổ đang mở là sổ của phường (%s)", ErrOtherRegister, name(from.Unit), name(own))
	}
	id, err := s.Setting(ctx, settingRegisterID)
	if err != nil {
		return err
	}
	if from.ID != "" && id != "" && from.ID != id {
		return fmt.Errorf("%w: đó là sổ của %s, không phải của sổ đang mở (%s); muốn dùng sổ đó, hãy mở nó bằng tệp riêng thay vì khôi phục đè", ErrOtherRegister, name(from.Unit), name(own))
	}
	return nil
}
