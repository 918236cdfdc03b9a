package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// NewMember is one new person of a bulk load with what the register
// keeps of them beyond their own row: their membership events and their
// yearly records. The ids of Events and Years are filled by the load.
type NewMember struct {
	Person *domain.Person
	// Events in date order. Empty: a Union member gets the admission
	// event on the admission date, as SavePerson writes it. A member who
	// transferred in gives the transfer_in event instead (the admission
	// date stays the original one, in another unit).
	Events []domain.Event
	Years  []domain.MemberYear
}

// LoadOptions say which register a bulk load accepts.
type LoadOptions struct {
	// EmptyOnly refuses a register that has people or items in the
	// recycle bin (whose ids the load would take), counted inside the
	// load's transaction: two loads started at once cannot both find it
	// empty. The demo ward uses it so that invented people never mix
	// with real ones.
	EmptyOnly bool
	// Demo marks the people as the demo ward's, invented: history keeps
	// one line for the whole load ("Tạo dữ liệu mẫu", with the count and
	// the seed) instead of one a row, as a 100,000-person demo would
	// otherwise more than double the register and take three times as
	// long. It requires EmptyOnly, so that no real person's row is ever
	// written without its history line.
	Demo bool
	Seed int64 // for Demo: the seed the demo was made from, for its history line
}

// LoadMembers writes many new people with their events and yearly
// records in one transaction, through the write path's bulk inserts
// (each row with its history line, as the import writes them). Every
// person, event and record is checked first by the rules of the forms
// (ValidatePerson, CheckEvent in order, CheckMemberYear); one broken rule
// refuses the whole load with the row named. On success each
// Person.ID is set.
func (s *Store) LoadMembers(ctx context.Context, members []NewMember, opt LoadOptions) error {
	if err := s.RefuseConsolidation(ctx, "ghi đoàn viên, hội viên"); err != nil {
		return err
	}
	if s.readOnly {
		return ErrReadOnly
	}
	if opt.Demo && !opt.EmptyOnly {
		return fmt.Errorf("ghi hàng loạt: dữ liệu mẫu chỉ ghi trên sổ trống")
	}
	if err := s.checkLoad(members); err != nil {
		return err
	}
	people := make([]*domain.Person, len(members))
	events := make([][]domain.Event, len(members))
	for i, m := range members {
		people[i], events[i] = m.Person, m.Events
	}
	write := s.write
	if opt.Demo {
		write = func(ctx context.Context, fn func(*writeTx) error) error {
			return s.writeDemo(ctx, len(members), opt.Seed, fn)
		}
	}
	return write(ctx, func(tx *writeTx) error {
		if opt.EmptyOnly {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&n); err != nil {
				return fmt.Errorf("kiểm tra sổ: %w", err)
			}
			if n > 0 {
				return fmt.Errorf("sổ %s đã có %d người: dữ liệu mẫu chỉ tạo trên sổ trống", s.path, n)
			}
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM trash`).Scan(&n); err != nil {
				return fmt.Errorf("kiểm tra thùng rác: %w", err)
			}
			if n > 0 {
				return fmt.Errorf("thùng rác của sổ %s còn %d mục: dọn thùng rác trước khi tạo dữ liệu mẫu", s.path, n)
			}
		}
		load := func() error {
			if err := s.insertPeopleWith(ctx, tx, people, events); err != nil {
				return err
			}
			return insertMemberYears(ctx, tx, members)
		}
		if len(people) < bulkWithoutIndexes {
			return load()
		}
		// The indexes are built once afterwards rather than row by row.
		return tx.WithoutIndexes([]string{"people", "membership_events", "member_years"}, load)
	})
}

// checkLoad runs a bulk load through the rules of the forms, naming the
// row (1-based) of each problem.
func (s *Store) checkLoad(members []NewMember) error {
	today := s.Today()
	var all []domain.FieldError
	cards := map[string]int{}
	for i, m := range members {
		p, row := m.Person, i+1
		if p == nil || p.ID != 0 {
			return fmt.Errorf("ghi hàng loạt: dòng %d không phải người mới", row)
		}
		domain.CleanPerson(p)
		c := domain.ValidatePerson(p, row, today)
		if p.UnionMember && p.CardNumber != "" {
			if prev, dup := cards[p.CardNumber]; dup {
				c.Add("CardNumber", "Số thẻ đoàn viên", "%s trùng với dòng %d", p.CardNumber, prev)
			}
			cards[p.CardNumber] = row
		}
		all = append(all, c.Errs...)
		// The events in order, each judged by the status the ones before
		// it leave, as AddEvent judges one.
		active, none := false, true
		for k := range m.Events {
			e := &m.Events[k]
			e.Unit, e.Reason, e.Note = domain.Clean(e.Unit), domain.Clean(e.Reason), domain.CleanLines(e.Note)
			ec := domain.CheckEvent(e, p, active, none, today)
			for _, fe := range ec.Errs {
				fe.Row = row
				all = append(all, fe)
			}
			if k > 0 && e.Date.Before(m.Events[k-1].Date) {
				all = append(all, domain.FieldError{Row: row, Field: "Date", Label: "Ngày",
					Msg: fmt.Sprintf("%s trước sự kiện trước nó (%s)", e.Date, m.Events[k-1].Date)})
			}
			active, none = e.Kind == domain.EventAdmission || e.Kind == domain.EventTransferIn, false
		}
		for k := range m.Years {
			all = append(all, domain.CheckMemberYear(&m.Years[k], p.BirthDate, row, today).Errs...)
		}
	}
	if len(all) > 0 {
		return &domain.ValidationError{Errors: all}
	}
	return nil
}

// insertMemberYears writes the yearly records of people just inserted.
func insertMemberYears(ctx context.Context, tx *writeTx, members []NewMember) error {
	ins, err := tx.Bulk("member_years", []string{"person_id", "year", "rating", "training_registered", "training_completed", "party_introduced", "party_admitted"})
	if err != nil {
		return err
	}
	for _, m := range members {
		for k := range m.Years {
			y := &m.Years[k]
			y.PersonID = m.Person.ID
			row, err := ins.Row(y.PersonID, y.Year, string(y.Rating), y.TrainingRegistered, y.TrainingCompleted, sqlDate(y.PartyIntroduced), sqlDate(y.PartyAdmitted))
			if err == nil {
				err = ins.Add(row)
			}
			if err != nil {
				return fmt.Errorf("ghi năm %d của %s: %w", y.Year, m.Person.FullName(), err)
			}
		}
	}
	return ins.Flush()
}
