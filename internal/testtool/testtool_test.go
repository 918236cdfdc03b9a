package testtool

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingNamesThePackage: a program not on the PATH is missing, with
// its Debian package in the reason; once on the PATH it is not.
func TestMissingNamesThePackage(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	for program, pkg := range map[string]string{"pdftotext": "poppler-utils", "Xvfb": "xvfb", "x86_64-w64-mingw32-gcc": "gcc-mingw-w64-x86-64"} {
		if why := missing(program); !strings.Contains(why, "cài gói Debian "+pkg+" ") {
			t.Errorf("missing(%q) = %q, want the package %s named", program, why, pkg)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "pdftotext"), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if why := missing("pdftotext"); why != "" {
		t.Errorf("pdftotext on the PATH: missing says %q", why)
	}
}
