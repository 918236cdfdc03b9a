package issuing

import (
	"context"
	"fmt"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// AnnualIssued finds the numbered annual report of year in the register
// of outgoing documents, as Issue enters it ("annual:year"): issued that
// year or, for a report counted to 31/12, early the next. ok is false when
// it was never issued (a draft is not entered).
func AnnualIssued(ctx context.Context, st *store.Store, year int) (d domain.Document, ok bool, err error) {
	key := annualKey(year)
	for _, y := range []int{year, year + 1} {
		d, ok, err = st.IssuedDocument(ctx, y, report.AnnualType, key)
		if err != nil || ok {
			return d, ok, err
		}
	}
	return d, false, nil
}

// annualKey names the annual report of year in the register.
func annualKey(year int) string { return fmt.Sprintf("annual:%d", year) }
