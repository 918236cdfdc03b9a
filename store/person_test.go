package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"sodoan/domain"
)

// member returns a valid Union member admitted at 16, for tests to break.
func member(family, middle, given string, birth domain.Date, card string) *domain.Person {
	return &domain.Person{FamilyName: family, MiddleName: middle, GivenName: given, Gender: domain.Male, BirthDate: birth,
		UnionMember: true, AdmissionDate: birth.AddYears(16), CardNumber: card, Ethnicity: "Kinh"}
}

func countPeople(t *testing.T, s *Store) int {
	t.Helper()
	n, err := s.CountMembers(context.Background(), MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func fieldErrors(t *testing.T, err error) []domain.FieldError {
	t.Helper()
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a ValidationError, got %v", err)
	}
	return ve.Errors
}

func TestSavePersonRules(t *testing.T) {
	today := domain.Today()
	tests := []struct {
		name   string
		modify func(p *domain.Person)
		field  string
	}{
		{"no family name", func(p *domain.Person) { p.FamilyName = " " }, "FamilyName"},
		{"no given name", func(p *domain.Person) { p.GivenName = "" }, "GivenName"},
		{"two-word given name", func(p *domain.Person) { p.GivenName = "Văn An" }, "GivenName"},
		{"no gender", func(p *domain.Person) { p.Gender = "" }, "Gender"},
		{"no birth date", func(p *domain.Person) { p.BirthDate = domain.Date{} }, "BirthDate"},
		{"birth in the future", func(p *domain.Person) { p.BirthDate = today.AddYears(1); p.AdmissionDate = domain.Date{} }, "BirthDate"},
		{"admitted at 14", func(p *domain.Person) { p.AdmissionDate = p.BirthDate.AddYears(14) }, "AdmissionDate"},
		{"admitted before birth", func(p *domain.Person) { p.AdmissionDate = p.BirthDate.AddYears(-1) }, "AdmissionDate"},
		{"admission in the future", func(p *domain.Person) { p.AdmissionDate = today.AddYears(1) }, "AdmissionDate"},
		{"member without admission date", func(p *domain.Person) { p.AdmissionDate = domain.Date{} }, "AdmissionDate"},
		{"CCCD of 11 digits", func(p *domain.Person) { p.CitizenID = "08709500123" }, "CitizenID"},
		{"CCCD with a letter", func(p *domain.Person) { p.CitizenID = "08709500123A" }, "CitizenID"},
		{"phone of 9 digits", func(p *domain.Person) { p.Phone = "091234567" }, "Phone"},
		{"phone not starting with 0", func(p *domain.Person) { p.Phone = "9123456789" }, "Phone"},
		{"schooling 13/12", func(p *domain.Person) { p.Schooling = 13 }, "Schooling"},
		{"neither member kind", func(p *domain.Person) { p.UnionMember = false; p.FederationMember = false }, "UnionMember"},
		{"unknown occupation", func(p *domain.Person) { p.Occupation = "pilot" }, "Occupation"},
		{"unknown branch", func(p *domain.Person) { p.BranchID = 999 }, "BranchID"},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			p := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 5, 17), "")
			tt.modify(p)
			err := s.SavePerson(ctx, p)
			errs := fieldErrors(t, err)
			found := false
			for _, fe := range errs {
				if fe.Field == tt.field {
					found = true
					if fe.Label == "" || fe.Msg == "" {
						t.Errorf("message without label or text: %+v", fe)
					}
				}
			}
			if !found {
				t.Errorf("no message for %s; got %v", tt.field, err)
			}
			if n := countPeople(t, s); n != 0 {
				t.Errorf("%d people written despite the error", n)
			}
		})
	}
}

func TestSavePersonValidForms(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	tests := []struct {
		name   string
		modify func(p *domain.Person)
		check  func(t *testing.T, p domain.Person)
	}{
		{"CMND of 9 digits", func(p *domain.Person) { p.CitizenID = "381234567" }, func(t *testing.T, p domain.Person) {
			if p.CitizenID != "381234567" {
				t.Errorf("CitizenID %q", p.CitizenID)
			}
		}},
		{"phone with spaces and +84", func(p *domain.Person) { p.Phone = "+84 912 345 678" }, func(t *testing.T, p domain.Person) {
			if p.Phone != "0912345678" {
				t.Errorf("Phone %q, want 0912345678", p.Phone)
			}
		}},
		{"name stored NFC with one tone placement", func(p *domain.Person) { p.FamilyName, p.GivenName = "Lê", "Hoà" }, func(t *testing.T, p domain.Person) {
			if p.FullName() != "Lê Văn Hòa" {
				t.Errorf("FullName %q, want Lê Văn Hòa", p.FullName())
			}
		}},
		{"admitted on the 15th birthday", func(p *domain.Person) { p.AdmissionDate = p.BirthDate.AddYears(15) }, func(t *testing.T, p domain.Person) {
			if p.Status != domain.StatusActive {
				t.Errorf("Status %q, want active", p.Status)
			}
		}},
		{"Federation member only", func(p *domain.Person) {
			p.UnionMember, p.AdmissionDate, p.FederationMember, p.FederationDate = false, domain.Date{}, true, domain.MustDate(2020, 1, 1)
		}, func(t *testing.T, p domain.Person) {
			if p.UnionMember || !p.FederationMember {
				t.Errorf("kinds %v %v", p.UnionMember, p.FederationMember)
			}
		}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 5, 17), fmt.Sprintf("TH%03d", i))
			tt.modify(p)
			if err := s.SavePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
			got, err := s.Person(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
}

func TestCardNumberUnique(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := member("Trần", "Thị", "Mai", domain.MustDate(2001, 1, 2), "0870001")
	if err := s.SavePerson(ctx, a); err != nil {
		t.Fatal(err)
	}
	b := member("Lê", "Văn", "Tám", domain.MustDate(2002, 3, 4), "0870001")
	errs := fieldErrors(t, s.SavePerson(ctx, b))
	if errs[0].Field != "CardNumber" {
		t.Fatalf("got %v", errs)
	}
	// Editing the holder of the number keeps it.
	a.Phone = "0912345678"
	if err := s.SavePerson(ctx, a); err != nil {
		t.Fatalf("resave of the card holder: %v", err)
	}
	if n := countPeople(t, s); n != 1 {
		t.Fatalf("%d people, want 1", n)
	}
}

func TestAddPeopleIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	batch := []*domain.Person{
		member("Nguyễn", "Văn", "An", domain.MustDate(2005, 1, 1), "K1"),
		member("Trần", "Thị", "Bình", domain.MustDate(2005, 2, 2), "K2"),
		member("Lê", "Văn", "Cường", domain.MustDate(2005, 3, 3), "K1"), // same card as row 1
		member("Phạm", "Thị", "", domain.MustDate(2005, 4, 4), "K4"),    // no given name
	}
	errs := fieldErrors(t, s.AddPeople(ctx, batch))
	rows := map[int]string{}
	for _, e := range errs {
		rows[e.Row] = e.Field
	}
	if rows[3] != "CardNumber" || rows[4] != "GivenName" || len(rows) != 2 {
		t.Fatalf("errors by row: %v (%v)", rows, errs)
	}
	if errs[0].Error() == "" || errs[0].Row == 0 {
		t.Fatalf("row-less error %v", errs[0])
	}
	if n := countPeople(t, s); n != 0 {
		t.Fatalf("%d people written from a bad batch", n)
	}
	batch[2].CardNumber, batch[3].GivenName = "K3", "Dung"
	for _, p := range batch {
		p.ID = 0
	}
	if err := s.AddPeople(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if n := countPeople(t, s); n != 4 {
		t.Fatalf("%d people, want 4", n)
	}
	// A clash with someone already in the register rolls back the whole batch too.
	again := []*domain.Person{member("Hồ", "Văn", "Em", domain.MustDate(2005, 5, 5), "K5"), member("Võ", "Văn", "Giàu", domain.MustDate(2005, 6, 6), "K2")}
	errs = fieldErrors(t, s.AddPeople(ctx, again))
	if errs[0].Row != 2 || errs[0].Field != "CardNumber" {
		t.Fatalf("got %v", errs)
	}
	if n := countPeople(t, s); n != 4 {
		t.Fatalf("%d people after a failed batch, want 4", n)
	}
}

func TestDerivedStatus(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	born := domain.MustDate(1994, 3, 10) // turns 30 in 2024
	p := member("Đặng", "Văn", "Lâm", born, "S1")
	if err := s.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name    string
		event   domain.Event
		wantErr string // field of the expected error, "" for success
		status  domain.Status
	}{
		{"coming of age before the year of 30", domain.Event{Kind: domain.EventComingOfAge, Date: domain.MustDate(2023, 12, 31)}, "Date", domain.StatusActive},
		{"removal needs a reason", domain.Event{Kind: domain.EventRemoval, Date: domain.MustDate(2020, 1, 1)}, "Reason", domain.StatusActive},
		{"transfer out needs the unit", domain.Event{Kind: domain.EventTransferOut, Date: domain.MustDate(2021, 5, 1)}, "Unit", domain.StatusActive},
		{"transfer out", domain.Event{Kind: domain.EventTransferOut, Date: domain.MustDate(2021, 5, 1), Unit: "Đoàn phường 2"}, "", domain.StatusTransferred},
		{"no second transfer out", domain.Event{Kind: domain.EventTransferOut, Date: domain.MustDate(2021, 6, 1), Unit: "Đoàn phường 3"}, "Kind", domain.StatusTransferred},
		{"no coming of age while away", domain.Event{Kind: domain.EventComingOfAge, Date: domain.MustDate(2024, 3, 26)}, "Kind", domain.StatusTransferred},
		{"transfer back in", domain.Event{Kind: domain.EventTransferIn, Date: domain.MustDate(2022, 2, 1), Unit: "Đoàn phường 2"}, "", domain.StatusActive},
		{"coming of age in the year of 30", domain.Event{Kind: domain.EventComingOfAge, Date: domain.MustDate(2024, 1, 5)}, "", domain.StatusCameOfAge},
	}
	for _, st := range steps {
		e := st.event
		e.PersonID = p.ID
		err := s.AddEvent(ctx, &e)
		if st.wantErr == "" && err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if st.wantErr != "" {
			errs := fieldErrors(t, err)
			if errs[0].Field != st.wantErr {
				t.Fatalf("%s: got %v, want a message on %s", st.name, err, st.wantErr)
			}
		}
		got, err := s.Person(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != st.status {
			t.Fatalf("%s: status %q, want %q", st.name, got.Status, st.status)
		}
	}
	events, err := s.Events(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 4 { // admission, out, in, coming of age
		t.Fatalf("%d events, want 4: %v", len(events), events)
	}
	// Deleting the last event, entered by mistake, brings the status back.
	if err := s.DeleteEvent(ctx, events[3].ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Person(ctx, p.ID)
	if got.Status != domain.StatusActive {
		t.Fatalf("after deleting the coming of age: %q", got.Status)
	}
	if _, problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("Check: %v %v", problems, err)
	}
}

func TestRatingsBatch(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var ids []int64
	for i, g := range []string{"An", "Bình", "Chi"} {
		p := member("Lý", "Văn", g, domain.MustDate(2000, 1, 1+i), fmt.Sprint("R", i))
		if err := s.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	bad := map[int64]domain.Rating{ids[0]: "excellent", ids[1]: "superb"}
	if err := s.SaveRatings(ctx, 2025, bad); err == nil {
		t.Fatal("unknown rating accepted")
	}
	if y, _ := s.MemberYear(ctx, ids[0], 2025); y.Rating != "" {
		t.Fatalf("rating written by a failed batch: %q", y.Rating)
	}
	good := map[int64]domain.Rating{ids[0]: "excellent", ids[1]: "good", ids[2]: "not_done"}
	if err := s.SaveRatings(ctx, 2025, good); err != nil {
		t.Fatal(err)
	}
	for id, want := range good {
		y, err := s.MemberYear(ctx, id, 2025)
		if err != nil || y.Rating != want {
			t.Fatalf("person %d: %q %v, want %q", id, y.Rating, err, want)
		}
	}
	missing := map[int64]domain.Rating{ids[0]: "good", 9999: "good"}
	if err := s.SaveRatings(ctx, 2025, missing); !errors.Is(err, ErrNotFound) {
		t.Fatalf("rating of an unknown person: %v", err)
	}
	if y, _ := s.MemberYear(ctx, ids[0], 2025); y.Rating != "excellent" {
		t.Fatalf("failed batch changed a rating to %q", y.Rating)
	}
}

func TestDeleteBranchKeepsMembers(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	b := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	dup := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	if errs := fieldErrors(t, s.SaveBranch(ctx, dup)); errs[0].Field != "Name" {
		t.Fatalf("duplicate branch: %v", errs)
	}
	p := member("Mai", "Thị", "Lan", domain.MustDate(2003, 2, 3), "B1")
	p.BranchID = b.ID
	if err := s.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	fieldErrors(t, s.DeleteBranch(ctx, b.ID))
	got, err := s.Person(ctx, p.ID)
	if err != nil || got.BranchName != "Chi đoàn Khóm 1" {
		t.Fatalf("member lost the branch: %q %v", got.BranchName, err)
	}
	found, err := s.BranchByName(ctx, "khom 1")
	if err != nil || found.ID != b.ID {
		t.Fatalf("BranchByName(khom 1) = %v %v", found, err)
	}
}

// TestEditKeepsHistory: editing a person's form never rewrites their
// membership history into something else.
func TestEditKeepsHistory(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	add := func(p *domain.Person) {
		t.Helper()
		if err := s.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	event := func(p *domain.Person, e domain.Event) {
		t.Helper()
		e.PersonID = p.ID
		if err := s.AddEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	kinds := func(p *domain.Person) string {
		t.Helper()
		es, err := s.Events(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, string(e.Kind)+"@"+e.Date.String())
		}
		return strings.Join(out, " ")
	}

	// Came by transfer: admitted elsewhere, so an edit makes up no admission here.
	moved := &domain.Person{FamilyName: "Trần", GivenName: "Tâm", Gender: domain.Male, BirthDate: domain.MustDate(1998, 1, 1), FederationMember: true}
	add(moved)
	event(moved, domain.Event{Kind: domain.EventTransferIn, Date: domain.MustDate(2022, 4, 1), Unit: "Đoàn phường 2", Admitted: domain.MustDate(2014, 3, 26)})
	got, _ := s.Person(ctx, moved.ID)
	got.AdmissionDate, got.CardNumber = domain.MustDate(2014, 3, 26), "CK1"
	if err := s.SavePerson(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if k := kinds(moved); k != "transfer_in@01/04/2022" {
		t.Fatalf("transferred-in member's history after an edit: %s", k)
	}

	// Re-admitted: the form's admission date is the first admission.
	back := member("Lê", "Văn", "Hậu", domain.MustDate(1999, 5, 5), "CK2")
	back.AdmissionDate = domain.MustDate(2016, 3, 26)
	add(back)
	event(back, domain.Event{Kind: domain.EventRemoval, Date: domain.MustDate(2018, 6, 1), Reason: "Bỏ sinh hoạt"})
	event(back, domain.Event{Kind: domain.EventAdmission, Date: domain.MustDate(2020, 3, 26)})
	got, _ = s.Person(ctx, back.ID)
	if got.AdmissionDate != domain.MustDate(2016, 3, 26) || got.Status != domain.StatusActive {
		t.Fatalf("after re-admission: admitted %s, status %s", got.AdmissionDate, got.Status)
	}
	got.AdmissionDate = domain.MustDate(2015, 3, 26)
	if err := s.SavePerson(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if k := kinds(back); k != "admission@26/03/2015 removal@01/06/2018 admission@26/03/2020" {
		t.Fatalf("history after moving the first admission: %s", k)
	}
	// An admission date after the person's later events is refused, and
	// nothing changes.
	got.AdmissionDate, got.Phone = domain.MustDate(2019, 1, 1), "0912345678"
	errs := fieldErrors(t, s.SavePerson(ctx, &got))
	if errs[0].Field != "AdmissionDate" {
		t.Fatalf("errors %v", errs)
	}
	again, _ := s.Person(ctx, back.ID)
	if again.Phone != "" || again.AdmissionDate != domain.MustDate(2015, 3, 26) {
		t.Fatalf("a refused edit changed the person: %q %s", again.Phone, again.AdmissionDate)
	}
}
