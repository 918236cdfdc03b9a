package sheet

import (
	"sodoan/outfile"

	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// ErrXLS is wrapped by the error of an Excel 97–2003 file that cannot be
// read (an older BIFF version, a password, a damaged file): the user is
// asked to save it as .xlsx.
var ErrXLS = errors.New("tệp .xls này chưa đọc được: hãy mở tệp bằng Excel hoặc LibreOffice, " +
	"chọn Lưu thành (Save As) dạng Sổ làm việc Excel (.xlsx), rồi nhập tệp .xlsx")

// rowFunc receives one row of a sheet: its number as the spreadsheet
// shows it (1-based) and its cells from column A. The slice is reused.
type rowFunc func(row int, cells []string) error

// errStop ends a read early without an error.
var errStop = errors.New("stop")

// source is a table of rows read from a file: one sheet of a workbook, or
// a CSV file.
type source struct {
	path   string
	format Format
	sheet  string // the workbook's sheet ("" for CSV)
	total  int    // rows the file says it has (0: unknown)
	// fillFrom is the first row whose merged cells read as their
	// top-left cell's value (0: none): the table's data rows, not its
	// header, whose merged titles say which columns they span.
	fillFrom int
}

// sniff tells the format from the file's first bytes (an .xlsx renamed
// .xls is still read), falling back on the extension.
func sniff(path string) (Format, error) {
	if err := outfile.Regular(path); err != nil {
		return "", fmt.Errorf("mở tệp: %w", err)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("mở tệp %s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if err := checkSharedStringsSize(path); err != nil {
			return "", err
		}
		return XLSX, nil
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return XLS, nil
	case n == 0:
		return "", fmt.Errorf("tệp %s trống", filepath.Base(path))
	}
	format, err := FormatOf(path)
	if err != nil {
		return "", err
	}
	if format != CSV {
		return "", fmt.Errorf("tệp %s không phải bảng tính Excel: hãy chọn tệp .xlsx hoặc .csv", filepath.Base(path))
	}
	return CSV, nil
}

// each calls fn for the rows of src, in order, until fn returns errStop.
func (src *source) each(fn rowFunc) error {
	var err error
	switch src.format {
	case XLSX:
		err = eachXLSX(src.path, src.sheet, src.fillFrom, fn)
	case CSV:
		err = eachCSV(src.path, fn)
	case XLS:
		if err = eachXLS(src.path, src.sheet, fn); err != nil && !errors.Is(err, errStop) {
			err = fmt.Errorf("%w (%v)", ErrXLS, err)
		}
	}
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// pipe reads src's rows on another goroutine and hands them to fn in
// batches, so that decoding the file and reading the cells into people
// use both processors. fn returns false to stop the reading.
func (src *source) pipe(ctx context.Context, fn func(n int, cells []string) bool) error {
	type raw struct {
		n     int
		cells []string
	}
	const batchSize = 512
	ch := make(chan []raw, 8)
	errc := make(chan error, 1)
	stop := make(chan struct{})
	go func() {
		defer close(ch)
		batch := make([]raw, 0, batchSize)
		err := src.each(func(n int, cells []string) error {
			batch = append(batch, raw{n, append([]string(nil), cells...)})
			if len(batch) < batchSize {
				return nil
			}
			select {
			case ch <- batch:
			case <-stop:
				return errStop
			}
			batch = make([]raw, 0, batchSize)
			return ctx.Err()
		})
		if err == nil && len(batch) > 0 {
			select {
			case ch <- batch:
			case <-stop:
			}
		}
		errc <- err
	}()
	more := true
	for batch := range ch {
		for _, r := range batch {
			if more = fn(r.n, r.cells); !more {
				break
			}
		}
		if !more {
			break
		}
	}
	close(stop)
	err := <-errc
	if !more && errors.Is(err, errStop) {
		return nil
	}
	return err
}

// sheets lists a workbook's sheets in order (one "" for CSV).
func sheets(path string, format Format) ([]string, error) {
	switch format {
	case CSV:
		return []string{""}, nil
	case XLS:
		names, err := xlsSheets(path)
		if err != nil {
			return nil, fmt.Errorf("%w (%v)", ErrXLS, err)
		}
		return names, nil
	}
	if names, err := sheetList(path); err == nil {
		return names, nil
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer x.Close()
	var out []string
	for _, name := range x.GetSheetList() {
		if v, err := x.GetSheetVisible(name); err == nil && !v {
			continue
		}
		out = append(out, name)
	}
	return out, nil
}

func openError(path string, err error) error {
	if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "zip") {
		return fmt.Errorf("tệp %s hỏng hoặc không phải .xlsx: %w", filepath.Base(path), err)
	}
	return fmt.Errorf("mở tệp %s: %w", filepath.Base(path), err)
}

// eachXLSX reads a workbook's sheet with the fast reader, and with
// excelize from the row where the fast reader gives up, if it does. A
// merged cell's value is in its top-left cell only; the sheet shows it
// over the whole range (a Chi đoàn written once for the rows of its
// members), and so rows from fillFrom on read it.
func eachXLSX(path, sheet string, fillFrom int, fn rowFunc) error {
	var merges []mergedRange
	if fillFrom > 0 {
		merges = mergedCells(path, sheet)
	}
	fill := newMergeFill(merges, fillFrom)
	emit := func(n int, cells []string) error {
		return fn(n, fill.apply(n, cells))
	}
	last, err := scanXLSX(path, sheet, emit)
	if errors.Is(err, errTooBig) {
		return fmt.Errorf("tệp %s, trang %q, sau dòng %d: %w", filepath.Base(path), sheet, last, err)
	}
	if !errors.Is(err, errUnsupported) {
		return err
	}
	return excelizeRows(path, sheet, last, emit)
}

// excelizeRows reads a workbook's sheet with excelize, giving fn the rows
// after row from.
func excelizeRows(path, sheet string, from int, fn rowFunc) error {
	x, err := excelize.OpenFile(path)
	if err != nil {
		return openError(path, err)
	}
	defer x.Close()
	rows, err := x.Rows(sheet)
	if err != nil {
		return fmt.Errorf("đọc trang %q: %w", sheet, err)
	}
	defer rows.Close()
	// Raw values: a date is its serial number whatever the cell's format
	// (a format such as m/d/yy would otherwise be shown month first).
	opt := excelize.Options{RawCellValue: true}
	n := 0
	for rows.Next() {
		n++
		if n <= from {
			continue
		}
		cells, err := rows.Columns(opt)
		if err != nil {
			return fmt.Errorf("đọc dòng %d: %w", n, err)
		}
		if err := fn(n, cells); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return fmt.Errorf("đọc trang %q: %w", sheet, err)
	}
	return nil
}

// mergeFill spreads merged cells' values over their ranges, row by row.
type mergeFill struct {
	merges   []mergedRange // by first row
	tops     []string      // each range's top-left value
	active   []int         // the ranges over the current row
	next     int
	fillFrom int
}

func newMergeFill(merges []mergedRange, fillFrom int) *mergeFill {
	sort.Slice(merges, func(i, j int) bool { return merges[i].r1 < merges[j].r1 })
	return &mergeFill{merges: merges, tops: make([]string, len(merges)), fillFrom: fillFrom}
}

// apply is row n's cells with the merged ranges over it filled in (from
// fillFrom on); rows must come in order.
func (m *mergeFill) apply(n int, cells []string) []string {
	for ; m.next < len(m.merges) && m.merges[m.next].r1 <= n; m.next++ {
		m.active = append(m.active, m.next)
	}
	kept := m.active[:0]
	for _, i := range m.active {
		if m.merges[i].r2 >= n {
			kept = append(kept, i)
		}
	}
	m.active = kept
	for _, i := range m.active {
		r := m.merges[i]
		if n == r.r1 {
			m.tops[i] = cell(cells, r.c1)
		}
		if n < m.fillFrom {
			continue
		}
		for len(cells) <= r.c2 {
			cells = append(cells, "")
		}
		for c := r.c1; c <= r.c2; c++ {
			cells[c] = m.tops[i]
		}
	}
	return cells
}

// mergedRange is a merged range of cells: rows r1..r2 (1-based), columns
// c1..c2 (0-based).
type mergedRange struct{ r1, c1, r2, c2 int }

// maxMerges bounds the merged ranges read from a sheet.
const maxMerges = 100000

var mergeRe = regexp.MustCompile(`<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"`)

// mergedCells reads the merged ranges of a workbook's sheet. They follow
// the rows in the sheet's XML, so the XML is scanned as a stream for
// them: excelize's own reader would load the whole sheet into memory.
// A sheet whose XML cannot be found has none.
func mergedCells(path, sheet string) []mergedRange {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer z.Close()
	target := sheetPath(&z.Reader, sheet)
	var out []mergedRange
	for _, f := range z.File {
		if f.Name != target {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return nil
		}
		defer r.Close()
		const overlap = 256 // longer than a mergeCell element
		buf := make([]byte, 0, 64<<10+overlap)
		chunk := make([]byte, 64<<10)
		for {
			k, err := io.ReadFull(r, chunk)
			buf = append(buf, chunk[:k]...)
			end := err != nil
			limit := len(buf) - overlap
			if end {
				limit = len(buf)
			}
			var found [][]int
			if bytes.Contains(buf, []byte("mergeCell")) {
				// The regexp would cost more than the inflating: only
				// the chunks that name a merge are searched.
				found = mergeRe.FindAllSubmatchIndex(buf, -1)
			}
			for _, m := range found {
				if m[0] >= limit || len(out) >= maxMerges {
					continue
				}
				c1, r1, e1 := excelize.CellNameToCoordinates(string(buf[m[2]:m[3]]) + string(buf[m[4]:m[5]]))
				c2, r2, e2 := excelize.CellNameToCoordinates(string(buf[m[6]:m[7]]) + string(buf[m[8]:m[9]]))
				if e1 == nil && e2 == nil && r1 <= r2 && c1 <= c2 && c2 <= 16384 {
					out = append(out, mergedRange{r1, c1 - 1, r2, c2 - 1})
				}
			}
			if end {
				return out
			}
			buf = append(buf[:0], buf[len(buf)-overlap:]...)
		}
	}
	return out
}

// sheetPath finds the XML file of a workbook's sheet through
// xl/workbook.xml and its relationships.
func sheetPath(z *zip.Reader, sheet string) string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if readXML(z, "xl/workbook.xml", &wb) != nil || readXML(z, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return ""
	}
	for _, sh := range wb.Sheets {
		if sh.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == sh.RID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/")
				}
				return "xl/" + r.Target
			}
		}
	}
	return ""
}

// readXML decodes one small XML file of a zip.
func readXML(z *zip.Reader, name string, v any) error {
	for _, f := range z.File {
		if f.Name == name {
			r, err := f.Open()
			if err != nil {
				return err
			}
			defer r.Close()
			return xml.NewDecoder(io.LimitReader(r, 16<<20)).Decode(v)
		}
	}
	return os.ErrNotExist
}

// dimension reads the row count a workbook's sheet declares in its
// <dimension> element, from the first bytes of the sheet's XML, for the
// progress bar; 0 when it cannot tell.
var dimensionRe = regexp.MustCompile(`<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"`)

func dimension(path, sheet string) int {
	z, err := zip.OpenReader(path)
	if err != nil {
		return 0
	}
	defer z.Close()
	want := sheetPath(&z.Reader, sheet)
	for _, f := range z.File {
		if f.Name != want {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return 0
		}
		defer r.Close()
		head := make([]byte, 4096)
		n, _ := io.ReadFull(r, head)
		if m := dimensionRe.FindSubmatch(head[:n]); m != nil {
			v, _ := strconv.Atoi(string(m[1]))
			return v
		}
	}
	return 0
}

// eachCSV reads a CSV file: UTF-8 with or without a byte-order mark (or,
// when it is not UTF-8, the Windows Vietnamese code page 1258 that Excel
// uses for "CSV" on a Vietnamese Windows), comma or semicolon separated.
func eachCSV(path string, fn rowFunc) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("mở tệp %s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(64 << 10)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\uFEFF")) {
		br.Discard(3)
	}
	var r io.Reader = br
	if !utf8.Valid(trimPartialRune(head)) {
		r = charmap.Windows1258.NewDecoder().Reader(br)
	}
	cr := csv.NewReader(r)
	cr.Comma = delimiter(head)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	// Row numbers are those a spreadsheet shows: blank lines count (the
	// reader skips them), the extra lines of a quoted multi-line cell do not.
	n, extra := 0, 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("đọc tệp CSV: %w", err)
		}
		first, _ := cr.FieldPos(0)
		for n+1 < first-extra {
			n++
			if err := fn(n, nil); err != nil {
				return err
			}
		}
		for _, f := range rec {
			// As in a workbook: a cell beyond what a spreadsheet holds is
			// a damaged or hostile file, refused whole, never a row
			// dropped without a word.
			if len(f) > maxToken {
				return fmt.Errorf("tệp %s, dòng %d: %w", filepath.Base(path), n+1, errTooLong)
			}
			extra += strings.Count(f, "\n")
		}
		n++
		if err := fn(n, rec); err != nil {
			return err
		}
	}
}

// trimPartialRune drops the bytes of a character cut at the end of a
// peeked buffer.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if r, size := utf8.DecodeLastRune(b); r != utf8.RuneError || size != 1 {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

// delimiter picks ; or , : the one the first lines use more, outside
// quotes (a Vietnamese Excel saves "CSV" with semicolons, since the comma
// is its decimal mark).
func delimiter(head []byte) rune {
	comma, semi := 0, 0
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			comma++
		case c == ';':
			semi++
		}
	}
	if semi > comma {
		return ';'
	}
	return ','
}
