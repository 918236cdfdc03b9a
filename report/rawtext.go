package report

import (
	"strconv"
	"unicode/utf8"
)

// Writing a table cell through fpdf's CellFormat formats with fmt,
// converts to UTF-16 and escapes through several temporary strings, about
// ten allocations a cell. A member list has a hundred thousand cells, so
// the table writes the same operators itself into one buffer a row.
//
// fpdf embeds only the glyphs it has seen drawn (its subset of each face),
// so a cell is drawn through CellFormat the first time one of its runes
// appears in a face; every later cell whose runes were all seen goes the
// direct way.

// seenRunes records, for each face, which runes fpdf has drawn already.
type seenRunes map[string][]bool

func (s seenRunes) all(style, text string) bool {
	set := s[style]
	if set == nil {
		return false
	}
	for _, r := range text {
		if int(r) >= len(set) || !set[r] {
			return false
		}
	}
	return true
}

func (s seenRunes) add(style, text string) {
	set := s[style]
	if set == nil {
		set = make([]bool, 0x2000) // Latin and Vietnamese live below U+2000
		s[style] = set
	}
	for _, r := range text {
		if int(r) < len(set) {
			set[r] = true
		}
	}
}

// appendText appends to b the operators that draw s in the current font
// with its left end at x (mm) and vertically centred in a line of height
// lh starting at y, exactly where CellFormat would put it.
func (d *doc) appendText(b []byte, x, y, lh float64, s string) []byte {
	_, ph := d.pdf.GetPageSize()
	k := 72 / 25.4
	size := d.curSize * ptMM
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (ph-(y+.5*lh+.3*size))*k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, r := range s {
		if r == utf8.RuneError || r > 0xFFFF {
			r = '?'
		}
		b = appendEscaped(b, byte(r>>8))
		b = appendEscaped(b, byte(r))
	}
	return append(b, ") Tj ET\n"...)
}

// appendEscaped appends one byte of a PDF string, escaping the bytes the
// string syntax reserves.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}
