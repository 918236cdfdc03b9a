package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"sodoan/outfile"

	"sodoan/domain"
)

// BackupReason says why a backup in the backups folder was made; it ends
// the file's name, so that the list tells the user which is which.
type BackupReason string

// The reasons for a backup.
const (
	BackupManual          BackupReason = ""                // "Sao lưu ngay", sodoan-cli backup
	BackupDaily           BackupReason = "hang-ngay"       // the window's first start of the day
	BackupBeforeImport    BackupReason = "truoc-nhap"      // before an import
	BackupBeforeRestore   BackupReason = "truoc-khoi-phuc" // the register replaced by a restore
	BackupBeforeMigration BackupReason = "truoc-nang-cap"  // before a schema upgrade
	// A damaged register kept byte for byte before a restore replaced
	// it; never counted nor deleted by the rotation.
	BackupDamaged BackupReason = "so-hong"
)

// Label is the reason in Vietnamese.
func (r BackupReason) Label() string {
	switch r {
	case BackupDaily:
		return "Tự động hằng ngày"
	case BackupBeforeImport:
		return "Trước khi nhập dữ liệu"
	case BackupBeforeRestore:
		return "Trước khi khôi phục"
	case BackupBeforeMigration:
		return "Trước khi nâng cấp"
	case BackupDamaged:
		return "Sổ hỏng, giữ lại khi khôi phục"
	}
	return "Sao lưu ngay"
}

// BackupDir is the backups folder of the register at path: "sao-luu"
// beside it.
func BackupDir(path string) string {
	return filepath.Join(filepath.Dir(path), outfile.BackupsFolderName)
}

// BackupDir is this register's backups folder.
func (s *Store) BackupDir() string { return BackupDir(s.path) }

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path   string
	Time   time.Time // when it was made (from its name)
	Size   int64
	Reason BackupReason
}

const backupStamp = "2006-01-02-150405"

// backupName matches "<register>-<stamp>[-n][-reason].db".
var backupName = regexp.MustCompile(`^(.+)-(\d{4}-\d{2}-\d{2}-\d{6})(?:-(\d+))?(?:-([a-z][a-z-]*))?\.db$`)

// registerBase is the register's file name without its extension: the
// start of its backups' names.
func (s *Store) registerBase() string {
	b := filepath.Base(s.path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// Backups lists the register's backups in its backups folder, newest
// first. A missing folder is an empty list.
func (s *Store) Backups() ([]BackupFile, error) {
	entries, err := os.ReadDir(s.BackupDir())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("đọc thư mục sao lưu: %w", err)
	}
	var out []BackupFile
	for _, e := range entries {
		m := backupName.FindStringSubmatch(e.Name())
		if m == nil || m[1] != s.registerBase() || !e.Type().IsRegular() {
			continue
		}
		t, err := time.ParseInLocation(backupStamp, m[2], time.Local)
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if mt := fi.ModTime(); mt.Truncate(time.Second).Equal(t) {
			t = mt // the same second as the name: more precise, for order
		} else if mt.After(t) && mt.Sub(t) < time.Hour {
			// Finished in a later second (a large register, a busy
			// machine): it was begun after every backup of its second
			// that finished within it, and is newer.
			t = t.Add(time.Second - 1)
		}
		out = append(out, BackupFile{Path: filepath.Join(s.BackupDir(), e.Name()), Time: t, Size: fi.Size(), Reason: BackupReason(m[4])})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// BackupNow writes a backup into the backups folder, named with the time
// and the reason, then thins the folder out (see Rotate).
func (s *Store) BackupNow(ctx context.Context, reason BackupReason) (BackupFile, error) {
	now := s.Now()
	base := filepath.Join(s.BackupDir(), s.registerBase()+"-"+now.Format(backupStamp))
	suffix := ""
	if reason != BackupManual {
		suffix = "-" + string(reason)
	}
	dest := base + suffix + ".db"
	for n := 2; ; n++ {
		err := s.Backup(ctx, dest)
		if err == nil {
			break
		}
		// Another process (two windows' starts, two commands) took the
		// name in the same second: the next number.
		if !errors.Is(err, fs.ErrExist) || n > 20 {
			return BackupFile{}, err
		}
		dest = fmt.Sprintf("%s-%d%s.db", base, n, suffix)
	}
	b := BackupFile{Path: dest, Time: now.Truncate(time.Second), Reason: reason}
	if fi, err := os.Stat(dest); err == nil {
		b.Size = fi.Size()
	}
	if _, err := s.Rotate(now); err != nil {
		return b, err
	}
	return b, nil
}

// AutoBackup makes an automatic backup into the backups folder. A daily
// backup is made at most once a day (none when the folder has one of
// today already: made is false then); the others are made every time.
func (s *Store) AutoBackup(ctx context.Context, reason BackupReason) (made BackupFile, err error) {
	if reason == BackupDaily {
		list, err := s.Backups()
		if err != nil {
			return BackupFile{}, err
		}
		today := s.Today()
		for _, b := range list {
			if domain.DateOf(b.Time) == today {
				return BackupFile{}, nil
			}
		}
	}
	b, err := s.BackupNow(ctx, reason)
	if err != nil {
		return b, fmt.Errorf("sao lưu tự động (%s): %w", strings.ToLower(reason.Label()), err)
	}
	return b, nil
}

// Rotation: how many of the newest days, weeks and months keep their
// newest backup. Backups of the last 24 hours are all kept, so that the
// one made before a restore is there to undo it.
const (
	keepDaily   = 7
	keepWeekly  = 4
	keepMonthly = 12
)

// Rotate deletes the backups that the rotation no longer keeps: each of
// the 7 latest days with a backup keeps its newest, and so do the 4
// latest weeks and 12 latest months; everything of the last 24 hours
// stays. It returns the files deleted. Unfinished temporary files of
// backups killed half-way, older than an hour, go too.
func (s *Store) Rotate(now time.Time) ([]string, error) {
	list, err := s.Backups()
	if err != nil {
		return nil, err
	}
	keep := map[string]bool{}
	good := list[:0:0]
	for _, b := range list {
		if now.Sub(b.Time) < 24*time.Hour || b.Reason == BackupDamaged {
			keep[b.Path] = true
		}
		if b.Reason != BackupDamaged {
			good = append(good, b)
		}
	}
	// A damaged register's copy takes no good backup's place.
	list = good
	bucket := func(n int, key func(time.Time) string) {
		seen := map[string]bool{}
		for _, b := range list { // newest first: the first of a key is its newest
			k := key(b.Time)
			if seen[k] {
				continue
			}
			if len(seen) == n {
				return
			}
			seen[k] = true
			keep[b.Path] = true
		}
	}
	bucket(keepDaily, func(t time.Time) string { return t.Format("2006-01-02") })
	bucket(keepWeekly, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) })
	bucket(keepMonthly, func(t time.Time) string { return t.Format("2006-01") })
	var gone []string
	for _, b := range list {
		if keep[b.Path] {
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return gone, fmt.Errorf("xóa bản sao lưu cũ %s: %w", b.Path, err)
		}
		gone = append(gone, b.Path)
	}
	removeStaleTemps(s.BackupDir(), now)
	return gone, nil
}

// removeStaleTemps deletes what backups killed half-way left in dir:
// temporary files (and their journals) older than an hour, which no
// backup still running can own.
func removeStaleTemps(dir string, now time.Time) {
	tmps, err := filepath.Glob(filepath.Join(dir, backupTempPrefix+"*"))
	if err != nil {
		return
	}
	for _, t := range tmps {
		if fi, err := os.Stat(t); err == nil && now.Sub(fi.ModTime()) > time.Hour {
			os.Remove(t)
		}
	}
}

// backupTempPrefix names a backup being written; it becomes the backup by
// a rename only once complete.
const backupTempPrefix = ".sodoan-sao-luu-"

// Backup writes a consistent copy of the register to dest (which must not
// exist), while it stays open. The copy is written under a temporary name
// in dest's folder, synced to the disk and renamed: a backup killed
// half-way leaves no file under the name. A backup outside the backups
// folder (a USB stick) is recorded in the register for the dashboard.
func (s *Store) Backup(ctx context.Context, dest string) error {
	// Never onto the register or its companion files (SQLite would take a
	// backup named so.db-journal for the register's own journal).
	if err := (outfile.Output{Path: dest, Register: s.path, Backup: true}).Check(); err != nil {
		if fileExists(dest) {
			return fmt.Errorf("%w (%w)", err, fs.ErrExist)
		}
		return err
	}
	if fileExists(dest) {
		return fmt.Errorf("tệp %s đã có: chọn tên khác (%w)", dest, fs.ErrExist)
	}
	dir := filepath.Dir(dest)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("sao lưu: %w", outfile.FolderFailed(dest, dir, err))
	}
	// A copy of a damaged register is no backup: it would take a good
	// one's place in the rotation.
	if problems, err := quickCheck(ctx, s.db); err != nil {
		return err
	} else if len(problems) > 0 {
		return fmt.Errorf("không sao lưu: %w", s.damagedError(ctx, problems))
	}
	// A leftover's age is the file system's: its modification time is
	// compared with the wall clock, not the register's.
	removeStaleTemps(dir, time.Now())
	f, err := os.CreateTemp(dir, backupTempPrefix+"*.tmp")
	if err != nil {
		return fmt.Errorf("sao lưu: %w", outfile.FolderFailed(dest, dir, err))
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp) // gone after the rename; a leftover otherwise
	// VACUUM INTO wants a missing (or empty) file: CreateTemp's is empty.
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return fmt.Errorf("sao lưu vào %s: %w", dest, err)
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("sao lưu vào %s: %w", dest, err)
	}
	// Read back: a copy that a failing disk spoiled never becomes a
	// backup.
	problems, err := quickCheckFile(ctx, tmp)
	if err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return fmt.Errorf("sao lưu vào %s: bản chép ra không đọc lại được (%s), không giữ: %w", dest, strings.Join(problems, "; "), ErrDamaged)
	}
	if err := placeNew(tmp, dest); err != nil {
		return err
	}
	syncDir(dir)
	if !samePath(dir, s.BackupDir()) && !s.readOnly {
		// The backup is complete whatever happens here: a busy register
		// only loses the dashboard's note of it.
		_ = s.SetSetting(ctx, settingLastBackup, s.Today().ISO())
	}
	return nil
}

// settingLastBackup holds the ISO date of the latest backup made outside
// the backups folder, for the dashboard's reminder.
const settingLastBackup = "backup.last"

// LastBackup is the day of the latest backup of this register: the
// newest in its backups folder, or one made elsewhere (a USB stick) if
// later; zero when none was.
func (s *Store) LastBackup(ctx context.Context) (domain.Date, error) {
	var last domain.Date
	if list, err := s.Backups(); err == nil && len(list) > 0 {
		last = domain.DateOf(list[0].Time)
	}
	v, err := s.Setting(ctx, settingLastBackup)
	if err != nil || v == "" {
		return last, err
	}
	d, err := domain.ParseDate(v)
	if err != nil {
		return last, fmt.Errorf("đọc ngày sao lưu: %w", err)
	}
	if d.After(last) {
		last = d
	}
	return last, nil
}

// BackupStale is how many days without a backup the dashboard accepts.
const BackupStale = 7

// placeNew gives the complete file tmp the name dest, which must not
// exist. A hard link does it atomically (two backups at once cannot both
// take the name); where the file system has none (a FAT USB stick) the
// name is checked, then renamed to.
func placeNew(tmp, dest string) error {
	err := os.Link(tmp, dest)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) || fileExists(dest) {
		return fmt.Errorf("tệp %s đã có: chọn tên khác (%w)", dest, fs.ErrExist)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return fmt.Errorf("sao lưu vào %s: %w", dest, err)
	}
	return nil
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// samePath tells whether a and b name the same file (or would).
func samePath(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && strings.EqualFold(aa, bb)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable where the OS allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Snapshot writes a consistent copy of the whole register to dest (which
// must not exist) while it stays open, without counting it as a backup.
func (s *Store) Snapshot(ctx context.Context, dest string) error {
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("tệp %s đã có: chọn tên khác", dest)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return fmt.Errorf("chép sổ vào %s: %w", dest, err)
	}
	return nil
}
