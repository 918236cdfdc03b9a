package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"sodoan/domain"
)

// importHistory lists the "insert" lines of people and their events, as
// entity, key, person and row.
func importHistory(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT entity, row_key, COALESCE(person_id, 0), after FROM history
		WHERE action = 'insert' AND entity IN ('people', 'membership_events') ORDER BY entity, CAST(row_key AS INTEGER)`)
	mustNil(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var entity, key, after string
		var person int64
		mustNil(t, rows.Scan(&entity, &key, &person, &after))
		out = append(out, fmt.Sprintf("%s %s %d %s", entity, key, person, after))
	}
	mustNil(t, rows.Err())
	return out
}

// TestImportWritesHistory: the bulk import writes each person and each
// admission with the history line a single save writes for it, through
// the write path.
func TestImportWritesHistory(t *testing.T) {
	ctx := context.Background()
	people := func() []*domain.Person {
		a := member("Nguyễn", "Văn", "An", domain.MustDate(1995, 3, 4), "A1")
		a.Phone, a.CitizenID, a.Occupation = "0912345678", "087095000001", "student"
		b := member("Trần", "Thị", "Bình", domain.MustDate(2001, 12, 30), "")
		b.UnionMember, b.AdmissionDate, b.FederationMember = false, domain.Date{}, true
		c := member("Lê", "", "Cường", domain.MustDate(1990, 1, 1), "C1")
		c.Note = "chuyển đến <từ> \"xã\" khác"
		return []*domain.Person{a, b, c}
	}
	single := openTemp(t)
	mustNil(t, single.AddPeople(ctx, people()))
	bulk := openTemp(t)
	res, err := bulk.ImportPeople(ctx, people(), []int{2, 3, 4}, ImportOptions{})
	if err != nil || res.Added != 3 {
		t.Fatalf("import %+v %v", res, err)
	}
	want, got := importHistory(t, single), importHistory(t, bulk)
	if len(want) != 5 {
		t.Fatalf("a single save wrote %d lines, want 5:\n%q", len(want), want)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the import's history:\n%q\na single save's:\n%q", got, want)
	}

	// A large import, whose indexes are dropped and built again: every
	// row has exactly one line.
	many := openTemp(t)
	n := bulkWithoutIndexes + 10
	var ps []*domain.Person
	var rows []int
	for i := range n {
		ps = append(ps, member("Phạm", "Văn", "An"+letters(i), domain.MustDate(1990+i%15, 1+i%12, 1+i%28), fmt.Sprintf("C%d", i)))
		rows = append(rows, i+2)
	}
	if res, err := many.ImportPeople(ctx, ps, rows, ImportOptions{}); err != nil || res.Added != n {
		t.Fatalf("import %+v %.300v", res, err)
	}
	for _, table := range []string{"people", "membership_events"} {
		var rows, lines, orphans int
		mustNil(t, many.db.QueryRow(`SELECT count(*) FROM `+table).Scan(&rows))
		// The history's lines counted per row key once, then joined: a
		// correlated count per row has no index to use and is quadratic.
		mustNil(t, many.db.QueryRow(`SELECT count(*) FROM `+table+` r LEFT JOIN
			(SELECT row_key, count(*) AS n FROM history WHERE action = 'insert' AND entity = ? GROUP BY row_key) h
			ON h.row_key = CAST(r.id AS TEXT) WHERE coalesce(h.n, 0) <> 1`, table).Scan(&orphans))
		mustNil(t, many.db.QueryRow(`SELECT count(*) FROM history WHERE action = 'insert' AND entity = ?`, table).Scan(&lines))
		if rows != n || lines != n || orphans != 0 {
			t.Errorf("%s: %d rows, %d history lines, %d rows without exactly one line; want %d, %d, 0", table, rows, lines, orphans, n, n)
		}
	}
}
