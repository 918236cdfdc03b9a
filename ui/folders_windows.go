//go:build windows

package ui

import "golang.org/x/sys/windows"

// knownDocumentsDir is the Documents known folder, wherever the user or
// their organisation moved it.
func knownDocumentsDir() string {
	d, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err != nil {
		return ""
	}
	return d
}
