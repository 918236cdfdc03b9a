package store

// Unit holds the settings of the ward Union that owns the register: what its
// documents print in their header and signature.
type Unit struct {
	UpperBody     string // TỈNH ĐOÀN ĐỒNG THÁP
	Name          string // BCH ĐOÀN PHƯỜNG 1
	Place         string // Phường 1 (the date line: "Phường 1, ngày …")
	IssuerCode    string // ĐTN
	SecretaryName string
	DeputyName    string
}

// Person is one young person of the register: a Union member, a Federation
// member, or both. Status is derived from the membership events and is
// read-only for callers.
type Person struct {
	ID               int64
	FamilyName       string // họ
	MiddleName       string // tên đệm
	GivenName        string // tên
	Gender           Gender
	BirthDate        Date
	Ethnicity        string // Kinh, Hoa, Khmer …
	Religion         string // empty: none
	CitizenID        string // CCCD (12 digits) or CMND (9)
	Phone            string
	Address          string
	Hamlet           string // khóm, ấp
	Occupation       Occupation
	Schooling        int // grade reached out of 12 (0: unknown)
	Qualification    Qualification
	TheoryLevel      TheoryLevel
	ITLevel          string
	Language         string
	LanguageFluent   bool
	YouthWorkTrained bool // trained in youth work (for indicator 2.4)

	UnionMember   bool
	AdmissionDate Date   // ngày vào Đoàn
	CardNumber    string // số thẻ đoàn viên
	BranchID      int64  // 0: none

	FederationMember bool
	FederationDate   Date

	Note string

	// Derived, filled by reads.
	Status     Status
	BranchName string
	Position   string // highest current office, Vietnamese label
}

// FullName is "họ tên đệm tên" with single spaces.
func (p *Person) FullName() string { return joinName(p.FamilyName, p.MiddleName, p.GivenName) }

// Event is a dated membership event of a person.
type Event struct {
	ID       int64
	PersonID int64
	Kind     EventKind
	Date     Date
	Unit     string // transfer: the other unit (from / to)
	Reason   string // removal: why
	Note     string
}

// MemberYear is the yearly record of a Union member.
type MemberYear struct {
	PersonID           int64
	Year               int
	Rating             Rating // empty: not rated yet
	TrainingRegistered bool
	TrainingCompleted  bool
	PartyIntroduced    Date // introduced to the Party (zero: not)
	PartyAdmitted      Date // admitted to the Party (zero: not)
}

// Position is a Union office held by a person over a period.
type Position struct {
	ID       int64
	PersonID int64
	Kind     PositionKind
	BranchID int64 // for branch offices
	Start    Date
	End      Date // zero: still holding it
}

// Branch is a chi đoàn.
type Branch struct {
	ID        int64
	Name      string
	Kind      BranchKind
	Active    bool
	Dissolved Date
	Note      string

	// Derived, filled by ListBranches.
	Members int
}

// Criterion is one item of the standard-branch checklist; the checklist is
// data because the upper body changes it.
type Criterion struct {
	ID     int64
	Code   string // "1" … "8"
	Text   string
	Order  int
	Active bool // in force now; the store keeps FromYear and ToYear in step
	// The years the criterion applies to (0: open). A criterion added
	// applies from the year it is added; one retired, up to the year
	// before it was retired.
	FromYear int
	ToYear   int
}

// AppliesIn reports whether the criterion is part of the checklist of year.
func (c Criterion) AppliesIn(year int) bool {
	return (c.FromYear == 0 || c.FromYear <= year) && (c.ToYear == 0 || c.ToYear >= year)
}

// BranchYear is a branch's assessment for one year.
type BranchYear struct {
	BranchID int64
	Year     int
	Met      []int64 // IDs of the criteria met
	Rating   string  // one of UnitRatings (empty: not rated)
	Standard bool    // derived: every active criterion met
}

// Club is a câu lạc bộ.
type Club struct {
	ID      int64
	Name    string
	Kind    ClubKind
	Founded Date
	Leader  string
	Active  bool
	Note    string
	Members []GroupMember
}

// GroupMember is a member of a club or cooperative group: a person of the
// register (PersonID) or a named outsider.
type GroupMember struct {
	ID       int64
	PersonID int64  // 0: outsider
	Name     string // the person's full name, or the outsider's
	Role     string
}

// Coop is a tổ hợp tác.
type Coop struct {
	ID           int64
	Name         string
	Field        string
	Founded      Date
	ContractDate Date   // contract registered with the commune
	LegalBasis   string // one of LegalBases
	Capital      int64  // đồng
	Active       bool
	Note         string
	Members      []GroupMember
}

// CoopYear is a cooperative group's results for one year.
type CoopYear struct {
	CoopID         int64
	Year           int
	Revenue        int64 // đồng
	AvgIncome      int64 // đồng a member a month
	Support        string
	SupportedModel bool // the year's economic model the Union supported
}

// WardYear holds the yearly ward figures the register cannot derive.
type WardYear struct {
	Year            int
	ResidentYouth   int    // youth living in the ward
	NewPartyMembers int    // admitted to the Party in the ward this year
	Rating          string // the ward Union's own rating (UnitRatings)
	// Report texts written by the secretary for the annual report.
	Achievements string
	Shortcomings string
	NextSteps    string
}

// Plan is a plan with measurable targets, such as 25-KH/ĐTN.
type Plan struct {
	ID         int64
	Number     string // 25-KH/ĐTN
	Title      string
	StartYear  int
	EndYear    int
	Current    bool
	Issued     Date   // the plan's own date (a ward's plan is due by 20/5)
	Issuer     string // the body that issued it: "Ban Thường vụ Đoàn phường Hòa Mẫu"
	UpperPlan  string // the upper plan it implements: "Kế hoạch số 268-KH/TĐTN, ngày 04/4/2024 của Ban Thường vụ Tỉnh Đoàn"
	Indicators []Indicator
}

// Indicator is one measurable target of a plan.
type Indicator struct {
	ID      int64
	PlanID  int64
	Code    string // 2.5a
	Section string // 2.5
	Title   string
	Kind    IndicatorKind
	Metric  string  // how the register measures it (see Metrics); "manual" for ticked ones
	Target  float64 // count or percent; 1 for a check
	// Period is true when the target is for the whole plan period (the
	// yearly results add up towards it), false when each year must reach it.
	Period bool
	Order  int
}

// Result is an indicator's actual value for a year or a period.
type Result struct {
	Indicator Indicator
	Actual    float64
	// Cumulative is, for a period target, the sum from the plan's first
	// year through this one; Met then says whether the period is on track
	// (cumulative at least the target's share of the years elapsed).
	Cumulative float64
	Known      bool // false when the register lacks the figures (e.g. no resident youth entered)
	// Met is Verdict.Code == VerdictMet: the target itself is reached.
	Met bool
	// Verdict is the assessment every screen and report prints.
	Verdict Verdict
	Detail  string // how it was computed, e.g. "12/14 chi đoàn"
	// DetailMsg is Detail as a message, for the window to translate
	// (empty for a consolidated result, whose Detail is only Vietnamese).
	DetailMsg Message
	// Num and Den are a measured percentage's numerator and denominator
	// (12 and 14 above); zero for counts and checks. An upper level adds
	// them up across its wards, and a period across its years rather than
	// averaging percentages. Introduced is 2.5d's members introduced to
	// the Party in the span.
	Num, Den, Introduced int
}

// PeriodResult is a plan's indicators for every year of its period side by
// side, and the result for the whole period.
type PeriodResult struct {
	Plan   Plan
	Cutoff Date // the day counted to
	Years  []int
	ByYear [][]Result // ByYear[i] is Years[i]'s results, in the plan's indicator order
	// Total is the period's result: the sum of the years for period
	// targets, the latest year's value for yearly ones.
	Total []Result
}
