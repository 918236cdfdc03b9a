package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sodoan/domain"
)

// Residence activity (issue 20): the members a branch introduced to take
// part where they reside and the members of other units it received
// (domain.Residence). Each record is dated; every read takes a cut-off, so
// that a document never shows a record begun, ended or given its letter
// after its day.

// The residence table joins the register's maps here, in one place (as
// the dues tables do): its key and labels for history, its history kind,
// and how it goes to the recycle bin: with its person; and when its branch
// goes, it stays and loses the link, which comes back on restore.
func init() {
	tableKeys["residence_records"] = []string{"id"}
	tableLabels["residence_records"] = "Sinh hoạt nơi cư trú"
	for c, l := range map[string]string{
		"residence_records.kind": "Giới thiệu đi hay tiếp nhận đến", "residence_records.place": "Nơi cư trú / đơn vị giới thiệu",
		"residence_records.address": "Địa chỉ cư trú", "residence_records.from_date": "Từ ngày", "residence_records.to_date": "Đến ngày",
		"letter_number": "Số giấy giới thiệu", "letter_date": "Ngày giấy giới thiệu",
		"residence_records.family_name": "Họ", "residence_records.middle_name": "Tên đệm", "residence_records.given_name": "Tên",
		"residence_records.gender": "Giới tính", "residence_records.birth_date": "Ngày sinh",
	} {
		columnLabels[c] = l
	}
	historyKindTables["membership"] = append(historyKindTables["membership"], "residence_records")
	choiceColumns["residence_records.kind"] = domain.ResidenceKinds
	choiceColumns["residence_records.gender"] = domain.Genders
	p := trashSpecs[domain.TrashPerson]
	p.children = append(p.children, trashLinkSpec{"residence_records", "person_id"})
	trashSpecs[domain.TrashPerson] = p
	b := trashSpecs[domain.TrashBranch]
	b.links = append(b.links, trashLinkSpec{"residence_records", "branch_id"})
	trashSpecs[domain.TrashBranch] = b
	restoreRefs["residence_records"] = []restoreRef{{"branch_id", "branches", true}}
}

// ResidenceFilter picks residence records.
type ResidenceFilter struct {
	BranchID int64 // 0: every branch
	PersonID int64 // 0: everyone
	Kind     domain.ResidenceKind
	// From and To bound the records kept: those going on at some day of
	// [From, To] (zero: no bound).
	From, To domain.Date
	// Cutoff is the day the records are read as of (zero: all that is
	// known): later records are left out, later ends and letters unknown.
	Cutoff domain.Date
}

const residenceColumns = `r.id, r.kind, COALESCE(r.branch_id, 0), COALESCE(r.person_id, 0),
	COALESCE(p.family_name, r.family_name), COALESCE(p.middle_name, r.middle_name), COALESCE(p.given_name, r.given_name),
	COALESCE(p.gender, r.gender), COALESCE(p.birth_date, r.birth_date), r.place, r.address, r.from_date, r.to_date,
	r.letter_number, r.letter_date, r.note, COALESCE(b.name, '')`

// Residences lists residence records, oldest first (then by id): a linked
// person's names come from the register.
func (s *Store) Residences(ctx context.Context, f ResidenceFilter) ([]domain.Residence, error) {
	var where []string
	var args []any
	if f.BranchID != 0 {
		where, args = append(where, "r.branch_id = ?"), append(args, f.BranchID)
	}
	if f.PersonID != 0 {
		where, args = append(where, "r.person_id = ?"), append(args, f.PersonID)
	}
	if f.Kind != "" {
		where, args = append(where, "r.kind = ?"), append(args, string(f.Kind))
	}
	if !f.To.IsZero() {
		where, args = append(where, "r.from_date <= ?"), append(args, sqlDate(f.To))
	}
	if !f.Cutoff.IsZero() {
		where, args = append(where, "r.from_date <= ?"), append(args, sqlDate(f.Cutoff))
	}
	if !f.From.IsZero() {
		// Ended before From: not in the span. An end the cut-off does not
		// know yet counts as no end.
		cond := "(r.to_date IS NULL OR r.to_date >= ?"
		args = append(args, sqlDate(f.From))
		if !f.Cutoff.IsZero() {
			cond += " OR r.to_date > ?"
			args = append(args, sqlDate(f.Cutoff))
		}
		where = append(where, cond+")")
	}
	q := `SELECT ` + residenceColumns + ` FROM residence_records r
		LEFT JOIN people p ON p.id = r.person_id LEFT JOIN branches b ON b.id = r.branch_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY r.from_date, r.id"
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("đọc sinh hoạt nơi cư trú: %w", err)
	}
	defer rows.Close()
	var out []domain.Residence
	for rows.Next() {
		r, err := scanResidence(rows)
		if err != nil {
			return nil, err
		}
		if r, ok := r.AsOf(f.Cutoff); ok {
			out = append(out, r)
		}
	}
	return out, rows.Err()
}

type scanner interface{ Scan(dest ...any) error }

func scanResidence(row scanner) (domain.Residence, error) {
	var r domain.Residence
	var kind, gender string
	if err := row.Scan(&r.ID, &kind, &r.BranchID, &r.PersonID, &r.FamilyName, &r.MiddleName, &r.GivenName, &gender,
		(*sqlDate)(&r.BirthDate), &r.Place, &r.Address, (*sqlDate)(&r.From), (*sqlDate)(&r.To), &r.LetterNumber,
		(*sqlDate)(&r.LetterDate), &r.Note, &r.BranchName); err != nil {
		return r, fmt.Errorf("đọc sinh hoạt nơi cư trú: %w", err)
	}
	r.Kind, r.Gender = domain.ResidenceKind(kind), domain.Gender(gender)
	return r, nil
}

// BranchResidences are a branch's records of one direction going on at
// some day of [from, to], as known on to (the book's year, read at its
// end).
func (s *Store) BranchResidences(ctx context.Context, branchID int64, kind domain.ResidenceKind, from, to domain.Date) ([]domain.Residence, error) {
	return s.Residences(ctx, ResidenceFilter{BranchID: branchID, Kind: kind, From: from, To: to, Cutoff: to})
}

// OpenResidences are the records going on on day d (as known on d).
func (s *Store) OpenResidences(ctx context.Context, branchID int64, d domain.Date) ([]domain.Residence, error) {
	return s.Residences(ctx, ResidenceFilter{BranchID: branchID, From: d, To: d, Cutoff: d})
}

// PersonResidences are a person's records, as known today.
func (s *Store) PersonResidences(ctx context.Context, personID int64) ([]domain.Residence, error) {
	return s.Residences(ctx, ResidenceFilter{PersonID: personID})
}

// ResidenceByID reads one record as known today.
func (s *Store) ResidenceByID(ctx context.Context, id int64) (domain.Residence, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+residenceColumns+` FROM residence_records r
		LEFT JOIN people p ON p.id = r.person_id LEFT JOIN branches b ON b.id = r.branch_id WHERE r.id = ?`, id)
	r, err := scanResidence(row)
	if errors.Is(err, sql.ErrNoRows) {
		c := &domain.Checker{}
		c.Add("ID", "Sinh hoạt nơi cư trú", "mã %d không có trong sổ", id)
		return r, c.Err()
	}
	return r, err
}

// SaveResidence records a residence record (a new one when its ID is 0).
// An "out" record without a branch takes the member's. Refused, with
// nothing written: a record that breaks domain.CheckResidence, a member
// who is not one of the register's Union members, a received person who
// is an active member here (they take part in their own branch), a branch
// that does not exist, a span that meets another record of the person.
func (s *Store) SaveResidence(ctx context.Context, r *domain.Residence) error {
	if r.Kind == domain.ResidenceOut && r.PersonID != 0 && r.BranchID == 0 {
		p, err := s.Person(ctx, r.PersonID)
		switch {
		case errors.Is(err, ErrNotFound):
			// Said of the person, not as a branch not chosen (the
			// branch was to be hers).
			c := &domain.Checker{}
			c.Add("PersonID", "Người", "mã %d không có trong sổ", r.PersonID)
			return c.Err()
		case err != nil:
			return fmt.Errorf("đọc người: %w", err)
		}
		r.BranchID = p.BranchID
	}
	if err := domain.CheckResidence(r, s.Today()).Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		c := &domain.Checker{}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM branches WHERE id = ?`, r.BranchID).Scan(&n); err != nil {
			return fmt.Errorf("đọc chi đoàn: %w", err)
		}
		if n == 0 {
			c.Add("BranchID", "Chi đoàn", "mã %d không có trong sổ", r.BranchID)
		}
		if r.PersonID != 0 {
			var union bool
			var status string
			err := tx.QueryRowContext(ctx, `SELECT union_member, status FROM people WHERE id = ?`, r.PersonID).Scan(&union, &status)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				c.Add("PersonID", "Người", "mã %d không có trong sổ", r.PersonID)
			case err != nil:
				return fmt.Errorf("đọc người: %w", err)
			case r.Kind == domain.ResidenceOut && !union:
				c.Add("PersonID", "Đoàn viên", "người mã %d không phải đoàn viên của sổ: người của đơn vị khác ghi là tiếp nhận đến", r.PersonID)
			case r.Kind == domain.ResidenceIn && union && domain.Status(status) == domain.StatusActive:
				c.Add("PersonID", "Người", "người mã %d đang sinh hoạt tại phường: không tiếp nhận như đoàn viên đơn vị khác", r.PersonID)
			}
			if len(c.Errs) == 0 {
				others, err := tx.residencesOf(r.PersonID)
				if err != nil {
					return err
				}
				c.Errs = append(c.Errs, domain.CheckResidenceOverlap(r, others).Errs...)
			}
		}
		if err := c.Err(); err != nil {
			return err
		}
		// A linked person's names live in the register, not twice.
		fam, mid, giv, gen, birth := r.FamilyName, r.MiddleName, r.GivenName, string(r.Gender), sqlDate(r.BirthDate)
		if r.PersonID != 0 {
			fam, mid, giv, gen, birth = "", "", "", "", sqlDate{}
		}
		var person any
		if r.PersonID != 0 {
			person = r.PersonID
		}
		if r.ID == 0 {
			id, err := tx.Insert("residence_records", `INSERT INTO residence_records(kind, branch_id, person_id, family_name, middle_name, given_name,
				gender, birth_date, place, address, from_date, to_date, letter_number, letter_date, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
				string(r.Kind), r.BranchID, person, fam, mid, giv, gen, birth, r.Place, r.Address, sqlDate(r.From), sqlDate(r.To),
				r.LetterNumber, sqlDate(r.LetterDate), r.Note)
			if err != nil {
				return fmt.Errorf("ghi sinh hoạt nơi cư trú: %w", err)
			}
			r.ID = id
			return nil
		}
		res, err := tx.Change("residence_records", "id = ?", []any{r.ID}, `UPDATE residence_records SET kind=?, branch_id=?, person_id=?,
			family_name=?, middle_name=?, given_name=?, gender=?, birth_date=?, place=?, address=?, from_date=?, to_date=?,
			letter_number=?, letter_date=?, note=? WHERE id=?`,
			string(r.Kind), r.BranchID, person, fam, mid, giv, gen, birth, r.Place, r.Address, sqlDate(r.From), sqlDate(r.To),
			r.LetterNumber, sqlDate(r.LetterDate), r.Note, r.ID)
		if err != nil {
			return fmt.Errorf("sửa sinh hoạt nơi cư trú: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			c.Add("ID", "Sinh hoạt nơi cư trú", "mã %d không có trong sổ", r.ID)
			return c.Err()
		}
		return nil
	})
}

// residencesOf reads a person's records inside a write, for the overlap
// rule.
func (tx *writeTx) residencesOf(personID int64) ([]domain.Residence, error) {
	rows, err := tx.QueryContext(tx.ctx, `SELECT id, kind, person_id, place, from_date, to_date FROM residence_records WHERE person_id = ?`, personID)
	if err != nil {
		return nil, fmt.Errorf("đọc sinh hoạt nơi cư trú: %w", err)
	}
	defer rows.Close()
	var out []domain.Residence
	for rows.Next() {
		var r domain.Residence
		var kind string
		if err := rows.Scan(&r.ID, &kind, &r.PersonID, &r.Place, (*sqlDate)(&r.From), (*sqlDate)(&r.To)); err != nil {
			return nil, fmt.Errorf("đọc sinh hoạt nơi cư trú: %w", err)
		}
		r.Kind = domain.ResidenceKind(kind)
		out = append(out, r)
	}
	return out, rows.Err()
}

// EndResidence records the day a residence activity ended (the member
// came home, finished school, moved on): the record is read and saved
// again, so that every rule of SaveResidence holds.
func (s *Store) EndResidence(ctx context.Context, id int64, to domain.Date) error {
	r, err := s.ResidenceByID(ctx, id)
	if err != nil {
		return err
	}
	if to.IsZero() {
		c := &domain.Checker{}
		c.Add("To", "Đến ngày", "không được để trống")
		return c.Err()
	}
	if !r.To.IsZero() {
		c := &domain.Checker{}
		c.Add("To", "Đến ngày", "bản ghi mã %d đã kết thúc ngày %s", id, r.To)
		return c.Err()
	}
	r.To = to
	return s.saveRead(ctx, &r)
}

// SetResidenceLetter records the number and date of the introduction
// letter issued for a record.
func (s *Store) SetResidenceLetter(ctx context.Context, id int64, number string, date domain.Date) error {
	r, err := s.ResidenceByID(ctx, id)
	if err != nil {
		return err
	}
	r.LetterNumber, r.LetterDate = number, date
	return s.saveRead(ctx, &r)
}

// saveRead saves a record read back: a linked person's names, read from
// the register, are not written into the record.
func (s *Store) saveRead(ctx context.Context, r *domain.Residence) error {
	if r.PersonID != 0 {
		r.FamilyName, r.MiddleName, r.GivenName, r.Gender, r.BirthDate = "", "", "", "", domain.Date{}
	}
	return s.SaveResidence(ctx, r)
}

// DeleteResidence removes a record entered by mistake.
func (s *Store) DeleteResidence(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		res, err := tx.Change("residence_records", "id = ?", []any{id}, `DELETE FROM residence_records WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("xóa sinh hoạt nơi cư trú: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			c := &domain.Checker{}
			c.Add("ID", "Sinh hoạt nơi cư trú", "mã %d không có trong sổ", id)
			return c.Err()
		}
		return nil
	})
}
