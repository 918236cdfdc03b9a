package issuing

import (
	"context"
	"fmt"
	"io"

	"sodoan/report"
	"sodoan/store"
	"sodoan/wardpkg"
)

// consolidatedJob prepares an upper level's consolidated annual report
// from its wards' latest packages; a ward's register has none to make.
func consolidatedJob(ctx context.Context, st *store.Store, req Request) (job, error) {
	c, err := wardpkg.Consolidate(ctx, st, req.Year, req.Cutoff)
	if err != nil {
		return job{}, err
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		return job{}, err
	}
	doc := &report.Consolidated{Consolidation: c}
	return job{docType: report.AnnualType, key: identity(Consolidated, yearPeriod(req.Year), req.Cutoff),
		title: report.ConsolidatedSummary(c.Plan, req.Year), file: fmt.Sprintf("bao-cao-tong-hop-%d.pdf", req.Year),
		recipients: report.ConsolidatedRecipients(unit),
		write: func(m report.Meta, w io.Writer) error {
			m.Board = report.ConsolidatedBoard
			doc.Meta = m
			return report.WriteConsolidated(w, doc)
		}}, nil
}
