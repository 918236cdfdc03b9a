package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// A report's texts are what was written by its issue date: the 6-month
// report's strengths saved on 20/06/2025 and rewritten on 15/08/2025,
// the report issued before the first save, between the two and after
// them prints the draft, the June text and the August text.
func TestReportTextsAsOfIssueDate(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	st := w.st
	day := d(2025, 6, 20)
	w.on(day)
	const june, august = "Chi đoàn khóm làm tốt phong trào tháng sáu", "Chi đoàn khóm làm tốt phong trào tháng tám"
	const juneA, augustA = "Ưu điểm viết ngày hai mươi tháng sáu", "Ưu điểm viết ngày mười lăm tháng tám"
	save := func() {
		t.Helper()
		text, annual := june, juneA
		if day != d(2025, 6, 20) {
			text, annual = august, augustA
		}
		if err := st.SaveNarrative(ctx, domain.NarrativeHalfYear, 2025, domain.Narrative{"strengths": text}); err != nil {
			t.Fatal(err)
		}
		// The annual report's strengths live in ward_years.
		if err := st.SaveNarrative(ctx, domain.NarrativeAnnual, 2025, domain.Narrative{"strengths": annual}); err != nil {
			t.Fatal(err)
		}
	}
	save()
	day = d(2025, 8, 15)
	w.on(day)
	save()
	w.on(d(2026, 1, 5))

	for _, c := range []struct {
		kind       Kind
		date       domain.Date
		want, none []string
	}{
		{HalfYear, d(2025, 6, 10), nil, []string{june, august}},
		{HalfYear, d(2025, 7, 10), []string{june}, []string{august}},
		{HalfYear, d(2025, 8, 15), []string{august}, []string{june}},
		{HalfYear, d(2025, 12, 1), []string{august}, []string{june}},
		{Annual, d(2025, 7, 10), []string{juneA}, []string{augustA}},
		{Annual, d(2025, 12, 31), []string{augustA}, []string{juneA}},
	} {
		name := string(c.kind) + " " + c.date.String()
		cutoff := c.date
		if c.kind == HalfYear {
			cutoff = d(2025, 6, 30)
			if c.date.Before(cutoff) {
				cutoff = c.date
			}
		}
		got, err := Issue(ctx, st, Request{Kind: c.kind, Year: 2025, Cutoff: cutoff, Date: c.date, Dir: t.TempDir(), Replace: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text := strings.Join(strings.Fields(pdfText(t, got.Path)), " ")
		for _, s := range c.want {
			if !strings.Contains(text, s) {
				t.Errorf("%s: no %q", name, s)
			}
		}
		for _, s := range c.none {
			if strings.Contains(text, s) {
				t.Errorf("%s prints %q", name, s)
			}
		}
	}
	// The editor keeps editing the current text.
	n, err := st.Narrative(ctx, domain.NarrativeHalfYear, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if n["strengths"] != august {
		t.Errorf("current text %q, want %q", n["strengths"], august)
	}
}
