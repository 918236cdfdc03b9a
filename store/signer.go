package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// ErrNoSigner is returned when the register has no officer to sign a
// document on its date.
var ErrNoSigner = errors.New("chưa có người ký")

// SignerOn finds the signer of a document dated on from the register's
// positions: the ward's secretary holding office that day, or with deputy
// its deputy secretary. With none, the error asks for one instead of a
// name being made up.
func (s *Store) SignerOn(ctx context.Context, on domain.Date, deputy bool) (domain.Signer, error) {
	kind, label := "secretary", "Bí thư"
	if deputy {
		kind, label = "deputy", "Phó Bí thư"
	}
	var family, middle, given string
	err := s.db.QueryRowContext(ctx, `SELECT p.family_name, p.middle_name, p.given_name FROM positions po
		JOIN people p ON p.id = po.person_id
		WHERE po.kind = ? AND (po.start IS NULL OR po.start <= ?2) AND (po.end IS NULL OR po.end = '' OR po.end >= ?2)
		ORDER BY po.start DESC, po.id DESC LIMIT 1`, kind, sqlDate(on)).Scan(&family, &middle, &given)
	if errors.Is(err, sql.ErrNoRows) {
		if name, cons := s.consolidationSigner(ctx, deputy); cons {
			if name == "" {
				return domain.Signer{}, &causeError{err: domain.ErrMsg("Chưa có người ký: sổ tổng hợp chưa có tên %s. Hãy ghi tên trong Cài đặt, phần Đơn vị (hoặc sodoan-cli init --consolidation --secretary \"HỌ TÊN\")", label), cause: ErrNoSigner}
			}
			return domain.Signer{Name: name, Deputy: deputy}, nil
		}
		return domain.Signer{}, &causeError{err: domain.ErrMsg("Chưa có người ký: sổ chưa có %s giữ chức vụ ngày %s. Hãy ghi chức vụ %s trên trang của người đó (chức vụ, từ ngày; hoặc sodoan-cli offices add) rồi xuất lại",
			label, on, label), cause: ErrNoSigner}
	}
	if err != nil {
		return domain.Signer{}, fmt.Errorf("tìm người ký: %w", err)
	}
	return domain.Signer{Name: domain.JoinName(family, middle, given), Deputy: deputy}, nil
}

// causeError is a message a window translates (a *MessageError) that is
// also a sentinel error for errors.Is.
type causeError struct {
	err   error
	cause error
}

func (e *causeError) Error() string   { return e.err.Error() }
func (e *causeError) Unwrap() []error { return []error{e.err, e.cause} }
