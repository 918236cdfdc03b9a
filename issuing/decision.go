package issuing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// Decision is the kind of a decision in the recipients editor (its
// documents are issued through IssueDecision, not Issue).
const Decision Kind = "decision"

// DecisionRequest is one decision of the ward's committee to issue.
type DecisionRequest struct {
	// Decision holds the kind, the date (zero: today), the people (their
	// ids, and an election's offices), the form and the reason, the
	// branch and term of an election. The number and signer are found
	// here.
	Decision domain.Decision
	// Number is a number chosen by hand (0: the next of the year).
	Number int
	// Deputy has the deputy secretary sign; Unsigned prints "(Đã ký)".
	Deputy, Unsigned bool
	// Dir, Path, Replace and ConfirmReplace are as in Request.
	Dir, Path      string
	Replace        bool
	ConfirmReplace func(path string) bool
}

// IssueDecision issues a decision: it checks the decision against the
// register (every person, every event it decides) before anything is
// written, numbers it in the outgoing-document register (the issuer's
// one sequence, symbol QĐ), writes the PDF, and then records the number,
// the decision and its events in one transaction. A refused decision
// leaves no number, no file and no event; a file that cannot be written
// takes no number either.
func IssueDecision(ctx context.Context, st *store.Store, req DecisionRequest) (Issued, domain.Decision, error) {
	dec := req.Decision
	dec.People = append([]domain.DecisionPerson(nil), dec.People...)
	today := st.Today()
	if dec.Date.IsZero() {
		dec.Date = today
	}
	if dec.Date.After(today) {
		return Issued{}, dec, fieldError("Date", "Ngày quyết định", "%s sau hôm nay (%s): văn bản không ghi ngày trong tương lai", dec.Date, today)
	}
	if err := domain.CheckDecision(&dec, today).Err(); err != nil {
		return Issued{}, dec, err
	}
	signer, err := st.SignerOn(ctx, dec.Date, req.Deputy)
	if err != nil {
		return Issued{}, dec, err
	}
	dec.Signer = signer.Name
	unit, err := st.Unit(ctx)
	if err != nil {
		return Issued{}, dec, err
	}
	people, err := decisionPeople(ctx, st, &dec)
	if err != nil {
		return Issued{}, dec, err
	}
	if dec.Kind == domain.DecisionElection {
		b, err := st.Branch(ctx, dec.BranchID)
		if err != nil {
			return Issued{}, dec, fmt.Errorf("chi đoàn %d: %w", dec.BranchID, err)
		}
		dec.BranchName = b.Name
	}
	title := domain.DecisionTitle(&dec)
	doc := domain.Document{Type: report.DecisionType, Title: title, Issued: dec.Date, Year: dec.Date.Year(), Number: req.Number}
	if doc.Number == 0 {
		if doc.Number, err = st.NextDocumentNumber(ctx, doc.Year); err != nil {
			return Issued{}, dec, err
		}
	}
	// Every rule the recording will apply, applied now with nothing kept:
	// no file is written for a decision the register would refuse.
	if err := st.CheckDecisionWrite(ctx, dec, doc); err != nil {
		return Issued{}, dec, err
	}

	recipients, err := decisionRecipients(ctx, st, unit)
	if err != nil {
		return Issued{}, dec, err
	}
	// What the decision prints is kept with it: a reprint is the
	// decision as signed, not today's register.
	dec.SignerDeputy, dec.Recipients = signer.Deputy, recipients
	for i, p := range people {
		dec.People[i].Printed = domain.PrintedPerson{Name: p.FullName(), BirthDate: p.BirthDate, Gender: p.Gender, Branch: p.BranchName}
	}
	meta := report.Meta{Unit: unit, Date: dec.Date, Number: doc.Number, Recipients: recipients, Signer: signer, Unsigned: req.Unsigned}
	q := &report.Decision{Meta: meta, Decision: dec, People: people}

	path := req.Path
	if path == "" {
		path = filepath.Join(req.Dir, "QD-"+strconv.Itoa(doc.Number)+"-"+strconv.Itoa(doc.Year)+"-quyet-dinh-"+string(dec.Kind)+".pdf")
	}
	if path, err = filepath.Abs(path); err != nil {
		return Issued{}, dec, fmt.Errorf("đường dẫn %s: %w", path, err)
	}
	output := st.Output(path, req.Replace)
	output.Ask = req.ConfirmReplace
	if err := output.Write(func(w io.Writer) error { return report.WriteDecision(w, q) }); err != nil {
		return Issued{}, dec, err
	}
	doc.File = path
	if err := st.RecordDecision(ctx, &dec, &doc); err != nil {
		// No decision without its file, no file carrying a number the
		// register lacks.
		if rerr := os.Remove(path); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return Issued{}, dec, err
	}
	return Issued{Path: path, Title: title, Doc: doc, Symbol: doc.Symbol(unit.IssuerCode)}, dec, nil
}

// decisionPeople reads the people a decision names and puts them in the
// order it prints them: by name in Vietnamese order (tên, tên đệm, họ), an
// election's by office first.
func decisionPeople(ctx context.Context, st *store.Store, dec *domain.Decision) ([]domain.Person, error) {
	type named struct {
		dp  domain.DecisionPerson
		p   domain.Person
		key []byte
	}
	keyer := domain.NewSortKeyer()
	rows := make([]named, len(dec.People))
	for i, dp := range dec.People {
		p, err := st.Person(ctx, dp.PersonID)
		if errors.Is(err, store.ErrNotFound) {
			c := &domain.Checker{Row: i + 1}
			c.Add("People", "Đoàn viên", "không có người mã %d trong sổ", dp.PersonID)
			return nil, c.Err()
		}
		if err != nil {
			return nil, err
		}
		dp.Name = p.FullName()
		rows[i] = named{dp, p, keyer.NameKey(p.FamilyName, p.MiddleName, p.GivenName)}
	}
	sort.SliceStable(rows, func(i, j int) bool { return bytes.Compare(rows[i].key, rows[j].key) < 0 })
	for i := range rows {
		dec.People[i] = rows[i].dp
	}
	if dec.Kind == domain.DecisionElection {
		domain.SortDecisionPeople(dec.People)
	}
	byID := map[int64]domain.Person{}
	for _, r := range rows {
		byID[r.p.ID] = r.p
	}
	out := make([]domain.Person, len(dec.People))
	for i, dp := range dec.People {
		out[i] = byID[dp.PersonID]
	}
	return out, nil
}
