package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day with no time of day and no zone: birthdays and
// admission dates must not shift when a laptop changes time zone. The zero
// value means "not set".
type Date struct {
	y, m, d int
}

// NewDate returns the date y-m-d, or an error when it is not a real day.
func NewDate(y, m, d int) (Date, error) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return Date{}, ErrMsg("ngày %02d/%02d/%04d không có thật", d, m, y)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, ErrMsg("ngày %02d/%02d/%04d không có thật", d, m, y)
	}
	return Date{y, m, d}, nil
}

// MustDate is NewDate for constants in code and tests; it panics on a bad day.
func MustDate(y, m, d int) Date {
	dt, err := NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return dt
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date { return Date{t.Year(), int(t.Month()), t.Day()} }

// Today is the local calendar day of the wall clock. Only the top reads
// it (cmd, the window's default clock); a rule is given today by its caller,
// so that a test can set the day.
func Today() Date { return DateOf(time.Now()) }

// ParseDate reads what people type: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy,
// dd.mm.yyyy) and the ISO form yyyy-mm-dd. An empty string is the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, e1 := strconv.Atoi(s[:4])
		m, e2 := strconv.Atoi(s[5:7])
		d, e3 := strconv.Atoi(s[8:])
		if e1 == nil && e2 == nil && e3 == nil {
			return NewDate(y, m, d)
		}
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return Date{}, ErrMsg("%q không đúng dạng ngày/tháng/năm (dd/mm/yyyy)", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, ErrMsg("%q không đúng dạng ngày/tháng/năm (dd/mm/yyyy)", s)
		}
		n[i] = v
	}
	if len(parts[2]) != 4 {
		return Date{}, ErrMsg("%q: năm phải có 4 chữ số", s)
	}
	return NewDate(n[2], n[1], n[0])
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.y == 0 }

// Year returns the year of the date (0 when unset).
func (d Date) Year() int { return d.y }

// Month returns the month of the date, 1 to 12 (0 when unset).
func (d Date) Month() int { return d.m }

// Day returns the day of the month (0 when unset).
func (d Date) Day() int { return d.d }

// String formats the date as dd/mm/yyyy, the form used in every screen,
// PDF and spreadsheet; an unset date is the empty string.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.d, d.m, d.y)
}

// ISO formats the date as yyyy-mm-dd, the form kept in the database so that
// text order is date order.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC) }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.y != o.y:
		return cmpInt(d.y, o.y)
	case d.m != o.m:
		return cmpInt(d.m, o.m)
	default:
		return cmpInt(d.d, o.d)
	}
}

// Before reports whether d comes strictly before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d comes strictly after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// AgeOn returns the age in whole years of someone born on d, on day on.
func (d Date) AgeOn(on Date) int {
	age := on.y - d.y
	if on.m < d.m || (on.m == d.m && on.d < d.d) {
		age--
	}
	return age
}

// AddYears returns the same day n years later (29/02 becomes 28/02).
func (d Date) AddYears(n int) Date {
	if d.IsZero() {
		return d
	}
	nd, err := NewDate(d.y+n, d.m, d.d)
	if err != nil {
		return Date{d.y + n, d.m, 28}
	}
	return nd
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
