package main

import (
	"context"
	"encoding/csv"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

// TestMembersListDuesCategory: `members list` has the dues category column
// the window's list has, each member's from her occupation: pupils and
// students, the unemployed and farmers without wages, the others with
// wages, as counted here from the register itself.
func TestMembersListDuesCategory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ward.db")
	if _, _, err := cli(t, "--db", db, "demo", "--members", "120", "--seed", "2"); err != nil {
		t.Fatal(err)
	}
	out, _, err := cli(t, "--db", db, "members", "list", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("CSV: %d records, %v", len(recs), err)
	}
	col := slices.Index(recs[0], "Diện đóng đoàn phí")
	if col < 0 {
		t.Fatalf("no Diện đóng đoàn phí column: %q", recs[0])
	}
	got := map[string]int{}
	for _, r := range recs[1:] {
		got[r[col]]++
	}
	st, err := store.OpenWith(db, store.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// The default list: đoàn viên in activity (store.DefaultMemberFilter).
	people, err := st.ListMembers(context.Background(), store.DefaultMemberFilter(store.KindUnion))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, p := range people {
		switch {
		case p.DuesCategory == domain.DuesAbroad: // set by hand: the demo's member abroad
			want["Ở nước ngoài"]++
		case p.DuesCategory != "":
			t.Errorf("%s: category %q set by the demo", p.FullName(), p.DuesCategory)
		case p.Occupation == "student" || p.Occupation == "unemployed" || p.Occupation == "farmer":
			want["Không hưởng lương"]++
		default:
			want["Hưởng lương"]++
		}
	}
	if want["Ở nước ngoài"] != 1 {
		t.Errorf("the demo has %d members abroad, want 1", want["Ở nước ngoài"])
	}
	if !maps.Equal(got, want) {
		t.Errorf("categories listed %v, want %v", got, want)
	}
}
