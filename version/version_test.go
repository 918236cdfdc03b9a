package version

import (
	"testing"
	"time"
)

func TestString(t *testing.T) {
	defer Set(Version, Date)()
	for _, tc := range []struct {
		version, date, want string
	}{
		{"0.1.0", "2026-11-28", "Sổ Đoàn 0.1.0, dựng ngày 28/11/2026"},
		{"1.2.3", "2027-01-05", "Sổ Đoàn 1.2.3, dựng ngày 05/01/2027"},
	} {
		Version, Date = tc.version, tc.date
		if got := String(); got != tc.want {
			t.Errorf("String() with %q, %q = %q, want %q", tc.version, tc.date, got, tc.want)
		}
		want, _ := time.Parse("2006-01-02", tc.date)
		if got := BuildDate(); !got.Equal(want) {
			t.Errorf("BuildDate() = %v, want %v", got, want)
		}
	}
}

// A build without the Makefile has no Date; a malformed one must not be
// printed as a date either. Under `go test` the binary carries no VCS stamp,
// so the date is unknown.
func TestUnknownDate(t *testing.T) {
	defer Set(Version, Date)()
	for _, d := range []string{"", "28/11/2026", "2026-13-01"} {
		Date = d
		if got := DateText(); got != "?" {
			t.Errorf("DateText() with Date %q = %q, want ?", d, got)
		}
	}
}
