package report

import (
	"context"
	"errors"
	"fmt"

	"sodoan/store"
)

// MemberListFrom prepares the member list of the register: the active
// Union members of one branch (branchID) or of every branch, streamed
// from the register branch by branch in Vietnamese order of names. Each
// branch is read through its own index range, so the register never sorts
// the whole membership.
func MemberListFrom(ctx context.Context, st *store.Store, branchID int64, personal bool) (*MemberList, error) {
	l := &MemberList{Personal: personal}
	base := store.MemberFilter{Kind: store.KindUnion, Status: store.StatusActive}
	var branches []store.Branch
	if branchID != 0 {
		b, err := st.Branch(ctx, branchID)
		if err != nil {
			return nil, fmt.Errorf("chi đoàn %d: %w", branchID, err)
		}
		branches = []store.Branch{b}
		l.Summary = "Đoàn viên " + branchTitle(b.Name)
	} else {
		all, err := st.Branches(ctx, true)
		if err != nil {
			return nil, err
		}
		branches = all
	}
	inBranches := 0
	for _, b := range branches {
		l.Groups = append(l.Groups, MemberGroup{Name: b.Name, Count: b.Members})
		inBranches += b.Members
	}
	unbranched := 0
	if branchID == 0 {
		total, err := st.CountMembers(ctx, base)
		if err != nil {
			return nil, err
		}
		if unbranched = total - inBranches; unbranched > 0 {
			l.Groups = append(l.Groups, MemberGroup{Name: NoBranch, Count: unbranched})
		}
	}
	l.Each = func(fn func(*store.Person) error) error {
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
		return st.EachMember(ctx, base, func(p *store.Person) error {
			if p.BranchID != 0 {
				return nil
			}
			return fn(p)
		})
	}
	return l, nil
}

// branchTitle names a branch as a list title does: "Chi đoàn Khóm 1".
func branchTitle(name string) string {
	name = nfc(name)
	if len(name) >= len("Chi đoàn") && foldPrefix(name, "chi đoàn") {
		return name
	}
	return "Chi đoàn " + name
}

func foldPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		a, b := s[i], prefix[i]
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

// UnitName is the unit's name for running text and titles: "BCH ĐOÀN
// PHƯỜNG 1" → "Đoàn Phường 1".
func UnitName(u store.Unit) string { return unitShort(u) }

// AnnualFrom reads the annual report's data for year, counted to the
// year's end (or today while it runs).
func AnnualFrom(ctx context.Context, st *store.Store, year int) (*Annual, error) {
	return AnnualAt(ctx, st, year, store.Date{})
}

// AnnualAt reads the annual report's data for working year year as of the
// cut-off: the current plan, the situation, the indicator results, the
// active clubs and cooperative groups with their results, the ward's
// rating, and the narrative (the secretary's texts, the draft from the
// figures where she wrote none).
func AnnualAt(ctx context.Context, st *store.Store, year int, cutoff store.Date) (*Annual, error) {
	a := &Annual{Year: year}
	var err error
	if a.Plan, err = st.CurrentPlan(ctx); err != nil {
		return nil, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	if a.Situation, err = st.SituationAt(ctx, year, cutoff); err != nil {
		return nil, err
	}
	if a.Results, err = st.YearResultsAt(ctx, a.Plan.ID, year, cutoff); err != nil {
		return nil, err
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
	a.Clubs = keep(clubs, func(c store.Club) bool { return openClubs[c.ID] })
	coops, err := st.Coops(ctx)
	if err != nil {
		return nil, err
	}
	a.Coops = keep(coops, func(c store.Coop) bool { return openCoops[c.ID] })
	if a.CoopYears, err = st.CoopYears(ctx, year); err != nil {
		return nil, err
	}
	if a.Ward, err = st.WardYear(ctx, year); err != nil {
		return nil, err
	}
	if a.RatingScale, err = st.RatingScale(ctx); err != nil {
		return nil, err
	}
	saved, err := st.Narrative(ctx, store.NarrativeAnnual, year)
	if err != nil {
		return nil, err
	}
	draft, err := st.AnnualDraft(ctx, a.Plan.ID, year, cutoff)
	if err != nil {
		return nil, err
	}
	a.Narrative = store.MergeDraft(saved, draft)
	return a, nil
}

// PeriodFrom reads the current plan's results for every year of its
// period up to today.
func PeriodFrom(ctx context.Context, st *store.Store) (*Period, error) {
	return PeriodAt(ctx, st, store.Date{})
}

// PeriodAt reads the current plan's results up to the cut-off, with the
// period report's narrative.
func PeriodAt(ctx context.Context, st *store.Store, cutoff store.Date) (*Period, error) {
	plan, err := st.CurrentPlan(ctx)
	if err != nil {
		return nil, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	pr, err := st.PeriodResultsAt(ctx, plan.ID, cutoff)
	if err != nil {
		return nil, err
	}
	saved, err := st.Narrative(ctx, store.NarrativePeriod, int(plan.ID))
	if err != nil {
		return nil, err
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		return nil, err
	}
	return &Period{Result: pr, Narrative: store.MergeDraft(saved, store.PeriodDraft(pr, unit))}, nil
}

// PlanFrom reads a plan (0: the current one) with its texts.
func PlanFrom(ctx context.Context, st *store.Store, planID int64) (*PlanDoc, error) {
	var p store.Plan
	var err error
	if planID == 0 {
		p, err = st.CurrentPlan(ctx)
	} else {
		p, err = st.Plan(ctx, planID)
	}
	if err != nil {
		return nil, fmt.Errorf("kế hoạch: %w", err)
	}
	n, err := st.Narrative(ctx, store.NarrativePlan, int(p.ID))
	if err != nil {
		return nil, err
	}
	return &PlanDoc{Plan: p, Narrative: n}, nil
}

// ClubsFrom reads the active clubs with their members.
func ClubsFrom(ctx context.Context, st *store.Store) (*ClubList, error) {
	clubs, err := activeClubs(ctx, st)
	if err != nil {
		return nil, err
	}
	return &ClubList{Clubs: clubs}, nil
}

// CoopsFrom reads the active cooperative groups and their results of year.
func CoopsFrom(ctx context.Context, st *store.Store, year int) (*CoopList, error) {
	coops, err := activeCoops(ctx, st)
	if err != nil {
		return nil, err
	}
	years, err := st.CoopYears(ctx, year)
	if err != nil {
		return nil, err
	}
	return &CoopList{Year: year, Coops: coops, Years: years}, nil
}

// TransferFrom prepares the transfer letter of a Union member to the unit
// to; the letter goes to the receiving unit ("Như trên").
func TransferFrom(ctx context.Context, st *store.Store, memberID int64, to, reason string) (*Transfer, error) {
	to, reason = store.Clean(to), store.Clean(reason)
	if memberID == 0 || to == "" {
		return nil, fmt.Errorf("giấy giới thiệu: cần đoàn viên và đơn vị nhận")
	}
	// The letter prints what the register would store: the same rules.
	if err := errors.Join(store.CheckText("To", "Đơn vị nhận", to, false), store.CheckText("Reason", "Lý do", reason, false)); err != nil {
		return nil, err
	}
	p, err := st.Person(ctx, memberID)
	if err != nil {
		return nil, fmt.Errorf("đoàn viên %d: %w", memberID, err)
	}
	if !p.UnionMember {
		return nil, fmt.Errorf("%s không phải đoàn viên: không cấp giấy giới thiệu sinh hoạt Đoàn", p.FullName())
	}
	return &Transfer{Meta: Meta{Recipients: []string{"Như trên"}}, Person: p, To: to, Reason: reason}, nil
}

func activeClubs(ctx context.Context, st *store.Store) ([]store.Club, error) {
	all, err := st.Clubs(ctx)
	return keep(all, func(c store.Club) bool { return c.Active }), err
}

func activeCoops(ctx context.Context, st *store.Store) ([]store.Coop, error) {
	all, err := st.Coops(ctx)
	return keep(all, func(c store.Coop) bool { return c.Active }), err
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
