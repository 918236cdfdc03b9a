package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// AddEvent records a membership event after checking it against the
// person's history: only an active member can transfer out, come of age or
// be removed; coming of age only from the year the person turns 30; a
// transfer in only for someone not active here.
func (s *Store) AddEvent(ctx context.Context, e *Event) error {
	e.Unit, e.Reason, e.Note = Clean(e.Unit), Clean(e.Reason), CleanLines(e.Note)
	return s.write(ctx, func(tx *writeTx) error {
		var p Person
		err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+personFrom+` WHERE p.id = ?`, e.PersonID), &p)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("người có mã %d: %w", e.PersonID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("đọc người %d: %w", e.PersonID, err)
		}
		// The status on the event's date is what the rules are about: the
		// latest earlier event decides it.
		var before string
		err = tx.QueryRowContext(ctx, `SELECT kind FROM membership_events WHERE person_id = ? AND date <= ?
			ORDER BY date DESC, id DESC LIMIT 1`, e.PersonID, e.Date).Scan(&before)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
		}
		activeThen := before == string(EventAdmission) || before == string(EventTransferIn)
		c := checkEvent(e, &p, activeThen, before == "", Today())
		if err := c.err(); err != nil {
			return err
		}
		id, err := tx.insert("membership_events", `INSERT INTO membership_events(person_id, kind, date, unit, reason, note) VALUES (?,?,?,?,?,?)`,
			e.PersonID, string(e.Kind), e.Date, e.Unit, e.Reason, e.Note)
		if err != nil {
			return fmt.Errorf("ghi %s: %w", e.Kind.Label(), err)
		}
		e.ID = id
		switch e.Kind {
		case EventTransferIn:
			// Someone who transfers in is a Union member of this ward from then.
			if _, err := tx.exec("people", "id = ?", []any{e.PersonID}, `UPDATE people SET union_member = 1,
				admission_date = COALESCE(admission_date, ?) WHERE id = ?`, e.Date, e.PersonID); err != nil {
				return fmt.Errorf("ghi chuyển đến: %w", err)
			}
		case EventAdmission:
			// A re-admission keeps the first admission date (ngày vào Đoàn).
			if _, err := tx.exec("people", "id = ?", []any{e.PersonID}, `UPDATE people SET union_member = 1, admission_date = COALESCE(admission_date, ?) WHERE id = ?`, e.Date, e.PersonID); err != nil {
				return fmt.Errorf("ghi kết nạp: %w", err)
			}
		}
		return refreshStatus(ctx, tx, e.PersonID)
	})
}

func checkEvent(e *Event, p *Person, activeThen, noHistory bool, today Date) *checker {
	c := &checker{}
	c.text("Unit", "Đơn vị", e.Unit, ruleLine)
	c.text("Reason", "Lý do", e.Reason, ruleAddress)
	c.text("Note", "Ghi chú", e.Note, ruleNote)
	if !validCode(EventKinds, string(e.Kind)) {
		c.add("Kind", "Loại", "%q không có trong danh mục", e.Kind)
		return c
	}
	if e.Date.IsZero() {
		c.add("Date", "Ngày", "không được để trống")
		return c
	}
	if e.Date.After(today) {
		c.add("Date", "Ngày", "%s ở tương lai", e.Date)
	}
	if !p.BirthDate.IsZero() && e.Date.Before(p.BirthDate) {
		c.add("Date", "Ngày", "%s trước ngày sinh %s", e.Date, p.BirthDate)
	}
	name := p.FullName()
	switch e.Kind {
	case EventAdmission:
		if activeThen {
			c.add("Kind", "Loại", "%s đang sinh hoạt, không kết nạp lại", name)
		}
		if !p.BirthDate.IsZero() && p.BirthDate.AgeOn(e.Date) < 15 {
			c.add("Date", "Ngày", "khi kết nạp %s mới %d tuổi; phải từ đủ 15 tuổi", name, p.BirthDate.AgeOn(e.Date))
		}
	case EventTransferIn:
		if activeThen {
			c.add("Kind", "Loại", "%s đang sinh hoạt tại đơn vị, không thể chuyển đến", name)
		}
		if e.Unit == "" {
			c.add("Unit", "Chuyển từ đơn vị", "không được để trống")
		}
	case EventTransferOut:
		if !activeThen {
			c.add("Kind", "Loại", "%s không đang sinh hoạt nên không thể chuyển đi", name)
		}
		if e.Unit == "" {
			c.add("Unit", "Chuyển đến đơn vị", "không được để trống")
		}
	case EventComingOfAge:
		if !activeThen {
			c.add("Kind", "Loại", "%s không đang sinh hoạt", name)
		}
		if p.BirthDate.IsZero() {
			c.add("Date", "Ngày", "cần ngày sinh của %s để xét trưởng thành", name)
		} else if e.Date.Year() < p.BirthDate.Year()+30 {
			c.add("Date", "Ngày", "%s tròn 30 tuổi vào năm %d; chỉ trưởng thành Đoàn từ năm đó", name, p.BirthDate.Year()+30)
		}
	case EventRemoval:
		if !activeThen {
			c.add("Kind", "Loại", "%s không đang sinh hoạt", name)
		}
		if e.Reason == "" {
			c.add("Reason", "Lý do", "không được để trống")
		}
	}
	_ = noHistory
	return c
}

// Events lists a person's membership events, oldest first.
func (s *Store) Events(ctx context.Context, personID int64) ([]Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, person_id, kind, date, unit, reason, note FROM membership_events
		WHERE person_id = ? ORDER BY date, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var kind string
		if err := rows.Scan(&e.ID, &e.PersonID, &kind, &e.Date, &e.Unit, &e.Reason, &e.Note); err != nil {
			return nil, fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
		}
		e.Kind = EventKind(kind)
		out = append(out, e)
	}
	return out, rows.Err()
}

// DeleteEvent removes an event entered by mistake; the status follows.
func (s *Store) DeleteEvent(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		var pid int64
		err := tx.QueryRowContext(ctx, `SELECT person_id FROM membership_events WHERE id = ?`, id).Scan(&pid)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("sự kiện %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("đọc sự kiện %d: %w", id, err)
		}
		if _, err := tx.exec("membership_events", "id = ?", []any{id}, `DELETE FROM membership_events WHERE id = ?`, id); err != nil {
			return fmt.Errorf("xóa sự kiện %d: %w", id, err)
		}
		return refreshStatus(ctx, tx, pid)
	})
}

// MemberYears lists a member's yearly records, latest first.
func (s *Store) MemberYears(ctx context.Context, personID int64) ([]MemberYear, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT person_id, year, rating, training_registered, training_completed,
		party_introduced, party_admitted FROM member_years WHERE person_id = ? ORDER BY year DESC`, personID)
	if err != nil {
		return nil, fmt.Errorf("đọc xếp loại: %w", err)
	}
	defer rows.Close()
	var out []MemberYear
	for rows.Next() {
		var y MemberYear
		var r string
		if err := rows.Scan(&y.PersonID, &y.Year, &r, &y.TrainingRegistered, &y.TrainingCompleted, &y.PartyIntroduced, &y.PartyAdmitted); err != nil {
			return nil, fmt.Errorf("đọc xếp loại: %w", err)
		}
		y.Rating = Rating(r)
		out = append(out, y)
	}
	return out, rows.Err()
}

// MemberYear reads one yearly record (an empty one when none is kept).
func (s *Store) MemberYear(ctx context.Context, personID int64, year int) (MemberYear, error) {
	y := MemberYear{PersonID: personID, Year: year}
	var r string
	err := s.db.QueryRowContext(ctx, `SELECT rating, training_registered, training_completed, party_introduced, party_admitted
		FROM member_years WHERE person_id = ? AND year = ?`, personID, year).
		Scan(&r, &y.TrainingRegistered, &y.TrainingCompleted, &y.PartyIntroduced, &y.PartyAdmitted)
	if errors.Is(err, sql.ErrNoRows) {
		return y, nil
	}
	if err != nil {
		return y, fmt.Errorf("đọc xếp loại năm %d: %w", year, err)
	}
	y.Rating = Rating(r)
	return y, nil
}

func checkMemberYear(y *MemberYear, birth Date, row int, today Date) *checker {
	c := &checker{row: row}
	if y.Year < 1950 || y.Year > today.Year()+1 {
		c.add("Year", "Năm", "%d không hợp lệ", y.Year)
	}
	if y.Rating != "" && !validCode(Ratings, string(y.Rating)) {
		c.add("Rating", "Xếp loại", "%q không có trong danh mục", y.Rating)
	}
	if y.TrainingCompleted && !y.TrainingRegistered {
		c.add("TrainingCompleted", "Hoàn thành chương trình rèn luyện", "chưa đăng ký chương trình")
	}
	for _, d := range []struct {
		d            Date
		field, label string
	}{{y.PartyIntroduced, "PartyIntroduced", "Ngày giới thiệu cho Đảng"}, {y.PartyAdmitted, "PartyAdmitted", "Ngày vào Đảng"}} {
		if d.d.IsZero() {
			continue
		}
		if d.d.After(today) {
			c.add(d.field, d.label, "%s ở tương lai", d.d)
		} else if !birth.IsZero() && d.d.Before(birth) {
			c.add(d.field, d.label, "%s trước ngày sinh", d.d)
		}
	}
	if !y.PartyAdmitted.IsZero() && !y.PartyIntroduced.IsZero() && y.PartyAdmitted.Before(y.PartyIntroduced) {
		c.add("PartyAdmitted", "Ngày vào Đảng", "trước ngày giới thiệu %s", y.PartyIntroduced)
	}
	return c
}

// SaveMemberYear writes a member's yearly record.
func (s *Store) SaveMemberYear(ctx context.Context, y MemberYear) error {
	p, err := s.Person(ctx, y.PersonID)
	if err != nil {
		return err
	}
	if err := checkMemberYear(&y, p.BirthDate, 0, Today()).err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error { return upsertMemberYear(ctx, tx, y) })
}

func upsertMemberYear(ctx context.Context, tx *writeTx, y MemberYear) error {
	_, err := tx.exec("member_years", "person_id = ? AND year = ?", []any{y.PersonID, y.Year}, `INSERT INTO member_years(person_id, year, rating, training_registered, training_completed, party_introduced, party_admitted)
		VALUES (?,?,?,?,?,?,?) ON CONFLICT(person_id, year) DO UPDATE SET rating=excluded.rating,
		training_registered=excluded.training_registered, training_completed=excluded.training_completed,
		party_introduced=excluded.party_introduced, party_admitted=excluded.party_admitted`,
		y.PersonID, y.Year, string(y.Rating), y.TrainingRegistered, y.TrainingCompleted, y.PartyIntroduced, y.PartyAdmitted)
	if err != nil {
		return fmt.Errorf("ghi năm %d của người %d: %w", y.Year, y.PersonID, err)
	}
	return nil
}

// SaveRatings writes the year-end rating of many members at once (a whole
// branch on one screen), in one transaction; an empty rating clears it.
func (s *Store) SaveRatings(ctx context.Context, year int, ratings map[int64]Rating) error {
	c := &checker{}
	if year < 1950 || year > Today().Year()+1 {
		c.add("Year", "Năm", "%d không hợp lệ", year)
	}
	for id, r := range ratings {
		if r != "" && !validCode(Ratings, string(r)) {
			c.add("Rating", "Xếp loại", "người %d: %q không có trong danh mục", id, r)
		}
	}
	if err := c.err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		for id, r := range ratings {
			res, err := tx.exec("member_years", "person_id = ? AND year = ?", []any{id, year}, `INSERT INTO member_years(person_id, year, rating) SELECT id, ?, ? FROM people WHERE id = ?
				ON CONFLICT(person_id, year) DO UPDATE SET rating = excluded.rating`, year, string(r), id)
			if err != nil {
				return fmt.Errorf("ghi xếp loại người %d: %w", id, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("xếp loại người %d: %w", id, ErrNotFound)
			}
		}
		return nil
	})
}

// Positions lists a person's Union offices, current first.
func (s *Store) Positions(ctx context.Context, personID int64) ([]Position, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, person_id, kind, COALESCE(branch_id, 0), start, end FROM positions
		WHERE person_id = ? ORDER BY end IS NOT NULL, `+positionOrderSQL+`, start DESC`, personID)
	if err != nil {
		return nil, fmt.Errorf("đọc chức vụ: %w", err)
	}
	defer rows.Close()
	var out []Position
	for rows.Next() {
		var p Position
		var kind string
		if err := rows.Scan(&p.ID, &p.PersonID, &kind, &p.BranchID, &p.Start, &p.End); err != nil {
			return nil, fmt.Errorf("đọc chức vụ: %w", err)
		}
		p.Kind = PositionKind(kind)
		out = append(out, p)
	}
	return out, rows.Err()
}

// SavePosition writes an office held by a person.
func (s *Store) SavePosition(ctx context.Context, p *Position) error {
	c := &checker{}
	if !validCode(Positions, string(p.Kind)) {
		c.add("Kind", "Chức vụ", "%q không có trong danh mục", p.Kind)
	}
	if p.Start.IsZero() {
		c.add("Start", "Từ ngày", "không được để trống")
	}
	if !p.End.IsZero() && p.End.Before(p.Start) {
		c.add("End", "Đến ngày", "%s trước ngày bắt đầu %s", p.End, p.Start)
	}
	if err := c.err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		if p.ID == 0 {
			id, err := tx.insert("positions", `INSERT INTO positions(person_id, kind, branch_id, start, end) VALUES (?,?,?,?,?)`,
				p.PersonID, string(p.Kind), nullIfZero(p.BranchID), p.Start, p.End)
			if err != nil {
				return fmt.Errorf("ghi chức vụ: %w", err)
			}
			p.ID = id
			return nil
		}
		_, err := tx.exec("positions", "id = ?", []any{p.ID}, `UPDATE positions SET kind=?, branch_id=?, start=?, end=? WHERE id=?`,
			string(p.Kind), nullIfZero(p.BranchID), p.Start, p.End, p.ID)
		if err != nil {
			return fmt.Errorf("sửa chức vụ: %w", err)
		}
		return nil
	})
}

// DeletePosition removes an office entered by mistake.
func (s *Store) DeletePosition(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		if _, err := tx.exec("positions", "id = ?", []any{id}, `DELETE FROM positions WHERE id = ?`, id); err != nil {
			return fmt.Errorf("xóa chức vụ: %w", err)
		}
		return nil
	})
}
