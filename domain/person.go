package domain

import "strings"

// Person is one young person of the register: a Union member, a Federation
// member, or both. Status is derived from the membership events and is
// read-only for callers.
type Person struct {
	ID             int64
	FamilyName     string // họ
	MiddleName     string // tên đệm
	GivenName      string // tên
	Gender         Gender
	BirthDate      Date
	Ethnicity      string // Kinh, Hoa, Khmer …
	Religion       string // empty: none
	CitizenID      string // CCCD (12 digits) or CMND (9)
	Phone          string
	Address        string
	Hamlet         string // khóm, ấp
	Occupation     Occupation
	DuesCategory   DuesCategory // "": derived from Occupation (see Dues)
	Schooling      int          // grade reached out of 12 (0: unknown)
	Qualification  Qualification
	TheoryLevel    TheoryLevel
	ITLevel        string
	Language       string
	LanguageFluent bool

	UnionMember   bool
	AdmissionDate Date   // ngày vào Đoàn
	CardNumber    string // số thẻ đoàn viên
	CardDate      Date   // ngày trao thẻ đoàn viên (zero: not handed yet)
	BranchID      int64  // 0: none

	FederationMember bool
	FederationDate   Date
	// FederationEnd is the day the Hội membership ended (zero: it has
	// not): from that day the person is no longer a hội viên (see
	// store.federationOn). It is not a field of the form: the member page
	// ends a membership with a reason (store.EndFederation).
	FederationEnd       Date
	FederationEndReason FederationEndReason

	Note string

	// ChangesFrom is the day a change of the dues category (her
	// occupation's included) or of the branch saved with this person
	// takes effect (zero: the day of the save): the months before keep
	// the category and the branch in force then (store.SavePerson records
	// the old value up to that day). Not a field of the catalog: the form
	// asks it beside them.
	ChangesFrom Date

	// Derived, filled by reads.
	Status     Status
	BranchName string
	Position   string // highest current office, Vietnamese label
}

// Dues is the person's dues category: the one set, or else the one her
// occupation implies. Pupils and students, the unemployed and farmers pay
// the rate without wages (NQ 07-NQ/TWĐTN); everyone else, an unknown
// occupation included, the rate with wages, until the form says otherwise.
func (p *Person) Dues() DuesCategory {
	if p.DuesCategory != "" {
		return p.DuesCategory
	}
	switch p.Occupation {
	case "student", "unemployed", "farmer":
		return DuesNoWage
	}
	return DuesWage
}

// FullName is "họ tên đệm tên" with single spaces.
func (p *Person) FullName() string { return JoinName(p.FamilyName, p.MiddleName, p.GivenName) }

// Position is a Union office held by a person over a period.
type Position struct {
	ID       int64
	PersonID int64
	Kind     PositionKind
	BranchID int64 // for branch offices
	Start    Date
	End      Date // zero: still holding it
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// NormalizePhone strips the spaces, dots and dashes people type in phone
// numbers and turns +84 into 0.
func NormalizePhone(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' || r == '(' || r == ')' {
			return -1
		}
		return r
	}, s)
	if strings.HasPrefix(s, "+84") {
		s = "0" + s[3:]
	} else if strings.HasPrefix(s, "84") && len(s) == 11 {
		s = "0" + s[2:]
	}
	return s
}

// CleanPerson normalises every text field of p in place.
func CleanPerson(p *Person) {
	for _, f := range PersonFields {
		f.clean(p)
	}
}

// ValidatePerson checks the rules of the register that need no database;
// card uniqueness is checked by the caller in the same transaction.
func ValidatePerson(p *Person, row int, today Date) *Checker {
	c := &Checker{Row: row}
	checkPersonText(c, p)
	if p.FamilyName == "" {
		c.Add("FamilyName", fieldLabel("FamilyName"), "không được để trống")
	}
	if p.GivenName == "" {
		c.Add("GivenName", fieldLabel("GivenName"), "không được để trống")
	}
	if strings.ContainsAny(p.GivenName, " ") {
		c.Add("GivenName", fieldLabel("GivenName"), "chỉ gồm một từ; phần còn lại là tên đệm")
	}
	if p.Gender != Male && p.Gender != Female {
		c.Add("Gender", fieldLabel("Gender"), "chọn Nam hoặc Nữ")
	}
	if p.BirthDate.IsZero() {
		c.Add("BirthDate", fieldLabel("BirthDate"), "không được để trống")
	} else if p.BirthDate.After(today) {
		c.Add("BirthDate", fieldLabel("BirthDate"), "%s ở tương lai", p.BirthDate)
	}
	if p.CitizenID != "" && !(isDigits(p.CitizenID) && (len(p.CitizenID) == 12 || len(p.CitizenID) == 9)) {
		c.Add("CitizenID", fieldLabel("CitizenID"), "%q phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số)", p.CitizenID)
	}
	if p.Phone != "" && !(isDigits(p.Phone) && len(p.Phone) == 10 && p.Phone[0] == '0') {
		c.Add("Phone", fieldLabel("Phone"), "%q phải gồm 10 chữ số, bắt đầu bằng 0", p.Phone)
	}
	for _, f := range PersonFields {
		// Gender has its own message above; every other list refuses a
		// code it does not have.
		if f.Kind != FieldChoice || f.Name == "Gender" {
			continue
		}
		if v := *f.Ptr(p).(*string); (v != "" || !f.Optional) && !ValidCode(f.Choices, v) {
			c.Add(f.Name, f.Label, "%q không có trong danh mục", v)
		}
	}
	if p.Schooling < 0 || p.Schooling > 12 {
		c.Add("Schooling", fieldLabel("Schooling"), "phải từ 0 đến 12 (lớp x/12)")
	}
	if !p.UnionMember && !p.FederationMember {
		c.Add("UnionMember", "Loại", "phải là đoàn viên, hội viên hoặc cả hai")
	}
	if p.UnionMember {
		switch {
		case p.AdmissionDate.IsZero():
			c.Add("AdmissionDate", fieldLabel("AdmissionDate"), "không được để trống với đoàn viên")
		case p.AdmissionDate.After(today):
			c.Add("AdmissionDate", fieldLabel("AdmissionDate"), "%s ở tương lai", p.AdmissionDate)
		case !p.BirthDate.IsZero() && p.AdmissionDate.Before(p.BirthDate):
			c.Add("AdmissionDate", fieldLabel("AdmissionDate"), "%s trước ngày sinh %s", p.AdmissionDate, p.BirthDate)
		case !p.BirthDate.IsZero() && p.BirthDate.AgeOn(p.AdmissionDate) < 15:
			c.Add("AdmissionDate", fieldLabel("AdmissionDate"), "khi kết nạp mới %d tuổi; phải từ đủ 15 tuổi", p.BirthDate.AgeOn(p.AdmissionDate))
		}
		if p.CardNumber != "" && len([]rune(p.CardNumber)) > 20 {
			c.Add("CardNumber", fieldLabel("CardNumber"), "quá dài (tối đa 20 ký tự)")
		}
		// A card is handed to a member: not before she was admitted, not
		// in the future.
		switch {
		case p.CardDate.IsZero():
		case p.CardDate.After(today):
			c.Add("CardDate", fieldLabel("CardDate"), "%s ở tương lai", p.CardDate)
		case !p.AdmissionDate.IsZero() && p.CardDate.Before(p.AdmissionDate):
			c.Add("CardDate", fieldLabel("CardDate"), "%s trước ngày vào Đoàn %s", p.CardDate, p.AdmissionDate)
		}
	}
	if p.FederationMember && !p.FederationDate.IsZero() {
		switch {
		case p.FederationDate.After(today):
			c.Add("FederationDate", fieldLabel("FederationDate"), "%s ở tương lai", p.FederationDate)
		case !p.BirthDate.IsZero() && p.FederationDate.Before(p.BirthDate):
			c.Add("FederationDate", fieldLabel("FederationDate"), "%s trước ngày sinh %s", p.FederationDate, p.BirthDate)
		case !p.BirthDate.IsZero() && p.BirthDate.AgeOn(p.FederationDate) < FederationMinAge:
			// Điều lệ Hội LHTN Việt Nam: thanh niên từ đủ 15 tuổi.
			c.Add("FederationDate", fieldLabel("FederationDate"), "vào Hội ngày %s khi mới %d tuổi (sinh %s); phải từ đủ %d tuổi",
				p.FederationDate, p.BirthDate.AgeOn(p.FederationDate), p.BirthDate, FederationMinAge)
		}
	}
	return c
}

// CheckPerson reports the rules a copy of p breaks that need no database
// (nil when none), without writing: a form can show every message at once,
// even while one of its fields cannot be read yet. Dates are judged
// against today, the caller's clock.
func CheckPerson(p Person, today Date) error {
	CleanPerson(&p)
	return ValidatePerson(&p, 0, today).Err()
}

// checkPersonText checks every text field of a person against its rule
// (textrules.go).
func checkPersonText(c *Checker, p *Person) {
	for _, f := range PersonFields {
		if v, ok := f.Ptr(p).(*string); ok && f.Kind != FieldChoice && f.Rule != (TextRule{}) {
			c.Text(f.Name, f.Label, *v, f.Rule)
		}
	}
}
