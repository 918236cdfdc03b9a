package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"sodoan/domain"
)

// No writing over a damaged register (issue 18, finding 4): one flipped
// byte makes SQLite's tree unreadable in places, and every write (an
// import, a deletion, a migration) or backup made on top of it spreads
// the damage, while the rotation of backups could push the good ones out.
// So a register opened for writing is checked first, and refused with the
// last good backup named; a backup is checked before and after it is
// written.

// ErrDamaged is wrapped by the errors of a register (or a backup) that
// fails SQLite's quick check.
var ErrDamaged = errors.New("sổ bị hỏng")

// quickCheck runs SQLite's quick check (the tree and record structure,
// without comparing indexes to tables: its cost is measured by
// BenchmarkQuickCheck100k) and returns its first problems.
func quickCheck(ctx context.Context, q queryer) ([]string, error) {
	for try := 0; ; try++ {
		problems, err := quickCheckOnce(ctx, q)
		// SQLITE_SCHEMA: another process creating the same register
		// committed a migration meanwhile; the check reads again.
		if sqliteCode(err) == 17 && try < 20 {
			continue
		}
		return problems, err
	}
}

func quickCheckOnce(ctx context.Context, q queryer) ([]string, error) {
	rows, err := q.QueryContext(ctx, "PRAGMA quick_check(5)")
	if err != nil {
		// A tree so broken that the check cannot run is damage too.
		if c := sqliteCode(err); c == 11 /* SQLITE_CORRUPT */ || c == 26 /* SQLITE_NOTADB */ {
			return []string{err.Error()}, nil
		}
		return nil, fmt.Errorf("kiểm tra sổ: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, fmt.Errorf("kiểm tra sổ: %w", err)
		}
		// One problem a line, without SQLite's "*** in database main ***"
		// heading: the message reads on one line.
		for _, l := range strings.Split(line, "\n") {
			if l = strings.TrimSpace(l); l != "ok" && l != "" && !strings.HasPrefix(l, "***") {
				problems = append(problems, l)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return append(problems, err.Error()), nil
	}
	return problems, nil
}

// quickCheckFile checks a database file read-only (a backup), changing
// nothing in it.
func quickCheckFile(ctx context.Context, path string) ([]string, error) {
	db, err := sql.Open("sqlite", dsn(path, true, false))
	if err != nil {
		return nil, fmt.Errorf("mở %s: %w", path, err)
	}
	defer db.Close()
	return quickCheck(ctx, db)
}

// lastGoodBackup is the newest backup of the register that passes the
// quick check ("" when none does).
func (s *Store) lastGoodBackup(ctx context.Context) string {
	list, err := s.Backups()
	if err != nil {
		return ""
	}
	for _, b := range list {
		if b.Reason == BackupDamaged {
			continue
		}
		if p, err := quickCheckFile(ctx, b.Path); err == nil && len(p) == 0 {
			return b.Path
		}
	}
	return ""
}

// damagedError words the refusal to write over a damaged register, with
// the way back.
func (s *Store) damagedError(ctx context.Context, problems []string) error {
	detail := strings.Join(problems, "; ")
	if len(detail) > 300 {
		detail = detail[:300] + "…"
	}
	way := "không có bản sao lưu nào còn tốt trong thư mục " + s.BackupDir() + ": hãy tìm bản chép ra USB"
	if good := s.lastGoodBackup(ctx); good != "" {
		way = fmt.Sprintf("bản sao lưu tốt gần nhất là %s; khôi phục bằng lệnh: sodoan-cli --db %s restore %s (sổ hỏng được giữ lại trong thư mục sao lưu)", filepath.Base(good), domain.CmdArg(s.path), domain.CmdArg(good))
	}
	return fmt.Errorf("%w: %s (%s). Không ghi gì vào sổ để khỏi làm hỏng thêm; %s", ErrDamaged, s.path, detail, way)
}

// keepDamaged copies a damaged register, byte for byte, into the backups
// folder before a restore replaces it (a backup through SQLite would read
// the broken tree): whoever helps the ward may still get rows out of it.
// The copy is named for what it is and the rotation leaves it alone.
func (s *Store) keepDamaged(ctx context.Context) (BackupFile, error) {
	// What the log holds goes into the file first, if SQLite still can.
	var busy, logged, moved int
	_ = s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(FULL)").Scan(&busy, &logged, &moved)
	now := s.Now()
	dest := filepath.Join(s.BackupDir(), s.registerBase()+"-"+now.Format(backupStamp)+"-"+string(BackupDamaged)+".db")
	if err := os.MkdirAll(s.BackupDir(), 0o755); err != nil {
		return BackupFile{}, fmt.Errorf("tạo thư mục sao lưu: %w", err)
	}
	in, err := os.Open(s.path)
	if err != nil {
		return BackupFile{}, fmt.Errorf("giữ bản sổ hỏng: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return BackupFile{}, fmt.Errorf("giữ bản sổ hỏng: %w", err)
	}
	n, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dest)
		return BackupFile{}, fmt.Errorf("giữ bản sổ hỏng: %w", err)
	}
	return BackupFile{Path: dest, Time: now.Truncate(1e9), Size: n, Reason: BackupDamaged}, nil
}

// Damaged tells whether the register was opened with OpenOptions.Damaged
// on a file that failed the quick check (and not restored since): every
// write is refused, a restore alone is let through.
func (s *Store) Damaged() bool { return s.damaged }

// LastGoodBackup is the newest backup of the register that passes the
// quick check, "" when none does: the one to restore a damaged register
// from.
func (s *Store) LastGoodBackup(ctx context.Context) string { return s.lastGoodBackup(ctx) }
