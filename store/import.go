package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"sodoan/domain"
	"sodoan/store/internal/writepath"
)

// ImportCheck is what the register says about people about to be
// imported, before anything is written.
type ImportCheck struct {
	// Problems holds every broken rule; Row is the caller's row number
	// (the sheet row), Label the field's Vietnamese label.
	Problems []domain.FieldError
	// Existing gives, for each person, the ID of the same person already
	// in the register, or 0: the same CCCD, or the same name and date of
	// birth when one of the two has no CCCD (two people with different
	// CCCDs are two people, whatever their names).
	Existing []int64
	// ExistingName is the full name of that person, for the preview.
	ExistingName []string
	// UnknownBranches lists the branch names of the rows that the register
	// does not have, in the order of the branch list.
	UnknownBranches []string
}

// ImportOptions says what to do with what the check found.
type ImportOptions struct {
	// CreateBranches creates the unknown branches (after the user agreed);
	// without it an unknown branch is a problem of its rows.
	CreateBranches bool
	// Update overwrites people already in the register with the sheet's
	// values; without it they are skipped.
	Update bool
	// Offices are the offices the sheet's Chức vụ column gives each
	// person (by index in people), recorded for new and existing people
	// alike from OfficesFrom (zero: the first day of the current term),
	// never before the holder's admission or 16th birthday.
	Offices     map[int][]ImportOffice
	OfficesFrom domain.Date
}

// ImportOffice is an office a sheet's row names: its kind, and for a
// branch office the branch the cell names ("" for the person's own).
type ImportOffice struct {
	Kind   domain.PositionKind
	Branch string
}

// ImportResult counts what an import did.
type ImportResult struct {
	Added, Updated, Skipped int
	Branches                []string // branches created
	Backup                  string   // the backup taken first ("" when the register was empty)
	Offices                 int      // offices recorded from the Chức vụ column
}

// existingPeople indexes the register for the duplicate and card checks.
type existingPeople struct {
	byCitizen map[string]int64
	byName    map[string][]int64 // lower-cased full name + "|" + ISO birth date
	citizen   map[int64]string   // the CCCD of each person who has one
	names     map[int64]string
	cards     map[string]int64 // card number of a Union member → person
	branches  map[string]int64 // folded branch name → id
}

// personKey is how a person is told apart when no CCCD says it: the
// cleaned name, case ignored, and the date of birth.
func personKey(family, middle, given string, birth domain.Date) string {
	return strings.ToLower(domain.JoinName(family, middle, given)) + "|" + birth.ISO()
}

// branchKey folds a branch name so that "Khóm 1", "chi đoàn Khóm 1" and
// "CHI ĐOÀN KHÓM 1" name the same branch.
func branchKey(name string) string {
	return strings.TrimPrefix(domain.Fold(domain.Clean(name)), "chi doan ")
}

func loadExisting(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (*existingPeople, error) {
	e := &existingPeople{byCitizen: map[string]int64{}, byName: map[string][]int64{}, citizen: map[int64]string{}, names: map[int64]string{},
		cards: map[string]int64{}, branches: map[string]int64{}}
	rows, err := q.QueryContext(ctx, `SELECT id, family_name, middle_name, given_name, birth_date, citizen_id,
		COALESCE(card_number, ''), union_member FROM people`)
	if err != nil {
		return nil, fmt.Errorf("đọc sổ để so trùng: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var f, m, g, cid, card string
		var birth domain.Date
		var union bool
		if err := rows.Scan(&id, &f, &m, &g, (*sqlDate)(&birth), &cid, &card, &union); err != nil {
			return nil, fmt.Errorf("đọc sổ để so trùng: %w", err)
		}
		if cid != "" {
			e.byCitizen[cid] = id
			e.citizen[id] = cid
		}
		if !birth.IsZero() {
			k := personKey(f, m, g, birth)
			e.byName[k] = append(e.byName[k], id)
		}
		e.names[id] = domain.JoinName(f, m, g)
		if union && card != "" {
			e.cards[card] = id
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc sổ để so trùng: %w", err)
	}
	brows, err := q.QueryContext(ctx, `SELECT id, name FROM branches`)
	if err != nil {
		return nil, fmt.Errorf("đọc chi đoàn: %w", err)
	}
	defer brows.Close()
	for brows.Next() {
		var id int64
		var name string
		if err := brows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("đọc chi đoàn: %w", err)
		}
		e.branches[branchKey(name)] = id
	}
	return e, brows.Err()
}

// CheckImport cleans and validates people about to be imported (rows[i]
// is the sheet row of people[i], used in the messages), finds those already
// in the register and the branches it lacks. Branches are named by
// Person.BranchName; BranchID is filled for the known ones. Nothing is
// written.
func (s *Store) CheckImport(ctx context.Context, people []*domain.Person, rows []int) (ImportCheck, error) {
	e, err := loadExisting(ctx, s.db)
	if err != nil {
		return ImportCheck{}, err
	}
	c := checkImport(e, people, rows, s.Today())
	s.sortByText(c.UnknownBranches)
	return c, nil
}

// sortByText orders names as the register's lists order them.
func (s *Store) sortByText(names []string) {
	keys := make(map[string][]byte, len(names))
	for _, n := range names {
		keys[n] = s.textKey(n)
	}
	slices.SortStableFunc(names, func(a, b string) int { return bytes.Compare(keys[a], keys[b]) })
}

// checkImport checks the people read from a sheet, row by row, against
// each other and the register (e), judging dates against today.
func checkImport(e *existingPeople, people []*domain.Person, rows []int, today domain.Date) ImportCheck {
	c := ImportCheck{Existing: make([]int64, len(people)), ExistingName: make([]string, len(people))}
	cards := map[string]int{}
	type sheetPerson struct {
		row     int
		citizen string
	}
	seenCitizen := map[string]int{}
	seenName := map[string][]sheetPerson{}
	unknown := map[string]bool{}
	keys := map[string]string{} // branch name → branchKey, computed once a name
	for i, p := range people {
		row := rows[i]
		domain.CleanPerson(p)
		p.BranchName = domain.Clean(p.BranchName)
		ck := domain.ValidatePerson(p, row, today)
		if p.CitizenID != "" {
			c.Existing[i] = e.byCitizen[p.CitizenID]
		}
		key := personKey(p.FamilyName, p.MiddleName, p.GivenName, p.BirthDate)
		if c.Existing[i] == 0 && !p.BirthDate.IsZero() {
			// The same name and date of birth is the same person only
			// when a CCCD does not tell them apart.
			var same []int64
			for _, id := range e.byName[key] {
				if p.CitizenID == "" || e.citizen[id] == "" {
					same = append(same, id)
				}
			}
			switch len(same) {
			case 1:
				c.Existing[i] = same[0]
			case 0:
			default:
				ck.Add("CitizenID", "Số CCCD", "sổ có %d người cùng họ tên và ngày sinh này: ghi số CCCD để biết là ai", len(same))
			}
		}
		c.ExistingName[i] = e.names[c.Existing[i]]
		// The same person twice in one sheet would be added twice.
		if p.CitizenID != "" {
			if prev, dup := seenCitizen[p.CitizenID]; dup {
				ck.Add("CitizenID", "Số CCCD", "%s trùng với dòng %d", p.CitizenID, prev)
			} else {
				seenCitizen[p.CitizenID] = row
			}
		}
		if !p.BirthDate.IsZero() && p.FamilyName+p.GivenName != "" {
			for _, prev := range seenName[key] {
				if p.CitizenID == "" || prev.citizen == "" {
					ck.Add("FullName", "Họ và tên", "trùng họ tên và ngày sinh với dòng %d, và không có số CCCD để phân biệt", prev.row)
					break
				}
			}
			seenName[key] = append(seenName[key], sheetPerson{row, p.CitizenID})
		}
		if p.UnionMember && p.CardNumber != "" {
			if prev, dup := cards[p.CardNumber]; dup {
				ck.Add("CardNumber", "Số thẻ đoàn viên", "%s trùng với dòng %d", p.CardNumber, prev)
			} else if other, used := e.cards[p.CardNumber]; used && other != c.Existing[i] {
				ck.Add("CardNumber", "Số thẻ đoàn viên", "%s đã cấp cho %s", p.CardNumber, e.names[other])
			}
			cards[p.CardNumber] = row
		}
		if p.BranchName != "" {
			bk, ok := keys[p.BranchName]
			if !ok {
				bk = branchKey(p.BranchName)
				keys[p.BranchName] = bk
			}
			if id, ok := e.branches[bk]; ok {
				p.BranchID = id
			} else {
				p.BranchID = 0
				// A branch the import would create follows a branch's
				// rules, as one made in the window does: no control or
				// invisible characters, no emoji, no megabyte of text.
				if errs := domain.CheckBranch(&domain.Branch{Name: p.BranchName, Kind: domain.BranchHamlet}).Errs; len(errs) > 0 {
					for _, e := range errs {
						ck.Add("BranchID", "Chi đoàn", e.Format, e.Args...)
					}
				} else if !unknown[bk] {
					unknown[bk] = true
					c.UnknownBranches = append(c.UnknownBranches, p.BranchName)
				}
			}
		}
		c.Problems = append(c.Problems, ck.Errs...)
	}
	return c
}

// bulkWithoutIndexes is how many new people make an import drop and
// rebuild the people's indexes.
const bulkWithoutIndexes = 5000

// ImportPeople writes people read from a spreadsheet in one transaction,
// after a backup of the register: every row is written or none. It checks
// again what CheckImport checks and refuses (a *ValidationError) when any
// row breaks a rule, or names a branch the register lacks and
// opt.CreateBranches is false. People already in the register are updated
// (opt.Update) or skipped.
func (s *Store) ImportPeople(ctx context.Context, people []*domain.Person, rows []int, opt ImportOptions) (ImportResult, error) {
	var res ImportResult
	if len(people) == 0 {
		return res, nil
	}
	if err := s.RefuseConsolidation(ctx, "nhập danh sách đoàn viên"); err != nil {
		return res, err
	}
	backup, err := s.backupBeforeImport(ctx)
	if err != nil {
		return res, err
	}
	res.Backup = backup
	err = s.write(ctx, func(tx *writeTx) error {
		e, err := loadExisting(ctx, tx)
		if err != nil {
			return err
		}
		c := checkImport(e, people, rows, s.Today())
		s.sortByText(c.UnknownBranches)
		if len(c.UnknownBranches) > 0 && !opt.CreateBranches {
			for i, p := range people {
				if p.BranchName != "" && p.BranchID == 0 {
					ck := &domain.Checker{Row: rows[i]}
					ck.Add("BranchID", "Chi đoàn", "%q không có trong sổ", p.BranchName)
					c.Problems = append(c.Problems, ck.Errs...)
				}
			}
		}
		if len(c.Problems) > 0 {
			return &domain.ValidationError{Errors: c.Problems}
		}
		created := map[string]int64{}
		for _, name := range c.UnknownBranches {
			b := &domain.Branch{Name: name, Kind: guessBranchKind(name), Active: true}
			id, err := tx.Insert("branches", `INSERT INTO branches(name, kind, active, dissolved, note, sort_key) VALUES (?,?,?,?,?,?)`,
				b.Name, string(b.Kind), b.Active, sqlDate(b.Dissolved), b.Note, s.textKey(b.Name))
			if err != nil {
				return fmt.Errorf("ghi chi đoàn: %w", err)
			}
			b.ID = id
			created[branchKey(name)] = b.ID
			res.Branches = append(res.Branches, name)
		}
		var fresh []*domain.Person
		for i, p := range people {
			if p.BranchName != "" && p.BranchID == 0 {
				p.BranchID = created[branchKey(p.BranchName)]
			}
			switch {
			case c.Existing[i] == 0:
				fresh = append(fresh, p)
			case opt.Update:
				p.ID = c.Existing[i]
				if err := recordDated(ctx, tx, p, s.Today()); err != nil {
					return err
				}
				if err := writePerson(ctx, tx, p, s.nameKey(p.FamilyName, p.MiddleName, p.GivenName)); err != nil {
					return err
				}
				res.Updated++
			default:
				res.Skipped++
			}
		}
		res.Added = len(fresh)
		if len(fresh) < bulkWithoutIndexes || len(fresh) < len(e.names) {
			err = s.insertPeople(ctx, tx, fresh)
		} else {
			// Many people into a smaller register: the indexes are built
			// once afterwards rather than row by row.
			err = tx.WithoutIndexes([]string{"people", "membership_events"}, func() error {
				return s.insertPeople(ctx, tx, fresh)
			})
		}
		if err != nil {
			return err
		}
		res.Offices, err = s.importOffices(ctx, tx, people, rows, c.Existing, opt)
		return err
	})
	if err != nil {
		return ImportResult{Backup: backup}, err
	}
	return res, nil
}

// backupBeforeImport is the one place an import takes its backup: an
// automatic backup into the backups folder, named for the import (and
// kept by the rotation). An empty register needs none.
func (s *Store) backupBeforeImport(ctx context.Context) (string, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&n); err != nil {
		return "", fmt.Errorf("sao lưu trước khi nhập: %w", err)
	}
	if n == 0 {
		return "", nil
	}
	b, err := s.AutoBackup(ctx, BackupBeforeImport)
	if err != nil {
		return "", err
	}
	return b.Path, nil
}

// guessBranchKind reads a new branch's kind from its name (Trường …,
// Công an …); a hamlet's branch otherwise, the usual case in a ward.
func guessBranchKind(name string) domain.BranchKind {
	f := " " + branchKey(name) + " "
	switch {
	case strings.Contains(f, " truong "):
		return domain.BranchSchool
	case strings.Contains(f, " cong an ") || strings.Contains(f, " quan su ") || strings.Contains(f, " bien phong "):
		return domain.BranchArmed
	case strings.Contains(f, " cong ty ") || strings.Contains(f, " doanh nghiep "):
		return domain.BranchEnterprise
	case strings.Contains(f, " uy ban ") || strings.Contains(f, " co quan ") || strings.Contains(f, " ubnd "):
		return domain.BranchAgency
	}
	return domain.BranchHamlet
}

// importColumns are the columns of a person the bulk import writes, in
// the order of importArgs.
var importColumns = append(append([]string{"id"}, fieldColumns...), "status", "sort_key", "search")

// importArgs are p's values for importColumns.
func importArgs(p *domain.Person, key []byte, search string) []any {
	return append(append([]any{p.ID}, fieldArgs(p)...), string(domain.StatusActive), key, search)
}

// insertPeople writes new, checked people in bulk: multi-row inserts of
// the people, their search index and their admission events, as the demo
// does, so that a 100,000-row sheet is written in seconds. History gets a
// line for each person and each admission, as a single save would write;
// ids are taken past those waiting in the recycle bin.
func (s *Store) insertPeople(ctx context.Context, tx *writeTx, people []*domain.Person) error {
	return s.insertPeopleWith(ctx, tx, people, nil)
}

// insertPeopleWith is insertPeople with each person's own events (see
// NewMember.Events): events[i], when given, replaces the admission event
// of people[i], and the status follows the last of them.
func (s *Store) insertPeopleWith(ctx context.Context, tx *writeTx, people []*domain.Person, events [][]domain.Event) error {
	if len(people) == 0 {
		return nil
	}
	var next, nextEvent int64
	if err := tx.QueryRowContext(ctx, `SELECT max(COALESCE((SELECT max(id) FROM people), 0),
		COALESCE((SELECT max(item_id) FROM trash WHERE kind = ?), 0)) + 1`, string(domain.TrashPerson)).Scan(&next); err != nil {
		return fmt.Errorf("chuẩn bị ghi: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) + 1 FROM membership_events`).Scan(&nextEvent); err != nil {
		return fmt.Errorf("chuẩn bị ghi: %w", err)
	}
	insPerson, err := tx.Bulk("people", importColumns)
	if err != nil {
		return err
	}
	insFTS, err := tx.DerivedBulk("people_fts", []string{"rowid", "name", "ids"})
	if err != nil {
		return err
	}
	for _, p := range people {
		p.ID = next
		next++
	}
	stop := make(chan struct{})
	defer close(stop)
	for batch := range s.preparePeople(people, insPerson, stop) {
		for _, r := range batch {
			if r.err != nil {
				return r.err
			}
			p := r.p
			// The write path writes the person's history line with the row.
			if err := insPerson.Add(r.row); err != nil {
				return fmt.Errorf("ghi %s: %w", p.FullName(), err)
			}
			fts, err := insFTS.Row(p.ID, r.name, r.ids)
			if err == nil {
				err = insFTS.Add(fts)
			}
			if err != nil {
				return fmt.Errorf("ghi chỉ mục tìm kiếm: %w", err)
			}
			p.Status = domain.StatusActive
		}
	}
	if err := insPerson.Flush(); err != nil {
		return err
	}
	if err := insFTS.Flush(); err != nil {
		return err
	}
	insEvent, err := tx.Bulk("membership_events", []string{"id", "person_id", "kind", "date", "unit", "reason", "note"})
	if err != nil {
		return err
	}
	var changed []*domain.Person // people whose last event is a leaving
	for i, p := range people {
		var own []domain.Event
		if events != nil {
			own = events[i]
		}
		if len(own) == 0 {
			if !p.UnionMember || p.AdmissionDate.IsZero() {
				continue
			}
			own = []domain.Event{{Kind: domain.EventAdmission, Date: p.AdmissionDate}}
		}
		for k := range own {
			e := &own[k]
			e.ID, e.PersonID = nextEvent, p.ID
			nextEvent++
			row, err := insEvent.Row(e.ID, p.ID, string(e.Kind), sqlDate(e.Date), e.Unit, e.Reason, e.Note)
			if err == nil {
				err = insEvent.Add(row)
			}
			if err != nil {
				return fmt.Errorf("ghi %s của %s: %w", e.Kind.Label(), p.FullName(), err)
			}
		}
		switch own[len(own)-1].Kind {
		case domain.EventTransferOut:
			p.Status, changed = domain.StatusTransferred, append(changed, p)
		case domain.EventComingOfAge:
			p.Status, changed = domain.StatusCameOfAge, append(changed, p)
		case domain.EventRemoval:
			p.Status, changed = domain.StatusRemoved, append(changed, p)
		}
	}
	if err := insEvent.Flush(); err != nil {
		return err
	}
	// The status as refreshStatus would derive it from the last event,
	// set by id: the events' index may be dropped during a large load.
	for _, p := range changed {
		if err := tx.Derived(`UPDATE people SET status = ? WHERE id = ?`, string(p.Status), p.ID); err != nil {
			return fmt.Errorf("cập nhật trạng thái: %w", err)
		}
	}
	return nil
}

// preparedPerson is a person made ready for the bulk insert.
type preparedPerson struct {
	p         *domain.Person
	row       writepath.BulkRow // for importColumns, with its history line
	name, ids string            // for the search index
	err       error
}

// preparePeople computes, on a goroutine of its own, what insertPeople
// writes for each person (collation key, search text, the history's
// JSON, made by ins.Row), in batches, while the caller's goroutine has
// SQLite write the batch before: the two take a processor each. It stops
// when stop is closed.
func (s *Store) preparePeople(people []*domain.Person, ins *writepath.Bulk, stop <-chan struct{}) <-chan []preparedPerson {
	out := make(chan []preparedPerson, 4)
	go func() {
		defer close(out)
		s.collMu.Lock() // the collator is not safe across goroutines
		defer s.collMu.Unlock()
		const size = 256
		for i := 0; i < len(people); i += size {
			select {
			case <-stop:
				return
			default:
			}
			part := people[i:min(i+size, len(people))]
			batch := make([]preparedPerson, len(part))
			for k, p := range part {
				name, ids := searchText(p)
				ids = domain.Fold(ids)
				row, err := ins.Row(importArgs(p, s.coll.NameKey(p.FamilyName, p.MiddleName, p.GivenName), searchColumn(name, ids))...)
				batch[k] = preparedPerson{p: p, row: row, name: name, ids: ids, err: err}
			}
			select {
			case out <- batch:
			case <-stop:
				return
			}
		}
	}()
	return out
}
