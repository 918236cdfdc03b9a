package main

import (
	"database/sql"
	"encoding/csv"
	"strings"
	"testing"
)

// TestMembersListDefaultActive: `members list` without --status lists the
// đoàn viên in activity, as the window's list starts (issue 17, finding 6:
// former members were counted among "đoàn viên"); --status all lists every
// status, --status transferred those who moved away. The expected counts
// are read straight from the people table, not through the store's filter.
func TestMembersListDefaultActive(t *testing.T) {
	db := smallWard(t)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	count := func(where string) int {
		var n int
		if err := raw.QueryRow(`SELECT count(*) FROM people WHERE union_member = 1` + where).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	cases := []struct {
		args []string
		want int
	}{
		{nil, count(" AND status = 'active'")},
		{[]string{"--status", "all"}, count("")},
		{[]string{"--status", "Mọi trạng thái"}, count("")},
		{[]string{"--status", "transferred"}, count(" AND status = 'transferred'")},
	}
	raw.Close()
	if cases[0].want == cases[1].want || cases[3].want == 0 {
		t.Fatalf("the demo ward must have former members: %d active of %d, %d transferred", cases[0].want, cases[1].want, cases[3].want)
	}
	for _, c := range cases {
		out, _, err := cli(t, append([]string{"--db", db, "members", "list", "--format", "csv"}, c.args...)...)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if got := len(recs) - 1; got != c.want {
			t.Errorf("members list %v: %d rows, want %d", c.args, got, c.want)
		}
	}
}
