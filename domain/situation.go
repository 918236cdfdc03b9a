package domain

// Tally is a head count split by gender, under a label (a branch kind, an
// occupation group …).
type Tally struct {
	Code   string // the code of the group ("" for people without one)
	Label  string
	Total  int
	Male   int
	Female int
}

// Add counts n people of gender g.
func (t *Tally) Add(g Gender, n int) {
	t.Total += n
	if g == Female {
		t.Female += n
	} else {
		t.Male += n
	}
}

// Situation is the data of part I of the annual report: the organisation
// at the end of the year (or today, for the current year) and the
// membership movements during it.
type Situation struct {
	Year int
	AsOf Date // the day the counts are taken: the cut-off
	From Date // the first day of the working year (movements run From to AsOf)

	Branches       int     // branches active on AsOf
	BranchesByKind []Tally // Total is the number of branches (no gender split)

	Union                  Tally   // Union members on AsOf
	Federation             Tally   // Federation members on AsOf
	UnionByKind            []Tally // Union members by the kind of their branch (BranchKinds order, then no branch)
	UnionByOccupation      []Tally // Union members by occupation group (Occupations order, then unknown)
	FederationByOccupation []Tally

	// Movements during the year (events dated in it).
	Admissions    int
	TransfersIn   int
	TransfersOut  int
	ComingOfAge   int
	Removals      int
	NewFederation int // Federation members whose joining date is in the year
}

// OccupationTallies is one empty tally per occupation, in the list's order.
func OccupationTallies() []Tally {
	t := make([]Tally, len(Occupations))
	for i, c := range Occupations {
		t[i] = Tally{Code: c.Code, Label: c.Label}
	}
	return t
}

// AddTo applies fn to the tally of code, appending one (labelled from the
// list, or none for an empty or unknown code) when missing.
func AddTo(ts []Tally, code string, list []Choice, none string, fn func(*Tally)) []Tally {
	if code != "" && !ValidCode(list, code) {
		code = ""
	}
	for i := range ts {
		if ts[i].Code == code {
			fn(&ts[i])
			return ts
		}
	}
	t := Tally{Code: code, Label: none}
	if code != "" {
		t.Label = LabelOf(list, code)
	}
	fn(&t)
	return append(ts, t)
}

// Overview holds the dashboard's counts for a year.
type Overview struct {
	Year          int
	UnionByStatus map[Status]int // every Union member by derived status
	UnionActive   int
	UnionMale     int // active Union members by gender
	UnionFemale   int
	Federation    int
	Branches      int // active branches
	Clubs         int // active clubs
	Coops         int // active cooperative groups
	TurningThirty int // active Union members who turn 30 in Year
	Admitted      int // admissions in Year
	LastBackup    Date
}
