package store

import (
	"context"
	"fmt"
	"sort"

	"sodoan/domain"
	"sodoan/store/internal/writepath"
)

// The dues sheets: a branch's quarter grid and its year's ledger (members ×
// months), the quarter summary of every branch, the unpaid months. A
// member owes a month when she was a Union member of the ward on its last
// day (or on the cut-off, for the month running then); what was paid,
// exempted or remitted after the cut-off is not shown.

// sheetPeople picks the people of a sheet: the members of a branch, or one
// person.
type sheetPeople struct {
	where string // a condition on people p
	args  []any
}

func branchPeople(id int64) sheetPeople { return sheetPeople{"p.branch_id = ?", []any{id}} }
func onePerson(id int64) sheetPeople    { return sheetPeople{"p.id = ?", []any{id}} }

// cutoffOr is the cut-off, or today when none is given.
func (s *Store) cutoffOr(cutoff domain.Date) domain.Date {
	if cutoff.IsZero() {
		return s.Today()
	}
	return cutoff
}

// sheet builds the cells of the people picked for months.
func (s *Store) sheet(ctx context.Context, who sheetPeople, months []domain.Month, cutoff domain.Date) ([]domain.DuesRow, error) {
	rules, err := duesRules(ctx, s.db)
	if err != nil {
		return nil, err
	}
	type person struct {
		row  domain.DuesRow
		sort string
	}
	people := map[int64]*person{}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.family_name, p.middle_name, p.given_name, p.occupation, p.dues_category, p.sort_key
		FROM people p WHERE `+who.where, who.args...)
	if err != nil {
		return nil, fmt.Errorf("đọc đoàn viên: %w", err)
	}
	for rows.Next() {
		var id int64
		var fam, mid, giv, occ, cat, key string
		if err := rows.Scan(&id, &fam, &mid, &giv, &occ, &cat, &key); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc đoàn viên: %w", err)
		}
		pp := domain.Person{Occupation: domain.Occupation(occ), DuesCategory: domain.DuesCategory(cat)}
		people[id] = &person{row: domain.DuesRow{PersonID: id, Name: domain.JoinName(fam, mid, giv), Family: fam,
			Category: pp.Dues(), Cells: make([]domain.DuesCell, len(months))}, sort: key}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc đoàn viên: %w", err)
	}
	keep := map[int64]bool{}
	for i, m := range months {
		if m.First().After(cutoff) {
			continue
		}
		day := m.Last()
		if day.After(cutoff) {
			day = cutoff
		}
		rate := rulesAt(rules, m.First())
		ids, err := s.db.QueryContext(ctx, `WITH d(day) AS (SELECT ?) SELECT p.id FROM d, people p WHERE `+who.where+` AND `+unionOn("p", "d.day"),
			append([]any{sqlDate(day)}, who.args...)...)
		if err != nil {
			return nil, fmt.Errorf("đọc đoàn viên: %w", err)
		}
		for ids.Next() {
			var id int64
			if err := ids.Scan(&id); err != nil {
				ids.Close()
				return nil, fmt.Errorf("đọc đoàn viên: %w", err)
			}
			if p := people[id]; p != nil {
				p.row.Cells[i].Owed, p.row.Cells[i].Rate = true, rate.Rate(p.row.Category)
				keep[id] = true
			}
		}
		ids.Close()
		if err := ids.Err(); err != nil {
			return nil, fmt.Errorf("đọc đoàn viên: %w", err)
		}
	}
	index := map[string]int{}
	for i, m := range months {
		index[m.Key()] = i
	}
	first, last := months[0], months[len(months)-1]
	paid, err := s.db.QueryContext(ctx, `SELECT d.person_id, d.month, d.amount, d.date, d.payment,
		(SELECT count(*) FROM dues_paid x WHERE x.payment = d.payment)
		FROM dues_paid d JOIN people p ON p.id = d.person_id
		WHERE `+who.where+` AND d.month >= ? AND d.month <= ? AND d.date <= ?`,
		append(append([]any{}, who.args...), first.Key(), last.Key(), sqlDate(cutoff))...)
	if err != nil {
		return nil, fmt.Errorf("đọc đoàn phí: %w", err)
	}
	for paid.Next() {
		var id, amount, payment int64
		var n int
		var key string
		var on domain.Date
		if err := paid.Scan(&id, &key, &amount, (*sqlDate)(&on), &payment, &n); err != nil {
			paid.Close()
			return nil, fmt.Errorf("đọc đoàn phí: %w", err)
		}
		p, i := people[id], index[key]
		if p == nil {
			continue
		}
		c := &p.row.Cells[i]
		c.Paid, c.Amount, c.PaymentID, c.Shared, c.PaidOn = true, amount, payment, n > 1, on
		keep[id] = true
	}
	paid.Close()
	if err := paid.Err(); err != nil {
		return nil, fmt.Errorf("đọc đoàn phí: %w", err)
	}
	ex, err := readExemptions(ctx, s.db, `WHERE person_id IN (SELECT p.id FROM people p WHERE `+who.where+`) AND decision_date <= ?`,
		append(append([]any{}, who.args...), sqlDate(cutoff))...)
	if err != nil {
		return nil, err
	}
	for _, e := range ex {
		p := people[e.PersonID]
		if p == nil {
			continue
		}
		for i, m := range months {
			if e.Covers(m) {
				p.row.Cells[i].Exempt = true
			}
		}
	}
	list := make([]*person, 0, len(keep))
	for id := range keep {
		list = append(list, people[id])
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].sort != list[j].sort {
			return list[i].sort < list[j].sort
		}
		return list[i].row.PersonID < list[j].row.PersonID
	})
	out := make([]domain.DuesRow, len(list))
	for i, p := range list {
		out[i] = p.row
	}
	return out, nil
}

// DuesGrid is a branch's quarter: its members × the three months.
func (s *Store) DuesGrid(ctx context.Context, branchID int64, year, quarter int, cutoff domain.Date) (domain.DuesSheet, error) {
	if quarter < 1 || quarter > 4 {
		return domain.DuesSheet{}, domain.ErrMsg("quý phải từ 1 đến 4, không phải %d", quarter)
	}
	m := domain.QuarterMonths(year, quarter)
	return s.duesSheet(ctx, branchID, year, m[:], cutoff)
}

// DuesLedger is a branch's year: its members × the twelve months (Sổ thu
// đoàn phí).
func (s *Store) DuesLedger(ctx context.Context, branchID int64, year int, cutoff domain.Date) (domain.DuesSheet, error) {
	months := make([]domain.Month, 12)
	for i := range months {
		months[i] = domain.Month{Year: year, Month: i + 1}
	}
	return s.duesSheet(ctx, branchID, year, months, cutoff)
}

func (s *Store) duesSheet(ctx context.Context, branchID int64, year int, months []domain.Month, cutoff domain.Date) (domain.DuesSheet, error) {
	b, err := s.Branch(ctx, branchID)
	if err != nil {
		return domain.DuesSheet{}, err
	}
	cutoff = s.cutoffOr(cutoff)
	rows, err := s.sheet(ctx, branchPeople(branchID), months, cutoff)
	if err != nil {
		return domain.DuesSheet{}, err
	}
	return domain.DuesSheet{BranchID: b.ID, BranchName: b.Name, Year: year, Months: months, Cutoff: cutoff, Rows: rows}, nil
}

// SaveDuesGrid saves a quarter grid in one transaction through the write
// path: a month typed where none was paid becomes part of one payment per
// member, dated g.Date (the months a member paid together are one
// payment); a changed amount is corrected in place; a cleared month is
// removed. A cell of someone outside the branch, a month outside the
// quarter, a negative amount or an exempt month is refused, naming the
// member and the month, and nothing is written.
func (s *Store) SaveDuesGrid(ctx context.Context, g domain.DuesGridSave) error {
	if g.Quarter < 1 || g.Quarter > 4 {
		return domain.ErrMsg("quý phải từ 1 đến 4, không phải %d", g.Quarter)
	}
	if g.Date.IsZero() {
		g.Date = s.Today()
	}
	months := domain.QuarterMonths(g.Year, g.Quarter)
	inQuarter := func(m domain.Month) bool { return !m.Before(months[0]) && !months[2].Before(m) }
	if _, err := s.Branch(ctx, g.BranchID); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		names := map[int64]string{}
		rows, err := tx.QueryContext(ctx, `SELECT id, family_name, middle_name, given_name FROM people WHERE branch_id = ?`, g.BranchID)
		if err != nil {
			return fmt.Errorf("đọc đoàn viên: %w", err)
		}
		for rows.Next() {
			var id int64
			var f, m, gv string
			if err := rows.Scan(&id, &f, &m, &gv); err != nil {
				rows.Close()
				return fmt.Errorf("đọc đoàn viên: %w", err)
			}
			names[id] = domain.JoinName(f, m, gv)
		}
		rows.Close()
		ex, err := readExemptions(ctx, tx, `WHERE person_id IN (SELECT id FROM people WHERE branch_id = ?)`, g.BranchID)
		if err != nil {
			return err
		}
		exempt := map[int64][]domain.DuesExemption{}
		for _, e := range ex {
			exempt[e.PersonID] = append(exempt[e.PersonID], e)
		}
		type had struct{ amount int64 }
		old := map[[2]any]had{}
		prow, err := tx.QueryContext(ctx, `SELECT person_id, month, amount FROM dues_paid
			WHERE person_id IN (SELECT id FROM people WHERE branch_id = ?) AND month >= ? AND month <= ?`, g.BranchID, months[0].Key(), months[2].Key())
		if err != nil {
			return fmt.Errorf("đọc đoàn phí: %w", err)
		}
		for prow.Next() {
			var id, a int64
			var k string
			if err := prow.Scan(&id, &k, &a); err != nil {
				prow.Close()
				return fmt.Errorf("đọc đoàn phí: %w", err)
			}
			old[[2]any{id, k}] = had{a}
		}
		prow.Close()
		c := &domain.Checker{}
		for i, e := range g.Entries {
			c.Row = i + 1
			name, ok := names[e.PersonID]
			switch {
			case !ok:
				c.Add("PersonID", "Đoàn viên", "mã %d không thuộc chi đoàn này", e.PersonID)
			case !inQuarter(e.Month):
				c.Add("Month", name, "tháng %s không thuộc quý %s/%d", e.Month, domain.RomanQuarter(g.Quarter), g.Year)
			case e.Amount < 0:
				c.Add("Amount", name, "số tiền tháng %s không được âm", e.Month)
			case e.Amount > 0 && coveringExemption(exempt[e.PersonID], e.Month) != nil:
				c.Add("Amount", name, "tháng %s đã được miễn đoàn phí (quyết định số %s), không thu", e.Month,
					coveringExemption(exempt[e.PersonID], e.Month).DecisionNumber)
			}
		}
		c.Row = 0
		if err := c.Err(); err != nil {
			return err
		}
		next, err := nextPayment(ctx, tx)
		if err != nil {
			return err
		}
		payment := map[int64]int64{}
		return tx.Track("dues_paid", "person_id IN (SELECT id FROM people WHERE branch_id = ?) AND month >= ? AND month <= ?",
			[]any{g.BranchID, months[0].Key(), months[2].Key()}, func(exec writepath.ExecFunc) error {
				for _, e := range g.Entries {
					h, was := old[[2]any{e.PersonID, e.Month.Key()}]
					switch {
					case e.Amount == 0 && was:
						if _, err := exec(`DELETE FROM dues_paid WHERE person_id = ? AND month = ?`, e.PersonID, e.Month.Key()); err != nil {
							return fmt.Errorf("xóa đoàn phí: %w", err)
						}
					case e.Amount > 0 && was && h.amount != e.Amount:
						if _, err := exec(`UPDATE dues_paid SET amount = ? WHERE person_id = ? AND month = ?`, e.Amount, e.PersonID, e.Month.Key()); err != nil {
							return fmt.Errorf("sửa đoàn phí: %w", err)
						}
					case e.Amount > 0 && !was:
						n, ok := payment[e.PersonID]
						if !ok {
							n, next = next, next+1
							payment[e.PersonID] = n
						}
						if _, err := exec(`INSERT INTO dues_paid(person_id, month, amount, date, payment, branch_id) VALUES (?,?,?,?,?,?)`,
							e.PersonID, e.Month.Key(), e.Amount, sqlDate(g.Date), n, g.BranchID); err != nil {
							return fmt.Errorf("ghi đoàn phí: %w", err)
						}
					}
				}
				return nil
			})
	})
}

// UnpaidMonths are the months of year up to the cut-off a person owed
// and neither paid nor was exempted from (the "cần xem xét" list counts
// them).
func (s *Store) UnpaidMonths(ctx context.Context, personID int64, year int, cutoff domain.Date) ([]domain.Month, error) {
	cutoff = s.cutoffOr(cutoff)
	months := make([]domain.Month, 12)
	for i := range months {
		months[i] = domain.Month{Year: year, Month: i + 1}
	}
	rows, err := s.sheet(ctx, onePerson(personID), months, cutoff)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	var out []domain.Month
	for i, c := range rows[0].Cells {
		if c.Unpaid() {
			out = append(out, months[i])
		}
	}
	return out, nil
}

// PaidThrough is the month a person's dues are paid through by the
// cut-off ("Đã đóng đoàn phí đến hết tháng …/…" of the transfer letter):
// from her first month paid or exempted, the last month before the first
// one she owed and neither paid nor was exempted from (months she was not
// a member are passed over; months paid ahead count). Zero: she paid
// nothing by then.
func (s *Store) PaidThrough(ctx context.Context, personID int64, cutoff domain.Date) (domain.Month, error) {
	cutoff = s.cutoffOr(cutoff)
	var firstPaid, lastPaid string
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(min(month), ''), COALESCE(max(month), '') FROM dues_paid WHERE person_id = ? AND date <= ?`,
		personID, sqlDate(cutoff)).Scan(&firstPaid, &lastPaid); err != nil {
		return domain.Month{}, fmt.Errorf("đọc đoàn phí: %w", err)
	}
	ex, err := readExemptions(ctx, s.db, `WHERE person_id = ? AND decision_date <= ?`, personID, sqlDate(cutoff))
	if err != nil {
		return domain.Month{}, err
	}
	var first, last domain.Month
	widen := func(a, b domain.Month) {
		if first.IsZero() || a.Before(first) {
			first = a
		}
		if last.IsZero() || last.Before(b) {
			last = b
		}
	}
	if firstPaid != "" {
		a, _ := domain.ParseMonthKey(firstPaid)
		b, _ := domain.ParseMonthKey(lastPaid)
		widen(a, b)
	}
	for _, e := range ex {
		widen(e.From, e.To())
	}
	if first.IsZero() {
		return domain.Month{}, nil
	}
	var months []domain.Month
	for m := first; !last.Before(m); m = m.Add(1) {
		months = append(months, m)
	}
	rows, err := s.sheet(ctx, onePerson(personID), months, cutoff)
	if err != nil || len(rows) == 0 {
		return domain.Month{}, err
	}
	var through domain.Month
	for i, c := range rows[0].Cells {
		switch {
		case c.Paid || c.Exempt:
			through = months[i]
		case c.Owed:
			return through, nil
		}
	}
	return through, nil
}

// DuesUnpaidList lists the members of a branch (0: every branch) with
// months of year up to the cut-off owed and neither paid nor exempted,
// the months and the sum (Danh sách chưa đóng).
func (s *Store) DuesUnpaidList(ctx context.Context, branchID int64, year int, cutoff domain.Date) ([]domain.DuesUnpaid, error) {
	ids := []int64{branchID}
	if branchID == 0 {
		bs, err := s.Branches(ctx, true)
		if err != nil {
			return nil, err
		}
		ids = ids[:0]
		for _, b := range bs {
			ids = append(ids, b.ID)
		}
	}
	var out []domain.DuesUnpaid
	for _, id := range ids {
		l, err := s.DuesLedger(ctx, id, year, cutoff)
		if err != nil {
			return nil, err
		}
		for _, r := range l.Rows {
			u := domain.DuesUnpaid{PersonID: r.PersonID, Name: r.Name, BranchName: l.BranchName, Category: r.Category}
			for i, c := range r.Cells {
				if c.Unpaid() {
					u.Months = append(u.Months, l.Months[i])
					u.Amount += c.Rate
				}
			}
			if len(u.Months) > 0 {
				out = append(out, u)
			}
		}
	}
	return out, nil
}
