package issuing

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// The work report (báo cáo công tác Đoàn) of a quarter, a half-year or
// the year: every figure read from the register as of the cut-off (the
// period's last day, or the report's date when earlier), its texts the
// secretary's as saved by the issue date, drafted from the figures where
// she wrote none. Each period of each year is a document of its own in
// the register ("work|2026|…|q2"), numbered in the year's one sequence.

// Work is the work report of a quarter, a half or the year.
const Work Kind = "work"

// workPeriod is the request's period.
func workPeriod(req Request) domain.WorkPeriod {
	return domain.WorkPeriod{Year: req.Year, Quarter: req.Quarter, Half: req.Half}
}

// workBounds are the first and last day of the request's period in its
// working year.
func workBounds(ctx context.Context, st *store.Store, p domain.WorkPeriod) (from, end domain.Date, err error) {
	sp, err := st.YearSpan(ctx, p.Year, domain.Date{})
	if err != nil {
		return from, end, err
	}
	from, end = p.Bounds(sp)
	return from, end, nil
}

// WorkData reads the work report of period p as of the cut-off, with its
// texts as saved by the issue date issued (zero: the current texts): the
// window's preview and the benchmark read it as Issue does.
func WorkData(ctx context.Context, st *store.Store, p domain.WorkPeriod, cutoff, issued domain.Date) (*report.Work, error) {
	if err := domain.CheckWorkPeriod(p); err != nil {
		return nil, err
	}
	from, end, err := workBounds(ctx, st, p)
	if err != nil {
		return nil, err
	}
	if cutoff.IsZero() || cutoff.After(end) {
		cutoff = end
	}
	w := &report.Work{}
	f := &w.Figures
	f.Period, f.From, f.End, f.AsOf = p, from, end, cutoff
	if f.Situation, err = st.SituationFrom(ctx, p.Year, from, cutoff); err != nil {
		return nil, err
	}
	if w.Plan, err = st.CurrentPlan(ctx); err != nil && !errors.Is(err, store.ErrNoPlan) {
		return nil, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	if w.Plan.ID != 0 {
		if f.Results, err = st.YearResultsAt(ctx, w.Plan.ID, p.Year, cutoff); err != nil {
			return nil, err
		}
	}
	if f.Stats, err = st.WorkStatsAt(ctx, p.Year, cutoff); err != nil {
		return nil, err
	}
	if f.Activities, err = st.ActivityTotals(ctx, from, cutoff); err != nil {
		return nil, err
	}
	if f.Meetings, err = st.MeetingsGrid(ctx, p.Year, cutoff); err != nil {
		return nil, err
	}
	if w.RatingScale, err = st.RatingScale(ctx); err != nil {
		return nil, err
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		return nil, err
	}
	saved, err := st.NarrativeAt(ctx, p.NarrativeDoc(), p.Year, issued)
	if err != nil {
		return nil, err
	}
	w.Narrative = domain.MergeDraft(saved, domain.WorkDraft(f, domain.WardUnion(unit)))
	return w, nil
}

// WorkDraft is the work report's draft texts of period p from the
// figures of the whole period (what the window's editor starts from).
func WorkDraft(ctx context.Context, st *store.Store, p domain.WorkPeriod) (domain.Narrative, error) {
	w, err := WorkData(ctx, st, p, domain.Date{}, domain.Date{})
	if err != nil {
		return nil, err
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		return nil, err
	}
	return domain.WorkDraft(&w.Figures, domain.WardUnion(unit)), nil
}

// workJob prepares the work report of the request.
func workJob(ctx context.Context, st *store.Store, req Request) (job, error) {
	p := workPeriod(req)
	w, err := WorkData(ctx, st, p, req.Cutoff, issueDay(st, req))
	if err != nil {
		return job{}, err
	}
	return job{docType: report.AnnualType, key: identity(Work, yearPeriod(req.Year), req.Cutoff, p.Code()), omitted: workOmitted(w),
		title: "Báo cáo " + domain.LowerFirst(p.Summary()), file: fmt.Sprintf("bao-cao-cong-tac-doan-%s-%d.pdf", p.Code(), req.Year),
		write: func(m report.Meta, out io.Writer) error { w.Meta = m; return report.WriteWork(out, w) }}, nil
}

// workOmitted lists the work report's sections left out for want of
// text (those printing figures of their own are never left out, nor the
// inspections when some took place).
func workOmitted(w *report.Work) []string {
	var out []string
	for _, sec := range domain.WorkSections {
		switch {
		case sec.Code == "education", sec.Code == "movements", sec.Code == "organisation":
			continue
		case sec.Code == "inspection" && len(w.Figures.ActivitiesOf("inspection")) > 0:
			continue
		}
		if strings.TrimSpace(w.Narrative[sec.Code]) == "" {
			out = append(out, sec.Label)
		}
	}
	return out
}
