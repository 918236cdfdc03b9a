package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"

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
	// branch is the sheet's branch: a month counts in it only when the
	// person belonged to it that month (duesterms.go); 0: every month.
	branch int64
}

// branchCandidates is the SQL list of the people who belong, or once
// belonged, to branch ? (given twice): those a branch's sheets may show.
const branchCandidates = `(SELECT id FROM people WHERE branch_id = ? UNION SELECT person_id FROM branch_terms WHERE branch_id = ?)`

func branchPeople(id int64) sheetPeople {
	return sheetPeople{"p.id IN " + branchCandidates, []any{id, id}, id}
}
func onePerson(id int64) sheetPeople { return sheetPeople{"p.id = ?", []any{id}, 0} }

// cutoffOr is the cut-off, or today when none is given.
func (s *Store) cutoffOr(cutoff domain.Date) domain.Date {
	if cutoff.IsZero() {
		return s.Today()
	}
	return cutoff
}

// sheet builds the cells of the people picked for months. Each month is
// counted on its last day (the cut-off for the month running then): the
// person owes it when she is a Union member that day and, for a branch's
// sheet, belongs to the branch that day; her category and its rate are
// the ones in force that day (duesterms.go). A month she belonged to
// another branch shows "–" here, and its payment or exemption shows in
// that branch's sheet.
func (s *Store) sheet(ctx context.Context, who sheetPeople, months []domain.Month, cutoff domain.Date) ([]domain.DuesRow, error) {
	rules, err := duesRules(ctx, s.db)
	if err != nil {
		return nil, err
	}
	type person struct {
		row      domain.DuesRow
		sort     string
		category string // today's
		branch   string // today's
		in       []bool // in the sheet's branch each month
	}
	people := map[int64]*person{}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.family_name, p.middle_name, p.given_name, p.occupation, p.dues_category, p.sort_key,
		COALESCE(p.branch_id, 0) FROM people p WHERE `+who.where, who.args...)
	if err != nil {
		return nil, fmt.Errorf("đọc đoàn viên: %w", err)
	}
	for rows.Next() {
		var id, branch int64
		var fam, mid, giv, occ, cat, key string
		if err := rows.Scan(&id, &fam, &mid, &giv, &occ, &cat, &key, &branch); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc đoàn viên: %w", err)
		}
		pp := domain.Person{Occupation: domain.Occupation(occ), DuesCategory: domain.DuesCategory(cat)}
		people[id] = &person{row: domain.DuesRow{PersonID: id, Name: domain.JoinName(fam, mid, giv), Family: fam,
			Category: pp.Dues(), Cells: make([]domain.DuesCell, len(months))}, sort: key,
			category: string(pp.Dues()), branch: strconv.FormatInt(branch, 10), in: make([]bool, len(months))}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc đoàn viên: %w", err)
	}
	picked := `person_id IN (SELECT p.id FROM people p WHERE ` + who.where + `)`
	cats, err := categoryTerms.read(ctx, s.db, picked, who.args...)
	if err != nil {
		return nil, err
	}
	branches, err := branchTerms.read(ctx, s.db, picked, who.args...)
	if err != nil {
		return nil, err
	}
	own := strconv.FormatInt(who.branch, 10)
	for i, m := range months {
		day := m.Last()
		if day.After(cutoff) {
			day = cutoff
		}
		for id, p := range people {
			if who.branch != 0 && valueOn(branches[id], day, p.branch) != own {
				continue
			}
			p.in[i] = true
			p.row.Cells[i].Category = domain.DuesCategory(valueOn(cats[id], day, p.category))
		}
	}
	keep := map[int64]bool{}
	for i, m := range months {
		if m.First().After(cutoff) {
			for _, p := range people {
				p.row.Cells[i].Later = p.in[i]
			}
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
			if p := people[id]; p != nil && p.in[i] {
				c := &p.row.Cells[i]
				c.Owed, c.Rate = true, rate.Rate(c.Category)
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
		if p == nil || !p.in[i] {
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
			if e.Covers(m) && p.in[i] {
				p.row.Cells[i].Exempt = true
			}
		}
	}
	list := make([]*person, 0, len(keep))
	for id := range keep {
		p := people[id]
		// The row's category: the one of its last month counted here.
		for i := len(months) - 1; i >= 0; i-- {
			if c := p.row.Cells[i]; c.Category != "" && (c.Owed || c.Paid) {
				p.row.Category = c.Category
				break
			}
		}
		list = append(list, p)
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
	if g.Quarter < 0 || g.Quarter > 4 {
		return domain.ErrMsg("quý phải từ 1 đến 4, không phải %d", g.Quarter)
	}
	if g.Date.IsZero() {
		g.Date = s.Today()
	}
	// Quarter 0 is the whole year (a sheet imported for a year).
	months := [3]domain.Month{{Year: g.Year, Month: 1}, {}, {Year: g.Year, Month: 12}}
	period := fmt.Sprintf("năm %d", g.Year)
	if g.Quarter > 0 {
		months = domain.QuarterMonths(g.Year, g.Quarter)
		period = fmt.Sprintf("quý %s/%d", domain.RomanQuarter(g.Quarter), g.Year)
	}
	if _, err := s.Branch(ctx, g.BranchID); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error { return saveGridTx(ctx, tx, g, months, period) })
}

// LoadDemoDues writes the demo ward's invented dues (each save as
// SaveDuesGrid would, checked the same way) in one transaction, recorded
// as one line of history as the demo's people are: a register that holds
// dues already is refused.
func (s *Store) LoadDemoDues(ctx context.Context, saves []domain.DuesGridSave) error {
	return s.writeDemoPart(ctx, "dues_paid", func(tx *writeTx) (int, error) {
		var had int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM dues_paid`).Scan(&had); err != nil {
			return 0, fmt.Errorf("đọc đoàn phí: %w", err)
		}
		if had > 0 {
			return 0, domain.ErrMsg("sổ đã có %d tháng đoàn phí: đoàn phí mẫu chỉ ghi vào sổ chưa có", had)
		}
		n := 0
		for _, g := range saves {
			if g.Date.IsZero() || g.Quarter < 0 || g.Quarter > 4 {
				return 0, domain.ErrMsg("bảng đoàn phí mẫu năm %d không hợp lệ", g.Year)
			}
			months := [3]domain.Month{{Year: g.Year, Month: 1}, {}, {Year: g.Year, Month: 12}}
			period := fmt.Sprintf("năm %d", g.Year)
			if g.Quarter > 0 {
				months = domain.QuarterMonths(g.Year, g.Quarter)
				period = fmt.Sprintf("quý %s/%d", domain.RomanQuarter(g.Quarter), g.Year)
			}
			if err := saveGridTx(ctx, tx, g, months, period); err != nil {
				return 0, err
			}
			n += len(g.Entries)
		}
		return n, nil
	})
}

// saveGridTx writes a grid inside tx (see SaveDuesGrid): months[0] and
// months[2] bound its months; period names them in messages.
func saveGridTx(ctx context.Context, tx *writeTx, g domain.DuesGridSave, months [3]domain.Month, period string) error {
	inQuarter := func(m domain.Month) bool { return !m.Before(months[0]) && !months[2].Before(m) }
	{
		// The branch's members, and those who belonged to it in the past:
		// a month is the branch's when she belonged to it on the month's
		// last day (duesterms.go).
		names := map[int64]string{}
		current := map[int64]string{}
		rows, err := tx.QueryContext(ctx, `SELECT id, family_name, middle_name, given_name, CAST(COALESCE(branch_id, 0) AS TEXT) FROM people
			WHERE id IN `+branchCandidates, g.BranchID, g.BranchID)
		if err != nil {
			return fmt.Errorf("đọc đoàn viên: %w", err)
		}
		for rows.Next() {
			var id int64
			var f, m, gv, b string
			if err := rows.Scan(&id, &f, &m, &gv, &b); err != nil {
				rows.Close()
				return fmt.Errorf("đọc đoàn viên: %w", err)
			}
			names[id], current[id] = domain.JoinName(f, m, gv), b
		}
		rows.Close()
		moves, err := branchTerms.read(ctx, tx, `person_id IN `+branchCandidates, g.BranchID, g.BranchID)
		if err != nil {
			return err
		}
		own := strconv.FormatInt(g.BranchID, 10)
		ex, err := readExemptions(ctx, tx, `WHERE person_id IN `+branchCandidates, g.BranchID, g.BranchID)
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
			WHERE person_id IN `+branchCandidates+` AND month >= ? AND month <= ?`, g.BranchID, g.BranchID, months[0].Key(), months[2].Key())
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
				c.Add("Month", name, "tháng %s không thuộc %s", e.Month, period)
			case valueOn(moves[e.PersonID], e.Month.Last(), current[e.PersonID]) != own:
				c.Add("Month", name, "tháng %s sinh hoạt ở chi đoàn khác: ghi vào bảng của chi đoàn đó", e.Month)
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
		// One payment per member and day.
		payment := map[[2]any]int64{}
		return tx.Track("dues_paid", "person_id IN "+branchCandidates+" AND month >= ? AND month <= ?",
			[]any{g.BranchID, g.BranchID, months[0].Key(), months[2].Key()}, func(exec writepath.ExecFunc) error {
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
						day := g.Date
						if !e.Date.IsZero() {
							day = e.Date
						}
						n, ok := payment[[2]any{e.PersonID, day}]
						if !ok {
							n, next = next, next+1
							payment[[2]any{e.PersonID, day}] = n
						}
						if _, err := exec(`INSERT INTO dues_paid(person_id, month, amount, date, payment, branch_id) VALUES (?,?,?,?,?,?)`,
							e.PersonID, e.Month.Key(), e.Amount, sqlDate(day), n, g.BranchID); err != nil {
							return fmt.Errorf("ghi đoàn phí: %w", err)
						}
					}
				}
				return nil
			})
	}
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
		if c.Unpaid() && overdue(months[i], cutoff) {
			out = append(out, months[i])
		}
	}
	return out, nil
}

// overdue says a month owed is late by the cut-off: it has ended. The
// month running on the cut-off is owed (the grid shows it blank) but not
// yet late, so the unpaid list and the review do not count it.
func overdue(m domain.Month, cutoff domain.Date) bool { return !m.Last().After(cutoff) }

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
// months of year ended by the cut-off owed and neither paid nor exempted,
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
				if c.Unpaid() && overdue(l.Months[i], l.Cutoff) {
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
