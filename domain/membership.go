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
