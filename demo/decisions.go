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
// register, which holds only documents with their files, and leave the
// data years' numbering to the documents the demo's user issues.
func writeDecisions(ctx context.Context, st *store.Store, o Options, people []*person) error {
	byKey := map[string]*demoDecision{}
	var all []*demoDecision
	for _, pp := range people {
		for _, e := range pp.events {
			if e.Date.Year() != dataYears(o)[0]-1 {
				continue
			}
			var kind domain.DecisionKind
			switch e.Kind {
			case domain.EventAdmission:
				kind = domain.DecisionAdmission
			case domain.EventComingOfAge:
				kind = domain.DecisionMaturity
			case domain.EventRemoval:
				kind = domain.DecisionRemoval
			default:
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
