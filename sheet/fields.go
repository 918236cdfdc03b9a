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
	keyPosition    = "position"
)

// Fields is the table of a person's columns, in the order exports write
// them: the catalog's fields (domain.PersonFields) with what only a sheet
// has (the STT, a full name in one column, Nam and Nữ under a header, the
// office and the status the register derives).
var Fields = buildFields()

func buildFields() []Field {
	out := []Field{
		{Key: keyNumber, Label: "STT", Aliases: []string{"TT", "Số TT", "Số thứ tự"}, Width: 6, Kind: Number,
			Get: func(_ *domain.Person, row int) any { return row }},
		{Key: keyFullName, Label: "Họ và tên", Aliases: []string{"Họ tên", "Họ, tên", "Họ và tên đoàn viên", "Họ và tên hội viên"},
			Kind: Text, StoreFields: []string{"FamilyName", "MiddleName", "GivenName", "FullName"},
			Set: func(p *domain.Person, v string) error {
				p.FamilyName, p.MiddleName, p.GivenName = domain.SplitFullName(v)
				return nil
			}},
	}
	var gender []Field
	for _, f := range domain.PersonFields {
		sf := fromCatalog(f)
		switch f.Key {
		case keyGender:
			// A sheet's customary order has Giới tính after Ngày sinh and
			// its Nam and Nữ columns.
			gender = []Field{
				// An x under Giới tính's Nam or Nữ.
				{Key: "gender_male", Label: "Nam", Under: keyGender, Kind: Mark, StoreFields: []string{"Gender"},
					Set: func(p *domain.Person, v string) error { return setSex(p, v, domain.Male) }},
				{Key: "gender_female", Label: "Nữ", Under: keyGender, Kind: Mark, StoreFields: []string{"Gender"},
					Set: func(p *domain.Person, v string) error { return setSex(p, v, domain.Female) }},
				sf,
			}
			continue
		case keyBirthDate:
			out = append(out, sf,
				// A date under Nam is a man's date of birth, under Nữ a woman's.
				Field{Key: keyBirthMale, Label: "Nam", Under: keyBirthDate, Kind: DateKind, StoreFields: []string{"BirthDate", "Gender"}},
				Field{Key: keyBirthFemale, Label: "Nữ", Under: keyBirthDate, Kind: DateKind, StoreFields: []string{"BirthDate", "Gender"}})
			out = append(out, gender...)
			continue
		case "note":
			// Offices and status come from the register's own history (who
			// held which office since when, transfers and removals):
			// exported; on import, the offices are read (Row.Offices) and
			// recorded from a date the user chooses, the status is not.
			out = append(out,
				Field{Key: keyPosition, Label: "Chức vụ", Aliases: []string{"Chức vụ Đoàn", "Chức vụ hiện nay"}, Width: 20,
					Get: func(p *domain.Person, _ int) any { return p.Position }},
				Field{Key: "status", Label: "Trạng thái", Aliases: []string{"Tình trạng"}, Width: 16,
					Get: func(p *domain.Person, _ int) any { return p.Status.Label() }})
		}
		out = append(out, sf)
	}
	return out
}

// sheetOnly is what a column has in a sheet beyond its catalog field: a
// width, and for some a key, a writer or a reader of their own.
var sheetOnly = map[string]Field{
	"family_name": {Width: 10, StoreFields: []string{"FamilyName", "FullName"}},
	"middle_name": {Width: 14},
	"given_name":  {Width: 9},
	keyBirthDate:  {Width: 12},
	keyGender: {Width: 9, Set: func(p *domain.Person, v string) error {
		return setChoice(v, domain.Genders, map[string]string{"nu": "female", "f": "female", "m": "male", "x": "male"},
			func(c string) { p.Gender = domain.Gender(c) })
	}},
	"ethnicity": {Width: 9},
	"religion": {Width: 11, Set: func(p *domain.Person, v string) error {
		if f := domain.Fold(v); f == "khong" || f == "khong co" || f == "-" {
			v = ""
		}
		p.Religion = v
		return nil
	}},
	"citizen_id": {Width: 15, Set: func(p *domain.Person, v string) error { p.CitizenID = digitsLost(v, 12); return nil }},
	"phone":      {Width: 13, Set: func(p *domain.Person, v string) error { p.Phone = digitsLost(v, 10); return nil }},
	"address":    {Width: 28},
	"hamlet":     {Width: 12},
	"occupation": {Width: 24, Set: func(p *domain.Person, v string) error {
		return setChoice(v, domain.Occupations, map[string]string{"hoc sinh": "student", "sinh vien": "student", "hs": "student", "sv": "student",
			"cong chuc": "civil_servant", "vien chuc": "civil_servant", "can bo": "civil_servant", "cong nhan": "worker",
			"nong dan": "farmer", "lam ruong": "farmer", "buon ban": "self_employed", "kinh doanh": "self_employed",
			"lao dong tu do": "self_employed", "that nghiep": "unemployed", "bo doi": "armed", "cong an": "armed"},
			func(c string) { p.Occupation = domain.Occupation(c) })
	}},
	"schooling": {Width: 9},
	"qualification": {Width: 18, Set: func(p *domain.Person, v string) error {
		return setChoice(v, domain.Qualifications, map[string]string{"dh": "university", "dai hoc": "university", "cu nhan": "university",
			"ky su": "university", "cd": "college", "cao dang": "college", "trung cap": "vocational", "so cap": "vocational",
			"tc": "vocational", "nghe": "vocational", "thac si": "postgraduate", "tien si": "postgraduate", "khong": "", "chua": ""},
			func(c string) { p.Qualification = domain.Qualification(c) })
	}},
	"theory_level": {Width: 16, Set: func(p *domain.Person, v string) error {
		return setChoice(v, domain.TheoryLevels, map[string]string{"sc": "elementary", "tc": "intermediate", "cc": "advanced",
			"cao cap": "advanced", "cu nhan": "advanced", "khong": "", "chua": ""},
			func(c string) { p.TheoryLevel = domain.TheoryLevel(c) })
	}},
	"it_level":        {Width: 10},
	"language":        {Width: 10},
	"language_fluent": {Width: 10},
	keyUnion:          {Width: 10},
	"admission_date":  {Width: 14},
	"card_number":     {Width: 16},
	// The branch is read and written by its name; the importer finds it.
	"branch_id": {Key: "branch", Width: 26,
		Set: func(p *domain.Person, v string) error { p.BranchName = v; return nil }},
	keyFederation:     {Width: 9},
	"federation_date": {Width: 13},
	"note":            {Width: 24},
}

// fromCatalog is the column of a catalog field: its label, aliases and
// personal mark from the catalog, read and written as its kind is, with
// what sheetOnly adds.
func fromCatalog(f domain.Field) Field {
	sf := Field{Key: f.Key, Label: f.Label, Aliases: f.Aliases, Width: 14, Personal: f.Personal,
		StoreFields: []string{f.Name}, Get: func(p *domain.Person, _ int) any { return f.Display(p) }}
	switch f.Kind {
	case domain.FieldCode:
		sf.Kind = Code
	case domain.FieldDate:
		sf.Kind = DateKind
		sf.Get = func(p *domain.Person, _ int) any { return *f.Ptr(p).(*domain.Date) }
		sf.Set = func(p *domain.Person, v string) error { return setDate(f.Ptr(p).(*domain.Date), v) }
	case domain.FieldBool:
		sf.Kind = Mark
		sf.Get = func(p *domain.Person, _ int) any { return *f.Ptr(p).(*bool) }
		sf.Set = func(p *domain.Person, v string) error { return setMark(f.Ptr(p).(*bool), v) }
	case domain.FieldGrade:
		sf.Set = func(p *domain.Person, v string) error {
			s := strings.TrimSuffix(strings.ReplaceAll(v, " ", ""), "/12")
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n > 12 {
				return msgErr("%q: ghi lớp đã học, từ 1/12 đến 12/12", v)
			}
			*f.Ptr(p).(*int) = n
			return nil
		}
	case domain.FieldChoice:
		// The list's labels and codes; an empty choice that means
		// something ("Theo nghề nghiệp") reads as empty.
		more := map[string]string{}
		if f.Empty != "" {
			more[domain.Fold(f.Empty)] = ""
		}
		sf.Set = func(p *domain.Person, v string) error {
			return setChoice(v, f.Choices, more, func(c string) { *f.Ptr(p).(*string) = c })
		}
	}
	if sf.Set == nil {
		if ptr, ok := f.Ptr(&domain.Person{}).(*string); ok && ptr != nil {
			sf.Set = func(p *domain.Person, v string) error { *f.Ptr(p).(*string) = v; return nil }
		}
	}
	if o, ok := sheetOnly[f.Key]; ok {
		if o.Key != "" {
			sf.Key = o.Key
		}
		if o.Width != 0 {
			sf.Width = o.Width
		}
		if o.StoreFields != nil {
			sf.StoreFields = o.StoreFields
		}
		if o.Set != nil {
			sf.Set = o.Set
		}
	}
	return sf
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
