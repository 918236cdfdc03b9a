package sheet

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"sodoan/domain"
	"sodoan/store"
)

// Problem is one reason a row cannot be imported.
type Problem struct {
	Row    int    // the sheet's row number
	Column string // the column as the sheet names it
	Reason string // in Vietnamese
	// Format and Args are Reason before formatting, for a window to
	// translate (as domain.FieldError's).
	Format string
	Args   []any
}

// newProblem is the problem err makes in a row's column.
func newProblem(row int, col string, err error) Problem {
	p := Problem{Row: row, Column: col, Reason: err.Error()}
	var me *domain.MessageError
	if errors.As(err, &me) {
		p.Format, p.Args = me.Format, me.Args
	}
	return p
}

// String reads "Dòng 12, cột Ngày sinh: …".
func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("Dòng %d: %s", p.Row, p.Reason)
	}
	return fmt.Sprintf("Dòng %d, cột %s: %s", p.Row, p.Column, p.Reason)
}

// Row is one person read from the sheet.
type Row struct {
	SheetRow int
	Person   *domain.Person
	Problems []Problem
	// Existing is the ID of the same person already in the register (same
	// CCCD, or same name and date of birth), 0 when new.
	Existing     int64
	ExistingName string
	// Offices are the offices the row's Chức vụ cell names, which the
	// import records (ImportOptions.OfficesFrom).
	Offices []store.ImportOffice
	// filled has bit i set when the row's cell of Fields[i] is not empty:
	// an update changes only those fields.
	filled uint64
}

// Preview is what an import would do, before anything is written.
type Preview struct {
	Path      string
	Sheet     string // the workbook's sheet read ("" for CSV)
	HeaderRow int
	// Columns lists the sheet's columns and what each was read as.
	Columns []ColumnInfo
	Rows    []Row
	// UnknownBranches are the branch names the register lacks: they are
	// created only when the user agrees.
	UnknownBranches []string
	// Below counts the non-empty rows under the table (a signature
	// block), which are not read.
	Below int

	layout layout
}

// ColumnInfo says how one column of the sheet was understood.
type ColumnInfo struct {
	Letter string // A, B …
	Title  string // the header as the sheet writes it
	Field  string // the register's field label; "" when unrecognised
	// Read is false for columns recognised but not read (STT, and the
	// offices and status the register derives from its own history).
	Read bool
}

// Unrecognised lists the columns no field matched, as "F (Quê quán)".
func (pv *Preview) Unrecognised() []string {
	var out []string
	for _, c := range pv.Columns {
		if c.Field == "" {
			out = append(out, fmt.Sprintf("%s (%s)", c.Letter, c.Title))
		}
	}
	return out
}

// Problems lists every problem of every row, in row order.
func (pv *Preview) Problems() []Problem {
	var out []Problem
	for _, r := range pv.Rows {
		out = append(out, r.Problems...)
	}
	return out
}

// Counts returns how many rows are valid (new or already in the
// register), invalid, and already in the register among the valid.
func (pv *Preview) Counts() (valid, invalid, existing int) {
	for _, r := range pv.Rows {
		switch {
		case len(r.Problems) > 0:
			invalid++
		case r.Existing != 0:
			valid++
			existing++
		default:
			valid++
		}
	}
	return
}

// Progress reports how far a long read is: done rows of total (total 0
// when the file does not say).
type Progress func(done, total int)

// Read reads a member list from path (.xlsx, .csv, .xls) and
// checks every row against the register's rules and contents. Nothing is
// written.
func Read(ctx context.Context, st *store.Store, path string, progress Progress) (*Preview, error) {
	format, err := sniff(path)
	if err != nil {
		return nil, err
	}
	names, err := sheets(path, format)
	if err != nil {
		return nil, err
	}
	// The first sheet whose top rows hold a header is the list.
	var src *source
	var l layout
	for _, name := range names {
		s := &source{path: path, format: format, sheet: name}
		var top [][]string
		err := s.each(func(_ int, cells []string) error {
			top = append(top, append([]string(nil), cells...))
			if len(top) == headerRows {
				return errStop
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if found, ok := findLayout(top); ok {
			src, l = s, found
			if format == XLSX {
				s.total = dimension(path, name)
				l.date1904 = date1904(path)
			}
			break
		}
	}
	if src == nil {
		return nil, fmt.Errorf("tệp %s: không tìm thấy dòng tiêu đề trong %d dòng đầu; bảng cần có cột Họ và tên (hoặc Họ, Tên đệm, Tên), Ngày sinh, Giới tính (hoặc Nam/Nữ dưới Ngày sinh)…",
			filepath.Base(path), headerRows)
	}
	pv := &Preview{Path: path, Sheet: src.sheet, HeaderRow: l.headerRow, layout: l}
	for _, c := range l.columns {
		info := ColumnInfo{Letter: c.letter, Title: c.title}
		if c.field >= 0 {
			f := Fields[c.field]
			info.Field, info.Read = f.Label, f.Set != nil || f.Key == keyBirthMale || f.Key == keyBirthFemale || f.Key == keyPosition
		}
		pv.Columns = append(pv.Columns, info)
	}
	lastPerson := -1
	src.fillFrom = l.dataRow
	tooMany := false
	err = src.pipe(ctx, func(n int, cells []string) bool {
		if n < l.dataRow {
			return true
		}
		if progress != nil && n%1000 == 0 {
			progress(n, src.total)
		}
		if countNonEmpty(cells) == 0 {
			return true
		}
		if int64(len(pv.Rows)) >= domain.ImportRowsRange.Max {
			tooMany = true
			return false
		}
		r, personLike := l.parse(n, cells)
		pv.Rows = append(pv.Rows, r)
		if personLike {
			lastPerson = len(pv.Rows) - 1
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if tooMany {
		return nil, fmt.Errorf("tệp %s: bảng có hơn %s dòng: một lần nhập nhận tối đa %s dòng; hãy chia bảng thành nhiều tệp",
			filepath.Base(path), domain.FormatInt(domain.ImportRowsRange.Max), domain.FormatInt(domain.ImportRowsRange.Max))
	}
	// What follows the last person (the place and date, the signatures)
	// is not the table's.
	pv.Below = len(pv.Rows) - 1 - lastPerson
	pv.Rows = pv.Rows[:lastPerson+1]
	if err := pv.check(ctx, st); err != nil {
		return nil, err
	}
	if progress != nil {
		progress(src.total, src.total)
	}
	return pv, nil
}

// parse reads one data row into a person. personLike is false for rows
// that a signature block would write: a name with neither a row number
// nor a date.
func (l *layout) parse(n int, cells []string) (Row, bool) {
	p := &domain.Person{}
	r := Row{SheetRow: n, Person: p}
	// A signature block writes names too, but no row number and no date.
	numbered, dated := false, false
	var male, female string
	var offices []domain.OfficeClaim
	for _, c := range l.columns {
		if c.field < 0 {
			continue
		}
		v := unescapeFormula(strings.TrimSpace(cell(cells, c.index)))
		if v == "" {
			continue
		}
		r.filled |= 1 << c.field
		f := Fields[c.field]
		if f.Kind == DateKind || f.Key == keyBirthMale || f.Key == keyBirthFemale {
			v = l.serial1900(v)
		}
		switch f.Key {
		case keyBirthMale:
			male = v
		case keyBirthFemale:
			female = v
		}
		if f.Kind == DateKind {
			dated = true
		}
		if f.Key == keyNumber {
			_, err := strconv.Atoi(strings.Trim(v, "."))
			numbered = err == nil
		}
		if f.Key == keyPosition {
			claims, err := domain.ParseOffices(v)
			if err != nil {
				r.Problems = append(r.Problems, newProblem(n, c.title, err))
			}
			offices = claims
			continue
		}
		if f.Set == nil {
			continue
		}
		if err := f.Set(p, v); err != nil {
			r.Problems = append(r.Problems, newProblem(n, c.title, err))
		}
	}
	if l.has(keyBirthMale) || l.has(keyBirthFemale) {
		col := l.birthColumn()
		switch {
		case male != "" && female != "":
			r.Problems = append(r.Problems, newProblem(n, col, msgErr("ngày sinh ghi ở cả cột Nam và cột Nữ: chỉ ghi ở một cột")))
		case male != "" || female != "":
			v, g := male, domain.Male
			if female != "" {
				v, g = female, domain.Female
			}
			if err := setDate(&p.BirthDate, v); err != nil {
				r.Problems = append(r.Problems, newProblem(n, col, err))
			}
			if p.Gender == "" {
				p.Gender = g
			}
		}
	}
	for _, o := range offices {
		k, ok := o.Resolve()
		if !ok {
			r.Problems = append(r.Problems, newProblem(n, l.titleOf(keyPosition),
				domain.ErrMsg("%q: chi đoàn không có Ban Thường vụ", o.Text)))
			continue
		}
		r.Offices = append(r.Offices, store.ImportOffice{Kind: k, Branch: o.Branch})
	}
	l.defaultKind(p)
	// A category the sheet states as the person's derived one (the dues
	// category her occupation implies, as an export writes it) keeps
	// following the derivation.
	for _, f := range domain.PersonFields {
		f.KeepDerived(p)
	}
	named := p.GivenName != "" || p.FamilyName != ""
	return r, named && (numbered || dated)
}

// titleOf is the sheet's title of the column read as key.
func (l *layout) titleOf(key string) string {
	if i, ok := l.byKey[key]; ok {
		return l.columns[i].title
	}
	return Fields[fieldIndex(key)].Label
}

// birthColumn names the date of birth's columns in problems.
func (l *layout) birthColumn() string {
	if i, ok := l.byKey[keyBirthDate]; ok {
		return l.columns[i].title
	}
	// Under Nam and Nữ: the group's header, as the sheet writes it.
	for _, k := range []string{keyBirthMale, keyBirthFemale} {
		if i, ok := l.byKey[k]; ok {
			return l.columns[i].group
		}
	}
	return Fields[fieldIndex(keyBirthDate)].Label
}

// defaultKind decides Union or Federation membership when the sheet has
// no Đoàn viên / Hội viên columns: a list with dates of joining the
// Federation only is a list of Federation members; any other is a list of
// Union members (DANH SÁCH ĐOÀN VIÊN), who are also Federation members
// when a date of joining the Federation is given.
func (l *layout) defaultKind(p *domain.Person) {
	if l.has(keyUnion) || l.has(keyFederation) {
		if !l.has(keyFederation) && !p.FederationDate.IsZero() {
			p.FederationMember = true
		}
		return
	}
	fedOnly := l.has("federation_date") && !l.has("admission_date") && !l.has("card_number")
	p.UnionMember = !fedOnly
	p.FederationMember = fedOnly || !p.FederationDate.IsZero()
}

// columnOf is the sheet's column holding a store field, for the store's
// problems; the store's own label when the sheet has none.
func (l *layout) columnOf(storeField, label string) string {
	for _, c := range l.columns {
		if c.field < 0 {
			continue
		}
		for _, sf := range Fields[c.field].StoreFields {
			if sf == storeField {
				if c.group != "" {
					return c.group // Nam, Nữ: the problem is the group's
				}
				return c.title
			}
		}
	}
	return label
}

// check asks the register about every row: its rules, duplicates of people
// it holds, card numbers in use, unknown branches.
func (pv *Preview) check(ctx context.Context, st *store.Store) error {
	people := make([]*domain.Person, len(pv.Rows))
	rows := make([]int, len(pv.Rows))
	index := make(map[int]int, len(pv.Rows))
	for i := range pv.Rows {
		people[i], rows[i] = pv.Rows[i].Person, pv.Rows[i].SheetRow
		index[rows[i]] = i
	}
	c, err := st.CheckImport(ctx, people, rows)
	if err != nil {
		return err
	}
	for _, fe := range c.Problems {
		i := index[fe.Row]
		r := &pv.Rows[i]
		col := pv.layout.columnOf(fe.Field, fe.Label)
		if hasColumn(r.Problems, col) {
			continue // the cell's own problem already says it
		}
		// In a sheet with Nam/Nữ columns the gender is where the date is:
		// a missing date is one problem, not two.
		if fe.Field == "Gender" && (pv.layout.has(keyBirthMale) || pv.layout.has(keyBirthFemale)) && r.Person.BirthDate.IsZero() {
			continue
		}
		r.Problems = append(r.Problems, Problem{Row: fe.Row, Column: col, Reason: fe.Msg, Format: fe.Format, Args: fe.Args})
	}
	for i := range pv.Rows {
		pv.Rows[i].Existing, pv.Rows[i].ExistingName = c.Existing[i], c.ExistingName[i]
	}
	pv.UnknownBranches = c.UnknownBranches
	return nil
}

func hasColumn(ps []Problem, col string) bool {
	for _, p := range ps {
		if p.Column == col {
			return true
		}
	}
	return false
}

// ImportOptions is what the user chose after the preview.
type ImportOptions struct {
	// SkipInvalid imports the valid rows when some are not; without it
	// any invalid row stops the import and nothing is written.
	SkipInvalid bool
	// CreateBranches creates the branches the register lacks.
	CreateBranches bool
	// Update overwrites the people already in the register; without it
	// they are skipped.
	Update bool
	// OfficesFrom is the day the offices of the Chức vụ column start
	// (zero: the first day of the current term); never before a holder's
	// admission or 16th birthday.
	OfficesFrom domain.Date
}

// ProblemsError is returned when an import is refused because of rows
// that break a rule: nothing was written.
type ProblemsError struct {
	Problems []Problem
}

func (e *ProblemsError) Error() string {
	msgs := make([]string, 0, len(e.Problems)+1)
	msgs = append(msgs, fmt.Sprintf("%d lỗi, chưa nhập gì", len(e.Problems)))
	for _, p := range e.Problems {
		msgs = append(msgs, p.String())
	}
	return strings.Join(msgs, "\n")
}

// ErrUnknownBranches is wrapped by the error of an import refused because
// the sheet names branches the register lacks and the user has not agreed
// to create them.
var ErrUnknownBranches = errors.New("chi đoàn chưa có trong sổ")

// Import writes the preview's rows into the register in one transaction,
// after a backup: all the valid rows, or nothing.
func (pv *Preview) Import(ctx context.Context, st *store.Store, o ImportOptions) (store.ImportResult, error) {
	if ps := pv.Problems(); len(ps) > 0 && !o.SkipInvalid {
		return store.ImportResult{}, &ProblemsError{Problems: ps}
	}
	if len(pv.UnknownBranches) > 0 && !o.CreateBranches {
		return store.ImportResult{}, fmt.Errorf("%w: %s; đồng ý tạo các chi đoàn này (dòng lệnh: --create-branches) hoặc sửa tên trong bảng",
			ErrUnknownBranches, strings.Join(pv.UnknownBranches, "; "))
	}
	var people []*domain.Person
	var rows []int
	offices := map[int][]store.ImportOffice{}
	for _, r := range pv.Rows {
		if len(r.Problems) > 0 {
			continue
		}
		if len(r.Offices) > 0 {
			offices[len(people)] = r.Offices
		}
		p := r.Person
		if r.Existing != 0 && o.Update {
			old, err := st.Person(ctx, r.Existing)
			if err != nil {
				return store.ImportResult{}, err
			}
			p = merge(old, r)
		}
		people = append(people, p)
		rows = append(rows, r.SheetRow)
	}
	res, err := st.ImportPeople(ctx, people, rows, store.ImportOptions{CreateBranches: o.CreateBranches, Update: o.Update,
		Offices: offices, OfficesFrom: o.OfficesFrom})
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		// The register changed since the preview: its words, by sheet row.
		pe := &ProblemsError{}
		for _, fe := range ve.Errors {
			pe.Problems = append(pe.Problems, Problem{Row: fe.Row, Column: pv.layout.columnOf(fe.Field, fe.Label), Reason: fe.Msg, Format: fe.Format, Args: fe.Args})
		}
		sort.SliceStable(pe.Problems, func(i, j int) bool { return pe.Problems[i].Row < pe.Problems[j].Row })
		return res, pe
	}
	return res, err
}

// merge is the register's person old updated with the cells the sheet's
// row fills: a column the sheet lacks, or an empty cell, never erases what
// the register holds. Membership only grows: a list of Union members
// makes a Federation member a Union member too, it does not end his
// membership of the Federation.
func merge(old domain.Person, r Row) *domain.Person {
	dst, src := reflect.ValueOf(&old).Elem(), reflect.ValueOf(r.Person).Elem()
	for i, f := range Fields {
		if r.filled&(1<<i) == 0 || (f.Set == nil && f.Key != keyBirthMale && f.Key != keyBirthFemale) {
			continue
		}
		for _, name := range f.StoreFields {
			if name == "BranchID" {
				name = "BranchName" // the store finds the branch by name
			}
			if d := dst.FieldByName(name); d.IsValid() && d.CanSet() {
				d.Set(src.FieldByName(name))
			}
		}
	}
	old.UnionMember = old.UnionMember || r.Person.UnionMember
	old.FederationMember = old.FederationMember || r.Person.FederationMember
	if r.filled&(1<<fieldIndex(keyUnion)) != 0 {
		old.UnionMember = r.Person.UnionMember
	}
	if r.filled&(1<<fieldIndex(keyFederation)) != 0 {
		old.FederationMember = r.Person.FederationMember
	}
	old.BranchID = 0
	return &old
}

// OfficeCount counts the offices the valid rows' Chức vụ cells name, and
// the people holding them: what the import will record.
func (pv *Preview) OfficeCount() (offices, people int) {
	for _, r := range pv.Rows {
		if len(r.Problems) == 0 && len(r.Offices) > 0 {
			offices += len(r.Offices)
			people++
		}
	}
	return offices, people
}
