package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"sodoan/domain"

	"github.com/xuri/excelize/v2"
)

// Format is a spreadsheet file format.
type Format string

const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
	XLS  Format = "xls"
)

// FormatOf reads the format from a file name's extension.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return XLSX, nil
	case ".csv", ".txt":
		return CSV, nil
	case ".xls":
		return XLS, nil
	}
	return "", fmt.Errorf("tệp %s: chỉ đọc và ghi được tệp .xlsx, .csv (và đọc .xls)", filepath.Base(path))
}

// Column is one column of a table written out.
type Column struct {
	Title string
	Width float64 // characters
	Kind  Kind
}

// TableWriter writes the rows of one table, after its header.
type TableWriter interface {
	// Row writes one row: string, int, int64, float64, bool (x or empty)
	// or domain.Date values, one per column.
	Row(vals ...any) error
	// Close finishes the file; nothing is complete before it.
	Close() error
}

// NewTableWriter starts a table of cols in format on w. name is the sheet's
// name in an .xlsx workbook.
func NewTableWriter(w io.Writer, format Format, name string, cols []Column) (TableWriter, error) {
	switch format {
	case XLSX:
		return newXLSXWriter(w, name, cols)
	case CSV:
		return newCSVWriter(w, cols)
	}
	return nil, fmt.Errorf("ghi bảng tính: định dạng %q không ghi được, chọn .xlsx hoặc .csv", format)
}

// EscapeFormula makes text that a spreadsheet would run as a formula
// plain text, as OWASP recommends against CSV injection: a cell starting
// with =, +, -, @, a tab or a carriage return gets a leading apostrophe.
// Numbers and dates are written as typed cells and never pass here.
func EscapeFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// unescapeFormula undoes EscapeFormula when a sheet is read back.
func unescapeFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

type xlsxWriter struct {
	w     io.Writer
	x     *excelize.File
	sw    *excelize.StreamWriter
	cols  []Column
	date  int
	text  int
	row   int
	cells []any
}

func newXLSXWriter(w io.Writer, name string, cols []Column) (*xlsxWriter, error) {
	x := excelize.NewFile()
	fail := func(err error) (*xlsxWriter, error) {
		x.Close()
		return nil, fmt.Errorf("tạo bảng tính: %w", err)
	}
	if err := x.SetSheetName("Sheet1", name); err != nil {
		return fail(err)
	}
	sw, err := x.NewStreamWriter(name)
	if err != nil {
		return fail(err)
	}
	head, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return fail(err)
	}
	dateFmt := "dd/mm/yyyy"
	date, err := x.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return fail(err)
	}
	// Numbers such as CCCD and card numbers keep their leading zeros as text.
	text, err := x.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return fail(err)
	}
	for i, c := range cols {
		width := c.Width
		if width == 0 {
			width = float64(len([]rune(c.Title))) + 2
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return fail(err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fail(err)
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: head, Value: c.Title}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return fail(err)
	}
	return &xlsxWriter{w: w, x: x, sw: sw, cols: cols, date: date, text: text, row: 1, cells: make([]any, len(cols))}, nil
}

func (t *xlsxWriter) Row(vals ...any) error {
	t.row++
	t.cells = t.cells[:0]
	for i, v := range vals {
		kind := Text
		if i < len(t.cols) {
			kind = t.cols[i].Kind
		}
		switch v := v.(type) {
		case domain.Date:
			if v.IsZero() {
				t.cells = append(t.cells, nil)
			} else {
				t.cells = append(t.cells, excelize.Cell{StyleID: t.date, Value: v.Time()})
			}
		case bool:
			t.cells = append(t.cells, mark(v))
		case string:
			v = EscapeFormula(clip(v))
			if kind == Code {
				t.cells = append(t.cells, excelize.Cell{StyleID: t.text, Value: v})
			} else {
				t.cells = append(t.cells, v)
			}
		default:
			t.cells = append(t.cells, v)
		}
	}
	if err := t.sw.SetRow("A"+strconv.Itoa(t.row), t.cells); err != nil {
		return fmt.Errorf("ghi bảng tính: %w", err)
	}
	return nil
}

func (t *xlsxWriter) Close() error {
	defer t.x.Close()
	if err := t.sw.Flush(); err != nil {
		return fmt.Errorf("ghi bảng tính: %w", err)
	}
	if err := t.x.Write(t.w); err != nil {
		return fmt.Errorf("ghi tệp Excel: %w", err)
	}
	return nil
}

// maxCell is the most characters an Excel cell holds.
const maxCell = 32767

// clip keeps text within a cell; the register's own limits are shorter,
// so only a foreign value can be cut, and it is cut visibly.
func clip(s string) string {
	if len(s) <= maxCell {
		return s
	}
	r := []rune(s)
	if len(r) <= maxCell {
		return s
	}
	return string(r[:maxCell-1]) + "…"
}

func mark(b bool) string {
	if b {
		return "x"
	}
	return ""
}

type csvWriter struct {
	w   *csv.Writer
	rec []string
}

// newCSVWriter writes UTF-8 with a byte-order mark, so that Excel on
// Windows reads the accents, comma-separated, dates as dd/mm/yyyy.
func newCSVWriter(w io.Writer, cols []Column) (*csvWriter, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, fmt.Errorf("ghi CSV: %w", err)
	}
	t := &csvWriter{w: csv.NewWriter(w)}
	for _, c := range cols {
		t.rec = append(t.rec, EscapeFormula(c.Title))
	}
	if err := t.w.Write(t.rec); err != nil {
		return nil, fmt.Errorf("ghi CSV: %w", err)
	}
	return t, nil
}

func (t *csvWriter) Row(vals ...any) error {
	t.rec = t.rec[:0]
	for _, v := range vals {
		var s string
		switch v := v.(type) {
		case nil:
		case string:
			s = EscapeFormula(v)
		case bool:
			s = mark(v)
		case domain.Date:
			s = v.String()
		case int:
			s = strconv.Itoa(v)
		case int64:
			s = strconv.FormatInt(v, 10)
		case float64:
			s = strconv.FormatFloat(v, 'f', -1, 64)
		default:
			s = EscapeFormula(fmt.Sprint(v))
		}
		t.rec = append(t.rec, s)
	}
	if err := t.w.Write(t.rec); err != nil {
		return fmt.Errorf("ghi CSV: %w", err)
	}
	return nil
}

func (t *csvWriter) Close() error {
	t.w.Flush()
	if err := t.w.Error(); err != nil {
		return fmt.Errorf("ghi CSV: %w", err)
	}
	return nil
}
