package outfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"sodoan/domain"
)

// ErrOutputIsRegister is wrapped by the error of an output path that is
// the register, one of SQLite's companion files of it (-wal, -shm,
// -journal), a file in its backups folder, or any other SQLite database
// (another ward's register, a backup). These are refused even when
// replacing was asked: a document never takes a register's place.
var ErrOutputIsRegister = errors.New("là sổ dữ liệu hoặc bản sao lưu, không ghi đè")

// ErrOutputExists is wrapped by the error of an output path where a file
// already is, when replacing it was not asked (the window asks "Thay thế
// tệp …?", the command line takes --force).
var ErrOutputExists = errors.New("tệp đã có")

// ErrOutputIsInput is wrapped by the refusal of an output that would
// replace a file the same work reads (an import's own sheet), even with
// leave to replace files.
var ErrOutputIsInput = errors.New("là tệp đang được đọc, không ghi đè")

// ErrNotReplaced is wrapped by the error of a write the user declined
// when asked whether to replace an existing file (Output.Ask).
var ErrNotReplaced = errors.New("đã giữ nguyên tệp cũ")

// OutputError says which output path was refused and why.
type OutputError struct {
	Path string // the path as given
	Why  string // the Vietnamese detail
	Err  error  // ErrOutputIsRegister, ErrOutputExists, or nil for other reasons

	whyFormat string // Why before formatting, for Message
	whyArgs   []any
}

// Message gives the error as a format and its arguments (see Translatable).
func (e *OutputError) Message() (string, []any) {
	why := e.Why
	if e.whyFormat != "" {
		// The detail is itself a message, translated on its own.
		return "không ghi được %s: %s", []any{e.Path, domain.Message{Format: e.whyFormat, Args: e.whyArgs}}
	}
	return "không ghi được %s: %s", []any{e.Path, why}
}

// Error reads "Không ghi được …: …".
func (e *OutputError) Error() string {
	return fmt.Sprintf("không ghi được %s: %s", e.Path, e.Why)
}

// Unwrap lets errors.Is find ErrOutputIsRegister and ErrOutputExists.
func (e *OutputError) Unwrap() error { return e.Err }

// BackupsFolderName is the folder beside the register where its backups
// are kept ("sao-luu"); nothing else is written there.
const BackupsFolderName = "sao-luu"

// registerSuffixes are the companion files SQLite keeps beside a database.
var registerSuffixes = []string{"-wal", "-shm", "-journal"}

// lockSuffix names the file beside a register that tells which process
// holds it (store.LockPath).
const lockSuffix = ".lock"

// sqliteMagic starts every SQLite database file.
var SqliteMagic = []byte("SQLite format 3\x00")

// foldPaths tells whether the file system compares names without case
// (Windows, macOS): there "SO.DB" is the register "so.db".
var FoldPaths = runtime.GOOS == "windows" || runtime.GOOS == "darwin"

// windowsNames tells whether names follow Windows' rules: trailing dots
// and spaces are dropped ("so.db." is so.db) and a colon names a stream
// inside a file ("so.db:x.pdf" would write into the register).
var WindowsNames = runtime.GOOS == "windows"

// Output is a file about to be written: a document or an export.
type Output struct {
	Path string
	// Register is the open register's file (with its companions and its
	// backups folder never written); "" when no register is open.
	Register string
	// Replace allows replacing an existing ordinary file: the user gave
	// --force, or said so before.
	Replace bool
	// Ask, when set and Replace is not, is asked by Write whether an
	// existing file may be replaced (the window's "Thay thế tệp …?").
	Ask func(path string) bool
	// Backup is set for a backup of the register, whose place is the
	// backups folder.
	Backup bool
	// Inputs are files the same work reads (the sheet an import's
	// rejected rows come from): never replaced, whatever Replace says.
	Inputs []string
}

// Check tells whether the file may be written, before any work is done
// (a document number taken, a list read). It returns an *OutputError
// wrapping ErrOutputIsRegister or ErrOutputExists, or nil.
func (o Output) Check() error {
	refuse := func(err error, format string, args ...any) error {
		return &OutputError{Path: o.Path, Err: err, Why: fmt.Sprintf(format, args...), whyFormat: format, whyArgs: args}
	}
	if strings.TrimSpace(o.Path) == "" {
		return refuse(nil, "chưa chọn tệp")
	}
	if strings.ContainsRune(o.Path, 0) {
		return refuse(nil, "tên tệp chứa ký tự điều khiển")
	}
	target, err := resolvePath(o.Path)
	if err != nil {
		return refuse(nil, "%v", err)
	}
	if WindowsNames {
		base := filepath.Base(target)
		if strings.ContainsRune(base, ':') {
			return refuse(nil, "tên tệp không được chứa dấu hai chấm (:)")
		}
		target = filepath.Join(filepath.Dir(target), strings.TrimRight(base, ". "))
	}
	if o.Register != "" {
		reg, err := resolvePath(o.Register)
		if err != nil {
			return refuse(nil, "%v", err)
		}
		for _, suffix := range append([]string{"", lockSuffix}, registerSuffixes...) {
			if sameFile(target, reg+suffix) {
				return refuse(ErrOutputIsRegister, "đây là sổ đang mở (%s)", filepath.Base(reg)+suffix)
			}
		}
		backups := filepath.Join(filepath.Dir(reg), BackupsFolderName)
		for dir := filepath.Dir(target); !o.Backup; dir = filepath.Dir(dir) {
			if sameFile(dir, backups) {
				return refuse(ErrOutputIsRegister, "thư mục %s chỉ giữ bản sao lưu của sổ", BackupsFolderName)
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	for _, in := range o.Inputs {
		if r, err := resolvePath(in); err == nil && sameFile(target, r) {
			return refuse(ErrOutputIsInput, "đây là tệp đang được đọc (%s)", filepath.Base(in))
		}
	}
	// A database's companion file, whatever register is open.
	for _, suffix := range append([]string{lockSuffix}, registerSuffixes...) {
		if hasSuffixFold(target, suffix) && isSQLite(target[:len(target)-len(suffix)]) {
			return refuse(ErrOutputIsRegister, "đây là tệp đi kèm của cơ sở dữ liệu %s", filepath.Base(target[:len(target)-len(suffix)]))
		}
	}
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return refuse(nil, "%v", err)
	case fi.IsDir():
		return refuse(nil, "đây là một thư mục")
	case !fi.Mode().IsRegular():
		// A device (/dev/full), a FIFO or a socket: writing the temporary
		// file over it would replace the device with a file, and a FIFO
		// blocks for ever.
		return refuse(nil, "đây không phải tệp thường (thiết bị, ống dẫn hoặc socket)")
	case isSQLite(target):
		return refuse(ErrOutputIsRegister, "đây là một cơ sở dữ liệu (sổ hoặc bản sao lưu)")
	case !o.Replace:
		return refuse(ErrOutputExists, "tệp đã có; chọn tên khác hoặc cho phép thay thế (--force)")
	}
	return nil
}

// Write checks the path (asking Ask about an existing file), then writes
// the file through write into a temporary file beside it and moves it
// into place, so that a failed or interrupted run never leaves half a file
// under the name nor replaces a good one. The file is created readable and writable by the user alone
// (0600): documents and exports hold members' personal data. A panic in
// write (a PDF library fault) becomes an error, so that the caller can
// give back the document number it took.
func (o Output) Write(write func(io.Writer) error) (err error) {
	err = o.Check()
	if errors.Is(err, ErrOutputExists) && o.Ask != nil {
		if !o.Ask(o.Path) {
			return &OutputError{Path: o.Path, Err: ErrNotReplaced, Why: "đã giữ nguyên tệp cũ, không ghi tệp mới"}
		}
		o.Replace = true
		err = o.Check()
	}
	if err != nil {
		return err
	}
	dir := filepath.Dir(o.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return FolderFailed(o.Path, dir, err)
	}
	f, err := os.CreateTemp(dir, ".sodoan-*"+filepath.Ext(o.Path))
	if err != nil {
		return FolderFailed(o.Path, dir, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	defer func() {
		if p := recover(); p != nil {
			f.Close()
			err = fmt.Errorf("ghi %s: lỗi khi tạo nội dung: %v", o.Path, p)
		}
	}()
	// CreateTemp makes the file 0600 already; say so for the systems
	// whose default differs.
	if err := f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		f.Close()
		return fmt.Errorf("tạo tệp tạm: %w", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return FolderFailed(o.Path, dir, err)
	}
	if err := f.Close(); err != nil {
		return FolderFailed(o.Path, dir, err)
	}
	if !o.Replace {
		// A hard link fails when the name was taken meanwhile; file
		// systems without links (FAT on a USB stick) fall back to the
		// check made above.
		err := os.Link(tmp, o.Path)
		if err == nil {
			return nil
		}
		if errors.Is(err, os.ErrExist) {
			return &OutputError{Path: o.Path, Err: ErrOutputExists, Why: "tệp đã có; chọn tên khác hoặc cho phép thay thế (--force)",
				whyFormat: "tệp đã có; chọn tên khác hoặc cho phép thay thế (--force)"}
		}
	}
	if err := os.Rename(tmp, o.Path); err != nil {
		return replaceFailed(o.Path, err)
	}
	return nil
}

// resolvePath returns path absolute, cleaned and with every symbolic link
// of its longest existing part resolved, so that "./so.db", "a/../so.db"
// and a link to the register all name the register.
func resolvePath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("đường dẫn %s: %w", path, err)
	}
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(p) == p {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// SameFile reports whether the paths a and b name one file, or would
// once written: another spelling, a symbolic or hard link, a case the file
// system ignores. A command checks with it that an output does not
// replace one of its own inputs.
func SameFile(a, b string) bool {
	ra, err := resolvePath(a)
	if err != nil {
		return false
	}
	rb, err := resolvePath(b)
	return err == nil && sameFile(ra, rb)
}

// sameFile reports whether two resolved paths name one file: equal names
// (without case where the file system ignores it), or one file reached
// through two names (a hard link, a case-insensitive USB stick).
func sameFile(a, b string) bool {
	if a == b || FoldPaths && strings.EqualFold(a, b) {
		return true
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) > len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// isSQLite reports whether the file at path is a SQLite database.
func isSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(SqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head, SqliteMagic)
}
