package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// AddTransferIn enters a newcomer who transfers in from another unit: the
// person and her transfer in, in one transaction. She keeps the admission
// date and card she brings (e.Admitted, e.Card): no admission is recorded
// here, so she never counts among the ward's new members, and her Ngày vào
// Đoàn is never the transfer's date.
func (s *Store) AddTransferIn(ctx context.Context, p *domain.Person, e *domain.Event) error {
	if err := s.RefuseConsolidation(ctx, "ghi đoàn viên chuyển đến"); err != nil {
		return err
	}
	if p.ID != 0 {
		return fmt.Errorf("chuyển đến: người %d đã có trong sổ; ghi chuyển đến trên trang của người đó", p.ID)
	}
	e.Kind = domain.EventTransferIn
	e.Unit, e.Note, e.Card = domain.Clean(e.Unit), domain.CleanLines(e.Note), domain.Clean(e.Card)
	e.Reason = ""
	domain.CleanPerson(p)
	p.UnionMember, p.AdmissionDate = true, e.Admitted
	if e.Card != "" {
		p.CardNumber = e.Card
	}
	today := s.Today()
	c := domain.ValidatePerson(p, 0, today)
	ev := domain.CheckEvent(e, p, false, true, today)
	c.Errs = append(c.Errs, ev.Errs...)
	if err := c.Err(); err != nil {
		return err
	}
	key := s.nameKey(p.FamilyName, p.MiddleName, p.GivenName)
	return s.write(ctx, func(tx *writeTx) error {
		if p.CardNumber != "" {
			var other int64
			var name string
			err := tx.QueryRowContext(ctx, cardHolderSQL, p.CardNumber, 0).Scan(&other, &name)
			if err == nil {
				c := &domain.Checker{}
				c.Add("CardNumber", "Số thẻ đoàn viên", "%s đã cấp cho %s", p.CardNumber, name)
				return c.Err()
			} else if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("kiểm tra số thẻ: %w", err)
			}
		}
		if err := writePersonAs(ctx, tx, p, key, false); err != nil {
			return err
		}
		e.PersonID = p.ID
		id, err := tx.Insert("membership_events", `INSERT INTO membership_events(person_id, kind, date, unit, note, admitted, card) VALUES (?,?,?,?,?,?,?)`,
			p.ID, string(e.Kind), sqlDate(e.Date), e.Unit, e.Note, sqlDate(e.Admitted), e.Card)
		if err != nil {
			return fmt.Errorf("ghi chuyển đến: %w", err)
		}
		e.ID = id
		return refreshStatus(ctx, tx, p.ID)
	})
}
