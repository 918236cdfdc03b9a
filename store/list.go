package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"sodoan/domain"
)

// MemberKind selects Union members, Federation members or everyone.
type MemberKind string

const (
	KindAll        MemberKind = ""
	KindUnion      MemberKind = "union"
	KindFederation MemberKind = "federation"
)

// SortField is a column a member list can be ordered by: the key of a
// field of the catalog (domain.PersonFields), or the name order or the
// status.
type SortField string

const (
	SortName      SortField = "" // tên, tên đệm, họ in Vietnamese order
	SortBirth     SortField = "birth_date"
	SortAdmission SortField = "admission_date"
	SortCard      SortField = "card_number"
	SortBranch    SortField = "branch_id"
	SortGender    SortField = "gender"
	SortStatus    SortField = "status"
)

// MemberFilter selects and orders a page of the member list.
type MemberFilter struct {
	Query         string // search as you type: accents, case and đ ignored
	BranchID      int64
	Status        domain.Status
	Gender        domain.Gender
	Kind          MemberKind
	TurningThirty int // a year: only people who turn 30 in it (0: off)
	// AsOf, when set, keeps only who was a member on that day (unionOn,
	// federationOn): a Union member admitted on or before it and not gone
	// by it, for KindUnion; a hội viên on the day, for KindFederation;
	// either, for KindAll. Status is then ignored: it is today's.
	AsOf domain.Date
	// Former, with KindFederation, keeps instead the former hội viên: those
	// whose Hội membership had ended by AsOf (by now when AsOf is unset).
	Former bool
	Sort   SortField
	Desc   bool
	Offset int
	Limit  int // 0: no limit
}

// DefaultMemberFilter is the member list of kind as a ward means it when
// nothing else is chosen: đoàn viên are those in activity (StatusActive),
// so that people who moved away, came of age or were struck off are not
// counted among them; those are listed on request. A Hội list chooses its
// members by the day (AsOf), which its screen sets. The window's list, its
// export and the command line's `members list` all start from here.
func DefaultMemberFilter(kind MemberKind) MemberFilter {
	f := MemberFilter{Kind: kind}
	if kind != KindFederation {
		f.Status = domain.StatusActive
	}
	return f
}

// queryWords splits what the user typed into folded words of letters and
// digits, the same tokens the search index holds.
func queryWords(q string) []string {
	return strings.FieldsFunc(domain.Fold(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// ftsQuery turns what the user typed into an FTS5 query in which every
// word must start a word of the name or a number: "nguyen a" finds
// "Nguyễn Văn An". ok is false when nothing searchable was typed.
func ftsQuery(q string) (string, bool) {
	words := queryWords(q)
	if len(words) == 0 {
		return "", false
	}
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " "), true
}

// denseMatches is the number of search matches above which a page is
// read by walking the sorted index and keeping matches (they are common
// enough to fill a page quickly); below it, the matches are fetched by
// their IDs and sorted (few rows to sort).
const denseMatches = 1000

// matchSet is what a typed query selects: either the IDs of its few
// matches, or (dense) an FTS5 query to test rows against.
type matchSet struct {
	active bool
	none   bool
	dense  bool
	fts    string
	words  []string // folded words, for the dense row test
	ids    []int64
}

func (s *Store) matches(ctx context.Context, q string) (matchSet, error) {
	if strings.TrimSpace(q) == "" {
		return matchSet{}, nil
	}
	fq, ok := ftsQuery(q)
	if !ok {
		return matchSet{active: true, none: true}, nil
	}
	words := queryWords(q)
	for _, w := range words {
		// A short run of digits starts thousands of distinct card, ID and
		// phone numbers, each its own term for FTS5 to merge; such a query
		// is dense by nature and is answered by the row test alone.
		if len(w) < 6 && strings.Trim(w, "0123456789") == "" {
			return matchSet{active: true, dense: true, words: words}, nil
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM people_fts WHERE people_fts MATCH ? LIMIT ?`, fq, denseMatches+1)
	if err != nil {
		return matchSet{}, fmt.Errorf("tìm %q: %w", q, err)
	}
	defer rows.Close()
	m := matchSet{active: true, fts: fq, words: words}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return m, fmt.Errorf("tìm %q: %w", q, err)
		}
		m.ids = append(m.ids, id)
	}
	if err := rows.Err(); err != nil {
		return m, fmt.Errorf("tìm %q: %w", q, err)
	}
	if len(m.ids) > denseMatches {
		m.dense, m.ids = true, nil
	}
	m.none = !m.dense && len(m.ids) == 0
	return m, nil
}

// where builds the WHERE clause of f with the matches m. counting selects
// the dense plan that suits a count: a scan of a covering index against
// the set of FTS matches, rather than reading every row's text.
func (f *MemberFilter) where(m matchSet, counting bool) (string, []any) {
	var conds []string
	var args []any
	// With a branch chosen, the branch's index drives the query: the unary
	// + keeps SQLite from preferring people_union_status_sort (two
	// equalities), which would walk every active member of the ward to
	// find the branch's.
	plus := ""
	if f.BranchID != 0 {
		plus = "+"
	}
	switch f.Kind {
	case KindUnion:
		conds = append(conds, plus+"p.union_member = 1")
	case KindFederation:
		conds = append(conds, "p.federation_member = 1")
	}
	switch {
	case f.Former && f.Kind == KindFederation:
		// federation_end is the first day she is no longer a hội viên.
		conds = append(conds, "p.federation_end IS NOT NULL")
		if !f.AsOf.IsZero() {
			conds = append(conds, "p.federation_end <= ?")
			args = append(args, sqlDate(f.AsOf))
		}
	case !f.AsOf.IsZero():
		day := sqlDate(f.AsOf)
		switch f.Kind {
		case KindUnion:
			conds = append(conds, unionOn("p", "?"))
			args = append(args, day, day)
		case KindFederation:
			conds = append(conds, federationOn("p", "?"))
			args = append(args, day, day)
		default:
			conds = append(conds, "("+unionOn("p", "?")+" OR "+federationOn("p", "?")+")")
			args = append(args, day, day, day, day)
		}
	case f.Status != "":
		conds = append(conds, plus+"p.status = ?")
		args = append(args, string(f.Status))
	}
	if f.BranchID != 0 {
		conds = append(conds, "p.branch_id = ?")
		args = append(args, f.BranchID)
	}
	if f.Gender != "" {
		conds = append(conds, "p.gender = ?")
		args = append(args, string(f.Gender))
	}
	if f.TurningThirty != 0 {
		conds = append(conds, "p.birth_date >= ? AND p.birth_date < ?")
		args = append(args, fmt.Sprintf("%04d-01-01", f.TurningThirty-30), fmt.Sprintf("%04d-01-01", f.TurningThirty-29))
	}
	switch {
	case !m.active:
	case m.none:
		conds = append(conds, "0")
	case m.dense && counting && m.fts != "":
		// The unary + keeps SQLite from driving the query by these IDs, so
		// that it scans an index of the other filters with a Bloom filter.
		conds = append(conds, "+p.id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?)")
		args = append(args, m.fts)
	case m.dense:
		// Matches are common: walk the list's index in order and test each
		// row's folded text, which fills a page after a few hundred rows.
		for _, w := range m.words {
			conds = append(conds, "instr(p.search, ?) > 0")
			args = append(args, " "+w)
		}
	default:
		var b strings.Builder
		b.WriteString("p.id IN (")
		for i, id := range m.ids {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatInt(id, 10))
		}
		b.WriteByte(')')
		conds = append(conds, b.String())
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (f *MemberFilter) orderBy() string {
	dir := ""
	if f.Desc {
		dir = " DESC"
	}
	switch f.Sort {
	case SortName:
		return " ORDER BY p.sort_key" + dir + ", p.id"
	case SortBranch:
		// Branches in their own (numeric) order, not by id.
		return " ORDER BY b.sort_key" + dir + ", p.sort_key"
	case SortStatus:
		return " ORDER BY p.status" + dir + ", p.sort_key"
	}
	// Any other field of the catalog orders by its column; only the
	// catalog's keys reach the SQL.
	if fd, ok := domain.PersonField(string(f.Sort)); ok && fd.Key == string(f.Sort) {
		return " ORDER BY p." + fd.Key + dir + ", p.sort_key"
	}
	return " ORDER BY p.sort_key" + dir + ", p.id"
}

// ListMembers returns one page of people matching f, in f's order (by
// default tên, tên đệm, họ in Vietnamese collation).
func (s *Store) ListMembers(ctx context.Context, f MemberFilter) ([]domain.Person, error) {
	// The page grows as rows come: a huge limit must not allocate itself.
	out := make([]domain.Person, 0, min(max(f.Limit, 16), 1024))
	err := s.EachMember(ctx, f, func(p *domain.Person) error {
		out = append(out, *p)
		return nil
	})
	return out, err
}

// EachMember calls fn for every person matching f (the page f.Limit and
// f.Offset select, or all), in order, without holding the list in memory
// (for reports and exports).
func (s *Store) EachMember(ctx context.Context, f MemberFilter, fn func(*domain.Person) error) error {
	m, err := s.matches(ctx, f.Query)
	if err != nil {
		return err
	}
	where, args := f.where(m, false)
	cols := personColumns
	if !f.AsOf.IsZero() {
		// The offices held on the day, not today's.
		cols = personColumnsOn
		args = append([]any{sqlDate(f.AsOf), sqlDate(f.AsOf)}, args...)
	}
	q := `SELECT ` + cols + personFrom + where + f.orderBy()
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("đọc danh sách: %w", err)
	}
	defer rows.Close()
	var p domain.Person
	for rows.Next() {
		p = domain.Person{}
		if err := scanPerson(rows, &p); err != nil {
			return fmt.Errorf("đọc danh sách: %w", err)
		}
		if err := fn(&p); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("đọc danh sách: %w", err)
	}
	return nil
}

// CountMembers counts the people matching f (paging fields ignored).
func (s *Store) CountMembers(ctx context.Context, f MemberFilter) (int, error) {
	m, err := s.matches(ctx, f.Query)
	if err != nil {
		return 0, err
	}
	if m.none {
		return 0, nil
	}
	plain := f.Kind == KindAll && f.Status == "" && f.BranchID == 0 && f.Gender == "" && f.TurningThirty == 0 && f.AsOf.IsZero()
	if !m.dense && m.active && plain {
		return len(m.ids), nil
	}
	where, args := f.where(m, true)
	if m.dense && m.fts != "" && plain {
		var n int
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM people_fts WHERE people_fts MATCH ?`, m.fts).Scan(&n)
		if err != nil {
			return 0, fmt.Errorf("đếm kết quả tìm: %w", err)
		}
		return n, nil
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM people p`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("đếm danh sách: %w", err)
	}
	return n, nil
}

// Search finds people by name (accents, case and đ ignored; each word a
// prefix), card number, citizen ID or phone, in Vietnamese name order.
func (s *Store) Search(ctx context.Context, q string, limit int) ([]domain.Person, error) {
	if limit == 0 {
		limit = 50
	}
	if err := domain.SearchLimitRange.Check(int64(limit)); err != nil {
		return nil, err
	}
	if _, ok := ftsQuery(q); !ok {
		return nil, nil
	}
	return s.ListMembers(ctx, MemberFilter{Query: q, Limit: limit})
}

// RowOf finds where person id stands in the list f selects, in f's order
// (0 for the first row), so that a window can show a record it has just
// saved; found is false when f does not select that person.
func (s *Store) RowOf(ctx context.Context, f MemberFilter, id int64) (row int, found bool, err error) {
	m, err := s.matches(ctx, f.Query)
	if err != nil {
		return 0, false, err
	}
	where, args := f.where(m, false)
	q := `SELECT n FROM (SELECT p.id AS id, row_number() OVER (` + strings.TrimPrefix(f.orderBy(), " ") + `) - 1 AS n` +
		personFrom + where + `) WHERE id = ?`
	err = s.db.QueryRowContext(ctx, q, append(args, id)...).Scan(&row)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("tìm vị trí trong danh sách: %w", err)
	}
	return row, true, nil
}
