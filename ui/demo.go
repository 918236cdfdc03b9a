package ui

import "sodoan/store"

// generateDemo fills the empty register with the demo ward (the store
// refuses a register that has people already).
func (a *App) generateDemo(members int) error {
	return a.st.GenerateDemo(a.ctx, store.DemoOptions{Members: members, Seed: 1, Year: a.thisYear()})
}
