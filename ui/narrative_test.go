package ui

import (
	"context"
	"strings"
	"testing"

	"sodoan/store"
)

// The narrative editor shows every section of the chosen document, the
// ones never written pre-filled from the register's figures, and saves
// what the secretary sees.
func TestNarrativeEditor(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, "reports")
	e := newNarrativeEditor(f.app, func() int { return 2025 })
	if len(e.entries) != len(store.AnnualSections) {
		t.Fatalf("annual report: %d sections shown, want %d", len(e.entries), len(store.AnnualSections))
	}
	if got := e.entries["organisation"].Text; !strings.HasPrefix(got, "Kết nạp ") {
		t.Errorf("organisation not pre-filled from the figures: %q", got)
	}
	e.entries["inspection"].SetText("Kiểm tra sinh hoạt tại 3 chi đoàn.")
	e.save()
	n, err := f.st.Narrative(ctx, store.NarrativeAnnual, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if n["inspection"] != "Kiểm tra sinh hoạt tại 3 chi đoàn." || !strings.HasPrefix(n["organisation"], "Kết nạp ") {
		t.Errorf("saved: inspection %q, organisation %q", n["inspection"], n["organisation"])
	}
	e.docSel.SetSelectedIndex(2)
	if len(e.entries) != len(store.PlanSections) {
		t.Errorf("plan: %d sections shown, want %d", len(e.entries), len(store.PlanSections))
	}
	e.docSel.SetSelectedIndex(1)
	if len(e.entries) != len(store.PeriodSections) {
		t.Errorf("period report: %d sections shown, want %d", len(e.entries), len(store.PeriodSections))
	}
}
