package issuing

import (
	"context"
	"errors"
	"fmt"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// memberList prepares the member list of the register: the active
// Union members of one branch (branchID) or of every branch, streamed
// from the register branch by branch in Vietnamese order of names. Each
// branch is read through its own index range, so the register never sorts
// the whole membership.
func memberList(ctx context.Context, st *store.Store, branchID int64, personal bool) (*report.MemberList, error) {
	l := &report.MemberList{Personal: personal}
	base := store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive}
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
		l.Groups = append(l.Groups, report.MemberGroup{Name: b.Name, Count: b.Members})
		inBranches += b.Members
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
func annualData(ctx context.Context, st *store.Store, year int, cutoff domain.Date) (*report.Annual, error) {
	a := &report.Annual{Year: year}
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
	if a.CoopYears, err = st.CoopYears(ctx, year); err != nil {
		return nil, err
	}
	if a.Ward, err = st.WardYear(ctx, year); err != nil {
		return nil, err
	}
	if a.RatingScale, err = st.RatingScale(ctx); err != nil {
		return nil, err
	}
	saved, err := st.Narrative(ctx, domain.NarrativeAnnual, year)
	if err != nil {
		return nil, err
	}
	draft, err := st.AnnualDraft(ctx, a.Plan.ID, year, cutoff)
	if err != nil {
		return nil, err
	}
	a.Narrative = domain.MergeDraft(saved, draft)
	return a, nil
}

// periodData reads the current plan's results up to the cut-off, with the
// period report's narrative.
func periodData(ctx context.Context, st *store.Store, cutoff domain.Date) (*report.Period, error) {
	plan, err := st.CurrentPlan(ctx)
	if err != nil {
		return nil, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	pr, err := st.PeriodResultsAt(ctx, plan.ID, cutoff)
	if err != nil {
		return nil, err
	}
	saved, err := st.Narrative(ctx, domain.NarrativePeriod, int(plan.ID))
	if err != nil {
		return nil, err
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		return nil, err
	}
	return &report.Period{Result: pr, Narrative: domain.MergeDraft(saved, domain.PeriodDraft(pr, unit))}, nil
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
	return &report.PlanDoc{Plan: p, Narrative: n}, nil
}

// clubList reads the active clubs with their members.
func clubList(ctx context.Context, st *store.Store) (*report.ClubList, error) {
	clubs, err := activeClubs(ctx, st)
	if err != nil {
		return nil, err
	}
	return &report.ClubList{Clubs: clubs}, nil
}

// coopList reads the active cooperative groups and their results of year.
func coopList(ctx context.Context, st *store.Store, year int) (*report.CoopList, error) {
	coops, err := activeCoops(ctx, st)
	if err != nil {
		return nil, err
	}
	years, err := st.CoopYears(ctx, year)
	if err != nil {
		return nil, err
	}
	return &report.CoopList{Year: year, Coops: coops, Years: years}, nil
}

// transferData prepares the transfer letter of a Union member to the unit
// to; the letter goes to the receiving unit ("Như trên").
func transferData(ctx context.Context, st *store.Store, memberID int64, to, reason string) (*report.Transfer, error) {
	to, reason = domain.Clean(to), domain.Clean(reason)
	if memberID == 0 || to == "" {
		return nil, fmt.Errorf("giấy giới thiệu: cần đoàn viên và đơn vị nhận")
	}
	// The letter prints what the register would store: the same rules.
	if err := errors.Join(domain.CheckText("To", "Đơn vị nhận", to, false), domain.CheckText("Reason", "Lý do", reason, false)); err != nil {
		return nil, err
	}
	p, err := st.Person(ctx, memberID)
	if err != nil {
		return nil, fmt.Errorf("đoàn viên %d: %w", memberID, err)
	}
	if !p.UnionMember {
		return nil, fmt.Errorf("%s không phải đoàn viên: không cấp giấy giới thiệu sinh hoạt Đoàn", p.FullName())
	}
	return &report.Transfer{Meta: report.Meta{Recipients: []string{"Như trên"}}, Person: p, To: to, Reason: reason}, nil
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
