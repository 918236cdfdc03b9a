package ui

import "errors"

// generateDemo fills the register with the demo ward.
func (a *App) generateDemo(members int) error {
	return errors.New("chưa có phường mẫu")
}
