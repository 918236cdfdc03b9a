package ui

import (
	"context"

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
