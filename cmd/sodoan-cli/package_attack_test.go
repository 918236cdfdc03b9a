package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackagePassphraseFiles: a package made with a plain passphrase file
// opens with the same passphrase saved by Windows Notepad (byte-order
// mark, CRLF; or UTF-16); and --out never replaces the passphrase file it
// is encrypted with, by its name or through a link.
func TestPackagePassphraseFiles(t *testing.T) {
	dir := t.TempDir()
	ward := filepath.Join(dir, "phuong.db")
	if _, _, err := cli(t, "--db", ward, "demo", "--members", "40", "--seed", "9"); err != nil {
		t.Fatal(err)
	}
	file := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plain := file("mk.txt", "Mật khẩu phường 9\n")
	pkg := filepath.Join(dir, "goi.sodoan")
	if _, _, err := cli(t, "--db", ward, "package", "export", "--out", pkg, "--passphrase-file", plain); err != nil {
		t.Fatal(err)
	}

	link := filepath.Join(dir, "lien-ket.txt")
	if err := os.Symlink(plain, link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{plain, link, filepath.Join(dir, "x", "..", "mk.txt")} {
		_, _, err := cli(t, "--db", ward, "package", "export", "--out", out, "--passphrase-file", plain, "--force")
		if err == nil || !strings.Contains(err.Error(), "là chính tệp mật khẩu") {
			t.Fatalf("--out %s: %v", out, err)
		}
		if b, _ := os.ReadFile(plain); string(b) != "Mật khẩu phường 9\n" {
			t.Fatalf("--out %s replaced the passphrase file: %.40q", out, b)
		}
	}

	notepad := []struct{ name, content string }{
		{"utf8-bom-crlf", "\ufeffMật khẩu phường 9\r\n"},
		{"utf16le", utf16LE("\ufeffMật khẩu phường 9\r\n")},
	}
	for i, c := range notepad {
		cons := filepath.Join(dir, "tinh"+itoa(int64(i))+".db")
		if _, _, err := cli(t, "--db", cons, "init", "--consolidation"); err != nil {
			t.Fatal(err)
		}
		out, _, err := cli(t, "--db", cons, "package", "import", pkg, "--passphrase-file", file(c.name+".txt", c.content))
		if err != nil || !strings.Contains(out, "Đã nhập gói") {
			t.Fatalf("%s: %v %s", c.name, err, out)
		}
	}
	// The package file itself is no passphrase file.
	raw, _ := os.ReadFile(pkg)
	if _, _, err := cli(t, "--db", ward, "package", "export", "--out", filepath.Join(dir, "b.sodoan"), "--passphrase-file", pkg); err == nil || !strings.Contains(err.Error(), "là một gói .sodoan") {
		t.Fatalf("a package taken for a passphrase file: %v", err)
	}
	if now, _ := os.ReadFile(pkg); !bytes.Equal(now, raw) {
		t.Fatal("the package changed")
	}
}

// utf16LE encodes s (BMP only) as UTF-16, little-endian.
func utf16LE(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}
