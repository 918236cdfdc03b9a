package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"sodoan/domain"
	"sodoan/store/internal/writepath"
)

// Union dues (issue 20): the rules by the day they apply from, the
// members' payments and the committee's exemptions. The sheets built from
// them (grid, ledger, summary) are in duessheet.go; remittances and the
// cash book in duesremit.go.

// DuesRulesList lists the rules the ward wrote, oldest first (none: the
// defaults apply).
func (s *Store) DuesRulesList(ctx context.Context) ([]domain.DuesRules, error) {
	return duesRules(ctx, s.db)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func duesRules(ctx context.Context, q querier) ([]domain.DuesRules, error) {
	rows, err := q.QueryContext(ctx, `SELECT from_date, wage, no_wage, abroad, up_num, up_den, max_exempt FROM dues_rules ORDER BY from_date`)
	if err != nil {
		return nil, fmt.Errorf("đọc mức đóng đoàn phí: %w", err)
	}
	defer rows.Close()
	var out []domain.DuesRules
	for rows.Next() {
		var r domain.DuesRules
		if err := rows.Scan((*sqlDate)(&r.From), &r.Wage, &r.NoWage, &r.Abroad, &r.UpNum, &r.UpDen, &r.MaxExemptions); err != nil {
			return nil, fmt.Errorf("đọc mức đóng đoàn phí: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// rulesAt picks the rules in force on day from list (oldest first): the
// latest applying by then, else the defaults.
func rulesAt(list []domain.DuesRules, day domain.Date) domain.DuesRules {
	r := domain.DefaultDuesRules()
	for _, x := range list {
		if !x.From.After(day) {
			r = x
		}
	}
	return r
}

// DuesRulesAt is the rules in force on a day.
func (s *Store) DuesRulesAt(ctx context.Context, day domain.Date) (domain.DuesRules, error) {
	list, err := s.DuesRulesList(ctx)
	if err != nil {
		return domain.DuesRules{}, err
	}
	return rulesAt(list, day), nil
}

// SaveDuesRules writes the rules in force from r.From (replacing rules
// written for that same day); days before keep the rules they had.
func (s *Store) SaveDuesRules(ctx context.Context, r *domain.DuesRules) error {
	if err := domain.CheckDuesRules(r).Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		_, err := tx.Change("dues_rules", "from_date = ?", []any{sqlDate(r.From)},
			`INSERT INTO dues_rules(from_date, wage, no_wage, abroad, up_num, up_den, max_exempt) VALUES (?,?,?,?,?,?,?)
			ON CONFLICT(from_date) DO UPDATE SET wage=excluded.wage, no_wage=excluded.no_wage, abroad=excluded.abroad,
			up_num=excluded.up_num, up_den=excluded.up_den, max_exempt=excluded.max_exempt`,
			sqlDate(r.From), r.Wage, r.NoWage, r.Abroad, r.UpNum, r.UpDen, r.MaxExemptions)
		if err != nil {
			return fmt.Errorf("ghi mức đóng đoàn phí: %w", err)
		}
		return nil
	})
}

// DeleteDuesRules removes the rules written for a day.
func (s *Store) DeleteDuesRules(ctx context.Context, from domain.Date) error {
	return s.write(ctx, func(tx *writeTx) error {
		_, err := tx.Change("dues_rules", "from_date = ?", []any{sqlDate(from)}, `DELETE FROM dues_rules WHERE from_date = ?`, sqlDate(from))
		if err != nil {
			return fmt.Errorf("xóa mức đóng đoàn phí: %w", err)
		}
		return nil
	})
}

// duesPerson is what the dues need of a person.
type duesPerson struct {
	id       int64
	name     string
	family   string
	branchID int64
	category domain.DuesCategory
}

func readDuesPerson(ctx context.Context, q interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}, id int64) (duesPerson, error) {
	var p duesPerson
	var occ, cat string
	var middle, given string
	var branch sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT id, family_name, middle_name, given_name, occupation, dues_category, branch_id FROM people WHERE id = ?`, id).
		Scan(&p.id, &p.family, &middle, &given, &occ, &cat, &branch)
	if err == sql.ErrNoRows {
		c := &domain.Checker{}
		c.Add("PersonID", "Đoàn viên", "mã %d không có trong sổ", id)
		return p, c.Err()
	}
	if err != nil {
		return p, fmt.Errorf("đọc đoàn viên: %w", err)
	}
	pp := domain.Person{Occupation: domain.Occupation(occ), DuesCategory: domain.DuesCategory(cat)}
	p.category = pp.Dues()
	p.name = domain.JoinName(p.family, middle, given)
	p.branchID = branch.Int64
	return p, nil
}

// PayDues records one payment covering p.Months (amounts: p.Amounts, or
// each month's rate for the member's category when empty). A month
// already paid, or exempt, is refused, naming it; nothing is written.
func (s *Store) PayDues(ctx context.Context, p *domain.DuesPayment) error {
	c := &domain.Checker{}
	if p.Date.IsZero() {
		c.Add("Date", "Ngày đóng", "cần ghi ngày đóng")
	}
	if len(p.Months) == 0 {
		c.Add("Months", "Tháng", "cần ghi ít nhất một tháng đóng")
	}
	if len(p.Amounts) != 0 && len(p.Amounts) != len(p.Months) {
		c.Add("Amounts", "Số tiền", "số khoản tiền (%d) khác số tháng (%d)", len(p.Amounts), len(p.Months))
	}
	for _, a := range p.Amounts {
		if a <= 0 {
			c.Add("Amounts", "Số tiền", "số tiền mỗi tháng phải lớn hơn 0 đồng")
			break
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		dp, err := readDuesPerson(ctx, tx, p.PersonID)
		if err != nil {
			return err
		}
		if p.BranchID == 0 {
			p.BranchID = dp.branchID
		}
		rules, err := duesRules(ctx, tx)
		if err != nil {
			return err
		}
		if len(p.Amounts) == 0 {
			// Each month at the rate of the category in force that month
			// (on its last day, as the sheets count it: duesterms.go).
			cats, err := categoryTerms.read(ctx, tx, "person_id = ?", p.PersonID)
			if err != nil {
				return err
			}
			for _, m := range p.Months {
				cat := domain.DuesCategory(valueOn(cats[p.PersonID], m.Last(), string(dp.category)))
				p.Amounts = append(p.Amounts, rulesAt(rules, m.First()).Rate(cat))
			}
		}
		exempt, err := exemptionsOf(ctx, tx, p.PersonID)
		if err != nil {
			return err
		}
		n, err := nextPayment(ctx, tx)
		if err != nil {
			return err
		}
		return tx.Track("dues_paid", "payment = ?", []any{n}, func(exec writepath.ExecFunc) error {
			for i, m := range p.Months {
				if e := coveringExemption(exempt, m); e != nil {
					c.Add("Months", "Tháng "+m.String(), "%s đã được miễn đoàn phí tháng %s (quyết định số %s)", dp.name, m, e.DecisionNumber)
					continue
				}
				var had int
				if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM dues_paid WHERE person_id = ? AND month = ?`, p.PersonID, m.Key()).Scan(&had); err != nil {
					return fmt.Errorf("đọc đoàn phí: %w", err)
				}
				if had > 0 {
					c.Add("Months", "Tháng "+m.String(), "%s đã đóng đoàn phí tháng %s", dp.name, m)
					continue
				}
				if _, err := exec(`INSERT INTO dues_paid(person_id, month, amount, date, payment, branch_id, note) VALUES (?,?,?,?,?,?,?)`,
					p.PersonID, m.Key(), p.Amounts[i], sqlDate(p.Date), n, nullIfZero(p.BranchID), p.Note); err != nil {
					return fmt.Errorf("ghi đoàn phí: %w", err)
				}
			}
			if err := c.Err(); err != nil {
				return err
			}
			p.ID = n
			return nil
		})
	})
}

// nextPayment is the number of a new payment.
func nextPayment(ctx context.Context, tx *writeTx) (int64, error) {
	var n int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(payment), 0) + 1 FROM dues_paid`).Scan(&n); err != nil {
		return 0, fmt.Errorf("đọc đoàn phí: %w", err)
	}
	return n, nil
}

// DeleteDuesPayment removes a payment entered by mistake, every month it
// covered.
func (s *Store) DeleteDuesPayment(ctx context.Context, payment int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		res, err := tx.Change("dues_paid", "payment = ?", []any{payment}, `DELETE FROM dues_paid WHERE payment = ?`, payment)
		if err != nil {
			return fmt.Errorf("xóa lần đóng đoàn phí: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrMsg("lần đóng đoàn phí số %d không có trong sổ", payment)
		}
		return nil
	})
}

// DuesPayments lists a person's payments, latest first, each with the
// months it covered.
func (s *Store) DuesPayments(ctx context.Context, personID int64) ([]domain.DuesPayment, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT payment, person_id, COALESCE(branch_id, 0), date, month, amount, note FROM dues_paid
		WHERE person_id = ? ORDER BY date DESC, payment DESC, month`, personID)
	if err != nil {
		return nil, fmt.Errorf("đọc đoàn phí: %w", err)
	}
	defer rows.Close()
	var out []domain.DuesPayment
	for rows.Next() {
		var p domain.DuesPayment
		var key string
		var amount int64
		if err := rows.Scan(&p.ID, &p.PersonID, &p.BranchID, (*sqlDate)(&p.Date), &key, &amount, &p.Note); err != nil {
			return nil, fmt.Errorf("đọc đoàn phí: %w", err)
		}
		m, err := domain.ParseMonthKey(key)
		if err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && out[n-1].ID == p.ID {
			out[n-1].Months = append(out[n-1].Months, m)
			out[n-1].Amounts = append(out[n-1].Amounts, amount)
			continue
		}
		p.Months, p.Amounts = []domain.Month{m}, []int64{amount}
		out = append(out, p)
	}
	return out, rows.Err()
}

// exemptionsOf lists a person's exemptions.
func exemptionsOf(ctx context.Context, q querier, personID int64) ([]domain.DuesExemption, error) {
	return readExemptions(ctx, q, `WHERE person_id = ?`, personID)
}

func readExemptions(ctx context.Context, q querier, where string, args ...any) ([]domain.DuesExemption, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, person_id, from_month, months, decision_number, decision_date, reason
		FROM dues_exemptions `+where+` ORDER BY from_month, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("đọc miễn đoàn phí: %w", err)
	}
	defer rows.Close()
	var out []domain.DuesExemption
	for rows.Next() {
		var e domain.DuesExemption
		var from string
		if err := rows.Scan(&e.ID, &e.PersonID, &from, &e.Months, &e.DecisionNumber, (*sqlDate)(&e.DecisionDate), &e.Reason); err != nil {
			return nil, fmt.Errorf("đọc miễn đoàn phí: %w", err)
		}
		if e.From, err = domain.ParseMonthKey(from); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func coveringExemption(list []domain.DuesExemption, m domain.Month) *domain.DuesExemption {
	for i := range list {
		if list[i].Covers(m) {
			return &list[i]
		}
	}
	return nil
}

// DuesExemptions lists the exemptions decided by cutoff (zero: all) that
// cover a month of year (0: every year), by month.
func (s *Store) DuesExemptions(ctx context.Context, year int, cutoff domain.Date) ([]domain.DuesExemption, error) {
	list, err := readExemptions(ctx, s.db, `WHERE (? IS NULL OR decision_date <= ?)`, sqlDate(cutoff), sqlDate(cutoff))
	if err != nil || year == 0 {
		return list, err
	}
	return slices.DeleteFunc(list, func(e domain.DuesExemption) bool { return e.From.Year > year || e.To().Year < year }), nil
}

// PersonExemptions lists a person's exemptions.
func (s *Store) PersonExemptions(ctx context.Context, personID int64) ([]domain.DuesExemption, error) {
	return exemptionsOf(ctx, s.db, personID)
}

// ExemptDues records an exemption decided by the ward's committee: at most
// the rules' months (6), not over months already paid or another
// exemption; refused with a Vietnamese message, and nothing written,
// otherwise.
func (s *Store) ExemptDues(ctx context.Context, e *domain.DuesExemption) error {
	return s.ExemptDuesAll(ctx, []*domain.DuesExemption{e})
}

// ExemptDuesAll records several exemptions in one transaction (a
// committee's decision for several members, the demo ward): all or none.
func (s *Store) ExemptDuesAll(ctx context.Context, list []*domain.DuesExemption) error {
	rules, err := s.DuesRulesList(ctx)
	if err != nil {
		return err
	}
	for _, e := range list {
		if err := domain.CheckDuesExemption(e, rulesAt(rules, e.DecisionDate).MaxExemptions).Err(); err != nil {
			return err
		}
	}
	return s.write(ctx, func(tx *writeTx) error {
		for _, e := range list {
			if err := exemptTx(ctx, tx, e); err != nil {
				return err
			}
		}
		return nil
	})
}

// exemptTx writes one exemption checked against the register.
func exemptTx(ctx context.Context, tx *writeTx, e *domain.DuesExemption) error {
	{
		dp, err := readDuesPerson(ctx, tx, e.PersonID)
		if err != nil {
			return err
		}
		c := &domain.Checker{}
		others, err := exemptionsOf(ctx, tx, e.PersonID)
		if err != nil {
			return err
		}
		for i := range e.Months {
			m := e.From.Add(i)
			if o := coveringExemption(others, m); o != nil && o.ID != e.ID {
				c.Add("From", "Tháng "+m.String(), "%s đã được miễn tháng %s theo quyết định số %s", dp.name, m, o.DecisionNumber)
				break
			}
		}
		var paid string
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(min(month), '') FROM dues_paid WHERE person_id = ? AND month >= ? AND month <= ?`,
			e.PersonID, e.From.Key(), e.To().Key()).Scan(&paid); err != nil {
			return fmt.Errorf("đọc đoàn phí: %w", err)
		}
		if paid != "" {
			m, _ := domain.ParseMonthKey(paid)
			c.Add("From", "Tháng "+m.String(), "%s đã đóng đoàn phí tháng %s: không miễn tháng đã đóng", dp.name, m)
		}
		if err := c.Err(); err != nil {
			return err
		}
		if e.ID == 0 {
			id, err := tx.Insert("dues_exemptions", `INSERT INTO dues_exemptions(person_id, from_month, months, decision_number, decision_date, reason)
				VALUES (?,?,?,?,?,?)`, e.PersonID, e.From.Key(), e.Months, e.DecisionNumber, sqlDate(e.DecisionDate), e.Reason)
			if err != nil {
				return fmt.Errorf("ghi miễn đoàn phí: %w", err)
			}
			e.ID = id
			return nil
		}
		if _, err := tx.Change("dues_exemptions", "id = ?", []any{e.ID}, `UPDATE dues_exemptions SET person_id=?, from_month=?, months=?,
			decision_number=?, decision_date=?, reason=? WHERE id=?`, e.PersonID, e.From.Key(), e.Months, e.DecisionNumber,
			sqlDate(e.DecisionDate), e.Reason, e.ID); err != nil {
			return fmt.Errorf("sửa miễn đoàn phí: %w", err)
		}
		return nil
	}
}

// DeleteDuesExemption removes an exemption entered by mistake.
func (s *Store) DeleteDuesExemption(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		res, err := tx.Change("dues_exemptions", "id = ?", []any{id}, `DELETE FROM dues_exemptions WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("xóa miễn đoàn phí: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrMsg("quyết định miễn mã %d không có trong sổ", id)
		}
		return nil
	})
}
