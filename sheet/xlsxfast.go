package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// The fast path of reading a worksheet. excelize decodes a sheet through
// encoding/xml, an allocation per token: 5 s of the 100,000-row import,
// more than all the checks together. scanXLSX reads the same rows from the
// same XML with xmlScanner and gives the same cells as excelize's
// Rows.Columns with RawCellValue (TestFastReaderMatchesExcelize and
// FuzzFastReader hold the two equal). Whatever it does not read exactly
// as excelize would, it leaves to excelize (errUnsupported), from the row
// where it stopped.

// maxSheetRows is the last row a worksheet may have (excelize.TotalRows).
const maxSheetRows = 1048576

// scanXLSX calls fn for the rows of a workbook's sheet, numbered as
// excelize numbers them (a row the XML skips comes as an empty row). It
// returns the last row it gave fn, and errUnsupported when the rest of
// the sheet must be read by excelize.
func scanXLSX(path, sheet string, fn rowFunc) (last int, err error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return 0, errUnsupported // excelize words the error
	}
	defer z.Close()
	part := zipPart(&z.Reader, sheetPath(&z.Reader, sheet))
	if part == nil {
		return 0, errUnsupported
	}
	sst, err := readSharedStrings(&z.Reader)
	if err != nil {
		return 0, err
	}
	r, err := part.Open()
	if err != nil {
		return 0, errUnsupported
	}
	defer r.Close()
	s := &sheetScanner{x: newXMLScanner(r), sst: sst}
	return s.rows(fn)
}

// zipPart is the zip's file of that name, nil when there is none.
func zipPart(z *zip.Reader, name string) *zip.File {
	if name == "" {
		return nil
	}
	for _, f := range z.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// readSharedStrings reads the workbook's shared strings, where excelize
// looks for them (nil when it has none).
func readSharedStrings(z *zip.Reader) ([]string, error) {
	part := zipPart(z, "xl/sharedStrings.xml")
	if part == nil {
		return nil, nil
	}
	r, err := part.Open()
	if err != nil {
		return nil, errUnsupported
	}
	defer r.Close()
	s := &sheetScanner{x: newXMLScanner(r)}
	var out []string
	size := 0
	for {
		t, err := s.x.next()
		if err != nil {
			return nil, err
		}
		switch t {
		case tokEOF:
			return out, nil
		case tokStart:
			if string(s.x.name) != "si" {
				continue
			}
			v, err := s.richText()
			if err != nil {
				return nil, err
			}
			size += len(v)
			if len(out) == maxSharedStrings || size > maxSharedText {
				return nil, errTooManyStrings
			}
			out = append(out, v)
		}
	}
}

// sheetScanner reads a worksheet's or the shared strings' XML.
type sheetScanner struct {
	x   *xmlScanner
	sst []string
}

// rows reads sheetData's rows and gives each to fn. A row is given only
// once the next one has begun well (or the data ended): excelize reads a
// row up to the next row's start, and a broken start changes the row
// before it.
func (s *sheetScanner) rows(fn rowFunc) (last int, err error) {
	x := s.x
	for {
		t, err := x.next()
		if err != nil {
			return 0, err
		}
		if t == tokEOF {
			return 0, nil // no sheetData: no rows
		}
		if t == tokStart && string(x.name) == "sheetData" {
			break
		}
	}
	var cells, pending []string
	pendingRow := 0
	flush := func() error {
		if pendingRow == 0 {
			return nil
		}
		for last+1 < pendingRow {
			last++
			if err := fn(last, nil); err != nil {
				return err
			}
		}
		last = pendingRow
		return fn(last, pending)
	}
	for {
		more, err := x.child()
		if err != nil {
			return last, err
		}
		if !more {
			return last, flush() // </sheetData>: excelize reads no further
		}
		if string(x.name) != "row" {
			return last, errUnsupported
		}
		n := max(last, pendingRow) + 1
		if v, ok := x.attrValue("r"); ok {
			r, ok := parseDigits(v)
			if !ok || r < n || r > maxSheetRows {
				return last, errUnsupported
			}
			n = r
		}
		if err := flush(); err != nil {
			return last, err
		}
		if cells, err = s.rowCells(cells[:0]); err != nil {
			return last, err
		}
		cells, pending, pendingRow = pending, cells, n
	}
}

// rowCells reads a row's cells, after its start tag, as excelize's
// Columns does: a cell lands at its reference's column, the columns
// before it blank, and an empty cell without a formula adds nothing.
func (s *sheetScanner) rowCells(cells []string) ([]string, error) {
	x := s.x
	col := 0
	for {
		more, err := x.child()
		if err != nil {
			return nil, err
		}
		if !more {
			return cells, nil // </row>
		}
		if string(x.name) != "c" {
			return nil, errUnsupported
		}
		col++
		if col > 16384 {
			return nil, errTooWide
		}
		if ref, ok := x.attrValue("r"); ok {
			c, ok := refColumn(ref)
			if !ok {
				return nil, errUnsupported
			}
			col = c
		}
		typ, _ := x.attrValue("t")
		kind := cellKind(typ)
		if kind < 0 {
			return nil, errUnsupported
		}
		v, formula, err := s.cellValue(kind)
		if err != nil {
			return nil, err
		}
		if v == "" && !formula {
			continue
		}
		if col <= len(cells) {
			return nil, errUnsupported // out of order: excelize misplaces it
		}
		for len(cells) < col-1 {
			cells = append(cells, "")
		}
		cells = append(cells, v)
	}
}

const (
	kindRaw = iota
	kindShared
	kindInline
)

// cellKind reads a cell's t attribute: s and inlineStr are looked up, any
// other type (n, b, d, e, str) is its raw value.
func cellKind(t []byte) int {
	switch {
	case bytes.ContainsAny(t, "&<"):
		return -1
	case string(t) == "s":
		return kindShared
	case string(t) == "inlineStr":
		return kindInline
	}
	return kindRaw
}

// cellValue reads a cell's children, after its start tag: the value
// excelize gives with RawCellValue, and whether it holds a formula.
func (s *sheetScanner) cellValue(kind int) (v string, formula bool, err error) {
	x := s.x
	var raw []byte
	var inline string
	hasInline := false
	for {
		more, err := x.child()
		if err != nil {
			return "", false, err
		}
		if !more {
			return s.valueOf(kind, raw, inline, hasInline, formula)
		}
		switch string(x.name) {
		case "v":
			if raw, err = s.text(raw[:0]); err != nil {
				return "", false, err
			}
		case "f":
			formula = true
			if err := x.skip(); err != nil {
				return "", false, err
			}
		case "is":
			if inline, err = s.richText(); err != nil {
				return "", false, err
			}
			hasInline = true
		default:
			return "", false, errUnsupported
		}
	}
}

func (s *sheetScanner) valueOf(kind int, raw []byte, inline string, hasInline, formula bool) (string, bool, error) {
	switch kind {
	case kindShared:
		if len(raw) == 0 {
			return "", formula, nil
		}
		i, ok := parseDigits(bytes.TrimSpace(raw))
		if !ok || i >= len(s.sst) {
			return "", false, errUnsupported // excelize: an error, or item 0
		}
		return s.sst[i], formula, nil
	case kindInline:
		if hasInline {
			return inline, formula, nil
		}
	}
	return string(raw), formula, nil
}

// text appends an element's character data to dst, after its start tag,
// up to its end: the text directly inside it, as encoding/xml gives a
// string field.
func (s *sheetScanner) text(dst []byte) ([]byte, error) {
	x := s.x
	for {
		t, err := x.next()
		if err != nil {
			return nil, err
		}
		switch t {
		case tokEOF:
			return nil, errUnsupported
		case tokEnd:
			return dst, nil
		case tokText:
			if dst, err = appendText(dst, x.text); err != nil {
				return nil, err
			}
		case tokStart:
			if err := x.skip(); err != nil {
				return nil, err
			}
		}
	}
}

// richText reads a shared string item or an inline string, after its
// start tag: its own <t>, then its runs' <t>, phonetic runs left out, as
// excelize's xlsxSI.String gives it.
func (s *sheetScanner) richText() (string, error) {
	x := s.x
	var own, runs []byte
	for {
		more, err := x.child()
		if err != nil {
			return "", err
		}
		if !more {
			return bstrUnmarshal(string(own) + string(runs)), nil
		}
		switch string(x.name) {
		case "t":
			if own, err = s.text(own[:0]); err != nil {
				return "", err
			}
		case "r":
			if runs, err = s.run(runs); err != nil {
				return "", err
			}
		default:
			if err := x.skip(); err != nil {
				return "", err
			}
		}
	}
}

// run appends a rich-text run's text (its last <t>, as encoding/xml
// fills one field) to dst, after the run's start tag.
func (s *sheetScanner) run(dst []byte) ([]byte, error) {
	x := s.x
	start := len(dst)
	for {
		more, err := x.child()
		if err != nil {
			return nil, err
		}
		if !more {
			return dst, nil
		}
		if string(x.name) == "t" {
			if dst, err = s.text(dst[:start]); err != nil {
				return nil, err
			}
			continue
		}
		if err := x.skip(); err != nil {
			return nil, err
		}
	}
}

// refColumn is the 1-based column of a cell reference such as AB12; only
// the canonical form (capitals, a row without leading zeros) is read.
func refColumn(ref []byte) (int, bool) {
	col, i := 0, 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i == 0 || i > 3 || col > 16384 {
		return 0, false
	}
	row, ok := parseDigits(ref[i:])
	if !ok || row == 0 || row > maxSheetRows {
		return 0, false
	}
	return col, true
}

// parseDigits reads a decimal number written without sign or leading
// zeros.
func parseDigits(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 || (b[0] == '0' && len(b) > 1) {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// bstrExp is an escaped character of an OOXML string (ST_Xstring).
var bstrExp = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnmarshal decodes the _xHHHH_ escapes of a string as excelize does
// (its own function is not exported): _x005F_ is an underscore, and an
// escape that is no character is dropped.
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	cursor := 0
	for _, m := range bstrExp.FindAllStringIndex(s, -1) {
		b.WriteString(s[cursor:m[0]])
		cursor = m[1]
		if s[m[0]:m[1]] == "_x005F_" {
			b.WriteByte('_')
			continue
		}
		v, _ := strconv.Unquote(`"\u` + s[m[0]+2:m[1]-1] + `"`)
		b.WriteString(v)
	}
	b.WriteString(s[cursor:])
	return b.String()
}

// sheetList lists a workbook's sheets in order, hidden ones left out, from
// xl/workbook.xml, without loading the workbook (excelize.OpenFile reads
// every part of it). errUnsupported when excelize must tell.
func sheetList(path string) ([]string, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, errUnsupported
	}
	defer z.Close()
	var wb struct {
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := readXML(&z.Reader, "xl/workbook.xml", &wb); err != nil || len(wb.Sheets) == 0 {
		return nil, errUnsupported
	}
	var out []string
	for _, sh := range wb.Sheets {
		if sh.State != "" && sh.State != "visible" {
			continue // as excelize's GetSheetVisible says
		}
		if sheetPath(&z.Reader, sh.Name) == "" {
			return nil, errUnsupported
		}
		out = append(out, sh.Name)
	}
	return out, nil
}

// date1904 tells whether the workbook counts dates from 1904
// (<workbookPr date1904="1"/> in xl/workbook.xml): a list saved by Excel
// for Mac would otherwise import every date 4 years and 1 day early.
func date1904(path string) bool {
	z, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer z.Close()
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
	}
	if err := readXML(&z.Reader, "xl/workbook.xml", &wb); err != nil {
		return false
	}
	v := strings.ToLower(strings.TrimSpace(wb.Pr.Date1904))
	return v == "1" || v == "true"
}

// days1904 is the distance between the 1904 and 1900 date systems' day 0.
const days1904 = 1462

// serial1900 turns a date serial of a 1904 workbook into the 1900
// system's, which setDate reads; text dates and 1900 workbooks pass
// unchanged.
func (l *layout) serial1900(v string) string {
	if !l.date1904 {
		return v
	}
	serial, err := strconv.ParseFloat(v, 64)
	// A bare year (1998) stays one, for setDate to refuse.
	if err != nil || serial != math.Trunc(serial) || serial < 0 || serial > 150000 || (serial >= 1900 && serial <= 2200) {
		return v
	}
	return strconv.Itoa(int(serial) + days1904)
}

// The shared strings are read whole before any row, so they have limits
// of their own, like the other limits of a sheet (issue 18, finding 9: an
// 826 KB file of repeated strings took 1.17 GB and 20 s). A list of
// 200,000 rows (the import's limit) with ten texts of its own a row holds
// 2,000,000 strings; 128 MB of text or XML is far above any real list.
const (
	maxSharedStrings = 2_000_000
	maxSharedText    = 128 << 20
	maxSharedXML     = 160 << 20
)

var errTooManyStrings = fmt.Errorf("%w: bảng chuỗi dùng chung (sharedStrings.xml) có hơn 2.000.000 chuỗi hoặc hơn 128 MB chữ, quá mọi danh sách thật", errTooBig)

// checkSharedStringsSize refuses a workbook whose shared strings would
// unpack to more than maxSharedXML, before anything reads them (excelize,
// which reads what the fast reader cannot, would hold them all). The zip
// reader stops at the size an entry declares, so the check holds.
func checkSharedStringsSize(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil // not a readable zip: the readers word the error
	}
	defer z.Close()
	for _, f := range z.File {
		if strings.EqualFold(f.Name, "xl/sharedStrings.xml") && f.UncompressedSize64 > maxSharedXML {
			return fmt.Errorf("tệp %s: %w", filepath.Base(path), errTooManyStrings)
		}
	}
	return nil
}
