package ui

import (
	"time"

	"sodoan/domain"
)

// clock is the window's time as a screen reads it (Options.Now): today's
// date, the year screens start on, and the moment a file written now is
// named after. Screens are given it rather than reading the machine's
// clock, so that the window's today is the register's.
type clock struct {
	now   func() time.Time
	today func() domain.Date
}

// thisYear is the calendar year the screens start on.
func (c clock) thisYear() int { return c.today().Year() }

// fileStamp is the time in the name of a file the window writes (a
// backup, a package, an export): the same clock names the register's own
// backups.
func (c clock) fileStamp() string { return c.now().Format("2006-01-02-150405") }
