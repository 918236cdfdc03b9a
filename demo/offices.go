package demo

import (
	"math/rand/v2"

	"sodoan/domain"
)

// office is an office the demo gives: to whom, which, in which branch (-1:
// the ward's committee) and from when.
type office struct {
	holder *person
	kind   domain.PositionKind
	branch int
	start  domain.Date
}

// makeOffices elects the ward's committee (Bí thư, Phó Bí thư, three more
// of the Ban Thường vụ, seven of the Ban Chấp hành) at the congress three
// years before the data year, and a secretary for each branch at its
// congress. Every holder is a member here on the day the office starts
// (so at 16 or older) and still is at the end of the data; an officer
// admitted or arrived after the congress takes office from his arrival.
// The committee's members are given the schooling, qualification and
// training their office asks.
func makeOffices(r *rand.Rand, o Options, people []*person, branches []branch, end domain.Date) []office {
	congress := earliest(domain.MustDate(o.Year-3, 9, 20), end)
	var offices []office
	taken := map[*person]bool{}
	// Candidates for the committee: members to the end, 20 or older and
	// out of school; those already members at the congress first, the
	// People's Committee's civil servants first for the two secretaries.
	var ready, later []*person
	for _, pp := range people {
		if pp.arrived.IsZero() || !pp.left.IsZero() || pp.p.Occupation == "student" || pp.p.BirthDate.AgeOn(end) < 20 {
			continue
		}
		if !pp.arrived.After(congress) && pp.p.BirthDate.AgeOn(congress) >= 20 {
			ready = append(ready, pp)
		} else {
			later = append(later, pp)
		}
	}
	r.Shuffle(len(ready), func(i, j int) { ready[i], ready[j] = ready[j], ready[i] })
	r.Shuffle(len(later), func(i, j int) { later[i], later[j] = later[j], later[i] })
	candidates := append(ready, later...)
	kinds := []domain.PositionKind{"secretary", "deputy", "standing", "standing", "standing",
		"executive", "executive", "executive", "executive", "executive", "executive", "executive"}
	for _, k := range kinds {
		var holder *person
		for _, pp := range candidates {
			if taken[pp] {
				continue
			}
			if (k == "secretary" || k == "deputy") && pp.p.Occupation != "civil_servant" && hasCivilServant(candidates, taken) {
				continue
			}
			holder = pp
			break
		}
		if holder == nil {
			break
		}
		taken[holder] = true
		start := latest(congress, latest(holder.arrived, birthday(holder.p.BirthDate, 20)))
		offices = append(offices, office{holder: holder, kind: k, branch: -1, start: start})
		p := holder.p
		p.Schooling = 12
		p.Qualification = pick(r, []domain.Qualification{"college", "university", "university"})
		p.TheoryLevel = pick(r, []domain.TheoryLevel{"elementary", "elementary", "intermediate", ""})
		if r.IntN(5) == 0 {
			if p.Language == "" {
				p.Language = "Tiếng Anh"
			}
			p.LanguageFluent = true
		}
	}
	// Each branch's secretary, elected at the branch congress (a school's
	// at the start of the school year): the longest-standing member.
	schoolYear := domain.MustDate(end.Year(), 9, 20)
	if schoolYear.After(end) {
		schoolYear = domain.MustDate(end.Year()-1, 9, 20)
	}
	for bi, b := range branches {
		elected := earliest(domain.MustDate(o.Year-1, 10, 5), end)
		least := 18
		if b.role == roleSchool {
			elected, least = schoolYear, 16
		}
		var holder *person
		for _, pp := range people {
			if pp.branch != bi || !pp.left.IsZero() || pp.arrived.IsZero() || pp.p.BirthDate.AgeOn(end) < least ||
				(taken[pp] && pp.holdsTop(offices)) {
				continue
			}
			if holder == nil || pp.arrived.Before(holder.arrived) {
				holder = pp
			}
		}
		if holder == nil {
			continue
		}
		taken[holder] = true
		start := latest(elected, latest(holder.arrived, birthday(holder.p.BirthDate, least)))
		offices = append(offices, office{holder: holder, kind: "branch_secretary", branch: bi, start: start})
	}
	return offices
}

// hasCivilServant reports whether a civil servant is still free among the
// candidates.
func hasCivilServant(candidates []*person, taken map[*person]bool) bool {
	for _, pp := range candidates {
		if !taken[pp] && pp.p.Occupation == "civil_servant" {
			return true
		}
	}
	return false
}

// holdsTop reports whether the person is the ward's secretary or deputy,
// who do not also lead a branch.
func (p *person) holdsTop(offices []office) bool {
	for _, of := range offices {
		if of.holder == p && (of.kind == "secretary" || of.kind == "deputy") {
			return true
		}
	}
	return false
}
