package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"
)

// readInt reads a whole number typed in the window, with or without
// thousands separators (empty is 0). Every number field of the window
// reads through here, so that each says what is wrong the same way: not a
// number, or larger than the field's maximum (r.Max, from store/limits.go)
// however many digits were typed.
func readInt(s string, r domain.IntRange) (int64, error) {
	s = strings.NewReplacer(".", "", " ", "", ",", "").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if errors.Is(err, strconv.ErrRange) || (err == nil && v > r.Max) {
		if strings.HasPrefix(s, "-") {
			return 0, numberError(T("không được âm"))
		}
		return 0, tooLarge(r)
	}
	if err != nil {
		return 0, numberError(T("không phải là số"))
	}
	return v, nil
}

// tooLarge says that a number is over r's maximum, naming it (a year
// without a thousands separator).
func tooLarge(r domain.IntRange) error {
	max := fmtInt(r.Max)
	if r.Field == domain.YearRange.Field {
		max = strconv.FormatInt(r.Max, 10)
	}
	return numberError(fmt.Sprintf(T("quá lớn: tối đa %s"), max))
}

// numberError is what is wrong with a typed number, already in the
// window's language.
type numberError string

func (e numberError) Error() string { return string(e) }

// choiceSelect is a dropdown over one of the store's fixed lists: it shows
// the labels (translated) and gives back the codes.
type choiceSelect struct {
	selectBox
	list  []domain.Choice
	quiet bool // set while the code is changed by the program, not the user
}

func newChoiceSelect(list []domain.Choice, changed func(code string)) *choiceSelect {
	opts := make([]string, len(list))
	for i, c := range list {
		opts[i] = T(c.Label)
	}
	c := &choiceSelect{list: list}
	c.init(c, opts, func(string) {
		if changed != nil && !c.quiet {
			changed(c.code())
		}
	})
	return c
}

func (c *choiceSelect) code() string {
	i := c.SelectedIndex()
	if i < 0 {
		return ""
	}
	return c.list[i].Code
}

// setCode selects code without running the change callback: only the
// user's choices trigger reloads.
func (c *choiceSelect) setCode(code string) {
	c.quiet = true
	defer func() { c.quiet = false }()
	for i, ch := range c.list {
		if ch.Code == code {
			c.SetSelectedIndex(i)
			return
		}
	}
	c.ClearSelected()
}

// withAll puts an "all" choice with the empty code in front of a list, for
// filters.
func withAll(label string, list []domain.Choice) []domain.Choice {
	out := make([]domain.Choice, 0, len(list)+1)
	out = append(out, domain.Choice{Code: "", Label: label})
	for _, c := range list {
		if c.Code != "" {
			out = append(out, c)
		}
	}
	return out
}

// yearOptions lists the years a year dropdown offers, newest first.
func yearOptions(from, to int) []string {
	var out []string
	for y := to; y >= from; y-- {
		out = append(out, strconv.Itoa(y))
	}
	return out
}
