package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sodoan/version"
)

// Settings shows the line `sodoan --version` and `sodoan-cli --version`
// print: the same version and build date, from the version package.
func TestSettingsShowsVersion(t *testing.T) {
	defer version.Set("3.4.5", "2026-11-28")()
	f := newFixture(t, "settings")
	f.app.goTo("settings")
	want := version.String()
	if want != "Sổ Đoàn 3.4.5, dựng ngày 28/11/2026" {
		t.Fatalf("version.String() = %q", want)
	}
	labels := 0
	for _, o := range test.LaidOutObjects(f.app.screens["settings"].view()) {
		if l, ok := o.(*widget.Label); ok {
			labels++
			if l.Text == want {
				return
			}
		}
	}
	t.Errorf("none of the %d labels of Settings reads %q", labels, want)
}
