//go:build !windows

package ui

func knownDocumentsDir() string { return "" }
