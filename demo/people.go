package demo

import (
	"fmt"
	"math/rand/v2"

	"sodoan/domain"
	"sodoan/store"
)

// role is what a branch's members are in life, from which their ages,
// occupations and schooling follow.
type role int

const (
	roleArea       role = iota // a khóm or ấp: everyone, mixed
	roleSchool                 // a high school: pupils of grades 10–12
	roleAgency                 // the People's Committee: civil servants
	rolePolice                 // the ward police
	roleMilitary               // the ward military command
	roleEnterprise             // a company: workers
)

// minAge is the least age at which someone is in a branch of the role:
// the armed forces take adults, the People's Committee civil servants out
// of college or university, a company adult workers.
func (r role) minAge() int {
	switch r {
	case rolePolice, roleMilitary, roleEnterprise:
		return 18
	case roleAgency:
		return 22
	}
	return 16
}

// branch is one of the demo's branches.
type branch struct {
	id     int64
	name   string
	kind   domain.BranchKind
	role   role
	weight int // share of the Union members, in thousandths
}

// person is one invented person with what the register keeps of them.
type person struct {
	p       *domain.Person
	events  []domain.Event
	years   []domain.MemberYear
	branch  int         // index in the branches; -1: none (a Hội member only)
	arrived domain.Date // admitted or transferred in here (zero: not a Union member)
	left    domain.Date // came of age, transferred out or removed (zero: still here)
}

// activeOn reports whether the person is a Union member here on d.
func (p *person) activeOn(d domain.Date) bool {
	return !p.arrived.IsZero() && !p.arrived.After(d) && (p.left.IsZero() || p.left.After(d))
}

func randDate(r *rand.Rand, from, to domain.Date) domain.Date {
	days := int(to.Time().Sub(from.Time()).Hours() / 24)
	if days <= 0 {
		return from
	}
	return domain.AddDays(from, r.IntN(days+1))
}

func earliest(a, b domain.Date) domain.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func latest(a, b domain.Date) domain.Date {
	if b.After(a) {
		return b
	}
	return a
}

// birthFor draws a birth date that makes the person age years old on end.
func birthFor(r *rand.Rand, age int, end domain.Date) domain.Date {
	return randDate(r, domain.AddDays(end.AddYears(-age-1), 1), end.AddYears(-age))
}

// birthday is the day someone born on birth turns age: the day after the
// calendar date for one born on 29/02 (AddYears makes it 28/02).
func birthday(birth domain.Date, age int) domain.Date {
	d := birth.AddYears(age)
	if birth.AgeOn(d) < age {
		d = domain.AddDays(d, 1)
	}
	return d
}

// makePeople invents the ward's people, their data up to end (the data
// year's last day, or today). Every rule the register and the upper level
// hold them to is kept by construction: Union members are admitted at 16
// or older and leave (come of age, most of them) before they turn 31, by
// today if the data year is past, so that they are 16 to 30 at any date
// they are counted; each branch has the ages and occupations of its role
// from the day they are counted in it; a transfer in keeps the admission
// date and card of the unit they come from; Hội members join at 15 or
// older and are 30 or younger today.
func makePeople(r *rand.Rand, o Options, w ward, branches []branch, end, today domain.Date) []*person {
	areas := []string{}
	for _, b := range branches {
		if b.role == roleArea {
			areas = append(areas, b.name[len("Chi đoàn "):])
		}
	}
	others := w.otherUnits()
	total := 0
	for _, b := range branches {
		total += b.weight
	}
	people := make([]*person, 0, o.Members)
	for i := 0; i < o.Members; i++ {
		pp := &person{branch: -1, p: &domain.Person{}}
		p := pp.p
		union := r.IntN(100) < 82
		ro := roleArea
		if union {
			k := r.IntN(total)
			for bi, b := range branches {
				if k < b.weight {
					pp.branch, ro = bi, b.role
					break
				}
				k -= b.weight
			}
		}
		female := r.IntN(100) < 51
		if ro == rolePolice || ro == roleMilitary {
			female = r.IntN(100) < 12 // the armed forces are mostly men
		}
		p.Gender = domain.Male
		if female {
			p.Gender = domain.Female
		}
		p.FamilyName, p.MiddleName, p.GivenName = name(r, female)

		// Age on the last day of the data. Past 30 only for those who
		// have left by their 31st birthday.
		var age int
		switch {
		case ro == roleSchool:
			// Grades 10–12 are born 15 to 17 years before the data year;
			// a Union member among them is 16 already.
			p.BirthDate = randDate(r, domain.MustDate(end.Year()-17, 1, 1), domain.AddDays(end.AddYears(-16), -30))
			age = p.BirthDate.AgeOn(end)
		case !union:
			// A Hội member: 15 to 30 today.
			age = 15 + r.IntN(max(1, 16-(today.Year()-end.Year())))
		default:
			age = max(ro.minAge()+2, 16) + r.IntN(33-max(ro.minAge()+2, 16))
		}
		if p.BirthDate.IsZero() {
			p.BirthDate = birthFor(r, age, end)
		}
		p.Occupation, p.Schooling, p.Qualification = lifeOf(r, ro, age, p.BirthDate, end, today, w)

		p.Ethnicity, p.Religion = pick(r, ethnicities), pick(r, religions)
		p.Hamlet = pick(r, areas)
		p.Address = fmt.Sprintf("%d %s", 1+r.IntN(300), pick(r, streets))
		if w.commune {
			p.Address = fmt.Sprintf("Tổ %d, %s", 1+r.IntN(12), p.Hamlet)
		}
		p.Language, p.ITLevel = pick(r, languages), pick(r, itLevels)
		p.LanguageFluent = p.Language != "" && r.IntN(3) == 0
		if age >= 22 && (r.IntN(100) < 15 || (p.Occupation == "civil_servant" && r.IntN(2) == 0)) {
			p.TheoryLevel = "elementary"
		}
		century := 0
		if p.BirthDate.Year() >= 2000 {
			century = 2
		}
		if female {
			century++
		}
		p.CitizenID = fmt.Sprintf("087%d%02d%06d", century, p.BirthDate.Year()%100, (i*7919+13)%1000000)
		if r.IntN(100) < 85 {
			p.Phone = fmt.Sprintf("0%d%08d", pick(r, []int{3, 7, 8, 9}), r.IntN(100000000))
		}

		if union {
			admitUnion(r, pp, ro, end, today, others, i)
		}
		// The Hội: everyone who is not in the Union here, and a third of
		// the members who are, joined at 15 or older; nobody past 30
		// today (their membership would have ended).
		if !union || (pp.left.IsZero() && r.IntN(100) < 35 && p.BirthDate.AgeOn(today) <= 30) {
			p.FederationMember, p.FederationDate = true, randDate(r, birthday(p.BirthDate, 15), end)
		}
		people = append(people, pp)
	}
	return people
}

// admitUnion gives a Union member his history here: admitted here, or
// admitted elsewhere and transferred in, on a day he already had his
// branch's age; then, for some, leaving. Whoever turns 31 by today has
// left before: after end if the data year is past.
func admitUnion(r *rand.Rand, pp *person, ro role, end, today domain.Date, others []string, i int) {
	p := pp.p
	p.UnionMember = true
	p.CardNumber = fmt.Sprintf("087%07d", 1000000+i)
	sixteen := birthday(p.BirthDate, 16)
	// The day he can first be counted in his branch.
	from := latest(sixteen, birthday(p.BirthDate, ro.minAge()))
	// Past 29 nobody is admitted or moves in: he would come of age at once.
	to := earliest(end, birthday(p.BirthDate, 29))
	if to.Before(from) {
		to = from
	}
	transfer := r.IntN(100) < 6
	if ro.minAge() > 16 {
		// Police officers, soldiers, civil servants and workers mostly
		// come with a Union card from school or their former unit.
		transfer = r.IntN(100) < 70
	}
	// A transfer needs time at the former unit first.
	if lo := latest(from, domain.AddDays(sixteen, 200)); transfer && !to.Before(lo) {
		pp.arrived = randDate(r, lo, to)
		p.AdmissionDate = randDate(r, sixteen, earliest(domain.AddDays(pp.arrived, -180), birthday(p.BirthDate, 20)))
		pp.events = append(pp.events, domain.Event{Kind: domain.EventTransferIn, Date: pp.arrived, Unit: pick(r, others)})
	} else {
		// Most are admitted at school, at 16 to 19.
		to = earliest(to, latest(from, birthday(p.BirthDate, 20)))
		pp.arrived = randDate(r, from, to)
		p.AdmissionDate = pp.arrived
		pp.events = append(pp.events, domain.Event{Kind: domain.EventAdmission, Date: pp.arrived})
	}
	p.BranchID = -1 // set once the branches are written

	after := domain.AddDays(pp.arrived, 1)
	thirty := domain.MustDate(p.BirthDate.Year()+30, 1, 1) // coming of age from the year one turns 30
	lastDay := domain.AddDays(birthday(p.BirthDate, 31), -1)
	var ev domain.Event
	switch roll := r.IntN(100); {
	case !lastDay.After(today) || (!thirty.After(end) && roll < 55):
		// Turned 31 by today (everyone leaves before), or turned 30
		// and had the ceremony: most come of age, a few move away first.
		lo, hi := latest(thirty, after), earliest(lastDay, end)
		if !lastDay.After(today) {
			hi = lastDay
		}
		if hi.Before(lo) {
			lo = hi
		}
		if roll < 88 && !hi.Before(thirty) {
			ev = domain.Event{Kind: domain.EventComingOfAge, Date: randDate(r, lo, hi)}
		} else {
			ev = domain.Event{Kind: domain.EventTransferOut, Date: randDate(r, after, hi), Unit: pick(r, others)}
		}
	case roll < 4:
		ev = domain.Event{Kind: domain.EventTransferOut, Date: randDate(r, after, end), Unit: pick(r, others)}
	case roll == 4:
		ev = domain.Event{Kind: domain.EventRemoval, Date: randDate(r, after, end), Reason: "Bỏ sinh hoạt quá 6 tháng không có lý do"}
	}
	if ev.Kind != "" && ev.Date.After(pp.arrived) && !ev.Date.After(today) {
		pp.events = append(pp.events, ev)
		pp.left = ev.Date
	}
}

// lifeOf is what someone of the role and age does: occupation, the grade
// reached and any qualification, at the end of the data; a student is
// one still today (25 at most), which a past year's demo must keep too.
func lifeOf(r *rand.Rand, ro role, age int, birth, end, today domain.Date, w ward) (domain.Occupation, int, domain.Qualification) {
	// A pupil is in the grade of his birth year: born 15 years before
	// the school year's first calendar year is in grade 10.
	schoolYear := end.Year()
	if end.Month() < 9 {
		schoolYear--
	}
	grade := min(12, schoolYear-birth.Year()-5)
	adult := func() (int, domain.Qualification) {
		s := 12
		if r.IntN(100) < 20 {
			s = 9 + r.IntN(3)
		}
		q := domain.Qualification("")
		if age >= 20 && s == 12 {
			q = pick(r, []domain.Qualification{"", "", "vocational", "college", "university", "university"})
		}
		return s, q
	}
	switch ro {
	case roleSchool:
		return "student", grade, ""
	case roleAgency:
		return "civil_servant", 12, pick(r, []domain.Qualification{"university", "university", "university", "college"})
	case rolePolice:
		return "armed", 12, pick(r, []domain.Qualification{"vocational", "college", "university", "university"})
	case roleMilitary:
		return "armed", 12, pick(r, []domain.Qualification{"", "vocational", "college", "university"})
	case roleEnterprise:
		s, q := adult()
		return pick(r, []domain.Occupation{"worker", "worker", "worker", "worker", "other"}), s, q
	}
	// A khóm or ấp: everyone who lives there.
	switch {
	case age <= 17 || grade <= 12 && age <= 18 && r.IntN(2) == 0:
		return "student", max(1, min(grade, age-6)), ""
	case age <= 22 && birth.AgeOn(today) <= 25 && r.IntN(100) < 40:
		return "student", 12, "" // at college or university
	}
	s, q := adult()
	jobs := []domain.Occupation{"worker", "worker", "self_employed", "self_employed", "self_employed", "farmer", "unemployed", "other"}
	if w.commune {
		jobs = []domain.Occupation{"farmer", "farmer", "farmer", "worker", "worker", "self_employed", "self_employed", "unemployed", "other"}
	}
	if age >= 23 && (q == "college" || q == "university") && r.IntN(100) < 30 {
		return "civil_servant", s, q // a teacher or a clerk living there
	}
	return pick(r, jobs), s, q
}

// members is the bulk load of the people.
func members(people []*person) []store.NewMember {
	out := make([]store.NewMember, len(people))
	for i, pp := range people {
		out[i] = store.NewMember{Person: pp.p, Events: pp.events, Years: pp.years}
	}
	return out
}
