package issuing

import (
	"context"
	"fmt"
	"io"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// The 6-month report (báo cáo sơ kết 6 tháng đầu năm) is a document of its
// own: its own title and texts, the figures of the working year's first
// half (cut off on its last day, 30/06 for a calendar year, or earlier),
// and part IV on the second half. Its identity in the register is
// "half-year:Y", so it never shares a number with the annual report.

// HalfYear is the 6-month report (báo cáo sơ kết 6 tháng đầu năm).
const HalfYear Kind = "half-year"

// halfYearJob prepares the 6-month report of req.Year.
func halfYearJob(ctx context.Context, st *store.Store, req Request) (job, error) {
	a, err := annualData(ctx, st, req.Year, req.Cutoff, issueDay(st, req), true)
	if err != nil {
		return job{}, err
	}
	return job{docType: report.AnnualType, key: halfYearKey(req.Year), omitted: omitted(a.Narrative),
		title: report.HalfYearSummary(req.Year), file: fmt.Sprintf("so-ket-6-thang-dau-nam-%d.pdf", req.Year),
		write: func(m report.Meta, w io.Writer) error { a.Meta = m; return report.WriteAnnual(w, a) }}, nil
}

// halfYearKey names the 6-month report of year in the register.
func halfYearKey(year int) string { return fmt.Sprintf("half-year:%d", year) }

// halfYearWords are the draft's words for the 6-month report of year.
func halfYearWords(year int) domain.DraftWords {
	return domain.DraftWords{When: fmt.Sprintf("trong 6 tháng đầu năm %d", year), Of: "trong 6 tháng đầu năm"}
}

// HalfEnd is the last day of the first half of working year sp (30/06 for
// a calendar year).
func HalfEnd(sp domain.Span) domain.Date {
	return domain.DateOf(sp.From.Time().AddDate(0, 6, -1))
}
