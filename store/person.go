package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sodoan/domain"
)

// statusSQL derives a person's status from the latest membership event:
// the register never stores a typed status.
func statusSQL(idExpr string) string {
	return `COALESCE((SELECT CASE e.kind
		WHEN 'transfer_out' THEN 'transferred'
		WHEN 'coming_of_age' THEN 'came_of_age'
		WHEN 'removal' THEN 'removed'
		ELSE 'active' END
		FROM membership_events e WHERE e.person_id = ` + idExpr + `
		ORDER BY e.date DESC, e.id DESC LIMIT 1), 'active')`
}

// positionOrder ranks offices so that a list shows the highest one.
const positionOrderSQL = `CASE kind WHEN 'secretary' THEN 1 WHEN 'deputy' THEN 2 WHEN 'standing' THEN 3
	WHEN 'executive' THEN 4 WHEN 'branch_secretary' THEN 5 WHEN 'branch_deputy' THEN 6 WHEN 'branch_executive' THEN 7 ELSE 9 END`

// personColumns are a person's columns as reads return them: the id, the
// catalog's fields, the end of her Hội membership, then the derived
// status, branch name and highest office.
var personColumns = personColumnsHeld(`po.end IS NULL`)

// personColumnsOn is personColumns with the highest office held on the
// day given twice as parameters (a list as of a date), instead of today's.
var personColumnsOn = personColumnsHeld(`po.start <= ? AND (po.end IS NULL OR po.end = '' OR po.end > ?)`)

func personColumnsHeld(held string) string {
	return `p.id, ` + fieldSelect + `, p.federation_end, p.federation_end_reason, p.status, COALESCE(b.name, ''),
	COALESCE((SELECT kind FROM positions po WHERE po.person_id = p.id AND ` + held + `
		ORDER BY ` + positionOrderSQL + ` LIMIT 1), '')`
}

const personFrom = ` FROM people p LEFT JOIN branches b ON b.id = p.branch_id`

type rowScanner interface{ Scan(...any) error }

func scanPerson(r rowScanner, p *domain.Person) error {
	var status, position, endReason string
	dests := append(append([]any{&p.ID}, fieldDests(p)...), (*sqlDate)(&p.FederationEnd), &endReason, &status, &p.BranchName, &position)
	if err := r.Scan(dests...); err != nil {
		return err
	}
	p.FederationEndReason = domain.FederationEndReason(endReason)
	p.Status = domain.Status(status)
	p.Position = ""
	if position != "" {
		p.Position = domain.PositionKind(position).Label()
	}
	return nil
}

// Person reads one person with the derived fields filled.
func (s *Store) Person(ctx context.Context, id int64) (domain.Person, error) {
	var p domain.Person
	err := scanPerson(s.db.QueryRowContext(ctx, `SELECT `+personColumns+personFrom+` WHERE p.id = ?`, id), &p)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("người có mã %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("đọc người %d: %w", id, err)
	}
	return p, nil
}

// SavePerson validates p and writes it: a new person when p.ID is 0 (p.ID
// is set), else an update. A new Union member gets an admission event on
// the admission date, from which the status derives.
func (s *Store) SavePerson(ctx context.Context, p *domain.Person) error {
	return s.savePeople(ctx, []*domain.Person{p}, false)
}

// AddPeople admits several new people in one transaction, as after an
// admission ceremony: either every row is written or none, and the
// validation error names the row (1-based) of each problem.
func (s *Store) AddPeople(ctx context.Context, people []*domain.Person) error {
	for _, p := range people {
		if p.ID != 0 {
			return fmt.Errorf("thêm hàng loạt: người %d đã có trong sổ", p.ID)
		}
	}
	return s.savePeople(ctx, people, true)
}

func (s *Store) savePeople(ctx context.Context, people []*domain.Person, numbered bool) error {
	if err := s.RefuseConsolidation(ctx, "ghi đoàn viên, hội viên"); err != nil {
		return err
	}
	today := s.Today()
	var all []domain.FieldError
	cards := map[string]int{}
	for i, p := range people {
		domain.CleanPerson(p)
		row := 0
		if numbered {
			row = i + 1
		}
		c := domain.ValidatePerson(p, row, today)
		if p.UnionMember && p.CardNumber != "" {
			if prev, dup := cards[p.CardNumber]; dup {
				c.Add("CardNumber", "Số thẻ đoàn viên", "%s trùng với dòng %d", p.CardNumber, prev)
			}
			cards[p.CardNumber] = row
		}
		all = append(all, c.Errs...)
	}
	if len(all) > 0 {
		return &domain.ValidationError{Errors: all}
	}
	keys := make([][]byte, len(people))
	for i, p := range people {
		keys[i] = s.nameKey(p.FamilyName, p.MiddleName, p.GivenName)
	}
	return s.write(ctx, func(tx *writeTx) error {
		var errs []domain.FieldError
		for i, p := range people {
			row := 0
			if numbered {
				row = i + 1
			}
			if p.UnionMember && p.CardNumber != "" {
				var other int64
				var name string
				err := tx.QueryRowContext(ctx, cardHolderSQL, p.CardNumber, p.ID).Scan(&other, &name)
				if err == nil {
					errs = append(errs, domain.FieldError{Row: row, Field: "CardNumber", Label: "Số thẻ đoàn viên",
						Msg: fmt.Sprintf("%s đã cấp cho %s", p.CardNumber, name)})
					continue
				} else if !errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("kiểm tra số thẻ: %w", err)
				}
			}
			if p.BranchID != 0 {
				var ok int
				if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM branches WHERE id = ?`, p.BranchID).Scan(&ok); err != nil {
					return fmt.Errorf("kiểm tra chi đoàn: %w", err)
				}
				if ok == 0 {
					errs = append(errs, domain.FieldError{Row: row, Field: "BranchID", Label: "Chi đoàn", Msg: "không có trong sổ"})
					continue
				}
			}
			if err := recordDated(ctx, tx, p, today); err != nil {
				return err
			}
			if err := writePerson(ctx, tx, p, keys[i]); err != nil {
				return err
			}
		}
		if len(errs) > 0 {
			return &domain.ValidationError{Errors: errs}
		}
		return nil
	})
}

// cardHolderSQL finds the other Union member holding a card number. Its
// WHERE clause repeats the predicate of the partial index people_card
// term for term: SQLite uses a partial index only when the query implies
// its predicate, and without the "not empty" term every check scanned the
// whole table (1,000 new members on a 100,000-member register took four
// minutes, holding the write lock).
const cardHolderSQL = `SELECT id, family_name || ' ' || CASE WHEN middle_name = '' THEN '' ELSE middle_name || ' ' END || given_name
	FROM people WHERE card_number = ? AND card_number IS NOT NULL AND card_number <> '' AND union_member = 1 AND id <> ?`

func nullIfZero(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func writePerson(ctx context.Context, tx *writeTx, p *domain.Person, key []byte) error {
	return writePersonAs(ctx, tx, p, key, true)
}

// writePersonAs is writePerson; admit false writes a new Union member
// without the admission event (she came by transfer: AddTransferIn).
func writePersonAs(ctx context.Context, tx *writeTx, p *domain.Person, key []byte, admit bool) error {
	args := append(fieldArgs(p), key)
	isNew := p.ID == 0
	if isNew {
		id, err := tx.Insert("people", `INSERT INTO people(`+strings.Join(fieldColumns, ", ")+`, sort_key)
			VALUES (`+strings.Repeat("?,", len(fieldColumns))+`?)`, args...)
		if err != nil {
			return fmt.Errorf("ghi %s: %w", p.FullName(), err)
		}
		p.ID = id
		if admit && p.UnionMember && !p.AdmissionDate.IsZero() {
			if _, err := tx.Insert("membership_events", `INSERT INTO membership_events(person_id, kind, date) VALUES (?, 'admission', ?)`,
				p.ID, sqlDate(p.AdmissionDate)); err != nil {
				return fmt.Errorf("ghi kết nạp %s: %w", p.FullName(), err)
			}
		}
	} else {
		res, err := tx.Change("people", "id = ?", []any{p.ID}, `UPDATE people SET `+strings.Join(fieldColumns, "=?, ")+`=?, sort_key=?,
			updated_at=strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id=?`, append(args, p.ID)...)
		if err != nil {
			return fmt.Errorf("sửa %s: %w", p.FullName(), err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("sửa người %d: %w", p.ID, ErrNotFound)
		}
		if err := checkOfficesOf(ctx, tx, p); err != nil {
			return err
		}
		if p.UnionMember && !p.AdmissionDate.IsZero() {
			if err := syncAdmission(ctx, tx, p); err != nil {
				return err
			}
		}
		if err := tx.Derived(`DELETE FROM people_fts WHERE rowid = ?`, p.ID); err != nil {
			return fmt.Errorf("cập nhật chỉ mục tìm kiếm: %w", err)
		}
	}
	if err := indexPerson(ctx, tx, p); err != nil {
		return err
	}
	return refreshStatus(ctx, tx, p.ID)
}

// syncAdmission keeps the person's first admission event on the admission
// date the form shows. Someone who came by transfer was admitted
// elsewhere: no admission event is made up for them (it would count as a
// new member of this ward). A person with no event yet, made a Union
// member by this edit, gets the admission event.
func syncAdmission(ctx context.Context, tx *writeTx, p *domain.Person) error {
	var first sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT min(date) FROM membership_events WHERE person_id = ? AND kind <> 'admission'`, p.ID).Scan(&first); err != nil {
		return fmt.Errorf("đọc quá trình sinh hoạt: %w", err)
	}
	if first.Valid && first.String < p.AdmissionDate.ISO() {
		d, _ := domain.ParseDate(first.String)
		return &domain.ValidationError{Errors: []domain.FieldError{{Field: "AdmissionDate", Label: "Ngày vào Đoàn",
			Msg: fmt.Sprintf("%s sau sự kiện sinh hoạt ngày %s của người này", p.AdmissionDate, d)}}}
	}
	var admission int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM membership_events WHERE person_id = ? AND kind = 'admission' ORDER BY date, id LIMIT 1`, p.ID).Scan(&admission)
	if err == nil {
		if _, err := tx.Change("membership_events", "id = ?", []any{admission}, `UPDATE membership_events SET date = ? WHERE id = ?`, sqlDate(p.AdmissionDate), admission); err != nil {
			return fmt.Errorf("sửa ngày kết nạp: %w", err)
		}
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("đọc ngày kết nạp: %w", err)
	}
	if first.Valid {
		// She came by transfer: the admission date she brought is her
		// first transfer in's, corrected with it.
		if _, err := tx.Change("membership_events", "person_id = ? AND kind = 'transfer_in'", []any{p.ID},
			`UPDATE membership_events SET admitted = ?1 WHERE person_id = ?2 AND kind = 'transfer_in'
				AND date = (SELECT min(date) FROM membership_events WHERE person_id = ?2 AND kind = 'transfer_in')
				AND (admitted IS NULL OR admitted <> ?1)`, sqlDate(p.AdmissionDate), p.ID); err != nil {
			return fmt.Errorf("sửa ngày vào Đoàn gốc: %w", err)
		}
		return nil
	}
	if _, err := tx.Insert("membership_events", `INSERT INTO membership_events(person_id, kind, date) VALUES (?, 'admission', ?)`, p.ID, sqlDate(p.AdmissionDate)); err != nil {
		return fmt.Errorf("ghi kết nạp: %w", err)
	}
	return nil
}

// searchText is what the search index holds for a person: the folded full
// name, and the numbers people look members up by.
func searchText(p *domain.Person) (name, ids string) {
	return domain.Fold(p.FullName()), strings.TrimSpace(p.CardNumber + " " + p.CitizenID + " " + p.Phone)
}

// searchColumn is the people.search text: every word preceded by a space,
// so that "starts a word" is instr(search, ' ' || word).
func searchColumn(name, ids string) string { return " " + name + " " + ids }

func indexPerson(ctx context.Context, tx *writeTx, p *domain.Person) error {
	name, ids := searchText(p)
	ids = domain.Fold(ids)
	if err := tx.Derived(`INSERT INTO people_fts(rowid, name, ids) VALUES (?, ?, ?)`, p.ID, name, ids); err != nil {
		return fmt.Errorf("ghi chỉ mục tìm kiếm: %w", err)
	}
	if err := tx.Derived(`UPDATE people SET search = ? WHERE id = ?`, searchColumn(name, ids), p.ID); err != nil {
		return fmt.Errorf("ghi chỉ mục tìm kiếm: %w", err)
	}
	return nil
}

func refreshStatus(ctx context.Context, tx *writeTx, id int64) error {
	if err := tx.Derived(`UPDATE people SET status = `+statusSQL("people.id")+` WHERE id = ?`, id); err != nil {
		return fmt.Errorf("cập nhật trạng thái: %w", err)
	}
	return nil
}

// checkOfficesOf refuses an edit that leaves one of the person's offices
// before her admission or before she was 16 (a later admission date, a
// birth date corrected): the rule SavePosition enforces.
func checkOfficesOf(ctx context.Context, tx *writeTx, p *domain.Person) error {
	rows, err := tx.QueryContext(ctx, `SELECT kind, start FROM positions WHERE person_id = ? AND start IS NOT NULL ORDER BY start`, p.ID)
	if err != nil {
		return fmt.Errorf("đọc chức vụ: %w", err)
	}
	defer rows.Close()
	var offices []domain.Position
	for rows.Next() {
		var pos domain.Position
		var kind string
		if err := rows.Scan(&kind, (*sqlDate)(&pos.Start)); err != nil {
			return fmt.Errorf("đọc chức vụ: %w", err)
		}
		pos.Kind = domain.PositionKind(kind)
		offices = append(offices, pos)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("đọc chức vụ: %w", err)
	}
	return domain.CheckHolderOffices(p, offices).Err()
}
