package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"

	"sodoan/domain"
	"sodoan/store"
)

// The ward's decisions and the members' cards in the demo (issue 20).
// Both draw on a random stream of their own, so that the rest of the
// demo ward stays what the same seed always made.

// handCards gives most Union members the day their card was handed: one
// to four months after they were admitted (in the unit they came from,
// for a transfer), when that day has come by end. About one in twelve has
// no card yet.
func handCards(seed int64, people []*person, end domain.Date) {
	r := rand.New(rand.NewPCG(uint64(seed), 0xca4d))
	for _, pp := range people {
		p := pp.p
		if !p.UnionMember || p.AdmissionDate.IsZero() || r.IntN(12) == 0 {
			continue
		}
		on := domain.AddDays(p.AdmissionDate, 30+r.IntN(90))
		if !on.After(end) {
			p.CardDate = on
		}
	}
}

// demoDecision is one decision to record: its kind, day and people.
type demoDecision struct {
	kind   domain.DecisionKind
	date   domain.Date
	reason string
	people []int64
}

// writeDecisions records the committee's decisions of the year before
// the data's first, one a kind and a day, made from the admissions,
// comings of age and removals the register holds (each event takes the
// decision's number): decisions signed on paper before the ward used the
// register, entered with their numbers 1, 2, … in date order
// (store.RecordPaperDecision). They take no entry in the outgoing
// register; the data years' decisions do (writeDataDecisions).
func writeDecisions(ctx context.Context, st *store.Store, o Options, people []*person) error {
	byKey := map[string]*demoDecision{}
	var all []*demoDecision
	for _, pp := range people {
		for _, e := range pp.events {
			if e.Date.Year() != dataYears(o)[0]-1 {
				continue
			}
			kind, ok := domain.DecisionFor(e.Kind)
			if !ok {
				continue
			}
			key := string(kind) + e.Date.ISO() + e.Reason
			d := byKey[key]
			if d == nil {
				d = &demoDecision{kind: kind, date: e.Date, reason: e.Reason}
				byKey[key] = d
				all = append(all, d)
			}
			d.people = append(d.people, pp.p.ID)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].date.Before(all[j].date) })
	for i, d := range all {
		dec := &domain.Decision{Kind: d.kind, Date: d.date, Reason: d.reason, Number: i + 1}
		signer, err := st.SignerOn(ctx, d.date, false)
		if err == nil {
			dec.Signer = signer.Name
		}
		for _, id := range d.people {
			dec.People = append(dec.People, domain.DecisionPerson{PersonID: id})
		}
		if err := st.RecordPaperDecision(ctx, dec); err != nil {
			return fmt.Errorf("tạo quyết định mẫu (%s ngày %s): %w", d.kind.Label(), d.date, err)
		}
	}
	return nil
}

// writeDataDecisions records the committee's decisions of the data
// years, numbered 1, 2, … in date order in the ward's one sequence of
// each year (the documents the demo's user issues take the numbers after
// them), entered as signed on paper: the outgoing register holds the
// documents with their files, and the demo prints none. In date order: each day's admissions, comings of age and
// removals (for one reason) as one decision that takes the events the
// register holds; each exemption from dues as the exemption decision that
// gives it (the dues' exemptions are re-made by their decisions, which
// carry its number); and a commendation a year, on 26/03, of three
// members active that day. It runs after the dues, whose exemptions it
// numbers.
func writeDataDecisions(ctx context.Context, st *store.Store, o Options, people []*person, end domain.Date) error {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0xdec1))
	years := map[int]bool{}
	for _, y := range dataYears(o) {
		years[y] = true
	}
	if len(people) > bigWard {
		// A big ward's decisions of its last year only, as its dues: the
		// three years' 2,700 decisions of 25,000 members doubled the
		// demo's time.
		years = map[int]bool{end.Year(): true}
	}
	type planned struct {
		dec        domain.Decision
		exemptions []int64 // the dues' exemptions the decision re-makes
	}
	byKey := map[string]*planned{}
	var all []*planned
	add := func(key string, dec domain.Decision, personID, exemption int64) {
		d := byKey[key]
		if d == nil {
			d = &planned{dec: dec}
			byKey[key] = d
			all = append(all, d)
		}
		d.dec.People = append(d.dec.People, domain.DecisionPerson{PersonID: personID})
		if exemption != 0 {
			d.exemptions = append(d.exemptions, exemption)
		}
	}
	for _, pp := range people {
		for _, e := range pp.events {
			if !years[e.Date.Year()] || e.Date.After(end) {
				continue
			}
			kind, ok := domain.DecisionFor(e.Kind)
			if !ok {
				continue
			}
			add(string(kind)+e.Date.ISO()+e.Reason, domain.Decision{Kind: kind, Date: e.Date, Reason: e.Reason}, pp.p.ID, 0)
		}
	}
	byID := map[int64]*person{}
	for _, pp := range people {
		byID[pp.p.ID] = pp
	}
	for y := range years {
		exemptions, err := st.DuesExemptions(ctx, y, end)
		if err != nil {
			return err
		}
		for _, e := range exemptions {
			if e.DecisionDate.Year() != y || e.DecisionDate.After(end) {
				continue
			}
			// Decided on the first of the month, or on the day she came,
			// for a member who arrived in it: the committee exempts a
			// member of its own.
			on := e.DecisionDate
			if pp := byID[e.PersonID]; pp != nil && pp.arrived.After(on) {
				on = pp.arrived
			}
			if on.After(end) {
				continue
			}
			dec := domain.Decision{Kind: domain.DecisionExemption, Date: on, Reason: e.Reason, ExemptFrom: e.From, ExemptMonths: e.Months}
			add(fmt.Sprintf("exempt%s%s%d%s", on.ISO(), e.From.Key(), e.Months, e.Reason), dec, e.PersonID, e.ID)
		}
	}
	for _, y := range dataYears(o) {
		day := domain.MustDate(y, 3, 26)
		if !years[y] || day.After(end) {
			continue
		}
		var active []*person
		for _, pp := range people {
			if pp.p.ID != 0 && pp.activeOn(day) && (pp.left.IsZero() || pp.left.After(end)) {
				active = append(active, pp)
			}
		}
		r.Shuffle(len(active), func(i, j int) { active[i], active[j] = active[j], active[i] })
		for _, pp := range active[:min(3, len(active))] {
			add(fmt.Sprintf("commend%d", y), domain.Decision{Kind: domain.DecisionCommendation, Date: day, Form: "giay_khen",
				Reason: fmt.Sprintf("Có thành tích xuất sắc trong công tác Đoàn và phong trào thanh niên nhân kỷ niệm %d năm Ngày thành lập Đoàn", y-1931)},
				pp.p.ID, 0)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].dec.Date.Before(all[j].dec.Date) })
	decs := make([]*domain.Decision, len(all))
	var remade []int64
	next := map[int]int{}
	for i, d := range all {
		decs[i] = &d.dec
		y := d.dec.Date.Year()
		if next[y] == 0 {
			n, err := st.NextDocumentNumber(ctx, y)
			if err != nil {
				return err
			}
			next[y] = n
		}
		d.dec.Number = next[y]
		next[y]++
		if signer, err := st.SignerOn(ctx, d.dec.Date, false); err == nil {
			d.dec.Signer = signer.Name
		}
		remade = append(remade, d.exemptions...)
	}
	// One transaction: a ward of 1,500 members has some 250 decisions.
	if err := st.RecordDecisions(ctx, decs, remade); err != nil {
		return fmt.Errorf("tạo quyết định mẫu: %w", err)
	}
	return nil
}
