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
	today := domain.Today()
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
			msgs = append(msgs, fmt.Sprintf("đoàn viên %d tuổi đang sinh hoạt, không giữ chức vụ: cần làm thủ tục trưởng thành Đoàn", age))
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
	return append(problems, more...), nil
}
