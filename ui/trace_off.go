//go:build !uitrace

package ui

// StartTrace is the window's test mode; this build has none (see trace.go,
// built with the uitrace tag).
func (a *App) StartTrace() {}
