package issuing

import (
	"context"
	"fmt"
	"io"
	"sync"
	"testing"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// BenchmarkWorkReport is `report work --year 2025` without the register
// entry: open the demo register of 10,000 members, count the period's
// movements, the plan's indicators, the statistics appendix, draft the
// texts, lay out and write the report.
func BenchmarkWorkReport(b *testing.B) {
	path, err := demoRegister()
	if err != nil {
		b.Fatal(err)
	}
	if err := withActivities(path); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		w, err := WorkData(ctx, st, domain.WorkPeriod{Year: 2025}, domain.Date{}, domain.Date{})
		if err != nil {
			b.Fatal(err)
		}
		if w.Unit, err = st.Unit(ctx); err != nil {
			b.Fatal(err)
		}
		if err := report.WriteWork(io.Discard, w); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// withActivities adds, once, 500 activities of 2025 to the demo register
// (the kinds in turn, one every few days, ward-wide), so that the work
// report counts a busy year.
var withActivities = func() func(string) error {
	var once sync.Once
	var err error
	return func(path string) error {
		once.Do(func() {
			st, e := store.Open(path)
			if e != nil {
				err = e
				return
			}
			defer st.Close()
			var kinds []domain.ActivityKind
			for _, k := range domain.DefaultActivityKinds {
				if k.Code != domain.KindTraining && k.Code != domain.KindModel {
					kinds = append(kinds, k)
				}
			}
			for i := range 500 {
				k := kinds[i%len(kinds)]
				a := domain.Activity{Kind: k.Code, Title: fmt.Sprintf("Hoạt động %d", i+1), Date: domain.AddDays(domain.MustDate(2025, 1, 1), i*364/500),
					Ward: true, Participants: domain.Participants{Union: 20 + i%30, Federation: 5, Others: i % 7}, Measures: map[string]int64{}}
				for _, m := range k.Measures {
					a.Measures[m.Code] = int64(10 + i)
				}
				if err = st.SaveActivity(context.Background(), &a); err != nil {
					return
				}
			}
		})
		return err
	}
}()
