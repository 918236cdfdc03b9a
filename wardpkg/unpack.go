package wardpkg

import (
	"sodoan/outfile"

	"archive/tar"
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"sodoan/domain"

	"filippo.io/age"
	"golang.org/x/text/unicode/norm"

	"sodoan/store"
)

// maxWorkFactor is the largest scrypt cost a package may ask for: a
// crafted header cannot make the reader work for minutes nor take
// gigabytes (2^20 is 1 GiB of memory; this build writes 2^18, 256 MiB).
const maxWorkFactor = 20

// ReadManifest decrypts the package at path far enough to read its
// manifest, and checks it (format and schema not newer than this build's).
func ReadManifest(path, passphrase string) (Manifest, error) {
	var m Manifest
	err := unpack(path, passphrase, func(got Manifest) error { m = got; return errStop }, "")
	if errors.Is(err, errStop) {
		err = nil
	}
	return m, err
}

var errStop = errors.New("stop")

// Unpack decrypts the package at path with passphrase, checks its
// manifest (accept may refuse it before the register is unpacked), and
// writes the register it carries to dest, checked against the manifest's
// size and digest. Every refusal names the file and wraps ErrNotPackage,
// ErrPassphrase, ErrDamaged or ErrNewer; on any error dest is removed.
func Unpack(path, passphrase, dest string, accept func(Manifest) error) (Manifest, error) {
	var m Manifest
	err := unpack(path, passphrase, func(got Manifest) error {
		m = got
		if accept != nil {
			return accept(got)
		}
		return nil
	}, dest)
	if err != nil {
		os.Remove(dest)
		return Manifest{}, err
	}
	return m, nil
}

func unpack(path, passphrase string, accept func(Manifest) error, dest string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("không có tệp gói %s: kiểm tra lại đường dẫn: %w", path, err)
	case err != nil:
		return fmt.Errorf("mở gói %s: %w", path, err)
	case fi.IsDir():
		return fmt.Errorf("%s là một thư mục, %w: hãy chọn tệp .sodoan phường gửi", path, ErrNotPackage)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("gói %s %w: hãy chọn tệp .sodoan phường gửi", path, outfile.ErrNotRegular)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("mở gói %s: %w", path, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	if head, err := br.Peek(len(ageMagic)); err != nil || string(head) != ageMagic {
		return fmt.Errorf("tệp %s %w (không phải tệp .sodoan do Sổ Đoàn lập)", path, ErrNotPackage)
	}
	// The passphrase as Vietnamese text is written (NFC): typed with
	// composed or combining accents, it is the same passphrase. One made
	// before packages were written so is tried as given, too.
	var ids []age.Identity
	for i, p := range []string{norm.NFC.String(passphrase), passphrase} {
		if i == 1 && norm.NFC.IsNormalString(p) {
			break
		}
		id, err := age.NewScryptIdentity(p)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrBadPassphrase, err)
		}
		id.SetMaxWorkFactor(maxWorkFactor)
		ids = append(ids, id)
	}
	plain, err := age.Decrypt(br, ids...)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) {
			return fmt.Errorf("gói %s: %w (hoặc phần đầu của gói đã bị sửa); không có gì thay đổi", path, ErrPassphrase)
		}
		return damaged(path, err)
	}
	gz, err := gzip.NewReader(plain)
	if err != nil {
		return damaged(path, err)
	}
	tr := tar.NewReader(gz)
	hdr, err := tr.Next()
	if err != nil || hdr.Name != manifestName || hdr.Size > maxManifest {
		return damaged(path, errors.Join(err, errors.New("thiếu bản kê (manifest)")))
	}
	raw, err := io.ReadAll(tr)
	if err != nil {
		return damaged(path, err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return damaged(path, err)
	}
	if err := checkManifest(path, m); err != nil {
		return err
	}
	if m.Size > maxRegister {
		return tooLarge(path, m)
	}
	if err := accept(m); err != nil {
		return err
	}
	hdr, err = tr.Next()
	if err != nil || hdr.Name != registerName || hdr.Size != m.Size {
		return damaged(path, errors.Join(err, errors.New("thiếu tệp sổ hoặc sai kích thước")))
	}
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("giải nén gói %s: %w", path, err)
	}
	h := sha256.New()
	dw := &destWriter{w: out}
	// The entry is m.Size bytes (checked above), within maxRegister;
	// the limit holds while streaming too, whatever the reader yields.
	_, err = io.Copy(io.MultiWriter(dw, h), io.LimitReader(tr, maxRegister))
	if cerr := out.Close(); err == nil && cerr != nil {
		return fmt.Errorf("giải nén gói %s: %w", path, cerr)
	}
	if dw.err != nil {
		// The package is not to blame: the upper level's disk is (full,
		// most often).
		return fmt.Errorf("giải nén gói %s: không ghi được sổ của phường vào %s (ổ đĩa đầy?): không có gì thay đổi: %w", path, filepath.Dir(dest), dw.err)
	}
	if err != nil {
		return damaged(path, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != m.SHA256 {
		return damaged(path, fmt.Errorf("mã băm của sổ %s khác bản kê %s", got[:12], short(m.SHA256)))
	}
	// Read to the very end: age authenticates its last chunk there, and
	// gzip checks its length and CRC, so a cut file is caught even when
	// the register itself came out whole.
	if _, err := tr.Next(); err != io.EOF {
		return damaged(path, errors.Join(err, errors.New("gói có phần thừa")))
	}
	if _, err := io.Copy(io.Discard, gz); err != nil {
		return damaged(path, err)
	}
	if _, err := io.Copy(io.Discard, plain); err != nil {
		return damaged(path, err)
	}
	df, err := os.Open(dest)
	if err != nil {
		return fmt.Errorf("giải nén gói %s: %w", path, err)
	}
	defer df.Close()
	v, err := schemaOf(df)
	if err != nil {
		return fmt.Errorf("gói %s: %w", path, err)
	}
	if v != m.Schema || v < 1 {
		return damaged(path, fmt.Errorf("sổ trong gói có lược đồ %d, bản kê ghi %d", v, m.Schema))
	}
	return nil
}

// tooLarge refuses a package whose register would unpack to more than
// maxRegister bytes.
func tooLarge(path string, m Manifest) error {
	return fmt.Errorf("gói %s: sổ của %s khi giải nén là %s, quá giới hạn %s của một gói: không nhập, không có gì thay đổi; hãy kiểm tra lại gói với phường: %w",
		path, m.Unit, formatSize(m.Size, true), formatSize(maxRegister, false), ErrTooLarge)
}

// formatSize writes a size in bytes as MB (KB under a megabyte), rounded
// up or down: sizes up and limits down, so that a size over the limit
// never reads as equal to it.
func formatSize(n int64, up bool) string {
	unit, name := int64(1<<20), " MB"
	if n < unit {
		unit, name = 1<<10, " KB"
	}
	q := n / unit
	if up && n%unit != 0 {
		q++
	}
	return domain.FormatInt(q) + name
}

// destWriter keeps the error of writing the unpacked register, to tell
// a full disk from a damaged package.
type destWriter struct {
	w   io.Writer
	err error
}

func (d *destWriter) Write(p []byte) (int, error) {
	n, err := d.w.Write(p)
	if err != nil {
		d.err = err
	}
	return n, err
}

func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

func damaged(path string, err error) error {
	return fmt.Errorf("gói %s: %w (bị cắt cụt, hỏng khi chép hoặc bị sửa): không nhập, không có gì thay đổi; hãy xin phường gửi lại gói (chi tiết: %w)", path, ErrDamaged, detail{err})
}

// detail is the cause of a refusal, cut short: a garbage file makes the
// decoders quote whole lines of it.
type detail struct{ err error }

func (d detail) Error() string {
	const max = 160
	s := d.err.Error()
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

func (d detail) Unwrap() error { return d.err }

// checkManifest refuses a manifest this build cannot read.
func checkManifest(path string, m Manifest) error {
	switch {
	case m.Format > FormatVersion:
		return fmt.Errorf("gói %s (định dạng %d, bản này đọc đến %d): %w", path, m.Format, FormatVersion, ErrNewer)
	case m.Format < 1 || m.RegisterID == "" || m.Made.IsZero() || m.Size <= 0 || len(m.SHA256) != 64:
		return damaged(path, errors.New("bản kê thiếu thông tin"))
	case m.Schema > store.SchemaVersion:
		return fmt.Errorf("gói %s của %s có lược đồ %d, bản Sổ Đoàn này hiểu đến %d: %w", path, m.Unit, m.Schema, store.SchemaVersion, ErrNewer)
	case strings.TrimSpace(m.Unit) == "":
		return fmt.Errorf("gói %s: sổ của phường chưa ghi tên đơn vị (Cài đặt, phần Đơn vị): hãy ghi rồi lập lại gói", path)
	}
	return nil
}

// openSnapshot opens a ward's snapshot with the store, for writing: an
// older schema is brought forward in this, the upper level's own copy
// (read-only, this build would refuse it), with no backup (the ward's
// package is that) and keeping id, the identity the package names, when
// the ward's register was older than identities. now is the clock of the
// upper level's register, by which the snapshot's rules judge today.
func openSnapshot(path, id string, now func() time.Time) (*store.Store, error) {
	// Never created: a missing snapshot opened as a new, empty register
	// would count the ward as zero everywhere.
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return nil, fmt.Errorf("không thấy sổ của phường (tệp %s bị xóa hoặc rỗng): hãy nhập lại gói của phường: %w", path, errors.Join(err, store.ErrNotFound))
	}
	st, err := store.OpenWith(path, store.OpenOptions{CopyOf: id, Now: now})
	if err != nil {
		return nil, fmt.Errorf("mở sổ của phường %s: %w", path, err)
	}
	return st, nil
}

// verify checks the register unpacked from a package: SQLite's integrity
// and foreign keys, the register's own rules, that it is the ward's
// register the manifest names and not a consolidation register, judging
// today by now, the upper level's clock. It returns the number of active
// Union members.
func verify(ctx context.Context, path string, m Manifest, now func() time.Time) (int, error) {
	st, err := openSnapshot(path, m.RegisterID, now)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	id, err := st.RegisterID(ctx)
	if err != nil {
		return 0, err
	}
	if id != m.RegisterID {
		return 0, fmt.Errorf("sổ trong gói mang mã %s, bản kê ghi %s: %w", short(id), short(m.RegisterID), ErrDamaged)
	}
	if err := st.RefuseConsolidation(ctx, "nhập như sổ của một phường"); err != nil {
		return 0, err
	}
	// The wards' table and the consolidated report name the ward as its
	// manifest does: it must be the name its register carries.
	u, err := st.Unit(ctx)
	if err != nil {
		return 0, err
	}
	if u.Name != m.Unit || u.UpperBody != m.UpperBody {
		return 0, fmt.Errorf("bản kê ghi đơn vị %q (cấp trên %q), sổ trong gói là %q (cấp trên %q): %w", m.Unit, m.UpperBody, u.Name, u.UpperBody, ErrDamaged)
	}
	_, problems, err := st.Check(ctx)
	if err != nil {
		return 0, err
	}
	if len(problems) > 0 {
		return 0, fmt.Errorf("sổ trong gói không toàn vẹn (%s): %w", strings.Join(problems, "; "), ErrDamaged)
	}
	return st.CountMembers(ctx, store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive})
}
