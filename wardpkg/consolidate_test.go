package wardpkg

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

// threeWards imports three demo wards of different seeds and sizes into a
// consolidation register.
func threeWards(t testing.TB, dir string) (*store.Store, []*store.Store) {
	ctx := context.Background()
	cons := consolidation(t, dir)
	var wards []*store.Store
	for i, name := range []string{"BCH Đoàn phường An Hòa", "BCH Đoàn phường Tân Quy Đông", "BCH Đoàn xã Tân Khánh Đông"} {
		w := ward(t, dir, name, int64(10+i), 150+100*i)
		pkg := filepath.Join(dir, w.Path()+".sodoan")
		export(t, w, pkg)
		if _, err := Import(ctx, cons, pkg, pass); err != nil {
			t.Fatal(err)
		}
		wards = append(wards, w)
	}
	return cons, wards
}

func TestConsolidateThreeWards(t *testing.T) {
	ctx := context.Background()
	cons, wards := threeWards(t, t.TempDir())
	const year = 2025
	c, err := Consolidate(ctx, cons, year, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	plan, _ := cons.CurrentPlan(ctx)
	if len(c.Wards) != 3 || len(c.Total) != len(plan.Indicators) || len(plan.Indicators) == 0 {
		t.Fatalf("%d wards, %d totals", len(c.Wards), len(c.Total))
	}
	// Wards come in Vietnamese order of their names; find each one's own
	// register by name: its results on its own plan (the demo's, whose
	// term is the province's), its rating and its members at the year's end.
	type ownFigures struct {
		results []domain.Result
		rating  string
		members int
	}
	own := map[string]ownFigures{}
	for _, w := range wards {
		u, _ := w.Unit(ctx)
		p, _ := w.CurrentPlan(ctx)
		rs, err := w.YearResultsAt(ctx, p.ID, year, c.Cutoff)
		if err != nil {
			t.Fatal(err)
		}
		wy, _ := w.WardYear(ctx, year)
		sit, err := w.SituationAt(ctx, year, c.Cutoff)
		if err != nil {
			t.Fatal(err)
		}
		own[u.Name] = ownFigures{rs, wy.Rating, sit.Union.Total}
	}
	names := []string{}
	for _, wr := range c.Wards {
		names = append(names, wr.Ward.Unit)
		// Members on the cut-off, as the ward's own report counts them.
		if o := own[wr.Ward.Unit]; wr.Members != o.members || wr.Members == 0 {
			t.Errorf("%s: %d members on %s, the ward counts %d", wr.Ward.Unit, wr.Members, c.Cutoff, o.members)
		}
	}
	if strings.Join(names, "|") != "BCH ĐOÀN PHƯỜNG AN HÒA|BCH ĐOÀN PHƯỜNG TÂN QUY ĐÔNG|BCH ĐOÀN XÃ TÂN KHÁNH ĐÔNG" {
		t.Fatalf("order %v", names)
	}
	sawPct, sawCount, sawPerWard, sawPeriod, sawRating := false, false, false, false, false
	for i, in := range plan.Indicators {
		var num, den, met, known int
		var sum, cum float64
		for _, wr := range c.Wards {
			mine := own[wr.Ward.Unit].results[i]
			got := wr.Results[i]
			if mine.Indicator.Code != in.Code {
				t.Fatalf("%s: the ward's plan has %s at row %d", in.Code, mine.Indicator.Code, i)
			}
			if in.Metric == domain.MetricUnitsGoodPct {
				// 2.6: the ward's own rating, not its branches.
				rating := own[wr.Ward.Unit].rating
				good := rating == "excellent" || rating == "good"
				if got.Known != (rating != "") || (got.Actual == 1) != good {
					t.Fatalf("%s 2.6: %+v, rating %q", wr.Ward.Unit, got, rating)
				}
				mine = got
			} else if got.Actual != mine.Actual || got.Known != mine.Known || got.Cumulative != mine.Cumulative || got.Num != mine.Num || got.Den != mine.Den {
				// Each ward's column is the ward's own figure.
				t.Fatalf("%s %s: consolidated %+v, own %+v", wr.Ward.Unit, in.Code, got, mine)
			}
			if mine.Known {
				known++
				num += mine.Num
				den += mine.Den
				sum += mine.Actual
				cum += mine.Cumulative
				if domain.WardMeets(in, mine) {
					met++
				}
			}
		}
		tot := c.Total[i]
		switch {
		case domain.PerWard(in):
			sawPerWard = true
			sawRating = sawRating || in.Metric == domain.MetricUnitsGoodPct
			if tot.Num != met || tot.Den != 3 || !strings.HasPrefix(tot.Detail, fmt.Sprintf("%d/3 cơ sở", met)) {
				t.Errorf("%s: %d of 3 wards meet it, total %+v", in.Code, met, tot)
			}
			if in.Metric != domain.MetricUnitsGoodPct && tot.Met != (met == 3) {
				t.Errorf("%s: %d of 3 wards, judged %s", in.Code, met, tot.Verdict.Code)
			}
		case in.Kind == domain.KindPercent && den > 0:
			sawPct = true
			if want := 100 * float64(num) / float64(den); math.Abs(tot.Actual-want) > 1e-9 || tot.Num != num || tot.Den != den {
				t.Errorf("%s: total %v (%d/%d), want %v (%d/%d)", in.Code, tot.Actual, tot.Num, tot.Den, want, num, den)
			}
			if tot.Met != (tot.Actual+1e-9 >= in.Target) {
				t.Errorf("%s: %v against %v judged %v", in.Code, tot.Actual, in.Target, tot.Verdict.Code)
			}
		case in.Kind == domain.KindCount:
			sawCount = true
			if tot.Actual != sum {
				t.Errorf("%s: total %v, wards sum %v", in.Code, tot.Actual, sum)
			}
			if in.Period {
				sawPeriod = true
				if tot.Cumulative != cum || !tot.Verdict.Period || tot.Verdict.Target != in.Target {
					t.Errorf("%s: cumulative %v, want %v; verdict %+v", in.Code, tot.Cumulative, cum, tot.Verdict)
				}
			}
		}
		if known == 0 && tot.Known && !in.Period && !domain.PerWard(in) {
			t.Errorf("%s: no ward knows it, total known", in.Code)
		}
	}
	if !sawPct || !sawCount || !sawPerWard || !sawPeriod || !sawRating {
		t.Fatalf("the plan lacks a kind: pct %v count %v per-ward %v period %v rating %v", sawPct, sawCount, sawPerWard, sawPeriod, sawRating)
	}
	// A snapshot gone from the wards folder is reported, not counted as
	// an empty ward.
	os.Remove(store.WardPath(cons.WardsDir(), c.Wards[1].Ward))
	if _, err := Consolidate(ctx, cons, year, domain.Date{}); err == nil || !strings.Contains(err.Error(), "nhập lại gói") {
		t.Fatalf("missing snapshot: %v", err)
	}
	// A ward's register is no consolidation.
	if _, err := Consolidate(ctx, wards[0], year, domain.Date{}); err == nil {
		t.Fatal("ward register consolidated")
	}
}
