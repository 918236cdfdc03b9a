package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
)

// residenceWard is a register on 10/12/2026 with two branches, a member
// of each, and a Hội member who is not a Union member.
type residenceWard struct {
	s                *Store
	k1, k2           int64 // branches
	an, binh, youthP int64 // people
}

func newResidenceWard(t *testing.T) *residenceWard {
	t.Helper()
	ctx := context.Background()
	s, err := OpenWith(filepath.Join(t.TempDir(), "so.db"), OpenOptions{Create: true,
		Now: func() time.Time { return time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w := &residenceWard{s: s}
	for _, b := range []struct {
		name string
		id   *int64
	}{{"Chi đoàn Khóm 1", &w.k1}, {"Chi đoàn Khóm 2", &w.k2}} {
		br := &domain.Branch{Name: b.name, Kind: domain.BranchHamlet, Active: true}
		mustNil(t, s.SaveBranch(ctx, br))
		*b.id = br.ID
	}
	an := member("Nguyễn", "Văn", "An", d(2004, 3, 1), "0871000001")
	an.BranchID = w.k1
	binh := member("Trần", "Thị", "Bình", d(2005, 4, 2), "0871000002")
	binh.Gender, binh.BranchID = domain.Female, w.k2
	youth := &domain.Person{FamilyName: "Lê", MiddleName: "Văn", GivenName: "Cường", Gender: domain.Male, BirthDate: d(2006, 1, 1), Ethnicity: "Kinh",
		FederationMember: true, FederationDate: d(2024, 1, 1)}
	for _, p := range []*domain.Person{an, binh, youth} {
		mustNil(t, s.SavePerson(ctx, p))
	}
	w.an, w.binh, w.youthP = an.ID, binh.ID, youth.ID
	return w
}

// countRows counts the residence records and their history lines.
func (w *residenceWard) counts(t *testing.T) (records, history int) {
	t.Helper()
	mustNil(t, w.s.db.QueryRow(`SELECT count(*) FROM residence_records`).Scan(&records))
	mustNil(t, w.s.db.QueryRow(`SELECT count(*) FROM history WHERE entity = 'residence_records'`).Scan(&history))
	return records, history
}

// TestResidenceWrites: a record is written with its history line; an end
// changes it with another; a refused record (each rule the register
// holds) writes nothing, history included; a delete leaves its line too.
func TestResidenceWrites(t *testing.T) {
	ctx := context.Background()
	w := newResidenceWard(t)
	s := w.s
	out := &domain.Residence{Kind: domain.ResidenceOut, PersonID: w.an, Place: "Đoàn phường Hòa Khánh", From: d(2025, 9, 1), Note: "học đại học"}
	mustNil(t, s.SaveResidence(ctx, out))
	if out.BranchID != w.k1 {
		t.Errorf("an out record without a branch took %d, want the member's branch %d", out.BranchID, w.k1)
	}
	if r, h := w.counts(t); r != 1 || h != 1 {
		t.Fatalf("after one record: %d records, %d history lines; want 1, 1", r, h)
	}

	for _, c := range []struct {
		name, field, words string
		r                  domain.Residence
	}{
		{"overlapping out", "From", "trùng thời gian với bản ghi mã 1",
			domain.Residence{Kind: domain.ResidenceOut, PersonID: w.an, Place: "Đoàn xã Mỹ An", From: d(2026, 2, 1)}},
		{"out of a non-member", "PersonID", "không phải đoàn viên",
			domain.Residence{Kind: domain.ResidenceOut, PersonID: w.youthP, BranchID: w.k1, Place: "X", From: d(2026, 2, 1)}},
		{"received member active here", "PersonID", "đang sinh hoạt tại phường",
			domain.Residence{Kind: domain.ResidenceIn, PersonID: w.binh, BranchID: w.k1, Place: "Đoàn xã Tân Phú", From: d(2026, 2, 1)}},
		{"unknown person", "PersonID", "mã 999 không có trong sổ",
			domain.Residence{Kind: domain.ResidenceOut, PersonID: 999, BranchID: w.k1, Place: "X", From: d(2026, 2, 1)}},
		{"unknown person, no branch", "PersonID", "mã 999 không có trong sổ",
			domain.Residence{Kind: domain.ResidenceOut, PersonID: 999, Place: "X", From: d(2026, 2, 1)}},
		{"unknown branch", "BranchID", "mã 77 không có trong sổ",
			domain.Residence{Kind: domain.ResidenceIn, BranchID: 77, FamilyName: "Lê", GivenName: "Tâm", BirthDate: d(2003, 2, 1), Place: "Y", From: d(2026, 2, 1)}},
		{"future start", "From", "ở tương lai",
			domain.Residence{Kind: domain.ResidenceIn, BranchID: w.k1, FamilyName: "Lê", GivenName: "Tâm", BirthDate: d(2003, 2, 1), Place: "Y", From: d(2026, 12, 11)}},
	} {
		r := c.r
		err := s.SaveResidence(ctx, &r)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if msg := errorFor(err, c.field); !strings.Contains(msg, c.words) {
			t.Errorf("%s: %v, want %q on %s", c.name, err, c.words, c.field)
		}
		if n, h := w.counts(t); n != 1 || h != 1 {
			t.Errorf("%s: refused, yet %d records and %d history lines (want 1, 1)", c.name, n, h)
		}
	}

	// A youth of the register may be received (linked), and someone not
	// in the register by name.
	linked := &domain.Residence{Kind: domain.ResidenceIn, PersonID: w.youthP, BranchID: w.k2, Place: "Đoàn trường ĐH Cần Thơ", From: d(2026, 1, 10)}
	mustNil(t, s.SaveResidence(ctx, linked))
	byName := &domain.Residence{Kind: domain.ResidenceIn, BranchID: w.k2, FamilyName: "Lê", MiddleName: "Thị", GivenName: "Tâm", Gender: domain.Female,
		BirthDate: d(2003, 2, 1), Place: "Đoàn xã Tân Phú", From: d(2026, 3, 1), LetterNumber: "5-GGT/ĐTN", LetterDate: d(2026, 2, 20)}
	mustNil(t, s.SaveResidence(ctx, byName))
	got, err := s.ResidenceByID(ctx, linked.ID)
	mustNil(t, err)
	if got.FullName() != "Lê Văn Cường" || got.BirthDate != d(2006, 1, 1) {
		t.Errorf("a linked record reads %q born %s, want the register's Lê Văn Cường, 01/01/2006", got.FullName(), got.BirthDate)
	}

	// Ending: before the start refused, then 30/06/2026 accepted, then
	// ending again refused.
	if err := s.EndResidence(ctx, out.ID, d(2025, 8, 1)); errorFor(err, "To") == "" {
		t.Errorf("an end before the start: %v", err)
	}
	mustNil(t, s.EndResidence(ctx, out.ID, d(2026, 6, 30)))
	if err := s.EndResidence(ctx, out.ID, d(2026, 7, 30)); errorFor(err, "To") == "" {
		t.Errorf("ending an ended record: %v", err)
	}
	// Ended on 30/06: the next residence may begin on 01/07.
	next := &domain.Residence{Kind: domain.ResidenceOut, PersonID: w.an, Place: "Đoàn xã Mỹ An", From: d(2026, 7, 1)}
	mustNil(t, s.SaveResidence(ctx, next))
	// 1 + 1 (linked) + 1 (by name) + 1 (end) + 1 (next) = 5 lines.
	if r, h := w.counts(t); r != 4 || h != 5 {
		t.Errorf("%d records, %d history lines; want 4, 5", r, h)
	}
	hist, err := s.History(ctx, HistoryFilter{PersonID: w.an, Kind: "membership"})
	mustNil(t, err)
	n := 0
	for _, e := range hist {
		if e.Table == "residence_records" {
			n++
		}
	}
	if n != 3 { // An's: the record, its end, the next one
		t.Errorf("An's history shows %d residence lines, want 3", n)
	}

	mustNil(t, s.DeleteResidence(ctx, next.ID))
	if err := s.DeleteResidence(ctx, next.ID); errorFor(err, "ID") == "" {
		t.Errorf("deleting twice: %v", err)
	}
	if r, h := w.counts(t); r != 3 || h != 6 {
		t.Errorf("after the delete: %d records, %d history lines; want 3, 6", r, h)
	}
}

// errorFor is the message err gives field ("" when none).
func errorFor(err error, field string) string {
	if ve, ok := err.(*domain.ValidationError); ok {
		return ve.For(field)
	}
	return ""
}

// TestResidenceAsOfQueries: the book's query for a year reads the records
// as known at its end, the open records of a day are those going on then.
//
// Records of Chi đoàn Khóm 1 (by hand):
//
//	1 out An   01/09/2024 – 31/05/2025 (ended within 2025)
//	2 out An   01/09/2025 – 30/06/2026 (ended in 2026: open at the end of 2025)
//	3 in  Tâm  01/03/2026 –            (begun in 2026: not in 2025's book)
//	4 in  Hùng 01/01/2023 – 31/12/2024 (ended before 2025)
//
// 2025's book (01/01–31/12/2025, as of 31/12/2025): out 1, 2 (2 shown
// without its end); in none. On 15/03/2026 open: 2 and 3. 2026's out: 2.
func TestResidenceAsOfQueries(t *testing.T) {
	ctx := context.Background()
	w := newResidenceWard(t)
	s := w.s
	recs := []*domain.Residence{
		{Kind: domain.ResidenceOut, PersonID: w.an, Place: "Đoàn phường A", From: d(2024, 9, 1), To: d(2025, 5, 31)},
		{Kind: domain.ResidenceOut, PersonID: w.an, Place: "Đoàn phường B", From: d(2025, 9, 1), To: d(2026, 6, 30)},
		{Kind: domain.ResidenceIn, BranchID: w.k1, FamilyName: "Lê", GivenName: "Tâm", BirthDate: d(2003, 2, 1), Place: "Đoàn xã C", From: d(2026, 3, 1)},
		{Kind: domain.ResidenceIn, BranchID: w.k1, FamilyName: "Võ", GivenName: "Hùng", BirthDate: d(2001, 2, 1), Place: "Đoàn xã D", From: d(2023, 1, 1), To: d(2024, 12, 31)},
	}
	for _, r := range recs {
		mustNil(t, s.SaveResidence(ctx, r))
	}
	ids := func(rs []domain.Residence) []int64 {
		var out []int64
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	out25, err := s.BranchResidences(ctx, w.k1, domain.ResidenceOut, d(2025, 1, 1), d(2025, 12, 31))
	mustNil(t, err)
	if got := ids(out25); len(got) != 2 || got[0] != recs[0].ID || got[1] != recs[1].ID {
		t.Errorf("2025's out records %v, want %d, %d", got, recs[0].ID, recs[1].ID)
	} else if !out25[1].To.IsZero() || out25[0].To != d(2025, 5, 31) {
		t.Errorf("as of 31/12/2025 record 2 ends %s (want no end yet), record 1 %s (want 31/05/2025)", out25[1].To, out25[0].To)
	}
	in25, err := s.BranchResidences(ctx, w.k1, domain.ResidenceIn, d(2025, 1, 1), d(2025, 12, 31))
	mustNil(t, err)
	if len(in25) != 0 {
		t.Errorf("2025's in records %v, want none", ids(in25))
	}
	open, err := s.OpenResidences(ctx, w.k1, d(2026, 3, 15))
	mustNil(t, err)
	if got := ids(open); len(got) != 2 || got[0] != recs[1].ID || got[1] != recs[2].ID {
		t.Errorf("open on 15/03/2026: %v, want %d, %d", got, recs[1].ID, recs[2].ID)
	}
	out26, err := s.BranchResidences(ctx, w.k1, domain.ResidenceOut, d(2026, 1, 1), d(2026, 12, 31))
	mustNil(t, err)
	if got := ids(out26); len(got) != 1 || got[0] != recs[1].ID || out26[0].To != d(2026, 6, 30) {
		t.Errorf("2026's out: %v, want %d ended 30/06/2026", got, recs[1].ID)
	}
	mine, err := s.PersonResidences(ctx, w.an)
	mustNil(t, err)
	if len(mine) != 2 {
		t.Errorf("An's records: %d, want 2", len(mine))
	}
	// The person goes to the recycle bin with their records, and comes
	// back with them.
	mustNil(t, s.DeletePerson(ctx, w.an))
	if mine, _ := s.PersonResidences(ctx, w.an); len(mine) != 0 {
		t.Errorf("a deleted person's records still listed: %d", len(mine))
	}
	if _, err := s.RestoreTrash(ctx, domain.TrashPerson, w.an); err != nil {
		t.Fatal(err)
	}
	if mine, _ := s.PersonResidences(ctx, w.an); len(mine) != 2 {
		t.Errorf("a restored person's records: %d, want 2", len(mine))
	}
}
