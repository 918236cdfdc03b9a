package store

import (
	"context"
	"path/filepath"
	"testing"
)

// openTemp opens a fresh register in a temporary folder.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "so-doan.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenSeedsAndChecks(t *testing.T) {
	s := openTemp(t)
	v, problems, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion || len(problems) != 0 {
		t.Fatalf("Check = %d %v, want %d and no problems", v, problems, SchemaVersion)
	}
}
