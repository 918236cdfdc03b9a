package domain

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackageRules keeps the rules between the module's packages (README,
// "Packages"): one way down, from the windows and the command line to the
// capabilities, to store and report, to domain. It lives here because
// domain is the bottom of that order and every package's rule is about
// what it may not reach. Only the packages' own files count: a test may
// build a register to check a PDF.
func TestPackageRules(t *testing.T) {
	sql := []string{"database/sql", "modernc.org/"}
	gui := []string{"fyne.io/"}
	pdf := []string{"codeberg.org/go-pdf/"}
	xlsx := []string{"github.com/xuri/excelize"}
	rules := []struct {
		dir    string
		banned [][]string
		// allowed: the only packages of this module it may import.
		allowed []string
	}{
		{"domain", [][]string{sql, gui, pdf, xlsx}, []string{"sodoan/assets"}},
		{"store", [][]string{gui, pdf, xlsx}, []string{"sodoan/assets", "sodoan/domain", "sodoan/outfile", "sodoan/store/internal/writepath"}},
		{"outfile", [][]string{sql, gui, pdf, xlsx}, []string{"sodoan/domain"}},
		{"store/internal/writepath", [][]string{gui, pdf, xlsx}, []string{"sodoan/domain"}},
		{"report", [][]string{sql, gui, xlsx}, []string{"sodoan/assets", "sodoan/domain"}},
		{"sheet", [][]string{sql, gui, pdf}, []string{"sodoan/assets", "sodoan/domain", "sodoan/outfile", "sodoan/store"}},
		{"issuing", [][]string{sql, gui, xlsx}, []string{"sodoan/assets", "sodoan/domain", "sodoan/outfile", "sodoan/store", "sodoan/report", "sodoan/wardpkg"}},
		{"wardpkg", [][]string{sql, gui, pdf, xlsx}, []string{"sodoan/assets", "sodoan/domain", "sodoan/outfile", "sodoan/store", "sodoan/version"}},
		// The demo ward writes through the store's public API only.
		{"demo", [][]string{sql, gui, pdf, xlsx}, []string{"sodoan/domain", "sodoan/store"}},
		// Handing files to the system knows nothing of the register.
		{"desktop", [][]string{sql, gui, pdf, xlsx}, []string{"sodoan/domain"}},
	}
	for _, r := range rules {
		pkg, err := build.Default.ImportDir(filepath.Join("..", r.dir), 0)
		if err != nil {
			t.Fatalf("%s: %v", r.dir, err)
		}
		for _, imp := range pkg.Imports {
			for _, list := range r.banned {
				for _, b := range list {
					if imp == b || strings.HasPrefix(imp, b) {
						t.Errorf("%s imports %s", r.dir, imp)
					}
				}
			}
			if strings.HasPrefix(imp, "sodoan/") && !contains(r.allowed, imp) {
				t.Errorf("%s imports %s: it may import only %v of this module", r.dir, imp, r.allowed)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
