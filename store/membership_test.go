package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
)

// tenWard builds a ward of ten people around the day D = 30/06/2026, with
// Union transfers and Hội ends on both sides of it; today is 07/12/2026.
// Every person was born in 2000 (26 on D), so every count is of youth.
//
//	1 An     Union 10/03/2020, Hội 01/01/2021, stays
//	2 Bình   Union 26/03/2019, Hội 01/01/2020, transferred out 01/03/2026 (Hội ends with it)
//	3 Chi    Union 26/03/2018, Hội 01/05/2019, transferred out 01/09/2026 (Hội ends with it)
//	4 Dũng   Hội only 02/02/2022, left the Hội 01/05/2026
//	5 Em     Hội only 01/01/2021, aged out of the Hội 15/08/2026
//	6 Phúc   transferred in 01/04/2026, admitted elsewhere 26/03/2016
//	7 Giang  transferred in 01/08/2026, admitted elsewhere 26/03/2017
//	8 Hùng   admitted here 10/07/2026, Hội 10/07/2026
//	9 Khoa   Union 26/03/2015, Hội 01/01/2016, removed on D itself (Hội ends with it)
//	10 Lan   Hội only, joined on D itself
func tenWard(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	s := openAt(t, &testClock{at: time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local)})
	d := domain.MustDate
	born := d(2000, 1, 1)
	ids := map[string]int64{}
	add := func(given string, admitted, joined domain.Date) {
		t.Helper()
		p := &domain.Person{FamilyName: "Nguyễn", MiddleName: "Văn", GivenName: given, Gender: domain.Male, BirthDate: born,
			UnionMember: !admitted.IsZero(), AdmissionDate: admitted, FederationMember: !joined.IsZero(), FederationDate: joined}
		if err := s.SavePerson(ctx, p); err != nil {
			t.Fatalf("SavePerson %s: %v", given, err)
		}
		ids[given] = p.ID
	}
	event := func(given string, e domain.Event) {
		t.Helper()
		e.PersonID = ids[given]
		if err := s.AddEvent(ctx, &e); err != nil {
			t.Fatalf("AddEvent %s %s: %v", given, e.Kind, err)
		}
	}
	none := domain.Date{}
	add("An", d(2020, 3, 10), d(2021, 1, 1))
	add("Bình", d(2019, 3, 26), d(2020, 1, 1))
	event("Bình", domain.Event{Kind: domain.EventTransferOut, Date: d(2026, 3, 1), Unit: "Đoàn phường 2"})
	add("Chi", d(2018, 3, 26), d(2019, 5, 1))
	event("Chi", domain.Event{Kind: domain.EventTransferOut, Date: d(2026, 9, 1), Unit: "Đoàn phường 3"})
	add("Dũng", none, d(2022, 2, 2))
	if err := s.EndFederation(ctx, ids["Dũng"], d(2026, 5, 1), domain.FederationEndLeft); err != nil {
		t.Fatal(err)
	}
	add("Em", none, d(2021, 1, 1))
	if err := s.EndFederation(ctx, ids["Em"], d(2026, 8, 15), domain.FederationEndAge); err != nil {
		t.Fatal(err)
	}
	// Phúc and Giang are newcomers entered with their transfer in.
	transferIn := func(given string, e domain.Event) {
		t.Helper()
		p := &domain.Person{FamilyName: "Nguyễn", MiddleName: "Văn", GivenName: given, Gender: domain.Male, BirthDate: born}
		if err := s.AddTransferIn(ctx, p, &e); err != nil {
			t.Fatalf("AddTransferIn %s: %v", given, err)
		}
		ids[given] = p.ID
	}
	transferIn("Phúc", domain.Event{Date: d(2026, 4, 1), Unit: "Đoàn phường 2", Admitted: d(2016, 3, 26), Card: "TI-1"})
	transferIn("Giang", domain.Event{Date: d(2026, 8, 1), Unit: "Đoàn xã Mỹ Sen", Admitted: d(2017, 3, 26)})
	add("Hùng", d(2026, 7, 10), d(2026, 7, 10))
	add("Khoa", d(2015, 3, 26), d(2016, 1, 1))
	event("Khoa", domain.Event{Kind: domain.EventRemoval, Date: d(2026, 6, 30), Reason: "Bỏ sinh hoạt"})
	add("Lan", none, d(2026, 6, 30))
	return s, ids
}

// One definition of who was a member on a day: the report's counts, the
// list as of a date, 2.5c and the dashboard agree on tenWard, counted by
// hand.
func TestMembersOnADate(t *testing.T) {
	ctx := context.Background()
	s, _ := tenWard(t)
	d := domain.MustDate
	cases := []struct {
		name                 string
		year                 int
		day                  domain.Date
		union, federation    int
		either, listAdmitted int
	}{
		// 31/12/2025: Union An, Bình, Chi, Khoa = 4 (Phúc, Giang, Hùng not
		// yet); Hội An, Bình, Chi, Dũng, Em, Khoa = 6 (Hùng, Lan not yet);
		// either: the same six (every Union member is in the Hội).
		{"31/12/2025", 2025, d(2025, 12, 31), 4, 6, 6, 0},
		// D = 30/06/2026: Union An, Chi, Phúc = 3 (Bình left 01/03, Khoa
		// removed on D, Giang and Hùng later); Hội An, Chi, Em, Lan = 4
		// (Bình's ended 01/03, Dũng's 01/05, Khoa's on D; Lan joined on D);
		// either: An, Chi, Phúc, Em, Lan = 5. Nobody on the list was
		// admitted in 2026 (Phúc was admitted in 2016 elsewhere).
		{"30/06/2026", 2026, d(2026, 6, 30), 3, 4, 5, 0},
		// 07/12/2026 (today): Union An, Phúc, Giang, Hùng = 4 (Chi left
		// 01/09); Hội An, Hùng, Lan = 3 (Chi's ended 01/09, Em's 15/08);
		// either: An, Phúc, Giang, Hùng, Lan = 5. Admitted in 2026: Hùng
		// alone (the two transfers in keep 2016 and 2017).
		{"07/12/2026", 2026, d(2026, 12, 7), 4, 3, 5, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, err := s.SituationAt(ctx, c.year, c.day)
			if err != nil {
				t.Fatal(err)
			}
			if st.Union.Total != c.union || st.Federation.Total != c.federation {
				t.Errorf("report: %d đoàn viên, %d hội viên; want %d, %d", st.Union.Total, st.Federation.Total, c.union, c.federation)
			}
			for _, k := range []struct {
				kind MemberKind
				want int
			}{{KindUnion, c.union}, {KindFederation, c.federation}, {KindAll, c.either}} {
				n, err := s.CountMembers(ctx, MemberFilter{Kind: k.kind, AsOf: c.day})
				if err != nil {
					t.Fatal(err)
				}
				list, err := s.ListMembers(ctx, MemberFilter{Kind: k.kind, AsOf: c.day})
				if err != nil {
					t.Fatal(err)
				}
				if n != k.want || len(list) != k.want {
					t.Errorf("list of %q as of %s: count %d, %d rows; want %d", k.kind, c.day, n, len(list), k.want)
				}
				if k.kind != KindUnion {
					continue
				}
				admitted := 0
				for _, p := range list {
					if p.AdmissionDate.Year() == 2026 {
						admitted++
					}
					if p.AdmissionDate.After(c.day) {
						t.Errorf("%s admitted %s is on the list as of %s", p.FullName(), p.AdmissionDate, c.day)
					}
				}
				if admitted != c.listAdmitted {
					t.Errorf("list as of %s: %d admitted in 2026, want %d", c.day, admitted, c.listAdmitted)
				}
			}
			// 2.5c gathers the same people: every one is 26, in no group.
			sp, err := s.YearSpan(ctx, c.year, c.day)
			if err != nil {
				t.Fatal(err)
			}
			n, err := s.youthGathered(ctx, sp)
			if err != nil {
				t.Fatal(err)
			}
			if n != c.either {
				t.Errorf("2.5c gathers %d, want %d (the list of either kind)", n, c.either)
			}
		})
	}
	// The dashboard counts today's hội viên: An, Hùng, Lan (the
	// register holds eight who ever joined).
	o, err := s.Overview(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if o.Federation != 3 {
		t.Errorf("dashboard: %d hội viên, want 3", o.Federation)
	}
	// Movements of 2026 to D: no admission (Hùng's is after), one
	// transfer in (Phúc), one out (Bình), one removal (Khoa, on D).
	st, err := s.SituationAt(ctx, 2026, d(2026, 6, 30))
	if err != nil {
		t.Fatal(err)
	}
	if st.Admissions != 0 || st.TransfersIn != 1 || st.TransfersOut != 1 || st.Removals != 1 {
		t.Errorf("movements to 30/06/2026: %d admitted, %d in, %d out, %d removed; want 0, 1, 1, 1",
			st.Admissions, st.TransfersIn, st.TransfersOut, st.Removals)
	}
}

// Leaving the Union by transfer or removal ends the Hội membership the
// same day; undoing the event reopens it; ending by hand follows the
// rules of the form.
func TestFederationEnds(t *testing.T) {
	ctx := context.Background()
	s, ids := tenWard(t)
	d := domain.MustDate
	for _, c := range []struct {
		given  string
		end    domain.Date
		reason domain.FederationEndReason
	}{
		{"Bình", d(2026, 3, 1), domain.FederationEndTransfer},
		{"Chi", d(2026, 9, 1), domain.FederationEndTransfer},
		{"Khoa", d(2026, 6, 30), domain.FederationEndRemoval},
		{"Dũng", d(2026, 5, 1), domain.FederationEndLeft},
		{"An", domain.Date{}, ""},
	} {
		p, err := s.Person(ctx, ids[c.given])
		if err != nil {
			t.Fatal(err)
		}
		if p.FederationEnd != c.end || p.FederationEndReason != c.reason {
			t.Errorf("%s: Hội ended %s (%q), want %s (%q)", c.given, p.FederationEnd, p.FederationEndReason, c.end, c.reason)
		}
	}
	// Chi's transfer out entered by mistake: deleting it reopens her Hội.
	events, err := s.Events(ctx, ids["Chi"])
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEvent(ctx, events[len(events)-1].ID); err != nil {
		t.Fatal(err)
	}
	chi, _ := s.Person(ctx, ids["Chi"])
	if !chi.FederationEnd.IsZero() || chi.Status != domain.StatusActive {
		t.Errorf("after deleting the transfer: Hội end %s, status %s", chi.FederationEnd, chi.Status)
	}
	n, _ := s.CountMembers(ctx, MemberFilter{Kind: KindFederation, AsOf: d(2026, 12, 7)})
	if n != 4 { // An, Chi, Hùng, Lan
		t.Errorf("hội viên today after reopening Chi: %d, want 4", n)
	}

	bad := []struct {
		name   string
		given  string
		end    domain.Date
		reason domain.FederationEndReason
		want   string
	}{
		{"before joining", "Lan", d(2026, 6, 1), domain.FederationEndLeft, "trước ngày Nguyễn Văn Lan vào Hội 30/06/2026"},
		{"in the future", "Lan", d(2026, 12, 8), domain.FederationEndLeft, "08/12/2026 ở tương lai"},
		{"no date", "Lan", domain.Date{}, domain.FederationEndLeft, "không được để trống"},
		{"no reason", "Lan", d(2026, 11, 1), "", "chọn một lý do"},
		{"twice", "Em", d(2026, 11, 1), domain.FederationEndLeft, "đã thôi sinh hoạt Hội từ 15/08/2026 (Quá tuổi hội viên)"},
		{"not a hội viên", "Phúc", d(2026, 11, 1), domain.FederationEndLeft, "Nguyễn Văn Phúc không là hội viên"},
	}
	for _, c := range bad {
		err := s.EndFederation(ctx, ids[c.given], c.end, c.reason)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	lan, _ := s.Person(ctx, ids["Lan"])
	if !lan.FederationEnd.IsZero() {
		t.Errorf("a refused end was written: %s", lan.FederationEnd)
	}
	if err := s.ReopenFederation(ctx, ids["Em"]); err != nil {
		t.Fatal(err)
	}
	if em, _ := s.Person(ctx, ids["Em"]); !em.FederationEnd.IsZero() || em.FederationEndReason != "" {
		t.Errorf("reopened: %s %q", em.FederationEnd, em.FederationEndReason)
	}
}

// A transfer in keeps the admission date and card it brings, and needs
// one; a member who comes back keeps her own.
func TestTransferInKeepsAdmission(t *testing.T) {
	ctx := context.Background()
	s, ids := tenWard(t)
	d := domain.MustDate
	phuc, err := s.Person(ctx, ids["Phúc"])
	if err != nil {
		t.Fatal(err)
	}
	if phuc.AdmissionDate != d(2016, 3, 26) || phuc.CardNumber != "TI-1" || phuc.Status != domain.StatusActive {
		t.Errorf("Phúc: admitted %s, card %q, %s; want 26/03/2016, TI-1, active", phuc.AdmissionDate, phuc.CardNumber, phuc.Status)
	}
	events, _ := s.Events(ctx, ids["Phúc"])
	if len(events) != 1 || events[0].Kind != domain.EventTransferIn || events[0].Admitted != d(2016, 3, 26) {
		t.Errorf("Phúc's events: %+v, want one transfer in bringing 26/03/2016", events)
	}
	// Her admission date corrected on the form is her transfer's too.
	phuc.AdmissionDate = d(2016, 4, 1)
	if err := s.SavePerson(ctx, &phuc); err != nil {
		t.Fatal(err)
	}
	if events, _ := s.Events(ctx, ids["Phúc"]); len(events) != 1 || events[0].Admitted != d(2016, 4, 1) {
		t.Errorf("after the correction, Phúc's events: %+v", events)
	}
	born := d(2000, 1, 1)
	for _, c := range []struct {
		name string
		e    domain.Event
		want string
	}{
		{"no admission date", domain.Event{Date: d(2026, 5, 1), Unit: "Đoàn phường 2"}, "Ngày vào Đoàn (gốc): không được để trống"},
		{"after the transfer", domain.Event{Date: d(2026, 5, 1), Unit: "Đoàn phường 2", Admitted: d(2026, 6, 1)}, "01/06/2026 sau ngày chuyển đến 01/05/2026"},
		{"under 15", domain.Event{Date: d(2026, 5, 1), Unit: "Đoàn phường 2", Admitted: d(2014, 6, 1)}, "mới 14 tuổi"},
		{"a card already given", domain.Event{Date: d(2026, 5, 1), Unit: "Đoàn phường 2", Admitted: d(2016, 6, 1), Card: "TI-1"}, "TI-1 đã cấp cho Nguyễn Văn Phúc"},
	} {
		before := countPeople(t, s)
		p := &domain.Person{FamilyName: "Lý", GivenName: "Mới", Gender: domain.Female, BirthDate: born}
		err := s.AddTransferIn(ctx, p, &c.e)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
		if countPeople(t, s) != before {
			t.Errorf("%s: a refused transfer in wrote a person", c.name)
		}
	}
	// Bình comes back: her own admission date stands, none need be typed.
	if err := s.AddEvent(ctx, &domain.Event{PersonID: ids["Bình"], Kind: domain.EventTransferIn, Date: d(2026, 10, 1), Unit: "Đoàn phường 2"}); err != nil {
		t.Fatal(err)
	}
	binh, _ := s.Person(ctx, ids["Bình"])
	if binh.AdmissionDate != d(2019, 3, 26) || binh.Status != domain.StatusActive {
		t.Errorf("Bình back: admitted %s, %s", binh.AdmissionDate, binh.Status)
	}
}

// An office starts on or after its holder's admission and at 16 or older.
func TestOfficeHolderRules(t *testing.T) {
	ctx := context.Background()
	s, ids := tenWard(t)
	d := domain.MustDate
	young := &domain.Person{FamilyName: "Trần", MiddleName: "Thị", GivenName: "Nhỏ", Gender: domain.Female, BirthDate: d(2010, 9, 1),
		UnionMember: true, AdmissionDate: d(2025, 9, 1)}
	if err := s.SavePerson(ctx, young); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		holder int64
		kind   domain.PositionKind
		start  domain.Date
		want   string // "" : saved
	}{
		{"before admission", ids["Hùng"], "branch_secretary", d(2026, 7, 1),
			"Nguyễn Văn Hùng giữ chức Bí thư chi đoàn từ 01/07/2026, trước ngày vào Đoàn 10/07/2026"},
		{"not a Union member", ids["Lan"], "executive", d(2026, 7, 1), "Nguyễn Văn Lan chưa vào Đoàn"},
		{"at 15", young.ID, "branch_deputy", d(2026, 8, 31), "Trần Thị Nhỏ giữ chức Phó Bí thư chi đoàn từ 31/08/2026 khi mới 15 tuổi (sinh 01/09/2010)"},
		{"at 16, the birthday", young.ID, "branch_deputy", d(2026, 9, 1), ""},
		{"on the admission day", ids["Hùng"], "executive", d(2026, 7, 10), ""},
		{"a transfer in from the day she came", ids["Giang"], "standing", d(2026, 8, 1), ""},
	}
	for _, c := range cases {
		pos := &domain.Position{PersonID: c.holder, Kind: c.kind, Start: c.start}
		err := s.SavePosition(ctx, pos)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	// Editing the holder is held to the same rule: Hùng's admission moved
	// past the office he holds from 10/07/2026 is refused, and kept.
	hung, _ := s.Person(ctx, ids["Hùng"])
	hung.AdmissionDate = d(2026, 7, 11)
	err := s.SavePerson(ctx, &hung)
	if err == nil || !strings.Contains(err.Error(), "Ngày vào Đoàn: Nguyễn Văn Hùng giữ chức Ủy viên Ban Chấp hành từ 10/07/2026, trước ngày vào Đoàn 11/07/2026") {
		t.Errorf("admission moved past an office: %v", err)
	}
	if again, _ := s.Person(ctx, ids["Hùng"]); again.AdmissionDate != d(2026, 7, 10) {
		t.Errorf("a refused edit was written: admitted %s", again.AdmissionDate)
	}
}

// check reports each rule of membership on a register that breaks it,
// naming the person and the dates, and nothing on one that keeps them.
func TestCheckMembershipRules(t *testing.T) {
	ctx := context.Background()
	s, ids := tenWard(t)
	d := domain.MustDate
	if err := s.SavePosition(ctx, &domain.Position{PersonID: ids["An"], Kind: "secretary", Start: d(2023, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	clean, err := s.CheckRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range clean {
		t.Errorf("clean register: %s", p)
	}

	// Now break each rule the way an older build or an old import did,
	// straight into the register (the forms refuse every one).
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	// Hùng (admitted 10/07/2026) Bí thư chi đoàn from 20/09/2023.
	exec(`INSERT INTO positions(person_id, kind, start) VALUES (?, 'branch_secretary', '2023-09-20')`, ids["Hùng"])
	// Lan, in the Hội only, Ủy viên Ban Thường vụ from 01/07/2026.
	exec(`INSERT INTO positions(person_id, kind, start) VALUES (?, 'standing', '2026-07-01')`, ids["Lan"])
	// A girl born 01/09/2010, admitted 01/09/2025, branch deputy from 01/10/2025 at 15.
	young := &domain.Person{FamilyName: "Trần", MiddleName: "Thị", GivenName: "Nhỏ", Gender: domain.Female, BirthDate: d(2010, 9, 1),
		UnionMember: true, AdmissionDate: d(2025, 9, 1)}
	if err := s.SavePerson(ctx, young); err != nil {
		t.Fatal(err)
	}
	exec(`INSERT INTO positions(person_id, kind, start) VALUES (?, 'branch_deputy', '2025-10-01')`, young.ID)
	// A boy born 01/03/2012 who joined the Hội on 01/01/2026, at 13.
	kid := &domain.Person{FamilyName: "Lê", GivenName: "Bé", Gender: domain.Male, BirthDate: d(2012, 3, 1), FederationMember: true}
	if err := s.SavePerson(ctx, kid); err != nil {
		t.Fatal(err)
	}
	exec(`UPDATE people SET federation_date = '2026-01-01' WHERE id = ?`, kid.ID)
	// A man born 10/02/1993, admitted 2008, came of age on 31/12/2025:
	// he was 31 on 10/02/2024 and still counted at every cut-off to then.
	old := &domain.Person{FamilyName: "Phạm", GivenName: "Già", Gender: domain.Male, BirthDate: d(1993, 2, 10), UnionMember: true, AdmissionDate: d(2008, 3, 26)}
	if err := s.SavePerson(ctx, old); err != nil {
		t.Fatal(err)
	}
	if err := s.AddEvent(ctx, &domain.Event{PersonID: old.ID, Kind: domain.EventComingOfAge, Date: d(2025, 12, 31)}); err != nil {
		t.Fatal(err)
	}
	// Giang's transfer in as the old build wrote it: the transfer date
	// taken for her admission date.
	exec(`UPDATE people SET admission_date = '2026-08-01' WHERE id = ?`, ids["Giang"])
	exec(`UPDATE membership_events SET admitted = NULL WHERE person_id = ?`, ids["Giang"])

	// Bình, transferred away on 01/03/2026, given a Hội joining date of
	// 01/04/2026 and no end.
	exec(`UPDATE people SET federation_date = '2026-04-01', federation_end = NULL, federation_end_reason = '' WHERE id = ?`, ids["Bình"])

	problems, err := s.CheckRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{
		"(Nguyễn Văn Hùng): Nguyễn Văn Hùng giữ chức Bí thư chi đoàn từ 20/09/2023, trước ngày vào Đoàn 10/07/2026",
		"(Nguyễn Văn Lan): Nguyễn Văn Lan chưa vào Đoàn nên không giữ chức Ủy viên Ban Thường vụ từ 01/07/2026",
		"(Trần Thị Nhỏ): Trần Thị Nhỏ giữ chức Phó Bí thư chi đoàn từ 01/10/2025 khi mới 15 tuổi (sinh 01/09/2010)",
		"(Lê Bé): Ngày vào Hội: vào Hội ngày 01/01/2026 khi mới 13 tuổi (sinh 01/03/2012)",
		"(Phạm Già): sinh 10/02/1993, quá 30 tuổi từ 10/02/2024 mà còn sinh hoạt Đoàn đến 31/12/2025",
		"(Nguyễn Văn Giang): chuyển đến từ Đoàn xã Mỹ Sen ngày 01/08/2026, ngày vào Đoàn cũng ghi 01/08/2026",
		"(Nguyễn Văn Bình): chuyển sinh hoạt Đoàn đi ngày 01/03/2026 mà vào Hội ngày 01/04/2026, sau đó, và vẫn được tính là hội viên",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("check does not say %q; it says:\n%s", want, all)
		}
	}
	if len(problems) != 7 {
		t.Errorf("check found %d problems, want the 7 above:\n%s", len(problems), all)
	}
}

// A register of the schema before Hội ends: a hội viên who transferred
// out or was removed gets the Hội end at the same date; one who joined
// the Hội after leaving the Union, and one still active, keep theirs; a
// transfer in with an earlier admission date keeps it as the original.
func TestMigrationEndsHoiOfThoseWhoLeft(t *testing.T) {
	path := t.TempDir() + "/cu.db"
	orig := migrations
	t.Cleanup(func() { migrations = orig })
	k := -1
	for i, m := range orig {
		if strings.Contains(m, "ADD COLUMN federation_end TEXT") {
			k = i
		}
	}
	if k < 0 {
		t.Fatal("no migration adds federation_end")
	}
	migrations = orig[:k]
	old, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// As the previous build wrote them: 1 transferred out 01/03/2025;
	// 2 removed 01/06/2025; 3 removed 01/01/2024 and joined the Hội
	// 01/02/2024, after; 4 active; 5 transferred in 01/04/2025, admitted
	// 26/03/2016 elsewhere; 6 transferred in 01/05/2025 with the transfer
	// date as admission date.
	for _, q := range []string{
		`INSERT INTO people(id, family_name, given_name, birth_date, union_member, admission_date, federation_member, federation_date, status, sort_key) VALUES
			(1, 'Lê', 'Một', '2000-01-01', 1, '2016-03-26', 1, '2017-01-01', 'transferred', x'01'),
			(2, 'Lê', 'Hai', '2000-01-01', 1, '2016-03-26', 1, '2017-01-01', 'removed', x'02'),
			(3, 'Lê', 'Ba', '2000-01-01', 1, '2016-03-26', 1, '2024-02-01', 'removed', x'03'),
			(4, 'Lê', 'Bốn', '2000-01-01', 1, '2016-03-26', 1, '2017-01-01', 'active', x'04'),
			(5, 'Lê', 'Năm', '2000-01-01', 1, '2016-03-26', 0, NULL, 'active', x'05'),
			(6, 'Lê', 'Sáu', '2000-01-01', 1, '2025-05-01', 0, NULL, 'active', x'06')`,
		`INSERT INTO membership_events(person_id, kind, date, unit, reason) VALUES
			(1, 'admission', '2016-03-26', '', ''), (1, 'transfer_out', '2025-03-01', 'Đoàn phường 2', ''),
			(2, 'admission', '2016-03-26', '', ''), (2, 'removal', '2025-06-01', '', 'Bỏ sinh hoạt'),
			(3, 'admission', '2016-03-26', '', ''), (3, 'removal', '2024-01-01', '', 'Bỏ sinh hoạt'),
			(4, 'admission', '2016-03-26', '', ''),
			(5, 'transfer_in', '2025-04-01', 'Đoàn phường 2', ''),
			(6, 'transfer_in', '2025-05-01', 'Đoàn phường 3', '')`,
	} {
		if _, err := old.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	migrations = orig
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	d := domain.MustDate
	for _, c := range []struct {
		id     int64
		end    domain.Date
		reason domain.FederationEndReason
	}{
		{1, d(2025, 3, 1), domain.FederationEndTransfer},
		{2, d(2025, 6, 1), domain.FederationEndRemoval},
		{3, domain.Date{}, ""},
		{4, domain.Date{}, ""},
	} {
		p, err := s.Person(ctx, c.id)
		if err != nil {
			t.Fatal(err)
		}
		if p.FederationEnd != c.end || p.FederationEndReason != c.reason {
			t.Errorf("person %d: Hội end %s (%q), want %s (%q)", c.id, p.FederationEnd, p.FederationEndReason, c.end, c.reason)
		}
	}
	// Hội viên on 31/12/2025: Ba (joined after leaving the Union) and
	// Bốn; Một and Hai left with the Union.
	n, err := s.CountMembers(ctx, MemberFilter{Kind: KindFederation, AsOf: d(2025, 12, 31)})
	if err != nil || n != 2 {
		t.Errorf("hội viên on 31/12/2025 after the migration: %d (%v), want 2", n, err)
	}
	for id, want := range map[int64]domain.Date{5: d(2016, 3, 26), 6: {}} {
		ev, err := s.Events(ctx, id)
		if err != nil || len(ev) != 1 || ev[0].Admitted != want {
			t.Errorf("person %d: transfer in brings %+v (%v), want admitted %s", id, ev, err, want)
		}
	}
}
