package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// checkMembershipRules lists what a register already holds against the
// rules of membership (issue 16), each naming the person and the dates:
// an office held before its holder's admission or under 16 (the rule
// SavePosition enforces, domain.CheckOfficeHolder); a Union member still
// active on the day she turned 31, no longer active today (reports cut
// off after that day counted her; the one still active today is
// CheckRules' own message); a transfer in whose admission date is the
// transfer's (the transfer date was taken for the Ngày vào Đoàn); a
// hội viên who joined the Hội after transferring away, still counted; a
// Hội membership that ends before it began. Joining the Hội under 15 is
// ValidatePerson's rule, which CheckRules runs on everyone.
func (s *Store) checkMembershipRules(ctx context.Context, today domain.Date) ([]string, error) {
	var problems []string
	add := func(id int64, p *domain.Person, msg string) {
		problems = append(problems, fmt.Sprintf("Người %d (%s): %s", id, p.FullName(), msg))
	}

	// Offices: the SQL keeps the candidates (a day's slack on the age, for
	// 29 February), the domain's rule decides and words the message.
	rows, err := s.db.QueryContext(ctx, `SELECT po.kind, po.start, p.id, p.family_name, p.middle_name, p.given_name,
		p.birth_date, p.union_member, p.admission_date
		FROM positions po JOIN people p ON p.id = po.person_id
		WHERE po.start IS NOT NULL AND (p.union_member = 0 OR p.admission_date IS NULL OR po.start < p.admission_date
			OR (p.birth_date IS NOT NULL AND po.start < date(p.birth_date, '+16 years', '+1 day')))
		ORDER BY p.id, po.start`)
	if err != nil {
		return nil, fmt.Errorf("đọc chức vụ: %w", err)
	}
	for rows.Next() {
		var pos domain.Position
		var p domain.Person
		var kind string
		if err := rows.Scan(&kind, (*sqlDate)(&pos.Start), &p.ID, &p.FamilyName, &p.MiddleName, &p.GivenName,
			(*sqlDate)(&p.BirthDate), &p.UnionMember, (*sqlDate)(&p.AdmissionDate)); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc chức vụ: %w", err)
		}
		pos.Kind = domain.PositionKind(kind)
		for _, e := range domain.CheckOfficeHolder(&pos, &p).Errs {
			add(p.ID, &p, e.Msg)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc chức vụ: %w", err)
	}

	// Over 30 at a past cut-off: a member on the day she turned 31
	// (AgeOn > 30 from that day), holding no office that day, and gone
	// since (whoever is still active is reported by CheckRules).
	rows, err = s.db.QueryContext(ctx, `SELECT p.id, p.family_name, p.middle_name, p.given_name, p.birth_date, d31,
			(SELECT min(e.date) FROM membership_events e WHERE e.person_id = p.id AND e.date > d31
				AND e.kind IN ('transfer_out', 'coming_of_age', 'removal')) FROM (
			SELECT p.*, date(p.birth_date, '+31 years') AS d31 FROM people p
			WHERE p.union_member = 1 AND p.birth_date IS NOT NULL AND p.status <> 'active') p
		WHERE d31 <= ?1 AND `+unionOn("p", "d31")+`
			AND NOT EXISTS (SELECT 1 FROM positions po WHERE po.person_id = p.id AND po.start <= d31
				AND (po.end IS NULL OR po.end = '' OR po.end >= d31))
		ORDER BY p.id`, sqlDate(today))
	if err != nil {
		return nil, fmt.Errorf("đọc đoàn viên quá tuổi: %w", err)
	}
	for rows.Next() {
		var p domain.Person
		var d31, left domain.Date
		if err := rows.Scan(&p.ID, &p.FamilyName, &p.MiddleName, &p.GivenName, (*sqlDate)(&p.BirthDate), (*sqlDate)(&d31), (*sqlDate)(&left)); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc đoàn viên quá tuổi: %w", err)
		}
		add(p.ID, &p, fmt.Sprintf("sinh %s, quá 30 tuổi từ %s mà còn sinh hoạt Đoàn đến %s, không giữ chức vụ: "+
			"báo cáo tính đến một ngày trong khoảng đó đếm người quá tuổi Đoàn", p.BirthDate, d31, left))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc đoàn viên quá tuổi: %w", err)
	}

	// Transfers in dated the day of the admission date: the transfer date
	// was taken for the original admission date (before issue 16 a
	// transfer in did exactly that).
	rows, err = s.db.QueryContext(ctx, `SELECT p.id, p.family_name, p.middle_name, p.given_name, e.date, e.unit
		FROM membership_events e JOIN people p ON p.id = e.person_id
		WHERE e.kind = 'transfer_in' AND p.admission_date = e.date
		ORDER BY p.id, e.date`)
	if err != nil {
		return nil, fmt.Errorf("đọc chuyển đến: %w", err)
	}
	for rows.Next() {
		var p domain.Person
		var d domain.Date
		var unit string
		if err := rows.Scan(&p.ID, &p.FamilyName, &p.MiddleName, &p.GivenName, (*sqlDate)(&d), &unit); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc chuyển đến: %w", err)
		}
		from := ""
		if unit != "" {
			from = " từ " + unit
		}
		add(p.ID, &p, fmt.Sprintf("chuyển đến%s ngày %s, ngày vào Đoàn cũng ghi %s: có lẽ ngày chuyển đến đã được ghi làm ngày vào Đoàn; "+
			"nhập ngày vào Đoàn gốc theo thẻ, sổ đoàn viên", from, d, d))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc chuyển đến: %w", err)
	}

	// A hội viên who joined the ward's Hội after transferring away from
	// its Union, and is still counted: a joining date typed wrong, or an
	// end not recorded.
	rows, err = s.db.QueryContext(ctx, `SELECT p.id, p.family_name, p.middle_name, p.given_name, e.date, p.federation_date
		FROM people p JOIN membership_events e ON e.person_id = p.id AND e.kind = 'transfer_out'
		WHERE p.federation_member = 1 AND p.federation_end IS NULL AND p.status = 'transferred' AND p.federation_date > e.date
			AND e.date = (SELECT max(x.date) FROM membership_events x WHERE x.person_id = p.id)
		ORDER BY p.id`)
	if err != nil {
		return nil, fmt.Errorf("đọc hội viên: %w", err)
	}
	for rows.Next() {
		var p domain.Person
		var out, joined domain.Date
		if err := rows.Scan(&p.ID, &p.FamilyName, &p.MiddleName, &p.GivenName, (*sqlDate)(&out), (*sqlDate)(&joined)); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc hội viên: %w", err)
		}
		add(p.ID, &p, fmt.Sprintf("chuyển sinh hoạt Đoàn đi ngày %s mà vào Hội ngày %s, sau đó, và vẫn được tính là hội viên: "+
			"kiểm tra ngày vào Hội hoặc ghi thôi sinh hoạt Hội", out, joined))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc hội viên: %w", err)
	}

	// A Hội membership that ends before it began, or in the future.
	rows, err = s.db.QueryContext(ctx, `SELECT p.id, p.family_name, p.middle_name, p.given_name, p.federation_date, p.federation_end
		FROM people p WHERE p.federation_end IS NOT NULL AND (p.federation_end < p.federation_date OR p.federation_end > ?)
		ORDER BY p.id`, sqlDate(today))
	if err != nil {
		return nil, fmt.Errorf("đọc hội viên: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p domain.Person
		var joined, end domain.Date
		if err := rows.Scan(&p.ID, &p.FamilyName, &p.MiddleName, &p.GivenName, (*sqlDate)(&joined), (*sqlDate)(&end)); err != nil {
			return nil, fmt.Errorf("đọc hội viên: %w", err)
		}
		if end.After(today) {
			add(p.ID, &p, fmt.Sprintf("thôi sinh hoạt Hội ngày %s, ở tương lai", end))
		} else {
			add(p.ID, &p, fmt.Sprintf("thôi sinh hoạt Hội ngày %s, trước ngày vào Hội %s", end, joined))
		}
	}
	return problems, rows.Err()
}
