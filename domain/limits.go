package domain

import (
	"math"
	"strconv"
	"strings"
)

// IntRange is the range of a number a user gives (a year, a document
// number, a count), with the Vietnamese label its messages use. The window
// and the command line take their ranges from here, and the store checks
// them again, so that no number from outside reaches a date, an
// allocation or a sum unchecked.
type IntRange struct {
	Field string // Go name, for FieldError.Field
	Label string // Vietnamese label
	Min   int64
	Max   int64
}

// The ranges of the numbers users give.
var (
	// YearRange holds the years a register speaks of: the Union's work
	// recorded by a ward (reports, plans, ratings, figures). 1950 leaves
	// room for old records; 2100 for plans far ahead.
	YearRange = IntRange{Field: "Year", Label: "Năm", Min: 1950, Max: 2100}
	// DocumentNumberRange holds the numbers of the outgoing-document
	// register; they restart at 1 each year.
	DocumentNumberRange = IntRange{Field: "Number", Label: "Số văn bản", Min: 1, Max: 99999}
	// SearchLimitRange holds how many people one search returns.
	SearchLimitRange = IntRange{Field: "Limit", Label: "Số kết quả tối đa", Min: 1, Max: 10000}
	// DemoMembersRange holds the size of a demo ward.
	DemoMembersRange = IntRange{Field: "Members", Label: "Số người của phường mẫu", Min: 10, Max: 200000}
	// IDRange holds record IDs (mã) typed by hand.
	IDRange = IntRange{Field: "ID", Label: "Mã", Min: 1, Max: math.MaxInt64}
	// MoneyRange holds sums of money in đồng (a group's capital, revenue,
	// income): a million billion đồng is beyond any ward's group, and
	// sums of such figures stay far from overflowing.
	MoneyRange = IntRange{Field: "Money", Label: "Số tiền", Min: 0, Max: 1_000_000_000_000_000}
	// ImportRowsRange holds the rows of one imported member list: a
	// ward's list is thousands of rows; a sheet of more is not one, and
	// reading it would only fill the memory.
	ImportRowsRange = IntRange{Field: "Rows", Label: "Số dòng của bảng", Min: 1, Max: 200000}
	// CountRange holds counts of people typed by hand (youth of the
	// ward, new Party members) and indicator targets.
	CountRange = IntRange{Field: "Count", Label: "Số lượng", Min: 0, Max: 100_000_000}
	// OrderRange holds the order (thứ tự) of a list's item typed by hand:
	// a criterion of the checklist, an indicator of a plan.
	OrderRange = IntRange{Field: "Order", Label: "Thứ tự", Min: 0, Max: 99999}
)

// Check returns a *ValidationError naming the label and the range when v
// is outside it.
func (r IntRange) Check(v int64) error {
	if v >= r.Min && v <= r.Max {
		return nil
	}
	return r.refuse(strconv.FormatInt(v, 10))
}

// Parse reads a whole number typed by a user and checks it; anything else
// (letters, a fraction, a number too large for any computer) gets the
// same Vietnamese message.
func (r IntRange) Parse(s string) (int64, error) {
	t := strings.TrimSpace(s)
	v, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		if len(t) > 40 {
			t = t[:40] + "…"
		}
		return 0, r.refuse(strconv.Quote(t))
	}
	return v, r.Check(v)
}

// refuse is the error of a value got outside the range.
func (r IntRange) refuse(got string) error {
	c := &Checker{}
	if r.Max == math.MaxInt64 {
		c.Add(r.Field, r.Label, "%s không hợp lệ: phải là số nguyên từ %s trở lên", got, Num(r.Min))
	} else {
		c.Add(r.Field, r.Label, "%s không hợp lệ: phải là số nguyên từ %s đến %s", got, formatYearish(r, r.Min), formatYearish(r, r.Max))
	}
	return c.Err()
}

// formatYearish writes years without thousands separators (2100, not
// 2.100) and other numbers with them.
func formatYearish(r IntRange, v int64) any {
	if r.Field == "Year" {
		return strconv.FormatInt(v, 10)
	}
	return Num(v)
}

// AtMost checks v against the range's maximum for another field than the
// range's own (MoneyRange for Capital, Revenue…), adding the message to c;
// the callers say "không được âm" themselves.
func (r IntRange) AtMost(c *Checker, field, label string, v int64) {
	if v > r.Max {
		c.Add(field, label, "%s không hợp lệ: phải là số nguyên từ %s đến %s", Num(v), Num(r.Min), Num(r.Max))
	}
}

// CheckYear is YearRange.Check for an int.
func CheckYear(year int) error { return YearRange.Check(int64(year)) }
