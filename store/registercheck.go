package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// CheckRules reads every person of the register through the rules the
// member form enforces (validatePerson) and a few a Union officer would
// see at a glance, and lists each broken one: "Người 12 (Nguyễn Văn An):
// Ngày vào Đoàn: …". A register written only through the forms, or the
// demo ward, has none.
func (s *Store) CheckRules(ctx context.Context) ([]string, error) {
	today := s.Today()
	offices := map[int64]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT person_id FROM positions WHERE end IS NULL OR end = '' OR end >= ?`, sqlDate(today))
	if err != nil {
		return nil, fmt.Errorf("đọc chức vụ: %w", err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc chức vụ: %w", err)
		}
		offices[id] = true
	}
	rows.Close()
	var problems []string
	err = s.EachMember(ctx, MemberFilter{}, func(p *domain.Person) error {
		var msgs []string
		for _, e := range domain.ValidatePerson(p, 0, today).Errs {
			msgs = append(msgs, e.Error())
		}
		age := -1
		if !p.BirthDate.IsZero() {
			age = p.BirthDate.AgeOn(today)
		}
		if p.UnionMember && p.Status == domain.StatusActive && age > 30 && !offices[p.ID] {
			msgs = append(msgs, fmt.Sprintf("đoàn viên %d tuổi (sinh %s) đang sinh hoạt, không giữ chức vụ: cần làm thủ tục trưởng thành Đoàn", age, p.BirthDate))
		}
		switch p.Qualification {
		case "college", "university", "postgraduate":
			if p.Schooling != 0 && p.Schooling < 12 {
				msgs = append(msgs, fmt.Sprintf("trình độ %s nhưng học vấn %d/12", p.Qualification.Label(), p.Schooling))
			}
		}
		if p.Occupation == "student" && age > 25 {
			msgs = append(msgs, fmt.Sprintf("học sinh, sinh viên %d tuổi", age))
		}
		for _, m := range msgs {
			problems = append(problems, fmt.Sprintf("Người %d (%s): %s", p.ID, p.FullName(), m))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	more, err := s.checkYearRecords(ctx, today)
	if err != nil {
		return nil, err
	}
	problems = append(problems, more...)
	more, err = s.checkDatedFacts(ctx, today)
	if err != nil {
		return nil, err
	}
	problems = append(problems, more...)
	more, err = s.checkMembershipRules(ctx, today)
	if err != nil {
		return nil, err
	}
	problems = append(problems, more...)
	groups, err := s.checkGroupTexts(ctx)
	if err != nil {
		return nil, err
	}
	return append(problems, groups...), nil
}

// checkYearRecords runs every member's yearly records through the rules
// of the rating form (checkMemberYear: no date in the future, none before
// birth, admission after introduction) and every membership event
// through the rule that it is not dated after today: CheckRules' part for
// what is not the person's own row.
func (s *Store) checkYearRecords(ctx context.Context, today domain.Date) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT y.person_id, p.family_name, p.middle_name, p.given_name, p.birth_date,
		y.year, y.rating, y.training_registered, y.training_completed, y.party_introduced, y.party_admitted
		FROM member_years y JOIN people p ON p.id = y.person_id ORDER BY y.person_id, y.year`)
	if err != nil {
		return nil, fmt.Errorf("đọc xếp loại: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var y domain.MemberYear
		var p domain.Person
		var r string
		if err := rows.Scan(&y.PersonID, &p.FamilyName, &p.MiddleName, &p.GivenName, (*sqlDate)(&p.BirthDate),
			&y.Year, &r, &y.TrainingRegistered, &y.TrainingCompleted, (*sqlDate)(&y.PartyIntroduced), (*sqlDate)(&y.PartyAdmitted)); err != nil {
			return nil, fmt.Errorf("đọc xếp loại: %w", err)
		}
		y.Rating = domain.Rating(r)
		for _, e := range domain.CheckMemberYear(&y, p.BirthDate, 0, today).Errs {
			problems = append(problems, fmt.Sprintf("Người %d (%s), năm %d: %s", y.PersonID, p.FullName(), y.Year, e.Error()))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc xếp loại: %w", err)
	}
	rows.Close()
	ev, err := s.db.QueryContext(ctx, `SELECT e.person_id, p.family_name, p.middle_name, p.given_name, e.kind, e.date
		FROM membership_events e JOIN people p ON p.id = e.person_id WHERE e.date > ? ORDER BY e.person_id`, sqlDate(today))
	if err != nil {
		return nil, fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
	}
	defer ev.Close()
	for ev.Next() {
		var p domain.Person
		var kind string
		var d domain.Date
		if err := ev.Scan(&p.ID, &p.FamilyName, &p.MiddleName, &p.GivenName, &kind, (*sqlDate)(&d)); err != nil {
			return nil, fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
		}
		problems = append(problems, fmt.Sprintf("Người %d (%s): %s ngày %s ở tương lai", p.ID, p.FullName(), domain.EventKind(kind).Label(), d))
	}
	if err := ev.Err(); err != nil {
		return nil, fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
	}
	ev.Close()
	// Two holders of a single-holder office at once (see singleHolder).
	ov, err := s.db.QueryContext(ctx, `SELECT a.kind, COALESCE(a.branch_id, 0), a.person_id, b.person_id, b.start FROM positions a JOIN positions b
		ON b.kind = a.kind AND COALESCE(b.branch_id, 0) = COALESCE(a.branch_id, 0) AND b.id > a.id
		WHERE a.kind IN ('secretary', 'deputy', 'branch_secretary')
			AND (a.end IS NULL OR a.end = '' OR a.end > b.start) AND (b.end IS NULL OR b.end = '' OR b.end > a.start)`)
	if err != nil {
		return nil, fmt.Errorf("đọc chức vụ: %w", err)
	}
	defer ov.Close()
	for ov.Next() {
		var kind string
		var branch, a, b int64
		var start domain.Date
		if err := ov.Scan(&kind, &branch, &a, &b, (*sqlDate)(&start)); err != nil {
			return nil, fmt.Errorf("đọc chức vụ: %w", err)
		}
		where := ""
		if branch != 0 {
			where = fmt.Sprintf(" (chi đoàn %d)", branch)
		}
		problems = append(problems, fmt.Sprintf("Chức vụ %s%s: người %d và người %d cùng giữ từ %s", domain.PositionKind(kind).Label(), where, a, b, start))
	}
	return problems, ov.Err()
}
