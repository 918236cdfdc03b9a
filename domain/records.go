package domain

import "strings"

// The checks of the register's records other than a person's (see
// person.go and membership.go): each cleans the record's texts and
// returns what it breaks, with no register needed. The store runs them
// before it writes, and adds the checks that need the register.

// CheckBranch cleans b's texts and checks the rules of a branch that need
// no register (a name taken is the register's check).
func CheckBranch(b *Branch) *Checker {
	b.Name, b.Note = Clean(b.Name), CleanLines(b.Note)
	c := &Checker{}
	c.Text("Name", "Tên chi đoàn", b.Name, RuleLine)
	c.Text("Note", "Ghi chú", b.Note, RuleNote)
	if b.Name == "" {
		c.Add("Name", "Tên chi đoàn", "không được để trống")
	}
	if !ValidCode(BranchKinds, string(b.Kind)) {
		c.Add("Kind", "Loại chi đoàn", "%q không có trong danh mục", b.Kind)
	}
	return c
}

// CheckClub cleans c's texts and checks the rules of a club and its
// members.
func CheckClub(c *Club, today Date) *Checker {
	c.Name, c.Leader, c.Note = Clean(c.Name), Clean(c.Leader), CleanLines(c.Note)
	ch := &Checker{}
	ch.Text("Name", "Tên câu lạc bộ", c.Name, RuleLine)
	ch.Text("Leader", "Chủ nhiệm", c.Leader, RuleFullName)
	ch.Text("Note", "Ghi chú", c.Note, RuleNote)
	if c.Name == "" {
		ch.Add("Name", "Tên câu lạc bộ", "không được để trống")
	}
	if !ValidCode(ClubKinds, string(c.Kind)) {
		ch.Add("Kind", "Loại câu lạc bộ", "%q không có trong danh mục", c.Kind)
	}
	if !c.Founded.IsZero() && c.Founded.After(today) {
		ch.Add("Founded", "Ngày thành lập", "%s ở tương lai", c.Founded)
	}
	CheckGroupMembers(ch, c.Members)
	return ch
}

// CheckCoop cleans c's texts, sets the legal basis a group is founded on
// by default (Nghị định 77/2019), and checks the rules of a cooperative
// group and its members.
func CheckCoop(c *Coop, today Date) *Checker {
	c.Name, c.Field, c.Note = Clean(c.Name), Clean(c.Field), CleanLines(c.Note)
	ch := &Checker{}
	ch.Text("Name", "Tên tổ hợp tác", c.Name, RuleLine)
	ch.Text("Field", "Lĩnh vực", c.Field, RuleLine)
	ch.Text("Note", "Ghi chú", c.Note, RuleNote)
	if c.Name == "" {
		ch.Add("Name", "Tên tổ hợp tác", "không được để trống")
	}
	if c.LegalBasis == "" {
		c.LegalBasis = "nd77_2019"
	}
	if !ValidCode(LegalBases, c.LegalBasis) {
		ch.Add("LegalBasis", "Căn cứ pháp lý", "%q không có trong danh mục", c.LegalBasis)
	}
	MoneyRange.AtMost(ch, "Capital", "Vốn", c.Capital)
	if c.Capital < 0 {
		ch.Add("Capital", "Vốn", "không được âm")
	}
	if !c.Founded.IsZero() && c.Founded.After(today) {
		ch.Add("Founded", "Ngày thành lập", "%s ở tương lai", c.Founded)
	}
	if !c.ContractDate.IsZero() && !c.Founded.IsZero() && c.ContractDate.Before(c.Founded) {
		ch.Add("ContractDate", "Ngày chứng thực hợp đồng", "%s trước ngày thành lập %s", c.ContractDate, c.Founded)
	}
	CheckGroupMembers(ch, c.Members)
	return ch
}

// CheckCoopYear cleans and checks a cooperative group's results of a year.
func CheckCoopYear(y *CoopYear) *Checker {
	y.Support = Clean(y.Support)
	c := &Checker{}
	c.Text("Support", "Hỗ trợ của Đoàn", y.Support, RuleAddress)
	MoneyRange.AtMost(c, "Revenue", "Doanh thu", y.Revenue)
	MoneyRange.AtMost(c, "AvgIncome", "Thu nhập bình quân", y.AvgIncome)
	if y.Revenue < 0 {
		c.Add("Revenue", "Doanh thu", "không được âm")
	}
	if y.AvgIncome < 0 {
		c.Add("AvgIncome", "Thu nhập bình quân", "không được âm")
	}
	return c
}

// CheckWardYear cleans and checks the ward's figures and texts of a year
// (the resident youth against the register is the register's check).
func CheckWardYear(w *WardYear, today Date) *Checker {
	w.Achievements, w.Shortcomings, w.NextSteps = CleanLines(w.Achievements), CleanLines(w.Shortcomings), CleanLines(w.NextSteps)
	c := &Checker{}
	c.Text("Achievements", "Kết quả đạt được", w.Achievements, RuleLongText)
	c.Text("Shortcomings", "Hạn chế", w.Shortcomings, RuleLongText)
	c.Text("NextSteps", "Phương hướng", w.NextSteps, RuleLongText)
	if w.Year < 1950 || w.Year > today.Year()+1 {
		c.Add("Year", "Năm", "%d không hợp lệ", w.Year)
	}
	CountRange.AtMost(c, "ResidentYouth", "Thanh niên trên địa bàn", int64(w.ResidentYouth))
	CountRange.AtMost(c, "NewPartyMembers", "Đảng viên mới kết nạp", int64(w.NewPartyMembers))
	if w.ResidentYouth < 0 {
		c.Add("ResidentYouth", "Thanh niên trên địa bàn", "không được âm")
	}
	if w.NewPartyMembers < 0 {
		c.Add("NewPartyMembers", "Đảng viên mới kết nạp", "không được âm")
	}
	if w.Rating != "" && !ValidCode(UnitRatings, w.Rating) {
		c.Add("Rating", "Xếp loại cơ sở Đoàn", "%q không có trong danh mục", w.Rating)
	}
	return c
}

// CheckUnit cleans the unit's settings, gives it the usual issuer code
// (ĐTN) when it has none, and checks them.
func CheckUnit(u *Unit) *Checker {
	CleanUnit(u)
	c := &Checker{}
	c.Text("UpperBody", "Đoàn cấp trên", u.UpperBody, RuleLine)
	c.Text("Name", "Tên đơn vị", u.Name, RuleLine)
	c.Text("Place", "Địa danh", u.Place, RuleLine)
	c.Text("IssuerCode", "Ký hiệu cơ quan ban hành", u.IssuerCode, RuleCode)
	CheckIssuerCode(c, u.IssuerCode)
	c.Text("SecretaryName", "Bí thư", u.SecretaryName, RuleFullName)
	c.Text("DeputyName", "Phó Bí thư", u.DeputyName, RuleFullName)
	if u.UpperBody == "" {
		c.Add("UpperBody", "Đoàn cấp trên", "không được để trống (ví dụ TỈNH ĐOÀN ĐỒNG THÁP)")
	}
	if u.Name == "" {
		c.Add("Name", "Tên đơn vị", "không được để trống (ví dụ BCH ĐOÀN PHƯỜNG 1)")
	}
	if u.Place == "" {
		c.Add("Place", "Địa danh", "không được để trống (ví dụ Phường 1)")
	}
	if u.IssuerCode == "" {
		u.IssuerCode = "ĐTN"
	}
	return c
}

// CheckDocument cleans and checks an entry of the register of outgoing
// documents, dated today when it has no date.
func CheckDocument(d *Document, today Date) *Checker {
	d.Type, d.Title = Clean(d.Type), Clean(d.Title)
	if d.Issued.IsZero() {
		d.Issued = today
	}
	d.Year = d.Issued.Year()
	c := &Checker{}
	c.Text("Type", "Loại văn bản", d.Type, RuleCode)
	c.Text("Title", "Trích yếu", d.Title, RuleDocumentTitle)
	if d.Type == "" {
		c.Add("Type", "Loại văn bản", "không được để trống")
	} else if strings.ContainsAny(d.Type, " /-") {
		c.Add("Type", "Loại văn bản", "%q chỉ gồm chữ viết tắt, như BC hay GGT", d.Type)
	}
	if d.Number != 0 {
		if err := DocumentNumberRange.Check(int64(d.Number)); err != nil {
			c.Errs = append(c.Errs, err.(*ValidationError).Errors...)
		}
	}
	if CheckYear(d.Year) != nil {
		c.Add("Issued", "Ngày ban hành", "%s: năm phải từ %d đến %d", d.Issued, YearRange.Min, YearRange.Max)
	}
	return c
}

// CheckRatings checks the year-end ratings of many members (by id) for a
// year; an empty rating clears one.
func CheckRatings(year int, ratings map[int64]Rating, today Date) *Checker {
	c := &Checker{}
	if year < 1950 || year > today.Year()+1 {
		c.Add("Year", "Năm", "%d không hợp lệ", year)
	}
	for id, r := range ratings {
		if r != "" && !ValidCode(Ratings, string(r)) {
			c.Add("Rating", "Xếp loại", "người %d: %q không có trong danh mục", id, r)
		}
	}
	return c
}

// CheckPosition checks an office on its own (a holder at the same time is
// the register's check).
func CheckPosition(p *Position) *Checker {
	c := &Checker{}
	if !ValidCode(Positions, string(p.Kind)) {
		c.Add("Kind", "Chức vụ", "%q không có trong danh mục", p.Kind)
	}
	if p.Start.IsZero() {
		c.Add("Start", "Từ ngày", "không được để trống")
	}
	if !p.End.IsZero() && p.End.Before(p.Start) {
		c.Add("End", "Đến ngày", "%s trước ngày bắt đầu %s", p.End, p.Start)
	}
	return c
}

// CheckRatingScale checks the ward's choice of rating scale.
func CheckRatingScale(scale string) error {
	if !ValidCode(RatingScales, scale) {
		c := &Checker{}
		c.Add("RatingScale", "Thang xếp loại tổ chức Đoàn", "%q không có trong danh mục", scale)
		return c.Err()
	}
	return nil
}

// CheckYearStart reads the first day of the working year, "dd/mm".
func CheckYearStart(dayMonth string) (day, month int, err error) {
	d, m, ok := ParseDayMonth(dayMonth)
	if !ok {
		c := &Checker{}
		c.Add("YearStart", "Ngày bắt đầu năm công tác", "%q không hợp lệ: ghi ngày/tháng, ví dụ 01/10", dayMonth)
		return 0, 0, c.Err()
	}
	return d, m, nil
}

// CheckIndicatorValue checks a figure typed for a target measured by hand:
// a whole count in range.
func CheckIndicatorValue(v float64) error {
	if v < 0 {
		return &ValidationError{Errors: []FieldError{{Field: "Value", Label: "Giá trị", Msg: "không được âm"}}}
	}
	if v > float64(CountRange.Max) || v != v { // NaN too
		c := &Checker{}
		c.Add("Value", "Giá trị", "%s không hợp lệ: phải là số nguyên từ %s đến %s", Dec(v), Num(CountRange.Min), Num(CountRange.Max))
		return c.Err()
	}
	return nil
}

// CheckDecided checks the day a yearly fact of working year year was
// decided or recorded: not in the future, and within the year or the
// first months of the next (a year-end review is often held in January).
// A zero day is left to the store (the year's last day).
func CheckDecided(c *Checker, field, label string, year int, d, today Date) {
	if d.IsZero() {
		return
	}
	switch {
	case d.After(today):
		c.Add(field, label, "%s ở tương lai", d)
	case d.Year() < year-1 || d.Year() > year+1:
		c.Add(field, label, "%s không thuộc năm %d", d, year)
	}
}
