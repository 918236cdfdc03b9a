package domain

import (
	"runtime"
	"strings"
)

// CmdArg writes a path as an argument of a command the user may copy
// into a terminal (the hints "sodoan-cli --db … init"): on Windows in
// double quotes, each backslash single, as cmd reads it (a Windows name
// cannot hold a double quote); elsewhere as itself when the shell would
// read it so, else in single quotes. Go's %q doubled every backslash of a
// Windows path ("C:\\users\\…"), which cmd does not undo.
func CmdArg(p string) string { return cmdArgFor(p, runtime.GOOS == "windows") }

func cmdArgFor(p string, windows bool) string {
	if windows {
		return `"` + p + `"`
	}
	if p != "" && !strings.ContainsAny(p, " \t\n'\"\\$`!*?[]{}()<>|&;#~=%") {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}
