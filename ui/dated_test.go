package ui

import (
	"context"
	"fmt"
	"testing"

	"sodoan/domain"
)

// The branch checklist saves the day the branch was assessed (a report
// cut off before it does not know the assessment); a day that does not
// exist is refused and nothing changes.
func TestChecklistTakesTheDayDecided(t *testing.T) {
	f := newFixture(t, "branches")
	s := f.app.screens["branches"].(*branchesScreen)
	ctx := context.Background()
	year := thisYear()
	today := f.app.clock.today()
	// A new year's checklist offers today (within the year).
	if got := s.checkDecided.Text; got != today.String() {
		t.Errorf("the day field offers %q, want today %s", got, today)
	}
	day := domain.MustDate(year, 1, 2)
	if today.Before(day) {
		day = today
	}
	s.boxes[0].SetChecked(true)
	s.checkDecided.SetText(day.String())
	s.saveYear()
	by, err := f.st.BranchYear(ctx, s.selected, year)
	if err != nil || by.Assessed != day || !by.Rated.IsZero() || len(by.Met) != 1 {
		t.Fatalf("saved: assessed %s, rated %s, met %v (%v); want %s, none, 1", by.Assessed, by.Rated, by.Met, err, day)
	}
	// Shown again with its own day, not today's.
	s.checkYear.SetSelected(s.checkYear.Selected)
	if got := s.checkDecided.Text; got != day.String() {
		t.Errorf("the day field shows %q after saving, want %s", got, day)
	}
	before := len(f.app.dialogs)
	s.boxes[1].SetChecked(true)
	s.checkDecided.SetText(fmt.Sprintf("31/02/%d", year))
	s.saveYear()
	if len(f.app.dialogs) != before+1 {
		t.Errorf("a day that does not exist opened %d dialogs, want the error", len(f.app.dialogs)-before)
	}
	if by, _ := f.st.BranchYear(ctx, s.selected, year); len(by.Met) != 1 || by.Assessed != day {
		t.Errorf("a refused day changed the year: %v on %s", by.Met, by.Assessed)
	}
}
