package issuing

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// The dues documents (issue 20), issued like every other: numbered in the
// ward's one sequence, the same document (branch, year or quarter,
// cut-off) keeping its number when issued again. The window and the
// command line both come here.
const (
	DuesLedger  Kind = "dues-ledger"  // Sổ thu đoàn phí of a branch for a year
	DuesSummary Kind = "dues-summary" // Bảng tổng hợp thu, nộp đoàn phí of a quarter
	DuesUnpaid  Kind = "dues-unpaid"  // Danh sách đoàn viên chưa đóng đoàn phí
)

func init() {
	Kinds = append(Kinds,
		domain.Choice{Code: string(DuesLedger), Label: "Sổ thu đoàn phí"},
		domain.Choice{Code: string(DuesSummary), Label: "Bảng tổng hợp thu, nộp đoàn phí"},
		domain.Choice{Code: string(DuesUnpaid), Label: "Danh sách chưa đóng đoàn phí"})
}

// periodCutoff is the cut-off of a document about a period ending on end:
// its own cut-off, or the period's end when that comes first.
func periodCutoff(cutoff, end domain.Date) domain.Date {
	if cutoff.IsZero() || end.Before(cutoff) {
		return end
	}
	return cutoff
}

// duesJob prepares a dues document.
func duesJob(ctx context.Context, st *store.Store, req Request) (job, error) {
	switch req.Kind {
	case DuesLedger:
		if req.BranchID == 0 {
			return job{}, fieldError("BranchID", "Chi đoàn", "cần chọn chi đoàn của sổ thu đoàn phí")
		}
		cut := periodCutoff(req.Cutoff, domain.MustDate(req.Year, 12, 31))
		sheet, err := st.DuesLedger(ctx, req.BranchID, req.Year, cut)
		if err != nil {
			return job{}, err
		}
		l := &report.DuesLedger{Sheet: sheet}
		return job{docType: report.ListType, key: identity(DuesLedger, yearPeriod(req.Year), cut, strconv.FormatInt(req.BranchID, 10)),
			title: "Sổ thu đoàn phí " + report.DuesLedgerSummary(&sheet), file: fmt.Sprintf("so-thu-doan-phi-chi-doan-%d-%d.pdf", req.BranchID, req.Year),
			write: func(m report.Meta, w io.Writer) error { l.Meta = m; return report.WriteDuesLedger(w, l) }}, nil
	case DuesSummary:
		if req.Quarter < 1 || req.Quarter > 4 {
			return job{}, fieldError("Quarter", "Quý", "quý phải từ 1 đến 4")
		}
		// The quarter's figures stop at its end (DuesSummary); its
		// remittances, made after it, count up to the cut-off.
		cut := req.Cutoff
		sum, err := st.DuesSummary(ctx, req.Year, req.Quarter, cut)
		if err != nil {
			return job{}, err
		}
		s := &report.DuesSummaryDoc{Summary: sum}
		return job{docType: report.ListType, key: identity(DuesSummary, fmt.Sprintf("%d-Q%d", req.Year, req.Quarter), cut),
			title: "Bảng tổng hợp " + domain.LowerFirst(report.DuesSummaryTitle(&sum)), file: fmt.Sprintf("tong-hop-doan-phi-quy-%d-%d.pdf", req.Quarter, req.Year),
			write: func(m report.Meta, w io.Writer) error { s.Meta = m; return report.WriteDuesSummary(w, s) }}, nil
	case DuesUnpaid:
		cut := periodCutoff(req.Cutoff, domain.MustDate(req.Year, 12, 31))
		list, err := st.DuesUnpaidList(ctx, req.BranchID, req.Year, cut)
		if err != nil {
			return job{}, err
		}
		l := &report.DuesUnpaidList{Year: req.Year, Cutoff: cut, Members: list}
		file := fmt.Sprintf("chua-dong-doan-phi-%d.pdf", req.Year)
		if req.BranchID != 0 {
			b, err := st.Branch(ctx, req.BranchID)
			if err != nil {
				return job{}, err
			}
			l.BranchName = b.Name
			file = fmt.Sprintf("chua-dong-doan-phi-chi-doan-%d-%d.pdf", req.BranchID, req.Year)
		}
		return job{docType: report.ListType, key: identity(DuesUnpaid, yearPeriod(req.Year), cut, strconv.FormatInt(req.BranchID, 10)),
			title: "Danh sách " + domain.LowerFirst(report.DuesUnpaidSummary(l)), file: file,
			write: func(m report.Meta, w io.Writer) error { l.Meta = m; return report.WriteDuesUnpaid(w, l) }}, nil
	}
	return job{}, fmt.Errorf("không có loại văn bản %q", req.Kind)
}
