package domain

// Event is a dated membership event of a person.
type Event struct {
	ID       int64
	PersonID int64
	Kind     EventKind
	Date     Date
	Unit     string // transfer: the other unit (from / to)
	Reason   string // removal: why
	Note     string
	// Admitted is, for a transfer in, the day the person was admitted to
	// the Union in the unit she comes from (ngày vào Đoàn gốc): a transfer
	// keeps the original admission date, and the transfer's own date is
	// never taken for it. Zero for other events.
	Admitted Date
	// Card is, for a transfer in, the card number she brings (empty: the
	// one the register has, if any).
	Card string
	// DecisionID is the ward's decision that decided the event (0: none
	// recorded).
	DecisionID int64
}

// FederationMinAge is the youngest age at which one joins the Hội LHTN
// Việt Nam (Điều lệ Hội: thanh niên từ đủ 15 tuổi).
const FederationMinAge = 15

// FederationEndReason says why a Hội membership ended.
type FederationEndReason string

const (
	FederationEndTransfer FederationEndReason = "transfer"
	FederationEndRemoval  FederationEndReason = "removal"
	FederationEndAge      FederationEndReason = "age"
	FederationEndLeft     FederationEndReason = "left"
)

// FederationEndReasons lists why a Hội membership ends.
var FederationEndReasons = []Choice{
	{string(FederationEndTransfer), "Chuyển sinh hoạt đi nơi khác"},
	{string(FederationEndRemoval), "Xóa tên, khai trừ"},
	{string(FederationEndAge), "Quá tuổi hội viên"},
	{string(FederationEndLeft), "Xin thôi sinh hoạt Hội"},
}

// Label is the reason's Vietnamese label.
func (r FederationEndReason) Label() string { return LabelOf(FederationEndReasons, string(r)) }

// CheckFederationEnd checks the end of p's Hội membership on end for
// reason: p must be a hội viên not yet ended, and the day neither in the
// future nor before she joined.
func CheckFederationEnd(p *Person, end Date, reason FederationEndReason, today Date) *Checker {
	c := &Checker{}
	name := p.FullName()
	if !p.FederationMember {
		c.Add("FederationEnd", "Ngày thôi sinh hoạt Hội", "%s không là hội viên", name)
		return c
	}
	if !p.FederationEnd.IsZero() {
		c.Add("FederationEnd", "Ngày thôi sinh hoạt Hội", "%s đã thôi sinh hoạt Hội từ %s (%s)", name, p.FederationEnd, p.FederationEndReason.Label())
		return c
	}
	if !ValidCode(FederationEndReasons, string(reason)) {
		c.Add("FederationEndReason", "Lý do", "chọn một lý do trong danh mục")
	}
	switch {
	case end.IsZero():
		c.Add("FederationEnd", "Ngày thôi sinh hoạt Hội", "không được để trống")
	case end.After(today):
		c.Add("FederationEnd", "Ngày thôi sinh hoạt Hội", "%s ở tương lai", end)
	case !p.FederationDate.IsZero() && end.Before(p.FederationDate):
		c.Add("FederationEnd", "Ngày thôi sinh hoạt Hội", "%s trước ngày %s vào Hội %s", end, name, p.FederationDate)
	case !p.BirthDate.IsZero() && end.Before(p.BirthDate):
		c.Add("FederationEnd", "Ngày thôi sinh hoạt Hội", "%s trước ngày sinh %s", end, p.BirthDate)
	}
	return c
}

// FederationEndOf is the end a Union event brings to the person's Hội
// membership: someone who transfers away or is removed from the Union
// leaves the ward's Hội the same day (ok false for other events).
func FederationEndOf(k EventKind) (FederationEndReason, bool) {
	switch k {
	case EventTransferOut:
		return FederationEndTransfer, true
	case EventRemoval:
		return FederationEndRemoval, true
	}
	return "", false
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
	// Rated is the day the rating was decided. When saving, an unchanged
	// rating keeps the day recorded; a changed one takes Rated, or the
	// year's last day when zero.
	Rated Date
}

// CheckEvent checks a membership event against its person: the texts, the
// date (not before birth nor after today) and the order of events.
func CheckEvent(e *Event, p *Person, activeThen, noHistory bool, today Date) *Checker {
	c := &Checker{}
	c.Text("Unit", "Đơn vị", e.Unit, RuleLine)
	c.Text("Reason", "Lý do", e.Reason, RuleAddress)
	c.Text("Note", "Ghi chú", e.Note, RuleNote)
	if !ValidCode(EventKinds, string(e.Kind)) {
		c.Add("Kind", "Loại", "%q không có trong danh mục", e.Kind)
		return c
	}
	if e.Date.IsZero() {
		c.Add("Date", "Ngày", "không được để trống")
		return c
	}
	if e.Date.After(today) {
		c.Add("Date", "Ngày", "%s ở tương lai", e.Date)
	}
	if !p.BirthDate.IsZero() && e.Date.Before(p.BirthDate) {
		c.Add("Date", "Ngày", "%s trước ngày sinh %s", e.Date, p.BirthDate)
	}
	name := p.FullName()
	if leaving(e.Kind) && !p.AdmissionDate.IsZero() && e.Date.Before(p.AdmissionDate) {
		// Not yet a member on that day: the date is wrong, not the kind
		// (the status is computed at the event's date).
		c.Add("Date", "Ngày", "%s trước ngày vào Đoàn %s", e.Date, p.AdmissionDate)
		return c
	}
	switch e.Kind {
	case EventAdmission:
		if activeThen {
			c.Add("Kind", "Loại", "%s đang sinh hoạt, không kết nạp lại", name)
		}
		if !p.BirthDate.IsZero() && p.BirthDate.AgeOn(e.Date) < 15 {
			c.Add("Date", "Ngày", "khi kết nạp %s mới %d tuổi; phải từ đủ 15 tuổi", name, p.BirthDate.AgeOn(e.Date))
		}
	case EventTransferIn:
		if activeThen {
			c.Add("Kind", "Loại", "%s đang sinh hoạt tại đơn vị, không thể chuyển đến", name)
		}
		if e.Unit == "" {
			c.Add("Unit", "Chuyển từ đơn vị", "không được để trống")
		}
		checkTransferAdmitted(c, e, p)
	case EventTransferOut:
		if !activeThen {
			c.Add("Kind", "Loại", "%s không đang sinh hoạt nên không thể chuyển đi", name)
		}
		if e.Unit == "" {
			c.Add("Unit", "Chuyển đến đơn vị", "không được để trống")
		}
	case EventComingOfAge:
		if !activeThen {
			c.Add("Kind", "Loại", "%s không đang sinh hoạt", name)
		}
		if p.BirthDate.IsZero() {
			c.Add("Date", "Ngày", "cần ngày sinh của %s để xét trưởng thành", name)
		} else if e.Date.Year() < p.BirthDate.Year()+30 {
			c.Add("Date", "Ngày", "%s tròn 30 tuổi vào năm %d; chỉ trưởng thành Đoàn từ năm đó", name, p.BirthDate.Year()+30)
		}
	case EventRemoval:
		if !activeThen {
			c.Add("Kind", "Loại", "%s không đang sinh hoạt", name)
		}
		if e.Reason == "" {
			c.Add("Reason", "Lý do", "không được để trống")
		}
	}
	_ = noHistory
	return c
}

// checkTransferAdmitted checks the original admission date a transfer in
// brings: required unless the register already has one, never after the
// transfer, and at 15 or older.
func checkTransferAdmitted(c *Checker, e *Event, p *Person) {
	const field, label = "Admitted", "Ngày vào Đoàn (gốc)"
	a := e.Admitted
	if a.IsZero() {
		a = p.AdmissionDate
	}
	switch {
	case a.IsZero():
		c.Add(field, label, "không được để trống: ghi ngày %s được kết nạp ở đơn vị cũ (theo thẻ, sổ đoàn viên)", p.FullName())
	case a.After(e.Date):
		c.Add(field, label, "%s sau ngày chuyển đến %s", a, e.Date)
	case !p.BirthDate.IsZero() && a.Before(p.BirthDate):
		c.Add(field, label, "%s trước ngày sinh %s", a, p.BirthDate)
	case !p.BirthDate.IsZero() && p.BirthDate.AgeOn(a) < 15:
		c.Add(field, label, "khi kết nạp %s mới %d tuổi (sinh %s, vào Đoàn %s); phải từ đủ 15 tuổi", p.FullName(), p.BirthDate.AgeOn(a), p.BirthDate, a)
	}
	if e.Card != "" && len([]rune(e.Card)) > 20 {
		c.Add("Card", "Số thẻ đoàn viên", "quá dài (tối đa 20 ký tự)")
	}
}

// leaving reports whether an event ends a membership here: it needs the
// member to have been admitted by its date.
func leaving(k EventKind) bool {
	return k == EventTransferOut || k == EventComingOfAge || k == EventRemoval
}

// CheckMemberYear checks a member's yearly record (rating, Party steps)
// against the year and the member's birth date.
func CheckMemberYear(y *MemberYear, birth Date, row int, today Date) *Checker {
	c := &Checker{Row: row}
	if y.Year < 1950 || y.Year > today.Year()+1 {
		c.Add("Year", "Năm", "%d không hợp lệ", y.Year)
	}
	if y.Rating != "" && !ValidCode(Ratings, string(y.Rating)) {
		c.Add("Rating", "Xếp loại", "%q không có trong danh mục", y.Rating)
	}
	if y.TrainingCompleted && !y.TrainingRegistered {
		c.Add("TrainingCompleted", "Hoàn thành chương trình rèn luyện", "chưa đăng ký chương trình")
	}
	for _, d := range []struct {
		d            Date
		field, label string
	}{{y.PartyIntroduced, "PartyIntroduced", "Ngày giới thiệu cho Đảng"}, {y.PartyAdmitted, "PartyAdmitted", "Ngày vào Đảng"}} {
		if d.d.IsZero() {
			continue
		}
		if d.d.After(today) {
			c.Add(d.field, d.label, "%s ở tương lai", d.d)
		} else if !birth.IsZero() && d.d.Before(birth) {
			c.Add(d.field, d.label, "%s trước ngày sinh", d.d)
		}
	}
	if !y.PartyAdmitted.IsZero() && !y.PartyIntroduced.IsZero() && y.PartyAdmitted.Before(y.PartyIntroduced) {
		c.Add("PartyAdmitted", "Ngày vào Đảng", "trước ngày giới thiệu %s", y.PartyIntroduced)
	}
	return c
}
