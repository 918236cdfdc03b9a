package report

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRenderToDir writes every fixture document into $SODOAN_RENDER_DIR,
// for looking at them with pdftoppm; it does nothing otherwise.
func TestRenderToDir(t *testing.T) {
	dir := os.Getenv("SODOAN_RENDER_DIR")
	if dir == "" {
		t.Skip("SODOAN_RENDER_DIR not set")
	}
	for name, write := range fixtureDocuments() {
		f, err := os.Create(filepath.Join(dir, name+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if err := write(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}
