package domain

import (
	"slices"
	"strings"
)

// Target 2.4 of the plan: "100% cán bộ Đoàn cấp cơ sở trở lên đạt chuẩn về
// trình độ chuyên môn, lý luận chính trị theo quy định Quy chế cán bộ Đoàn
// và được tập huấn hoặc đào tạo về nghiệp vụ công tác thanh niên". What
// "đạt chuẩn" means depends on the office, and the rule has changed over
// the years, so the standard is a setting per office that applies from a
// year on, never a constant and never "any value entered".

// OfficeStandard is the least a holder of an office must have.
type OfficeStandard struct {
	Office           PositionKind
	FromYear         int           // applies to working years from this one on (0: the default)
	MinSchooling     int           // grade out of 12 (0: none asked)
	MinQualification Qualification // the lowest degree accepted ("": none asked)
	MinTheory        TheoryLevel   // the lowest political theory level ("": none asked)
	TrainingRequired bool          // a training in youth work dated in the working year
	Counted          bool          // holders count in target 2.4
}

// DefaultOfficeStandards are the standards a register starts with, read
// from the Quy chế cán bộ Đoàn as wards apply it to their own officers:
// the ward's Bí thư and Phó Bí thư have finished secondary school (12/12),
// hold at least a vocational degree and have political theory (trung cấp
// for the Bí thư, sơ cấp for the deputy); the members of the standing and
// executive committees have 12/12 and sơ cấp; every ward officer is
// trained in youth work each year. Branch officers are held to 9/12 and a
// yearly training for the Bí thư chi đoàn; they do not count in 2.4, which
// speaks of "cán bộ Đoàn cấp cơ sở trở lên". A ward whose province sets
// other standards edits them (Cài đặt › Chuẩn cán bộ Đoàn, or sodoan-cli
// standards set).
var DefaultOfficeStandards = []OfficeStandard{
	{Office: "secretary", MinSchooling: 12, MinQualification: "vocational", MinTheory: "intermediate", TrainingRequired: true, Counted: true},
	{Office: "deputy", MinSchooling: 12, MinQualification: "vocational", MinTheory: "elementary", TrainingRequired: true, Counted: true},
	{Office: "standing", MinSchooling: 12, MinTheory: "elementary", TrainingRequired: true, Counted: true},
	{Office: "executive", MinSchooling: 12, MinTheory: "elementary", TrainingRequired: true, Counted: true},
	{Office: "branch_secretary", MinSchooling: 9, TrainingRequired: true},
	{Office: "branch_deputy", MinSchooling: 9},
	{Office: "branch_executive", MinSchooling: 9},
}

// DefaultOfficeStandard is the default standard of an office.
func DefaultOfficeStandard(office PositionKind) OfficeStandard {
	for _, s := range DefaultOfficeStandards {
		if s.Office == office {
			return s
		}
	}
	return OfficeStandard{Office: office}
}

// rank is a code's place in an ordered list (lowest first); -1 when the
// code is not in it.
func rank(list []Choice, code string) int {
	return slices.IndexFunc(list, func(c Choice) bool { return c.Code == code })
}

// label is a list's Vietnamese label inside a message: it prints in
// lower case inside the sentence, and a window translates it.
type label string

func (l label) String() string { return LowerFirst(string(l)) }

// Label is the label, the key of its translation.
func (l label) Label() string { return string(l) }

// Gaps lists what a person lacks against the standard of the office, as
// messages a window translates ("học vấn 9/12 (cần 12/12)"); none when the
// person meets it. trained tells whether the person has a training dated
// in the year up to the cut-off.
func (s OfficeStandard) Gaps(p Person, trained bool) []Message {
	var out []Message
	if p.Schooling < s.MinSchooling {
		if p.Schooling > 0 {
			out = append(out, Note("học vấn %d/12 (cần %d/12)", p.Schooling, s.MinSchooling))
		} else {
			out = append(out, Note("học vấn chưa nhập (cần %d/12)", s.MinSchooling))
		}
	}
	if s.MinQualification != "" && rank(Qualifications, string(p.Qualification)) < rank(Qualifications, string(s.MinQualification)) {
		out = append(out, Note("chuyên môn: %s (cần từ %s trở lên)", label(p.Qualification.Label()), label(s.MinQualification.Label())))
	}
	if s.MinTheory != "" && rank(TheoryLevels, string(p.TheoryLevel)) < rank(TheoryLevels, string(s.MinTheory)) {
		out = append(out, Note("lý luận chính trị: %s (cần từ %s trở lên)", label(p.TheoryLevel.Label()), label(s.MinTheory.Label())))
	}
	if s.TrainingRequired && !trained {
		out = append(out, Note("chưa tập huấn công tác thanh niên trong năm"))
	}
	return out
}

// Describe is the standard in words: "học vấn 12/12; chuyên môn Sơ cấp,
// trung cấp nghề trở lên; LLCT Trung cấp trở lên; tập huấn trong năm".
func (s OfficeStandard) Describe() string {
	parts := s.DescribeParts()
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.String()
	}
	return strings.Join(out, "; ")
}

// DescribeParts is the standard as messages a window translates.
func (s OfficeStandard) DescribeParts() []Message {
	var parts []Message
	if s.MinSchooling > 0 {
		parts = append(parts, Note("học vấn %d/12", s.MinSchooling))
	}
	if s.MinQualification != "" {
		parts = append(parts, Note("chuyên môn %s trở lên", label(s.MinQualification.Label())))
	}
	if s.MinTheory != "" {
		parts = append(parts, Note("LLCT %s trở lên", label(s.MinTheory.Label())))
	}
	if s.TrainingRequired {
		parts = append(parts, Note("tập huấn trong năm"))
	}
	if len(parts) == 0 {
		parts = append(parts, Note("không đặt chuẩn"))
	}
	return parts
}

// CheckOfficeStandard checks a standard typed by the ward.
func CheckOfficeStandard(s *OfficeStandard) *Checker {
	c := &Checker{}
	if !ValidCode(Positions, string(s.Office)) {
		c.Add("Office", "Chức vụ", "%q không có trong danh mục", s.Office)
	}
	if s.FromYear != 0 && CheckYear(s.FromYear) != nil {
		c.Add("FromYear", "Áp dụng từ năm", "%d: năm phải từ %d đến %d", s.FromYear, YearRange.Min, YearRange.Max)
	}
	if s.MinSchooling < 0 || s.MinSchooling > 12 {
		c.Add("MinSchooling", "Học vấn tối thiểu", "%d: phải từ 0 đến 12 (lớp x/12)", s.MinSchooling)
	}
	if !ValidCode(Qualifications, string(s.MinQualification)) {
		c.Add("MinQualification", "Chuyên môn tối thiểu", "%q không có trong danh mục", s.MinQualification)
	}
	if !ValidCode(TheoryLevels, string(s.MinTheory)) {
		c.Add("MinTheory", "Lý luận chính trị tối thiểu", "%q không có trong danh mục", s.MinTheory)
	}
	return c
}

// Training is a course in youth work a person attended (tập huấn, bồi
// dưỡng nghiệp vụ công tác thanh niên), dated: target 2.4 asks for one in
// each working year.
type Training struct {
	ID        int64
	PersonID  int64
	Date      Date
	Course    string // "Tập huấn cán bộ Đoàn cơ sở năm 2026"
	Organiser string // "Tỉnh Đoàn Đồng Tháp"
}

// CheckTraining cleans and checks a training.
func CheckTraining(t *Training, today Date) *Checker {
	t.Course, t.Organiser = Clean(t.Course), Clean(t.Organiser)
	c := &Checker{}
	c.Text("Course", "Lớp tập huấn", t.Course, RuleLine)
	c.Text("Organiser", "Đơn vị tổ chức", t.Organiser, RuleLine)
	if t.Course == "" {
		c.Add("Course", "Lớp tập huấn", "không được để trống")
	}
	if t.Date.IsZero() {
		c.Add("Date", "Ngày", "không được để trống")
	} else if t.Date.After(today) {
		c.Add("Date", "Ngày", "%s ở tương lai", t.Date)
	}
	if t.PersonID == 0 {
		c.Add("PersonID", "Người", "chưa chọn người")
	}
	return c
}
