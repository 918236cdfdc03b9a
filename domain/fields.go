package domain

import (
	"slices"
	"strings"
)

// The catalog of a person's fields. Each field a user types or picks for a
// person is described once here, and every place that lists a person's
// fields derives from this table: the member form and the member list of
// the window, the register's columns (store), the labels of the history,
// the checks and their messages, the spreadsheet columns (sheet), the
// printed member list (report) and the command line's list. Adding a field
// takes a line here and a migration that adds its column (see the README,
// "Adding a field to a person").

// FieldKind is how a field's value is kept and typed.
type FieldKind int

// The kinds of field.
const (
	FieldText   FieldKind = iota // one line of text
	FieldLines                   // text over several lines (a note)
	FieldCode                    // digits or a code kept as text: CCCD, phone, card number
	FieldDate                    // a calendar day
	FieldChoice                  // a code of the field's Choices
	FieldGrade                   // a school grade out of 12 (0: unknown)
	FieldBool                    // yes or no
	FieldBranch                  // the id of a branch (0: none)
)

// FieldSide is the column of the member form a field stands in.
type FieldSide int

// The member form's columns: who the person is on the left, education and
// membership on the right.
const (
	SideLeft FieldSide = iota
	SideRight
)

// Field is one field of a person.
type Field struct {
	// Key is the field's stable name: the register's column (people.key)
	// and the spreadsheet field's key.
	Key string
	// Name is the Go name of the Person field, the Field of the
	// FieldError a check reports.
	Name    string
	Label   string // Vietnamese, as the form, the sheets and the history show it
	English string // the label in the English window
	Kind    FieldKind
	// Rule is the text rule of a text or code field (length, characters);
	// a code without one (CCCD, phone) has checks of its own.
	Rule TextRule
	// Clean normalises a text or code field as typed; nil: Clean for
	// text, CleanLines for lines, spaces trimmed for a code.
	Clean func(string) string
	// Choices are the codes of a choice field; Optional lets it stay empty
	// ("" is not then one of the codes).
	Choices  []Choice
	Optional bool
	// EnglishWords is the English of the field's own words that the
	// translation file does not already hold (a new field's list, short
	// label, empty choice).
	EnglishWords map[string]string
	// Empty is the label of an empty choice where empty means something
	// ("Theo nghề nghiệp": derived), shown first in the form's list.
	Empty string
	// Personal marks the data that stay out of exports and printed lists
	// unless the user asks (Nghị định 13/2023/NĐ-CP).
	Personal bool
	// Nullable fields are stored as NULL when empty or zero: a card number
	// is unique when given, a branch is a reference.
	Nullable bool
	// Short is a shorter label for a narrow column ("Số thẻ").
	Short string
	// List is the field's place among the columns of the member list
	// (window and command line), from 1; 0: not a column.
	List int
	// Printed fields are the extra columns of the printed member list's
	// personal version, PrintWidth their share of the width; the
	// customary columns of the official list are report's.
	Printed    bool
	PrintWidth float64
	// Side, Check, Hint and Beside place the field in the member form: its
	// column, the words beside a yes/no box (none: the label is beside the
	// box, and the row has no label of its own), the placeholder of an
	// entry, and the key of the field whose row it shares (a box beside an
	// entry).
	Side   FieldSide
	Check  string
	Hint   string
	Beside string
	// Default is the text a new person's form starts with.
	Default string
	// Aliases are other headers a ward's own spreadsheet uses for it.
	Aliases []string
	// Ptr is the address of the field in p: *string (text, code and choice
	// fields, a choice's named string type converted), *int (a grade),
	// *int64 (a branch), *bool or *Date.
	Ptr func(p *Person) any
	// Show, when set, is the text a list shows instead of the stored value
	// (a derived default).
	Show func(p *Person) string
}

// PersonFields is the catalog, in the order of the member form and of
// spreadsheet columns.
var PersonFields = []Field{
	{Key: "family_name", Name: "FamilyName", Label: "Họ", English: "Family name", Kind: FieldText, Rule: RuleNamePart,
		Ptr: func(p *Person) any { return &p.FamilyName }},
	{Key: "middle_name", Name: "MiddleName", Label: "Tên đệm", English: "Middle name", Kind: FieldText, Rule: RuleNamePart,
		Aliases: []string{"Tên lót", "Chữ lót"}, Ptr: func(p *Person) any { return &p.MiddleName }},
	{Key: "given_name", Name: "GivenName", Label: "Tên", English: "Given name", Kind: FieldText, Rule: RuleNamePart,
		Ptr: func(p *Person) any { return &p.GivenName }},
	{Key: "gender", Name: "Gender", Label: "Giới tính", English: "Gender", Kind: FieldChoice, Choices: Genders, List: 2,
		Aliases: []string{"Phái", "Nam/Nữ", "Nam, nữ"}, Ptr: func(p *Person) any { return (*string)(&p.Gender) }},
	{Key: "birth_date", Name: "BirthDate", Label: "Ngày sinh", English: "Birth date", Kind: FieldDate, List: 1,
		Aliases: []string{"Ngày, tháng, năm sinh", "Ngày tháng năm sinh", "Năm sinh", "NS"},
		Ptr:     func(p *Person) any { return &p.BirthDate }},
	{Key: "ethnicity", Name: "Ethnicity", Label: "Dân tộc", English: "Ethnicity", Kind: FieldText, Rule: ruleShort, Personal: true,
		Default: "Kinh", Ptr: func(p *Person) any { return &p.Ethnicity }},
	{Key: "religion", Name: "Religion", Label: "Tôn giáo", English: "Religion", Kind: FieldText, Rule: ruleShort, Personal: true,
		Hint: "Không", Ptr: func(p *Person) any { return &p.Religion }},
	{Key: "citizen_id", Name: "CitizenID", Label: "Số CCCD", English: "Citizen ID", Kind: FieldCode, Personal: true,
		Clean: func(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), " ", "") }, Printed: true, PrintWidth: 22,
		Hint:    "12 chữ số",
		Aliases: []string{"CCCD", "CMND", "Số CMND", "CCCD/CMND", "Số CCCD/CMND", "Căn cước công dân", "Số định danh", "Số định danh cá nhân"},
		Ptr:     func(p *Person) any { return &p.CitizenID }},
	{Key: "phone", Name: "Phone", Label: "Điện thoại", English: "Phone", Kind: FieldCode, Personal: true,
		Clean: func(s string) string { return NormalizePhone(strings.TrimSpace(s)) }, Printed: true, PrintWidth: 18,
		Aliases: []string{"SĐT", "Số điện thoại", "Số ĐT", "ĐT", "Điện thoại liên hệ"},
		Ptr:     func(p *Person) any { return &p.Phone }},
	{Key: "address", Name: "Address", Label: "Địa chỉ", English: "Address", Kind: FieldText, Rule: RuleAddress, Personal: true, Printed: true, PrintWidth: 28,
		Aliases: []string{"Nơi ở", "Nơi ở hiện nay", "Chỗ ở hiện nay", "Địa chỉ thường trú", "Thường trú"},
		Ptr:     func(p *Person) any { return &p.Address }},
	{Key: "hamlet", Name: "Hamlet", Label: "Khóm, ấp", English: "Hamlet", Kind: FieldText, Rule: RuleLine,
		Aliases: []string{"Khóm", "Ấp", "Khóm/ấp", "Khu phố", "Tổ dân phố"}, Ptr: func(p *Person) any { return &p.Hamlet }},
	{Key: "occupation", Name: "Occupation", Label: "Nghề nghiệp", English: "Occupation", Kind: FieldChoice, Choices: Occupations, Optional: true,
		Aliases: []string{"Nghề nghiệp hiện nay", "Việc làm"}, Ptr: func(p *Person) any { return (*string)(&p.Occupation) }},
	{Key: "dues_category", Name: "DuesCategory", Label: "Diện đóng đoàn phí", English: "Dues category", Kind: FieldChoice,
		Choices: DuesCategories, Optional: true, Empty: "Theo nghề nghiệp", Personal: true, Printed: true, PrintWidth: 23, List: 6,
		Short: "Đoàn phí",
		EnglishWords: map[string]string{"Hưởng lương": "With wages", "Không hưởng lương": "Without wages", "Ở nước ngoài": "Abroad", "Theo nghề nghiệp": "By occupation",
			"Đoàn phí": "Dues"},
		Aliases: []string{"Diện đóng ĐP", "Diện đoàn phí"},
		Ptr:     func(p *Person) any { return (*string)(&p.DuesCategory) },
		Show:    func(p *Person) string { return p.Dues().Label() }},
	{Key: "schooling", Name: "Schooling", Label: "Học vấn", English: "Schooling", Kind: FieldGrade, Side: SideRight,
		Aliases: []string{"Trình độ học vấn", "Văn hóa", "Trình độ văn hóa", "TĐHV"}, Ptr: func(p *Person) any { return &p.Schooling }},
	{Key: "qualification", Name: "Qualification", Label: "Trình độ chuyên môn", English: "Qualification", Kind: FieldChoice,
		Choices: Qualifications, Side: SideRight, Aliases: []string{"Chuyên môn", "Chuyên môn nghiệp vụ", "TĐCM"},
		Ptr: func(p *Person) any { return (*string)(&p.Qualification) }},
	{Key: "theory_level", Name: "TheoryLevel", Label: "Lý luận chính trị", English: "Political theory", Kind: FieldChoice,
		Choices: TheoryLevels, Side: SideRight, Aliases: []string{"LLCT", "Trình độ LLCT", "Trình độ lý luận chính trị", "Lý luận"},
		Ptr: func(p *Person) any { return (*string)(&p.TheoryLevel) }},
	{Key: "it_level", Name: "ITLevel", Label: "Tin học", English: "IT level", Kind: FieldText, Rule: ruleShort, Side: SideRight,
		Aliases: []string{"Trình độ tin học"}, Ptr: func(p *Person) any { return &p.ITLevel }},
	{Key: "language", Name: "Language", Label: "Ngoại ngữ", English: "Language", Kind: FieldText, Rule: ruleShort, Side: SideRight,
		Aliases: []string{"Trình độ ngoại ngữ"}, Ptr: func(p *Person) any { return &p.Language }},
	{Key: "language_fluent", Name: "LanguageFluent", Label: "Thành thạo ngoại ngữ", English: "Fluent in a foreign language", Kind: FieldBool, Side: SideRight,
		Check: "Sử dụng thành thạo", Beside: "language", Aliases: []string{"Thông thạo ngoại ngữ"},
		Ptr: func(p *Person) any { return &p.LanguageFluent }},
	{Key: "union_member", Name: "UnionMember", Label: "Đoàn viên", English: "Union", Kind: FieldBool, Side: SideRight,
		Check: "Là đoàn viên", Ptr: func(p *Person) any { return &p.UnionMember }},
	{Key: "admission_date", Name: "AdmissionDate", Label: "Ngày vào Đoàn", English: "Admission date", Kind: FieldDate, Side: SideRight, List: 4,
		Aliases: []string{"Ngày kết nạp", "Ngày kết nạp Đoàn", "Ngày vào đoàn TNCS", "Ngày, tháng, năm vào Đoàn"},
		Ptr:     func(p *Person) any { return &p.AdmissionDate }},
	{Key: "card_number", Name: "CardNumber", Label: "Số thẻ đoàn viên", English: "Card number", Kind: FieldCode, Rule: RuleCode,
		Side: SideRight, Nullable: true, List: 5, Short: "Số thẻ", Aliases: []string{"Số thẻ", "Số thẻ ĐV", "Số thẻ Đoàn"},
		Ptr: func(p *Person) any { return &p.CardNumber }},
	{Key: "card_date", Name: "CardDate", Label: "Ngày trao thẻ", English: "Card handed", Kind: FieldDate, Side: SideRight,
		Aliases: []string{"Ngày trao thẻ đoàn viên", "Ngày nhận thẻ", "Ngày cấp thẻ"},
		Ptr:     func(p *Person) any { return &p.CardDate }},
	{Key: "branch_id", Name: "BranchID", Label: "Chi đoàn", English: "Branch", Kind: FieldBranch, Side: SideRight, Nullable: true, List: 3,
		Aliases: []string{"Sinh hoạt tại chi đoàn", "Đơn vị", "Chi đoàn sinh hoạt"},
		Ptr:     func(p *Person) any { return &p.BranchID }, Show: func(p *Person) string { return p.BranchName }},
	{Key: "federation_member", Name: "FederationMember", Label: "Hội viên", English: "Federation", Kind: FieldBool, Side: SideRight,
		Check: "Là hội viên Hội LHTN Việt Nam", Ptr: func(p *Person) any { return &p.FederationMember }},
	{Key: "federation_date", Name: "FederationDate", Label: "Ngày vào Hội", English: "Federation date", Kind: FieldDate, Side: SideRight,
		Aliases: []string{"Ngày vào Hội LHTN", "Ngày kết nạp Hội"}, Ptr: func(p *Person) any { return &p.FederationDate }},
	{Key: "note", Name: "Note", Label: "Ghi chú", English: "Note", Kind: FieldLines, Rule: RuleNote, Side: SideRight, Personal: true,
		Ptr: func(p *Person) any { return &p.Note }},
}

// PersonField is the field with key (or Go name) k.
func PersonField(k string) (Field, bool) {
	for _, f := range PersonFields {
		if f.Key == k || f.Name == k {
			return f, true
		}
	}
	return Field{}, false
}

// fieldLabel is the label of the field with Go name name, for the checks'
// messages.
func fieldLabel(name string) string {
	f, ok := PersonField(name)
	if !ok {
		panic("domain: no person field " + name)
	}
	return f.Label
}

// Display is the field's value in p as a list, a sheet or a document shows
// it in Vietnamese: the label of a choice, a date dd/mm/yyyy, "x" for yes,
// a grade "9/12"; "" when empty.
func (f Field) Display(p *Person) string {
	if f.Show != nil {
		return f.Show(p)
	}
	switch v := f.Ptr(p).(type) {
	case *string:
		if f.Kind == FieldChoice && (*v != "" || !f.Optional) {
			return LabelOf(f.Choices, *v)
		}
		return *v
	case *Date:
		return v.String()
	case *bool:
		if *v {
			return "x"
		}
		return ""
	case *int:
		if *v == 0 {
			return ""
		}
		return FormatInt(int64(*v)) + "/12"
	}
	return ""
}

// FieldEnglish is the English of every label the catalog adds to the
// translation file's: its fields' labels, check texts and hints, and their
// own lists' labels. A window in English looks these up like the rest.
func FieldEnglish() map[string]string {
	out := map[string]string{}
	for _, f := range PersonFields {
		out[f.Label] = f.English
		for vi, en := range f.EnglishWords {
			out[vi] = en
		}
	}
	return out
}

// clean normalises the field's text in p.
func (f Field) clean(p *Person) {
	v, ok := f.Ptr(p).(*string)
	if !ok || f.Kind == FieldChoice {
		return
	}
	switch {
	case f.Clean != nil:
		*v = f.Clean(*v)
	case f.Kind == FieldLines:
		*v = CleanLines(*v)
	case f.Kind == FieldCode:
		*v = strings.TrimSpace(*v)
	default:
		*v = Clean(*v)
	}
}

// KeepDerived empties a choice field whose empty value is derived (Empty
// is set) when p's value is the one the derivation gives anyway: the
// field then keeps following it, as when the form leaves it on its
// default. A sheet written by an export, which shows the derived value,
// thus reads back as it was.
func (f Field) KeepDerived(p *Person) {
	if f.Empty == "" || f.Kind != FieldChoice {
		return
	}
	v := f.Ptr(p).(*string)
	was := *v
	if was == "" {
		return
	}
	*v = ""
	if f.Display(p) != LabelOf(f.Choices, was) {
		*v = was
	}
}

// ListedFields are the catalog's fields the member list shows (window and
// command line), in their list order.
func ListedFields() []Field {
	var out []Field
	for _, f := range PersonFields {
		if f.List > 0 {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b Field) int { return a.List - b.List })
	return out
}
