package demo

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
	"sodoan/store"
)

// openAt opens a new register whose clock says now.
func openAt(t testing.TB, now time.Time) *store.Store {
	t.Helper()
	st, err := store.OpenWith(filepath.Join(t.TempDir(), "so.db"), store.OpenOptions{Create: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// read is the demo ward as the register gives it back: what the rules are
// checked on, computed here from the register, not from the generator.
type read struct {
	unit     domain.Unit
	branches map[int64]domain.Branch
	people   []domain.Person
	events   map[int64][]domain.Event
	offices  []domain.Position
}

func readBack(t *testing.T, st *store.Store) read {
	t.Helper()
	ctx := context.Background()
	var r read
	var err error
	if r.unit, err = st.Unit(ctx); err != nil {
		t.Fatal(err)
	}
	bs, err := st.Branches(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	r.branches = map[int64]domain.Branch{}
	for _, b := range bs {
		r.branches[b.ID] = b
	}
	if err := st.EachMember(ctx, store.MemberFilter{Kind: store.KindAll}, func(p *domain.Person) error {
		r.people = append(r.people, *p)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	r.events = map[int64][]domain.Event{}
	for _, p := range r.people {
		if r.events[p.ID], err = st.Events(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		pos, err := st.Positions(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		r.offices = append(r.offices, pos...)
	}
	return r
}

// span is when a person was a Union member here: from the first event
// (admission or transfer in) to the first leaving (zero: still here).
func (r read) span(id int64) (from, to domain.Date) {
	for _, e := range r.events[id] {
		switch e.Kind {
		case domain.EventAdmission, domain.EventTransferIn:
			if from.IsZero() {
				from = e.Date
			}
		default:
			if to.IsZero() {
				to = e.Date
			}
		}
	}
	return from, to
}

func (r read) activeOn(id int64, d domain.Date) bool {
	from, to := r.span(id)
	return !from.IsZero() && !from.After(d) && (to.IsZero() || to.After(d))
}

// checkRules asserts, on a demo ward read back from the register, every
// rule a Tỉnh Đoàn would check (issue 16, point 13), and returns the
// problems found.
func checkRules(t *testing.T, st *store.Store, r read, year int) []string {
	t.Helper()
	ctx := context.Background()
	today := st.Today()
	var bad []string
	add := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	people := map[int64]domain.Person{}
	for _, p := range r.people {
		people[p.ID] = p
	}
	// The dates a report counts at: the year-ends and mid-years of the
	// data, and today.
	var cutoffs []domain.Date
	for y := year - 3; y <= year; y++ {
		for _, d := range []domain.Date{domain.MustDate(y, 6, 30), domain.MustDate(y, 12, 31)} {
			if !d.After(today) {
				cutoffs = append(cutoffs, d)
			}
		}
	}
	cutoffs = append(cutoffs, today)
	// The data's last day: a pupil of a past year's demo is a pupil then.
	end := domain.MustDate(year, 12, 31)
	if end.After(today) {
		end = today
	}
	for _, p := range r.people {
		name := p.FullName()
		from, _ := r.span(p.ID)
		if p.UnionMember {
			if from.IsZero() {
				add("%s: Union member with no admission or transfer", name)
				continue
			}
			if a := p.BirthDate.AgeOn(p.AdmissionDate); a < 16 {
				add("%s: admitted at %d", name, a)
			}
			if p.CardNumber == "" {
				add("%s: no card", name)
			}
			// A transfer in keeps the original admission, before it.
			if k := r.events[p.ID][0].Kind; k == domain.EventTransferIn && !p.AdmissionDate.Before(from) {
				add("%s: transferred in on %s with admission %s", name, from, p.AdmissionDate)
			}
			for _, d := range cutoffs {
				if a := p.BirthDate.AgeOn(d); r.activeOn(p.ID, d) && (a < 16 || a > 30) {
					add("%s: a member aged %d on %s", name, a, d)
				}
			}
			// The branch's ages and occupations, from the day he is
			// counted in it.
			b := r.branches[p.BranchID]
			at := p.BirthDate.AgeOn(from)
			switch {
			case b.Kind == domain.BranchArmed && (p.Occupation != "armed" || at < 18):
				add("%s in %s: %s, %d on arrival", name, b.Name, p.Occupation, at)
			case b.Kind == domain.BranchAgency && (p.Occupation != "civil_servant" || at < 22):
				add("%s in %s: %s, %d on arrival", name, b.Name, p.Occupation, at)
			case b.Kind == domain.BranchEnterprise && (at < 18 || p.Occupation == "student" || p.Occupation == "armed"):
				add("%s in %s: %s, %d on arrival", name, b.Name, p.Occupation, at)
			case b.Kind == domain.BranchSchool && (p.Occupation != "student" || p.BirthDate.AgeOn(end) > 18 || p.Schooling < 10):
				add("%s in %s: %s, grade %d, %d on %s", name, b.Name, p.Occupation, p.Schooling, p.BirthDate.AgeOn(end), end)
			}
		}
		if p.Occupation == "armed" && r.branches[p.BranchID].Kind != domain.BranchArmed {
			add("%s: armed forces outside an armed branch", name)
		}
		if a := p.BirthDate.AgeOn(today); p.Occupation == "civil_servant" && a < 22 {
			add("%s: civil servant at %d", name, a)
		}
		if p.FederationMember {
			if a := p.BirthDate.AgeOn(p.FederationDate); a < 15 {
				add("%s: joined the Hội at %d", name, a)
			}
			if a := p.BirthDate.AgeOn(today); a > 30 {
				add("%s: a Hội member at %d", name, a)
			}
		}
		for _, d := range []domain.Date{p.BirthDate, p.AdmissionDate, p.FederationDate} {
			if d.After(today) {
				add("%s: date %s after today", name, d)
			}
		}
	}
	// Offices: held by a member here, from the start, at 16 or older.
	for _, o := range r.offices {
		p := people[o.PersonID]
		if o.Start.Before(p.AdmissionDate) || !r.activeOn(p.ID, o.Start) || p.BirthDate.AgeOn(o.Start) < 16 || o.Start.After(today) {
			from, _ := r.span(p.ID)
			add("%s: %s from %s, admitted %s, here from %s, born %s", p.FullName(), o.Kind.Label(), o.Start, p.AdmissionDate, from, p.BirthDate)
		}
		if o.Kind == "branch_secretary" && p.BranchID != o.BranchID {
			add("%s: secretary of another branch", p.FullName())
		}
	}
	// Co-ops: the members' income of a year never above the revenue.
	coops, err := st.Coops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range coops {
		c, err := st.Coop(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for y := year - 4; y <= year; y++ {
			cy, err := st.CoopYear(ctx, c.ID, y)
			if err != nil {
				t.Fatal(err)
			}
			if income := cy.AvgIncome * 12 * int64(len(c.Members)); income > cy.Revenue {
				add("%s %d: income %d of %d members above revenue %d", c.Name, y, income, len(c.Members), cy.Revenue)
			}
		}
	}
	// `check` is clean.
	if _, problems, err := st.Check(ctx); err != nil || len(problems) > 0 {
		add("check: %v %v", problems, err)
	}
	if problems, err := st.CheckRules(ctx); err != nil || len(problems) > 0 {
		add("check rules: %v %v", problems[:min(5, len(problems))], err)
	}
	return bad
}

// texts are every text of the ward the demo wrote: names of branches,
// clubs, co-ops, the plan and the narratives of each year.
func texts(t *testing.T, st *store.Store, r read, year int) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	for _, b := range r.branches {
		out["branch "+b.Name] = b.Name
	}
	clubs, err := st.Clubs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range clubs {
		out["club "+c.Name] = c.Name
	}
	coops, err := st.Coops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range coops {
		out["coop "+c.Name] = c.Name
	}
	plan, err := st.CurrentPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out["plan title"], out["plan issuer"], out["plan upper"] = plan.Title, plan.Issuer, plan.UpperPlan
	n, err := st.Narrative(ctx, domain.NarrativePlan, int(plan.ID))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range n {
		out["plan "+k] = v
	}
	for y := year - 2; y <= year; y++ {
		n, err := st.Narrative(ctx, domain.NarrativeAnnual, y)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range n {
			out[fmt.Sprintf("%d %s", y, k)] = v
		}
		wy, err := st.WardYear(ctx, y)
		if err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("%d achievements", y)], out[fmt.Sprintf("%d shortcomings", y)], out[fmt.Sprintf("%d next", y)] = wy.Achievements, wy.Shortcomings, wy.NextSteps
	}
	return out
}

// checkName asserts that the ward is called by its own name everywhere:
// no other ward's name, khóm for a phường and ấp for a xã, the plan issued
// by the ward's own Ban Thường vụ, and the count of khóm or ấp in the
// texts that of the register's branches of that kind.
func checkName(t *testing.T, st *store.Store, r read, year int, place string, others []string) []string {
	t.Helper()
	var bad []string
	commune := strings.HasPrefix(place, "Xã ")
	lower := strings.ToLower(place[:strings.Index(place, " ")]) + place[strings.Index(place, " "):] // "xã Tân Khánh Trung"
	if r.unit.Place != place {
		bad = append(bad, fmt.Sprintf("unit place %q, want %q", r.unit.Place, place))
	}
	areas := 0
	for _, b := range r.branches {
		if b.Kind == domain.BranchHamlet {
			areas++
		}
	}
	all := texts(t, st, r, year)
	for k, v := range all {
		for _, o := range others {
			if strings.Contains(v, o) {
				bad = append(bad, fmt.Sprintf("%s names %q: %s", k, o, v))
			}
		}
		if commune && (strings.Contains(v, "Khóm") || strings.Contains(v, "khóm") || strings.Contains(v, "phường")) {
			bad = append(bad, fmt.Sprintf("%s of a xã says khóm or phường: %s", k, v))
		}
		if !commune && (strings.Contains(v, "Ấp") || strings.Contains(v, " ấp")) {
			bad = append(bad, fmt.Sprintf("%s of a phường says ấp: %s", k, v))
		}
		// "có 9 khóm", "có 9 ấp": the register's count.
		for _, m := range regexp.MustCompile(`có (\d+) (khóm|ấp)`).FindAllStringSubmatch(v, -1) {
			if m[1] != fmt.Sprint(areas) {
				bad = append(bad, fmt.Sprintf("%s: %q, the register has %d", k, m[0], areas))
			}
		}
	}
	if !strings.HasSuffix(all["plan issuer"], "Đoàn "+lower) || !strings.Contains(all["plan title"], lower) {
		bad = append(bad, fmt.Sprintf("plan %q issued by %q, want the ward's (%s)", all["plan title"], all["plan issuer"], lower))
	}
	// The year's texts differ from year to year.
	for _, k := range []string{"situation", "inspection", "causes", "lessons", "recommendations", "achievements", "shortcomings", "next"} {
		seen := map[string]int{}
		for y := year - 2; y <= year; y++ {
			v := all[fmt.Sprintf("%d %s", y, k)]
			if v == "" {
				bad = append(bad, fmt.Sprintf("%d %s empty", y, k))
			} else if prev, ok := seen[v]; ok {
				bad = append(bad, fmt.Sprintf("%s of %d word for word that of %d", k, y, prev))
			}
			seen[v] = y
		}
	}
	return bad
}

func report(t *testing.T, what string, bad []string) {
	t.Helper()
	for i, b := range bad {
		if i == 10 {
			t.Errorf("%s: … and %d more", what, len(bad)-10)
			return
		}
		t.Errorf("%s: %s", what, b)
	}
}

// TestDemoKeepsTheRules: demo wards of seeds 1 to 5, made in July and in
// December, of this year or a past one, keep every rule, are named by
// their seed (three seeds, three wards to consolidate) and call themselves
// by that name only.
func TestDemoKeepsTheRules(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		seed  int64
		now   time.Time
		year  int // 0: the year of now
		place string
	}{
		{1, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC), 0, "Phường Hòa Mẫu"},
		{2, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC), 0, "Xã Tân Phú Trung"},
		{3, time.Date(2026, 7, 10, 9, 0, 0, 0, time.UTC), 0, "Phường Mỹ Sen"},
		{4, time.Date(2026, 7, 10, 9, 0, 0, 0, time.UTC), 2025, "Xã Bình Thành"},
		{5, time.Date(2025, 12, 31, 9, 0, 0, 0, time.UTC), 0, "Phường An Lạc"},
		{6, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC), 2021, "Xã Long Hậu"},
	}
	names := []string{"Hòa Mẫu", "Tân Phú Trung", "Mỹ Sen", "Bình Thành", "An Lạc", "Long Hậu"}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.seed), func(t *testing.T) {
			t.Parallel()
			st := openAt(t, tt.now)
			if err := Generate(ctx, st, Options{Members: 800, Seed: tt.seed, Year: tt.year}); err != nil {
				t.Fatal(err)
			}
			year := tt.year
			if year == 0 {
				year = tt.now.Year()
			}
			r := readBack(t, st)
			if len(r.people) != 800 {
				t.Fatalf("%d people", len(r.people))
			}
			report(t, "rules", checkRules(t, st, r, year))
			var others []string
			for _, n := range names {
				if !strings.HasSuffix(tt.place, n) {
					others = append(others, n)
				}
			}
			report(t, "name", checkName(t, st, r, year, tt.place, others))
		})
	}
}

// TestDemoUnderTheWardsOwnName: after init --unit for a xã, the demo is
// that xã everywhere: its ấp, its police, its plan; never Hòa Mẫu (the
// seed's own ward) nor khóm.
func TestDemoUnderTheWardsOwnName(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	if err := st.SaveUnit(ctx, domain.Unit{UpperBody: "TỈNH ĐOÀN ĐỒNG THÁP", Name: "BCH ĐOÀN XÃ TÂN KHÁNH TRUNG", Place: "Xã Tân Khánh Trung"}); err != nil {
		t.Fatal(err)
	}
	if err := Generate(ctx, st, Options{Members: 300, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	r := readBack(t, st)
	report(t, "rules", checkRules(t, st, r, 2026))
	report(t, "name", checkName(t, st, r, 2026, "Xã Tân Khánh Trung", []string{"Hòa Mẫu", "Mỹ Sen", "Tân Phú Trung"}))
	if r.unit.Name != "BCH ĐOÀN XÃ TÂN KHÁNH TRUNG" {
		t.Errorf("the unit's name became %q", r.unit.Name)
	}
	police := false
	for _, b := range r.branches {
		police = police || b.Name == "Chi đoàn Công an xã Tân Khánh Trung"
	}
	if !police {
		t.Errorf("no Chi đoàn Công an xã Tân Khánh Trung in %v", r.branches)
	}
}

// TestDemoIsDeterministic: same seed, same people; another seed, others.
func TestDemoIsDeterministic(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	names := func(seed int64) string {
		st := openAt(t, now)
		if err := Generate(ctx, st, Options{Members: 200, Seed: seed, Year: 2025}); err != nil {
			t.Fatal(err)
		}
		ps, err := st.ListMembers(ctx, store.MemberFilter{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.FullName()+" "+p.BirthDate.String())
		}
		return strings.Join(out, ", ")
	}
	a, b, c := names(1), names(1), names(2)
	if a != b {
		t.Errorf("same seed, different wards:\n%s\n%s", a, b)
	}
	if a == c {
		t.Error("different seeds, same ward")
	}
}

// TestDemoRefusesARegisterWithPeople: invented people never mix with real
// ones; nothing is written.
func TestDemoRefusesARegisterWithPeople(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	p := &domain.Person{FamilyName: "Lê", MiddleName: "Thị", GivenName: "Hoa", Gender: domain.Female, BirthDate: domain.MustDate(2001, 2, 3),
		UnionMember: true, AdmissionDate: domain.MustDate(2017, 3, 26), CardNumber: "0879999999"}
	if err := st.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	err := Generate(ctx, st, Options{Members: 50, Seed: 1})
	if err == nil || !strings.Contains(err.Error(), "đã có 1 người") {
		t.Fatalf("demo over a real person: %v", err)
	}
	if bs, _ := st.Branches(ctx, true); len(bs) != 0 {
		t.Errorf("a refused demo wrote %d branches", len(bs))
	}
}

// TestRatingsFollowTheCriteria: a branch that meets every criterion is
// rated in the top two levels; one that misses one never best.
func TestRatingsFollowTheCriteria(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	if err := Generate(ctx, st, Options{Members: 600, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	bs, err := st.Branches(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	full := 0
	for _, b := range bs {
		for y := 2024; y <= 2026; y++ {
			by, err := st.BranchYear(ctx, b.ID, y)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case by.Standard && by.Rating != "excellent" && by.Rating != "good":
				t.Errorf("%s %d meets every criterion, rated %q", b.Name, y, by.Rating)
			case !by.Standard && by.Rating == "excellent":
				t.Errorf("%s %d misses a criterion, rated best", b.Name, y)
			}
			if by.Standard {
				full++
			}
		}
	}
	if full == 0 {
		t.Error("no branch meets every criterion in any year")
	}
}

// TestDemoLooksLikeAWard: about a third are Nguyễn, the armed-forces
// branches are mostly men, nobody's middle name is his given name, the
// branch secretaries' club is the branch secretaries, groups since 2019
// are under NĐ 77/2019, and the unit names no signer (the positions do).
func TestDemoLooksLikeAWard(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	if err := Generate(ctx, st, Options{Members: 1500, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	r := readBack(t, st)
	var nguyen, armed, armedMen, same int
	for _, p := range r.people {
		if p.FamilyName == "Nguyễn" {
			nguyen++
		}
		if r.branches[p.BranchID].Kind == domain.BranchArmed {
			armed++
			if p.Gender == domain.Male {
				armedMen++
			}
		}
		if p.MiddleName == p.GivenName {
			same++
		}
	}
	if share := float64(nguyen) / float64(len(r.people)); share < 0.25 || share > 0.42 {
		t.Errorf("Nguyễn is %.0f%% of family names, want about a third", 100*share)
	}
	if armed == 0 || float64(armedMen) < 0.75*float64(armed) {
		t.Errorf("armed-forces branches: %d men of %d", armedMen, armed)
	}
	if same > 0 {
		t.Errorf("%d people's middle name is their given name", same)
	}
	secretaries := map[int64]bool{}
	for _, o := range r.offices {
		if o.Kind == "branch_secretary" {
			secretaries[o.PersonID] = true
		}
	}
	clubs, err := st.Clubs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range clubs {
		if c.Kind != "secretaries" {
			continue
		}
		c, err := st.Club(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range c.Members {
			if !secretaries[m.PersonID] {
				t.Errorf("%s in %s is no branch secretary", m.Name, c.Name)
			}
		}
	}
	coops, err := st.Coops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range coops {
		if !c.Founded.Before(domain.MustDate(2019, 11, 15)) && c.LegalBasis != "nd77_2019" {
			t.Errorf("%s founded %s under %s", c.Name, c.Founded, c.LegalBasis)
		}
	}
	if r.unit.SecretaryName != "" || r.unit.DeputyName != "" {
		t.Errorf("the demo writes signer names %q, %q: they must come from positions", r.unit.SecretaryName, r.unit.DeputyName)
	}
}

// TestDemoNamedByPlace: demo --place names a new register's ward; its unit
// settings follow (BCH ĐOÀN XÃ …).
func TestDemoNamedByPlace(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	if err := Generate(ctx, st, Options{Members: 200, Seed: 1, Place: "Xã Mỹ An Hưng"}); err != nil {
		t.Fatal(err)
	}
	r := readBack(t, st)
	report(t, "rules", checkRules(t, st, r, 2026))
	report(t, "name", checkName(t, st, r, 2026, "Xã Mỹ An Hưng", []string{"Hòa Mẫu", "Tân Phú Trung"}))
	if r.unit.Name != "BCH ĐOÀN XÃ MỸ AN HƯNG" || r.unit.IssuerCode != "ĐTN" {
		t.Errorf("unit %+v", r.unit)
	}
}
