package store

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	"sodoan/domain"
)

// TestTotalOf checks an upper level's totals against figures worked out
// by hand, including wards that lack the figures. A target set for each
// cơ sở (2.1, 2.2, 2.3, 2.6, 2.7, 2.8) counts the wards meeting it; a
// figure of the whole (2.5) adds up.
func TestTotalOf(t *testing.T) {
	hamletPct := domain.Indicator{Code: "2.3", Kind: domain.KindPercent, Metric: domain.MetricHamletStandardPct, Target: 60}
	youthPct := domain.Indicator{Code: "2.5c", Kind: domain.KindPercent, Metric: domain.MetricYouthGatheredPct, Target: 60}
	manualPct := domain.Indicator{Code: "2.9", Kind: domain.KindPercent, Metric: domain.MetricManual, Target: 50}
	clubs := domain.Indicator{Code: "2.2a", Kind: domain.KindCount, Metric: domain.MetricEconomicClubs, Target: 1}
	fedCount := domain.Indicator{Code: "2.5b", Kind: domain.KindCount, Metric: domain.MetricNewFederation, Target: 3}
	periodIn := domain.Indicator{Code: "2.5a", Kind: domain.KindCount, Metric: domain.MetricNewUnionMembers, Target: 1000, Period: true}
	checkIn := domain.Indicator{Code: "2.7", Kind: domain.KindCheck, Metric: domain.MetricManual, Target: 1}
	rated := domain.Indicator{Code: "2.6", Kind: domain.KindPercent, Metric: domain.MetricUnitsGoodPct, Target: 80}
	unset := domain.Indicator{Code: "2.2a", Kind: domain.KindCount, Metric: domain.MetricEconomicClubs, NoTarget: true}
	known := func(in domain.Indicator, actual float64, num, den int) domain.Result {
		return domain.Result{Indicator: in, Actual: actual, Known: true, Num: num, Den: den}
	}
	cases := []struct {
		name    string
		in      domain.Indicator
		col     []domain.Result
		elapsed float64
		actual  float64
		cum     float64
		known   bool
		detail  string
		verdict domain.VerdictCode
	}{
		// 2.5c adds up: 3/4 and 1/6 are 4/10 = 40%, not the mean of 75%
		// and 16.7%.
		{"percent from sums", youthPct, []domain.Result{known(youthPct, 75, 3, 4), known(youthPct, 100.0/6, 1, 6)}, 0, 40, 0, true, "4/10", domain.VerdictNotMet},
		{"percent, one ward without figures", youthPct, []domain.Result{known(youthPct, 75, 3, 4), {Indicator: youthPct}}, 0, 75, 0, true, "3/4; 1/2 cơ sở có số liệu", domain.VerdictMet},
		{"percent, no ward with figures", youthPct, []domain.Result{{Indicator: youthPct}, {Indicator: youthPct}}, 0, 0, 0, false, "chưa có số liệu của cơ sở nào", domain.VerdictNoData},
		// 2.3 is each ward's: 75% meets 60%, 16.7% does not: 1 of 2.
		{"per-ward percent", hamletPct, []domain.Result{known(hamletPct, 75, 3, 4), known(hamletPct, 100.0/6, 1, 6)}, 0, 1, 0, true, "1/2 cơ sở", domain.VerdictNotMet},
		{"per-ward percent, a ward without figures", hamletPct, []domain.Result{known(hamletPct, 75, 3, 4), {Indicator: hamletPct}}, 0, 1, 0, true, "1/2 cơ sở; 1 cơ sở chưa có số liệu", domain.VerdictNotMet},
		// Typed by hand: 40 misses 50, 80 meets it.
		{"percent typed by hand", manualPct, []domain.Result{known(manualPct, 40, 0, 0), known(manualPct, 80, 0, 0)}, 0, 1, 0, true, "1/2 cơ sở", domain.VerdictNotMet},
		// One club, none, one: 2 of 3 wards keep a club (never "2 clubs
		// against a target of 1: met").
		{"per-ward count", clubs, []domain.Result{known(clubs, 1, 0, 0), known(clubs, 0, 0, 0), known(clubs, 1, 0, 0)}, 0, 2, 0, true, "2/3 cơ sở", domain.VerdictNotMet},
		{"per-ward count, all", clubs, []domain.Result{known(clubs, 2, 0, 0), known(clubs, 1, 0, 0)}, 0, 2, 0, true, "2/2 cơ sở", domain.VerdictMet},
		{"per-ward count, no figure entered", unset, []domain.Result{known(unset, 2, 0, 0)}, 0, 0, 0, true, "chưa nhập chỉ tiêu", domain.VerdictNoTarget},
		// 2.5b adds up: 1 + 0 + 1 = 2 of 3.
		{"count", fedCount, []domain.Result{known(fedCount, 1, 0, 0), known(fedCount, 0, 0, 0), known(fedCount, 1, 0, 0)}, 0, 2, 0, true, "2", domain.VerdictNotMet},
		{"period", periodIn, []domain.Result{{Indicator: periodIn, Actual: 120, Cumulative: 300, Known: true}, {Indicator: periodIn, Actual: 80, Cumulative: 250, Known: true}},
			0.5, 200, 550, true, "200", domain.VerdictOnPace},
		{"check, two of three", checkIn, []domain.Result{known(checkIn, 1, 0, 0), known(checkIn, 0, 0, 0), known(checkIn, 1, 0, 0)}, 0, 2, 0, true, "2/3 cơ sở", domain.VerdictNotMet},
		{"check, all", checkIn, []domain.Result{known(checkIn, 1, 0, 0), known(checkIn, 1, 0, 0)}, 0, 2, 0, true, "2/2 cơ sở", domain.VerdictMet},
		// 2.6 from the wards' own ratings: good, good, average = 2/3 =
		// 66.7% of the wards, short of 80%; 4 of 5 = 80% meets it.
		{"wards rated", rated, []domain.Result{domain.WardRatingResult(rated, "good", ""), domain.WardRatingResult(rated, "excellent", ""),
			domain.WardRatingResult(rated, "average", "")}, 0, 200.0 / 3, 0, true, "2/3 cơ sở", domain.VerdictNotMet},
		{"wards rated, one unrated", rated, []domain.Result{domain.WardRatingResult(rated, "good", ""), domain.WardRatingResult(rated, "good", ""),
			domain.WardRatingResult(rated, "good", ""), domain.WardRatingResult(rated, "excellent", ""), domain.WardRatingResult(rated, "", "")},
			0, 80, 0, true, "4/5 cơ sở; 1 cơ sở chưa có số liệu", domain.VerdictMet},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := domain.TotalOf(c.in, c.col, c.elapsed)
			if math.Abs(r.Actual-c.actual) > 1e-9 || r.Cumulative != c.cum || r.Known != c.known || r.Detail != c.detail || r.Verdict.Code != c.verdict {
				t.Fatalf("got actual %v cum %v known %v detail %q verdict %s; want %v %v %v %q %s",
					r.Actual, r.Cumulative, r.Known, r.Detail, r.Verdict.Code, c.actual, c.cum, c.known, c.detail, c.verdict)
			}
			if r.Met != (c.verdict == domain.VerdictMet) {
				t.Fatalf("met %v with verdict %s", r.Met, r.Verdict.Code)
			}
		})
	}
}

// The upper level reads a ward's own rating (2.6 of the consolidated
// report) as of the report's cut-off: a rating decided on 20/12/2025 is
// not known to a report cut off on 30/06/2025.
func TestWardRatingAsOfCutoff(t *testing.T) {
	ctx := context.Background()
	s, err := OpenWith(filepath.Join(t.TempDir(), "phuong.db"), OpenOptions{Create: true, Now: func() time.Time { return time.Date(2026, 2, 1, 9, 0, 0, 0, time.Local) }})
	mustNil(t, err)
	defer s.Close()
	mustNil(t, s.SaveWardYear(ctx, domain.WardYear{Year: 2025, Rating: "good", Rated: domain.MustDate(2025, 12, 20)}))
	upper := domain.Plan{Number: "105-KH/TĐTN", StartYear: 2023, EndYear: 2027}
	for _, tc := range []struct {
		cutoff domain.Date
		want   string
	}{
		{domain.MustDate(2025, 6, 30), ""},
		{domain.MustDate(2025, 12, 19), ""},
		{domain.MustDate(2025, 12, 31), "good"},
	} {
		r, err := s.WardYearResults(ctx, upper, 2025, tc.cutoff)
		mustNil(t, err)
		if r.Rating != tc.want {
			t.Errorf("cut-off %s: rating %q, want %q", tc.cutoff, r.Rating, tc.want)
		}
	}
}
