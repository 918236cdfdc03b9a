package sheet

import (
	"strconv"
	"strings"
	"unicode"

	"sodoan/domain"
)

// headerRows is how far down a sheet the header is looked for: title
// rows (ĐOÀN TNCS HỒ CHÍ MINH, DANH SÁCH …) come above it.
const headerRows = 20

// normHeader folds a header for matching: accents, case, punctuation and
// line breaks ignored ("HỌ VÀ\nTÊN" → "ho va ten").
func normHeader(s string) string {
	return strings.Join(strings.FieldsFunc(domain.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// aliases maps a folded header to its field index in Fields.
var aliases = func() map[string]int {
	m := map[string]int{}
	for i, f := range Fields {
		if f.Under != "" {
			continue // named so only under its group's header
		}
		for _, a := range append([]string{f.Label}, f.Aliases...) {
			m[normHeader(a)] = i
		}
	}
	return m
}()

func matchHeader(h string) (int, bool) {
	i, ok := aliases[normHeader(h)]
	return i, ok
}

// column is one column of the sheet's table, as the header names it.
type column struct {
	index  int    // 0-based column of the sheet
	title  string // the header as written (group and sub-header joined)
	group  string // the spanning header of a sub-column (Ngày sinh over Nam)
	field  int    // index in Fields, -1 when unrecognised
	letter string // A, B, … AA
}

// layout is where the table sits in a sheet and what its columns hold.
type layout struct {
	headerRow int // sheet row of the header (1-based)
	dataRow   int // first sheet row of data
	columns   []column
	byKey     map[string]int // field key → position in columns
	// date1904: the workbook counts its date serials from 01/01/1904
	// (Excel for Mac's old default), 1462 days later than from 1900.
	date1904 bool
}

func (l *layout) has(key string) bool { _, ok := l.byKey[key]; return ok }

// score counts the cells of a row that name a known field.
func score(cells []string) int {
	n := 0
	for _, c := range cells {
		if _, ok := matchHeader(c); ok {
			n++
		}
	}
	return n
}

func isSexHeader(s string) (male, ok bool) {
	switch normHeader(s) {
	case "nam":
		return true, true
	case "nu":
		return false, true
	}
	return false, false
}

// isNumberRow tells a row of column numbers (1, 2, 3 … or (1), (2) …)
// printed under a header.
func isNumberRow(cells []string) bool {
	n := 0
	for _, c := range cells {
		c = strings.Trim(strings.TrimSpace(c), "()")
		if c == "" {
			continue
		}
		if _, err := strconv.Atoi(c); err != nil {
			return false
		}
		n++
	}
	return n >= 3
}

// findLayout finds the header among the first rows and reads the table's
// columns: a two-level header whose Ngày sinh spans Nam and Nữ, groups
// such as Trình độ over Học vấn, Chuyên môn, LLCT, and the row of column
// numbers under it. ok is false when no row names a person's columns.
func findLayout(top [][]string) (l layout, ok bool) {
	best, bestScore := -1, 1
	for i, row := range top {
		if s := score(row); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return l, false
	}
	head := top[best]
	var sub []string
	if best+1 < len(top) {
		if isSubHeader(head, top[best+1]) {
			sub = top[best+1]
		}
	}
	l.headerRow = best + 1
	l.dataRow = best + 2
	if sub != nil {
		l.dataRow++
	}
	if l.dataRow-1 < len(top) && isNumberRow(top[l.dataRow-1]) {
		l.dataRow++
	}
	l.byKey = map[string]int{}
	width := max(len(head), len(sub))
	group := ""
	for c := 0; c < width; c++ {
		h, s := cell(head, c), cell(sub, c)
		if h != "" {
			group = h
		}
		col := column{index: c, field: -1, letter: colLetter(c)}
		switch {
		case h == "" && s == "":
			continue
		case s != "":
			col.title = strings.TrimSpace(group + " " + s)
			if i, ok := subField(group, s); ok {
				col.field, col.group = i, group
				break
			}
			for _, try := range []string{s, group + " " + s, h} {
				if i, ok := matchHeader(try); ok && try != "" {
					col.field = i
					break
				}
			}
		default:
			col.title = h
			if i, ok := matchHeader(h); ok {
				col.field = i
			}
		}
		if col.field >= 0 {
			if _, dup := l.byKey[Fields[col.field].Key]; dup {
				col.field = -1 // a second column of the same field is reported, not read
			} else {
				l.byKey[Fields[col.field].Key] = len(l.columns)
			}
		}
		l.columns = append(l.columns, col)
	}
	named := l.has(keyFullName) || l.has("given_name")
	return l, named
}

// isSubHeader tells the second level of a two-level header from the first
// row of data: each of its cells is Nam or Nữ under Ngày sinh, or a
// field's name.
func isSubHeader(head, next []string) bool {
	n := 0
	group := ""
	for c := range max(len(head), len(next)) {
		if h := cell(head, c); h != "" {
			group = h
		}
		v := cell(next, c)
		if v == "" {
			continue
		}
		n++
		if _, ok := subField(group, v); ok {
			continue
		}
		if _, sex := isSexHeader(v); sex {
			return false // Nam or Nữ under anything else: a data row
		}
		if _, ok := matchHeader(v); !ok {
			return false
		}
	}
	return n > 0
}

// subField finds the field a sub-header names under its group's header
// (Nam under Ngày sinh, Nữ under Giới tính).
func subField(group, sub string) (int, bool) {
	gi, ok := matchHeader(group)
	if !ok {
		return 0, false
	}
	for i, f := range Fields {
		if f.Under == Fields[gi].Key && normHeader(f.Label) == normHeader(sub) {
			return i, true
		}
	}
	return 0, false
}

func fieldIndex(key string) int {
	for i, f := range Fields {
		if f.Key == key {
			return i
		}
	}
	return -1
}

func countNonEmpty(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

func cell(cells []string, i int) string {
	if i < len(cells) {
		return strings.TrimSpace(cells[i])
	}
	return ""
}

// colLetter is the spreadsheet's name of column i (0-based): A … Z, AA …
func colLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
