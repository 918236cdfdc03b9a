package report

import (
	"strconv"
	"strings"
)

// Column is one column of a table.
type Column struct {
	Title string
	// Width is the column's share of the table width: widths are scaled
	// together so that the table fills the text width.
	Width float64
	// Align is "L", "C" or "R" for the body cells (headers are centred).
	Align string
	// Group, when set, is printed in a header cell spanning the
	// neighbouring columns of the same group, their titles below it (the
	// Nam / Nữ columns under Ngày sinh).
	Group string
}

// table writes a bordered table row by row, straight into the PDF: rows
// are never collected, each cell is wrapped into a reused buffer, and the
// header is drawn again at the top of every page the table runs onto.
type table struct {
	d      *doc
	cols   []Column
	widths []float64 // mm
	size   float64   // font size of the body (pt)
	lh     float64
	pad    float64
	lines  [][]string // wrapped lines of each cell of the current row
	// fit is the font size of each cell of the current row: smaller than
	// size for a single word (a number, a date) too wide for its column,
	// which is shrunk rather than cut.
	fit []float64
	// Heights of the header's group level and column level.
	h1, h2 float64
	seen   seenRunes
	// The rows drawn since the header or the last spanning row form a
	// block whose column rules are drawn once, from blockTop to
	// blockBottom, when the block ends: a row itself draws only its bottom
	// rule, which keeps a long list's pages small.
	blockTop, blockBottom float64
	// Page the header was last drawn on: a row that starts on a later page
	// draws it again.
	headerPage int
	// reserve is room that must fit below the next row on its page (the
	// last rows of a list keep the total and the signature with them).
	reserve float64
}

// newTable scales the columns to the text width and draws the header.
func (d *doc) newTable(cols []Column, size float64) *table {
	t := &table{d: d, cols: cols, size: size, lh: d.lh(size) * 0.92, pad: d.set.CellPadding, seen: seenRunes{}}
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	t.widths = make([]float64, len(cols))
	for i, c := range cols {
		t.widths[i] = c.Width / total * d.w
	}
	t.lines = make([][]string, len(cols))
	for i := range t.lines {
		t.lines[i] = make([]string, 0, 4)
	}
	t.fit = make([]float64, len(cols))
	d.endTable()
	t.measureHeader()
	t.headerPage = -1
	d.space(1)
	return t
}

// measureHeader computes the heights of the header levels.
func (t *table) measureHeader() {
	d := t.d
	d.font("B", t.size)
	// Height of the group level and of the column level.
	groupLines, colLines, soloLines := 0, 0, 0
	for i, c := range t.cols {
		w := t.widths[i] - 2*t.pad
		n := t.headerLines(nfc(c.Title), w)
		if c.Group == "" {
			soloLines = max(soloLines, n)
			continue
		}
		colLines = max(colLines, n)
		if i == 0 || t.cols[i-1].Group != c.Group {
			gw := 0.0
			for j := i; j < len(t.cols) && t.cols[j].Group == c.Group; j++ {
				gw += t.widths[j]
			}
			groupLines = max(groupLines, t.headerLines(nfc(c.Group), gw-2*t.pad))
		}
	}
	vpad := t.pad * 1.5
	h1 := float64(groupLines)*t.lh + vpad
	h2 := float64(colLines)*t.lh + vpad
	if groupLines == 0 {
		h1, h2 = 0, float64(soloLines)*t.lh+vpad
	}
	if tot := float64(soloLines)*t.lh + vpad; tot > h1+h2 {
		h2 = tot - h1
	}
	t.h1, t.h2 = h1, h2
}

// headerLines is how many lines a header title takes in width w.
func (t *table) headerLines(s string, w float64) int {
	if size := t.fitWord(s, w, t.size); size < t.size {
		t.d.font("B", size)
		defer t.d.font("B", t.size)
	}
	return len(t.d.wrap(t.d.lines, s, w, 0))
}

// header draws the header row(s) at the current position.
func (t *table) header() {
	d := t.d
	p := d.pdf
	d.font("B", t.size)
	h1, h2 := t.h1, t.h2
	y := p.GetY()
	x := d.left
	for i, c := range t.cols {
		w := t.widths[i]
		if c.Group == "" {
			t.cell(x, y, w, h1+h2, nfc(c.Title), "C", true)
		} else {
			if i == 0 || t.cols[i-1].Group != c.Group {
				gw := 0.0
				for j := i; j < len(t.cols) && t.cols[j].Group == c.Group; j++ {
					gw += t.widths[j]
				}
				t.cell(x, y, gw, h1, nfc(c.Group), "C", true)
			}
			t.cell(x, y+h1, w, h2, nfc(c.Title), "C", true)
		}
		x += w
	}
	p.SetXY(d.left, y+h1+h2)
	t.headerPage = p.PageNo()
	t.blockTop, t.blockBottom = y+h1+h2, y+h1+h2
}

// cell draws a bordered header cell with s wrapped and centred.
func (t *table) cell(x, y, w, h float64, s, align string, _ bool) {
	d := t.d
	d.pdf.Rect(x, y, w, h, "D")
	size := t.fitWord(s, w-2*t.pad, t.size)
	d.font("B", size)
	d.lines = d.wrap(d.lines, s, w-2*t.pad, 0)
	t.text(x, y, w, h, d.lines, align)
	d.font("B", t.size)
}

// fitWord returns the font size at which every word of s fits in w:
// numbers, dates, codes and symbols such as 77/2019/NĐ-CP must not be
// cut, so a cell whose longest word is too wide is shrunk instead (down
// to 70%, below which cutting is the lesser evil). A link, or a word that
// is none of these and too long even at 70% (breakable), is broken
// across lines by wrap instead: shrinking a whole cell for it leaves
// unreadable print. The current font's style is used.
func (t *table) fitWord(s string, w, size float64) float64 {
	if s == "" {
		return size
	}
	widest := 0.0
	for rest := s; rest != ""; {
		i := strings.IndexAny(rest, " \n")
		word := rest
		if i >= 0 {
			word, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if word != "" {
			// A link breaks at once; another breakable word only when
			// it would not fit even at 70% (a short heading such as
			// STT in a narrow column is still shrunk, not cut).
			switch ww := t.d.width(word); {
			case ww <= w:
				widest = max(widest, ww)
			case isLink(word), breakable(word) && ww*0.7 > w:
			default:
				widest = max(widest, ww)
			}
		}
	}
	if widest <= w {
		return size
	}
	return max(size*w/widest*0.98, size*0.7)
}

// text writes wrapped lines in a cell, centred vertically.
func (t *table) text(x, y, w, h float64, lines []string, align string) {
	p := t.d.pdf
	ty := y + (h-float64(len(lines))*t.lh)/2
	for _, line := range lines {
		p.SetXY(x+t.pad, ty)
		p.CellFormat(w-2*t.pad, t.lh, line, "", 0, align, false, 0, "")
		ty += t.lh
	}
}

// row writes one body row in the given style ("" or "B"): each cell is
// wrapped, the row is as high as its tallest cell, and it moves whole to
// the next page (with the header again) when it does not fit.
// cells must already be NFC; callers use nfc on user text.
func (t *table) row(style string, cells ...string) {
	d := t.d
	d.font(style, t.size)
	n := 1
	for i := range t.cols {
		s := ""
		if i < len(cells) {
			s = cells[i]
		}
		w := t.widths[i] - 2*t.pad
		t.fit[i] = t.size
		t.lines[i] = d.wrap(t.lines[i], s, w, 0)
		if len(t.lines[i]) > 1 {
			// Only a cell that wrapped can hold a word too wide for it.
			if t.fit[i] = t.fitWord(s, w, t.size); t.fit[i] < t.size {
				d.font(style, t.fit[i])
				t.lines[i] = d.wrap(t.lines[i], s, w, 0)
				d.font(style, t.size)
			}
		}
		n = max(n, len(t.lines[i]))
	}
	h := float64(n)*t.lh + 2*t.pad
	t.breakFor(h)
	d.font(style, t.size)
	y := d.pdf.GetY()
	x := d.left
	d.raw = t.borders(d.raw[:0], y, h)
	for i, c := range t.cols {
		align := c.Align
		if align == "" {
			align = "L"
		}
		if t.fit[i] < t.size {
			// A shrunk cell changes the font: the buffered operators
			// must reach the page before the font operator does.
			t.flush()
			d.font(style, t.fit[i])
			t.text(x, y, t.widths[i], h, t.lines[i], align)
			d.font(style, t.size)
		} else {
			t.rawText(style, x, y, t.widths[i], h, t.lines[i], align)
		}
		x += t.widths[i]
	}
	t.flush()
	d.pdf.SetXY(d.left, y+h)
	t.blockBottom = y + h
	d.open = t
}

// closeBlock draws the column rules of the rows of the current block.
func (t *table) closeBlock() {
	if t.blockBottom <= t.blockTop {
		return
	}
	d := t.d
	_, ph := d.pdf.GetPageSize()
	k := 72 / 25.4
	top, bot := (ph-t.blockTop)*k, (ph-t.blockBottom)*k
	b := d.raw[:0]
	x := d.left
	b = appendLine(b, x*k, top, x*k, bot)
	for _, w := range t.widths {
		x += w
		b = appendLine(b, x*k, top, x*k, bot)
	}
	b = append(b, "S\n"...)
	d.raw = b
	t.flush()
	t.blockTop = t.blockBottom
}

// endTable closes the block of the table being written, if any: every
// writer of other content calls it first.
func (d *doc) endTable() {
	if d.open != nil {
		d.open.closeBlock()
		d.open = nil
	}
}

// flush writes the buffered operators of the row to the page.
func (t *table) flush() {
	if len(t.d.raw) > 0 {
		t.d.pdf.RawWriteStr(string(t.d.raw))
		t.d.raw = t.d.raw[:0]
	}
}

// rawText is text for body cells: lines whose runes the face has drawn
// before are appended to the row's buffer, others go through CellFormat.
func (t *table) rawText(style string, x, y, w, h float64, lines []string, align string) {
	d := t.d
	ty := y + (h-float64(len(lines))*t.lh)/2
	for _, line := range lines {
		if line == "" {
			ty += t.lh
			continue
		}
		// What is drawn directly must be what fpdf would draw.
		line = printable(line)
		if !t.seen.all(style, line) {
			t.flush()
			d.pdf.SetXY(x+t.pad, ty)
			d.pdf.CellFormat(w-2*t.pad, t.lh, line, "", 0, align, false, 0, "")
			t.seen.add(style, line)
			ty += t.lh
			continue
		}
		lx := x + t.pad
		switch align {
		case "C":
			lx = x + t.pad + (w-2*t.pad-d.width(line))/2
		case "R":
			lx = x + w - t.pad - d.width(line)
		}
		d.raw = d.appendText(d.raw, lx, ty, t.lh, line)
		ty += t.lh
	}
}

// borders draws the row's cell borders as one path written straight to
// the page: the left edge, each column's right edge and the bottom; the
// top is the bottom of the row or header above. Going through fpdf's Rect
// would format and allocate four numbers per cell.
func (t *table) borders(b []byte, y, h float64) []byte {
	d := t.d
	_, ph := d.pdf.GetPageSize()
	k := 72 / 25.4
	bot := (ph - y - h) * k
	b = appendLine(b, d.left*k, bot, (d.left+d.w)*k, bot)
	return append(b, "S\n"...)
}

// appendLine appends a path segment from (x1, y1) to (x2, y2), in points.
func appendLine(b []byte, x1, y1, x2, y2 float64) []byte {
	b = strconv.AppendFloat(b, x1, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, y1, 'f', 2, 64)
	b = append(b, " m "...)
	b = strconv.AppendFloat(b, x2, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, y2, 'f', 2, 64)
	return append(b, " l "...)
}

// span writes a row whose single cell spans every column: a group title
// such as a branch name in a member list.
func (t *table) span(style, s string) {
	d := t.d
	d.font(style, t.size)
	d.lines = d.wrap(d.lines, s, d.w-2*t.pad, 0)
	h := float64(max(1, len(d.lines)))*t.lh + 2*t.pad
	// A group title must not end a page: keep room for one row after it.
	t.breakFor(h + t.lh + 2*t.pad)
	t.closeBlock()
	d.font(style, t.size)
	y := d.pdf.GetY()
	d.lines = d.wrap(d.lines, s, d.w-2*t.pad, 0)
	d.pdf.Rect(d.left, y, d.w, h, "D")
	t.text(d.left, y, d.w, h, d.lines, "L")
	d.pdf.SetXY(d.left, y+h)
	t.blockTop, t.blockBottom = y+h, y+h
	d.open = t
}

// breakFor makes room for h mm of rows: on a page where the header is not
// drawn yet (the table's first, or a new one) the header comes first, and
// both move to a new page together when they do not fit.
func (t *table) breakFor(h float64) {
	d := t.d
	need := h + t.reserve
	if d.pdf.PageNo() != t.headerPage {
		need += t.h1 + t.h2
	}
	if !d.room(need) {
		t.closeBlock()
		d.pdf.AddPage()
	}
	if d.pdf.PageNo() != t.headerPage {
		t.header()
	}
}

// listClosing is the room a list's closing needs below its last row: the
// total's line and the recipients and signature.
func (d *doc) listClosing(m *Meta) float64 {
	return d.lh(d.set.BodySize) + d.set.ParagraphSpacing*ptMM + 4 + d.closingHeight(m, true)
}

// keepTail keeps a list's last two rows with its closing: call it before
// each row with the rows left after that one (a signature never stands
// alone on a page, nor with the total only).
func (t *table) keepTail(left int, closing float64) {
	switch left {
	case 1:
		t.reserve = closing + t.lh + 2*t.pad
	case 0:
		t.reserve = closing
	}
}
