package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// singleHolder reports whether an office has one holder at a time: the
// ward's Bí thư and Phó Bí thư, and each branch's Bí thư chi đoàn (one per
// branch; branches' secretaries overlap freely). Documents are signed by
// the holder on their date, so two holders would make the signer a
// matter of chance.
func singleHolder(k domain.PositionKind) bool {
	return k == "secretary" || k == "deputy" || k == "branch_secretary"
}

// overlapSQL finds another term of the same single-holder office (the
// same branch for a branch office) that shares a day with the term
// ?3–?4 (?4 NULL: open). A term may start the day the other ends: the
// handover day.
const overlapSQL = `SELECT po.person_id, p.family_name, p.middle_name, p.given_name, po.start, po.end
	FROM positions po JOIN people p ON p.id = po.person_id
	WHERE po.kind = ?1 AND COALESCE(po.branch_id, 0) = ?2 AND po.id <> ?5
		AND (?4 IS NULL OR po.start < ?4) AND (po.end IS NULL OR po.end = '' OR po.end > ?3)
	ORDER BY po.start LIMIT 1`

// checkOverlap refuses a term of a single-holder office that overlaps
// another person's (or the same person's other) term, naming the holder
// and what to do.
func checkOverlap(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, p *domain.Position) error {
	if !singleHolder(p.Kind) {
		return nil
	}
	var end any
	if !p.End.IsZero() {
		end = sqlDate(p.End)
	}
	var other domain.Person
	var start, until domain.Date
	err := q.QueryRowContext(ctx, overlapSQL, string(p.Kind), p.BranchID, sqlDate(p.Start), end, p.ID).
		Scan(&other.ID, &other.FamilyName, &other.MiddleName, &other.GivenName, (*sqlDate)(&start), (*sqlDate)(&until))
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("đọc chức vụ: %w", err)
	}
	c := &domain.Checker{}
	office := p.Kind.Label()
	if until.IsZero() {
		c.Add("Start", "Từ ngày", "%s đang giữ chức %s từ %s, chưa có ngày kết thúc: mỗi lúc chỉ một người giữ chức này; nhập “Đến ngày” cho nhiệm kỳ của %s trước",
			other.FullName(), office, start, other.FullName())
	} else {
		c.Add("Start", "Từ ngày", "%s giữ chức %s từ %s đến %s, trùng thời gian: mỗi lúc chỉ một người giữ chức này",
			other.FullName(), office, start, until)
	}
	return c.Err()
}
