package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets of the store's parsers. `make test` runs their seed
// corpus; `make fuzz` runs each for a bounded time.

// FuzzParseDate: whatever is typed, ParseDate returns a real day or a
// message, never panics, and a day it returns reads back as itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"17/05/2000", "1/2/2003", "2000-05-17", "29/02/2001", "31/12/0000", "00/00/0000",
		"31/12/99999999999999999999", "-1/-1/-2000", "1.1.1900", "12/31/2000", "\x00", "١٢/٠٥/٢٠٠٠", "17/05/2000/1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: an empty message", s)
			}
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("%q: no day and no error", s)
			}
			return
		}
		if d.Year() < 1900 || d.Year() > 2200 {
			t.Fatalf("%q: year %d accepted", s, d.Year())
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q → %s → %v, %v", s, d, back, err)
		}
	})
}

// FuzzNames: Clean, CleanLines, Fold and SplitFullName never panic, Clean
// is idempotent, and the three parts of a split name are the cleaned name.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"Nguyễn Văn An", "  Lê   Thị\tMai  ", "Hoà", "Qúy", "H'Hen Niê", "\x00", "\xff\xfe",
		"a\u0301\u0301\u0301", "😀 👨‍👩‍👧", "Đ", strings.Repeat("Thủy ", 50), "\n\r\n", "uoà"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if again := Clean(c); again != c {
			t.Fatalf("Clean not idempotent: %q → %q → %q", s, c, again)
		}
		_ = CleanLines(s)
		_ = Fold(s)
		family, middle, given := SplitFullName(s)
		if utf8.ValidString(s) {
			if joined := JoinName(family, middle, given); joined != c {
				t.Fatalf("SplitFullName(%q) = %q %q %q, want the parts of %q", s, family, middle, given, c)
			}
		}
		if strings.Contains(given, " ") {
			t.Fatalf("SplitFullName(%q): given name %q has a space", s, given)
		}
	})
}
