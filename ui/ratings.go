package ui

import (
	"context"
	"fmt"

	"sodoan/domain"
	"sodoan/store"
)

// unitRatings lists the unit ratings in the wording of the ward's rating
// scale (store.RatingChoices), as the documents print them; an error is
// shown on f and leaves the list empty.
func unitRatings(ctx context.Context, st *store.Store, f frame) []domain.Choice {
	list, err := st.RatingChoices(ctx)
	if err != nil {
		f.showError(err)
	}
	return list
}

// decidedText is what the "decided on" field of a yearly fact of year
// shows: the day recorded, else today, or the year's last day once the
// year is over (a fact entered late is dated in its year).
func decidedText(c clock, year int, recorded domain.Date) string {
	today := c.today()
	// A fact recorded with no day in the running year reads as decided on
	// its last day, still to come: offer today instead.
	if !recorded.IsZero() && !recorded.After(today) {
		return recorded.String()
	}
	if today.Year() > year {
		return domain.MustDate(year, 12, 31).String()
	}
	return today.String()
}

// decidedFor is the day to save with one fact of a form: the day typed
// when the fact changed or the day itself was corrected, else none, and
// the register keeps the day it recorded.
func decidedFor(changed bool, typed, shown domain.Date) domain.Date {
	if changed || typed != shown {
		return typed
	}
	return domain.Date{}
}

// laterOf is the later of two days (zero when both are).
func laterOf(a, b domain.Date) domain.Date {
	if b.After(a) {
		return b
	}
	return a
}

// sameSet reports whether a and b hold the same ids, in any order.
func sameSet(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	in := map[int64]int{}
	for _, id := range a {
		in[id]++
	}
	for _, id := range b {
		if in[id] == 0 {
			return false
		}
		in[id]--
	}
	return true
}

// parseDecided reads a "decided on" field, which a yearly fact needs.
func parseDecided(label, text string) (domain.Date, error) {
	on, err := domain.ParseDate(text)
	switch {
	case err != nil:
		return on, fmt.Errorf("%s: %w", label, err)
	case on.IsZero():
		return on, fmt.Errorf("%s: %s", label, T("chưa nhập ngày (dd/mm/yyyy)"))
	}
	return on, nil
}
