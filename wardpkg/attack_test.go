package wardpkg

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"sodoan/store"
)

// TestPackageFileAttacks: what an attacker (or a mistaken click) gives as
// the package file is refused with a Vietnamese message naming it, in
// moments, and changes nothing: a folder, a missing file, megabytes of
// garbage with or without the age header, and a header asking for a
// scrypt cost that would take gigabytes.
func TestPackageFileAttacks(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w := ward(t, dir, "BCH Đoàn phường 1", 7, 30)
	pkg := filepath.Join(dir, "p1.sodoan")
	export(t, w, pkg)
	cons := consolidation(t, dir)
	raw, _ := os.ReadFile(pkg)

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	garbage := make([]byte, 16<<20)
	rand.Read(garbage)
	folder := filepath.Join(dir, "thu-muc.sodoan")
	os.Mkdir(folder, 0o700)
	// The package's scrypt stanza ("-> scrypt SALT 10") asking for 2^21.
	costly := regexp.MustCompile(`(-> scrypt \S+) \d+\n`).ReplaceAll(raw, []byte("$1 21\n"))
	if bytes.Equal(costly, raw) {
		t.Fatal("no scrypt stanza in the package")
	}
	cases := []struct {
		name, file string
		want       error
		msg        string
	}{
		{"a folder", folder, ErrNotPackage, "là một thư mục"},
		{"a missing file", filepath.Join(dir, "khong-co.sodoan"), os.ErrNotExist, "không có tệp gói"},
		{"16 MB of garbage", write("rac", garbage), ErrNotPackage, "không phải tệp .sodoan"},
		{"the age header, then garbage", write("rac-age", append([]byte(ageMagic), garbage...)), ErrDamaged, "hãy xin phường gửi lại gói"},
		{"a work factor of 2^21", write("nang", costly), ErrDamaged, "work factor too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Import(ctx, cons, c.file, pass)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), c.file) {
				t.Fatalf("error %v, want %v with %q", err, c.want, c.msg)
			}
			// The cause is quoted, never the whole garbage line.
			if n := len(err.Error()); n > 600 {
				t.Fatalf("a message of %d bytes: %.200s…", n, err)
			}
			unchanged(t, cons, nil, nil)
		})
	}
	if now, _ := os.ReadFile(pkg); !bytes.Equal(now, raw) {
		t.Fatal("the package changed")
	}
}

// TestPassphraseNFC: a Vietnamese passphrase is the same whether its
// accents were typed composed (NFC) or combining (NFD, as some Unikey
// settings and macOS send them), at either end.
func TestPassphraseNFC(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	const typed = "Mật khẩu Phường Hòa Thuận"
	nfc, nfd := norm.NFC.String(typed), norm.NFD.String(typed)
	if nfc == nfd {
		t.Fatal("the passphrase has no accents")
	}
	for i, c := range []struct{ made, given string }{{nfd, nfc}, {nfc, nfd}, {nfd, nfd}} {
		w := ward(t, dir, "BCH Đoàn phường "+string(rune('A'+i)), int64(40+i), 20)
		pkg := filepath.Join(dir, string(rune('a'+i))+".sodoan")
		if _, err := Export(ctx, w, pkg, c.made, false); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadManifest(pkg, c.given); err != nil {
			t.Errorf("made with %+q, opened with %+q: %v", c.made, c.given, err)
		}
		if _, err := ReadManifest(pkg, nfc+"x"); !errors.Is(err, ErrPassphrase) {
			t.Errorf("another passphrase: %v", err)
		}
	}
}

// TestManifestNamesAnotherUnit: a manifest naming another unit than the
// register it carries (a crafted package: Export writes both from one
// register) is refused: the upper level would list and report the ward
// under a name that is not its own.
func TestManifestNamesAnotherUnit(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w := ward(t, dir, "BCH Đoàn phường 1", 9, 20)
	cons := consolidation(t, dir)
	snap := filepath.Join(dir, "snap.db")
	if err := w.Snapshot(ctx, snap); err != nil {
		t.Fatal(err)
	}
	id, _ := w.RegisterID(ctx)
	u, _ := w.Unit(ctx)
	for i, c := range []struct{ unit, upper string }{{"BCH ĐOÀN PHƯỜNG 2", u.UpperBody}, {u.Name, "TỈNH ĐOÀN KHÁC"}} {
		m := Manifest{Format: FormatVersion, RegisterID: id, Unit: c.unit, UpperBody: c.upper, Made: time.Now().UTC()}
		pkg := filepath.Join(dir, fmt.Sprintf("gia-%d.sodoan", i))
		if err := writePackage(store.Output{Path: pkg}, pass, &m, snap); err != nil {
			t.Fatal(err)
		}
		if _, err := Import(ctx, cons, pkg, pass); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "sổ trong gói là") {
			t.Fatalf("%+v: %v", c, err)
		}
		unchanged(t, cons, nil, nil)
	}
}
