package domain

import "strings"

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
	p.FamilyName = Clean(p.FamilyName)
	p.MiddleName = Clean(p.MiddleName)
	p.GivenName = Clean(p.GivenName)
	p.Ethnicity = Clean(p.Ethnicity)
	p.Religion = Clean(p.Religion)
	p.CitizenID = strings.ReplaceAll(strings.TrimSpace(p.CitizenID), " ", "")
	p.Phone = NormalizePhone(strings.TrimSpace(p.Phone))
	p.Address = Clean(p.Address)
	p.Hamlet = Clean(p.Hamlet)
	p.ITLevel = Clean(p.ITLevel)
	p.Language = Clean(p.Language)
	p.CardNumber = strings.TrimSpace(p.CardNumber)
	p.Note = CleanLines(p.Note)
}

// ValidatePerson checks the rules of the register that need no database;
// card uniqueness is checked by the caller in the same transaction.
func ValidatePerson(p *Person, row int, today Date) *Checker {
	c := &Checker{Row: row}
	checkPersonText(c, p)
	if p.FamilyName == "" {
		c.Add("FamilyName", "Họ", "không được để trống")
	}
	if p.GivenName == "" {
		c.Add("GivenName", "Tên", "không được để trống")
	}
	if strings.ContainsAny(p.GivenName, " ") {
		c.Add("GivenName", "Tên", "chỉ gồm một từ; phần còn lại là tên đệm")
	}
	if p.Gender != Male && p.Gender != Female {
		c.Add("Gender", "Giới tính", "chọn Nam hoặc Nữ")
	}
	if p.BirthDate.IsZero() {
		c.Add("BirthDate", "Ngày sinh", "không được để trống")
	} else if p.BirthDate.After(today) {
		c.Add("BirthDate", "Ngày sinh", "%s ở tương lai", p.BirthDate)
	}
	if p.CitizenID != "" && !(isDigits(p.CitizenID) && (len(p.CitizenID) == 12 || len(p.CitizenID) == 9)) {
		c.Add("CitizenID", "Số CCCD", "%q phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số)", p.CitizenID)
	}
	if p.Phone != "" && !(isDigits(p.Phone) && len(p.Phone) == 10 && p.Phone[0] == '0') {
		c.Add("Phone", "Số điện thoại", "%q phải gồm 10 chữ số, bắt đầu bằng 0", p.Phone)
	}
	if p.Occupation != "" && !ValidCode(Occupations, string(p.Occupation)) {
		c.Add("Occupation", "Nghề nghiệp", "%q không có trong danh mục", p.Occupation)
	}
	if !ValidCode(Qualifications, string(p.Qualification)) {
		c.Add("Qualification", "Trình độ chuyên môn", "%q không có trong danh mục", p.Qualification)
	}
	if !ValidCode(TheoryLevels, string(p.TheoryLevel)) {
		c.Add("TheoryLevel", "Lý luận chính trị", "%q không có trong danh mục", p.TheoryLevel)
	}
	if p.Schooling < 0 || p.Schooling > 12 {
		c.Add("Schooling", "Học vấn", "phải từ 0 đến 12 (lớp x/12)")
	}
	if !p.UnionMember && !p.FederationMember {
		c.Add("UnionMember", "Loại", "phải là đoàn viên, hội viên hoặc cả hai")
	}
	if p.UnionMember {
		switch {
		case p.AdmissionDate.IsZero():
			c.Add("AdmissionDate", "Ngày vào Đoàn", "không được để trống với đoàn viên")
		case p.AdmissionDate.After(today):
			c.Add("AdmissionDate", "Ngày vào Đoàn", "%s ở tương lai", p.AdmissionDate)
		case !p.BirthDate.IsZero() && p.AdmissionDate.Before(p.BirthDate):
			c.Add("AdmissionDate", "Ngày vào Đoàn", "%s trước ngày sinh %s", p.AdmissionDate, p.BirthDate)
		case !p.BirthDate.IsZero() && p.BirthDate.AgeOn(p.AdmissionDate) < 15:
			c.Add("AdmissionDate", "Ngày vào Đoàn", "khi kết nạp mới %d tuổi; phải từ đủ 15 tuổi", p.BirthDate.AgeOn(p.AdmissionDate))
		}
		if p.CardNumber != "" && len([]rune(p.CardNumber)) > 20 {
			c.Add("CardNumber", "Số thẻ đoàn viên", "quá dài (tối đa 20 ký tự)")
		}
	}
	if p.FederationMember && !p.FederationDate.IsZero() {
		if p.FederationDate.After(today) {
			c.Add("FederationDate", "Ngày vào Hội", "%s ở tương lai", p.FederationDate)
		} else if !p.BirthDate.IsZero() && p.FederationDate.Before(p.BirthDate) {
			c.Add("FederationDate", "Ngày vào Hội", "%s trước ngày sinh %s", p.FederationDate, p.BirthDate)
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
	c.Text("FamilyName", "Họ", p.FamilyName, RuleNamePart)
	c.Text("MiddleName", "Tên đệm", p.MiddleName, RuleNamePart)
	c.Text("GivenName", "Tên", p.GivenName, RuleNamePart)
	c.Text("Ethnicity", "Dân tộc", p.Ethnicity, ruleShort)
	c.Text("Religion", "Tôn giáo", p.Religion, ruleShort)
	c.Text("Address", "Địa chỉ", p.Address, RuleAddress)
	c.Text("Hamlet", "Khóm, ấp", p.Hamlet, RuleLine)
	c.Text("ITLevel", "Tin học", p.ITLevel, ruleShort)
	c.Text("Language", "Ngoại ngữ", p.Language, ruleShort)
	c.Text("CardNumber", "Số thẻ đoàn viên", p.CardNumber, RuleCode)
	c.Text("Note", "Ghi chú", p.Note, RuleNote)
}
