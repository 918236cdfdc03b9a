package domain

import "fmt"

// Residence activity (sinh hoạt Đoàn nơi cư trú, HD 01-HD/BTC of
// 26/10/2015): a member who lives for six months or more away from the
// unit that keeps their membership (a student in the city, a worker in an
// industrial zone) is introduced by that unit to the Union where they
// reside, takes part in its activities there, and keeps their membership,
// dues and rating at home. The branch book keeps both directions: table 2,
// the members the branch introduced to their residence (ResidenceOut), and
// table 3, the members of other units it received (ResidenceIn).

// ResidenceKind is the direction of a residence record.
type ResidenceKind string

const (
	// ResidenceOut: one of our members introduced to take part where they
	// reside (giới thiệu đoàn viên sinh hoạt nơi cư trú).
	ResidenceOut ResidenceKind = "out"
	// ResidenceIn: a member of another unit received to take part here
	// while residing in the ward (tiếp nhận đoàn viên đến sinh hoạt).
	ResidenceIn ResidenceKind = "in"
)

// ResidenceKinds lists the directions with their Vietnamese names.
var ResidenceKinds = []Choice{
	{Code: string(ResidenceOut), Label: "Giới thiệu sinh hoạt nơi cư trú"},
	{Code: string(ResidenceIn), Label: "Tiếp nhận đến sinh hoạt"},
}

// Label is the direction's Vietnamese name.
func (k ResidenceKind) Label() string { return LabelOf(ResidenceKinds, string(k)) }

// Residence is one dated residence record. For ResidenceOut the person is
// a member of the register (PersonID) and Place is where they reside: the
// Union of the ward or commune they were introduced to. For ResidenceIn
// the person is normally not in the register (their membership stays at
// home): their names, gender and birth date are kept here, with Place the
// unit that introduced them (đơn vị giới thiệu); PersonID may link them
// to a person of the register (a youth, a Hội member) all the same.
type Residence struct {
	ID       int64
	Kind     ResidenceKind
	BranchID int64 // the branch that introduces (out) or receives (in)
	PersonID int64 // out: required; in: optional link

	// The received member's own details (in, unless linked; filled from
	// the register on reads when linked).
	FamilyName, MiddleName, GivenName string
	Gender                            Gender
	BirthDate                         Date

	Place   string // out: nơi cư trú (the Union there); in: the unit that introduced them
	Address string // the address of residence (optional)
	From    Date   // the day the activity there begins
	To      Date   // the day it ended (zero: still going on)
	// LetterNumber and LetterDate are the introduction letter's: the one
	// this ward issued (out) or the one the member brought (in).
	LetterNumber string
	LetterDate   Date
	Note         string

	// Derived on reads: the branch's name.
	BranchName string
}

// FullName is "họ tên đệm tên".
func (r *Residence) FullName() string { return JoinName(r.FamilyName, r.MiddleName, r.GivenName) }

// Person is the record's person as the book prints them.
func (r *Residence) Person() Person {
	return Person{ID: r.PersonID, FamilyName: r.FamilyName, MiddleName: r.MiddleName, GivenName: r.GivenName, Gender: r.Gender, BirthDate: r.BirthDate}
}

// OpenOn says whether the activity is going on on day d: begun by then,
// not yet ended.
func (r *Residence) OpenOn(d Date) bool {
	return !r.From.After(d) && (r.To.IsZero() || !r.To.Before(d))
}

// AsOf is the record as it was known on cut-off: an end or a letter dated
// after it is not yet known. ok is false when the record began after the
// cut-off (a document of that day does not show it).
func (r Residence) AsOf(cutoff Date) (Residence, bool) {
	if cutoff.IsZero() {
		return r, true
	}
	if r.From.After(cutoff) {
		return r, false
	}
	if !r.To.IsZero() && r.To.After(cutoff) {
		r.To = Date{}
	}
	if !r.LetterDate.IsZero() && r.LetterDate.After(cutoff) {
		r.LetterNumber, r.LetterDate = "", Date{}
	}
	return r, true
}

// Span is "từ 01/09/2025" or "01/09/2025 – 30/06/2026".
func (r *Residence) Span() string {
	if r.To.IsZero() {
		return "từ " + r.From.String()
	}
	return r.From.String() + " – " + r.To.String()
}

// CheckResidence cleans and checks a residence record on its own; today
// bounds its dates. The register's own rules (the member exists, no
// overlapping record) are CheckResidenceOverlap and the store's.
func CheckResidence(r *Residence, today Date) *Checker {
	r.FamilyName, r.MiddleName, r.GivenName = Clean(r.FamilyName), Clean(r.MiddleName), Clean(r.GivenName)
	r.Place, r.Address, r.LetterNumber, r.Note = Clean(r.Place), Clean(r.Address), Clean(r.LetterNumber), CleanLines(r.Note)
	c := &Checker{}
	switch r.Kind {
	case ResidenceOut:
		if r.PersonID == 0 {
			c.Add("PersonID", "Đoàn viên", "chưa chọn đoàn viên được giới thiệu")
		}
	case ResidenceIn:
		if r.PersonID == 0 {
			if r.FamilyName == "" {
				c.Add("FamilyName", "Họ", "không được để trống")
			}
			if r.GivenName == "" {
				c.Add("GivenName", "Tên", "không được để trống")
			}
			if r.BirthDate.IsZero() {
				c.Add("BirthDate", "Ngày sinh", "không được để trống")
			}
		}
		c.Text("FamilyName", "Họ", r.FamilyName, RuleNamePart)
		c.Text("MiddleName", "Tên đệm", r.MiddleName, RuleNamePart)
		c.Text("GivenName", "Tên", r.GivenName, RuleNamePart)
		if r.Gender != "" && r.Gender != Male && r.Gender != Female {
			c.Add("Gender", "Giới tính", "%q không có trong danh sách (nam, nữ)", string(r.Gender))
		}
		if !r.BirthDate.IsZero() {
			if r.BirthDate.After(today) {
				c.Add("BirthDate", "Ngày sinh", "%s ở tương lai", r.BirthDate)
			} else if !r.From.IsZero() && !r.BirthDate.Before(r.From) {
				c.Add("BirthDate", "Ngày sinh", "%s không trước ngày bắt đầu sinh hoạt %s", r.BirthDate, r.From)
			}
		}
	default:
		c.Add("Kind", "Loại", "%q không có: chọn giới thiệu đi (out) hoặc tiếp nhận đến (in)", string(r.Kind))
	}
	if r.BranchID == 0 {
		c.Add("BranchID", "Chi đoàn", "chưa chọn chi đoàn")
	}
	placeLabel := r.PlaceLabel()
	if r.Place == "" {
		c.Add("Place", placeLabel, "không được để trống")
	}
	c.Text("Place", placeLabel, r.Place, RuleLine)
	c.Text("Address", "Địa chỉ cư trú", r.Address, RuleAddress)
	c.Text("LetterNumber", "Số giấy giới thiệu", r.LetterNumber, RuleCode)
	c.Text("Note", "Ghi chú", r.Note, RuleNote)
	switch {
	case r.From.IsZero():
		c.Add("From", "Từ ngày", "không được để trống")
	case r.From.After(today):
		c.Add("From", "Từ ngày", "%s ở tương lai (hôm nay %s)", r.From, today)
	}
	if !r.To.IsZero() {
		if r.To.After(today) {
			c.Add("To", "Đến ngày", "%s ở tương lai (hôm nay %s): ghi ngày kết thúc khi đã kết thúc", r.To, today)
		} else if !r.From.IsZero() && r.To.Before(r.From) {
			c.Add("To", "Đến ngày", "%s trước ngày bắt đầu %s", r.To, r.From)
		}
	}
	if !r.LetterDate.IsZero() && r.LetterDate.After(today) {
		c.Add("LetterDate", "Ngày giấy giới thiệu", "%s ở tương lai (hôm nay %s)", r.LetterDate, today)
	}
	return c
}

// PlaceLabel is what Place means for the record's direction.
func (r *Residence) PlaceLabel() string {
	if r.Kind == ResidenceIn {
		return "Đơn vị giới thiệu"
	}
	return "Nơi cư trú"
}

// CheckResidenceOverlap refuses a record whose span meets that of another
// record of the same direction for the same person of the register
// (others: that person's records, r itself among them or not): a member
// takes part in one residence at a time, and an open record must be ended
// before the next begins.
func CheckResidenceOverlap(r *Residence, others []Residence) *Checker {
	c := &Checker{}
	if r.PersonID == 0 {
		return c
	}
	for i := range others {
		o := &others[i]
		if o.ID == r.ID || o.Kind != r.Kind || o.PersonID != r.PersonID {
			continue
		}
		if spansMeet(r.From, r.To, o.From, o.To) {
			// A Message, so that a window in English says it in English.
			what := Message{Format: "đang mở"}
			if !o.To.IsZero() {
				what = Message{Format: "đến %s", Args: []any{o.To}}
			}
			c.Add("From", "Từ ngày", "trùng thời gian với bản ghi mã %d (%s, từ %s, %s): kết thúc bản ghi đó trước",
				o.ID, o.Place, o.From, what)
		}
	}
	return c
}

// spansMeet says whether [af, at] and [bf, bt] share a day (a zero end:
// open).
func spansMeet(af, at, bf, bt Date) bool {
	aEndsBefore := !at.IsZero() && at.Before(bf)
	bEndsBefore := !bt.IsZero() && bt.Before(af)
	return !aEndsBefore && !bEndsBefore
}

// ResidenceTitle is the record's title in the register of outgoing
// documents: "Giấy giới thiệu sinh hoạt nơi cư trú cho …".
func ResidenceTitle(name string) string {
	return fmt.Sprintf("Giấy giới thiệu sinh hoạt nơi cư trú cho %s", name)
}
