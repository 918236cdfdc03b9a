package demo

import (
	"context"
	"testing"
	"time"

	"sodoan/domain"
	"sodoan/store"
)

// TestDemoDuesAddUp: the demo ward's dues hold together as a ward's
// books must, read back from the register for each seed: every quarter
// ended, each branch remitted all it collected (kept plus passed up is
// what it collected, the third rounded on each month's sum), the ward
// passed up a third of what its branches passed up, no exemption runs
// over six months, the unpaid list names only members, and each
// branch's cash book never goes below zero.
func TestDemoDuesAddUp(t *testing.T) {
	ctx := context.Background()
	for seed := int64(1); seed <= 5; seed++ {
		st := openAt(t, time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local))
		if err := Generate(ctx, st, Options{Members: 300, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		end := domain.MustDate(2026, 11, 20)
		rules := domain.DefaultDuesRules()
		for y := 2024; y <= 2026; y++ {
			for q := 1; q <= 4; q++ {
				if domain.QuarterEnd(y, q).After(end) {
					continue
				}
				sum, err := st.DuesSummary(ctx, y, q, end)
				if err != nil {
					t.Fatal(err)
				}
				if sum.Total.Collected == 0 {
					t.Errorf("seed %d, quarter %d/%d: nothing collected", seed, q, y)
				}
				for _, r := range sum.Rows {
					if r.Kept+r.Up != r.Collected {
						t.Errorf("seed %d, %s, quarter %d/%d: collected %d, kept %d + up %d", seed, r.BranchName, q, y, r.Collected, r.Kept, r.Up)
					}
				}
				if w := sum.WardRemit; w == nil {
					t.Errorf("seed %d, quarter %d/%d: the ward did not remit", seed, q, y)
				} else if up, _ := rules.Split(sum.Total.Up); w.Sum != sum.Total.Up || w.Up != up {
					t.Errorf("seed %d, quarter %d/%d: the ward received %d (branches passed %d), passed up %d", seed, q, y, w.Sum, sum.Total.Up, w.Up)
				}
			}
		}
		ex, err := st.DuesExemptions(ctx, 0, domain.Date{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ex) == 0 {
			t.Errorf("seed %d: no exemption", seed)
		}
		for _, e := range ex {
			if e.Months > 6 || e.DecisionNumber == "" {
				t.Errorf("seed %d: exemption %+v", seed, e)
			}
		}
		unpaid, err := st.DuesUnpaidList(ctx, 0, 2026, end)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range unpaid {
			for _, m := range u.Months {
				if in, err := st.CountMembers(ctx, store.MemberFilter{Kind: store.KindUnion, AsOf: m.Last(), Query: u.Name}); err != nil || in == 0 {
					t.Errorf("seed %d: %s named unpaid for %s, not a member then", seed, u.Name, m)
				}
			}
		}
		branches, err := st.Branches(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range branches {
			book, err := st.CashBook(ctx, b.ID, domain.MustDate(2024, 1, 1), end)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range book.Entries {
				if e.Balance < 0 {
					t.Errorf("seed %d, %s: balance %d on %s", seed, b.Name, e.Balance, e.Date)
				}
			}
		}
	}
}
