package domain

import (
	"sort"
	"strings"
	"unicode"
)

// A decision (quyết định) of the ward's committee is one act with the
// membership events it decides: a kết nạp decision for five people
// records their five admissions with its number and date, or is made
// from admissions already recorded, which then carry its number. The
// decision itself is a dated record: its kind, number, date, signer, the
// people it names, and the form and reason of a commendation or a
// discipline.

// DecisionKind is what a decision decides.
type DecisionKind string

const (
	DecisionAdmission    DecisionKind = "admission"    // kết nạp đoàn viên
	DecisionMaturity     DecisionKind = "maturity"     // công nhận trưởng thành Đoàn
	DecisionRemoval      DecisionKind = "removal"      // xóa tên đoàn viên
	DecisionElection     DecisionKind = "election"     // chuẩn y kết quả bầu cử BCH chi đoàn
	DecisionCommendation DecisionKind = "commendation" // khen thưởng
	DecisionDiscipline   DecisionKind = "discipline"   // kỷ luật
	DecisionExemption    DecisionKind = "exemption"    // miễn đoàn phí
)

// DecisionKinds lists the decisions of the ward's committee, with the
// summary line each prints under QUYẾT ĐỊNH ("Về việc …").
var DecisionKinds = []Choice{
	{string(DecisionAdmission), "Kết nạp đoàn viên"},
	{string(DecisionMaturity), "Công nhận trưởng thành Đoàn"},
	{string(DecisionRemoval), "Xóa tên đoàn viên"},
	{string(DecisionElection), "Chuẩn y kết quả bầu cử Ban Chấp hành chi đoàn"},
	{string(DecisionCommendation), "Khen thưởng"},
	{string(DecisionDiscipline), "Kỷ luật đoàn viên"},
	{string(DecisionExemption), "Miễn đoàn phí"},
}

// Label is the decision's Vietnamese name.
func (k DecisionKind) Label() string { return LabelOf(DecisionKinds, string(k)) }

// Event is the membership event a decision of this kind records for each
// person it names (false: it records none). A discipline of khai trừ
// ends the membership as a removal does.
func (k DecisionKind) Event(form string) (EventKind, bool) {
	switch k {
	case DecisionAdmission:
		return EventAdmission, true
	case DecisionMaturity:
		return EventComingOfAge, true
	case DecisionRemoval:
		return EventRemoval, true
	case DecisionDiscipline:
		if form == FormExpulsion {
			return EventRemoval, true
		}
	}
	return "", false
}

// DecisionFor is the kind of decision that records an event of kind e,
// the inverse of DecisionKind.Event for the kinds that record one event
// whatever their form (false: none does).
func DecisionFor(e EventKind) (DecisionKind, bool) {
	for _, k := range []DecisionKind{DecisionAdmission, DecisionMaturity, DecisionRemoval} {
		if ev, _ := k.Event(""); ev == e {
			return k, true
		}
	}
	return "", false
}

// FormExpulsion is the discipline that ends a membership (Điều lệ Đoàn).
const FormExpulsion = "khai_tru"

// CommendationForms are the forms of commendation a ward's committee
// gives (Điều lệ Đoàn, the part on khen thưởng).
var CommendationForms = []Choice{
	{"giay_khen", "Giấy khen"},
	{"bieu_duong", "Biểu dương"},
}

// DisciplineForms are the forms of discipline of a Union member (Điều lệ
// Đoàn, Điều 31): khiển trách, cảnh cáo, khai trừ.
var DisciplineForms = []Choice{
	{"khien_trach", "Khiển trách"},
	{"canh_cao", "Cảnh cáo"},
	{FormExpulsion, "Khai trừ"},
}

// DecisionForms is the list of forms of a kind (nil: it has none).
func DecisionForms(k DecisionKind) []Choice {
	switch k {
	case DecisionCommendation:
		return CommendationForms
	case DecisionDiscipline:
		return DisciplineForms
	}
	return nil
}

// ElectionRoles are the offices an election of a branch committee fills.
var ElectionRoles = []Choice{
	{"branch_secretary", "Bí thư chi đoàn"},
	{"branch_deputy", "Phó Bí thư chi đoàn"},
	{"branch_executive", "Ủy viên Ban Chấp hành chi đoàn"},
}

// Decision is one decision of the ward's committee.
type Decision struct {
	ID         int64
	Kind       DecisionKind
	DocumentID int64 // its entry in the outgoing-document register
	Year       int
	Number     int
	Date       Date
	Signer     string // who signed, as the register held the office that day
	Form       string // commendation, discipline: a code of DecisionForms
	Reason     string // removal, commendation, discipline: why
	BranchID   int64  // election: the branch
	BranchName string // read back
	Term       string // election: the branch committee's term ("2025–2027")
	// ExemptFrom and ExemptMonths are the months an exemption from dues
	// covers (at most the dues rules' maximum, 6).
	ExemptFrom   Month
	ExemptMonths int
	People       []DecisionPerson
	// SignerDeputy says the deputy secretary signed (KT. BÍ THƯ), and
	// Recipients are its Nơi nhận lines: kept at issue so that a reprint
	// is the decision as signed (nil: issued before the register kept
	// them, or entered from paper).
	SignerDeputy bool
	Recipients   []string
	// Annulment is set when the decision was annulled (hủy): a dated act
	// of its own that reversed the events the decision recorded.
	Annulment Annulment
}

// Annulment is the annulment (hủy, thu hồi) of a decision: the day, why,
// and the number of the decision that annulled it, when one was issued.
// The annulled decision keeps its number (never given again), and
// documents dated before the annulment still show it in force.
type Annulment struct {
	Date   Date
	Reason string
	Number string // "15-QĐ/ĐTN" (optional)
}

// Annulled is whether the decision had been annulled on the day on.
func (d *Decision) Annulled(on Date) bool {
	return !d.Annulment.Date.IsZero() && !on.Before(d.Annulment.Date)
}

// CheckAnnulment checks an annulment of d: a day not before the decision
// nor after today, a reason, a number that is one line; and refuses a
// decision already annulled, and an election (the offices it gave and
// ended are not one set of events to reverse: the ward changes the
// branch committee's offices on their page).
func CheckAnnulment(a *Annulment, d *Decision, today Date) *Checker {
	c := &Checker{}
	a.Reason, a.Number = Clean(a.Reason), Clean(a.Number)
	c.Text("Reason", "Lý do hủy", a.Reason, RuleAddress)
	c.Text("Number", "Số quyết định hủy", a.Number, RuleLine)
	switch {
	case a.Date.IsZero():
		c.Add("Date", "Ngày hủy", "không được để trống")
	case a.Date.After(today):
		c.Add("Date", "Ngày hủy", "%s ở tương lai", a.Date)
	case a.Date.Before(d.Date):
		c.Add("Date", "Ngày hủy", "%s trước ngày quyết định (%s)", a.Date, d.Date)
	}
	if a.Reason == "" {
		c.Add("Reason", "Lý do hủy", "không được để trống")
	}
	if !d.Annulment.Date.IsZero() {
		c.Add("Decision", "Quyết định", "đã hủy ngày %s", d.Annulment.Date)
	}
	if d.Kind == DecisionElection {
		c.Add("Decision", "Quyết định", "quyết định chuẩn y kết quả bầu cử không hủy trong sổ được: sửa chức vụ của Ban Chấp hành chi đoàn tại trang chức vụ")
	}
	return c
}

// DecisionPerson is a person a decision names.
type DecisionPerson struct {
	PersonID int64
	Name     string // read back
	EventID  int64  // the membership event it recorded or took (0: none)
	// ExemptionID is the exemption from dues it recorded (0: none).
	ExemptionID int64
	Role        string // election: a code of ElectionRoles
	// Printed is the person as the decision printed her at issue; zero
	// for a decision entered from paper or issued before the register
	// kept it (a reprint then reads her from the register).
	Printed PrintedPerson
}

// PrintedPerson is what a decision's text and list print of a person.
type PrintedPerson struct {
	Name      string
	BirthDate Date
	Gender    Gender
	Branch    string
}

// FormLabel is the label of the decision's form ("" when none).
func (d *Decision) FormLabel() string {
	if d.Form == "" {
		return ""
	}
	return LabelOf(DecisionForms(d.Kind), d.Form)
}

// Symbol is the decision's number and symbol, "12-QĐ/ĐTN".
func (d *Decision) Symbol(issuer string) string {
	return Document{Number: d.Number, Type: "QĐ"}.Symbol(issuer)
}

// DecisionPersonLimit bounds the people one decision names.
const DecisionPersonLimit = 500

// CheckDecision checks a decision before anything is read from the
// register: its kind, date, people, form and reason.
func CheckDecision(d *Decision, today Date) *Checker {
	c := &Checker{}
	d.Reason, d.Term = Clean(d.Reason), Clean(d.Term)
	c.Text("Reason", "Lý do", d.Reason, RuleAddress)
	c.Text("Term", "Nhiệm kỳ", d.Term, RuleLine)
	if !ValidCode(DecisionKinds, string(d.Kind)) {
		c.Add("Kind", "Loại quyết định", "%q không có trong danh mục", d.Kind)
		return c
	}
	switch {
	case d.Date.IsZero():
		c.Add("Date", "Ngày quyết định", "không được để trống")
	case d.Date.After(today):
		c.Add("Date", "Ngày quyết định", "%s ở tương lai", d.Date)
	}
	switch n := len(d.People); {
	case n == 0:
		c.Add("People", "Đoàn viên", "chọn ít nhất một người")
	case n > DecisionPersonLimit:
		c.Add("People", "Đoàn viên", "tối đa %d người một quyết định", DecisionPersonLimit)
	}
	seen := map[int64]bool{}
	for _, p := range d.People {
		if seen[p.PersonID] {
			c.Add("People", "Đoàn viên", "mã %d có hai lần trong quyết định", p.PersonID)
		}
		seen[p.PersonID] = true
	}
	if forms := DecisionForms(d.Kind); forms != nil {
		if !ValidCode(forms, d.Form) {
			c.Add("Form", "Hình thức", "chọn một hình thức trong danh mục")
		}
	} else {
		d.Form = ""
	}
	switch d.Kind {
	case DecisionRemoval, DecisionCommendation, DecisionDiscipline, DecisionExemption:
		if d.Reason == "" {
			c.Add("Reason", "Lý do", "không được để trống")
		}
	case DecisionElection:
		if d.BranchID == 0 {
			c.Add("BranchID", "Chi đoàn", "không được để trống")
		}
		if d.Term == "" {
			c.Add("Term", "Nhiệm kỳ", "không được để trống")
		}
		secretaries := 0
		for _, p := range d.People {
			if !ValidCode(ElectionRoles, p.Role) {
				c.Add("People", "Chức vụ", "mã %d: chọn chức vụ được bầu", p.PersonID)
			}
			if p.Role == "branch_secretary" {
				secretaries++
			}
		}
		if secretaries != 1 {
			c.Add("People", "Chức vụ", "ban chấp hành chi đoàn có đúng một bí thư (đang có %d)", secretaries)
		}
	}
	if d.Kind == DecisionExemption {
		if d.ExemptFrom.IsZero() {
			c.Add("ExemptFrom", "Từ tháng", "không được để trống")
		}
		if d.ExemptMonths < 1 {
			c.Add("ExemptMonths", "Số tháng miễn", "phải từ 1 tháng trở lên")
		}
	} else {
		d.ExemptFrom, d.ExemptMonths = Month{}, 0
	}
	if d.Kind != DecisionElection {
		d.BranchID, d.Term = 0, ""
		for i := range d.People {
			d.People[i].Role = ""
		}
	}
	return c
}

// DecisionSummary is the line under QUYẾT ĐỊNH: "Về việc kết nạp đoàn
// viên", with the branch of an election.
func DecisionSummary(d *Decision) string {
	s := "Về việc " + LowerFirst(d.Kind.Label())
	switch d.Kind {
	case DecisionElection:
		if d.BranchName != "" {
			s = "Về việc chuẩn y kết quả bầu cử Ban Chấp hành " + BranchTitle(d.BranchName) + " nhiệm kỳ " + d.Term
		}
	case DecisionCommendation, DecisionDiscipline:
		if d.Form != "" && len(d.People) == 1 && d.People[0].Name != "" {
			s += " đối với " + d.People[0].Name
		}
	}
	return s
}

// DecisionTitle is the decision's entry in the outgoing-document
// register: its summary without "Về việc" ("Kết nạp đoàn viên").
func DecisionTitle(d *Decision) string {
	s := strings.TrimPrefix(DecisionSummary(d), "Về việc ")
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// SortDecisionPeople sorts the people of an election by office, then
// keeps the given order (names are sorted by the caller's collation).
func SortDecisionPeople(people []DecisionPerson) {
	rank := func(r string) int {
		for i, c := range ElectionRoles {
			if c.Code == r {
				return i
			}
		}
		return len(ElectionRoles)
	}
	sort.SliceStable(people, func(i, j int) bool { return rank(people[i].Role) < rank(people[j].Role) })
}

// DecisionPeopleNames joins the names of a decision's people ("A, B và C").
func DecisionPeopleNames(people []DecisionPerson) string {
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = p.Name
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " và " + names[len(names)-1]
}

// BranchTitle is a branch's name as running text names it: "Chi đoàn
// Khóm 1", whether the register keeps "Khóm 1" or "Chi đoàn Khóm 1".
func BranchTitle(name string) string {
	if strings.HasPrefix(strings.ToLower(name), "chi đoàn") {
		return name
	}
	return "Chi đoàn " + name
}
