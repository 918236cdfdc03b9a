package demo

import (
	"context"
	"sort"
	"testing"
	"time"

	"sodoan/domain"
)

// TestDemoDecisions: the demo's admissions, comings of age and removals
// of its data years each come from a numbered decision of the ward's one
// QĐ sequence (same kind, same day, naming the person), and so do its
// exemptions from dues (the exemption carries the decision's symbol) and
// a commendation each data year on 26/03; each year's numbers run 1, 2, …
// in date order, and the year's next document takes the number after
// them (the decisions are entered from paper: the outgoing register holds
// files). Checked on
// the register read back, for a ward of 400 on 15/10/2026 (data years
// 2024–2026).
func TestDemoDecisions(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, time.Date(2026, 10, 15, 9, 0, 0, 0, time.Local))
	if err := Generate(ctx, st, Options{Members: 400, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	decs, err := st.Decisions(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		kind   domain.DecisionKind
		date   domain.Date
		person int64
	}
	decided := map[key]domain.Decision{}
	byYear := map[int][]domain.Decision{}
	commended := map[int]int{}
	for _, d := range decs {
		for _, p := range d.People {
			decided[key{d.Kind, d.Date, p.PersonID}] = d
		}
		if d.Year >= 2024 {
			byYear[d.Year] = append(byYear[d.Year], d)
		}
		if d.Kind == domain.DecisionCommendation {
			commended[d.Year] += len(d.People)
			if d.Date != domain.MustDate(d.Year, 3, 26) || d.Form != "giay_khen" {
				t.Errorf("commendation %d of %s: form %q", d.Number, d.Date, d.Form)
			}
		}
	}
	for y := 2024; y <= 2026; y++ {
		if commended[y] != 3 {
			t.Errorf("%d members commended in %d, want 3", commended[y], y)
		}
		list := byYear[y]
		sort.Slice(list, func(i, j int) bool { return list[i].Number < list[j].Number })
		next, err := st.NextDocumentNumber(ctx, y)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 0 || next != len(list)+1 {
			t.Errorf("%d: %d decisions, the next document's number %d", y, len(list), next)
		}
		for i, d := range list {
			if d.Number != i+1 || i > 0 && d.Date.Before(list[i-1].Date) {
				t.Errorf("%d: decision %d of %s is at place %d (numbers run 1, 2, … in date order)", y, d.Number, d.Date, i+1)
			}
		}
	}
	// Every event of the data years a decision decides is decided by one
	// of its kind and day naming the person, and carries its id.
	kinds := map[domain.EventKind]domain.DecisionKind{domain.EventAdmission: domain.DecisionAdmission,
		domain.EventComingOfAge: domain.DecisionMaturity, domain.EventRemoval: domain.DecisionRemoval}
	r := readBack(t, st)
	n := 0
	for id, events := range r.events {
		for _, e := range events {
			k, ok := kinds[e.Kind]
			if !ok || e.Date.Year() < 2024 {
				continue
			}
			n++
			d, ok := decided[key{k, e.Date, id}]
			if !ok || e.DecisionID != d.ID {
				t.Errorf("person %d: %s of %s has decision %d, want the %s decision of that day (%+v)", id, e.Kind, e.Date, e.DecisionID, k, d.Symbol("ĐTN"))
			}
		}
	}
	// Each exemption of the data years comes from its decision.
	m := 0
	for y := 2024; y <= 2026; y++ {
		exemptions, err := st.DuesExemptions(ctx, y, domain.MustDate(2026, 10, 15))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range exemptions {
			if e.DecisionDate.Year() != y {
				continue
			}
			m++
			d, ok := decided[key{domain.DecisionExemption, e.DecisionDate, e.PersonID}]
			if !ok || e.DecisionNumber != d.Symbol("ĐTN") || d.ExemptFrom != e.From || d.ExemptMonths != e.Months {
				t.Errorf("exemption of person %d from %s by %q on %s: no exemption decision giving it", e.PersonID, e.From, e.DecisionNumber, e.DecisionDate)
			}
		}
	}
	if n < 20 || m == 0 {
		t.Errorf("only %d decided events and %d exemptions checked: the demo's data thinned", n, m)
	}
	t.Logf("%d events and %d exemptions of 2024–2026 checked against %d decisions", n, m, len(decs))
}
