package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sodoan/domain"
)

// A decision of the ward's committee and the events it decides are one
// act: RecordDecision enters the decision's number in the
// outgoing-document register, the decision with its people, and each
// person's membership event (an admission, a coming of age, a removal)
// or office (an election), all in one transaction. A refused person
// leaves nothing written, not even the number. A person whose latest
// event is already the one the decision decides, recorded without a
// decision (a new member entered with her admission date), is not
// recorded twice: the event takes the decision's id.

// errDryRun rolls back a decision checked but not meant to be written.
var errDryRun = errors.New("dry run")

// CheckDecisionWrite runs RecordDecision's checks against the register
// without writing anything: the issuing workflow asks before it writes
// the decision's PDF, so that a refused decision leaves no file.
func (s *Store) CheckDecisionWrite(ctx context.Context, d domain.Decision, doc domain.Document) error {
	d.People = append([]domain.DecisionPerson(nil), d.People...)
	err := s.recordDecision(ctx, &d, &doc, true)
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}

// RecordDecision writes the decision d, numbered by doc (a new entry of
// the outgoing-document register with its file, or with none for a
// decision signed on paper and entered by hand; Number 0 takes the
// next), and the events it decides, in one transaction. d's ID, Year,
// Number, DocumentID and its people's EventID are set.
func (s *Store) RecordDecision(ctx context.Context, d *domain.Decision, doc *domain.Document) error {
	return s.recordDecision(ctx, d, doc, false)
}

// RecordPaperDecision enters a decision signed on paper (before the
// register, or away from it) with the number it was given, and records
// or takes the events it decided, in one transaction. It takes no entry
// in the outgoing-document register, which holds files; its number is
// refused when a document or another decision of the year holds it.
func (s *Store) RecordPaperDecision(ctx context.Context, d *domain.Decision) error {
	if err := domain.DocumentNumberRange.Check(int64(d.Number)); err != nil {
		return err
	}
	return s.recordDecision(ctx, d, nil, false)
}

func (s *Store) recordDecision(ctx context.Context, d *domain.Decision, doc *domain.Document, dry bool) error {
	if err := s.checkDecisionInput(d, doc); err != nil {
		return err
	}
	issuer := s.issuer(ctx)
	return s.write(ctx, func(tx *writeTx) error {
		if err := s.recordDecisionTx(ctx, tx, d, doc, issuer); err != nil {
			return err
		}
		if dry {
			return errDryRun
		}
		return nil
	})
}

// RecordDecisions records several decisions signed on paper, each with
// the number it carries, in one transaction: the demo's years of
// decisions (as RecordPaperDecision, no entry in the outgoing register,
// which holds documents with their files; the year's sequence goes past
// their numbers). The exemptions from dues listed in remade are removed
// first, in the same transaction: exemption decisions give them again,
// with their number.
func (s *Store) RecordDecisions(ctx context.Context, decs []*domain.Decision, remade []int64) error {
	for _, d := range decs {
		if err := domain.DocumentNumberRange.Check(int64(d.Number)); err != nil {
			return err
		}
		if err := s.checkDecisionInput(d, nil); err != nil {
			return fmt.Errorf("quyết định ngày %s: %w", d.Date, err)
		}
	}
	issuer := s.issuer(ctx)
	return s.write(ctx, func(tx *writeTx) error {
		for _, id := range remade {
			if _, err := tx.Change("dues_exemptions", "id = ?", []any{id}, `DELETE FROM dues_exemptions WHERE id = ?`, id); err != nil {
				return fmt.Errorf("xóa miễn đoàn phí: %w", err)
			}
		}
		for _, d := range decs {
			if err := s.recordDecisionTx(ctx, tx, d, nil, issuer); err != nil {
				return fmt.Errorf("%s ngày %s: %w", d.Kind.Label(), d.Date, err)
			}
		}
		return nil
	})
}

// checkDecisionInput checks a decision and its register entry (nil: a
// paper decision) before the transaction.
func (s *Store) checkDecisionInput(d *domain.Decision, doc *domain.Document) error {
	today := s.Today()
	if err := domain.CheckDecision(d, today).Err(); err != nil {
		return err
	}
	if doc != nil {
		doc.Type, doc.Issued, doc.Year = "QĐ", d.Date, d.Date.Year()
		if doc.Title == "" {
			doc.Title = domain.DecisionTitle(d)
		}
		if err := domain.CheckDocument(doc, today).Err(); err != nil {
			return err
		}
	}
	return nil
}

// recordDecisionTx writes the decision d, its number and its people's
// events in tx.
func (s *Store) recordDecisionTx(ctx context.Context, tx *writeTx, d *domain.Decision, doc *domain.Document, issuer string) error {
	if doc != nil {
		if err := issueDocumentTx(ctx, tx, issuer, doc); err != nil {
			return err
		}
		d.DocumentID, d.Year, d.Number = doc.ID, doc.Year, doc.Number
	} else {
		d.DocumentID, d.Year = 0, d.Date.Year()
		if err := checkDocumentNumber(ctx, tx, issuer, d.Year, d.Number, d.Date); err != nil {
			return err
		}
	}
	exemptFrom := ""
	if !d.ExemptFrom.IsZero() {
		exemptFrom = d.ExemptFrom.Key()
	}
	id, err := tx.Insert("decisions", `INSERT INTO decisions(kind, document_id, year, number, date, signer, form, reason, branch_id, term,
		exempt_from, exempt_months, signer_deputy, recipients) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, string(d.Kind), nullIfZero(d.DocumentID), d.Year, d.Number, sqlDate(d.Date),
		d.Signer, d.Form, d.Reason, nullIfZero(d.BranchID), d.Term, exemptFrom, d.ExemptMonths, d.SignerDeputy, strings.Join(d.Recipients, "\n"))
	if err != nil {
		return fmt.Errorf("ghi quyết định: %w", err)
	}
	d.ID = id
	var maxExempt int
	if d.Kind == domain.DecisionExemption {
		rules, err := s.DuesRulesAt(ctx, d.Date)
		if err != nil {
			return err
		}
		maxExempt = rules.MaxExemptions
	}
	if d.Kind == domain.DecisionElection {
		if err := s.electionOffices(ctx, tx, d); err != nil {
			return err
		}
	}
	for i := range d.People {
		if err := s.decidePerson(ctx, tx, d, &d.People[i], i+1, maxExempt, issuer); err != nil {
			return err
		}
	}
	return nil
}

// decidePerson records what the decision decides for one person (row:
// her place in the decision, for messages) and links her to it.
func (s *Store) decidePerson(ctx context.Context, tx *writeTx, d *domain.Decision, dp *domain.DecisionPerson, row, maxExempt int, issuer string) error {
	var p domain.Person
	err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+personFrom+` WHERE p.id = ?`, dp.PersonID), &p)
	if errors.Is(err, sql.ErrNoRows) {
		return rowError(row, "People", "Đoàn viên", "không có người mã %d trong sổ", dp.PersonID)
	}
	if err != nil {
		return fmt.Errorf("đọc người %d: %w", dp.PersonID, err)
	}
	dp.Name = p.FullName()
	if kind, ok := d.Kind.Event(d.Form); ok {
		if dp.EventID, err = s.decisionEvent(ctx, tx, d, &p, kind); err != nil {
			return withRow(err, row, p.FullName())
		}
	} else if d.Kind != domain.DecisionElection {
		// A commendation, a discipline or an exemption is of a member
		// active in the unit on the decision's day (she may have left
		// since: a decision entered after the fact).
		var active bool
		if err := tx.QueryRowContext(ctx, `SELECT `+unionOn("p", "?1")+` FROM people p WHERE p.id = ?2`, sqlDate(d.Date), p.ID).Scan(&active); err != nil {
			return fmt.Errorf("đọc người %d: %w", p.ID, err)
		}
		if !active {
			return rowError(row, "People", "Đoàn viên", "%s không đang sinh hoạt tại đơn vị", p.FullName())
		}
	}
	if d.Kind == domain.DecisionExemption {
		// The exemption carries the decision's number and date, as one
		// entered on the dues screen would.
		e := &domain.DuesExemption{PersonID: p.ID, From: d.ExemptFrom, Months: d.ExemptMonths,
			DecisionNumber: d.Symbol(issuer), DecisionDate: d.Date, Reason: d.Reason}
		if err := domain.CheckDuesExemption(e, maxExempt).Err(); err != nil {
			return withRow(err, row, p.FullName())
		}
		if err := exemptTx(ctx, tx, e); err != nil {
			return withRow(err, row, p.FullName())
		}
		dp.ExemptionID = e.ID
	}
	pr := dp.Printed
	if _, err := tx.Insert("decision_people", `INSERT INTO decision_people(decision_id, person_id, event_id, exemption_id, role,
		printed_name, printed_birth, printed_gender, printed_branch) VALUES (?,?,?,?,?,?,?,?,?)`,
		d.ID, dp.PersonID, nullIfZero(dp.EventID), nullIfZero(dp.ExemptionID), dp.Role,
		pr.Name, sqlDate(pr.BirthDate), string(pr.Gender), pr.Branch); err != nil {
		return fmt.Errorf("ghi người trong quyết định: %w", err)
	}
	return nil
}

// decisionEvent is the event of kind the decision decides for p: her
// latest event when it is of that kind and not yet decided (it takes the
// decision), else a new one on the decision's date.
func (s *Store) decisionEvent(ctx context.Context, tx *writeTx, d *domain.Decision, p *domain.Person, kind domain.EventKind) (int64, error) {
	var id int64
	var last string
	var decided sql.NullInt64
	// An undecided event of the kind on the decision's own day is the one
	// it decides (the events of a register written before the decision:
	// the admissions of a ceremony); else her latest event, when it is of
	// the kind and undecided (a member entered with her admission date).
	err := tx.QueryRowContext(ctx, `SELECT id, kind, decision_id FROM membership_events WHERE person_id = ?1
		ORDER BY (kind = ?2 AND date = ?3 AND decision_id IS NULL) DESC, date DESC, id DESC LIMIT 1`,
		p.ID, string(kind), sqlDate(d.Date)).Scan(&id, &last, &decided)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
	}
	if err == nil && last == string(kind) && !decided.Valid {
		if _, err := tx.Change("membership_events", "id = ?", []any{id}, `UPDATE membership_events SET decision_id = ? WHERE id = ?`, d.ID, id); err != nil {
			return 0, fmt.Errorf("ghi quyết định vào sự kiện: %w", err)
		}
		return id, nil
	}
	e := &domain.Event{PersonID: p.ID, Kind: kind, Date: d.Date, Reason: d.Reason, DecisionID: d.ID}
	if d.Kind == domain.DecisionDiscipline {
		e.Reason = "Kỷ luật khai trừ: " + d.Reason
	}
	e.Reason = domain.Clean(e.Reason)
	if err := s.addEvent(ctx, tx, e); err != nil {
		return 0, err
	}
	return e.ID, nil
}

// electionOffices ends the branch committee's offices still open in the
// branch on the decision's day and gives each person elected her office
// from that day.
func (s *Store) electionOffices(ctx context.Context, tx *writeTx, d *domain.Decision) error {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM branches WHERE id = ?`, d.BranchID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return rowError(0, "BranchID", "Chi đoàn", "không có chi đoàn mã %d", d.BranchID)
	}
	if err != nil {
		return fmt.Errorf("đọc chi đoàn: %w", err)
	}
	d.BranchName = name
	kinds := make([]string, len(domain.ElectionRoles))
	for i, r := range domain.ElectionRoles {
		kinds[i] = "'" + r.Code + "'"
	}
	if _, err := tx.Change("positions", "branch_id = ? AND kind IN ("+strings.Join(kinds, ",")+") AND start < ? AND (end IS NULL OR end = '' OR end > ?)",
		[]any{d.BranchID, sqlDate(d.Date), sqlDate(d.Date)},
		`UPDATE positions SET end = ? WHERE branch_id = ? AND kind IN (`+strings.Join(kinds, ",")+`) AND start < ? AND (end IS NULL OR end = '' OR end > ?)`,
		sqlDate(d.Date), d.BranchID, sqlDate(d.Date), sqlDate(d.Date)); err != nil {
		return fmt.Errorf("kết thúc nhiệm kỳ trước: %w", err)
	}
	for i, dp := range d.People {
		var p domain.Person
		err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+personFrom+` WHERE p.id = ?`, dp.PersonID), &p)
		if errors.Is(err, sql.ErrNoRows) {
			return rowError(i+1, "People", "Đoàn viên", "không có người mã %d trong sổ", dp.PersonID)
		}
		if err != nil {
			return fmt.Errorf("đọc người %d: %w", dp.PersonID, err)
		}
		if p.Status != domain.StatusActive || p.BranchID != d.BranchID {
			return rowError(i+1, "People", "Đoàn viên", "%s không đang sinh hoạt tại %s", p.FullName(), domain.BranchTitle(name))
		}
		pos := &domain.Position{PersonID: p.ID, Kind: domain.PositionKind(dp.Role), BranchID: d.BranchID, Start: d.Date}
		if err := errors.Join(domain.CheckOfficeHolder(pos, &p).Err(), checkOverlap(ctx, tx, pos)); err != nil {
			return withRow(err, i+1, p.FullName())
		}
		if _, err := tx.Insert("positions", `INSERT INTO positions(person_id, kind, branch_id, start) VALUES (?,?,?,?)`,
			p.ID, string(pos.Kind), d.BranchID, sqlDate(d.Date)); err != nil {
			return fmt.Errorf("ghi chức vụ: %w", err)
		}
	}
	return nil
}

// rowError is a refusal of one person of a decision.
func rowError(row int, field, label, format string, args ...any) error {
	c := &domain.Checker{Row: row}
	c.Add(field, label, format, args...)
	return c.Err()
}

// withRow puts a person's refusal on her row of the decision, naming her
// (a validation error from the events' rules names the field only).
func withRow(err error, row int, name string) error {
	var v *domain.ValidationError
	if !errors.As(err, &v) {
		return err
	}
	out := &domain.ValidationError{}
	for _, fe := range v.Errors {
		fe.Row = row
		if !strings.Contains(fe.Msg, name) {
			fe.Msg = name + ": " + fe.Msg
			fe.Format = "%s: " + fe.Format
			fe.Args = append([]any{name}, fe.Args...)
		}
		out.Errors = append(out.Errors, fe)
	}
	return out
}

// Decisions lists the decisions of a year (0: every year), the latest
// number first, each with its people sorted by name.
func (s *Store) Decisions(ctx context.Context, year int) ([]domain.Decision, error) {
	return s.decisions(ctx, `WHERE ?1 = 0 OR d.year = ?1`, year)
}

// PersonDecisions lists the decisions that name a person, the latest
// first.
func (s *Store) PersonDecisions(ctx context.Context, personID int64) ([]domain.Decision, error) {
	return s.decisions(ctx, `WHERE d.id IN (SELECT decision_id FROM decision_people WHERE person_id = ?1)`, personID)
}

func (s *Store) decisions(ctx context.Context, where string, args ...any) ([]domain.Decision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.kind, COALESCE(d.document_id, 0), d.year, d.number, d.date, d.signer, d.form, d.reason,
		COALESCE(d.branch_id, 0), COALESCE(b.name, ''), d.term, d.exempt_from, d.exempt_months, d.signer_deputy, d.recipients,
		d.annulled, d.annul_reason, d.annul_number
		FROM decisions d LEFT JOIN branches b ON b.id = d.branch_id `+where+` ORDER BY d.date DESC, d.number DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("đọc quyết định: %w", err)
	}
	var out []domain.Decision
	for rows.Next() {
		var d domain.Decision
		var kind, from, recipients string
		if err := rows.Scan(&d.ID, &kind, &d.DocumentID, &d.Year, &d.Number, (*sqlDate)(&d.Date), &d.Signer, &d.Form, &d.Reason,
			&d.BranchID, &d.BranchName, &d.Term, &from, &d.ExemptMonths, &d.SignerDeputy, &recipients,
			(*sqlDate)(&d.Annulment.Date), &d.Annulment.Reason, &d.Annulment.Number); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc quyết định: %w", err)
		}
		d.Kind = domain.DecisionKind(kind)
		if recipients != "" {
			d.Recipients = strings.Split(recipients, "\n")
		}
		if from != "" {
			d.ExemptFrom, _ = domain.ParseMonthKey(from)
		}
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc quyết định: %w", err)
	}
	for i := range out {
		if out[i].People, err = s.decisionPeople(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// decisionPeople are the people a decision names in the order it printed
// them (kept in the rows' order since the register keeps what it
// printed: a name corrected since does not move its row), else sorted by
// name; an election's by office first.
func (s *Store) decisionPeople(ctx context.Context, id int64) ([]domain.DecisionPerson, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT dp.person_id, p.family_name, p.middle_name, p.given_name, COALESCE(dp.event_id, 0),
		COALESCE(dp.exemption_id, 0), dp.role, dp.printed_name, dp.printed_birth, dp.printed_gender, dp.printed_branch
		FROM decision_people dp JOIN people p ON p.id = dp.person_id WHERE dp.decision_id = ?
		ORDER BY CASE WHEN dp.printed_name = '' THEN p.sort_key END, dp.id`, id)
	if err != nil {
		return nil, fmt.Errorf("đọc người trong quyết định: %w", err)
	}
	defer rows.Close()
	var out []domain.DecisionPerson
	for rows.Next() {
		var dp domain.DecisionPerson
		var p domain.Person
		var gender string
		if err := rows.Scan(&dp.PersonID, &p.FamilyName, &p.MiddleName, &p.GivenName, &dp.EventID, &dp.ExemptionID, &dp.Role,
			&dp.Printed.Name, (*sqlDate)(&dp.Printed.BirthDate), &gender, &dp.Printed.Branch); err != nil {
			return nil, fmt.Errorf("đọc người trong quyết định: %w", err)
		}
		dp.Name = p.FullName()
		dp.Printed.Gender = domain.Gender(gender)
		out = append(out, dp)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc người trong quyết định: %w", err)
	}
	domain.SortDecisionPeople(out)
	return out, nil
}
