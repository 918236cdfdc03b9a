package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// groupTexts are the texts of branches, clubs and groups that check
// reads against the rules a record typed in the window follows (issue 18,
// finding 8: an import made branch names with a right-to-left override,
// zero-width characters, emoji, NUL or a megabyte of text, and check said
// every record followed the rules).
var groupTexts = []struct {
	what, query string
	fields      []textField
}{
	{"Chi đoàn", `SELECT id, name, note FROM branches ORDER BY id`,
		[]textField{{"Tên chi đoàn", domain.RuleLine}, {"Ghi chú", domain.RuleNote}}},
	{"Câu lạc bộ", `SELECT id, name, leader, note FROM clubs ORDER BY id`,
		[]textField{{"Tên câu lạc bộ", domain.RuleLine}, {"Chủ nhiệm", domain.RuleFullName}, {"Ghi chú", domain.RuleNote}}},
	{"Tổ hợp tác", `SELECT id, name, field, note FROM coops ORDER BY id`,
		[]textField{{"Tên tổ hợp tác", domain.RuleLine}, {"Lĩnh vực", domain.RuleLine}, {"Ghi chú", domain.RuleNote}}},
}

// textField is one column of groupTexts' query after the id.
type textField struct {
	label string
	rule  domain.TextRule
}

// checkGroupTexts lists the texts of branches, clubs and groups that
// break their rule, each line naming the record and the field. A name
// printed with its invisible characters would hide what is wrong, so the
// record is named by its number.
func (s *Store) checkGroupTexts(ctx context.Context) ([]string, error) {
	var problems []string
	for _, g := range groupTexts {
		rows, err := s.db.QueryContext(ctx, g.query)
		if err != nil {
			return nil, fmt.Errorf("đọc %s: %w", g.what, err)
		}
		vals := make([]string, len(g.fields))
		dest := []any{new(int64)}
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		for rows.Next() {
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("đọc %s: %w", g.what, err)
			}
			id := *dest[0].(*int64)
			for i, f := range g.fields {
				if m := f.rule.Problem(vals[i]); m != nil {
					problems = append(problems, fmt.Sprintf("%s số %d: %s: %s", g.what, id, f.label, m.Error()))
				}
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("đọc %s: %w", g.what, err)
		}
	}
	return problems, nil
}
