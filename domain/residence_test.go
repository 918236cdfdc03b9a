package domain

import (
	"strings"
	"testing"
)

// TestCheckResidence: each broken rule names its field and reason; a good
// record of either direction passes.
func TestCheckResidence(t *testing.T) {
	today := MustDate(2026, 3, 1)
	out := func(mod func(*Residence)) Residence {
		r := Residence{Kind: ResidenceOut, PersonID: 7, BranchID: 2, Place: "Đoàn phường Hòa Khánh", From: MustDate(2025, 9, 1)}
		if mod != nil {
			mod(&r)
		}
		return r
	}
	in := func(mod func(*Residence)) Residence {
		r := Residence{Kind: ResidenceIn, BranchID: 2, FamilyName: "Lê", MiddleName: "Thị", GivenName: "Tâm", Gender: Female,
			BirthDate: MustDate(2003, 2, 1), Place: "Đoàn xã Tân Phú", From: MustDate(2026, 1, 5)}
		if mod != nil {
			mod(&r)
		}
		return r
	}
	for _, c := range []struct {
		name  string
		r     Residence
		field string // "" when fine
		words string // in the message
	}{
		{"out fine", out(nil), "", ""},
		{"in fine", in(nil), "", ""},
		{"in linked to a person needs no names", in(func(r *Residence) { r.PersonID, r.FamilyName, r.GivenName, r.BirthDate = 9, "", "", Date{} }), "", ""},
		{"out ended", out(func(r *Residence) { r.To = MustDate(2026, 2, 28) }), "", ""},
		{"no kind", out(func(r *Residence) { r.Kind = "" }), "Kind", "chọn giới thiệu đi"},
		{"out without member", out(func(r *Residence) { r.PersonID = 0 }), "PersonID", "chưa chọn đoàn viên"},
		{"no branch", out(func(r *Residence) { r.BranchID = 0 }), "BranchID", "chưa chọn chi đoàn"},
		{"no place", out(func(r *Residence) { r.Place = "  " }), "Place", "không được để trống"},
		{"no from", out(func(r *Residence) { r.From = Date{} }), "From", "không được để trống"},
		{"from in the future", out(func(r *Residence) { r.From = MustDate(2026, 3, 2) }), "From", "02/03/2026 ở tương lai"},
		{"to before from", out(func(r *Residence) { r.To = MustDate(2025, 8, 31) }), "To", "31/08/2025 trước ngày bắt đầu 01/09/2025"},
		{"to in the future", out(func(r *Residence) { r.To = MustDate(2026, 6, 30) }), "To", "ở tương lai"},
		{"letter in the future", out(func(r *Residence) { r.LetterDate = MustDate(2026, 4, 1) }), "LetterDate", "ở tương lai"},
		{"in without family name", in(func(r *Residence) { r.FamilyName = "" }), "FamilyName", "không được để trống"},
		{"in without given name", in(func(r *Residence) { r.GivenName = "" }), "GivenName", "không được để trống"},
		{"in without birth", in(func(r *Residence) { r.BirthDate = Date{} }), "BirthDate", "không được để trống"},
		{"in born after from", in(func(r *Residence) { r.BirthDate = MustDate(2026, 2, 1) }), "BirthDate", "không trước ngày bắt đầu"},
		{"name with a digit", in(func(r *Residence) { r.GivenName = "Tâm2" }), "GivenName", ""},
		{"bad gender", in(func(r *Residence) { r.Gender = "x" }), "Gender", "không có trong danh sách"},
		{"letter number too long", out(func(r *Residence) { r.LetterNumber = strings.Repeat("1", 51) }), "LetterNumber", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.r
			err := CheckResidence(&r, today).Err()
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted, want a message on %s", c.field)
			}
			msg := err.(*ValidationError).For(c.field)
			if msg == "" || !strings.Contains(msg, c.words) {
				t.Errorf("%s: %q, want %q in the message of %s", c.name, err, c.words, c.field)
			}
		})
	}
}

// TestResidenceOverlap: a member has one residence at a time; an open
// record meets every later one, an ended one only the spans sharing a
// day with it. Records of the other direction or person do not count.
func TestResidenceOverlap(t *testing.T) {
	d := MustDate
	others := []Residence{
		{ID: 1, Kind: ResidenceOut, PersonID: 7, Place: "A", From: d(2024, 9, 1), To: d(2025, 6, 30)},
		{ID: 2, Kind: ResidenceOut, PersonID: 7, Place: "B", From: d(2025, 9, 1)}, // open
		{ID: 3, Kind: ResidenceOut, PersonID: 8, Place: "C", From: d(2020, 1, 1)}, // another member
		{ID: 4, Kind: ResidenceIn, PersonID: 7, Place: "D", From: d(2020, 1, 1)},  // the other direction
	}
	for _, c := range []struct {
		name     string
		from, to Date
		id       int64
		clash    string // the id named, "" when fine
	}{
		{"between the two", d(2025, 7, 1), d(2025, 8, 31), 0, ""},
		{"the day after the end", d(2025, 7, 1), Date{}, 0, "mã 2"}, // open: runs into record 2
		{"on the first's last day", d(2025, 6, 30), d(2025, 7, 15), 0, "mã 1"},
		{"after the open one began", d(2026, 1, 1), Date{}, 0, "mã 2"},
		{"before everything", d(2023, 1, 1), d(2023, 12, 31), 0, ""},
		{"record 2 itself, edited", d(2025, 9, 1), d(2026, 1, 31), 2, ""},
	} {
		r := Residence{ID: c.id, Kind: ResidenceOut, PersonID: 7, From: c.from, To: c.to}
		err := CheckResidenceOverlap(&r, others).Err()
		switch {
		case c.clash == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.clash != "" && (err == nil || !strings.Contains(err.Error(), c.clash)):
			t.Errorf("%s: %v, want a clash with %s", c.name, err, c.clash)
		}
	}
}

// TestResidenceAsOf: a document of a day sees neither a later record, nor
// a later end, nor a later letter.
func TestResidenceAsOf(t *testing.T) {
	d := MustDate
	r := Residence{From: d(2025, 9, 1), To: d(2026, 6, 30), LetterNumber: "3-GGT/ĐTN", LetterDate: d(2025, 12, 1)}
	if _, ok := r.AsOf(d(2025, 8, 31)); ok {
		t.Error("a record begun on 01/09/2025 is seen on 31/08/2025")
	}
	got, ok := r.AsOf(d(2025, 11, 30))
	if !ok || !got.To.IsZero() || got.LetterNumber != "" {
		t.Errorf("on 30/11/2025: %+v, want begun, not ended, no letter yet", got)
	}
	got, _ = r.AsOf(d(2026, 6, 30))
	if got.To != d(2026, 6, 30) || got.LetterNumber != "3-GGT/ĐTN" {
		t.Errorf("on 30/06/2026: %+v, want ended that day with its letter", got)
	}
	if !r.OpenOn(d(2026, 6, 30)) || r.OpenOn(d(2026, 7, 1)) || r.OpenOn(d(2025, 8, 31)) {
		t.Error("OpenOn wrong at the span's edges")
	}
}
