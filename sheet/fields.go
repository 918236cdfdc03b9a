// Package sheet reads member lists from spreadsheets (.xlsx, .csv, and a
// message for .xls) and writes the register's lists as .xlsx and .csv. It
// calls the store's public API only; the store knows no spreadsheet format.
//
// One table, Fields, describes a person's columns: its header and the
// wordings a ward's own sheet may use for it, how a cell is read and how
// it is written. The importer's header matching, the exporter's columns and
// the labels of the problems all come from it.
package sheet

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"sodoan/domain"
)

// Kind says how a column's cells are written and read.
type Kind int

const (
	// Text is free text.
	Text Kind = iota
	// Code is digits kept as text (CCCD, phone, card number): written as
	// text cells so that leading zeros survive.
	Code
	// DateKind is a date: a real date cell shown dd/mm/yyyy.
	DateKind
	// Number is a whole number.
	Number
	// Mark is a yes/no column written "x".
	Mark
)

// Field is one column of a person in a spreadsheet.
type Field struct {
	Key   string // stable name, e.g. "birth_date"
	Label string // the header written, and the column named in problems
	// Aliases are the other headers a ward's sheet may use; headers are
	// compared with accents, case and punctuation ignored.
	Aliases []string
	Width   float64 // column width in characters
	Kind    Kind
	// Personal marks the data that stay out of exports unless the user
	// asks (Nghị định 13/2023/NĐ-CP): CCCD, phone, address, ethnicity,
	// religion, notes.
	Personal bool
	// StoreFields are the domain.FieldError.Field names the column holds,
	// so that a problem the store finds is shown under this column.
	StoreFields []string
	// Get is the value exported: string, int, bool or domain.Date. Nil: the
	// field is read only from sheets (Họ và tên, the Nam/Nữ columns).
	Get func(p *domain.Person, row int) any
	// Set reads a cell into p; it returns the reason, in Vietnamese, when
	// the text cannot be read. Nil: the column is recognised but not
	// imported (it is derived by the register).
	Set func(p *domain.Person, v string) error
	// Under is the key of the field whose header spans this one in a
	// two-level header (Nam and Nữ under Ngày sinh or under Giới tính):
	// the label names this column only there.
	Under string
}

// Field keys the importer treats specially.
const (
	keyFullName    = "full_name"
	keyBirthMale   = "birth_male"
	keyBirthFemale = "birth_female"
	keyBirthDate   = "birth_date"
	keyGender      = "gender"
	keyUnion       = "union_member"
	keyFederation  = "federation_member"
	keyNumber      = "stt"
)

// Fields is the table of a person's columns, in the order exports write
// them.
var Fields = []Field{
	{Key: keyNumber, Label: "STT", Aliases: []string{"TT", "Số TT", "Số thứ tự"}, Width: 6, Kind: Number,
		Get: func(_ *domain.Person, row int) any { return row }},
	{Key: keyFullName, Label: "Họ và tên", Aliases: []string{"Họ tên", "Họ, tên", "Họ và tên đoàn viên", "Họ và tên hội viên"},
		Kind: Text, StoreFields: []string{"FamilyName", "MiddleName", "GivenName", "FullName"},
		Set: func(p *domain.Person, v string) error {
			p.FamilyName, p.MiddleName, p.GivenName = domain.SplitFullName(v)
			return nil
		}},
	{Key: "family_name", Label: "Họ", Width: 10, StoreFields: []string{"FamilyName", "FullName"},
		Get: func(p *domain.Person, _ int) any { return p.FamilyName },
		Set: func(p *domain.Person, v string) error { p.FamilyName = v; return nil }},
	{Key: "middle_name", Label: "Tên đệm", Aliases: []string{"Tên lót", "Chữ lót"}, Width: 14, StoreFields: []string{"MiddleName"},
		Get: func(p *domain.Person, _ int) any { return p.MiddleName },
		Set: func(p *domain.Person, v string) error { p.MiddleName = v; return nil }},
	{Key: "given_name", Label: "Tên", Width: 9, StoreFields: []string{"GivenName"},
		Get: func(p *domain.Person, _ int) any { return p.GivenName },
		Set: func(p *domain.Person, v string) error { p.GivenName = v; return nil }},
	{Key: keyBirthDate, Label: "Ngày sinh", Aliases: []string{"Ngày, tháng, năm sinh", "Ngày tháng năm sinh", "Năm sinh", "NS"},
		Width: 12, Kind: DateKind, StoreFields: []string{"BirthDate"},
		Get: func(p *domain.Person, _ int) any { return p.BirthDate },
		Set: func(p *domain.Person, v string) error { return setDate(&p.BirthDate, v) }},
	// A date under Nam is a man's date of birth, under Nữ a woman's.
	{Key: keyBirthMale, Label: "Nam", Under: keyBirthDate, Kind: DateKind, StoreFields: []string{"BirthDate", "Gender"}},
	{Key: keyBirthFemale, Label: "Nữ", Under: keyBirthDate, Kind: DateKind, StoreFields: []string{"BirthDate", "Gender"}},
	// An x under Giới tính's Nam or Nữ.
	{Key: "gender_male", Label: "Nam", Under: keyGender, Kind: Mark, StoreFields: []string{"Gender"},
		Set: func(p *domain.Person, v string) error { return setSex(p, v, domain.Male) }},
	{Key: "gender_female", Label: "Nữ", Under: keyGender, Kind: Mark, StoreFields: []string{"Gender"},
		Set: func(p *domain.Person, v string) error { return setSex(p, v, domain.Female) }},
	{Key: keyGender, Label: "Giới tính", Aliases: []string{"Phái", "Nam/Nữ", "Nam, nữ"}, Width: 9, StoreFields: []string{"Gender"},
		Get: func(p *domain.Person, _ int) any { return p.Gender.Label() },
		Set: func(p *domain.Person, v string) error {
			return setChoice(v, domain.Genders, map[string]string{"nu": "female", "f": "female", "m": "male", "x": "male"},
				func(c string) { p.Gender = domain.Gender(c) })
		}},
	{Key: "ethnicity", Label: "Dân tộc", Width: 9, Personal: true, StoreFields: []string{"Ethnicity"},
		Get: func(p *domain.Person, _ int) any { return p.Ethnicity },
		Set: func(p *domain.Person, v string) error { p.Ethnicity = v; return nil }},
	{Key: "religion", Label: "Tôn giáo", Width: 11, Personal: true, StoreFields: []string{"Religion"},
		Get: func(p *domain.Person, _ int) any { return p.Religion },
		Set: func(p *domain.Person, v string) error {
			if f := domain.Fold(v); f == "khong" || f == "khong co" || f == "-" {
				v = ""
			}
			p.Religion = v
			return nil
		}},
	{Key: "citizen_id", Label: "Số CCCD", Aliases: []string{"CCCD", "CMND", "Số CMND", "CCCD/CMND", "Số CCCD/CMND", "Căn cước công dân", "Số định danh", "Số định danh cá nhân"},
		Width: 15, Kind: Code, Personal: true, StoreFields: []string{"CitizenID"},
		Get: func(p *domain.Person, _ int) any { return p.CitizenID },
		Set: func(p *domain.Person, v string) error { p.CitizenID = digitsLost(v, 12); return nil }},
	{Key: "phone", Label: "Điện thoại", Aliases: []string{"SĐT", "Số điện thoại", "Số ĐT", "ĐT", "Điện thoại liên hệ"},
		Width: 13, Kind: Code, Personal: true, StoreFields: []string{"Phone"},
		Get: func(p *domain.Person, _ int) any { return p.Phone },
		Set: func(p *domain.Person, v string) error { p.Phone = digitsLost(v, 10); return nil }},
	{Key: "address", Label: "Địa chỉ", Aliases: []string{"Nơi ở", "Nơi ở hiện nay", "Chỗ ở hiện nay", "Địa chỉ thường trú", "Thường trú"},
		Width: 28, Personal: true, StoreFields: []string{"Address"},
		Get: func(p *domain.Person, _ int) any { return p.Address },
		Set: func(p *domain.Person, v string) error { p.Address = v; return nil }},
	{Key: "hamlet", Label: "Khóm, ấp", Aliases: []string{"Khóm", "Ấp", "Khóm/ấp", "Khu phố", "Tổ dân phố"}, Width: 12, StoreFields: []string{"Hamlet"},
		Get: func(p *domain.Person, _ int) any { return p.Hamlet },
		Set: func(p *domain.Person, v string) error { p.Hamlet = v; return nil }},
	{Key: "occupation", Label: "Nghề nghiệp", Aliases: []string{"Nghề nghiệp hiện nay", "Việc làm"}, Width: 24, StoreFields: []string{"Occupation"},
		Get: func(p *domain.Person, _ int) any {
			if p.Occupation == "" {
				return ""
			}
			return p.Occupation.Label()
		},
		Set: func(p *domain.Person, v string) error {
			return setChoice(v, domain.Occupations, map[string]string{"hoc sinh": "student", "sinh vien": "student", "hs": "student", "sv": "student",
				"cong chuc": "civil_servant", "vien chuc": "civil_servant", "can bo": "civil_servant", "cong nhan": "worker",
				"nong dan": "farmer", "lam ruong": "farmer", "buon ban": "self_employed", "kinh doanh": "self_employed",
				"lao dong tu do": "self_employed", "that nghiep": "unemployed", "bo doi": "armed", "cong an": "armed"},
				func(c string) { p.Occupation = domain.Occupation(c) })
		}},
	{Key: "schooling", Label: "Học vấn", Aliases: []string{"Trình độ học vấn", "Văn hóa", "Trình độ văn hóa", "TĐHV"}, Width: 9, Kind: Text, StoreFields: []string{"Schooling"},
		Get: func(p *domain.Person, _ int) any {
			if p.Schooling == 0 {
				return ""
			}
			return strconv.Itoa(p.Schooling) + "/12"
		},
		Set: func(p *domain.Person, v string) error {
			s := strings.TrimSuffix(strings.ReplaceAll(v, " ", ""), "/12")
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n > 12 {
				return msgErr("%q: ghi lớp đã học, từ 1/12 đến 12/12", v)
			}
			p.Schooling = n
			return nil
		}},
	{Key: "qualification", Label: "Chuyên môn", Aliases: []string{"Trình độ chuyên môn", "Chuyên môn nghiệp vụ", "TĐCM"}, Width: 18, StoreFields: []string{"Qualification"},
		Get: func(p *domain.Person, _ int) any { return p.Qualification.Label() },
		Set: func(p *domain.Person, v string) error {
			return setChoice(v, domain.Qualifications, map[string]string{"dh": "university", "dai hoc": "university", "cu nhan": "university",
				"ky su": "university", "cd": "college", "cao dang": "college", "trung cap": "vocational", "so cap": "vocational",
				"tc": "vocational", "nghe": "vocational", "thac si": "postgraduate", "tien si": "postgraduate", "khong": "", "chua": ""},
				func(c string) { p.Qualification = domain.Qualification(c) })
		}},
	{Key: "theory_level", Label: "Lý luận chính trị", Aliases: []string{"LLCT", "Trình độ LLCT", "Trình độ lý luận chính trị", "Lý luận"}, Width: 16, StoreFields: []string{"TheoryLevel"},
		Get: func(p *domain.Person, _ int) any { return p.TheoryLevel.Label() },
		Set: func(p *domain.Person, v string) error {
			return setChoice(v, domain.TheoryLevels, map[string]string{"sc": "elementary", "tc": "intermediate", "cc": "advanced",
				"cao cap": "advanced", "cu nhan": "advanced", "khong": "", "chua": ""},
				func(c string) { p.TheoryLevel = domain.TheoryLevel(c) })
		}},
	{Key: "it_level", Label: "Tin học", Aliases: []string{"Trình độ tin học"}, Width: 10, StoreFields: []string{"ITLevel"},
		Get: func(p *domain.Person, _ int) any { return p.ITLevel },
		Set: func(p *domain.Person, v string) error { p.ITLevel = v; return nil }},
	{Key: "language", Label: "Ngoại ngữ", Aliases: []string{"Trình độ ngoại ngữ"}, Width: 10, StoreFields: []string{"Language"},
		Get: func(p *domain.Person, _ int) any { return p.Language },
		Set: func(p *domain.Person, v string) error { p.Language = v; return nil }},
	{Key: "language_fluent", Label: "Thông thạo ngoại ngữ", Width: 10, Kind: Mark, StoreFields: []string{"LanguageFluent"},
		Get: func(p *domain.Person, _ int) any { return p.LanguageFluent },
		Set: func(p *domain.Person, v string) error { return setMark(&p.LanguageFluent, v) }},
	{Key: "youth_work_trained", Label: "Đã tập huấn công tác thanh niên", Aliases: []string{"Tập huấn công tác thanh niên", "Tập huấn"}, Width: 12, Kind: Mark, StoreFields: []string{"YouthWorkTrained"},
		Get: func(p *domain.Person, _ int) any { return p.YouthWorkTrained },
		Set: func(p *domain.Person, v string) error { return setMark(&p.YouthWorkTrained, v) }},
	{Key: keyUnion, Label: "Đoàn viên", Width: 10, Kind: Mark, StoreFields: []string{"UnionMember"},
		Get: func(p *domain.Person, _ int) any { return p.UnionMember },
		Set: func(p *domain.Person, v string) error { return setMark(&p.UnionMember, v) }},
	{Key: "admission_date", Label: "Ngày vào Đoàn", Aliases: []string{"Ngày kết nạp", "Ngày kết nạp Đoàn", "Ngày vào đoàn TNCS", "Ngày, tháng, năm vào Đoàn"},
		Width: 14, Kind: DateKind, StoreFields: []string{"AdmissionDate"},
		Get: func(p *domain.Person, _ int) any { return p.AdmissionDate },
		Set: func(p *domain.Person, v string) error { return setDate(&p.AdmissionDate, v) }},
	{Key: "card_number", Label: "Số thẻ đoàn viên", Aliases: []string{"Số thẻ", "Số thẻ ĐV", "Số thẻ Đoàn"}, Width: 16, Kind: Code, StoreFields: []string{"CardNumber"},
		Get: func(p *domain.Person, _ int) any { return p.CardNumber },
		Set: func(p *domain.Person, v string) error { p.CardNumber = v; return nil }},
	{Key: "branch", Label: "Chi đoàn", Aliases: []string{"Sinh hoạt tại chi đoàn", "Đơn vị", "Chi đoàn sinh hoạt"}, Width: 26, StoreFields: []string{"BranchID"},
		Get: func(p *domain.Person, _ int) any { return p.BranchName },
		Set: func(p *domain.Person, v string) error { p.BranchName = v; return nil }},
	{Key: keyFederation, Label: "Hội viên", Width: 9, Kind: Mark, StoreFields: []string{"FederationMember"},
		Get: func(p *domain.Person, _ int) any { return p.FederationMember },
		Set: func(p *domain.Person, v string) error { return setMark(&p.FederationMember, v) }},
	{Key: "federation_date", Label: "Ngày vào Hội", Aliases: []string{"Ngày vào Hội LHTN", "Ngày kết nạp Hội"}, Width: 13, Kind: DateKind, StoreFields: []string{"FederationDate"},
		Get: func(p *domain.Person, _ int) any { return p.FederationDate },
		Set: func(p *domain.Person, v string) error { return setDate(&p.FederationDate, v) }},
	// Offices and status come from the register's own history (who held
	// which office since when, transfers and removals): exported, and
	// recognised on import but not read.
	{Key: "position", Label: "Chức vụ", Aliases: []string{"Chức vụ Đoàn", "Chức vụ hiện nay"}, Width: 20,
		Get: func(p *domain.Person, _ int) any { return p.Position }},
	{Key: "status", Label: "Trạng thái", Aliases: []string{"Tình trạng"}, Width: 16,
		Get: func(p *domain.Person, _ int) any { return p.Status.Label() }},
	{Key: "note", Label: "Ghi chú", Width: 24, Personal: true, StoreFields: []string{"Note"},
		Get: func(p *domain.Person, _ int) any { return p.Note },
		Set: func(p *domain.Person, v string) error { p.Note = v; return nil }},
}

// FieldByKey returns the field with key k.
func FieldByKey(k string) (Field, bool) {
	for _, f := range Fields {
		if f.Key == k {
			return f, true
		}
	}
	return Field{}, false
}

// Labels returns every header the table knows: the words the UI's
// translation files must hold.
func Labels() []string {
	var out []string
	for _, f := range Fields {
		out = append(out, f.Label)
	}
	return out
}

// setDate reads an Excel date serial or the text forms domain.ParseDate
// knows (dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd).
func setDate(d *domain.Date, v string) error {
	if serial, err := strconv.ParseFloat(v, 64); err == nil {
		if serial >= 1900 && serial <= 2200 && serial == math.Trunc(serial) {
			return msgErr("%q chỉ có năm: ghi đủ ngày/tháng/năm", v)
		}
		// Excel counts days from 30/12/1899 (its 1900 leap-year bug is
		// before March 1900, older than anyone in the register).
		if serial < 1 || serial > 150000 {
			return msgErr("%q không phải là ngày", v)
		}
		t := excelEpoch.AddDate(0, 0, int(serial))
		dt, err := domain.NewDate(t.Year(), int(t.Month()), t.Day())
		if err != nil {
			return err
		}
		*d = dt
		return nil
	}
	dt, err := domain.ParseDate(v)
	if err != nil {
		return err
	}
	*d = dt
	return nil
}

var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// msgErr is a message for a cell, whose Vietnamese format a window
// translates (see domain.MessageError).
func msgErr(format string, args ...any) error {
	return &domain.MessageError{Format: format, Args: args}
}

// setChoice reads the label (or code) of a fixed list, or one of the
// usual shorter wordings (folded) in more. Each distinct cell text is
// folded and looked up once: a 100,000-row sheet repeats a few values.
func setChoice(v string, list []domain.Choice, more map[string]string, set func(string)) error {
	key := choiceKey{&list[0], v}
	choiceMu.Lock()
	code, ok := choiceMemo[key]
	choiceMu.Unlock()
	if !ok {
		if code, ok = domain.CodeOfLabel(list, v); !ok {
			code, ok = more[strings.Trim(domain.Fold(v), " .")]
		}
		if !ok {
			labels := make([]string, 0, len(list))
			for _, c := range list {
				labels = append(labels, c.Label)
			}
			return msgErr("%q không có trong danh mục (%s)", v, strings.Join(labels, "; "))
		}
		choiceMu.Lock()
		if len(choiceMemo) < 10000 {
			choiceMemo[key] = code
		}
		choiceMu.Unlock()
	}
	set(code)
	return nil
}

type choiceKey struct {
	list *domain.Choice
	text string
}

var (
	choiceMu   sync.Mutex
	choiceMemo = map[choiceKey]string{}
)

// setMark reads a yes/no cell: x, có, 1, ✓ for yes; empty, không, 0 for no.
func setMark(b *bool, v string) error {
	switch v {
	case "x", "X":
		*b = true
		return nil
	case "":
		*b = false
		return nil
	}
	switch domain.Fold(strings.TrimSpace(v)) {
	case "x", "co", "1", "✓", "✔", "v", "yes", "true", "dv", "hv":
		*b = true
	case "", "khong", "0", "-", "no", "false":
		*b = false
	default:
		return msgErr("%q: ghi x nếu có, để trống nếu không", v)
	}
	return nil
}

// setSex reads a mark under Giới tính's Nam or Nữ column.
func setSex(p *domain.Person, v string, g domain.Gender) error {
	var marked bool
	if err := setMark(&marked, v); err != nil || !marked {
		return err
	}
	if p.Gender != "" && p.Gender != g {
		return msgErr("đánh dấu ở cả cột Nam và cột Nữ: chỉ đánh một cột")
	}
	p.Gender = g
	return nil
}

// digitsLost puts back the leading zero that a number cell drops: a CCCD
// typed into a number cell (87201001234) loses its 0, as does a phone
// number (912345678). Only a number one digit short gets it back.
func digitsLost(v string, want int) string {
	v = strings.TrimSpace(v)
	if f, err := strconv.ParseFloat(v, 64); err == nil && strings.ContainsAny(v, "eE") && f >= 1 && f < 1e15 {
		// A large number cell may be written in scientific form.
		v = strconv.FormatFloat(f, 'f', 0, 64)
	}
	if len(v) == want-1 && v[0] != '0' && strings.Trim(v, "0123456789") == "" {
		return "0" + v
	}
	return v
}
