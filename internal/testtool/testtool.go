// Package testtool is for tests only: a test that needs a program from
// outside Go (poppler to read a PDF back, mingw, Xvfb and xdotool for the
// real window, make) skips on a machine that lacks it, naming the Debian
// package to install, so that `go test ./...` with Go alone checks all it
// can. `make test` installs every one of them and fails if any test
// skipped. It imports nothing of the app.
package testtool

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// debian names the Debian package that installs each program the tests
// run.
var debian = map[string]string{
	"pdftotext":              "poppler-utils",
	"pdfinfo":                "poppler-utils",
	"pdffonts":               "poppler-utils",
	"pdftoppm":               "poppler-utils",
	"x86_64-w64-mingw32-gcc": "gcc-mingw-w64-x86-64",
	"Xvfb":                   "xvfb",
	"xdotool":                "xdotool",
	"gcc":                    "gcc",
	"make":                   "make",
}

// Need skips t, naming the package to install, when one of the programs
// is not on the PATH.
func Need(t testing.TB, programs ...string) {
	t.Helper()
	for _, p := range programs {
		if why := missing(p); why != "" {
			t.Skip(why)
		}
	}
}

// missing says why program cannot run, or is empty when it can.
func missing(program string) string {
	_, err := exec.LookPath(program)
	if err == nil {
		return ""
	}
	pkg := debian[program]
	if pkg == "" {
		pkg = "chứa " + program
	}
	return fmt.Sprintf("%s không có trên máy: cài gói Debian %s (make test tự cài): %v", program, pkg, err)
}

// WritePDF writes a document (write) into a temporary file named name.pdf
// and returns its path, for a test to read it back with poppler.
func WritePDF(t testing.TB, name string, write func(io.Writer) error) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(f); err != nil {
		f.Close()
		t.Fatalf("write %s: %v", name, err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
