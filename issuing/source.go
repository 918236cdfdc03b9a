package issuing

import (
	"context"
	"errors"
	"fmt"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// memberList prepares the member list of the register as of a day: the
// Union members of one branch (branchID) or of every branch who were
// members on asOf (admitted on or before it and not gone by it, the
// store's one definition), streamed from the register branch by branch in
// Vietnamese order of names, their offices those held that day. Each
// branch is read through its own index range, so the register never sorts
// the whole membership.
func memberList(ctx context.Context, st *store.Store, branchID int64, personal bool, asOf domain.Date) (*report.MemberList, error) {
	l := &report.MemberList{Personal: personal}
	base := store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive, AsOf: asOf}
	var branches []domain.Branch
	if branchID != 0 {
		b, err := st.Branch(ctx, branchID)
		if err != nil {
			return nil, fmt.Errorf("chi đoàn %d: %w", branchID, err)
		}
		branches = []domain.Branch{b}
		l.Summary = "Đoàn viên " + report.BranchTitle(b.Name)
	} else {
		all, err := st.Branches(ctx, true)
		if err != nil {
			return nil, err
		}
		branches = all
	}
	inBranches := 0
	for _, b := range branches {
		// Counted on the day, not today (the branch's own count).
		f := base
		f.BranchID = b.ID
		n, err := st.CountMembers(ctx, f)
		if err != nil {
			return nil, err
		}
		l.Groups = append(l.Groups, report.MemberGroup{Name: b.Name, Count: n})
		inBranches += n
	}
	unbranched := 0
	if branchID == 0 {
		total, err := st.CountMembers(ctx, base)
		if err != nil {
			return nil, err
		}
		if unbranched = total - inBranches; unbranched > 0 {
			l.Groups = append(l.Groups, report.MemberGroup{Name: report.NoBranch, Count: unbranched})
		}
	}
	l.Each = func(fn func(*domain.Person) error) error {
		for _, b := range branches {
			f := base
			f.BranchID = b.ID
			if err := st.EachMember(ctx, f, fn); err != nil {
				return err
			}
		}
		if unbranched == 0 {
			return nil
		}
		// Members of no branch have no index range of their own: read
		// everyone and keep them (rare, and only when there are some).
		return st.EachMember(ctx, base, func(p *domain.Person) error {
			if p.BranchID != 0 {
				return nil
			}
			return fn(p)
		})
	}
	return l, nil
}

// annualData reads the annual report's data for working year year as of the
// cut-off: the current plan, the situation, the indicator results, the
// active clubs and cooperative groups with their results, the ward's
// rating, and the narrative (the secretary's texts, the draft from the
// figures where she wrote none).
//
// Every yearly fact is read as known on the cut-off: the ward's rating and
// its count of new Party members, the groups' reported results (the
// indicators read theirs the same way). half makes it the 6-month report,
// with its own texts, as saved by the issue date issued (zero: the
// current texts): the texts are what was written when it was issued.
func annualData(ctx context.Context, st *store.Store, year int, cutoff, issued domain.Date, half bool) (*report.Annual, error) {
	a := &report.Annual{Year: year, Half: half}
	var err error
	// No plan of the ward's own yet: the report says so (report.Annual
	// with a zero Plan) and judges no target against another body's plan.
	if a.Plan, err = st.CurrentPlan(ctx); err != nil && !errors.Is(err, store.ErrNoPlan) {
		return nil, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	if a.Situation, err = st.SituationAt(ctx, year, cutoff); err != nil {
		return nil, err
	}
	if a.Plan.ID != 0 {
		if a.Results, err = st.YearResultsAt(ctx, a.Plan.ID, year, cutoff); err != nil {
			return nil, err
		}
	}
	// The clubs and groups of that year, not today's.
	openClubs, openCoops, err := st.GroupsOpenIn(ctx, year, cutoff)
	if err != nil {
		return nil, err
	}
	clubs, err := st.Clubs(ctx)
	if err != nil {
		return nil, err
	}
	a.Clubs = keep(clubs, func(c domain.Club) bool { return openClubs[c.ID] })
	coops, err := st.Coops(ctx)
	if err != nil {
		return nil, err
	}
	a.Coops = keep(coops, func(c domain.Coop) bool { return openCoops[c.ID] })
	if a.CoopYears, err = st.CoopYearsAt(ctx, year, cutoff); err != nil {
		return nil, err
	}
	if a.Ward, err = st.WardYearAt(ctx, year, cutoff); err != nil {
		return nil, err
	}
	if a.RatingScale, err = st.RatingScale(ctx); err != nil {
		return nil, err
	}
	// The activities of the year (of its first half for the 6-month
	// report) begun by the cut-off.
	if a.Activities, err = st.ActivityTotals(ctx, a.Situation.From, a.Situation.AsOf); err != nil {
		return nil, err
	}
	doc, words := domain.NarrativeAnnual, domain.DraftWords{When: fmt.Sprintf("trong năm %d", year)}
	if half {
		doc, words = domain.NarrativeHalfYear, halfYearWords(year)
	}
	saved, err := st.NarrativeAt(ctx, doc, year, issued)
	if err != nil {
		return nil, err
	}
	draft, err := st.DraftAt(ctx, a.Plan.ID, year, cutoff, words)
	if err != nil {
		return nil, err
	}
	a.Narrative = domain.MergeDraft(saved, draft)
	return a, nil
}

// periodData reads the current plan's results up to the cut-off, with the
// period report's narrative as saved by the issue date issued (zero: the
// current one).
func periodData(ctx context.Context, st *store.Store, cutoff, issued domain.Date) (*report.Period, error) {
	plan, err := st.CurrentPlan(ctx)
	if err != nil {
		return nil, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	pr, err := st.PeriodResultsAt(ctx, plan.ID, cutoff)
	if err != nil {
		return nil, err
	}
	saved, err := st.NarrativeAt(ctx, domain.NarrativePeriod, int(plan.ID), issued)
	if err != nil {
		return nil, err
	}
	draft, err := periodDraft(ctx, st, pr, cutoff)
	if err != nil {
		return nil, err
	}
	return &report.Period{Result: pr, Narrative: domain.MergeDraft(saved, draft)}, nil
}

// planData reads a plan (0: the current one) with its texts.
func planData(ctx context.Context, st *store.Store, planID int64) (*report.PlanDoc, error) {
	var p domain.Plan
	var err error
	if planID == 0 {
		p, err = st.CurrentPlan(ctx)
	} else {
		p, err = st.Plan(ctx, planID)
	}
	if err != nil {
		return nil, fmt.Errorf("kế hoạch: %w", err)
	}
	n, err := st.Narrative(ctx, domain.NarrativePlan, int(p.ID))
	if err != nil {
		return nil, err
	}
	// A section she left empty prints what the editor showed her there.
	draft, err := Draft(ctx, st, domain.NarrativePlan, int(p.ID), domain.Date{})
	if err != nil {
		return nil, err
	}
	return &report.PlanDoc{Plan: p, Narrative: domain.MergeDraft(n, draft)}, nil
}

// clubList reads the active clubs with their members.
func clubList(ctx context.Context, st *store.Store) (*report.ClubList, error) {
	clubs, err := activeClubs(ctx, st)
	if err != nil {
		return nil, err
	}
	return &report.ClubList{Clubs: clubs}, nil
}

// coopList reads the active cooperative groups and their results of
// year, as reported by the cut-off (the list's date).
func coopList(ctx context.Context, st *store.Store, year int, cutoff domain.Date) (*report.CoopList, error) {
	coops, err := activeCoops(ctx, st)
	if err != nil {
		return nil, err
	}
	years, err := st.CoopYearsAt(ctx, year, cutoff)
	if err != nil {
		return nil, err
	}
	return &report.CoopList{Year: year, Coops: coops, Years: years}, nil
}

func activeClubs(ctx context.Context, st *store.Store) ([]domain.Club, error) {
	all, err := st.Clubs(ctx)
	return keep(all, func(c domain.Club) bool { return c.Active }), err
}

func activeCoops(ctx context.Context, st *store.Store) ([]domain.Coop, error) {
	all, err := st.Coops(ctx)
	return keep(all, func(c domain.Coop) bool { return c.Active }), err
}

// keep filters xs in place to the elements ok accepts (reports print only
// the clubs and groups still active).
func keep[T any](xs []T, ok func(T) bool) []T {
	out := xs[:0]
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}
