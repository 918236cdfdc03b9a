package issuing

import (
	"context"
	"errors"
	"fmt"

	"sodoan/domain"
	"sodoan/store"
)

// Draft is the text the register writes for document doc's sections from
// its figures as of cutoff (zero: the document's own default, as issuing
// it would count): key is the working year (annual, 6-month report) or
// the plan's ID (period report, plan). It is what the window's editor
// shows in a section the secretary has not written, and what the document
// prints there; one place for both.
func Draft(ctx context.Context, st *store.Store, doc string, key int, cutoff domain.Date) (domain.Narrative, error) {
	if p, ok := domain.WorkPeriodOfDoc(doc, key); ok {
		// A work report (quarter, half, year): the whole period's
		// figures, to today while it runs, as the report prints them.
		return WorkDraft(ctx, st, p)
	}
	planID, err := currentPlanID(ctx, st)
	if err != nil {
		return nil, err
	}
	switch doc {
	case domain.NarrativeAnnual:
		return st.AnnualDraft(ctx, planID, key, cutoff)
	case domain.NarrativeHalfYear:
		sp, err := st.YearSpan(ctx, key, domain.Date{})
		if err != nil {
			return nil, err
		}
		end := HalfEnd(sp)
		if !cutoff.IsZero() && cutoff.Before(end) {
			end = cutoff
		}
		return st.DraftAt(ctx, planID, key, end, halfYearWords(key))
	case domain.NarrativePeriod:
		p, err := st.Plan(ctx, int64(key))
		if err != nil {
			return nil, fmt.Errorf("kế hoạch: %w", err)
		}
		pr, err := st.PeriodResultsAt(ctx, p.ID, cutoff)
		if err != nil {
			return nil, err
		}
		return periodDraft(ctx, st, pr, cutoff)
	case domain.NarrativePlan:
		p, err := st.Plan(ctx, int64(key))
		if err != nil {
			return nil, fmt.Errorf("kế hoạch: %w", err)
		}
		u, err := st.Unit(ctx)
		if err != nil {
			return nil, err
		}
		// The register as it stands on the cut-off (today by default):
		// a plan is written for what the Union is now.
		sit, err := st.SituationAt(ctx, st.Today().Year(), cutoff)
		if err != nil {
			return nil, err
		}
		return domain.PlanDraft(p, sit, domain.WardUnion(u)), nil
	}
	return nil, fmt.Errorf("nội dung văn bản: loại %q không có", doc)
}

// DraftDay is the day Draft counts doc's figures to: the working year's
// last day (the 6-month report's: its first half's), or the cut-off, or
// today, whichever comes first; what the editor tells the secretary the
// pre-filled sentences stand for.
func DraftDay(ctx context.Context, st *store.Store, doc string, key int, cutoff domain.Date) (domain.Date, error) {
	switch doc {
	case domain.NarrativeAnnual:
		sp, err := st.YearSpan(ctx, key, cutoff)
		return sp.To, err
	case domain.NarrativeHalfYear:
		sp, err := st.YearSpan(ctx, key, domain.Date{})
		if err != nil {
			return domain.Date{}, err
		}
		end := HalfEnd(sp)
		if !cutoff.IsZero() && cutoff.Before(end) {
			end = cutoff
		}
		sp, err = st.YearSpan(ctx, key, end)
		return sp.To, err
	}
	if p, ok := domain.WorkPeriodOfDoc(doc, key); ok {
		// The period's end, or today while it runs (as WorkDraft counts).
		sp, err := st.YearSpan(ctx, key, domain.Date{})
		if err != nil {
			return domain.Date{}, err
		}
		if _, end := p.Bounds(sp); !st.Today().Before(end) {
			return end, nil
		}
	}
	if today := st.Today(); cutoff.IsZero() || today.Before(cutoff) {
		return today, nil
	}
	return cutoff, nil
}

// periodDraft is the period report's draft: the period's results as
// sentences, and the situation of its latest year as of the cut-off.
func periodDraft(ctx context.Context, st *store.Store, pr domain.PeriodResult, cutoff domain.Date) (domain.Narrative, error) {
	u, err := st.Unit(ctx)
	if err != nil {
		return nil, err
	}
	n := domain.PeriodDraft(pr, u)
	if len(pr.Years) == 0 {
		return n, nil
	}
	year := pr.Years[len(pr.Years)-1]
	sit, err := st.SituationAt(ctx, year, cutoff)
	if err != nil {
		return nil, err
	}
	when := fmt.Sprintf("trong năm %d", year)
	n["situation"] = domain.SituationDraft(sit, domain.WardUnion(u), when)
	n["inspection"] = domain.InspectionDraft(sit, domain.WardUnion(u), when)
	return n, nil
}

// currentPlanID is the current plan's ID, 0 when the register has none
// yet (the draft then judges no target).
func currentPlanID(ctx context.Context, st *store.Store) (int64, error) {
	p, err := st.CurrentPlan(ctx)
	if errors.Is(err, store.ErrNoPlan) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	return p.ID, nil
}
