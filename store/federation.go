package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// EndFederation ends person id's Hội membership on end for reason
// (transfer, removal, ageing out, leaving the Hội): from that day she is
// no longer counted as a hội viên by any figure (federationOn), while her
// record, joining date included, stays in the register.
func (s *Store) EndFederation(ctx context.Context, id int64, end domain.Date, reason domain.FederationEndReason) error {
	if err := s.RefuseConsolidation(ctx, "ghi hội viên"); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		var p domain.Person
		err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+personFrom+` WHERE p.id = ?`, id), &p)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("người có mã %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("đọc người %d: %w", id, err)
		}
		if err := domain.CheckFederationEnd(&p, end, reason, s.Today()).Err(); err != nil {
			return err
		}
		return setFederationEnd(ctx, tx, id, end, reason)
	})
}

// ReopenFederation undoes the end of person id's Hội membership (entered
// by mistake, or she came back to the ward's Hội): she is a hội viên
// again from her joining date.
func (s *Store) ReopenFederation(ctx context.Context, id int64) error {
	if err := s.RefuseConsolidation(ctx, "ghi hội viên"); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		return setFederationEnd(ctx, tx, id, domain.Date{}, "")
	})
}

func setFederationEnd(ctx context.Context, tx *writeTx, id int64, end domain.Date, reason domain.FederationEndReason) error {
	res, err := tx.Change("people", "id = ?", []any{id}, `UPDATE people SET federation_end = ?, federation_end_reason = ?,
		updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`, sqlDate(end), string(reason), id)
	if err != nil {
		return fmt.Errorf("ghi ngày thôi sinh hoạt Hội: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("người có mã %d: %w", id, ErrNotFound)
	}
	return nil
}

// The history names the columns of membership ends as the member page
// does.
func init() {
	columnLabels["people.federation_end"] = "Ngày thôi sinh hoạt Hội"
	columnLabels["people.federation_end_reason"] = "Lý do thôi sinh hoạt Hội"
	choiceColumns["people.federation_end_reason"] = domain.FederationEndReasons
	columnLabels["membership_events.admitted"] = "Ngày vào Đoàn (gốc)"
	columnLabels["membership_events.card"] = "Số thẻ đoàn viên"
}
