package domain

// CheckGroupMembers checks the members of a club or a cooperative group:
// a name or a person, a known role, no one twice.
func CheckGroupMembers(c *Checker, ms []GroupMember) {
	for i := range ms {
		ms[i].Name, ms[i].Role = Clean(ms[i].Name), Clean(ms[i].Role)
		if m := RuleFullName.Problem(ms[i].Name); m != nil {
			c.Add("Members", "Thành viên", "dòng %d, họ tên: %s", i+1, m)
		}
		if m := ruleShort.Problem(ms[i].Role); m != nil {
			c.Add("Members", "Thành viên", "dòng %d, vai trò: %s", i+1, m)
		}
		if ms[i].PersonID == 0 && ms[i].Name == "" {
			c.Add("Members", "Thành viên", "dòng %d: chọn người trong sổ hoặc nhập họ tên", i+1)
		}
	}
}

// Branch is a chi đoàn.
type Branch struct {
	ID        int64
	Name      string
	Kind      BranchKind
	Active    bool
	Dissolved Date
	Note      string

	// Derived, filled by ListBranches.
	Members int
}

// Criterion is one item of the standard-branch checklist; the checklist is
// data because the upper body changes it.
type Criterion struct {
	ID     int64
	Code   string // "1" … "8"
	Text   string
	Order  int
	Active bool // in force now; the store keeps FromYear and ToYear in step
	// The years the criterion applies to (0: open). A criterion added
	// applies from the year it is added; one retired, up to the year
	// before it was retired.
	FromYear int
	ToYear   int
}

// AppliesIn reports whether the criterion is part of the checklist of year.
func (c Criterion) AppliesIn(year int) bool {
	return (c.FromYear == 0 || c.FromYear <= year) && (c.ToYear == 0 || c.ToYear >= year)
}

// BranchYear is a branch's assessment for one year.
type BranchYear struct {
	BranchID int64
	Year     int
	Met      []int64 // IDs of the criteria met
	Rating   string  // one of UnitRatings (empty: not rated)
	Standard bool    // derived: every active criterion met
	// Rated is the day the rating was decided and Assessed the day the
	// branch was assessed against the criteria. Zero when saving: the
	// day already recorded if the fact did not change, else the last day
	// of the year (what older callers, which give no date, meant).
	Rated, Assessed Date
}

// Club is a câu lạc bộ.
type Club struct {
	ID      int64
	Name    string
	Kind    ClubKind
	Founded Date
	Leader  string
	Active  bool
	Note    string
	Members []GroupMember
}

// GroupMember is a member of a club or cooperative group: a person of the
// register (PersonID) or a named outsider.
type GroupMember struct {
	ID       int64
	PersonID int64  // 0: outsider
	Name     string // the person's full name, or the outsider's
	Role     string
}

// Coop is a tổ hợp tác.
type Coop struct {
	ID           int64
	Name         string
	Field        string
	Founded      Date
	ContractDate Date   // contract registered with the commune
	LegalBasis   string // one of LegalBases
	Capital      int64  // đồng
	Active       bool
	Note         string
	Members      []GroupMember
}

// CoopYear is a cooperative group's results for one year.
type CoopYear struct {
	CoopID         int64
	Year           int
	Revenue        int64 // đồng
	AvgIncome      int64 // đồng a member a month
	Support        string
	SupportedModel bool // the year's economic model the Union supported
	// Reported is the day these results were reported (zero when saving:
	// the last day of the year, or the day already recorded when nothing
	// changed). A document cut off before it does not know them.
	Reported Date
}

// CheckCriteria checks items of the checklist as SaveCriteria does,
// writing nothing: a window shows every broken rule of every row at once,
// beside the fields it could read, before saving.
func CheckCriteria(list []Criterion) error {
	c := &Checker{}
	for i, cr := range list {
		code, text := Clean(cr.Code), Clean(cr.Text)
		c.Row = i + 1
		c.Text("Code", "Mã tiêu chí", code, RuleCode)
		c.Text("Text", "Nội dung tiêu chí", text, ruleTitle)
		if text == "" {
			c.Add("Text", "Nội dung tiêu chí", "không được để trống")
		}
		if cr.Order < 0 {
			c.Add("Order", "Thứ tự", "không được âm")
		}
		OrderRange.AtMost(c, "Order", "Thứ tự", int64(cr.Order))
	}
	return c.Err()
}

// DefaultCriteria is the standard-branch checklist seeded into a new
// register (8 criteria, as plan 25-KH/ĐTN item 2.3 refers to); each ward
// edits it to its upper body's current wording.
var DefaultCriteria = []string{
	"Sinh hoạt chi đoàn định kỳ hằng tháng, có nội dung phong phú",
	"Có từ 80% đoàn viên tham gia sinh hoạt thường xuyên",
	"Thực hiện tốt chương trình rèn luyện đoàn viên",
	"Có công trình, phần việc thanh niên trong năm",
	"Tập hợp thanh niên vào tổ chức Đoàn, Hội",
	"Quản lý tốt đoàn viên, thu nộp đoàn phí đầy đủ",
	"Giới thiệu đoàn viên ưu tú cho Đảng hoặc kết nạp đoàn viên mới",
	"Không có đoàn viên vi phạm pháp luật, tệ nạn xã hội",
}
