package ui

import (
	"strconv"
	"strings"

	"sodoan/store"
)

// parseInt reads a number typed with or without thousands separators.
func parseInt(s string) (int64, error) {
	s = strings.NewReplacer(".", "", " ", "", ",", "").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, nil
	}
	return strconv.ParseInt(s, 10, 64)
}

// choiceSelect is a dropdown over one of the store's fixed lists: it shows
// the labels (translated) and gives back the codes.
type choiceSelect struct {
	selectBox
	list  []store.Choice
	quiet bool // set while the code is changed by the program, not the user
}

func newChoiceSelect(list []store.Choice, changed func(code string)) *choiceSelect {
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
func withAll(label string, list []store.Choice) []store.Choice {
	out := make([]store.Choice, 0, len(list)+1)
	out = append(out, store.Choice{Code: "", Label: label})
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
