// Package wardpkg carries a ward's register to its upper level: a package
// file holds a consistent copy of the whole register and a manifest (the
// unit, the register's identity, its schema, when it was made), encrypted
// with a passphrase (age, scrypt recipient), since it holds personal data
// (Nghị định 13/2023/NĐ-CP). The upper level imports its wards' packages
// into a consolidation register and measures every indicator per ward and
// in total. It calls the store's public API only.
//
// The file is the age encryption of a gzip-compressed tar archive of two
// entries, in this order: manifest.json, then register.db (the SQLite
// file). The manifest comes first so that a package the consolidation
// register would refuse is refused before the register is unpacked.
package wardpkg

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sodoan/outfile"

	"sodoan/domain"

	"filippo.io/age"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"sodoan/store"
	"sodoan/version"
)

// FormatVersion is the version of the package layout this build writes
// and the newest it reads.
const FormatVersion = 1

// MinPassphrase is the fewest characters a package's passphrase may have.
const MinPassphrase = 8

// WorkFactor is scrypt's log2 cost for new packages (age's default: about
// a second on an office laptop). Only tests change it: they set a lower
// cost in TestMain (10: a few milliseconds instead of a second a package,
// many times that under the race detector); the format is the same and
// any cost up to maxWorkFactor opens.
var WorkFactor = 18

const (
	manifestName = "manifest.json"
	registerName = "register.db"
	ageMagic     = "age-encryption.org/v1\n"
	// maxManifest bounds what is read of a manifest (a few hundred bytes
	// in practice).
	maxManifest = 1 << 16
)

// maxRegister bounds the register a package unpacks to, in bytes: a
// package whose register is larger is refused before anything is
// written, and no more than this is ever written, so that a package (its
// passphrase known) cannot fill the upper level's disk. A real ward of
// 100,000 members is about 80 MB unpacked (23 MB packed); 2 GiB leaves a
// wide margin. Tests lower it.
var maxRegister int64 = 2 << 30

// Errors a package can be refused with; each is wrapped in a message
// naming the file.
var (
	ErrNotPackage    = errors.New("không phải gói dữ liệu Sổ Đoàn")
	ErrPassphrase    = errors.New("sai mật khẩu của gói")
	ErrDamaged       = errors.New("gói bị hỏng hoặc đã bị sửa đổi")
	ErrNewer         = errors.New("gói được lập bởi phiên bản Sổ Đoàn mới hơn: hãy cập nhật Sổ Đoàn rồi nhập lại")
	ErrBadPassphrase = errors.New("mật khẩu không dùng được")
	ErrTooLarge      = errors.New("gói quá lớn")
)

// Manifest describes a package.
type Manifest struct {
	Format     int       `json:"format"`
	App        string    `json:"app"`
	AppVersion string    `json:"app_version"`
	RegisterID string    `json:"register_id"`
	Unit       string    `json:"unit"`
	UpperBody  string    `json:"upper_body"`
	Place      string    `json:"place"`
	Schema     int       `json:"schema"`
	Made       time.Time `json:"made"`
	Size       int64     `json:"size"`   // bytes of register.db
	SHA256     string    `json:"sha256"` // of register.db, hex
}

// Ward is the consolidation register's entry for the package.
func (m Manifest) Ward() domain.Ward {
	return domain.Ward{RegisterID: m.RegisterID, Unit: m.Unit, UpperBody: m.UpperBody, Made: m.Made, Schema: m.Schema}
}

// CheckPassphrase refuses an empty or short passphrase, and one holding
// control characters (a binary file given as the passphrase file, or one
// saved as UTF-16 without its mark).
func CheckPassphrase(p string) error {
	n := utf8.RuneCountInString(norm.NFC.String(p))
	switch {
	case strings.TrimSpace(p) == "":
		return fmt.Errorf("%w: mật khẩu trống", ErrBadPassphrase)
	case !utf8.ValidString(p):
		return fmt.Errorf("%w: mật khẩu không phải văn bản UTF-8 (hãy lưu tệp mật khẩu với mã hóa UTF-8)", ErrBadPassphrase)
	case strings.ContainsFunc(p, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }):
		return fmt.Errorf("%w: mật khẩu chứa ký tự điều khiển (tệp mật khẩu phải là văn bản, mật khẩu ở dòng đầu)", ErrBadPassphrase)
	case n < MinPassphrase:
		return fmt.Errorf("%w: mật khẩu chỉ có %d ký tự, cần ít nhất %d", ErrBadPassphrase, n, MinPassphrase)
	}
	return nil
}

// maxPassphraseLine is the longest first line a passphrase file may have,
// in bytes: a longer one is not a passphrase someone typed.
const maxPassphraseLine = 1024

// ReadPassphrase reads a passphrase from the first line of a file (the
// line ending, LF or CRLF, is not part of it) and checks it. The file may
// be UTF-8 with or without a byte-order mark, or UTF-16 with its mark, as
// Windows Notepad saves it. Passphrases are never given on a command
// line, where other users and the shell's history would see them.
func ReadPassphrase(path string) (string, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("không có tệp mật khẩu %s: %w", path, err)
	case err != nil:
		return "", fmt.Errorf("đọc tệp mật khẩu %s: %w", path, err)
	case fi.IsDir():
		return "", fmt.Errorf("tệp mật khẩu %s là một thư mục: %w", path, ErrBadPassphrase)
	case !fi.Mode().IsRegular():
		return "", fmt.Errorf("tệp mật khẩu %s %w", path, outfile.ErrNotRegular)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("đọc tệp mật khẩu %s: %w", path, err)
	}
	defer f.Close()
	// A byte-order mark picks the encoding (and goes); without one the
	// bytes are taken as they are, and CheckPassphrase refuses what is
	// not UTF-8.
	dec := transform.NewReader(io.LimitReader(f, 4*maxPassphraseLine), xunicode.BOMOverride(transform.Nop))
	b, err := io.ReadAll(dec)
	if err != nil {
		return "", fmt.Errorf("đọc tệp mật khẩu %s: %w", path, err)
	}
	if strings.HasPrefix(string(b), ageMagic) {
		return "", fmt.Errorf("tệp mật khẩu %s là một gói .sodoan, không phải tệp mật khẩu: %w", path, ErrBadPassphrase)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	line = strings.TrimSuffix(line, "\r")
	if len(line) > maxPassphraseLine {
		return "", fmt.Errorf("tệp mật khẩu %s: dòng đầu dài hơn %d byte, không phải một mật khẩu: %w", path, maxPassphraseLine, ErrBadPassphrase)
	}
	if err := CheckPassphrase(line); err != nil {
		return "", fmt.Errorf("tệp mật khẩu %s: %w", path, err)
	}
	return line, nil
}

// Export writes the register of st as a package at out, encrypted with
// passphrase. The register stays open and in use; out is written to a
// temporary name and renamed into place, and may not be the register nor
// any database; an existing file is replaced only with replace. A
// consolidation register is refused: it is not a ward's.
func Export(ctx context.Context, st *store.Store, out, passphrase string, replace bool) (Manifest, error) {
	if err := CheckPassphrase(passphrase); err != nil {
		return Manifest{}, err
	}
	if err := st.RefuseConsolidation(ctx, "xuất gói của phường"); err != nil {
		return Manifest{}, err
	}
	dest := st.Output(out, replace)
	if err := dest.Check(); err != nil {
		return Manifest{}, err
	}
	// The plaintext copy stays beside the register, where its data lives
	// already, and goes whatever happens (a killed run's, at the next).
	snap, remove, err := st.TempSnapshot(ctx, registerName)
	if err != nil {
		return Manifest{}, err
	}
	defer remove()
	u, err := st.Unit(ctx)
	if err != nil {
		return Manifest{}, err
	}
	id, err := st.RegisterID(ctx)
	if err != nil {
		return Manifest{}, err
	}
	m := Manifest{Format: FormatVersion, App: "Sổ Đoàn", AppVersion: version.Version, RegisterID: id,
		Unit: u.Name, UpperBody: u.UpperBody, Place: u.Place, Made: st.Now().UTC()}
	if err := writePackage(dest, passphrase, &m, snap); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// writePackage fills in the manifest's schema, size and digest from the
// register file snap and writes the package.
func writePackage(out outfile.Output, passphrase string, m *Manifest, snap string) error {
	f, err := os.Open(snap)
	if err != nil {
		return fmt.Errorf("đọc bản chép của sổ: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("đọc bản chép của sổ: %w", err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("đọc bản chép của sổ: %w", err)
	}
	m.Size, m.SHA256 = fi.Size(), hex.EncodeToString(h.Sum(nil))
	if m.Schema, err = schemaOf(f); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("đọc bản chép của sổ: %w", err)
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	rcp, err := age.NewScryptRecipient(norm.NFC.String(passphrase))
	if err != nil {
		return fmt.Errorf("%w: %w", ErrBadPassphrase, err)
	}
	rcp.SetWorkFactor(WorkFactor)
	return out.Write(func(w io.Writer) error {
		enc, err := age.Encrypt(w, rcp)
		if err != nil {
			return fmt.Errorf("mã hóa gói: %w", err)
		}
		gz, _ := gzip.NewWriterLevel(enc, gzip.BestSpeed)
		tw := tar.NewWriter(gz)
		entries := []struct {
			name string
			size int64
			r    io.Reader
		}{
			{manifestName, int64(len(manifest)), bytes.NewReader(manifest)},
			{registerName, m.Size, f},
		}
		for _, e := range entries {
			hdr := &tar.Header{Name: e.name, Mode: 0o600, Size: e.size, ModTime: m.Made, Typeflag: tar.TypeReg}
			if err := tw.WriteHeader(hdr); err != nil {
				return fmt.Errorf("ghi gói: %w", err)
			}
			if _, err := io.Copy(tw, e.r); err != nil {
				return fmt.Errorf("ghi gói: %w", err)
			}
		}
		for _, c := range []io.Closer{tw, gz, enc} {
			if err := c.Close(); err != nil {
				return fmt.Errorf("ghi gói: %w", err)
			}
		}
		return nil
	})
}

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// schemaOf reads a register file's schema version from its header (the
// user_version field at offset 60), without opening it as a database.
func schemaOf(f io.ReaderAt) (int, error) {
	head := make([]byte, 64)
	if _, err := f.ReadAt(head, 0); err != nil || string(head[:16]) != sqliteMagic {
		return 0, fmt.Errorf("tệp sổ trong gói không phải tệp dữ liệu SQLite: %w", ErrDamaged)
	}
	return int(int32(binary.BigEndian.Uint32(head[60:64]))), nil
}
