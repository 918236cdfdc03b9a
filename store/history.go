package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"sodoan/domain"
)

// HistoryEntry is one recorded change of the register.
type HistoryEntry struct {
	ID       int64
	At       time.Time // UTC
	Action   string    // insert, update, delete, trash, restore, purge, demo
	Table    string
	RowKey   string // the row's id, or its key such as "12/2024"
	PersonID int64  // the person the change is about (0: none)
	// Person is that person's name (or "mã N" once erased for good).
	Person  string
	Note    string
	Changes []FieldChange
	// subject names the record in words where the row key would be a
	// code: a format (translated) and its values.
	subject     string
	subjectArgs []any
}

// FieldChange is one field of a change, its values as the user sees them.
type FieldChange struct {
	Field  string // column
	Label  string // Vietnamese label
	Before string
	After  string
	// Coded is true when the values are labels of a fixed list or yes/no,
	// which a window translates; other values are the user's own text.
	Coded bool
}

// HistoryFilter picks history entries.
type HistoryFilter struct {
	PersonID int64 // 0: every change
	// Kind is one of HistoryKinds' codes ("" every kind).
	Kind string
	// From and To bound the days of the changes (zero: open), in the
	// register's clock's time zone.
	From, To domain.Date
	Limit    int // newest first; 0: 50
}

// HistoryKinds group the changes as a secretary thinks of them, for the
// history's filter.
var HistoryKinds = []domain.Choice{
	{Code: "people", Label: "Thông tin cá nhân"},
	{Code: "membership", Label: "Sinh hoạt, chức vụ, xếp loại, tập huấn"},
	{Code: "groups", Label: "Chi đoàn, câu lạc bộ, tổ hợp tác"},
	{Code: "plans", Label: "Kế hoạch, chỉ tiêu, mô hình"},
	{Code: "activities", Label: "Hoạt động, sinh hoạt chi đoàn"},
	{Code: "documents", Label: "Văn bản"},
	{Code: "ward", Label: "Số liệu năm, cài đặt, gói số liệu"},
	{Code: "trash", Label: "Thùng rác"},
}

// historyKindTables are the tables of each kind (trash is by action).
var historyKindTables = map[string][]string{
	"people":     {"people"},
	"membership": {"membership_events", "member_years", "positions", "trainings"},
	"groups":     {"branches", "branch_years", "branch_criteria_met", "criteria", "clubs", "club_members", "coops", "coop_members", "coop_years", "coop_reports"},
	"plans":      {"plans", "indicators", "indicator_values", "target_models", "office_standards"},
	"activities": {"activities", "activity_branches", "activity_people", "activity_measures", "meetings", "attendance", "evidence_rules"},
	"documents":  {"documents", "document_versions", "narratives", "narrative_versions", "decisions", "decision_people"},
	"ward":       {"ward_years", "party_counts", "settings", "wards"},
}

// MaxHistoryLimit bounds how many entries one read returns.
const MaxHistoryLimit = 10000

// History lists recorded changes, newest first.
func (s *Store) History(ctx context.Context, f HistoryFilter) ([]HistoryEntry, error) {
	if f.Limit < 0 || f.Limit > MaxHistoryLimit {
		c := &domain.Checker{}
		c.Add("Limit", "Số dòng", "%d: phải từ 1 đến %s", f.Limit, domain.Num(MaxHistoryLimit))
		return nil, c.Err()
	}
	if f.Limit == 0 {
		f.Limit = 50
	}
	q := `SELECT id, at, action, entity, row_key, COALESCE(person_id, 0), before, after, note FROM history WHERE 1`
	args := []any{}
	if f.PersonID != 0 {
		q += ` AND person_id = ?`
		args = append(args, f.PersonID)
	}
	switch tables, ok := historyKindTables[f.Kind]; {
	case f.Kind == "":
	case f.Kind == "trash":
		q += ` AND action IN ('trash', 'restore', 'purge')`
	case ok:
		q += ` AND entity IN (?` + strings.Repeat(",?", len(tables)-1) + `)`
		for _, t := range tables {
			args = append(args, t)
		}
	default:
		c := &domain.Checker{}
		c.Add("Kind", "Loại thay đổi", "%q không có trong danh mục", f.Kind)
		return nil, c.Err()
	}
	// Stamps are UTC text in one layout: a day of the register's clock is
	// a range of them.
	loc := s.Now().Location()
	if !f.From.IsZero() {
		q += ` AND at >= ?`
		args = append(args, time.Date(f.From.Year(), time.Month(f.From.Month()), f.From.Day(), 0, 0, 0, 0, loc).UTC().Format(stampLayout))
	}
	if !f.To.IsZero() {
		q += ` AND at < ?`
		args = append(args, time.Date(f.To.Year(), time.Month(f.To.Month()), f.To.Day()+1, 0, 0, 0, 0, loc).UTC().Format(stampLayout))
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY id DESC LIMIT ?`, append(args, f.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("đọc lịch sử: %w", err)
	}
	defer rows.Close()
	var out []HistoryEntry
	for rows.Next() {
		var e HistoryEntry
		var at, before, after string
		if err := rows.Scan(&e.ID, &at, &e.Action, &e.Table, &e.RowKey, &e.PersonID, &before, &after, &e.Note); err != nil {
			return nil, fmt.Errorf("đọc lịch sử: %w", err)
		}
		e.At = parseStamp(at)
		var b, a map[string]any
		if err := json.Unmarshal([]byte(before), &b); err != nil {
			return nil, fmt.Errorf("đọc lịch sử %d: %w", e.ID, err)
		}
		if err := json.Unmarshal([]byte(after), &a); err != nil {
			return nil, fmt.Errorf("đọc lịch sử %d: %w", e.ID, err)
		}
		e.Changes = []FieldChange{}
		e.Changes = append(e.Changes, fieldChanges(e.Table, b, a)...)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc lịch sử: %w", err)
	}
	rows.Close()
	n := newNamer(ctx, s)
	for i := range out {
		if err := n.fill(&out[i]); err != nil {
			return nil, err
		}
		n.name(&out[i])
	}
	return out, nil
}

// namer puts the schema's column order and the names of the records that
// ids point to (a branch, a club, a person) into history entries.
type namer struct {
	ctx   context.Context
	s     *Store
	order map[string]map[string]int
	names map[string]string
}

func newNamer(ctx context.Context, s *Store) *namer {
	return &namer{ctx: ctx, s: s, order: map[string]map[string]int{}, names: map[string]string{}}
}

// refTables are the tables an id column points to, with the SQL of the
// record's name.
var refTables = map[string]struct{ table, name string }{
	"document_id": {"documents", "number || '-' || type"},
	"branch_id":   {"branches", "name"},
	"club_id":     {"clubs", "name"},
	"coop_id":     {"coops", "name"},
	"person_id":   {"people", "family_name || ' ' || CASE WHEN middle_name = '' THEN '' ELSE middle_name || ' ' END || given_name"},
	"activity_id": {"activities", "title || ' (' || strftime('%d/%m/%Y', date) || ')'"},
	"meeting_id":  {"meetings", "(SELECT name FROM branches WHERE id = meetings.branch_id) || ', ' || strftime('%d/%m/%Y', date)"},
}

func (n *namer) fill(e *HistoryEntry) error {
	order, ok := n.order[e.Table]
	if !ok {
		order = map[string]int{}
		rows, err := n.s.db.QueryContext(n.ctx, `SELECT name, cid FROM pragma_table_info(?)`, e.Table)
		if err != nil {
			return fmt.Errorf("đọc cột %s: %w", e.Table, err)
		}
		for rows.Next() {
			var c string
			var i int
			if err := rows.Scan(&c, &i); err != nil {
				rows.Close()
				return fmt.Errorf("đọc cột %s: %w", e.Table, err)
			}
			order[c] = i
		}
		rows.Close()
		n.order[e.Table] = order
	}
	sort.SliceStable(e.Changes, func(i, j int) bool {
		oi, ok := order[e.Changes[i].Field]
		if !ok {
			oi = 1000
		}
		oj, ok := order[e.Changes[j].Field]
		if !ok {
			oj = 1000
		}
		return oi < oj
	})
	for i := range e.Changes {
		c := &e.Changes[i]
		ref, ok := refTables[c.Field]
		if !ok {
			continue
		}
		for _, v := range []*string{&c.Before, &c.After} {
			if *v == "" {
				continue
			}
			if name := n.lookup(ref.table, ref.name, *v); name != "" {
				*v = name
			} else {
				*v = "mã " + *v
			}
		}
	}
	return nil
}

// fieldChanges lists the fields of a change (in column order once the
// namer has run).
func fieldChanges(table string, before, after map[string]any) []FieldChange {
	seen := map[string]bool{}
	var cols []string
	for _, m := range []map[string]any{before, after} {
		for c := range m {
			if !seen[c] {
				seen[c] = true
				cols = append(cols, c)
			}
		}
	}
	sort.Strings(cols)
	out := make([]FieldChange, 0, len(cols))
	for _, c := range cols {
		if c == "id" || c == "key" || c == "doc_key" || ((table == "narratives" || table == "narrative_versions") && (c == "doc" || c == "section")) ||
			(c == "person_id" && table != "club_members" && table != "coop_members") {
			continue // the row's own key or an internal one, shown by the entry in words
		}
		_, choice := choiceColumns[table+"."+c]
		out = append(out, FieldChange{Field: c, Label: columnLabel(table, c), Coded: choice || boolColumns[c],
			Before: displayValue(table, c, before[c]), After: displayValue(table, c, after[c])})
	}
	return out
}

// ActionLabel is the change's verb in Vietnamese.
func (e HistoryEntry) ActionLabel() string {
	switch e.Action {
	case "insert":
		return "Thêm"
	case "update":
		return "Sửa"
	case "delete":
		return "Xóa"
	case "trash":
		return "Chuyển vào thùng rác"
	case "restore":
		return "Khôi phục từ thùng rác"
	case "purge":
		return "Xóa vĩnh viễn"
	case "demo":
		return "Tạo dữ liệu mẫu"
	}
	return e.Action
}

// What names the record changed: "Quá trình sinh hoạt (mã 12)".
func (e HistoryEntry) What() string { return e.what(same) }

func same(s string) string { return s }

func (e HistoryEntry) what(tr func(string) string) string {
	if e.Table == "settings" {
		l, ok := settingLabels[e.RowKey]
		if !ok {
			l = e.RowKey
		}
		return fmt.Sprintf(tr("Cài đặt %s"), tr(l))
	}
	what := tableLabel(e.Table)
	if k, ok := trashKindOf[e.Table]; ok && (e.Action == "trash" || e.Action == "restore" || e.Action == "purge") {
		what = k.Label() // the record, not its form
	}
	if e.subject != "" {
		return tr(what) + " " + e.subjectText(tr)
	}
	if e.RowKey == "" {
		return tr(what)
	}
	return fmt.Sprintf(tr("%s (mã %s)"), tr(what), e.RowKey)
}

// subjectText is the record's name in words ("của Nguyễn Văn An"), its
// fixed words translated by tr.
func (e HistoryEntry) subjectText(tr func(string) string) string {
	args := make([]any, len(e.subjectArgs))
	for i, a := range e.subjectArgs {
		if s, ok := a.(string); ok && subjectWords[s] {
			a = tr(s)
		}
		args[i] = a
	}
	return fmt.Sprintf(tr(e.subject), args...)
}

// The formats naming a record in words, and the fixed words among their
// values, which a window translates.
const (
	subjectPerson    = "của %s"
	subjectDocument  = "số %s"
	subjectNamed     = "“%s”"
	subjectNamedYear = "“%s”, năm %s"
	subjectNarrative = "(%s, phần %s)"
)

var subjectWords = map[string]bool{}

func init() {
	for _, list := range [][]domain.Choice{domain.AnnualSections, domain.PlanSections, domain.WorkSections, narrativeDocs} {
		for _, c := range list {
			subjectWords[c.Label] = true
		}
	}
}

// narrativeDocs name the documents whose texts the register keeps.
var narrativeDocs = []domain.Choice{
	{Code: domain.NarrativeAnnual, Label: "Báo cáo năm"},
	{Code: domain.NarrativeHalfYear, Label: "Báo cáo sơ kết 6 tháng"},
	{Code: domain.NarrativePeriod, Label: "Báo cáo sơ kết kế hoạch"},
	{Code: domain.NarrativePlan, Label: "Kế hoạch"},
	// The work reports (issue 19), one doc a period.
	{Code: "work-q1", Label: "Báo cáo công tác Đoàn quý I"},
	{Code: "work-q2", Label: "Báo cáo công tác Đoàn quý II"},
	{Code: "work-q3", Label: "Báo cáo công tác Đoàn quý III"},
	{Code: "work-q4", Label: "Báo cáo công tác Đoàn quý IV"},
	{Code: "work-h1", Label: "Báo cáo công tác Đoàn 6 tháng đầu năm"},
	{Code: "work-h2", Label: "Báo cáo công tác Đoàn 6 tháng cuối năm"},
	{Code: "work-nam", Label: "Báo cáo tổng kết công tác Đoàn năm"},
}

// lookup is the name (the SQL col) of record id of table, "" when it is
// gone; each is read once per listing.
func (n *namer) lookup(table, col, id string) string {
	key := table + "/" + id
	name, ok := n.names[key]
	if !ok {
		if err := n.s.db.QueryRowContext(n.ctx, `SELECT `+col+` FROM `+table+` WHERE id = ?`, id).Scan(&name); err != nil {
			name = ""
		}
		n.names[key] = name
	}
	return name
}

// name puts the record's name into e where its row key is a code.
func (n *namer) name(e *HistoryEntry) {
	lookup := n.lookup
	named := false
	if e.PersonID != 0 {
		e.Person = lookup("people", refTables["person_id"].name, fmt.Sprint(e.PersonID))
		named = e.Person != ""
		if !named {
			// Erased for good (or in the bin): a number is all that is kept.
			e.Person = fmt.Sprintf("mã %d", e.PersonID)
		}
	}
	switch e.Table {
	case "documents":
		if d := lookup("documents", refTables["document_id"].name, e.RowKey); d != "" {
			e.subject, e.subjectArgs = subjectDocument, []any{d}
		}
	case "document_versions":
		for _, c := range e.Changes {
			if c.Field == "document_id" && (c.After != "" || c.Before != "") {
				e.subject, e.subjectArgs = subjectDocument, []any{c.After + c.Before}
			}
		}
	case "branch_years", "branch_criteria_met", "coop_years", "coop_reports":
		// Keyed by the branch or group, then the year: both in words.
		parts := strings.SplitN(e.RowKey, "/", 3)
		table := "branches"
		if strings.HasPrefix(e.Table, "coop") {
			table = "coops"
		}
		if name := lookup(table, "name", parts[0]); name != "" && len(parts) >= 2 {
			e.subject, e.subjectArgs = subjectNamedYear, []any{name, parts[1]}
		}
	case "branches", "clubs", "coops":
		if name := lookup(e.Table, "name", e.RowKey); name != "" {
			e.subject, e.subjectArgs = subjectNamed, []any{name}
		}
	case "narratives", "narrative_versions":
		// doc/key/section: "annual/2026/strengths" (a version adds the
		// day it was saved, which its own field shows).
		parts := strings.SplitN(e.RowKey, "/", 4)
		if len(parts) >= 3 {
			doc := domain.LabelOf(narrativeDocs, parts[0])
			_, work := domain.WorkPeriodOfDoc(parts[0], 0)
			if parts[0] == domain.NarrativeAnnual || parts[0] == domain.NarrativeHalfYear || work {
				doc += " " + parts[1]
			}
			sections, ok := domain.NarrativeSections(parts[0])
			if !ok {
				sections = domain.AnnualSections
			}
			e.subject, e.subjectArgs = subjectNarrative, []any{doc, domain.LabelOf(sections, parts[2])}
		}
	default:
		if named {
			e.subject, e.subjectArgs = subjectPerson, []any{e.Person}
		}
	}
}

// Summary is the entry on one line: what was done and the fields.
func (e HistoryEntry) Summary() string { return e.Text(same) }

// Text is Summary in another language: tr translates each Vietnamese
// word and format (a window passes its T); the user's own text and the
// notes stay as written.
func (e HistoryEntry) Text(tr func(string) string) string {
	var b strings.Builder
	// The kind of record in lower case, a name as it is written.
	what := strings.ToLower(e.what(tr))
	if e.subject != "" {
		plain := e
		plain.subject = ""
		plain.RowKey = ""
		what = strings.ToLower(plain.what(tr)) + " " + e.subjectText(tr)
	}
	switch e.Action {
	case "demo":
		b.WriteString(tr(e.ActionLabel()))
	case "trash":
		b.WriteString(fmt.Sprintf(tr("Chuyển %s vào thùng rác"), what))
	case "restore":
		b.WriteString(fmt.Sprintf(tr("Khôi phục %s từ thùng rác"), what))
	default:
		b.WriteString(tr(e.ActionLabel()) + " " + what)
	}
	if e.Note != "" {
		b.WriteString(": ")
		b.WriteString(e.Note)
	}
	for i, c := range e.Changes {
		if i == 0 {
			b.WriteString(" — ")
		} else {
			b.WriteString("; ")
		}
		value := func(v string) string {
			if v == "" {
				return tr("(trống)")
			}
			if c.Coded {
				return tr(v)
			}
			return v
		}
		b.WriteString(tr(c.Label))
		b.WriteString(": ")
		switch e.Action {
		case "insert", "demo":
			b.WriteString(value(c.After))
		case "delete":
			b.WriteString(value(c.Before))
		default:
			// » not →: the window's bundled font has no arrows.
			b.WriteString(value(c.Before) + " » " + value(c.After))
		}
	}
	return b.String()
}

// HistoryWords lists the Vietnamese words and formats Text passes to its
// translator, so that a window can check it has them all.
func HistoryWords() []string {
	words := []string{"Cài đặt %s", "%s (mã %s)", "Chuyển %s vào thùng rác", "Khôi phục %s từ thùng rác", "(trống)", "Có", "Không",
		subjectPerson, subjectDocument, subjectNamed, subjectNamedYear, subjectNarrative}
	for w := range subjectWords {
		words = append(words, w)
	}
	for _, k := range HistoryKinds {
		words = append(words, k.Label)
	}
	for _, a := range []string{"insert", "update", "delete", "purge", "demo"} {
		words = append(words, HistoryEntry{Action: a}.ActionLabel())
	}
	for _, m := range []map[string]string{tableLabels, columnLabels, settingLabels} {
		for _, v := range m {
			words = append(words, v)
		}
	}
	sort.Strings(words)
	return slices.Compact(words)
}

// FormatStamp writes a time of the register as dd/mm/yyyy HH:MM in the
// computer's time zone.
func FormatStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("02/01/2006 15:04")
}

var tableLabels = map[string]string{
	"people":              "Thông tin cá nhân",
	"membership_events":   "Quá trình sinh hoạt",
	"member_years":        "Xếp loại năm",
	"positions":           "Chức vụ",
	"branches":            "Chi đoàn",
	"criteria":            "Tiêu chí chi đoàn vững mạnh",
	"branch_years":        "Xếp loại chi đoàn",
	"branch_criteria_met": "Tiêu chí chi đoàn đạt",
	"clubs":               "Câu lạc bộ",
	"club_members":        "Thành viên câu lạc bộ",
	"coops":               "Tổ hợp tác",
	"coop_members":        "Thành viên tổ hợp tác",
	"coop_years":          "Kết quả tổ hợp tác",
	"coop_reports":        "Báo cáo kết quả tổ hợp tác",
	"ward_years":          "Số liệu năm của phường",
	"plans":               "Kế hoạch",
	"indicators":          "Chỉ tiêu",
	"indicator_values":    "Giá trị chỉ tiêu",
	"documents":           "Sổ văn bản đi",
	"document_versions":   "Lần ban hành văn bản",
	"settings":            "Cài đặt",
	"narratives":          "Nội dung văn bản",
	"narrative_versions":  "Nội dung văn bản theo ngày lưu",
	"wards":               "Gói số liệu của phường",
	"trainings":           "Tập huấn",
	"office_standards":    "Chuẩn cán bộ",
	"target_models":       "Mô hình, trang mạng của chỉ tiêu",
	"party_counts":        "Số đảng viên mới kết nạp",
	"decisions":           "Quyết định",
	"decision_people":     "Người trong quyết định",
	"activities":          "Hoạt động",
	"activity_branches":   "Chi đoàn tổ chức hoạt động",
	"activity_people":     "Người tham gia hoạt động",
	"activity_measures":   "Số liệu của hoạt động",
	"meetings":            "Buổi sinh hoạt chi đoàn",
	"attendance":          "Điểm danh sinh hoạt",
	"evidence_rules":      "Ngưỡng căn cứ xếp loại",
}

// settingLabels name the unit's settings.
var settingLabels = map[string]string{
	"unit.upper_body": "Đoàn cấp trên", "unit.name": "Tên đơn vị", "unit.place": "Địa danh",
	"unit.issuer_code": "Ký hiệu cơ quan ban hành", "unit.secretary": "Bí thư", "unit.deputy": "Phó Bí thư",
}

func tableLabel(t string) string {
	if l, ok := tableLabels[t]; ok {
		return l
	}
	return t
}

// columnLabels are the Vietnamese labels of the columns, by column name,
// with table.column for a name that means something else in a table.
var columnLabels = map[string]string{
	"branch_id": "Chi đoàn", "note": "Ghi chú",
	"kind": "Loại", "date": "Ngày", "unit": "Đơn vị", "reason": "Lý do", "year": "Năm", "rating": "Xếp loại",
	"training_registered": "Đăng ký chương trình rèn luyện", "training_completed": "Hoàn thành chương trình rèn luyện",
	"party_introduced": "Ngày giới thiệu cho Đảng", "party_admitted": "Ngày vào Đảng",
	"start": "Từ ngày", "end": "Đến ngày", "name": "Tên", "active": "Đang hoạt động", "dissolved": "Ngày giải thể",
	"founded": "Ngày thành lập", "leader": "Chủ nhiệm", "role": "Vai trò", "club_id": "Câu lạc bộ", "coop_id": "Tổ hợp tác",
	"person_id": "Người", "field": "Lĩnh vực", "contract_date": "Ngày chứng thực hợp đồng", "legal_basis": "Căn cứ pháp lý",
	"capital": "Vốn (đồng)", "revenue": "Doanh thu (đồng)", "avg_income": "Thu nhập bình quân (đồng/tháng)",
	"support": "Hỗ trợ", "supported_model": "Mô hình được Đoàn hỗ trợ", "resident_youth": "Thanh niên trên địa bàn",
	"new_party_members": "Đảng viên mới kết nạp", "achievements": "Kết quả đạt được", "shortcomings": "Hạn chế",
	"next_steps": "Phương hướng", "number": "Số", "title": "Tiêu đề", "start_year": "Từ năm", "end_year": "Đến năm",
	"current": "Hiện hành", "plan_id": "Kế hoạch", "code": "Mã", "section": "Mục", "metric": "Cách đo", "target": "Chỉ tiêu",
	"period": "Chỉ tiêu cả giai đoạn", "no_target": "Chưa nhập chỉ tiêu", "ord": "Thứ tự", "indicator_id": "Chỉ tiêu", "value": "Giá trị",
	"type": "Loại văn bản", "issued": "Ngày ban hành", "file": "Tệp", "text": "Nội dung", "from_year": "Áp dụng từ năm",
	"to_year": "Áp dụng đến năm", "criterion_id": "Tiêu chí", "key": "Khóa", "members": "Số người", "seed": "Hạt giống",
	"criteria.code": "Số thứ tự tiêu chí", "membership_events.unit": "Đơn vị chuyển đi/đến", "positions.kind": "Chức vụ",
	"settings.value": "Giá trị", "documents.title": "Trích yếu", "closed": "Ngày ngừng hoạt động",
	"issuer": "Cơ quan ban hành", "upper_plan": "Kế hoạch cấp trên", "doc_key": "Văn bản", "doc": "Loại văn bản",
	"course": "Lớp tập huấn", "organiser": "Đơn vị tổ chức", "office": "Chức vụ", "min_schooling": "Học vấn tối thiểu",
	"min_qualification": "Chuyên môn tối thiểu", "min_theory": "Lý luận chính trị tối thiểu", "training_required": "Phải tập huấn trong năm",
	"counted": "Tính vào chỉ tiêu 2.4", "link": "Địa chỉ trang hoặc mô tả", "owner": "Chủ mô hình", "ended": "Ngày ngừng",
	"target_models.date": "Ngày bắt đầu hoặc hỗ trợ", "target_models.target": "Chỉ tiêu", "trainings.date": "Ngày tập huấn",
	"narratives.key": "Năm/mã", "narratives.section": "Phần", "document_id": "Văn bản", "saved": "Ngày lưu", "body": "Nội dung", "plans.issued": "Ngày ban hành",
	"rated": "Ngày xếp loại", "assessed": "Ngày đánh giá tiêu chí", "reported": "Ngày báo cáo kết quả",
	"decision_id": "Quyết định", "event_id": "Sự kiện sinh hoạt", "form": "Hình thức", "term": "Nhiệm kỳ", "signer": "Người ký",
	"card_date": "Ngày trao thẻ", "decisions.date": "Ngày quyết định",
	"party_counts.date": "Tính đến ngày", "coop_reports.date": "Ngày báo cáo", "party_counts.count": "Số đảng viên mới kết nạp",
	"activity_id": "Hoạt động", "end_date": "Đến ngày", "ward": "Phường tổ chức", "union_count": "Số đoàn viên tham gia",
	"federation_count": "Số hội viên tham gia", "other_count": "Số người khác tham gia", "roll": "Có danh sách người tham gia",
	"measure": "Số liệu", "meeting_id": "Buổi sinh hoạt", "theme": "Chủ điểm", "minutes": "Biên bản", "resolution": "Nghị quyết",
	"attendance.presence": "Điểm danh", "activities.kind": "Loại hoạt động", "meetings.kind": "Loại buổi sinh hoạt",
	"branch_meetings": "Số tháng sinh hoạt của chi đoàn xuất sắc", "member_share": "Tỷ lệ tham gia của đoàn viên xuất sắc (%)",
	"absent_months": "Số tháng vắng không lý do cần xem xét", "meeting_day": "Ngày nhắc chi đoàn chưa sinh hoạt",
	"activities.date": "Ngày", "meetings.date": "Ngày sinh hoạt", "activities.note": "Nội dung, ghi chú", "activities.link": "Địa chỉ, mô tả",
}

// A person's columns are labelled, shown and coded as the field catalog
// says (domain.PersonFields).
func init() {
	for _, f := range domain.PersonFields {
		columnLabels["people."+f.Key] = f.Label
		switch f.Kind {
		case domain.FieldChoice:
			choiceColumns["people."+f.Key] = f.Choices
		case domain.FieldBool:
			boolColumns[f.Key] = true
		}
	}
}

func columnLabel(table, c string) string {
	if l, ok := columnLabels[table+"."+c]; ok {
		return l
	}
	if l, ok := columnLabels[c]; ok {
		return l
	}
	return c
}

var boolColumns = map[string]bool{"training_required": true, "counted": true, "active": true, "training_registered": true, "training_completed": true, "current": true, "period": true, "no_target": true, "supported_model": true, "ward": true, "roll": true}

var moneyColumns = map[string]bool{"capital": true, "revenue": true, "avg_income": true}

// choiceColumns are the columns holding a code of a fixed list.
var choiceColumns = map[string][]domain.Choice{
	"membership_events.kind": domain.EventKinds, "positions.kind": domain.Positions,
	"branches.kind": domain.BranchKinds, "clubs.kind": domain.ClubKinds, "member_years.rating": domain.Ratings,
	"branch_years.rating": domain.UnitRatings, "ward_years.rating": domain.UnitRatings, "coops.legal_basis": domain.LegalBases,
	"office_standards.office": domain.Positions, "office_standards.min_qualification": domain.Qualifications,
	"office_standards.min_theory": domain.TheoryLevels, "target_models.target": domain.ModelTargets,
	"target_models.kind": append(append([]domain.Choice{}, domain.OutreachKinds...), domain.EconomicKinds...),
	"activities.kind":    domain.KindChoices(domain.DefaultActivityKinds), "meetings.kind": domain.MeetingKinds,
	"attendance.presence": domain.Presences,
}

// displayValue writes a stored value as the window shows it: dates
// dd/mm/yyyy, yes/no and labels of codes (the namer then puts names for
// ids).
func displayValue(table, c string, v any) string {
	if v == nil {
		return ""
	}
	if f, ok := v.(float64); ok && f == float64(int64(f)) {
		v = int64(f)
	}
	switch {
	case boolColumns[c]:
		if n, ok := v.(int64); ok {
			if n != 0 {
				return "Có"
			}
			return "Không"
		}
	case moneyColumns[c]:
		if n, ok := v.(int64); ok {
			return domain.FormatInt(n)
		}
	}
	if list, ok := choiceColumns[table+"."+c]; ok {
		if s, ok := v.(string); ok {
			return domain.LabelOf(list, s)
		}
	}
	if s, ok := v.(string); ok && c == "file" && s != "" {
		// A document's file by its name: the folders are the computer's.
		return filepath.Base(s)
	}
	if s, ok := v.(string); ok {
		if len(s) == 10 && s[4] == '-' && s[7] == '-' {
			if d, err := domain.ParseDate(s); err == nil {
				return d.String()
			}
		}
		return s
	}
	return fmt.Sprint(v)
}

// InUseSince is the day the register was first written to (its first
// history line), in the clock's time zone; today for a register with no
// history yet. The dashboard's reminders count from it: a register made
// in December has no overdue report of October.
func (s *Store) InUseSince(ctx context.Context) (domain.Date, error) {
	var at sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT min(at) FROM history`).Scan(&at); err != nil {
		return domain.Date{}, fmt.Errorf("đọc lịch sử: %w", err)
	}
	today := s.Today()
	if !at.Valid {
		return today, nil
	}
	t, err := time.Parse(stampLayout, at.String)
	if err != nil {
		return today, nil // a stamp of another form: no reminder is held back
	}
	d := domain.DateOf(t.In(s.Now().Location()))
	if d.After(today) {
		return today, nil
	}
	return d, nil
}
