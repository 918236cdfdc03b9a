package store

import (
	"fmt"
	"strings"
)

// FieldError is one broken rule: which record (Row, 1-based, 0 for a single
// record), which field, and why, in Vietnamese.
type FieldError struct {
	Row   int
	Field string // Go field name, e.g. "BirthDate", for the UI to place the message
	Label string // Vietnamese field label, e.g. "Ngày sinh"
	Msg   string
	// Format and Args are Msg before formatting: the Vietnamese wording is
	// the key under which a window's translations hold the same message in
	// another language.
	Format string
	Args   []any
}

// Error reads "Dòng 3, Ngày sinh: …", or without the row for a single record.
func (e FieldError) Error() string {
	if e.Row > 0 {
		return fmt.Sprintf("Dòng %d, %s: %s", e.Row, e.Label, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Label, e.Msg)
}

// ValidationError gathers every broken rule of a change; when a store
// method returns one, nothing was written.
type ValidationError struct {
	Errors []FieldError
}

// Error joins every message, so that a log or a dialog shows them all.
func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, f := range e.Errors {
		msgs[i] = f.Error()
	}
	return strings.Join(msgs, "; ")
}

// For returns the message for a field ("" when the field is fine).
func (e *ValidationError) For(field string) string {
	for _, f := range e.Errors {
		if f.Field == field {
			return f.Msg
		}
	}
	return ""
}

type checker struct {
	row  int
	errs []FieldError
}

func (c *checker) add(field, label, format string, args ...any) {
	c.errs = append(c.errs, FieldError{Row: c.row, Field: field, Label: label, Msg: fmt.Sprintf(format, args...), Format: format, Args: args})
}

// MessageError is an error whose Vietnamese text is Format filled with
// Args; a window translates Format and fills it the same way.
type MessageError struct {
	Format string
	Args   []any
}

func (e *MessageError) Error() string { return fmt.Sprintf(e.Format, e.Args...) }

// Message gives the error as a format and its arguments (see Translatable).
func (e *MessageError) Message() (string, []any) { return e.Format, e.Args }

// Translatable is an error a window can show in its own language: its
// Vietnamese format is the key of the translation, and an argument that is
// itself a Message is translated the same way.
type Translatable interface {
	error
	Message() (format string, args []any)
}

// Message is a format with its arguments, as an argument of another
// message; it prints as the Vietnamese text.
type Message struct {
	Format string
	Args   []any
}

// String is the Vietnamese text.
func (m Message) String() string { return fmt.Sprintf(m.Format, m.Args...) }

// errMsg makes a *MessageError.
func errMsg(format string, args ...any) error { return &MessageError{Format: format, Args: args} }

func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: c.errs}
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

// cleanPerson normalises every text field of p in place.
func cleanPerson(p *Person) {
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

// validatePerson checks the rules of the register that need no database;
// card uniqueness is checked by the caller in the same transaction.
func validatePerson(p *Person, row int, today Date) *checker {
	c := &checker{row: row}
	checkPersonText(c, p)
	if p.FamilyName == "" {
		c.add("FamilyName", "Họ", "không được để trống")
	}
	if p.GivenName == "" {
		c.add("GivenName", "Tên", "không được để trống")
	}
	if strings.ContainsAny(p.GivenName, " ") {
		c.add("GivenName", "Tên", "chỉ gồm một từ; phần còn lại là tên đệm")
	}
	if p.Gender != Male && p.Gender != Female {
		c.add("Gender", "Giới tính", "chọn Nam hoặc Nữ")
	}
	if p.BirthDate.IsZero() {
		c.add("BirthDate", "Ngày sinh", "không được để trống")
	} else if p.BirthDate.After(today) {
		c.add("BirthDate", "Ngày sinh", "%s ở tương lai", p.BirthDate)
	}
	if p.CitizenID != "" && !(isDigits(p.CitizenID) && (len(p.CitizenID) == 12 || len(p.CitizenID) == 9)) {
		c.add("CitizenID", "Số CCCD", "%q phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số)", p.CitizenID)
	}
	if p.Phone != "" && !(isDigits(p.Phone) && len(p.Phone) == 10 && p.Phone[0] == '0') {
		c.add("Phone", "Số điện thoại", "%q phải gồm 10 chữ số, bắt đầu bằng 0", p.Phone)
	}
	if p.Occupation != "" && !validCode(Occupations, string(p.Occupation)) {
		c.add("Occupation", "Nghề nghiệp", "%q không có trong danh mục", p.Occupation)
	}
	if !validCode(Qualifications, string(p.Qualification)) {
		c.add("Qualification", "Trình độ chuyên môn", "%q không có trong danh mục", p.Qualification)
	}
	if !validCode(TheoryLevels, string(p.TheoryLevel)) {
		c.add("TheoryLevel", "Lý luận chính trị", "%q không có trong danh mục", p.TheoryLevel)
	}
	if p.Schooling < 0 || p.Schooling > 12 {
		c.add("Schooling", "Học vấn", "phải từ 0 đến 12 (lớp x/12)")
	}
	if !p.UnionMember && !p.FederationMember {
		c.add("UnionMember", "Loại", "phải là đoàn viên, hội viên hoặc cả hai")
	}
	if p.UnionMember {
		switch {
		case p.AdmissionDate.IsZero():
			c.add("AdmissionDate", "Ngày vào Đoàn", "không được để trống với đoàn viên")
		case p.AdmissionDate.After(today):
			c.add("AdmissionDate", "Ngày vào Đoàn", "%s ở tương lai", p.AdmissionDate)
		case !p.BirthDate.IsZero() && p.AdmissionDate.Before(p.BirthDate):
			c.add("AdmissionDate", "Ngày vào Đoàn", "%s trước ngày sinh %s", p.AdmissionDate, p.BirthDate)
		case !p.BirthDate.IsZero() && p.BirthDate.AgeOn(p.AdmissionDate) < 15:
			c.add("AdmissionDate", "Ngày vào Đoàn", "khi kết nạp mới %d tuổi; phải từ đủ 15 tuổi", p.BirthDate.AgeOn(p.AdmissionDate))
		}
		if p.CardNumber != "" && len([]rune(p.CardNumber)) > 20 {
			c.add("CardNumber", "Số thẻ đoàn viên", "quá dài (tối đa 20 ký tự)")
		}
	}
	if p.FederationMember && !p.FederationDate.IsZero() {
		if p.FederationDate.After(today) {
			c.add("FederationDate", "Ngày vào Hội", "%s ở tương lai", p.FederationDate)
		} else if !p.BirthDate.IsZero() && p.FederationDate.Before(p.BirthDate) {
			c.add("FederationDate", "Ngày vào Hội", "%s trước ngày sinh %s", p.FederationDate, p.BirthDate)
		}
	}
	return c
}

// CheckPerson reports the rules a copy of p breaks that need no database
// (nil when none), without writing: a form can show every message at once,
// even while one of its fields cannot be read yet.
func CheckPerson(p Person) error {
	cleanPerson(&p)
	return validatePerson(&p, 0, Today()).err()
}

// checkPersonText checks every text field of a person against its rule
// (textrules.go).
func checkPersonText(c *checker, p *Person) {
	c.text("FamilyName", "Họ", p.FamilyName, ruleNamePart)
	c.text("MiddleName", "Tên đệm", p.MiddleName, ruleNamePart)
	c.text("GivenName", "Tên", p.GivenName, ruleNamePart)
	c.text("Ethnicity", "Dân tộc", p.Ethnicity, ruleShort)
	c.text("Religion", "Tôn giáo", p.Religion, ruleShort)
	c.text("Address", "Địa chỉ", p.Address, ruleAddress)
	c.text("Hamlet", "Khóm, ấp", p.Hamlet, ruleLine)
	c.text("ITLevel", "Tin học", p.ITLevel, ruleShort)
	c.text("Language", "Ngoại ngữ", p.Language, ruleShort)
	c.text("CardNumber", "Số thẻ đoàn viên", p.CardNumber, ruleCode)
	c.text("Note", "Ghi chú", p.Note, ruleNote)
}
