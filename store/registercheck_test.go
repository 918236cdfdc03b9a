package store

import (
	"context"
	"testing"

	"sodoan/domain"
)

// A club closed during a year still counts for that year, not after.
func TestClubClosedCountsForItsYear(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := &domain.Club{Name: "CLB Thanh niên làm kinh tế", Kind: "economic", Founded: domain.MustDate(2020, 1, 1), Active: true}
	if closed, err := closeClub(t, s, c); err != nil || closed != domain.Today().ISO() {
		t.Fatalf("closing day recorded %q (%v), want today", closed, err)
	}
	if _, err := s.db.Exec(`UPDATE clubs SET closed = '2025-05-01' WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	in := domain.Indicator{Code: "2.2a", Kind: domain.KindCount, Metric: domain.MetricEconomicClubs, Target: 1}
	for year, want := range map[int]float64{2024: 1, 2025: 1, 2026: 0} {
		m, err := s.measure(ctx, in, domain.YearSpanOf(year, 1, 1, domain.MustDate(year, 12, 31), s.Today()), domain.ScaleTasks)
		if err != nil || m.Actual != want {
			t.Errorf("%d: %v clubs (%v), want %v", year, m.Actual, err, want)
		}
	}
}

// A working year from 1 October runs to 30 September and is named by the
// year it ends in; a report counts up to its cut-off, never after.
func TestWorkingYear(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	sp, err := s.YearSpan(ctx, 2025, domain.MustDate(2025, 12, 31))
	if err != nil || sp.From != domain.MustDate(2025, 1, 1) || sp.End != domain.MustDate(2025, 12, 31) || sp.To != domain.MustDate(2025, 12, 31) {
		t.Errorf("calendar year: %+v (%v)", sp, err)
	}
	if err := s.SetWorkingYearStart(ctx, "01/10"); err != nil {
		t.Fatal(err)
	}
	sp, err = s.YearSpan(ctx, 2025, domain.MustDate(2025, 8, 10))
	if err != nil || sp.From != domain.MustDate(2024, 10, 1) || sp.End != domain.MustDate(2025, 9, 30) || sp.To != domain.MustDate(2025, 8, 10) {
		t.Errorf("working year from 01/10 to 10/08: %+v (%v)", sp, err)
	}
	for _, bad := range []string{"31/02", "1-10", "", "00/10", "29/02"} {
		if err := s.SetWorkingYearStart(ctx, bad); err == nil {
			t.Errorf("%q accepted as the start of the working year", bad)
		}
	}
	if d, m, err := s.WorkingYearStart(ctx); err != nil || d != 1 || m != 10 {
		t.Errorf("after refusals: %d/%d (%v), want 1/10 kept", d, m, err)
	}
}
