package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sodoan/domain"
)

// TestDiscardEmpty: an empty register is removed with its side files; one
// holding a person is only closed.
func TestDiscardEmpty(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		fill bool
		kept bool
	}{{"empty", false, false}, {"with a person", true, true}} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "so.db")
			s, err := Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if c.fill {
				if err := s.AddPeople(ctx, []*domain.Person{member("Lê", "Văn", "Tám", domain.MustDate(2000, 1, 1), "T1")}); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.DiscardEmpty(ctx); err != nil {
				t.Fatal(err)
			}
			left, _ := filepath.Glob(path + "*")
			if _, err := os.Stat(path); (err == nil) != c.kept || !c.kept && len(left) > 0 {
				t.Fatalf("kept %v, want %v; files %v", err == nil, c.kept, left)
			}
		})
	}
}
