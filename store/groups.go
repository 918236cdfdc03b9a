package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"sodoan/domain"
	"sodoan/store/internal/writepath"
)

// Clubs and cooperative groups share their membership shape: people of the
// register or named outsiders.

func readGroupMembers(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, table, fk string, id int64) ([]domain.GroupMember, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.id, COALESCE(m.person_id, 0),
		CASE WHEN m.person_id IS NULL THEN m.name
		ELSE p.family_name || ' ' || CASE WHEN p.middle_name = '' THEN '' ELSE p.middle_name || ' ' END || p.given_name END,
		m.role
		FROM `+table+` m LEFT JOIN people p ON p.id = m.person_id WHERE m.`+fk+` = ?
		ORDER BY m.id`, id)
	if err != nil {
		return nil, fmt.Errorf("đọc thành viên: %w", err)
	}
	defer rows.Close()
	var out []domain.GroupMember
	for rows.Next() {
		var m domain.GroupMember
		if err := rows.Scan(&m.ID, &m.PersonID, &m.Name, &m.Role); err != nil {
			return nil, fmt.Errorf("đọc thành viên: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// sortGroupMembers puts people of the register and outsiders together in
// Vietnamese name order (tên, tên đệm, họ): SQL cannot compare an
// outsider's typed name with a person's collation key.
func (s *Store) sortGroupMembers(ms []domain.GroupMember) {
	keys := make(map[int64][]byte, len(ms))
	for _, m := range ms {
		f, mid, g := domain.SplitFullName(m.Name)
		keys[m.ID] = s.nameKey(f, mid, g)
	}
	slices.SortStableFunc(ms, func(a, b domain.GroupMember) int { return bytes.Compare(keys[a.ID], keys[b.ID]) })
}

// writeGroupMembers makes the member rows of group id those of ms: rows
// read earlier keep their ID (so that history shows a changed role as a
// change, not as a member leaving and coming back), new ones are added and
// the others removed.
func writeGroupMembers(ctx context.Context, tx *writeTx, table, fk string, id int64, ms []domain.GroupMember) error {
	return tx.Track(table, fk+" = ?", []any{id}, func(exec writepath.ExecFunc) error {
		keep := make([]any, 0, len(ms)+1)
		keep = append(keep, id)
		for _, m := range ms {
			if m.ID != 0 {
				keep = append(keep, m.ID)
			}
		}
		if _, err := exec(`DELETE FROM `+table+` WHERE `+fk+` = ? AND id NOT IN (SELECT value FROM json_each(?))`, id, jsonIDs(keep[1:])); err != nil {
			return fmt.Errorf("ghi thành viên: %w", err)
		}
		for _, m := range ms {
			name := m.Name
			if m.PersonID != 0 {
				name = ""
			}
			if m.ID != 0 {
				res, err := exec(`UPDATE `+table+` SET person_id = ?, name = ?, role = ? WHERE id = ? AND `+fk+` = ?`,
					nullIfZero(m.PersonID), name, m.Role, m.ID, id)
				if err != nil {
					return fmt.Errorf("ghi thành viên %s: %w", m.Name, err)
				}
				if n, _ := res.RowsAffected(); n > 0 {
					continue
				}
			}
			if _, err := exec(`INSERT INTO `+table+`(`+fk+`, person_id, name, role) VALUES (?,?,?,?)`,
				id, nullIfZero(m.PersonID), name, m.Role); err != nil {
				return fmt.Errorf("ghi thành viên %s: %w", m.Name, err)
			}
		}
		return nil
	})
}

// jsonIDs is a JSON array of ids, for json_each.
func jsonIDs(ids []any) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// Clubs lists the clubs with their members, active ones first.
func (s *Store) Clubs(ctx context.Context) ([]domain.Club, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, kind, founded, leader, active, note FROM clubs ORDER BY active DESC, name`)
	if err != nil {
		return nil, fmt.Errorf("đọc câu lạc bộ: %w", err)
	}
	var out []domain.Club
	for rows.Next() {
		var c domain.Club
		var kind string
		if err := rows.Scan(&c.ID, &c.Name, &kind, (*sqlDate)(&c.Founded), &c.Leader, &c.Active, &c.Note); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc câu lạc bộ: %w", err)
		}
		c.Kind = domain.ClubKind(kind)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Members, err = readGroupMembers(ctx, s.db, "club_members", "club_id", out[i].ID); err != nil {
			return nil, err
		}
		s.sortGroupMembers(out[i].Members)
	}
	return out, nil
}

// Club reads one club with its members.
func (s *Store) Club(ctx context.Context, id int64) (domain.Club, error) {
	var c domain.Club
	var kind string
	err := s.db.QueryRowContext(ctx, `SELECT id, name, kind, founded, leader, active, note FROM clubs WHERE id = ?`, id).
		Scan(&c.ID, &c.Name, &kind, (*sqlDate)(&c.Founded), &c.Leader, &c.Active, &c.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("câu lạc bộ %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("đọc câu lạc bộ: %w", err)
	}
	c.Kind = domain.ClubKind(kind)
	c.Members, err = readGroupMembers(ctx, s.db, "club_members", "club_id", id)
	s.sortGroupMembers(c.Members)
	return c, err
}

// SaveClub validates and writes a club and its member list, in one
// transaction.
func (s *Store) SaveClub(ctx context.Context, c *domain.Club) error {
	ch := domain.CheckClub(c, s.Today())
	if err := ch.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		if c.ID == 0 {
			id, err := tx.Insert("clubs", `INSERT INTO clubs(name, kind, founded, leader, active, note) VALUES (?,?,?,?,?,?)`,
				c.Name, string(c.Kind), sqlDate(c.Founded), c.Leader, c.Active, c.Note)
			if err != nil {
				return fmt.Errorf("ghi câu lạc bộ: %w", err)
			}
			c.ID = id
		} else if err := tx.updateGroup("clubs", c.ID, c.Active, `UPDATE clubs SET name=?, kind=?, founded=?, leader=?, active=?, note=? WHERE id=?`,
			c.Name, string(c.Kind), sqlDate(c.Founded), c.Leader, c.Active, c.Note, c.ID); err != nil {
			return fmt.Errorf("sửa câu lạc bộ: %w", err)
		}
		return writeGroupMembers(ctx, tx, "club_members", "club_id", c.ID, c.Members)
	})
}

// updateGroup runs stmt, the update of club or cooperative group id in
// table (clubs or coops), recorded as one change. When it closes the
// group, the day it closed is the register's clock's: the schema's
// trigger stamps it with SQLite's own today whenever active changes (and
// clears it on reopening, which needs no clock), so the day is written
// again here, in the same change.
func (w *writeTx) updateGroup(table string, id int64, active bool, stmt string, args ...any) error {
	return w.Track(table, "id = ?", []any{id}, func(exec writepath.ExecFunc) error {
		var was bool
		if err := w.QueryRowContext(w.ctx, `SELECT active FROM `+table+` WHERE id = ?`, id).Scan(&was); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("đọc %s: %w", table, err)
		}
		if _, err := exec(stmt, args...); err != nil {
			return err
		}
		if !was || active {
			return nil
		}
		_, err := exec(`UPDATE `+table+` SET closed = ? WHERE id = ?`, sqlDate(domain.DateOf(w.Now())), id)
		return err
	})
}

const coopColumns = `id, name, field, founded, contract_date, legal_basis, capital, active, note`

func scanCoop(r rowScanner) (domain.Coop, error) {
	var c domain.Coop
	err := r.Scan(&c.ID, &c.Name, &c.Field, (*sqlDate)(&c.Founded), (*sqlDate)(&c.ContractDate), &c.LegalBasis, &c.Capital, &c.Active, &c.Note)
	return c, err
}

// Coops lists the cooperative groups with their members, active ones first.
func (s *Store) Coops(ctx context.Context) ([]domain.Coop, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+coopColumns+` FROM coops ORDER BY active DESC, name`)
	if err != nil {
		return nil, fmt.Errorf("đọc tổ hợp tác: %w", err)
	}
	var out []domain.Coop
	for rows.Next() {
		c, err := scanCoop(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc tổ hợp tác: %w", err)
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Members, err = readGroupMembers(ctx, s.db, "coop_members", "coop_id", out[i].ID); err != nil {
			return nil, err
		}
		s.sortGroupMembers(out[i].Members)
	}
	return out, nil
}

// Coop reads one cooperative group with its members.
func (s *Store) Coop(ctx context.Context, id int64) (domain.Coop, error) {
	c, err := scanCoop(s.db.QueryRowContext(ctx, `SELECT `+coopColumns+` FROM coops WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("tổ hợp tác %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("đọc tổ hợp tác: %w", err)
	}
	c.Members, err = readGroupMembers(ctx, s.db, "coop_members", "coop_id", id)
	s.sortGroupMembers(c.Members)
	return c, err
}

// SaveCoop validates and writes a cooperative group and its members.
func (s *Store) SaveCoop(ctx context.Context, c *domain.Coop) error {
	ch := domain.CheckCoop(c, s.Today())
	if err := ch.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		if c.ID == 0 {
			id, err := tx.Insert("coops", `INSERT INTO coops(name, field, founded, contract_date, legal_basis, capital, active, note) VALUES (?,?,?,?,?,?,?,?)`,
				c.Name, c.Field, sqlDate(c.Founded), sqlDate(c.ContractDate), c.LegalBasis, c.Capital, c.Active, c.Note)
			if err != nil {
				return fmt.Errorf("ghi tổ hợp tác: %w", err)
			}
			c.ID = id
		} else if err := tx.updateGroup("coops", c.ID, c.Active, `UPDATE coops SET name=?, field=?, founded=?, contract_date=?, legal_basis=?, capital=?, active=?, note=? WHERE id=?`,
			c.Name, c.Field, sqlDate(c.Founded), sqlDate(c.ContractDate), c.LegalBasis, c.Capital, c.Active, c.Note, c.ID); err != nil {
			return fmt.Errorf("sửa tổ hợp tác: %w", err)
		}
		return writeGroupMembers(ctx, tx, "coop_members", "coop_id", c.ID, c.Members)
	})
}

// CoopYear reads a group's results for a year (zero values when none),
// with the day they were reported.
func (s *Store) CoopYear(ctx context.Context, coopID int64, year int) (domain.CoopYear, error) {
	y := domain.CoopYear{CoopID: coopID, Year: year}
	end, err := s.yearEnd(ctx, year)
	if err != nil {
		return y, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT revenue, avg_income, support, supported_model, COALESCE(reported, ?) FROM coop_years WHERE coop_id = ? AND year = ?`, end.ISO(), coopID, year).
		Scan(&y.Revenue, &y.AvgIncome, &y.Support, &y.SupportedModel, (*sqlDate)(&y.Reported))
	if errors.Is(err, sql.ErrNoRows) {
		return y, nil
	}
	if err != nil {
		return y, fmt.Errorf("đọc kết quả tổ hợp tác: %w", err)
	}
	return y, nil
}

// CoopYears lists the results every group recorded for a year.
func (s *Store) CoopYears(ctx context.Context, year int) ([]domain.CoopYear, error) {
	if err := domain.CheckYear(year); err != nil {
		return nil, err
	}
	end, err := s.yearEnd(ctx, year)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT coop_id, year, revenue, avg_income, support, supported_model, COALESCE(reported, ?)
		FROM coop_years WHERE year = ? ORDER BY coop_id`, end.ISO(), year)
	if err != nil {
		return nil, fmt.Errorf("đọc kết quả tổ hợp tác: %w", err)
	}
	defer rows.Close()
	var out []domain.CoopYear
	for rows.Next() {
		var y domain.CoopYear
		if err := rows.Scan(&y.CoopID, &y.Year, &y.Revenue, &y.AvgIncome, &y.Support, &y.SupportedModel, (*sqlDate)(&y.Reported)); err != nil {
			return nil, fmt.Errorf("đọc kết quả tổ hợp tác: %w", err)
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

// SaveCoopYear records a group's results for a year as reported on
// y.Reported (see settleDecided): a report of its own beside those of
// other days, read by the documents cut off on or after it.
func (s *Store) SaveCoopYear(ctx context.Context, y domain.CoopYear) error {
	c := domain.CheckCoopYear(&y)
	domain.CheckDecided(c, "Reported", "Ngày báo cáo", y.Year, y.Reported, s.Today())
	if err := c.Err(); err != nil {
		return err
	}
	old, err := s.CoopYear(ctx, y.CoopID, y.Year)
	if err != nil {
		return err
	}
	end, err := s.yearEnd(ctx, y.Year)
	if err != nil {
		return err
	}
	changed := old.Revenue != y.Revenue || old.AvgIncome != y.AvgIncome || old.Support != y.Support || old.SupportedModel != y.SupportedModel
	y.Reported = settleDecided(y.Reported, changed, old.Reported, end)
	err = s.write(ctx, func(tx *writeTx) error {
		// One report a day: results reported on a new day are a new
		// report beside the earlier ones (the 30/06 figures stay for the
		// 6-month report); on the same day, a correction of that report.
		if _, err := tx.Change("coop_reports", "coop_id = ? AND year = ? AND date = ?", []any{y.CoopID, y.Year, y.Reported.ISO()},
			`INSERT INTO coop_reports(coop_id, year, date, revenue, avg_income, support, supported_model) VALUES (?,?,?,?,?,?,?)
			ON CONFLICT(coop_id, year, date) DO UPDATE SET revenue=excluded.revenue, avg_income=excluded.avg_income,
			support=excluded.support, supported_model=excluded.supported_model`,
			y.CoopID, y.Year, y.Reported.ISO(), y.Revenue, y.AvgIncome, y.Support, y.SupportedModel); err != nil {
			return err
		}
		// coop_years holds the year's latest report, whatever order the
		// reports were entered in.
		latest := domain.CoopYear{CoopID: y.CoopID, Year: y.Year}
		if err := tx.QueryRowContext(ctx, `SELECT revenue, avg_income, support, supported_model, date FROM coop_reports
			WHERE coop_id = ? AND year = ? ORDER BY date DESC LIMIT 1`, y.CoopID, y.Year).
			Scan(&latest.Revenue, &latest.AvgIncome, &latest.Support, &latest.SupportedModel, (*sqlDate)(&latest.Reported)); err != nil {
			return err
		}
		_, err := tx.Change("coop_years", "coop_id = ? AND year = ?", []any{y.CoopID, y.Year}, `INSERT INTO coop_years(coop_id, year, revenue, avg_income, support, supported_model, reported) VALUES (?,?,?,?,?,?,?)
		ON CONFLICT(coop_id, year) DO UPDATE SET revenue=excluded.revenue, avg_income=excluded.avg_income,
		support=excluded.support, supported_model=excluded.supported_model, reported=excluded.reported`,
			latest.CoopID, latest.Year, latest.Revenue, latest.AvgIncome, latest.Support, latest.SupportedModel, sqlDate(latest.Reported))
		return err
	})
	if err != nil {
		return fmt.Errorf("ghi kết quả tổ hợp tác: %w", err)
	}
	return nil
}

// WardYear reads the yearly ward figures and report texts (zero when
// none), everything recorded: the rating and the latest count of new
// Party members, with their days.
func (s *Store) WardYear(ctx context.Context, year int) (domain.WardYear, error) {
	return s.WardYearAt(ctx, year, domain.Date{})
}

// SaveWardYear validates and writes the yearly ward figures.
func (s *Store) SaveWardYear(ctx context.Context, w domain.WardYear) error {
	c := domain.CheckWardYear(&w, s.Today())
	domain.CheckDecided(c, "Rated", "Ngày xếp loại", w.Year, w.Rated, s.Today())
	domain.CheckDecided(c, "PartyCounted", "Ngày tính số đảng viên mới", w.Year, w.PartyCounted, s.Today())
	if err := s.checkResidentYouth(ctx, c, w); err != nil {
		return err
	}
	if err := c.Err(); err != nil {
		return err
	}
	old, err := s.WardYear(ctx, w.Year)
	if err != nil {
		return err
	}
	end, err := s.yearEnd(ctx, w.Year)
	if err != nil {
		return err
	}
	w.Rated = settleDecided(w.Rated, w.Rating != old.Rating, old.Rated, end)
	if w.Rating == "" {
		w.Rated = domain.Date{}
	}
	// A count is recorded when it changed or is given a day of its own:
	// the counts of earlier days stay, for the documents cut off then.
	countIt := w.NewPartyMembers != old.NewPartyMembers || (!w.PartyCounted.IsZero() && w.PartyCounted != old.PartyCounted)
	w.PartyCounted = settleDecided(w.PartyCounted, w.NewPartyMembers != old.NewPartyMembers, old.PartyCounted, end)
	err = s.write(ctx, func(tx *writeTx) error {
		_, err := tx.Change("ward_years", "year = ?", []any{w.Year}, `INSERT INTO ward_years(year, resident_youth, new_party_members, rating, rated, achievements, shortcomings, next_steps)
		VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(year) DO UPDATE SET resident_youth=excluded.resident_youth,
		new_party_members=excluded.new_party_members, rating=excluded.rating, rated=excluded.rated, achievements=excluded.achievements,
		shortcomings=excluded.shortcomings, next_steps=excluded.next_steps`,
			w.Year, w.ResidentYouth, w.NewPartyMembers, w.Rating, sqlDate(w.Rated), w.Achievements, w.Shortcomings, w.NextSteps)
		if err != nil {
			return err
		}
		// The annual report's texts kept here are dated like the others.
		texts := domain.Narrative{"strengths": w.Achievements, "shortcomings": w.Shortcomings, "directions": w.NextSteps}
		if err := s.keepNarrativeVersions(ctx, tx, domain.NarrativeAnnual, w.Year, texts, s.Today()); err != nil {
			return err
		}
		if !countIt {
			return nil
		}
		_, err = tx.Change("party_counts", "year = ? AND date = ?", []any{w.Year, w.PartyCounted.ISO()}, `INSERT INTO party_counts(year, date, count) VALUES (?,?,?)
		ON CONFLICT(year, date) DO UPDATE SET count = excluded.count`, w.Year, w.PartyCounted.ISO(), w.NewPartyMembers)
		return err
	})
	if err != nil {
		return fmt.Errorf("ghi số liệu năm %d: %w", w.Year, err)
	}
	return nil
}
