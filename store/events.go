package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sodoan/domain"
)

// AddEvent records a membership event after checking it against the
// person's history: only an active member can transfer out, come of age or
// be removed; coming of age only from the year the person turns 30; a
// transfer in only for someone not active here.
func (s *Store) AddEvent(ctx context.Context, e *domain.Event) error {
	e.Unit, e.Reason, e.Note, e.Card = domain.Clean(e.Unit), domain.Clean(e.Reason), domain.CleanLines(e.Note), domain.Clean(e.Card)
	if e.Kind != domain.EventTransferIn {
		e.Admitted, e.Card = domain.Date{}, ""
	}
	return s.write(ctx, func(tx *writeTx) error { return s.addEvent(ctx, tx, e) })
}

// addEvent records e in tx (see AddEvent): a decision records its events
// in its own transaction through it.
func (s *Store) addEvent(ctx context.Context, tx *writeTx, e *domain.Event) error {
	{
		var p domain.Person
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
			ORDER BY date DESC, id DESC LIMIT 1`, e.PersonID, sqlDate(e.Date)).Scan(&before)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
		}
		activeThen := before == string(domain.EventAdmission) || before == string(domain.EventTransferIn)
		c := domain.CheckEvent(e, &p, activeThen, before == "", s.Today())
		if err := c.Err(); err != nil {
			return err
		}
		if e.Kind == domain.EventTransferIn {
			if e.Admitted.IsZero() {
				e.Admitted = p.AdmissionDate // she was a member here before
			}
			if e.Card != "" {
				var other int64
				var holder string
				err := tx.QueryRowContext(ctx, cardHolderSQL, e.Card, e.PersonID).Scan(&other, &holder)
				if err == nil {
					c := &domain.Checker{}
					c.Add("Card", "Số thẻ đoàn viên", "%s đã cấp cho %s", e.Card, holder)
					return c.Err()
				} else if !errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("kiểm tra số thẻ: %w", err)
				}
			}
		}
		id, err := tx.Insert("membership_events", `INSERT INTO membership_events(person_id, kind, date, unit, reason, note, admitted, card, decision_id) VALUES (?,?,?,?,?,?,?,?,?)`,
			e.PersonID, string(e.Kind), sqlDate(e.Date), e.Unit, e.Reason, e.Note, sqlDate(e.Admitted), e.Card, nullIfZero(e.DecisionID))
		if err != nil {
			return fmt.Errorf("ghi %s: %w", e.Kind.Label(), err)
		}
		e.ID = id
		switch e.Kind {
		case domain.EventTransferIn:
			// Someone who transfers in is a Union member of this ward from
			// then, with the admission date and card she brings: the
			// transfer's date is never her Ngày vào Đoàn (she would count as
			// admitted in the year of the transfer).
			if _, err := tx.Change("people", "id = ?", []any{e.PersonID}, `UPDATE people SET union_member = 1,
				admission_date = ?, card_number = CASE WHEN ? = '' THEN card_number ELSE ? END WHERE id = ?`,
				sqlDate(e.Admitted), e.Card, e.Card, e.PersonID); err != nil {
				return fmt.Errorf("ghi chuyển đến: %w", err)
			}
		case domain.EventAdmission:
			// A re-admission keeps the first admission date (ngày vào Đoàn).
			if _, err := tx.Change("people", "id = ?", []any{e.PersonID}, `UPDATE people SET union_member = 1, admission_date = COALESCE(admission_date, ?) WHERE id = ?`, sqlDate(e.Date), e.PersonID); err != nil {
				return fmt.Errorf("ghi kết nạp: %w", err)
			}
		}
		// Leaving the ward's Union by a transfer or a removal ends her
		// membership of the ward's Hội the same day, when it is still
		// open; DeleteEvent reopens it.
		if reason, ok := domain.FederationEndOf(e.Kind); ok && p.FederationMember && p.FederationEnd.IsZero() &&
			!e.Date.Before(p.FederationDate) {
			if err := setFederationEnd(ctx, tx, e.PersonID, e.Date, reason); err != nil {
				return err
			}
		}
		return refreshStatus(ctx, tx, e.PersonID)
	}
}

// Events lists a person's membership events, oldest first.
func (s *Store) Events(ctx context.Context, personID int64) ([]domain.Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, person_id, kind, date, unit, reason, note, admitted, card, COALESCE(decision_id, 0) FROM membership_events
		WHERE person_id = ? ORDER BY date, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
	}
	defer rows.Close()
	var out []domain.Event
	for rows.Next() {
		var e domain.Event
		var kind string
		if err := rows.Scan(&e.ID, &e.PersonID, &kind, (*sqlDate)(&e.Date), &e.Unit, &e.Reason, &e.Note, (*sqlDate)(&e.Admitted), &e.Card, &e.DecisionID); err != nil {
			return nil, fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
		}
		e.Kind = domain.EventKind(kind)
		out = append(out, e)
	}
	return out, rows.Err()
}

// DeleteEvent removes an event entered by mistake; the status follows.
func (s *Store) DeleteEvent(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		var pid int64
		var kind string
		var date domain.Date
		var decision sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT e.person_id, e.kind, e.date, d.number || '-QĐ năm ' || d.year FROM membership_events e
			LEFT JOIN decisions d ON d.id = e.decision_id WHERE e.id = ?`, id).Scan(&pid, &kind, (*sqlDate)(&date), &decision)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("sự kiện %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("đọc sự kiện %d: %w", id, err)
		}
		if decision.Valid {
			// The decision and its events are one act: the event stays
			// while the decision is in the register.
			c := &domain.Checker{}
			c.Add("Event", "Sự kiện", "%s ngày %s ghi theo quyết định số %s: không xóa riêng sự kiện của một quyết định đã ban hành",
				domain.EventKind(kind).Label(), date, decision.String)
			return c.Err()
		}
		if _, err := tx.Change("membership_events", "id = ?", []any{id}, `DELETE FROM membership_events WHERE id = ?`, id); err != nil {
			return fmt.Errorf("xóa sự kiện %d: %w", id, err)
		}
		// The Hội end the event brought (same day, same reason) goes with it.
		if reason, ok := domain.FederationEndOf(domain.EventKind(kind)); ok {
			if _, err := tx.Change("people", "id = ?", []any{pid}, `UPDATE people SET federation_end = NULL, federation_end_reason = ''
				WHERE id = ? AND federation_end = ? AND federation_end_reason = ?`, pid, sqlDate(date), string(reason)); err != nil {
				return fmt.Errorf("mở lại hội viên: %w", err)
			}
		}
		return refreshStatus(ctx, tx, pid)
	})
}

// MemberYears lists a member's yearly records, latest first.
func (s *Store) MemberYears(ctx context.Context, personID int64) ([]domain.MemberYear, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT person_id, year, rating, training_registered, training_completed,
		party_introduced, party_admitted, rated FROM member_years WHERE person_id = ? ORDER BY year DESC`, personID)
	if err != nil {
		return nil, fmt.Errorf("đọc xếp loại: %w", err)
	}
	defer rows.Close()
	var out []domain.MemberYear
	for rows.Next() {
		var y domain.MemberYear
		var r string
		if err := rows.Scan(&y.PersonID, &y.Year, &r, &y.TrainingRegistered, &y.TrainingCompleted, (*sqlDate)(&y.PartyIntroduced), (*sqlDate)(&y.PartyAdmitted), (*sqlDate)(&y.Rated)); err != nil {
			return nil, fmt.Errorf("đọc xếp loại: %w", err)
		}
		y.Rating = domain.Rating(r)
		if err := s.undatedRating(ctx, &y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

// MemberYear reads one yearly record (an empty one when none is kept).
func (s *Store) MemberYear(ctx context.Context, personID int64, year int) (domain.MemberYear, error) {
	y := domain.MemberYear{PersonID: personID, Year: year}
	var r string
	err := s.db.QueryRowContext(ctx, `SELECT rating, training_registered, training_completed, party_introduced, party_admitted, rated
		FROM member_years WHERE person_id = ? AND year = ?`, personID, year).
		Scan(&r, &y.TrainingRegistered, &y.TrainingCompleted, (*sqlDate)(&y.PartyIntroduced), (*sqlDate)(&y.PartyAdmitted), (*sqlDate)(&y.Rated))
	if errors.Is(err, sql.ErrNoRows) {
		return y, nil
	}
	if err != nil {
		return y, fmt.Errorf("đọc xếp loại năm %d: %w", year, err)
	}
	y.Rating = domain.Rating(r)
	return y, s.undatedRating(ctx, &y)
}

// undatedRating gives a rating recorded with no day the last day of its
// year.
func (s *Store) undatedRating(ctx context.Context, y *domain.MemberYear) error {
	if y.Rating == "" || !y.Rated.IsZero() {
		return nil
	}
	end, err := s.yearEnd(ctx, y.Year)
	y.Rated = end
	return err
}

// ratingUpsertSQL writes a rating (?1 person, ?2 year, ?3 rating) with
// its day: an unchanged rating keeps its day (a branch rated at once
// dates only the ratings that changed), a changed one takes ?4, the day
// given, or else ?5, the year's last day; an empty one has none.
const ratingUpsertSQL = `rated = CASE WHEN excluded.rating = '' THEN NULL
	WHEN excluded.rating = member_years.rating AND member_years.rated IS NOT NULL THEN member_years.rated ELSE COALESCE(?4, ?5) END`

// SaveMemberYear writes a member's yearly record.
func (s *Store) SaveMemberYear(ctx context.Context, y domain.MemberYear) error {
	p, err := s.Person(ctx, y.PersonID)
	if err != nil {
		return err
	}
	c := domain.CheckMemberYear(&y, p.BirthDate, 0, s.Today())
	domain.CheckDecided(c, "Rated", "Ngày xếp loại", y.Year, y.Rated, s.Today())
	if err := c.Err(); err != nil {
		return err
	}
	end, err := s.yearEnd(ctx, y.Year)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error { return upsertMemberYear(ctx, tx, y, end) })
}

func upsertMemberYear(ctx context.Context, tx *writeTx, y domain.MemberYear, end domain.Date) error {
	_, err := tx.Change("member_years", "person_id = ? AND year = ?", []any{y.PersonID, y.Year}, `INSERT INTO member_years(person_id, year, rating, training_registered, training_completed, party_introduced, party_admitted, rated)
		VALUES (?1,?2,?3,?6,?7,?8,?9, CASE WHEN ?3 <> '' THEN COALESCE(?4, ?5) END) ON CONFLICT(person_id, year) DO UPDATE SET rating=excluded.rating,
		training_registered=excluded.training_registered, training_completed=excluded.training_completed,
		party_introduced=excluded.party_introduced, party_admitted=excluded.party_admitted, `+ratingUpsertSQL,
		y.PersonID, y.Year, string(y.Rating), sqlDate(y.Rated), end.ISO(), y.TrainingRegistered, y.TrainingCompleted, sqlDate(y.PartyIntroduced), sqlDate(y.PartyAdmitted))
	if err != nil {
		return fmt.Errorf("ghi năm %d của người %d: %w", y.Year, y.PersonID, err)
	}
	return nil
}

// SaveRatings writes the year-end rating of many members at once (a whole
// branch on one screen), in one transaction; an empty rating clears it.
func (s *Store) SaveRatings(ctx context.Context, year int, ratings map[int64]domain.Rating) error {
	return s.SaveRatingsOn(ctx, year, domain.Date{}, ratings)
}

// SaveRatingsOn is SaveRatings with the day the ratings were decided:
// the day of every rating that changed (zero: the year's last day); an
// unchanged one keeps its own.
func (s *Store) SaveRatingsOn(ctx context.Context, year int, on domain.Date, ratings map[int64]domain.Rating) error {
	c := domain.CheckRatings(year, ratings, s.Today())
	domain.CheckDecided(c, "Rated", "Ngày xếp loại", year, on, s.Today())
	if err := c.Err(); err != nil {
		return err
	}
	end, err := s.yearEnd(ctx, year)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		for id, r := range ratings {
			res, err := tx.Change("member_years", "person_id = ? AND year = ?", []any{id, year}, `INSERT INTO member_years(person_id, year, rating, rated)
				SELECT id, ?2, ?3, CASE WHEN ?3 <> '' THEN COALESCE(?4, ?5) END FROM people WHERE id = ?1
				ON CONFLICT(person_id, year) DO UPDATE SET rating = excluded.rating, `+ratingUpsertSQL, id, year, string(r), sqlDate(on), end.ISO())
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
func (s *Store) Positions(ctx context.Context, personID int64) ([]domain.Position, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, person_id, kind, COALESCE(branch_id, 0), start, end FROM positions
		WHERE person_id = ? ORDER BY end IS NOT NULL, `+positionOrderSQL+`, start DESC`, personID)
	if err != nil {
		return nil, fmt.Errorf("đọc chức vụ: %w", err)
	}
	defer rows.Close()
	var out []domain.Position
	for rows.Next() {
		var p domain.Position
		var kind string
		if err := rows.Scan(&p.ID, &p.PersonID, &kind, &p.BranchID, (*sqlDate)(&p.Start), (*sqlDate)(&p.End)); err != nil {
			return nil, fmt.Errorf("đọc chức vụ: %w", err)
		}
		p.Kind = domain.PositionKind(kind)
		out = append(out, p)
	}
	return out, rows.Err()
}

// SavePosition writes an office held by a person.
func (s *Store) SavePosition(ctx context.Context, p *domain.Position) error {
	c := domain.CheckPosition(p)
	if err := c.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		var holder domain.Person
		err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+personFrom+` WHERE p.id = ?`, p.PersonID), &holder)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("người có mã %d: %w", p.PersonID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("đọc người %d: %w", p.PersonID, err)
		}
		if err := domain.CheckOfficeHolder(p, &holder).Err(); err != nil {
			return err
		}
		if err := checkOverlap(ctx, tx, p); err != nil {
			return err
		}
		if p.ID == 0 {
			id, err := tx.Insert("positions", `INSERT INTO positions(person_id, kind, branch_id, start, end) VALUES (?,?,?,?,?)`,
				p.PersonID, string(p.Kind), nullIfZero(p.BranchID), sqlDate(p.Start), sqlDate(p.End))
			if err != nil {
				return fmt.Errorf("ghi chức vụ: %w", err)
			}
			p.ID = id
			return nil
		}
		_, err = tx.Change("positions", "id = ?", []any{p.ID}, `UPDATE positions SET kind=?, branch_id=?, start=?, end=? WHERE id=?`,
			string(p.Kind), nullIfZero(p.BranchID), sqlDate(p.Start), sqlDate(p.End), p.ID)
		if err != nil {
			return fmt.Errorf("sửa chức vụ: %w", err)
		}
		return nil
	})
}

// DeletePosition removes an office entered by mistake.
func (s *Store) DeletePosition(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		if _, err := tx.Change("positions", "id = ?", []any{id}, `DELETE FROM positions WHERE id = ?`, id); err != nil {
			return fmt.Errorf("xóa chức vụ: %w", err)
		}
		return nil
	})
}
