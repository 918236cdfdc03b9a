package domain

import (
	"fmt"
	"strings"
)

// The work report (báo cáo công tác Đoàn) of a quarter, a half-year or a
// whole working year (tổng kết): the outline wards and provinces use,
// its figures all read from the register as of the cut-off, and a
// statistics appendix (biểu thống kê).

// WorkPeriod is the part of a working year a work report covers: a
// quarter (1–4), a half (1–2), or neither, the whole year.
type WorkPeriod struct {
	Year    int
	Quarter int
	Half    int
}

// CheckWorkPeriod refuses a quarter outside 1–4, a half outside 1–2 and
// both at once, naming the field.
func CheckWorkPeriod(p WorkPeriod) error {
	c := &Checker{}
	switch {
	case p.Quarter != 0 && p.Half != 0:
		c.Add("Quarter", "Kỳ báo cáo", "chọn quý hoặc 6 tháng, không chọn cả hai")
	case p.Quarter < 0 || p.Quarter > 4:
		c.Add("Quarter", "Quý", "%d không có (chỉ có quý 1 đến 4)", p.Quarter)
	case p.Half < 0 || p.Half > 2:
		c.Add("Half", "6 tháng", "%d không có (1: 6 tháng đầu năm, 2: 6 tháng cuối năm)", p.Half)
	}
	return c.Err()
}

// Months are the months of the working year the period spans: its
// first month (0-based from the year's start) and how many.
func (p WorkPeriod) months() (first, n int) {
	switch {
	case p.Quarter > 0:
		return (p.Quarter - 1) * 3, 3
	case p.Half > 0:
		return (p.Half - 1) * 6, 6
	}
	return 0, 12
}

// Bounds are the first and last day of the period within working year
// sp (a calendar year's second quarter: 01/04 to 30/06).
func (p WorkPeriod) Bounds(sp Span) (from, end Date) {
	first, n := p.months()
	from = DateOf(sp.From.Time().AddDate(0, first, 0))
	end = AddDays(DateOf(sp.From.Time().AddDate(0, first+n, 0)), -1)
	return from, end
}

var quarterRoman = []string{"", "I", "II", "III", "IV"}

// Name is the period as a report says it: "quý II năm 2026", "6 tháng
// đầu năm 2026", "năm 2026".
func (p WorkPeriod) Name() string {
	switch {
	case p.Quarter > 0:
		return fmt.Sprintf("quý %s năm %d", quarterRoman[p.Quarter], p.Year)
	case p.Half == 1:
		return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
	case p.Half == 2:
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}

// Next is the period that follows, for "phương hướng kỳ tới".
func (p WorkPeriod) Next() WorkPeriod {
	switch {
	case p.Quarter == 4:
		return WorkPeriod{Year: p.Year + 1, Quarter: 1}
	case p.Quarter > 0:
		return WorkPeriod{Year: p.Year, Quarter: p.Quarter + 1}
	case p.Half == 1:
		return WorkPeriod{Year: p.Year, Half: 2}
	}
	return WorkPeriod{Year: p.Year + 1}
}

// Summary is the line under BÁO CÁO: "Công tác Đoàn và phong trào thanh
// niên quý II năm 2026"; the year's is a tổng kết.
func (p WorkPeriod) Summary() string {
	if p.Quarter == 0 && p.Half == 0 {
		return "Tổng kết công tác Đoàn và phong trào thanh niên " + p.Name()
	}
	return "Công tác Đoàn và phong trào thanh niên " + p.Name()
}

// Code names the period in files and the register: "q2", "h1", "nam".
func (p WorkPeriod) Code() string {
	switch {
	case p.Quarter > 0:
		return fmt.Sprintf("q%d", p.Quarter)
	case p.Half > 0:
		return fmt.Sprintf("h%d", p.Half)
	}
	return "nam"
}

// NarrativeWork begins the narrative doc of a work report: "work-q2",
// "work-h1", "work-nam", keyed by working year (each period's texts are
// its own).
const NarrativeWork = "work-"

// NarrativeDoc is the doc under which the register keeps this period's
// texts.
func (p WorkPeriod) NarrativeDoc() string { return NarrativeWork + p.Code() }

// WorkPeriodOfDoc reads a work report's narrative doc back (ok false for
// any other doc).
func WorkPeriodOfDoc(doc string, year int) (WorkPeriod, bool) {
	code, ok := strings.CutPrefix(doc, NarrativeWork)
	if !ok {
		return WorkPeriod{}, false
	}
	for _, p := range WorkPeriods(year) {
		if p.Code() == code {
			return p, true
		}
	}
	return WorkPeriod{}, false
}

// WorkPeriods are the seven work reports of a year, in the order a
// window offers them: the four quarters, the two halves, the year.
func WorkPeriods(year int) []WorkPeriod {
	return []WorkPeriod{{year, 1, 0}, {year, 2, 0}, {year, 3, 0}, {year, 4, 0}, {year, 0, 1}, {year, 0, 2}, {Year: year}}
}

// WorkSections are the text sections of the work report, in print order.
var WorkSections = []Choice{
	{"advantages", "Thuận lợi"},
	{"difficulties", "Khó khăn"},
	{"education", "Công tác giáo dục chính trị tư tưởng"},
	{"movements", "Các phong trào hành động, công trình, phần việc, tình nguyện"},
	{"organisation", "Công tác xây dựng tổ chức Đoàn"},
	{"federation", "Công tác Hội"},
	{"inspection", "Công tác kiểm tra, giám sát"},
	{"strengths", "Ưu điểm"},
	{"shortcomings", "Hạn chế"},
	{"causes", "Nguyên nhân"},
	{"lessons", "Bài học kinh nghiệm"},
	{"directions", "Phương hướng, nhiệm vụ kỳ tới"},
	{"recommendations", "Đề xuất, kiến nghị"},
}

// NarrativeSections are the sections of a narrative doc (ok false for an
// unknown doc): what the register accepts and checks on a save.
func NarrativeSections(doc string) ([]Choice, bool) {
	switch doc {
	case NarrativeAnnual, NarrativeHalfYear, NarrativePeriod:
		return AnnualSections, true
	case NarrativePlan:
		return PlanSections, true
	}
	if strings.HasPrefix(doc, NarrativeWork) {
		if _, ok := WorkPeriodOfDoc(doc, 2000); ok {
			return WorkSections, true
		}
	}
	return nil, false
}

// WorkFigures are the figures of a work report, all as of its cut-off.
type WorkFigures struct {
	Period WorkPeriod
	// From and End are the period's bounds; AsOf the cut-off (End, or
	// the report's date when earlier): movements count From to AsOf.
	From, End, AsOf Date
	// Situation is the organisation on AsOf, its movements those of the
	// period (Situation.From is the period's first day).
	Situation Situation
	// Results are the plan's indicators counted from the working year's
	// first day to AsOf (year-to-date); nil without a plan.
	Results []Result
	Stats   WorkStats
	// Activities are the period's activities by kind, to AsOf (every
	// kind of the register listed, Count 0 when none).
	Activities []ActivityKindTotal
	// Meetings is the working year's branch-by-month grid to AsOf.
	Meetings MeetingsGrid
}

// WorkSectionOf is the section of the work report whose results count
// activities of kind: tuyên truyền in education, the officers' training
// in organisation, inspections in inspection, every other kind (a ward's
// own included) in movements.
func WorkSectionOf(kind string) string {
	switch kind {
	case "education":
		return "education"
	case KindTraining:
		return "organisation"
	case "inspection":
		return "inspection"
	}
	return "movements"
}

// ActivitiesOf are the kinds of section sec that took place (Count > 0).
func (f *WorkFigures) ActivitiesOf(sec string) []ActivityKindTotal {
	var out []ActivityKindTotal
	for _, t := range f.Activities {
		if t.Count > 0 && WorkSectionOf(t.Kind) == sec {
			out = append(out, t)
		}
	}
	return out
}

// BranchPeriodMeetings is one branch's meetings in the report's period.
type BranchPeriodMeetings struct {
	Branch string
	// Held is the meetings of the period, MonthsMet the months of it with
	// one, of Months, the period's months begun by the cut-off.
	Held, MonthsMet, Months int
	// YearToDate is the meetings from the working year's first day.
	YearToDate int
	Attendance float64 // the year's average presence, 0..1, when Taken
	Taken      bool
}

// MeetingsRecorded says whether the register holds any branch meeting
// of the year by the cut-off: none at all means they were not entered,
// not that no branch met.
func (f *WorkFigures) MeetingsRecorded() bool {
	for _, r := range f.Meetings.Rows {
		if r.Meetings > 0 {
			return true
		}
	}
	return false
}

// BranchMeetings reads each branch's meetings of the period out of the
// year's grid.
func (f *WorkFigures) BranchMeetings() []BranchPeriodMeetings {
	first, n := f.Period.months()
	months := 0
	for i := first; i < first+n && i < 12; i++ {
		m := f.Meetings.Months[i]
		if m.Year == 0 || MustDate(m.Year, m.Month, 1).After(f.AsOf) {
			break
		}
		months++
	}
	out := make([]BranchPeriodMeetings, 0, len(f.Meetings.Rows))
	for _, r := range f.Meetings.Rows {
		b := BranchPeriodMeetings{Branch: r.Branch, Months: months, YearToDate: r.Meetings, Attendance: r.Attendance, Taken: r.Taken}
		for i := first; i < first+months; i++ {
			b.Held += r.Held[i]
			if r.Held[i] > 0 {
				b.MonthsMet++
			}
		}
		out = append(out, b)
	}
	return out
}

// WorkStats is the statistics appendix (biểu thống kê) on the cut-off.
// Each Tally counts Union members (Total, Female).
type WorkStats struct {
	AsOf          Date
	Union         Tally
	Ethnicity     []Tally // the register's words, Kinh first then by count
	Religion      []Tally // "Không" for none
	Schooling     []Tally // học vấn, SchoolingBands
	Qualification []Tally // chuyên môn, Qualifications
	Theory        []Tally // lý luận chính trị, TheoryLevels
	Party         Tally   // Union members who are Party members
	// MemberRatings counts the year's member ratings decided by the
	// cut-off, best first, then the members not rated (Code "").
	MemberRatings []Tally
	// BranchRatings counts branches (Total only) by the year's rating
	// decided by the cut-off, then the branches not rated.
	BranchRatings []Tally
	Committee     Committee
}

// Committee is the ward's executive committee (BCH) holding office on
// the cut-off.
type Committee struct {
	Members       Tally
	Standing      int     // of them, in the standing committee (secretaries included)
	Party         int     // Party members
	AverageAge    float64 // on the cut-off
	Ages          []Tally // CommitteeAgeBands
	Qualification []Tally
	Theory        []Tally
}

// SchoolingBands are the rows of học vấn in the appendix, by the grade
// reached out of 12.
var SchoolingBands = []Choice{
	{"12", "Trung học phổ thông (12/12)"},
	{"9", "Trung học cơ sở (9/12 đến 11/12)"},
	{"1", "Dưới 9/12"},
	{"", "Chưa nhập"},
}

// SchoolingBand is the band of a grade reached.
func SchoolingBand(grade int) string {
	switch {
	case grade >= 12:
		return "12"
	case grade >= 9:
		return "9"
	case grade >= 1:
		return "1"
	}
	return ""
}

// CommitteeAgeBands are the age rows of the committee's composition.
var CommitteeAgeBands = []Choice{
	{"25", "Đến 25 tuổi"},
	{"30", "Từ 26 đến 30 tuổi"},
	{"31", "Trên 30 tuổi"},
}

// CommitteeAgeBand is the band of an age.
func CommitteeAgeBand(age int) string {
	switch {
	case age <= 25:
		return "25"
	case age <= 30:
		return "30"
	}
	return "31"
}

// Tallies is one empty tally per choice, in the list's order.
func Tallies(list []Choice) []Tally {
	t := make([]Tally, len(list))
	for i, c := range list {
		t[i] = Tally{Code: c.Code, Label: c.Label}
	}
	return t
}
