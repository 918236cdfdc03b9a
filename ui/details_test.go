package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/demo"
	"sodoan/domain"
	"sodoan/store"
)

// TestIndicatorDetailsInEnglish: every way the store words how a target
// was measured ("12/14 chi đoàn", "chưa nhập số thanh niên…"), in an empty
// register and in a demo ward, every year of the plan and the period, has
// English; the plan screen shows it in English and keeps it Vietnamese in
// Vietnamese.
func TestIndicatorDetailsInEnglish(t *testing.T) {
	ctx := context.Background()
	table := englishTable(t)
	formats := map[string]bool{}
	var walk func(m domain.Message)
	walk = func(m domain.Message) {
		if m.Format != "" {
			formats[m.Format] = true
		}
		for _, a := range m.Args {
			if n, ok := a.(domain.Message); ok {
				walk(n)
			}
		}
	}
	var sample domain.Result
	for _, members := range []int{0, 400} {
		st, err := store.Open(filepath.Join(t.TempDir(), "so.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		enterPlan(t, st)
		if members > 0 {
			if err := demo.Generate(ctx, st, demo.Options{Members: members, Seed: 2}); err != nil {
				t.Fatal(err)
			}
		}
		p, err := st.CurrentPlan(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for y := p.StartYear; y <= p.EndYear; y++ {
			rs, err := st.YearResults(ctx, p.ID, y)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				walk(r.DetailMsg)
				if members > 0 && r.Den > 0 && sample.Den == 0 {
					sample = r
				}
			}
		}
		pr, err := st.PeriodResults(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range pr.Total {
			walk(r.DetailMsg)
		}
	}
	if len(formats) < 10 {
		t.Fatalf("only %d detail formats met: %v", len(formats), formats)
	}
	reportMissing(t, "indicator details", sortedKeys(formats), func(s string) string { v, _ := table[s].(string); return v })

	if sample.Den == 0 {
		t.Fatal("no measured percentage in the demo ward")
	}
	defer func() { _ = SetLanguage(LangVietnamese) }()
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	en := detailText(sample)
	if err := SetLanguage(LangVietnamese); err != nil {
		t.Fatal(err)
	}
	vi := detailText(sample)
	if vi != sample.Detail || en == vi || strings.ContainsAny(en, "đạơưáàảãạ") || !strings.Contains(en, "/") {
		t.Errorf("detail of %s: English %q, Vietnamese %q (store: %q)", sample.Indicator.Code, en, vi, sample.Detail)
	}
}
