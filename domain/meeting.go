package domain

import (
	"fmt"
	"strings"
)

// A branch meets once a month (sinh hoạt định kỳ) on the month's theme,
// and besides for thematic meetings, its committee's meetings and its
// congress. Each meeting is a dated record with the attendance of every
// member called (present, excused, absent without reason), its minutes
// and its resolution. The year's grid, the evidence beside the ratings
// and the "cần xem xét" list are read from them as of a cut-off.

// MeetingKind is the kind of a branch meeting.
type MeetingKind string

// The kinds of meeting.
const (
	MeetingRegular   MeetingKind = "regular"   // sinh hoạt định kỳ
	MeetingThematic  MeetingKind = "thematic"  // sinh hoạt chủ điểm, chuyên đề
	MeetingCommittee MeetingKind = "committee" // họp Ban Chấp hành chi đoàn
	MeetingCongress  MeetingKind = "congress"  // đại hội, hội nghị chi đoàn
)

// MeetingKinds lists the kinds with their Vietnamese names.
var MeetingKinds = []Choice{
	{string(MeetingRegular), "Sinh hoạt định kỳ"},
	{string(MeetingThematic), "Sinh hoạt chủ điểm, chuyên đề"},
	{string(MeetingCommittee), "Họp Ban Chấp hành chi đoàn"},
	{string(MeetingCongress), "Đại hội, hội nghị chi đoàn"},
}

// Label is the kind's Vietnamese name.
func (k MeetingKind) Label() string { return LabelOf(MeetingKinds, string(k)) }

// Presence is how a member attended a meeting.
type Presence string

// The three ways.
const (
	Present Presence = "present" // có mặt
	Excused Presence = "excused" // vắng có lý do
	Absent  Presence = "absent"  // vắng không lý do
)

// Presences lists them with their Vietnamese names.
var Presences = []Choice{
	{string(Present), "Có mặt"},
	{string(Excused), "Vắng có lý do"},
	{string(Absent), "Vắng không lý do"},
}

// Label is the Vietnamese name.
func (p Presence) Label() string { return LabelOf(Presences, string(p)) }

// Attendance is one member's presence at a meeting.
type Attendance struct {
	PersonID int64
	Status   Presence
}

// Meeting is one meeting of a branch.
type Meeting struct {
	ID         int64
	BranchID   int64
	Date       Date
	Kind       MeetingKind
	Theme      string // chủ điểm of the month
	Minutes    string // biên bản
	Resolution string // nghị quyết
	// Attendance of every member called; empty when not taken. Saving a
	// meeting replaces its attendance with this list.
	Attendance []Attendance
}

// AttendanceCount is a meeting's presence tallied.
type AttendanceCount struct{ Present, Excused, Absent int }

// Called is everyone whose presence was taken.
func (a AttendanceCount) Called() int { return a.Present + a.Excused + a.Absent }

// Count tallies a meeting's attendance.
func (m Meeting) Count() AttendanceCount {
	var c AttendanceCount
	for _, a := range m.Attendance {
		switch a.Status {
		case Present:
			c.Present++
		case Excused:
			c.Excused++
		case Absent:
			c.Absent++
		}
	}
	return c
}

// CheckMeeting cleans and checks a meeting.
func CheckMeeting(m *Meeting, today Date) *Checker {
	m.Theme, m.Minutes, m.Resolution = Clean(m.Theme), CleanLines(m.Minutes), CleanLines(m.Resolution)
	c := &Checker{}
	c.Text("Theme", "Chủ điểm", m.Theme, RuleAddress)
	c.Text("Minutes", "Biên bản", m.Minutes, RuleNote)
	c.Text("Resolution", "Nghị quyết", m.Resolution, RuleNote)
	if m.BranchID == 0 {
		c.Add("BranchID", "Chi đoàn", "không được để trống")
	}
	if !ValidCode(MeetingKinds, string(m.Kind)) {
		c.Add("Kind", "Loại buổi sinh hoạt", "%q không có trong danh mục", m.Kind)
	}
	if m.Date.IsZero() {
		c.Add("Date", "Ngày sinh hoạt", "không được để trống")
	} else if m.Date.After(today) {
		c.Add("Date", "Ngày sinh hoạt", "%s ở tương lai", m.Date)
	}
	seen := map[int64]bool{}
	for i, a := range m.Attendance {
		if !ValidCode(Presences, string(a.Status)) {
			c.Add("Attendance", "Điểm danh", "dòng %d: %q không phải có mặt, vắng có lý do hay vắng không lý do", i+1, a.Status)
		}
		if seen[a.PersonID] {
			c.Add("Attendance", "Điểm danh", "dòng %d: một người được điểm danh hai lần (mã %d)", i+1, a.PersonID)
		}
		seen[a.PersonID] = true
	}
	return c
}

// DefaultThemes are the months' themes (chủ điểm) a year's list starts
// with, by month (index 0: January): the months the Union's calendar
// names every year; the secretary edits a year's list as the Central
// Committee's booklet sets it.
var DefaultThemes = [12]string{
	"Tháng Học sinh, sinh viên",
	"Mừng Đảng, mừng Xuân",
	"Tháng Thanh niên",
	"Tháng Hòa bình, hữu nghị",
	"Tháng Bác Hồ",
	"Tháng Hành động vì trẻ em",
	"Tháng Tri ân",
	"Tháng Truyền thống Cách mạng",
	"Tháng Khai giảng, vì đàn em",
	"Tháng Thanh niên với văn hóa",
	"Tháng Tôn sư trọng đạo",
	"Tháng Thanh niên với quốc phòng",
}

// YearMonth is a month of a year.
type YearMonth struct{ Year, Month int }

// String is "03/2026".
func (ym YearMonth) String() string { return fmt.Sprintf("%02d/%d", ym.Month, ym.Year) }

// MonthsOf lists the twelve months of a working year from its first day.
func MonthsOf(sp Span) [12]YearMonth {
	var out [12]YearMonth
	y, m := sp.From.Year(), sp.From.Month()
	for i := range out {
		out[i] = YearMonth{y, m}
		if m++; m > 12 {
			m, y = 1, y+1
		}
	}
	return out
}

// BranchMeetingsYear is one branch's line of the year's meetings grid.
type BranchMeetingsYear struct {
	BranchID int64
	Branch   string
	// Held counts the meetings of each month of the working year (index 0:
	// its first month), up to the cut-off.
	Held [12]int
	// Meetings is every meeting of the year; MonthsMet the months with at
	// least one.
	Meetings, MonthsMet int
	// Attendance is the members' average presence over the meetings whose
	// attendance was taken (present ÷ called), 0..1; Taken says whether
	// any was.
	Attendance float64
	Taken      bool
}

// MeetingsGrid is the year's branch-by-month grid.
type MeetingsGrid struct {
	Span   Span
	Months [12]YearMonth
	Rows   []BranchMeetingsYear
}

// Evidence thresholds beside the ratings: settings with these defaults
// (province guidance built on HD 33-HD/TWĐTN-BTC, HD 22-HD/TWĐTN), in
// force from a day: a province may change them, and a document reads the
// ones of its own date.
type EvidenceThresholds struct {
	From           Date // áp dụng từ (EvidenceBeginning: from the beginning)
	BranchMeetings int  // meetings (or activities) a year for a branch's top grade: 12
	MemberShare    int  // % of the activities called for a member's top grade: 90
	AbsentMonths   int  // months absent without reason in a year that put a member on the review list: 3
	MeetingDay     int  // after this day of the month a branch that has not met shows on the dashboard: 25
}

// DefaultEvidence are the thresholds a register starts with (in force
// from the beginning until the ward writes its own).
var DefaultEvidence = EvidenceThresholds{From: EvidenceBeginning, BranchMeetings: 12, MemberShare: 90, AbsentMonths: 3, MeetingDay: 25}

// EvidenceBeginning is the first day a register can hold: thresholds
// applying from it apply to every date (the settings a register had before
// they were dated).
var EvidenceBeginning = MustDate(1900, 1, 1)

// FromBeginning says whether the thresholds apply to every date.
func (t EvidenceThresholds) FromBeginning() bool { return !t.From.After(EvidenceBeginning) }

// Share is a member's part in what their branch was called to: the
// activities kept with a roll and the meetings whose attendance was taken.
type Share struct {
	PersonID int64
	Called   int // activities called for the branch + meetings called to
	Took     int // of which the member took part in / was present at
}

// Percent is the share in percent (0 when nothing was called).
func (s Share) Percent() float64 {
	if s.Called == 0 {
		return 0
	}
	return 100 * float64(s.Took) / float64(s.Called)
}

// Meets says whether the share reaches min percent (false when nothing
// was called: there is no evidence).
func (s Share) Meets(min int) bool { return s.Called > 0 && s.Took*100 >= min*s.Called }

// String is "11/12 (91,7 %)" or "chưa có".
func (s Share) String() string {
	if s.Called == 0 {
		return "chưa có"
	}
	return fmt.Sprintf("%d/%d (%s %%)", s.Took, s.Called, FormatNum(s.Percent()))
}

// ReviewCode names a ground for the "cần xem xét" list. The dues issue
// adds its own (ReviewUnpaidDues) beside ReviewAbsent.
type ReviewCode string

// The grounds.
const (
	// ReviewAbsent: absent from meetings without reason in N months of the
	// year (HD 22-HD/TWĐTN: a ground for xóa tên).
	ReviewAbsent ReviewCode = "absent_meetings"
	// ReviewUnpaidDues: dues unpaid N months of the year (issue 20).
	ReviewUnpaidDues ReviewCode = "unpaid_dues"
)

// ReviewReasons name the grounds.
var ReviewReasons = []Choice{
	{string(ReviewAbsent), "Vắng sinh hoạt không lý do"},
	{string(ReviewUnpaidDues), "Chưa đóng đoàn phí"},
}

// ReviewReason is one ground a member is on the list for, with the months
// it happened in.
type ReviewReason struct {
	Code   ReviewCode
	Months []YearMonth
}

// String is "Vắng sinh hoạt không lý do 3 tháng (02/2026, 05/2026, 09/2026)".
func (r ReviewReason) String() string {
	ms := make([]string, len(r.Months))
	for i, m := range r.Months {
		ms[i] = m.String()
	}
	return fmt.Sprintf("%s %d tháng (%s)", LabelOf(ReviewReasons, string(r.Code)), len(r.Months), strings.Join(ms, ", "))
}

// ReviewLine is one member of the "cần xem xét" list.
type ReviewLine struct {
	PersonID int64
	Name     string
	BranchID int64
	Branch   string
	Reasons  []ReviewReason
}

// ReasonText joins the line's grounds.
func (l ReviewLine) ReasonText() string {
	parts := make([]string, len(l.Reasons))
	for i, r := range l.Reasons {
		parts[i] = r.String()
	}
	return strings.Join(parts, "; ")
}
