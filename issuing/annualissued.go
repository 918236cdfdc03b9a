package issuing

import (
	"context"
	"fmt"

	"sodoan/domain"
	"sodoan/store"
)

// AnnualIssued finds the latest numbered annual report of year in the
// register of outgoing documents, whatever its cut-off. ok is false when
// it was never issued (a draft is not entered).
func AnnualIssued(ctx context.Context, st *store.Store, year int) (d domain.Document, ok bool, err error) {
	if d, ok, err = st.IssuedDocumentLike(ctx, identity(Annual, yearPeriod(year), domain.Date{})); err != nil || ok {
		return d, ok, err
	}
	// Registers written before documents were named by their cut-off.
	return st.IssuedDocument(ctx, fmt.Sprintf("annual:%d", year), 0)
}
