package issuing

import (
	"context"
	"fmt"
	"strings"

	"sodoan/domain"
	"sodoan/store"
)

// fieldError is a refusal of one field of the request, in Vietnamese.
func fieldError(field, label, format string, args ...any) error {
	return &domain.ValidationError{Errors: []domain.FieldError{{Field: field, Label: label,
		Msg: fmt.Sprintf(format, args...), Format: format, Args: args}}}
}

// settleDates checks the request's issue date and cut-off and fills the
// defaults. A document is never dated after today (no margin: a report
// signed tomorrow is issued tomorrow). The annual report's cut-off lies
// within its working year and the period report's within the plan's
// years; neither counts past the issue date. A zero cut-off is the issue
// date, or the working year's last day for a year already over.
func settleDates(ctx context.Context, st *store.Store, req *Request) error {
	today := st.Today()
	if req.Date.IsZero() {
		req.Date = today
	}
	if req.Date.After(today) {
		return fieldError("Date", "Ngày ban hành", "%s sau hôm nay (%s): văn bản không ghi ngày trong tương lai", req.Date, today)
	}
	if req.Year == 0 {
		req.Year = req.Date.Year()
	}
	explicit := !req.Cutoff.IsZero()
	if explicit && req.Cutoff.After(req.Date) {
		return fieldError("Cutoff", "Số liệu tính đến ngày", "%s sau ngày ban hành %s: số liệu không tính quá ngày ký văn bản", req.Cutoff, req.Date)
	}
	if req.Kind == Work {
		return settleWork(ctx, st, req, explicit)
	}
	if req.Kind != Annual && req.Kind != HalfYear {
		if !explicit {
			req.Cutoff = req.Date
		}
		return nil
	}
	sp, err := st.YearSpan(ctx, req.Year, domain.Date{})
	if err != nil {
		return err
	}
	if req.Kind == HalfYear {
		// The 6-month report counts the first half only.
		sp.End = HalfEnd(sp)
	}
	if !explicit {
		req.Cutoff = req.Date
		if req.Cutoff.After(sp.End) {
			req.Cutoff = sp.End
		}
	}
	if req.Cutoff.Before(sp.From) || req.Cutoff.After(sp.End) {
		if !explicit {
			return fieldError("Year", "Năm", "năm công tác %d bắt đầu từ %s, sau ngày ban hành %s: chưa có báo cáo năm %d", req.Year, sp.From, req.Date, req.Year)
		}
		if req.Kind == HalfYear {
			return fieldError("Cutoff", "Số liệu tính đến ngày", "%s ngoài 6 tháng đầu năm công tác %d (%s – %s)", req.Cutoff, req.Year, sp.From, sp.End)
		}
		return fieldError("Cutoff", "Số liệu tính đến ngày", "%s ngoài năm công tác %d (%s – %s)", req.Cutoff, req.Year, sp.From, sp.End)
	}
	return nil
}

// omitted lists the sections of a report's narrative the report leaves
// out for want of text (the situation, movements and organisation
// sections print figures of their own and are never left out).
func omitted(n domain.Narrative) []string {
	var out []string
	for _, sec := range domain.AnnualSections {
		switch sec.Code {
		case "situation", "movements", "organisation":
			continue
		}
		if strings.TrimSpace(n[sec.Code]) == "" {
			out = append(out, sec.Label)
		}
	}
	return out
}

// settleWork checks the work report's period and cut-off: the cut-off
// lies within the period and not after the issue date; by default it is
// the period's last day, or the issue date while the period runs.
func settleWork(ctx context.Context, st *store.Store, req *Request, explicit bool) error {
	p := workPeriod(*req)
	if err := domain.CheckWorkPeriod(p); err != nil {
		return err
	}
	from, end, err := workBounds(ctx, st, p)
	if err != nil {
		return err
	}
	if !explicit {
		req.Cutoff = req.Date
		if req.Cutoff.After(end) {
			req.Cutoff = end
		}
	}
	if req.Cutoff.Before(from) || req.Cutoff.After(end) {
		if !explicit {
			return fieldError("Date", "Ngày ban hành", "%s trước %s (%s – %s): chưa có báo cáo của kỳ này", req.Date, p.Name(), from, end)
		}
		return fieldError("Cutoff", "Số liệu tính đến ngày", "%s ngoài %s (%s – %s)", req.Cutoff, p.Name(), from, end)
	}
	return nil
}
