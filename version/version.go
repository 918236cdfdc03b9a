// Package version tells which Sổ Đoàn a binary is: the version written in
// FyneApp.toml and the day it was built. The Makefile sets both with
// -ldflags "-X sodoan/version.Version=… -X sodoan/version.Date=…", so the
// window, the command line and the Windows resources all read one place.
package version

import (
	"runtime/debug"
	"time"
)

// Version is FyneApp.toml's Details.Version; "dev" for a build made
// without the Makefile.
var Version = "dev"

// Date is the build day as YYYY-MM-DD (UTC); empty for a build made without
// the Makefile, when the commit's date stands in for it.
var Date = ""

// BuildDate is the day the binary was built, or the zero time when unknown.
func BuildDate() time.Time {
	if d, err := time.Parse("2006-01-02", Date); err == nil {
		return d
	}
	// go build stamps the commit time when it runs inside a git checkout.
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.time" {
				if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
					return t.UTC()
				}
			}
		}
	}
	return time.Time{}
}

// DateText is the build day as dd/mm/yyyy, as every date in Sổ Đoàn, or
// "?" when unknown.
func DateText() string {
	d := BuildDate()
	if d.IsZero() {
		return "?"
	}
	return d.Format("02/01/2006")
}

// String is the line `sodoan --version` and `sodoan-cli --version` print,
// for example "Sổ Đoàn 0.1.0, dựng ngày 28/11/2026"; Settings shows the
// same words.
func String() string {
	return "Sổ Đoàn " + Version + ", dựng ngày " + DateText()
}

// Set makes v and d the Version and Date, as -ldflags would, and returns
// the function that puts the previous ones back. For tests of what prints
// the version.
func Set(v, d string) (restore func()) {
	oldV, oldD := Version, Date
	Version, Date = v, d
	return func() { Version, Date = oldV, oldD }
}
