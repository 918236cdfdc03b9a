package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// A decision and the events it decides are one act, and so is its
// annulment (hủy, thu hồi): AnnulDecision records the day, the reason and
// the annulling decision's number on the decision, and reverses exactly
// what the decision recorded (the admission, coming of age or removal of
// each person it names, the exemptions from dues it gave), in one
// transaction through the write path, which keeps each row's history. The
// decision stays in the register with its number, which is never given
// again; a list of decisions at a day before the annulment shows it in
// force (domain.Decision.Annulled).
//
// An annulled admission never made her a member: the reversed events are
// gone from every count, before the annulment too, as the law reads a hủy
// (the act is void from the start). What a later act built on the
// decision refuses the annulment, and nothing changes: a later membership
// event of the person (transferred, come of age, removed since), a later
// decision in force naming her, an office taken since her admission.

// Decision reads one decision by its id.
func (s *Store) Decision(ctx context.Context, id int64) (domain.Decision, error) {
	decs, err := s.decisions(ctx, `WHERE d.id = ?1`, id)
	if err != nil {
		return domain.Decision{}, err
	}
	if len(decs) == 0 {
		return domain.Decision{}, fmt.Errorf("quyết định mã %d: %w", id, ErrNotFound)
	}
	return decs[0], nil
}

// DecisionByNumber reads the decision of a year with the given number.
func (s *Store) DecisionByNumber(ctx context.Context, year, number int) (domain.Decision, error) {
	decs, err := s.decisions(ctx, `WHERE d.year = ?1 AND d.number = ?2`, year, number)
	if err != nil {
		return domain.Decision{}, err
	}
	if len(decs) == 0 {
		return domain.Decision{}, fmt.Errorf("quyết định số %d năm %d: %w", number, year, ErrNotFound)
	}
	return decs[0], nil
}

// AnnulDecision annuls the decision id on a.Date (see above).
func (s *Store) AnnulDecision(ctx context.Context, id int64, a domain.Annulment) error {
	d, err := s.Decision(ctx, id)
	if err != nil {
		return err
	}
	if err := domain.CheckAnnulment(&a, &d, s.Today()).Err(); err != nil {
		return err
	}
	issuer := s.issuer(ctx)
	return s.write(ctx, func(tx *writeTx) error {
		for i, dp := range d.People {
			if err := annulFor(ctx, tx, &d, &dp, i+1, issuer); err != nil {
				return err
			}
		}
		if _, err := tx.Change("decisions", "id = ?", []any{id}, `UPDATE decisions SET annulled = ?, annul_reason = ?, annul_number = ? WHERE id = ?`,
			sqlDate(a.Date), a.Reason, a.Number, id); err != nil {
			return fmt.Errorf("ghi hủy quyết định: %w", err)
		}
		return nil
	})
}

// annulFor reverses what the decision d recorded for one person (row: her
// place in it), or refuses when a later act depends on it.
func annulFor(ctx context.Context, tx *writeTx, d *domain.Decision, dp *domain.DecisionPerson, row int, issuer string) error {
	// Each refusal's format starts with "%s: ", the person's name.
	refuse := func(format string, args ...any) error {
		return rowError(row, "People", "Đoàn viên", format, append([]any{dp.Name}, args...)...)
	}
	// A later decision in force naming her (a commendation of the member
	// an admission made, a removal after a coming of age…).
	var later int
	var laterDate domain.Date
	err := tx.QueryRowContext(ctx, `SELECT o.number, o.date FROM decisions o JOIN decision_people op ON op.decision_id = o.id
		WHERE op.person_id = ? AND o.id <> ? AND o.annulled IS NULL AND (o.date > ? OR o.date = ? AND o.id > ?)
		ORDER BY o.date, o.id LIMIT 1`, dp.PersonID, d.ID, sqlDate(d.Date), sqlDate(d.Date), d.ID).Scan(&later, (*sqlDate)(&laterDate))
	if err == nil {
		return refuse("%s: quyết định số %s ngày %s về đồng chí này ban hành sau, còn hiệu lực: hủy quyết định đó trước",
			domain.Document{Number: later, Type: "QĐ"}.Symbol(issuer), laterDate)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("đọc quyết định: %w", err)
	}
	if dp.EventID != 0 {
		if err := annulEvent(ctx, tx, d, dp, refuse); err != nil {
			return err
		}
	}
	if dp.ExemptionID != 0 {
		if _, err := tx.Change("dues_exemptions", "id = ?", []any{dp.ExemptionID}, `DELETE FROM dues_exemptions WHERE id = ?`, dp.ExemptionID); err != nil {
			return fmt.Errorf("xóa miễn đoàn phí theo quyết định %s: %w", d.Symbol(issuer), err)
		}
	}
	return nil
}

// annulEvent removes the membership event the decision recorded for dp,
// refusing when a later event or office of hers depends on it.
func annulEvent(ctx context.Context, tx *writeTx, d *domain.Decision, dp *domain.DecisionPerson, refuse func(string, ...any) error) error {
	var kind string
	var date domain.Date
	err := tx.QueryRowContext(ctx, `SELECT kind, date FROM membership_events WHERE id = ? AND decision_id = ?`, dp.EventID, d.ID).
		Scan(&kind, (*sqlDate)(&date))
	if errors.Is(err, sql.ErrNoRows) {
		return nil // no longer in the register: nothing to reverse
	}
	if err != nil {
		return fmt.Errorf("đọc sự kiện của quyết định: %w", err)
	}
	var laterKind string
	var laterDate domain.Date
	err = tx.QueryRowContext(ctx, `SELECT kind, date FROM membership_events WHERE person_id = ? AND id <> ? AND (date > ? OR date = ? AND id > ?)
		ORDER BY date, id LIMIT 1`, dp.PersonID, dp.EventID, sqlDate(date), sqlDate(date), dp.EventID).Scan(&laterKind, (*sqlDate)(&laterDate))
	if err == nil {
		return refuse("%s: sau %s ngày %s đã có %s ngày %s: hủy quyết định sẽ làm sai quá trình sinh hoạt; xóa hoặc hủy việc sau trước",
			domain.LowerFirst(domain.EventKind(kind).Label()), date, domain.LowerFirst(domain.EventKind(laterKind).Label()), laterDate)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
	}
	if domain.EventKind(kind) == domain.EventAdmission {
		var office string
		var start domain.Date
		err := tx.QueryRowContext(ctx, `SELECT kind, start FROM positions WHERE person_id = ? AND start >= ? ORDER BY start LIMIT 1`,
			dp.PersonID, sqlDate(date)).Scan(&office, (*sqlDate)(&start))
		if err == nil {
			return refuse("%s: giữ chức vụ %s từ ngày %s, sau khi được kết nạp: kết thúc hoặc xóa chức vụ trước",
				domain.LowerFirst(domain.PositionKind(office).Label()), start)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("đọc chức vụ: %w", err)
		}
	}
	if _, err := tx.Change("membership_events", "id = ?", []any{dp.EventID}, `DELETE FROM membership_events WHERE id = ?`, dp.EventID); err != nil {
		return fmt.Errorf("xóa %s: %w", domain.EventKind(kind).Label(), err)
	}
	switch ek := domain.EventKind(kind); ek {
	case domain.EventAdmission:
		// Admitted by this decision alone: no longer a Union member, and
		// her Ngày vào Đoàn was this admission's. A re-admission keeps the
		// first admission's day.
		if _, err := tx.Change("people", "id = ?", []any{dp.PersonID}, `UPDATE people SET union_member = 0, admission_date = NULL
			WHERE id = ? AND admission_date = ? AND NOT EXISTS (SELECT 1 FROM membership_events WHERE person_id = ? AND kind IN ('admission', 'transfer_in'))`,
			dp.PersonID, sqlDate(date), dp.PersonID); err != nil {
			return fmt.Errorf("hủy kết nạp: %w", err)
		}
	default:
		// The Hội end a removal brought (same day, same reason) is undone
		// with it, as DeleteEvent does.
		if reason, ok := domain.FederationEndOf(ek); ok {
			if _, err := tx.Change("people", "id = ?", []any{dp.PersonID}, `UPDATE people SET federation_end = NULL, federation_end_reason = ''
				WHERE id = ? AND federation_end = ? AND federation_end_reason = ?`, dp.PersonID, sqlDate(date), string(reason)); err != nil {
				return fmt.Errorf("mở lại hội viên: %w", err)
			}
		}
	}
	return refreshStatus(ctx, tx, dp.PersonID)
}
