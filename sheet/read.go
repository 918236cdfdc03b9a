package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
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
}

// sniff tells the format from the file's first bytes (an .xlsx renamed
// .xls is still read), falling back on the extension.
func sniff(path string) (Format, error) {
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
		err = eachXLSX(src.path, src.sheet, fn)
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
// use both processors.
func (src *source) pipe(ctx context.Context, fn func(n int, cells []string)) error {
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
	for batch := range ch {
		for _, r := range batch {
			fn(r.n, r.cells)
		}
	}
	close(stop)
	return <-errc
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

func eachXLSX(path, sheet string, fn rowFunc) error {
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

// dimension reads the row count a workbook's sheet declares in its
// <dimension> element, from the first bytes of the sheet's XML, for the
// progress bar; 0 when it cannot tell.
var dimensionRe = regexp.MustCompile(`<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"`)

func dimension(path string, index int) int {
	z, err := zip.OpenReader(path)
	if err != nil {
		return 0
	}
	defer z.Close()
	want := fmt.Sprintf("xl/worksheets/sheet%d.xml", index+1)
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
