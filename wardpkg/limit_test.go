package wardpkg

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegisterSizeLimit: a package whose register would unpack to more
// than maxRegister bytes is refused, naming the package, the size and the
// limit, before anything is written to the wards folder; one at the limit
// comes in. The limit is lowered around a real package's register.
func TestRegisterSizeLimit(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w := ward(t, dir, "BCH Đoàn phường Lớn", 11, 60)
	pkg := filepath.Join(dir, "lon.sodoan")
	m := export(t, w, pkg)
	defer func(old int64) { maxRegister = old }(maxRegister)
	cases := []struct {
		name  string
		limit int64
		ok    bool
	}{
		{"far below", 4 << 10, false},
		{"one byte below", m.Size - 1, false},
		{"equal", m.Size, true},
		{"default", 2 << 30, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			maxRegister = c.limit
			cons := consolidation(t, t.TempDir())
			_, err := Import(ctx, cons, pkg, pass)
			if c.ok {
				if err != nil {
					t.Fatalf("limit %d, register %d: %v", c.limit, m.Size, err)
				}
				if got := listDir(t, cons.WardsDir()); len(got) != 1 {
					t.Fatalf("wards folder: %v", got)
				}
				return
			}
			if !errors.Is(err, ErrTooLarge) || errors.Is(err, ErrDamaged) {
				t.Fatalf("limit %d, register %d: %v", c.limit, m.Size, err)
			}
			for _, want := range []string{pkg, "BCH ĐOÀN PHƯỜNG LỚN", formatSize(m.Size, true), "giới hạn " + formatSize(c.limit, false), "không có gì thay đổi"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message lacks %q: %v", want, err)
				}
			}
			unchanged(t, cons, nil, nil)
			// Reading the manifest alone refuses it too, and Unpack
			// leaves no file behind.
			if _, err := ReadManifest(pkg, pass); !errors.Is(err, ErrTooLarge) {
				t.Fatalf("ReadManifest: %v", err)
			}
			dest := filepath.Join(t.TempDir(), "r.db")
			if _, err := Unpack(pkg, pass, dest, nil); !errors.Is(err, ErrTooLarge) {
				t.Fatalf("Unpack: %v", err)
			}
			if got := listDir(t, filepath.Dir(dest)); len(got) != 0 {
				t.Fatalf("left behind: %v", got)
			}
		})
	}
}

// TestFormatSize: sizes are rounded up and limits down, so that one byte
// over the limit never reads as the limit.
func TestFormatSize(t *testing.T) {
	for _, c := range []struct {
		n        int64
		up, down string
	}{
		{1, "1 KB", "0 KB"},
		{1 << 10, "1 KB", "1 KB"},
		{1<<10 + 1, "2 KB", "1 KB"},
		{1 << 20, "1 MB", "1 MB"},
		{81440768, "78 MB", "77 MB"},
		{2 << 30, "2.048 MB", "2.048 MB"},
		{2<<30 + 1, "2.049 MB", "2.048 MB"},
	} {
		if got := formatSize(c.n, true); got != c.up {
			t.Errorf("formatSize(%d, up) = %q, want %q", c.n, got, c.up)
		}
		if got := formatSize(c.n, false); got != c.down {
			t.Errorf("formatSize(%d, down) = %q, want %q", c.n, got, c.down)
		}
	}
}
