package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"sodoan/domain"
)

// A member's dues category and branch are dated (issue 20): the ledger of
// a month uses what was in force that month. people.dues_category and
// people.branch_id stay the member's values today; the tables
// dues_category_terms and branch_terms keep the values she had before,
// each row the value in force on the days before its `until` (back to
// her first day in the register, or to the previous row's until). So a
// register with no rows (every register before this change) reads every
// month with today's values, as it always did; a change saved with a day
// (domain.Person.ChangesFrom, else the day of the save) keeps the old
// value for the days before it.
//
// Which day of a month counts: its last (or the cut-off, for the month
// running then), the day the register already counts a month's
// membership by (duessheet.go). A member who moves from branch A to B on
// 15/06 owes June to B, and one who starts work on 15/06 owes June at
// the rate with wages: at the month's end she sits in B's meeting, where
// the month's dues are collected (branches collect at the monthly
// meeting, late in the month), and A has handed her over; counting the
// month's first day instead would have A collect from someone who has
// left it. One rule for the grid, the ledger, the summary, the unpaid
// list and the review, since all of them are built by Store.sheet.

func init() {
	tableKeys["dues_category_terms"] = []string{"id"}
	tableKeys["branch_terms"] = []string{"id"}
	tableLabels["dues_category_terms"] = "Diện đóng đoàn phí trước đây"
	tableLabels["branch_terms"] = "Chi đoàn sinh hoạt trước đây"
	columnLabels["until"] = "Đến trước ngày"
	columnLabels["category"] = "Diện đóng đoàn phí"
	choiceColumns["dues_category_terms.category"] = domain.DuesCategories
	historyKindTables["dues"] = append(historyKindTables["dues"], "dues_category_terms")
	historyKindTables["membership"] = append(historyKindTables["membership"], "branch_terms")
	p := trashSpecs[domain.TrashPerson]
	p.children = append(p.children, trashLinkSpec{"dues_category_terms", "person_id"}, trashLinkSpec{"branch_terms", "person_id"})
	trashSpecs[domain.TrashPerson] = p
	b := trashSpecs[domain.TrashBranch]
	b.links = append(b.links, trashLinkSpec{"branch_terms", "branch_id"})
	trashSpecs[domain.TrashBranch] = b
}

// term is one past value: in force on the days before until.
type term struct {
	until domain.Date
	value string
}

// termTable is one dated field: its table and how its value reads as
// text (a branch as its id, "0" for none).
type termTable struct {
	table, column, value string
}

var (
	categoryTerms = termTable{"dues_category_terms", "category", "category"}
	branchTerms   = termTable{"branch_terms", "branch_id", "CAST(COALESCE(branch_id, 0) AS TEXT)"}
)

// read loads the terms of the people picked by where (a condition on
// person_id), each person's oldest first.
func (t termTable) read(ctx context.Context, q querier, where string, args ...any) (map[int64][]term, error) {
	rows, err := q.QueryContext(ctx, `SELECT person_id, until, `+t.value+` FROM `+t.table+` WHERE `+where+` ORDER BY person_id, until`, args...)
	if err != nil {
		return nil, fmt.Errorf("đọc %s: %w", tableLabels[t.table], err)
	}
	defer rows.Close()
	out := map[int64][]term{}
	for rows.Next() {
		var id int64
		var x term
		if err := rows.Scan(&id, (*sqlDate)(&x.until), &x.value); err != nil {
			return nil, fmt.Errorf("đọc %s: %w", tableLabels[t.table], err)
		}
		out[id] = append(out[id], x)
	}
	return out, rows.Err()
}

// valueOn is the value in force on day: the first past value whose until
// is after it, else today's (current).
func valueOn(terms []term, day domain.Date, current string) string {
	for _, x := range terms {
		if day.Before(x.until) {
			return x.value
		}
	}
	return current
}

// change records that from day on the person's value is new (it was old
// until this save): the value in force on the day before is kept for the
// days before it; values recorded for days from day on are overridden
// (a change "from day" holds from day on).
func (t termTable) change(ctx context.Context, tx *writeTx, personID int64, day domain.Date, old, new string) error {
	all, err := t.read(ctx, tx, "person_id = ?", personID)
	if err != nil {
		return err
	}
	terms := all[personID]
	// The value on the day before: the first term ending on day or later.
	prev := old
	for _, x := range terms {
		if !x.until.Before(day) {
			prev = x.value
			break
		}
	}
	if _, err := tx.Change(t.table, "person_id = ? AND until >= ?", []any{personID, sqlDate(day)},
		`DELETE FROM `+t.table+` WHERE person_id = ? AND until >= ?`, personID, sqlDate(day)); err != nil {
		return fmt.Errorf("ghi %s: %w", tableLabels[t.table], err)
	}
	if prev == new {
		return nil // the days before day had the new value already
	}
	var v any = prev
	if t == branchTerms {
		id, _ := strconv.ParseInt(prev, 10, 64)
		v = nullIfZero(id)
	}
	if _, err := tx.Insert(t.table, `INSERT INTO `+t.table+`(person_id, until, `+t.column+`) VALUES (?,?,?)`, personID, sqlDate(day), v); err != nil {
		return fmt.Errorf("ghi %s: %w", tableLabels[t.table], err)
	}
	return nil
}

// recordDated keeps, before p is written over her row, her old dues
// category and branch for the days before the change's day (p.ChangesFrom,
// else today) when the save changes them. The category compared is the
// one she pays (domain.Person.Dues): a new occupation that changes it is
// a change of category too.
func recordDated(ctx context.Context, tx *writeTx, p *domain.Person, today domain.Date) error {
	if p.ID == 0 {
		return nil
	}
	var occ, cat string
	var branch int64
	if err := tx.QueryRowContext(ctx, `SELECT occupation, dues_category, COALESCE(branch_id, 0) FROM people WHERE id = ?`, p.ID).
		Scan(&occ, &cat, &branch); err != nil {
		return fmt.Errorf("đọc người %d: %w", p.ID, err)
	}
	day := p.ChangesFrom
	if day.IsZero() {
		day = today
	}
	was := domain.Person{Occupation: domain.Occupation(occ), DuesCategory: domain.DuesCategory(cat)}
	if old, now := was.Dues(), p.Dues(); old != now {
		if err := categoryTerms.change(ctx, tx, p.ID, day, string(old), string(now)); err != nil {
			return err
		}
	}
	// A branch given to someone who had none fills a gap in the record
	// (a list entered without branches): it holds back to her start,
	// unless the form dates it.
	if branch != p.BranchID && (branch != 0 || !p.ChangesFrom.IsZero()) {
		if err := branchTerms.change(ctx, tx, p.ID, day, strconv.FormatInt(branch, 10), strconv.FormatInt(p.BranchID, 10)); err != nil {
			return err
		}
	}
	return nil
}

// DuesCategoryHistory is a person's dues categories over time, oldest
// first: the periods recorded and the one in force today.
func (s *Store) DuesCategoryHistory(ctx context.Context, personID int64) ([]domain.MemberPeriod, error) {
	p, err := s.Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	all, err := categoryTerms.read(ctx, s.db, "person_id = ?", personID)
	if err != nil {
		return nil, err
	}
	var out []domain.MemberPeriod
	for _, x := range spans(all[personID], string(p.Dues())) {
		out = append(out, domain.MemberPeriod{From: x.from, To: x.to, Category: domain.DuesCategory(x.value)})
	}
	return out, nil
}

// BranchHistory is a person's branches over time, oldest first: the
// periods recorded and the branch she belongs to today.
func (s *Store) BranchHistory(ctx context.Context, personID int64) ([]domain.MemberPeriod, error) {
	p, err := s.Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	all, err := branchTerms.read(ctx, s.db, "person_id = ?", personID)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	var out []domain.MemberPeriod
	for _, x := range spans(all[personID], strconv.FormatInt(p.BranchID, 10)) {
		id, _ := strconv.ParseInt(x.value, 10, 64)
		if _, ok := names[id]; !ok && id != 0 {
			b, err := s.Branch(ctx, id)
			if err != nil && !errors.Is(err, ErrNotFound) {
				return nil, err
			}
			names[id] = b.Name // a branch gone: no name
		}
		out = append(out, domain.MemberPeriod{From: x.from, To: x.to, BranchID: id, BranchName: names[id]})
	}
	return out, nil
}

// span is one value over days: from (zero: the start) to to (zero: still).
type span struct {
	from, to domain.Date
	value    string
}

// spans turns past values and today's into spans of days.
func spans(terms []term, current string) []span {
	var out []span
	var from domain.Date
	for _, x := range terms {
		out = append(out, span{from: from, to: domain.AddDays(x.until, -1), value: x.value})
		from = x.until
	}
	return append(out, span{from: from, value: current})
}

// DuesBranchYear is who may appear on a branch's dues sheet of a year
// beside its members of today: the people who belonged to it before
// (branch_terms), and for everyone the months of the year she belonged
// to it (on each month's last day), keyed by person.
func (s *Store) DuesBranchYear(ctx context.Context, branchID int64, year int, current []int64) (former []domain.Person, months map[int64][12]bool, err error) {
	moves, err := branchTerms.read(ctx, s.db, `person_id IN `+branchCandidates+` OR person_id IN (SELECT value FROM json_each(?))`,
		branchID, branchID, idList(current))
	if err != nil {
		return nil, nil, err
	}
	now := map[int64]string{}
	for _, id := range current {
		now[id] = strconv.FormatInt(branchID, 10)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, CAST(COALESCE(branch_id, 0) AS TEXT) FROM people WHERE id IN (SELECT person_id FROM branch_terms WHERE branch_id = ?)`, branchID)
	if err != nil {
		return nil, nil, fmt.Errorf("đọc đoàn viên: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		var b string
		if err := rows.Scan(&id, &b); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("đọc đoàn viên: %w", err)
		}
		if _, ok := now[id]; !ok {
			now[id] = b
			ids = append(ids, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("đọc đoàn viên: %w", err)
	}
	own := strconv.FormatInt(branchID, 10)
	months = map[int64][12]bool{}
	for id, b := range now {
		var in [12]bool
		for m := range in {
			in[m] = valueOn(moves[id], domain.Month{Year: year, Month: m + 1}.Last(), b) == own
		}
		months[id] = in
	}
	for _, id := range ids {
		p, err := s.Person(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		if months[id] != ([12]bool{}) {
			former = append(former, p)
		}
	}
	return former, months, nil
}

// idList is a list of ids as a JSON array, for json_each.
func idList(ids []int64) string {
	b := []byte{'['}
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}
