package store

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestWorkReportTexts: a work report's texts are kept per period and
// year, each save dated (NarrativeAt), checked by the work report's
// sections, and named in the history by report and section.
func TestWorkReportTexts(t *testing.T) {
	ctx := context.Background()
	s := openOnDay(t, domain.MustDate(2026, 7, 20))
	q2 := domain.WorkPeriod{Year: 2026, Quarter: 2}
	if err := s.SaveNarrativeOn(ctx, q2.NarrativeDoc(), 2026, domain.Narrative{"advantages": "Bản đầu."}, domain.MustDate(2026, 7, 1)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveNarrative(ctx, q2.NarrativeDoc(), 2026, domain.Narrative{"advantages": "Bản sửa."}); err != nil {
		t.Fatal(err)
	}
	// Another period's texts are its own.
	if err := s.SaveNarrative(ctx, domain.WorkPeriod{Year: 2026, Half: 1}.NarrativeDoc(), 2026, domain.Narrative{"advantages": "Của 6 tháng."}); err != nil {
		t.Fatal(err)
	}
	for day, want := range map[string]string{"05/07/2026": "Bản đầu.", "20/07/2026": "Bản sửa."} {
		d, _ := domain.ParseDate(day)
		n, err := s.NarrativeAt(ctx, q2.NarrativeDoc(), 2026, d)
		if err != nil || n["advantages"] != want {
			t.Errorf("quý II on %s: %q (%v), want %q", day, n["advantages"], err, want)
		}
	}
	// Checked by the work report's own sections (named in the message),
	// and only for periods that exist.
	tooLong := strings.Repeat("x", 100000)
	if err := s.SaveNarrative(ctx, q2.NarrativeDoc(), 2026, domain.Narrative{"difficulties": tooLong}); err == nil || !strings.Contains(err.Error(), "Khó khăn") {
		t.Errorf("a text over the limit: %v", err)
	}
	if err := s.SaveNarrative(ctx, "work-q9", 2026, domain.Narrative{"advantages": "x"}); err == nil {
		t.Error("a period that does not exist was saved")
	}
	h, err := s.History(ctx, HistoryFilter{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range h {
		found = found || strings.Contains(e.Summary(), "Báo cáo công tác Đoàn quý II 2026, phần Thuận lợi")
	}
	if !found {
		var lines []string
		for _, e := range h {
			lines = append(lines, e.Summary())
		}
		t.Errorf("the history does not name the work report's section:\n%s", strings.Join(lines, "\n"))
	}
}
