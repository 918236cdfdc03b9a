package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// Remittances up the levels (trích nộp), the quarter summary and the
// branches' cash books. Each level keeps 2/3 of what it receives and
// passes 1/3 up, the third computed on each remittance's sum and rounded
// to the đồng (domain.DuesRules.Split); a branch's kept share enters its
// cash book with the remittance.

// DuesRemitBase is what a level received for a period by the cut-off,
// the sum its remittance passes a share of: for a branch and a month, the
// dues it collected that month; for the ward and a quarter, what its
// branches passed up for the quarter's months.
func (s *Store) DuesRemitBase(ctx context.Context, level domain.RemitLevel, branchID int64, year, period int, cutoff domain.Date) (int64, error) {
	return remitBase(ctx, s.db, level, branchID, year, period, s.cutoffOr(cutoff))
}

func remitBase(ctx context.Context, q rowQuerier, level domain.RemitLevel, branchID int64, year, period int, cutoff domain.Date) (int64, error) {
	var sum int64
	var err error
	switch level {
	case domain.RemitBranch:
		m := domain.Month{Year: year, Month: period}
		err = q.QueryRowContext(ctx, `SELECT COALESCE(sum(amount), 0) FROM dues_paid WHERE branch_id = ? AND date >= ? AND date <= ? AND date <= ?`,
			branchID, sqlDate(m.First()), sqlDate(m.Last()), sqlDate(cutoff)).Scan(&sum)
	case domain.RemitWard:
		ms := domain.QuarterMonths(year, period)
		err = q.QueryRowContext(ctx, `SELECT COALESCE(sum(up), 0) FROM dues_remittances WHERE level = 'branch' AND year = ? AND period >= ? AND period <= ? AND date <= ?`,
			year, ms[0].Month, ms[2].Month, sqlDate(cutoff)).Scan(&sum)
	default:
		return 0, domain.ErrMsg("cấp nộp %q không có trong danh mục", level)
	}
	if err != nil {
		return 0, fmt.Errorf("đọc đoàn phí: %w", err)
	}
	return sum, nil
}

// RemitDues records a remittance. Sum 0 takes DuesRemitBase on the
// remittance's day; the share passed up and the share kept follow the
// rules in force that day. A branch's kept share enters its cash book.
func (s *Store) RemitDues(ctx context.Context, r *domain.DuesRemittance) error {
	return s.RemitDuesAll(ctx, []*domain.DuesRemittance{r})
}

// RemitDuesAll records remittances in one transaction, in order (a
// ward's remittance counts the branches' recorded before it): all or
// none. A remittance with nothing to pass up is refused.
func (s *Store) RemitDuesAll(ctx context.Context, list []*domain.DuesRemittance) error {
	for _, r := range list {
		if err := domain.CheckDuesRemittance(r).Err(); err != nil {
			return err
		}
		if r.Level == domain.RemitBranch {
			if _, err := s.Branch(ctx, r.BranchID); err != nil {
				return err
			}
		}
	}
	rules, err := s.DuesRulesList(ctx)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		for _, r := range list {
			if err := remitTx(ctx, tx, r, rulesAt(rules, r.Date)); err != nil {
				return err
			}
		}
		return nil
	})
}

// remitTx writes one remittance and its cash book line.
func remitTx(ctx context.Context, tx *writeTx, r *domain.DuesRemittance, rules domain.DuesRules) error {
	if r.Sum == 0 {
		base, err := remitBase(ctx, tx, r.Level, r.BranchID, r.Year, r.Period, r.Date)
		if err != nil {
			return err
		}
		r.Sum = base
	}
	if r.Sum == 0 {
		return domain.ErrMsg("%s chưa thu được đoàn phí nào để trích nộp", r.PeriodLabel())
	}
	r.Up, r.Kept = rules.Split(r.Sum)
	branch := any(nil)
	if r.Level == domain.RemitBranch {
		branch = r.BranchID
	}
	if r.ID == 0 {
		id, err := tx.Insert("dues_remittances", `INSERT INTO dues_remittances(level, branch_id, year, period, date, sum, up, kept, paid_by, received_by, note)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`, string(r.Level), branch, r.Year, r.Period, sqlDate(r.Date), r.Sum, r.Up, r.Kept, r.PaidBy, r.ReceivedBy, r.Note)
		if err != nil {
			return fmt.Errorf("ghi trích nộp đoàn phí: %w", err)
		}
		r.ID = id
	} else {
		if _, err := tx.Change("dues_remittances", "id = ?", []any{r.ID}, `UPDATE dues_remittances SET level=?, branch_id=?, year=?, period=?, date=?,
			sum=?, up=?, kept=?, paid_by=?, received_by=?, note=? WHERE id=?`, string(r.Level), branch, r.Year, r.Period, sqlDate(r.Date),
			r.Sum, r.Up, r.Kept, r.PaidBy, r.ReceivedBy, r.Note, r.ID); err != nil {
			return fmt.Errorf("sửa trích nộp đoàn phí: %w", err)
		}
		if _, err := tx.Change("cash_entries", "remittance_id = ?", []any{r.ID}, `DELETE FROM cash_entries WHERE remittance_id = ?`, r.ID); err != nil {
			return fmt.Errorf("sửa sổ thu, chi: %w", err)
		}
	}
	if r.Level != domain.RemitBranch {
		return nil
	}
	_, kept := rules.ShareLabel()
	_, err := tx.Insert("cash_entries", `INSERT INTO cash_entries(branch_id, date, content, receipt, remittance_id) VALUES (?,?,?,?,?)`,
		r.BranchID, sqlDate(r.Date), fmt.Sprintf("Đoàn phí giữ lại %s %s (thu %s đ, nộp lên %s đ)", kept, r.PeriodLabel(),
			domain.Money(r.Sum), domain.Money(r.Up)), r.Kept, r.ID)
	if err != nil {
		return fmt.Errorf("ghi sổ thu, chi: %w", err)
	}
	return nil
}

// DeleteDuesRemittance removes a remittance entered by mistake, and the
// kept share it entered in the cash book.
func (s *Store) DeleteDuesRemittance(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		if _, err := tx.Change("cash_entries", "remittance_id = ?", []any{id}, `DELETE FROM cash_entries WHERE remittance_id = ?`, id); err != nil {
			return fmt.Errorf("xóa sổ thu, chi: %w", err)
		}
		res, err := tx.Change("dues_remittances", "id = ?", []any{id}, `DELETE FROM dues_remittances WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("xóa trích nộp đoàn phí: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrMsg("lần trích nộp mã %d không có trong sổ", id)
		}
		return nil
	})
}

// DuesRemittances lists the remittances of year (0: all) dated by the
// cut-off (zero: all), by date.
func (s *Store) DuesRemittances(ctx context.Context, year int, cutoff domain.Date) ([]domain.DuesRemittance, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.level, COALESCE(r.branch_id, 0), COALESCE(b.name, ''), r.year, r.period, r.date, r.sum, r.up, r.kept,
		r.paid_by, r.received_by, r.note FROM dues_remittances r LEFT JOIN branches b ON b.id = r.branch_id
		WHERE (?1 = 0 OR r.year = ?1) AND (?2 IS NULL OR r.date <= ?2) ORDER BY r.date, r.id`, year, sqlDate(cutoff))
	if err != nil {
		return nil, fmt.Errorf("đọc trích nộp đoàn phí: %w", err)
	}
	defer rows.Close()
	var out []domain.DuesRemittance
	for rows.Next() {
		var r domain.DuesRemittance
		var level string
		if err := rows.Scan(&r.ID, &level, &r.BranchID, &r.BranchName, &r.Year, &r.Period, (*sqlDate)(&r.Date), &r.Sum, &r.Up, &r.Kept,
			&r.PaidBy, &r.ReceivedBy, &r.Note); err != nil {
			return nil, fmt.Errorf("đọc trích nộp đoàn phí: %w", err)
		}
		r.Level = domain.RemitLevel(level)
		out = append(out, r)
	}
	return out, rows.Err()
}

// DuesSummary is the quarter's summary (Bảng tổng hợp thu, nộp đoàn phí):
// a row per branch with members or dues, and the total. Owed is by the
// months (each member's owed months at their rates, by category), exempt
// the owed sum exempted; Collected is the money collected in the quarter
// (months paid ahead included: what the branch remits); Kept and Up are
// the branch's remittances for the quarter's months, dated by the
// cut-off.
func (s *Store) DuesSummary(ctx context.Context, year, quarter int, cutoff domain.Date) (domain.DuesSummary, error) {
	if quarter < 1 || quarter > 4 {
		return domain.DuesSummary{}, domain.ErrMsg("quý phải từ 1 đến 4, không phải %d", quarter)
	}
	cutoff = s.cutoffOr(cutoff)
	months := domain.QuarterMonths(year, quarter)
	end := months[2].Last()
	if end.After(cutoff) {
		end = cutoff
	}
	out := domain.DuesSummary{Year: year, Quarter: quarter, Cutoff: cutoff}
	var err error
	if out.Rules, err = s.DuesRulesAt(ctx, end); err != nil {
		return out, err
	}
	branches, err := s.Branches(ctx, true)
	if err != nil {
		return out, err
	}
	for _, b := range branches {
		rows, err := s.sheet(ctx, branchPeople(b.ID), months[:], cutoff)
		if err != nil {
			return out, err
		}
		r := domain.DuesSummaryRow{BranchID: b.ID, BranchName: b.Name}
		endCell := int(domain.MonthOf(end).Index() - months[0].Index())
		for _, row := range rows {
			if endCell >= 0 && endCell < 3 && row.Cells[endCell].Owed {
				r.Members++
			}
			for _, c := range row.Cells {
				if !c.Owed {
					continue
				}
				// Each month by the category in force that month.
				switch c.Category {
				case domain.DuesNoWage:
					r.OwedNoWage += c.Rate
				case domain.DuesAbroad:
					r.OwedAbroad += c.Rate
				default:
					r.OwedWage += c.Rate
				}
				if c.Exempt {
					r.Exempt += c.Rate
				}
			}
		}
		r.Due = r.OwedWage + r.OwedNoWage + r.OwedAbroad - r.Exempt
		if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(sum(amount), 0) FROM dues_paid WHERE branch_id = ? AND date >= ? AND date <= ?`,
			b.ID, sqlDate(months[0].First()), sqlDate(end)).Scan(&r.Collected); err != nil {
			return out, fmt.Errorf("đọc đoàn phí: %w", err)
		}
		var last *string
		if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(sum(kept), 0), COALESCE(sum(up), 0), max(date) FROM dues_remittances
			WHERE level = 'branch' AND branch_id = ? AND year = ? AND period >= ? AND period <= ? AND date <= ?`,
			b.ID, year, months[0].Month, months[2].Month, sqlDate(cutoff)).Scan(&r.Kept, &r.Up, &last); err != nil {
			return out, fmt.Errorf("đọc trích nộp đoàn phí: %w", err)
		}
		if last != nil {
			r.Remitted, _ = domain.ParseDate(*last)
		}
		if b.Dissolved.IsZero() || r.Members > 0 || r.Collected > 0 || r.Up > 0 || len(rows) > 0 {
			out.Rows = append(out.Rows, r)
		}
	}
	t := &out.Total
	t.BranchName = "Tổng cộng"
	for _, r := range out.Rows {
		t.Members += r.Members
		t.OwedWage += r.OwedWage
		t.OwedNoWage += r.OwedNoWage
		t.OwedAbroad += r.OwedAbroad
		t.Exempt += r.Exempt
		t.Due += r.Due
		t.Collected += r.Collected
		t.Kept += r.Kept
		t.Up += r.Up
		if t.Remitted.Before(r.Remitted) {
			t.Remitted = r.Remitted
		}
	}
	all, err := s.DuesRemittances(ctx, year, cutoff)
	if err != nil {
		return out, err
	}
	for i := range all {
		if all[i].Level == domain.RemitWard && all[i].Period == quarter {
			w := all[i]
			out.WardRemit = &w
		}
	}
	return out, nil
}

// CashBook is a branch's cash book (sổ theo dõi thu, chi) from one day to
// another (to: the cut-off): the balance brought forward, the lines with
// the balance after each, the totals.
func (s *Store) CashBook(ctx context.Context, branchID int64, from, to domain.Date) (domain.CashBook, error) {
	to = s.cutoffOr(to)
	b, err := s.Branch(ctx, branchID)
	if err != nil {
		return domain.CashBook{}, err
	}
	out := domain.CashBook{BranchID: b.ID, BranchName: b.Name, From: from, To: to}
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(sum(receipt) - sum(spending), 0) FROM cash_entries WHERE branch_id = ? AND date < ?`,
		branchID, sqlDate(from)).Scan(&out.Opening); err != nil {
		return out, fmt.Errorf("đọc sổ thu, chi: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, branch_id, date, content, receipt, spending, COALESCE(remittance_id, 0) FROM cash_entries
		WHERE branch_id = ? AND date >= ? AND date <= ? ORDER BY date, id`, branchID, sqlDate(from), sqlDate(to))
	if err != nil {
		return out, fmt.Errorf("đọc sổ thu, chi: %w", err)
	}
	defer rows.Close()
	bal := out.Opening
	for rows.Next() {
		var e domain.CashEntry
		if err := rows.Scan(&e.ID, &e.BranchID, (*sqlDate)(&e.Date), &e.Content, &e.Receipt, &e.Spending, &e.RemittanceID); err != nil {
			return out, fmt.Errorf("đọc sổ thu, chi: %w", err)
		}
		bal += e.Receipt - e.Spending
		e.Balance = bal
		out.Receipts += e.Receipt
		out.Spending += e.Spending
		out.Entries = append(out.Entries, e)
	}
	out.Closing = bal
	return out, rows.Err()
}

// SaveCashEntry writes a line typed by hand (a new one when its ID is 0).
// The dues kept by a remittance change only with the remittance.
func (s *Store) SaveCashEntry(ctx context.Context, e *domain.CashEntry) error {
	if err := domain.CheckCashEntry(e).Err(); err != nil {
		return err
	}
	if _, err := s.Branch(ctx, e.BranchID); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		if e.ID == 0 {
			id, err := tx.Insert("cash_entries", `INSERT INTO cash_entries(branch_id, date, content, receipt, spending) VALUES (?,?,?,?,?)`,
				e.BranchID, sqlDate(e.Date), e.Content, e.Receipt, e.Spending)
			if err != nil {
				return fmt.Errorf("ghi sổ thu, chi: %w", err)
			}
			e.ID = id
			return nil
		}
		var rid int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(remittance_id, 0) FROM cash_entries WHERE id = ?`, e.ID).Scan(&rid); err != nil {
			return fmt.Errorf("đọc sổ thu, chi: %w", err)
		}
		if rid != 0 {
			return domain.ErrMsg("dòng đoàn phí giữ lại do lần trích nộp ghi: sửa lần trích nộp, không sửa dòng này")
		}
		if _, err := tx.Change("cash_entries", "id = ?", []any{e.ID}, `UPDATE cash_entries SET branch_id=?, date=?, content=?, receipt=?, spending=? WHERE id=?`,
			e.BranchID, sqlDate(e.Date), e.Content, e.Receipt, e.Spending, e.ID); err != nil {
			return fmt.Errorf("sửa sổ thu, chi: %w", err)
		}
		return nil
	})
}

// DeleteCashEntry removes a line typed by hand.
func (s *Store) DeleteCashEntry(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		res, err := tx.Change("cash_entries", "id = ? AND remittance_id IS NULL", []any{id}, `DELETE FROM cash_entries WHERE id = ? AND remittance_id IS NULL`, id)
		if err != nil {
			return fmt.Errorf("xóa sổ thu, chi: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrMsg("dòng mã %d không có trong sổ, hoặc là đoàn phí giữ lại do lần trích nộp ghi", id)
		}
		return nil
	})
}
