package store

import (
	"context"
	"testing"

	"sodoan/domain"
)

// The annual report's texts: sections kept per year; strengths,
// shortcomings and directions in one place whichever editor wrote them.
func TestNarrative(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if err := s.SaveNarrative(ctx, domain.NarrativeAnnual, 2025, domain.Narrative{"inspection": "Kiểm tra 3 chi đoàn.\n\n", "strengths": "Làm tốt."}); err != nil {
		t.Fatal(err)
	}
	w, err := s.WardYear(ctx, 2025)
	if err != nil || w.Achievements != "Làm tốt." {
		t.Fatalf("ward year achievements %q (%v)", w.Achievements, err)
	}
	w.Achievements = "Làm tốt hơn."
	if err := s.SaveWardYear(ctx, w); err != nil {
		t.Fatal(err)
	}
	n, err := s.Narrative(ctx, domain.NarrativeAnnual, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if n["strengths"] != "Làm tốt hơn." || n["inspection"] != "Kiểm tra 3 chi đoàn." {
		t.Errorf("narrative after the plan screen's edit: %q", n)
	}
	if other, _ := s.Narrative(ctx, domain.NarrativeAnnual, 2024); len(other) != 0 {
		t.Errorf("2024 has texts: %q", other)
	}
	if err := s.SaveNarrative(ctx, "memo", 1, domain.Narrative{"x": "y"}); err == nil {
		t.Error("an unknown document's texts were saved")
	}
	merged := domain.MergeDraft(domain.Narrative{"a": "mine", "b": "  "}, domain.Narrative{"a": "draft", "b": "draft b", "c": "draft c"})
	if merged["a"] != "mine" || merged["b"] != "draft b" || merged["c"] != "draft c" {
		t.Errorf("merge: %q", merged)
	}
}
