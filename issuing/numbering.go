package issuing

import (
	"context"
	"strconv"
	"strings"

	"sodoan/domain"
	"sodoan/store"
)

// identity names a document in the register by what it is: its kind, the
// period it covers (a year, a plan, a half year…) and the day its figures
// are counted to, with whatever else tells two documents of one kind
// apart (a branch, a person). Writing a document of the same identity
// again is a reissue and keeps its number; any other is a new document
// and takes the next. A new kind needs nothing more than its own
// arguments here.
func identity(k Kind, period string, cutoff domain.Date, more ...string) string {
	parts := []string{string(k), period, ""}
	if !cutoff.IsZero() {
		parts[2] = cutoff.ISO()
	}
	return strings.Join(append(parts, more...), "|")
}

// yearPeriod is a working year as the period of an identity.
func yearPeriod(y int) string { return strconv.Itoa(y) }

// number gives the document its number: the one the same document took
// before (a reissue, which adds a version beside the earlier issue), a
// number chosen by hand, or the next of the year; a new number must
// follow the dates of the numbers around it (numbers follow dates).
func number(ctx context.Context, st *store.Store, req Request, date domain.Date, doc *domain.Document, out *Issued) error {
	prev, found, err := st.IssuedDocument(ctx, doc.Key, date.Year())
	if err != nil {
		return err
	}
	if found && !req.Renumber && (req.Number == 0 || req.Number == prev.Number) {
		doc.ID, doc.Year, doc.Number, doc.Versions = prev.ID, prev.Year, prev.Number, prev.Versions
		out.Kept = true
		if date.Before(prev.Issued) {
			return fieldError("Date", "Ngày ban hành", "văn bản này đã được cấp số %d ngày %s: bản ban hành lại không ghi ngày %s, trước ngày đó",
				prev.Number, prev.Issued, date)
		}
		return nil
	}
	doc.Year = date.Year()
	if req.Number == 0 {
		if doc.Number, err = st.NextDocumentNumber(ctx, doc.Year); err != nil {
			return err
		}
	}
	// Checked before the file is written, not after; RecordDocument
	// checks again in its transaction.
	return st.CheckDocumentNumber(ctx, doc.Year, doc.Number, date)
}
