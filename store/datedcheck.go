package store

import (
	"context"
	"fmt"
	"strings"

	"sodoan/domain"
)

// datedFact is one dated yearly fact as checkDatedFacts reads it: who or
// what it is about, the working year it belongs to (0: none, a training or
// a model, dated but of no year) and its day.
type datedFact struct {
	what string // "Người 12 (Nguyễn Văn An), năm 2025: xếp loại"
	year int
	date domain.Date
}

// datedFactQueries read every dated fact of the register. Each row gives
// the label's parts, the year (or 0) and the date; facts with no date
// (recorded before dates were kept) read as of their year's end and are
// never wrong. Criteria met are read one row per branch, year and day:
// the secretary ticks them together on one form.
var datedFactQueries = []struct {
	sql   string
	label func(name string, id int64, year int) string
}{
	{`SELECT p.family_name || ' ' || p.middle_name || ' ' || p.given_name, y.person_id, y.year, y.rated
		FROM member_years y JOIN people p ON p.id = y.person_id WHERE y.rated IS NOT NULL AND y.rated <> '' ORDER BY y.person_id, y.year`,
		func(n string, id int64, y int) string {
			return fmt.Sprintf("Người %d (%s), năm %d: xếp loại đoàn viên", id, oneSpace(n), y)
		}},
	{`SELECT b.name, y.branch_id, y.year, y.rated
		FROM branch_years y JOIN branches b ON b.id = y.branch_id WHERE y.rated IS NOT NULL AND y.rated <> '' ORDER BY y.branch_id, y.year`,
		func(n string, _ int64, y int) string {
			return fmt.Sprintf("%s, năm %d: xếp loại chi đoàn", n, y)
		}},
	{`SELECT DISTINCT b.name, m.branch_id, m.year, m.assessed
		FROM branch_criteria_met m JOIN branches b ON b.id = m.branch_id WHERE m.assessed IS NOT NULL AND m.assessed <> '' ORDER BY m.branch_id, m.year, m.assessed`,
		func(n string, _ int64, y int) string {
			return fmt.Sprintf("%s, năm %d: đánh giá theo tiêu chí", n, y)
		}},
	{`SELECT '', 0, year, rated FROM ward_years WHERE rated IS NOT NULL AND rated <> '' ORDER BY year`,
		func(_ string, _ int64, y int) string { return fmt.Sprintf("Đoàn cơ sở, năm %d: xếp loại", y) }},
	{`SELECT '', 0, year, date FROM party_counts ORDER BY year, date`,
		func(_ string, _ int64, y int) string {
			return fmt.Sprintf("Đoàn cơ sở, năm %d: số đảng viên mới", y)
		}},
	{`SELECT DISTINCT c.name, y.coop_id, y.year, y.reported
		FROM coop_years y JOIN coops c ON c.id = y.coop_id WHERE y.reported IS NOT NULL AND y.reported <> '' ORDER BY y.coop_id, y.year, y.reported`,
		func(n string, _ int64, y int) string {
			return fmt.Sprintf("Tổ hợp tác “%s”, năm %d: kết quả báo cáo", n, y)
		}},
	{`SELECT p.family_name || ' ' || p.middle_name || ' ' || p.given_name || CASE WHEN t.course <> '' THEN ' – ' || t.course ELSE '' END, t.person_id, 0, t.date
		FROM trainings t JOIN people p ON p.id = t.person_id ORDER BY t.person_id, t.date`,
		func(n string, id int64, _ int) string {
			return fmt.Sprintf("Người %d (%s): học tập, bồi dưỡng", id, oneSpace(n))
		}},
	{`SELECT name || ' (chỉ tiêu ' || target || ')', id, 0, date FROM target_models ORDER BY id`,
		func(n string, id int64, _ int) string { return fmt.Sprintf("Mô hình %d: %s", id, n) }},
	{`SELECT title, id, 0, date FROM activities ORDER BY id`,
		func(n string, id int64, _ int) string { return fmt.Sprintf("Hoạt động %d: %s", id, n) }},
	{`SELECT b.name, m.id, 0, m.date FROM meetings m JOIN branches b ON b.id = m.branch_id ORDER BY m.id`,
		func(n string, id int64, _ int) string { return fmt.Sprintf("Buổi sinh hoạt %d: %s", id, n) }},
}

// checkDatedFacts lists each dated yearly fact (a rating, an assessment,
// a group's results, a count of new Party members, a training, a model)
// dated after today, or dated outside the working year it belongs to: a
// year's fact decided before that year began, or more than a year after
// it ended (a rating is decided at the year's review, at the latest in
// the next year). A document reads facts as of their day, so a wrong day
// hides a fact from the report that should show it, or shows it in one
// that should not.
func (s *Store) checkDatedFacts(ctx context.Context, today domain.Date) ([]string, error) {
	var facts []datedFact
	for _, q := range datedFactQueries {
		rows, err := s.db.QueryContext(ctx, q.sql)
		if err != nil {
			return nil, fmt.Errorf("đọc ngày ghi nhận: %w", err)
		}
		for rows.Next() {
			var name string
			var id int64
			var f datedFact
			if err := rows.Scan(&name, &id, &f.year, (*sqlDate)(&f.date)); err != nil {
				rows.Close()
				return nil, fmt.Errorf("đọc ngày ghi nhận: %w", err)
			}
			f.what = q.label(name, id, f.year)
			facts = append(facts, f)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("đọc ngày ghi nhận: %w", err)
		}
	}
	spans := map[int]domain.Span{}
	var problems []string
	for _, f := range facts {
		if f.date.After(today) {
			problems = append(problems, fmt.Sprintf("%s ngày %s ở tương lai (hôm nay %s)", f.what, f.date, today))
			continue
		}
		if f.year == 0 {
			continue
		}
		sp, ok := spans[f.year]
		if !ok {
			var err error
			if sp, err = s.YearSpan(ctx, f.year, domain.Date{}); err != nil {
				// A year the register cannot hold: the date cannot be
				// placed; the year itself is what is wrong.
				problems = append(problems, fmt.Sprintf("%s: %v", f.what, err))
				continue
			}
			spans[f.year] = sp
		}
		switch {
		case f.date.Before(sp.From):
			problems = append(problems, fmt.Sprintf("%s ngày %s, trước khi năm công tác %d bắt đầu (%s)", f.what, f.date, f.year, sp.From))
		case f.date.After(sp.End.AddYears(1)):
			problems = append(problems, fmt.Sprintf("%s ngày %s, hơn một năm sau khi năm công tác %d kết thúc (%s)", f.what, f.date, f.year, sp.End))
		}
	}
	return problems, nil
}

// oneSpace joins a name read from SQL as family, middle and given name
// with single spaces (a person with no middle name reads "Lê  An").
func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
