package domain

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Span is the part of a working year a report counts: from the first day
// of the year through To, the cut-off (never after the year's last day).
type Span struct {
	Year int  // the working year, named by the calendar year it ends in
	From Date // its first day
	End  Date // its last day
	To   Date // the cut-off: the last day counted
}

// ParseDayMonth reads a "dd/mm" day of the year (the start of the working
// year).
func ParseDayMonth(v string) (day, month int, ok bool) {
	a, b, found := strings.Cut(v, "/")
	if !found {
		return 0, 0, false
	}
	d, e1 := strconv.Atoi(strings.TrimSpace(a))
	m, e2 := strconv.Atoi(strings.TrimSpace(b))
	if e1 != nil || e2 != nil {
		return 0, 0, false
	}
	// 2001 is not a leap year: 29/02 would make a year of shifting length.
	if _, err := NewDate(2001, m, d); err != nil {
		return 0, 0, false
	}
	return d, m, true
}

// YearSpanOf is the working year named year that starts on day/month (1/1:
// the calendar year), counted up to cutoff (zero: today, the caller's
// clock, or the year's end when it is over).
func YearSpanOf(year, day, month int, cutoff, today Date) Span {
	sp := Span{Year: year, From: MustDate(year, month, day)}
	if day != 1 || month != 1 {
		sp.From = MustDate(year-1, month, day)
	}
	sp.End = AddDays(sp.From.AddYears(1), -1)
	if cutoff.IsZero() {
		cutoff = today
	}
	sp.To = sp.End
	if cutoff.Before(sp.End) {
		sp.To = cutoff
	}
	return sp
}

// Until is the day after the cut-off, as an ISO date: the exclusive end
// of the span in queries.
func (sp Span) Until() string { return AddDays(sp.To, 1).ISO() }

// AddDays is d moved by n days.
func AddDays(d Date, n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Elapsed is the share of [from, end] gone by on the cut-off, 0 to 1.
func Elapsed(from, end, cutoff Date) float64 {
	all := end.Time().Sub(from.Time()).Hours()/24 + 1
	done := cutoff.Time().Sub(from.Time()).Hours()/24 + 1
	return math.Min(math.Max(done/all, 0), 1)
}

// YearSpan is the half-open range of ISO dates of a calendar year.
func YearSpan(year int) (from, to string) {
	return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)
}
