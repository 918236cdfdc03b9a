package demo

import (
	"context"
	"fmt"
	"testing"
	"time"

	"sodoan/domain"
	"sodoan/store"
)

// TestDemoWorkAgreesWithRatings: the demo's meetings, attendance and
// activities agree with its ratings, year by year: a branch rated Xuất
// sắc met every month, one rated Yếu missed at least two; every member
// rated Hoàn thành xuất sắc took part in at least 90 % of what the branch
// was called to; nobody on the "cần xem xét" list was rated Hoàn thành
// xuất sắc or Hoàn thành tốt; every year has activities of several kinds.
func TestDemoWorkAgreesWithRatings(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		seed int64
		now  time.Time
	}{{1, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}, {3, time.Date(2026, 7, 10, 9, 0, 0, 0, time.UTC)}} {
		t.Run(fmt.Sprint(tc.seed), func(t *testing.T) {
			st := openAt(t, tc.now)
			if err := Generate(ctx, st, Options{Members: 400, Seed: tc.seed}); err != nil {
				t.Fatal(err)
			}
			th := domain.DefaultEvidence
			years := 0
			for _, y := range []int{tc.now.Year() - 2, tc.now.Year() - 1, tc.now.Year()} {
				totals, err := st.ActivityTotals(ctx, domain.MustDate(y, 1, 1), domain.MustDate(y, 12, 31))
				if err != nil {
					t.Fatal(err)
				}
				kinds := 0
				for _, k := range totals {
					if k.Count > 0 {
						kinds++
					}
				}
				if kinds < 4 {
					t.Errorf("%d: activities of %d kinds", y, kinds)
				}
				if !rated(y, domain.DateOf(tc.now)) {
					continue
				}
				years++
				g, err := st.MeetingsGrid(ctx, y, domain.Date{})
				if err != nil {
					t.Fatal(err)
				}
				for _, row := range g.Rows {
					by, err := st.BranchYear(ctx, row.BranchID, y)
					if err != nil {
						t.Fatal(err)
					}
					switch {
					case by.Rating == "excellent" && row.MonthsMet < th.BranchMeetings:
						t.Errorf("%d: %s rated excellent met %d months", y, row.Branch, row.MonthsMet)
					case by.Rating == "weak" && row.MonthsMet > 10:
						t.Errorf("%d: %s rated weak met %d months", y, row.Branch, row.MonthsMet)
					}
				}
				shares, err := st.ParticipationShares(ctx, y, domain.Date{}, 0)
				if err != nil {
					t.Fatal(err)
				}
				excellent := 0
				for id, sh := range shares {
					my, err := st.MemberYear(ctx, id, y)
					if err != nil {
						t.Fatal(err)
					}
					if my.Rating == "excellent" {
						excellent++
						if !sh.Meets(th.MemberShare) {
							t.Errorf("%d: person %d rated excellent took part in %s", y, id, sh)
						}
					}
				}
				if excellent == 0 {
					t.Errorf("%d: no member rated excellent has a share", y)
				}
				review, err := st.ReviewList(ctx, y, domain.Date{})
				if err != nil {
					t.Fatal(err)
				}
				if len(review) == 0 {
					t.Errorf("%d: nobody to consider", y)
				}
				for _, l := range review {
					my, err := st.MemberYear(ctx, l.PersonID, y)
					if err != nil {
						t.Fatal(err)
					}
					if my.Rating == "excellent" || my.Rating == "good" {
						t.Errorf("%d: %s rated %s is on the review list: %s", y, l.Name, my.Rating, l.ReasonText())
					}
				}
			}
			if years < 2 {
				t.Errorf("only %d rated years checked", years)
			}
			ms, err := st.Meetings(ctx, store.MeetingFilter{Year: tc.now.Year()})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				if m.Date.After(domain.DateOf(tc.now)) {
					t.Errorf("a meeting after today: %s", m.Date)
				}
			}
		})
	}
}
