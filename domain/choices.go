package domain

// The fixed lists of the register. Each value is stored in the database as
// its short English code (so that a label can be reworded without a
// migration); Label gives the Vietnamese wording printed in reports and
// shown in the UI.

// ChoiceLists names every fixed list of the register, so that a window can
// check it has a translation for every label it may show.
func ChoiceLists() map[string][]Choice {
	return map[string][]Choice{
		"DocumentTypes":     DocumentTypes,
		"Genders":           Genders,
		"BranchKinds":       BranchKinds,
		"Occupations":       Occupations,
		"DuesCategories":    DuesCategories,
		"TheoryLevels":      TheoryLevels,
		"Qualifications":    Qualifications,
		"Ratings":           Ratings,
		"UnitRatings":       UnitRatings,
		"EventKinds":        EventKinds,
		"Statuses":          Statuses,
		"Positions":         Positions,
		"ClubKinds":         ClubKinds,
		"LegalBases":        LegalBases,
		"Metrics":           Metrics,
		"TrashKinds":        TrashKinds,
		"ClubRoles":         ClubRoles,
		"CoopRoles":         CoopRoles,
		"MeetingKinds":      MeetingKinds,
		"Presences":         Presences,
		"ReviewReasons":     ReviewReasons,
		"ActivityKinds":     KindChoices(DefaultActivityKinds),
		"ActivityWords":     activityWords(),
		"DecisionKinds":     DecisionKinds,
		"CommendationForms": CommendationForms,
		"DisciplineForms":   DisciplineForms,
		"ElectionRoles":     ElectionRoles,
	}
}

// Choice is one value of a fixed list with its Vietnamese label.
type Choice struct {
	Code  string
	Label string
}

// LabelOf is the Vietnamese label of code in list, or the code itself
// when the list does not have it.
func LabelOf(list []Choice, code string) string {
	for _, c := range list {
		if c.Code == code {
			return c.Label
		}
	}
	return code
}

// ValidCode reports whether code is one of the list's codes.
func ValidCode(list []Choice, code string) bool {
	for _, c := range list {
		if c.Code == code {
			return true
		}
	}
	return false
}

// CodeOfLabel finds the code of a Vietnamese label (accents and case
// ignored), for imports and the CLI; ok is false when none matches.
func CodeOfLabel(list []Choice, label string) (code string, ok bool) {
	f := Fold(label)
	for _, c := range list {
		if Fold(c.Label) == f || Fold(c.Code) == f {
			return c.Code, true
		}
	}
	return "", false
}

// Gender of a person.
type Gender string

const (
	Male   Gender = "male"
	Female Gender = "female"
)

// Genders lists the genders in form order.
var Genders = []Choice{{"male", "Nam"}, {"female", "Nữ"}}

// Label is the Vietnamese word for the gender.
func (g Gender) Label() string { return LabelOf(Genders, string(g)) }

// BranchKind is the kind of a chi đoàn.
type BranchKind string

const (
	BranchHamlet     BranchKind = "hamlet"
	BranchSchool     BranchKind = "school"
	BranchAgency     BranchKind = "agency"
	BranchEnterprise BranchKind = "enterprise"
	BranchArmed      BranchKind = "armed"
	BranchOther      BranchKind = "other"
)

// BranchKinds lists the branch kinds.
var BranchKinds = []Choice{
	{"hamlet", "Khóm, ấp"},
	{"school", "Trường học"},
	{"agency", "Cơ quan"},
	{"enterprise", "Doanh nghiệp"},
	{"armed", "Lực lượng vũ trang"},
	{"other", "Khác"},
}

// Label is the Vietnamese name of the kind.
func (k BranchKind) Label() string { return LabelOf(BranchKinds, string(k)) }

// Occupation is a person's occupation group.
type Occupation string

// Occupations lists the occupation groups of the register.
var Occupations = []Choice{
	{"student", "Học sinh, sinh viên"},
	{"civil_servant", "Cán bộ, công chức, viên chức"},
	{"armed", "Lực lượng vũ trang"},
	{"worker", "Công nhân"},
	{"farmer", "Nông dân"},
	{"self_employed", "Lao động tự do, kinh doanh"},
	{"unemployed", "Chưa có việc làm"},
	{"other", "Khác"},
}

// Label is the Vietnamese name of the group.
func (o Occupation) Label() string { return LabelOf(Occupations, string(o)) }

// DuesCategory is which monthly rate of Union dues a member pays (diện
// đóng đoàn phí).
type DuesCategory string

// The dues categories.
const (
	DuesWage   DuesCategory = "wage"
	DuesNoWage DuesCategory = "no_wage"
	// DuesAbroad: a member living abroad, who pays at least the rules'
	// Abroad rate (NQ 07-NQ/TWĐTN: "ít nhất 5.000 đ").
	DuesAbroad DuesCategory = "abroad"
)

// DuesCategories lists the categories with their Vietnamese labels.
var DuesCategories = []Choice{{"wage", "Hưởng lương"}, {"no_wage", "Không hưởng lương"}, {"abroad", "Ở nước ngoài"}}

// Label is the Vietnamese name of the category.
func (d DuesCategory) Label() string { return LabelOf(DuesCategories, string(d)) }

// TheoryLevel is the level of political theory (lý luận chính trị).
type TheoryLevel string

// TheoryLevels lists the political theory levels, lowest first.
var TheoryLevels = []Choice{
	{"", "Chưa qua đào tạo"},
	{"elementary", "Sơ cấp"},
	{"intermediate", "Trung cấp"},
	{"advanced", "Cao cấp"},
}

// Label is the Vietnamese name of the level.
func (t TheoryLevel) Label() string { return LabelOf(TheoryLevels, string(t)) }

// Qualification is the vocational or higher degree (trình độ chuyên môn).
type Qualification string

// Qualifications lists the degrees, lowest first.
var Qualifications = []Choice{
	{"", "Chưa qua đào tạo"},
	{"vocational", "Sơ cấp, trung cấp nghề"},
	{"college", "Cao đẳng"},
	{"university", "Đại học"},
	{"postgraduate", "Sau đại học"},
}

// Label is the Vietnamese name of the degree.
func (q Qualification) Label() string { return LabelOf(Qualifications, string(q)) }

// Rating is a member's yearly rating (xếp loại đoàn viên).
type Rating string

// Ratings lists the four member ratings, best first.
var Ratings = []Choice{
	{"excellent", "Hoàn thành xuất sắc nhiệm vụ"},
	{"good", "Hoàn thành tốt nhiệm vụ"},
	{"done", "Hoàn thành nhiệm vụ"},
	{"not_done", "Không hoàn thành nhiệm vụ"},
}

// Label is the Vietnamese wording of the rating.
func (r Rating) Label() string { return LabelOf(Ratings, string(r)) }

// UnitRatings lists the ratings of a branch or of the ward Union
// (xếp loại tổ chức cơ sở Đoàn), best first.
var UnitRatings = []Choice{
	{"excellent", "Vững mạnh"},
	{"good", "Khá"},
	{"average", "Trung bình"},
	{"weak", "Yếu"},
}

// EventKind is the kind of a membership event.
type EventKind string

const (
	EventAdmission   EventKind = "admission"
	EventTransferIn  EventKind = "transfer_in"
	EventTransferOut EventKind = "transfer_out"
	EventComingOfAge EventKind = "coming_of_age"
	EventRemoval     EventKind = "removal"
)

// EventKinds lists the membership events.
var EventKinds = []Choice{
	{"admission", "Kết nạp"},
	{"transfer_in", "Chuyển sinh hoạt đến"},
	{"transfer_out", "Chuyển sinh hoạt đi"},
	{"coming_of_age", "Trưởng thành Đoàn"},
	{"removal", "Xóa tên"},
}

// Label is the Vietnamese name of the event.
func (k EventKind) Label() string { return LabelOf(EventKinds, string(k)) }

// Status is a Union member's standing, derived from the events.
type Status string

const (
	StatusActive      Status = "active"
	StatusTransferred Status = "transferred"
	StatusCameOfAge   Status = "came_of_age"
	StatusRemoved     Status = "removed"
)

// Statuses lists the derived statuses.
var Statuses = []Choice{
	{"active", "Đang sinh hoạt"},
	{"transferred", "Đã chuyển đi"},
	{"came_of_age", "Đã trưởng thành"},
	{"removed", "Đã xóa tên"},
}

// Label is the Vietnamese name of the status.
func (s Status) Label() string { return LabelOf(Statuses, string(s)) }

// PositionKind is a Union office a cadre holds.
type PositionKind string

// Positions lists the Union offices, highest first.
var Positions = []Choice{
	{"secretary", "Bí thư"},
	{"deputy", "Phó Bí thư"},
	{"standing", "Ủy viên Ban Thường vụ"},
	{"executive", "Ủy viên Ban Chấp hành"},
	{"branch_secretary", "Bí thư chi đoàn"},
	{"branch_deputy", "Phó Bí thư chi đoàn"},
	{"branch_executive", "Ủy viên Ban Chấp hành chi đoàn"},
}

// Label is the Vietnamese name of the office.
func (p PositionKind) Label() string { return LabelOf(Positions, string(p)) }

// ClubKind is the kind of a club.
type ClubKind string

// ClubKinds lists the club kinds.
var ClubKinds = []Choice{
	{"economic", "CLB Thanh niên làm kinh tế"},
	{"secretaries", "CLB Bí thư chi đoàn"},
	{"propagandists", "CLB Báo cáo viên, tuyên truyền viên"},
	{"interest", "CLB sở thích"},
	{"other", "Khác"},
}

// Label is the Vietnamese name of the kind.
func (k ClubKind) Label() string { return LabelOf(ClubKinds, string(k)) }

// LegalBases lists the decrees a cooperative group can be registered under.
var LegalBases = []Choice{
	{"nd77_2019", "Nghị định 77/2019/NĐ-CP"},
	{"nd151_2007", "Nghị định 151/2007/NĐ-CP"},
}

// IndicatorKind says how an indicator is measured and compared.
type IndicatorKind string

const (
	// KindCount is a number to reach (at least the target).
	KindCount IndicatorKind = "count"
	// KindPercent is a share in percent to reach (at least the target).
	KindPercent IndicatorKind = "percent"
	// KindCheck is a yes/no target, ticked by hand.
	KindCheck IndicatorKind = "check"
)

// TrashKind is the kind of a record in the recycle bin.
type TrashKind string

// The kinds of records the recycle bin takes.
const (
	TrashPerson TrashKind = "person"
	TrashBranch TrashKind = "branch"
	TrashClub   TrashKind = "club"
	TrashCoop   TrashKind = "coop"
)

// TrashKinds lists the kinds with their Vietnamese labels.
var TrashKinds = []Choice{{"person", "Người"}, {"branch", "Chi đoàn"}, {"club", "Câu lạc bộ"}, {"coop", "Tổ hợp tác"}}

// Label is the Vietnamese name of the kind.
func (k TrashKind) Label() string { return LabelOf(TrashKinds, string(k)) }
