package sheet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
)

// A reader of Excel 97–2003 workbooks (BIFF8): the values of the cells of
// one worksheet, as excelize gives an .xlsx's raw values (numbers and date
// serials as numbers, strings as text). No maintained pure-Go reader
// decodes every string form correctly (the one tried loses the strings
// that cross a CONTINUE record), so this one reads the few records a
// member list needs, and follows [MS-XLS] for strings: 8-bit compressed
// and UTF-16 characters, rich-text runs and phonetic blocks skipped, and a
// string's characters split over CONTINUE records, each part with its
// own compression flag.

// BIFF8 record types read.
const (
	recBOF        = 0x0809
	recEOF        = 0x000A
	recBoundSheet = 0x0085
	recSST        = 0x00FC
	recContinue   = 0x003C
	recLabelSST   = 0x00FD
	recLabel      = 0x0204
	recNumber     = 0x0203
	recRK         = 0x027E
	recMulRK      = 0x00BD
	recFormula    = 0x0006
	recString     = 0x0207
	recBoolErr    = 0x0205
	recFilePass   = 0x002F
)

// maxXLSRows bounds the rows read (Excel 97–2003 has 65,536).
const maxXLSRows = 65536

type biffRecord struct {
	id   uint16
	data []byte
	// cont holds the CONTINUE records that follow it.
	cont [][]byte
}

// xlsBook is a workbook's globals and its stream.
type xlsBook struct {
	stream []byte
	sst    []string
	sheets []xlsSheet
}

type xlsSheet struct {
	name   string
	offset int
}

var errXLSFormat = errors.New("không phải tệp Excel 97–2003 đọc được")

// openXLS reads the workbook stream of an .xls file and its globals.
func openXLS(path string) (*xlsBook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("mở tệp %s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("mở tệp %s: %w", filepath.Base(path), err)
	}
	doc, err := mscfb.New(f)
	if err != nil {
		return nil, fmt.Errorf("tệp %s: %w: %v", filepath.Base(path), errXLSFormat, err)
	}
	var stream []byte
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		if entry.Name == "Workbook" || entry.Name == "Book" {
			// A stream is never larger than its file: a damaged size must
			// not make the reader allocate or loop through it.
			if entry.Size < 0 || entry.Size > fi.Size() {
				return nil, fmt.Errorf("tệp %s: %w (kích thước hỏng)", filepath.Base(path), errXLSFormat)
			}
			stream = make([]byte, entry.Size)
			if _, err := io.ReadFull(entry, stream); err != nil {
				return nil, fmt.Errorf("đọc tệp %s: %w", filepath.Base(path), err)
			}
			break
		}
	}
	if stream == nil {
		return nil, fmt.Errorf("tệp %s: %w (không có bảng tính)", filepath.Base(path), errXLSFormat)
	}
	b := &xlsBook{stream: stream}
	if err := b.readGlobals(); err != nil {
		return nil, fmt.Errorf("tệp %s: %w", filepath.Base(path), err)
	}
	return b, nil
}

// records calls fn for each record from off, with its CONTINUE records,
// until fn returns false or the stream ends.
func (b *xlsBook) records(off int, fn func(r biffRecord) bool) error {
	s := b.stream
	var pending *biffRecord
	for off+4 <= len(s) {
		id := binary.LittleEndian.Uint16(s[off:])
		size := int(binary.LittleEndian.Uint16(s[off+2:]))
		off += 4
		if off+size > len(s) {
			return fmt.Errorf("%w: bản ghi bị cắt", errXLSFormat)
		}
		data := s[off : off+size]
		off += size
		if id == recContinue && pending != nil {
			pending.cont = append(pending.cont, data)
			continue
		}
		if pending != nil && !fn(*pending) {
			return nil
		}
		pending = &biffRecord{id: id, data: data}
	}
	if pending != nil {
		fn(*pending)
	}
	return nil
}

func (b *xlsBook) readGlobals() error {
	first := true
	var err error
	walkErr := b.records(0, func(r biffRecord) bool {
		if first {
			first = false
			if r.id != recBOF || len(r.data) < 4 || binary.LittleEndian.Uint16(r.data) != 0x0600 {
				err = fmt.Errorf("%w: chỉ đọc được dạng BIFF8 (Excel 97 trở về sau)", errXLSFormat)
				return false
			}
			return true
		}
		switch r.id {
		case recFilePass:
			err = errors.New("tệp có mật khẩu: hãy bỏ mật khẩu rồi lưu lại")
			return false
		case recBoundSheet:
			// Worksheets only (type 0), visible ones.
			if len(r.data) < 8 || r.data[5] != 0 || r.data[4]&3 != 0 {
				return true
			}
			name, _, e := xlsString(r.data[6:], nil, true)
			if e != nil {
				err = e
				return false
			}
			b.sheets = append(b.sheets, xlsSheet{name: name, offset: int(binary.LittleEndian.Uint32(r.data))})
		case recSST:
			b.sst, err = readSST(r)
			if err != nil {
				return false
			}
		case recEOF:
			return false
		}
		return true
	})
	if walkErr != nil {
		return walkErr
	}
	return err
}

// segReader reads bytes across a record and its CONTINUE records.
type segReader struct {
	segs [][]byte
	i    int // current segment
	off  int // offset in it
	// atStart is true when the last move crossed into a new segment.
	atStart bool
}

func (r *segReader) ensure() bool {
	r.atStart = false
	for r.i < len(r.segs) && r.off >= len(r.segs[r.i]) {
		r.i++
		r.off = 0
		r.atStart = true
	}
	return r.i < len(r.segs)
}

func (r *segReader) bytes(n int) ([]byte, error) {
	out := make([]byte, 0, n)
	for len(out) < n {
		if !r.ensure() {
			return nil, fmt.Errorf("%w: chuỗi bị cắt", errXLSFormat)
		}
		take := min(n-len(out), len(r.segs[r.i])-r.off)
		out = append(out, r.segs[r.i][r.off:r.off+take]...)
		r.off += take
	}
	return out, nil
}

func (r *segReader) u8() (byte, error) {
	b, err := r.bytes(1)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

func (r *segReader) u16() (int, error) {
	b, err := r.bytes(2)
	if err != nil {
		return 0, err
	}
	return int(binary.LittleEndian.Uint16(b)), nil
}

func (r *segReader) u32() (int, error) {
	b, err := r.bytes(4)
	if err != nil {
		return 0, err
	}
	return int(binary.LittleEndian.Uint32(b)), nil
}

// unicodeString reads an XLUnicodeRichExtendedString: cch, flags, the
// runs' and phonetic block's sizes, the characters (their compression
// flag repeated at the start of each CONTINUE they cross into), then the
// runs and the block, skipped.
func (r *segReader) unicodeString() (string, error) {
	cch, err := r.u16()
	if err != nil {
		return "", err
	}
	flags, err := r.u8()
	if err != nil {
		return "", err
	}
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		if runs, err = r.u16(); err != nil {
			return "", err
		}
	}
	if flags&0x04 != 0 {
		if ext, err = r.u32(); err != nil {
			return "", err
		}
	}
	wide := flags&0x01 != 0
	units := make([]uint16, 0, cch)
	for len(units) < cch {
		if !r.ensure() {
			return "", fmt.Errorf("%w: chuỗi bị cắt", errXLSFormat)
		}
		if r.atStart && len(units) > 0 {
			// A new CONTINUE: its first byte is the flag of the rest.
			f := r.segs[r.i][r.off]
			r.off++
			wide = f&0x01 != 0
			continue
		}
		seg := r.segs[r.i][r.off:]
		if wide {
			n := min(cch-len(units), len(seg)/2)
			if n == 0 {
				return "", fmt.Errorf("%w: chuỗi lệch", errXLSFormat)
			}
			for k := 0; k < n; k++ {
				units = append(units, binary.LittleEndian.Uint16(seg[2*k:]))
			}
			r.off += 2 * n
		} else {
			n := min(cch-len(units), len(seg))
			for k := 0; k < n; k++ {
				units = append(units, uint16(seg[k]))
			}
			r.off += n
		}
		r.atStart = false
	}
	if _, err := r.bytes(4*runs + ext); err != nil {
		return "", err
	}
	return string(utf16.Decode(units)), nil
}

func readSST(r biffRecord) ([]string, error) {
	if len(r.data) < 8 {
		return nil, fmt.Errorf("%w: bảng chuỗi hỏng", errXLSFormat)
	}
	unique := int(binary.LittleEndian.Uint32(r.data[4:]))
	sr := &segReader{segs: append([][]byte{r.data[8:]}, r.cont...)}
	// The count comes from the file: a damaged one must not allocate.
	out := make([]string, 0, min(unique, 4096))
	for len(out) < unique {
		s, err := sr.unicodeString()
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// xlsString reads a ShortXLUnicodeString (short: an 8-bit length, as a
// sheet's name) or an XLUnicodeString (16-bit length) and returns it with
// the bytes it took.
func xlsString(b []byte, cont [][]byte, short bool) (string, int, error) {
	if short {
		if len(b) < 2 {
			return "", 0, fmt.Errorf("%w: tên hỏng", errXLSFormat)
		}
		cch, wide := int(b[0]), b[1]&1 != 0
		if wide {
			if len(b) < 2+2*cch {
				return "", 0, fmt.Errorf("%w: tên hỏng", errXLSFormat)
			}
			u := make([]uint16, cch)
			for i := range u {
				u[i] = binary.LittleEndian.Uint16(b[2+2*i:])
			}
			return string(utf16.Decode(u)), 2 + 2*cch, nil
		}
		if len(b) < 2+cch {
			return "", 0, fmt.Errorf("%w: tên hỏng", errXLSFormat)
		}
		u := make([]uint16, cch)
		for i := range u {
			u[i] = uint16(b[2+i])
		}
		return string(utf16.Decode(u)), 2 + cch, nil
	}
	// XLUnicodeString: cch (2), flags (1), characters; it may continue.
	// Only the flags' low bit is defined: the rest are cleared so that it
	// reads as a rich string without runs.
	if len(b) < 3 {
		return "", 0, fmt.Errorf("%w: chuỗi hỏng", errXLSFormat)
	}
	first := append([]byte(nil), b...)
	first[2] &= 0x01
	sr := &segReader{segs: append([][]byte{first}, cont...)}
	s, err := sr.unicodeString()
	return s, 0, err
}

// rkValue decodes an RK number.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&2 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&1 != 0 {
		v /= 100
	}
	return v
}

func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// eachXLS calls fn for each row of the worksheet named sheet.
func eachXLS(path, sheet string, fn rowFunc) error {
	b, err := openXLS(path)
	if err != nil {
		return err
	}
	off := -1
	for _, s := range b.sheets {
		if s.name == sheet {
			off = s.offset
		}
	}
	if off < 0 || off >= len(b.stream) {
		return fmt.Errorf("tệp %s: không có trang %q", filepath.Base(path), sheet)
	}
	var rows [][]string
	set := func(row, col int, v string) {
		if row >= maxXLSRows || col > 255 {
			return
		}
		for len(rows) <= row {
			rows = append(rows, nil)
		}
		for len(rows[row]) <= col {
			rows[row] = append(rows[row], "")
		}
		rows[row][col] = v
	}
	var werr error
	// A formula's string result comes in the STRING record after it.
	formulaRow, formulaCol := -1, -1
	first := true
	err = b.records(off, func(r biffRecord) bool {
		d := r.data
		if first {
			first = false
			return r.id == recBOF
		}
		if len(d) < 6 && r.id != recEOF && r.id != recString {
			return true
		}
		var row, col int
		if len(d) >= 4 {
			row, col = int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:]))
		}
		switch r.id {
		case recEOF:
			return false
		case recLabelSST:
			if len(d) >= 10 {
				if i := int(binary.LittleEndian.Uint32(d[6:])); i < len(b.sst) {
					set(row, col, b.sst[i])
				}
			}
		case recLabel:
			s, _, err := xlsString(d[6:], r.cont, false)
			if err != nil {
				werr = err
				return false
			}
			set(row, col, s)
		case recNumber:
			if len(d) >= 14 {
				set(row, col, number(math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))))
			}
		case recRK:
			if len(d) >= 10 {
				set(row, col, number(rkValue(binary.LittleEndian.Uint32(d[6:]))))
			}
		case recMulRK:
			for k := 0; 4+6*k+6 <= len(d)-2; k++ {
				set(row, col+k, number(rkValue(binary.LittleEndian.Uint32(d[4+6*k+2:]))))
			}
		case recBoolErr:
			if len(d) >= 8 && d[7] == 0 {
				set(row, col, strconv.Itoa(int(d[6])))
			}
		case recFormula:
			if len(d) < 14 {
				return true
			}
			res := d[6:14]
			if res[6] == 0xFF && res[7] == 0xFF {
				switch res[0] {
				case 0: // a string, in the next STRING record
					formulaRow, formulaCol = row, col
				case 1:
					set(row, col, strconv.Itoa(int(res[2])))
				}
				return true
			}
			set(row, col, number(math.Float64frombits(binary.LittleEndian.Uint64(res))))
		case recString:
			if formulaRow >= 0 {
				s, _, err := xlsString(d, r.cont, false)
				if err != nil {
					werr = err
					return false
				}
				set(formulaRow, formulaCol, s)
				formulaRow = -1
			}
		}
		return true
	})
	if err != nil {
		return fmt.Errorf("tệp %s: %w", filepath.Base(path), err)
	}
	if werr != nil {
		return fmt.Errorf("tệp %s: %w", filepath.Base(path), werr)
	}
	for i, r := range rows {
		if err := fn(i+1, r); err != nil {
			return err
		}
	}
	return nil
}

// xlsSheets lists the visible worksheets of an .xls file.
func xlsSheets(path string) ([]string, error) {
	b, err := openXLS(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, s := range b.sheets {
		out = append(out, s.name)
	}
	return out, nil
}
