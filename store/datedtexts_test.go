package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
)

// A register written before texts and group reports were dated: each
// text takes its year's last day, each group's yearly results become one
// report on their reported day (undated: the year's last day), and the
// history says what the upgrade did.
func TestUpgradeDatesTextsAndGroupReports(t *testing.T) {
	ctx := context.Background()
	before := -1
	for i, m := range migrations {
		if strings.Contains(m, "CREATE TABLE narrative_versions") {
			before = i
		}
	}
	if before < 0 {
		t.Fatal("no migration creates narrative_versions")
	}
	path := filepath.Join(t.TempDir(), "cu.db")
	if err := CreateAtSchema(path, before); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO ward_years(year, achievements) VALUES (2024, 'Ưu điểm viết trước')`,
		`INSERT INTO narratives(doc, key, section, body) VALUES ('half-year', 2024, 'directions', 'Phương hướng viết trước')`,
		`INSERT INTO coops(id, name) VALUES (1, 'Tổ hợp tác A'), (2, 'Tổ hợp tác B')`,
		`INSERT INTO coop_years(coop_id, year, revenue, reported) VALUES (1, 2024, 40000000, '2024-06-28')`,
		`INSERT INTO coop_years(coop_id, year, revenue) VALUES (2, 2024, 70000000)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		doc, section string
		day          domain.Date
		want         string
	}{
		{domain.NarrativeAnnual, "strengths", dd(2024, 12, 30), ""},
		{domain.NarrativeAnnual, "strengths", dd(2024, 12, 31), "Ưu điểm viết trước"},
		{domain.NarrativeHalfYear, "directions", dd(2024, 7, 10), ""},
		{domain.NarrativeHalfYear, "directions", dd(2025, 1, 5), "Phương hướng viết trước"},
	} {
		n, err := s.NarrativeAt(ctx, c.doc, 2024, c.day)
		if err != nil || n[c.section] != c.want {
			t.Errorf("%s %s at %s: %q (%v), want %q", c.doc, c.section, c.day, n[c.section], err, c.want)
		}
	}
	// 30/06: A's report of 28/06 only; 31/12: A's and B's (dated then).
	for _, c := range []struct {
		cutoff domain.Date
		want   map[int64]int64
	}{
		{dd(2024, 6, 30), map[int64]int64{1: 40000000}},
		{dd(2024, 12, 31), map[int64]int64{1: 40000000, 2: 70000000}},
	} {
		ys, err := s.CoopYearsAt(ctx, 2024, c.cutoff)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int64]int64{}
		for _, y := range ys {
			got[y.CoopID] = y.Revenue
		}
		if len(got) != len(c.want) || got[1] != c.want[1] || got[2] != c.want[2] {
			t.Errorf("groups at %s: %v, want %v", c.cutoff, got, c.want)
		}
	}
	h, err := s.History(ctx, HistoryFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range h {
		found = found || (e.Action == "upgrade" && strings.Contains(e.Note, "nội dung báo cáo nay giữ từng lần lưu theo ngày"))
	}
	if !found {
		t.Errorf("the history does not tell what the upgrade dated: %+v", h)
	}
}
