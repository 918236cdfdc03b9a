package demo

import (
	"context"
	"testing"
	"time"

	"sodoan/domain"
	"sodoan/store"
)

// TestDemoResidence: the demo ward's residence records, read back from the
// register, agree with its members: every student introduced out is a
// Union member here from the start of the stay to its end (or today), of
// the branch that introduced them; every worker received is someone not
// in the register, of working age, in a khóm branch; nothing is dated
// after today; every data year has both kinds.
func TestDemoResidence(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 12, 10, 9, 0, 0, 0, time.UTC)
	st := openAt(t, now)
	if err := Generate(ctx, st, Options{Members: 400, Seed: 2, Year: 2025}); err != nil {
		t.Fatal(err)
	}
	r := readBack(t, st)
	byID := map[int64]domain.Person{}
	for _, p := range r.people {
		byID[p.ID] = p
	}
	today := domain.DateOf(now)
	rs, err := st.Residences(ctx, store.ResidenceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	type count struct{ out, in int }
	years := map[int]*count{2023: {}, 2024: {}, 2025: {}}
	for _, x := range rs {
		if x.From.After(today) || (!x.To.IsZero() && x.To.After(today)) {
			t.Errorf("record %d dated after today: %s", x.ID, x.Span())
		}
		c := years[x.From.Year()]
		if c == nil {
			t.Errorf("record %d begins in %d, outside the data years", x.ID, x.From.Year())
			continue
		}
		switch x.Kind {
		case domain.ResidenceOut:
			c.out++
			p, ok := byID[x.PersonID]
			if !ok || !p.UnionMember {
				t.Errorf("record %d introduces person %d, not a Union member of the register", x.ID, x.PersonID)
				continue
			}
			last := x.To
			if last.IsZero() {
				last = today
			}
			if !r.activeOn(p.ID, x.From) || !r.activeOn(p.ID, last) {
				t.Errorf("record %d: %s is not a member here over %s", x.ID, p.FullName(), x.Span())
			}
			if p.BranchID != x.BranchID {
				t.Errorf("record %d: introduced by branch %d, %s is in %d", x.ID, x.BranchID, p.FullName(), p.BranchID)
			}
		case domain.ResidenceIn:
			c.in++
			if x.PersonID != 0 {
				t.Errorf("record %d receives person %d of the register", x.ID, x.PersonID)
			}
			if age := x.BirthDate.AgeOn(x.From); age < 16 || age > 30 {
				t.Errorf("record %d receives %s aged %d", x.ID, x.FullName(), age)
			}
			if r.branches[x.BranchID].Kind != domain.BranchHamlet {
				t.Errorf("record %d receives into %s, not a khóm branch", x.ID, r.branches[x.BranchID].Name)
			}
		}
	}
	for y, c := range years {
		if c.out == 0 || c.in == 0 {
			t.Errorf("%d: %d introduced out, %d received in; want some of each", y, c.out, c.in)
		}
	}
}
