package domain

import (
	"fmt"
	"strings"
)

// A ward's year is also the activities it runs: each one a dated record
// of a kind, organised by the ward or by some of its branches, with who
// took part (counts, and optionally the very members of the register) and
// the figures the reports count for its kind (people reached, volunteers,
// units of blood…). The kinds and their measures are an editable list
// (kept in the register's settings) whose defaults are DefaultActivityKinds.
//
// Two kinds are not written as activities: the officers' trainings
// (target 2.4 reads them per person: the trainings table) and the models
// of targets 2.1 and 2.2b (target_models). The register already holds
// them as records of their own; the activity lists and totals show them
// read from there (Activity.Source), so that one training or model is
// never two records that could disagree.

// ActivityMeasure is one figure a kind of activity counts.
type ActivityMeasure struct {
	Code  string // stable key of the figure (stored with each activity)
	Label string // Vietnamese: "Số người được tuyên truyền"
	Unit  string // Vietnamese unit: "người", "đồng", "đơn vị máu"
}

// ActivityKind is a kind of activity and the figures reports count for it.
type ActivityKind struct {
	Code     string
	Label    string
	Measures []ActivityMeasure
}

// The kinds whose records live elsewhere in the register.
const (
	KindTraining = "training" // tập huấn cán bộ: the trainings table (2.4)
	KindModel    = "model"    // mô hình of 2.1 or 2.2b: target_models
	KindOther    = "other"
)

// Where an activity's record lives (Activity.Source).
const (
	SourceActivity = ""         // the activities table
	SourceTraining = "training" // one course of trainings (people trained on one day)
	SourceModel    = "model"    // one model of 2.1 or 2.2b
)

// DefaultActivityKinds are the kinds of activity and their measures a new
// register starts with (issue 19); Cài đặt edits the list.
var DefaultActivityKinds = []ActivityKind{
	{"education", "Tuyên truyền, giáo dục", []ActivityMeasure{{"reached", "Số người được tuyên truyền", "người"}}},
	{"volunteer", "Tình nguyện", []ActivityMeasure{{"volunteers", "Số tình nguyện viên", "người"}, {"days", "Số ngày tình nguyện", "ngày"}}},
	{"blood", "Hiến máu tình nguyện", []ActivityMeasure{{"units", "Số đơn vị máu", "đơn vị"}}},
	{"works", "Công trình, phần việc thanh niên", []ActivityMeasure{{"works", "Số công trình, phần việc", "công trình"}, {"value", "Giá trị", "đồng"}}},
	{"welfare", "An sinh xã hội", []ActivityMeasure{{"gifts", "Số phần quà", "phần"}, {"value", "Giá trị vận động", "đồng"}}},
	{"startup", "Khởi nghiệp, việc làm, vốn vay", []ActivityMeasure{{"supported", "Số thanh niên được hỗ trợ", "người"}, {"loans", "Số hồ sơ vay", "hồ sơ"}, {"amount", "Số tiền vay", "đồng"}}},
	{"reform", "Cảm hóa, giáo dục thanh thiếu niên chậm tiến", []ActivityMeasure{{"people", "Số người được cảm hóa", "người"}}},
	{"defence", "Sẵn sàng vì Tổ quốc", []ActivityMeasure{{"recruits", "Số thanh niên lên đường nhập ngũ", "người"}}},
	{"creative", "Tuổi trẻ sáng tạo", nil},
	{"culture", "Văn hóa, thể thao", nil},
	{KindTraining, "Tập huấn cán bộ", []ActivityMeasure{{"trained", "Số cán bộ được tập huấn", "người"}}},
	{"inspection", "Kiểm tra, giám sát", []ActivityMeasure{{"units", "Số đơn vị được kiểm tra", "đơn vị"}}},
	{KindModel, "Mô hình (chỉ tiêu 2.1, 2.2b)", nil},
	{KindOther, "Hoạt động khác", nil},
}

// KindOf finds a kind in a list (ok false: not in it).
func KindOf(kinds []ActivityKind, code string) (ActivityKind, bool) {
	for _, k := range kinds {
		if k.Code == code {
			return k, true
		}
	}
	return ActivityKind{}, false
}

// KindChoices are the kinds as a list of choices (dropdowns, history).
func KindChoices(kinds []ActivityKind) []Choice {
	out := make([]Choice, len(kinds))
	for i, k := range kinds {
		out[i] = Choice{k.Code, k.Label}
	}
	return out
}

// activityWords are the default measures' labels and units, and the
// months' default themes, as choices: the window translates them.
func activityWords() []Choice {
	var out []Choice
	for _, k := range DefaultActivityKinds {
		for _, m := range k.Measures {
			out = append(out, Choice{m.Code, m.Label}, Choice{m.Code, m.Unit})
		}
	}
	for i, t := range DefaultThemes {
		out = append(out, Choice{fmt.Sprint(i + 1), t})
	}
	return out
}

// Participants counts who took part in an activity.
type Participants struct {
	Union      int // đoàn viên
	Federation int // hội viên (not đoàn viên)
	Others     int // thanh thiếu nhi, người dân
}

// Total is everyone who took part.
func (p Participants) Total() int { return p.Union + p.Federation + p.Others }

// Add sums two counts.
func (p Participants) Add(o Participants) Participants {
	return Participants{p.Union + o.Union, p.Federation + o.Federation, p.Others + o.Others}
}

// Activity is one activity of the ward or its branches.
type Activity struct {
	ID     int64 // of its table (Source): an activity, a model; a training course: its first row's id
	Source string
	Kind   string
	Title  string
	Date   Date // the day it took place, or its first day
	End    Date // its last day (zero: one day)
	// Ward is true when the ward organised it (every branch is called);
	// else Branches are the branches that did.
	Ward         bool
	Branches     []int64
	Participants Participants
	// Roll is true when the members who took part are listed by name
	// (People): only such activities count in a member's share.
	Roll     bool
	People   []int64
	Measures map[string]int64 // measure code → figure
	Link     string           // a model's page or description
	Note     string           // what was done; for an inspection, its content and conclusions
}

// Last is the activity's last day.
func (a Activity) Last() Date {
	if a.End.IsZero() {
		return a.Date
	}
	return a.End
}

// Dates is "05/03/2026" or "05/03/2026 – 30/03/2026".
func (a Activity) Dates() string {
	if a.End.IsZero() || a.End == a.Date {
		return a.Date.String()
	}
	return a.Date.String() + " – " + a.End.String()
}

// Editable is false for a training or a model, kept in their own screens.
func (a Activity) Editable() bool { return a.Source == SourceActivity }

// CheckActivity cleans and checks an activity against the kinds of the
// register.
func CheckActivity(a *Activity, kinds []ActivityKind, today Date) *Checker {
	a.Title, a.Link, a.Note = Clean(a.Title), Clean(a.Link), CleanLines(a.Note)
	c := &Checker{}
	c.Text("Title", "Tên hoạt động", a.Title, RuleAddress)
	c.Text("Link", "Địa chỉ, mô tả", a.Link, RuleAddress)
	c.Text("Note", "Nội dung, ghi chú", a.Note, RuleNote)
	if a.Title == "" {
		c.Add("Title", "Tên hoạt động", "không được để trống")
	}
	kind, ok := KindOf(kinds, a.Kind)
	switch {
	case a.Kind == KindTraining:
		c.Add("Kind", "Loại hoạt động", "tập huấn cán bộ được ghi theo từng người ở trang đoàn viên (Tập huấn), để chỉ tiêu 2.4 đọc đúng một nơi")
	case a.Kind == KindModel:
		c.Add("Kind", "Loại hoạt động", "mô hình được ghi ở màn hình Kế hoạch & chỉ tiêu (Mô hình), để chỉ tiêu 2.1, 2.2b đọc đúng một nơi")
	case !ok:
		c.Add("Kind", "Loại hoạt động", "%q không có trong danh mục", a.Kind)
	}
	if a.Date.IsZero() {
		c.Add("Date", "Ngày", "không được để trống")
	} else if a.Date.After(today) {
		c.Add("Date", "Ngày", "%s ở tương lai", a.Date)
	}
	if !a.End.IsZero() && !a.Date.IsZero() && a.End.Before(a.Date) {
		c.Add("End", "Đến ngày", "%s trước ngày bắt đầu %s", a.End, a.Date)
	}
	if !a.Ward && len(a.Branches) == 0 {
		c.Add("Branches", "Đơn vị tổ chức", "chọn phường hoặc ít nhất một chi đoàn")
	}
	if a.Ward {
		a.Branches = nil
	}
	for _, n := range []struct {
		field, label string
		v            int
	}{{"Union", "Số đoàn viên tham gia", a.Participants.Union}, {"Federation", "Số hội viên tham gia", a.Participants.Federation}, {"Others", "Số người khác tham gia", a.Participants.Others}} {
		if n.v < 0 || n.v > MaxCount {
			c.Add(n.field, n.label, "%d: phải từ 0 đến %d", n.v, MaxCount)
		}
	}
	if a.Roll && len(a.People) > a.Participants.Union+a.Participants.Federation {
		// The named members are among the counted: the counts cannot be fewer.
		a.Participants.Union = len(a.People) - a.Participants.Federation
	}
	if !a.Roll {
		a.People = nil
	}
	for code, v := range a.Measures {
		known := false
		for _, m := range kind.Measures {
			known = known || m.Code == code
		}
		if !known && ok {
			c.Add("Measures", "Số liệu", "%q không phải số liệu của loại %s", code, kind.Label)
		}
		if v < 0 || v > MaxMeasure {
			c.Add("Measures", "Số liệu", "%d: phải từ 0 đến %d", v, MaxMeasure)
		}
	}
	return c
}

// Limits of an activity's figures.
const (
	MaxCount   = 1_000_000         // people taking part
	MaxMeasure = 1_000_000_000_000 // a figure (amounts in đồng: a thousand billion)
)

// MeasureSum is one measure's total over activities.
type MeasureSum struct {
	ActivityMeasure
	Value int64
}

// ActivityKindTotal is what reports count of one kind over a span: how
// many activities, who took part, each measure summed.
type ActivityKindTotal struct {
	Kind         string
	Label        string
	Count        int
	Participants Participants
	Measures     []MeasureSum // in the kind's order
}

// Measure is the sum of one measure (0 when the kind lacks it).
func (t ActivityKindTotal) Measure(code string) int64 {
	for _, m := range t.Measures {
		if m.Code == code {
			return m.Value
		}
	}
	return 0
}

// Sentence is the total as a report's clause: "Tuyên truyền, giáo dục: 4
// hoạt động, 320 lượt người tham gia; số người được tuyên truyền 1.250 người".
func (t ActivityKindTotal) Sentence() string {
	out := fmt.Sprintf("%s: %s hoạt động, %s lượt người tham gia", t.Label, FormatInt(int64(t.Count)), FormatInt(int64(t.Participants.Total())))
	var parts []string
	for _, m := range t.Measures {
		parts = append(parts, fmt.Sprintf("%s %s %s", LowerFirst(m.Label), FormatInt(m.Value), m.Unit))
	}
	if len(parts) > 0 {
		out += "; " + strings.Join(parts, ", ")
	}
	return out
}

// CheckActivityKinds checks an edited list of kinds: codes unique and
// non-empty, labels present, the kinds other records are read under kept
// (a training or a model has nowhere else to show).
func CheckActivityKinds(kinds []ActivityKind) *Checker {
	c := &Checker{}
	seen := map[string]bool{}
	for i := range kinds {
		k := &kinds[i]
		k.Code, k.Label = strings.TrimSpace(k.Code), Clean(k.Label)
		c.Row = i + 1
		if k.Code == "" || k.Label == "" {
			c.Add("Kinds", "Loại hoạt động", "mã và tên không được để trống")
		}
		c.Text("Kinds", "Loại hoạt động", k.Label, RuleLine)
		if seen[k.Code] {
			c.Add("Kinds", "Loại hoạt động", "mã %q trùng", k.Code)
		}
		seen[k.Code] = true
		ms := map[string]bool{}
		for j := range k.Measures {
			m := &k.Measures[j]
			m.Code, m.Label, m.Unit = strings.TrimSpace(m.Code), Clean(m.Label), Clean(m.Unit)
			if m.Code == "" || m.Label == "" || ms[m.Code] {
				c.Add("Measures", "Số liệu", "%s: số liệu thiếu mã, tên hoặc trùng mã", k.Label)
			}
			ms[m.Code] = true
		}
	}
	c.Row = 0
	for _, must := range []string{KindTraining, KindModel} {
		if !seen[must] {
			c.Add("Kinds", "Loại hoạt động", "không được bỏ loại %q: tập huấn và mô hình được ghi ở nơi riêng", must)
		}
	}
	return c
}

// KindCode makes the stable code of a kind or a figure from its
// Vietnamese label ("Trồng cây xanh" → "trong_cay_xanh"), unique among
// taken (a suffix _2, _3… when needed): the window asks only the label.
func KindCode(label string, taken func(string) bool) string {
	var b strings.Builder
	for _, r := range Fold(label) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	base := strings.TrimSuffix(b.String(), "_")
	if base == "" {
		base = "loai"
	}
	code := base
	for n := 2; taken(code); n++ {
		code = fmt.Sprintf("%s_%d", base, n)
	}
	return code
}
