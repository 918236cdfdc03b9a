package issuing

import (
	"context"
	"io"
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
