package main

import (
	"os"
	"runtime"
	"strings"
)

// userPath writes a path of the user's own folders the way the user types
// it: on Windows %AppData%, %LocalAppData% or %UserProfile% (which cmd and
// Explorer's address bar understand) with one backslash, never Go's
// quoted "C:\\users\\…"; elsewhere ~ for the home folder. Used where the
// help names a default; what a command wrote is printed whole, for
// scripts.
func userPath(p string) string {
	if runtime.GOOS == "windows" {
		return aliasFolder(p, []folderAlias{
			{os.Getenv("APPDATA"), "%AppData%"},
			{os.Getenv("LOCALAPPDATA"), "%LocalAppData%"},
			{os.Getenv("USERPROFILE"), "%UserProfile%"},
		}, `\`, true)
	}
	home, _ := os.UserHomeDir()
	return aliasFolder(p, []folderAlias{{home, "~"}}, "/", false)
}

// folderAlias is a folder and the word that names it.
type folderAlias struct{ dir, name string }

// aliasFolder replaces the first of aliases (in order: the longer
// folders first) that p starts with, as a whole folder (sep after it, or
// nothing), caselessly where names are.
func aliasFolder(p string, aliases []folderAlias, sep string, caseless bool) string {
	for _, a := range aliases {
		dir := strings.TrimRight(a.dir, sep)
		if len(dir) < 2 || len(p) < len(dir) {
			continue
		}
		head, rest := p[:len(dir)], p[len(dir):]
		same := head == dir || caseless && strings.EqualFold(head, dir)
		if same && (rest == "" || strings.HasPrefix(rest, sep)) {
			return a.name + rest
		}
	}
	return p
}
