package ui

import "sodoan/demo"

// generateDemo fills the empty register with the demo ward (it refuses a
// register that has people already); a unit named on the welcome screen
// names the ward.
func (a *App) generateDemo(members int) error {
	return demo.Generate(a.ctx, a.st, demo.Options{Members: members, Seed: 1, Year: a.thisYear()})
}
