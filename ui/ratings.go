package ui

import "sodoan/domain"

// unitRatings lists the unit ratings in the wording of the ward's rating
// scale (store.RatingChoices), as the documents print them.
func (a *App) unitRatings() []domain.Choice {
	list, err := a.st.RatingChoices(a.ctx)
	if err != nil {
		a.showError(err)
	}
	return list
}
