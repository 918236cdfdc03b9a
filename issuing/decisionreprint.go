package issuing

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// ReprintRequest asks for a decision already issued, printed again from
// the register: by its id, or by its year and number.
type ReprintRequest struct {
	ID           int64
	Year, Number int
	// Dir, Path, Replace and ConfirmReplace are as in Request.
	Dir, Path      string
	Replace        bool
	ConfirmReplace func(path string) bool
}

// FindDecision reads the decision a reprint or an annulment names: by id,
// or by year and number.
func FindDecision(ctx context.Context, st *store.Store, id int64, year, number int) (domain.Decision, error) {
	if id != 0 {
		return st.Decision(ctx, id)
	}
	if year == 0 || number == 0 {
		return domain.Decision{}, fieldError("Number", "Số quyết định", "cho biết mã quyết định, hoặc số và năm của nó")
	}
	return st.DecisionByNumber(ctx, year, number)
}

// ReprintDecision prints a decision again as it was issued: the same
// number, date, people (as the decision printed them), signer and Nơi
// nhận, marked BẢN SAO with "(Đã ký)" in the signature (report.Decision's
// Copy says why). It takes no number and leaves the outgoing-document
// register as it was: nothing is written but the file.
func ReprintDecision(ctx context.Context, st *store.Store, req ReprintRequest) (string, domain.Decision, error) {
	dec, err := FindDecision(ctx, st, req.ID, req.Year, req.Number)
	if err != nil {
		return "", dec, err
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		return "", dec, err
	}
	people, err := printedPeople(ctx, st, &dec)
	if err != nil {
		return "", dec, err
	}
	recipients := dec.Recipients
	if recipients == nil {
		// Issued before the register kept them: the list issuing used.
		if recipients, err = decisionRecipients(ctx, st, unit); err != nil {
			return "", dec, err
		}
	}
	meta := report.Meta{Unit: unit, Date: dec.Date, Number: dec.Number, Recipients: recipients,
		Signer: domain.Signer{Name: dec.Signer, Deputy: dec.SignerDeputy}, Unsigned: true}
	q := &report.Decision{Meta: meta, Decision: dec, People: people, Copy: true, Annulled: dec.Annulment.Date}
	path := req.Path
	if path == "" {
		path = filepath.Join(req.Dir, "QD-"+strconv.Itoa(dec.Number)+"-"+strconv.Itoa(dec.Year)+"-quyet-dinh-"+string(dec.Kind)+"-ban-sao.pdf")
	}
	if path, err = filepath.Abs(path); err != nil {
		return "", dec, fmt.Errorf("đường dẫn %s: %w", path, err)
	}
	output := st.Output(path, req.Replace)
	output.Ask = req.ConfirmReplace
	if err := output.Write(func(w io.Writer) error { return report.WriteDecision(w, q) }); err != nil {
		return "", dec, err
	}
	return path, dec, nil
}

// printedPeople are the decision's people as it printed them at issue;
// for a decision issued before the register kept that, as the register
// holds them now.
func printedPeople(ctx context.Context, st *store.Store, dec *domain.Decision) ([]domain.Person, error) {
	out := make([]domain.Person, len(dec.People))
	for i, dp := range dec.People {
		if pr := dp.Printed; pr.Name != "" {
			// The name as printed, whole: FullName joins the parts.
			out[i] = domain.Person{ID: dp.PersonID, GivenName: pr.Name, BirthDate: pr.BirthDate, Gender: pr.Gender, BranchName: pr.Branch}
			dec.People[i].Name = pr.Name
			continue
		}
		p, err := st.Person(ctx, dp.PersonID)
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("người mã %d của quyết định không còn trong sổ: %w", dp.PersonID, err)
		}
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

// decisionRecipients is the Nơi nhận of a decision: the list saved for
// decisions, or "Như Điều 3" and the unit's usual recipients.
func decisionRecipients(ctx context.Context, st *store.Store, unit domain.Unit) ([]string, error) {
	if saved, ok, err := st.Recipients(ctx, string(Decision)); err != nil {
		return nil, err
	} else if ok {
		return saved, nil
	}
	recipients := []string{"Như Điều 3"}
	for _, r := range report.DefaultRecipients(unit) {
		if r != "Các chi đoàn trực thuộc" {
			recipients = append(recipients, r)
		}
	}
	return recipients, nil
}

// AnnulDecision annuls a decision (hủy): the day, the reason and the
// annulling decision's number on it, and exactly the events it recorded
// reversed, in one transaction (store.AnnulDecision).
func AnnulDecision(ctx context.Context, st *store.Store, id int64, a domain.Annulment) (domain.Decision, error) {
	if err := st.AnnulDecision(ctx, id, a); err != nil {
		return domain.Decision{}, err
	}
	return st.Decision(ctx, id)
}
