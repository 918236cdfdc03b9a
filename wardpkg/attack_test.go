package wardpkg

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sodoan/outfile"

	"golang.org/x/text/unicode/norm"
)

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
	snap := snapshotOf(t, w, dir, "snap.db")
	id, _ := w.RegisterID(ctx)
	u, _ := w.Unit(ctx)
	for i, c := range []struct{ unit, upper string }{{"BCH ĐOÀN PHƯỜNG 2", u.UpperBody}, {u.Name, "TỈNH ĐOÀN KHÁC"}} {
		m := Manifest{Format: FormatVersion, RegisterID: id, Unit: c.unit, UpperBody: c.upper, Made: time.Now().UTC()}
		pkg := filepath.Join(dir, fmt.Sprintf("gia-%d.sodoan", i))
		if err := writePackage(outfile.Output{Path: pkg}, pass, &m, snap); err != nil {
			t.Fatal(err)
		}
		if _, err := Import(ctx, cons, pkg, pass); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "sổ trong gói là") {
			t.Fatalf("%+v: %v", c, err)
		}
		unchanged(t, cons, nil, nil)
	}
}
