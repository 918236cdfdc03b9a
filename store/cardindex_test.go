package store

import (
	"context"
	"strings"
	"testing"
)

// TestCardCheckUsesIndex guards the speed of bulk admission: the card
// check of every new member must search the partial index people_card,
// not scan the people table (finding 10 of issue 9: four minutes for
// 1,000 people on a 100,000-member register).
func TestCardCheckUsesIndex(t *testing.T) {
	s := openTemp(t)
	rows, err := s.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+cardHolderSQL, "0871234567", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	got := strings.Join(plan, "; ")
	if !strings.Contains(got, "USING INDEX people_card") {
		t.Fatalf("card check plan %q does not use people_card", got)
	}
}
