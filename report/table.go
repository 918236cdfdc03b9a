package report

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
	// Page the header was last drawn on: a row that starts on a later page
	// draws it again.
	headerPage int
}

// newTable scales the columns to the text width and draws the header.
func (d *doc) newTable(cols []Column, size float64) *table {
	t := &table{d: d, cols: cols, size: size, lh: d.lh(size) * 0.92, pad: d.set.CellPadding}
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
	d.space(1)
	t.header(true)
	return t
}

// header draws the header row(s) at the current position; first says the
// table has just begun, where it must keep a first body row with it.
func (t *table) header(first bool) {
	d := t.d
	p := d.pdf
	d.font("B", t.size)
	// Height of the group level and of the column level.
	groupLines, colLines, soloLines := 0, 0, 0
	for i, c := range t.cols {
		w := t.widths[i] - 2*t.pad
		n := len(d.wrap(d.lines, nfc(c.Title), w, 0))
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
			groupLines = max(groupLines, len(d.wrap(d.lines, nfc(c.Group), gw-2*t.pad, 0)))
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
	need := h1 + h2
	if first {
		need += t.lh + 2*t.pad
	}
	d.ensure(need)
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
}

// cell draws a bordered cell with s wrapped and centred vertically.
func (t *table) cell(x, y, w, h float64, s, align string, wrapNow bool) {
	d := t.d
	d.pdf.Rect(x, y, w, h, "D")
	if wrapNow {
		d.lines = d.wrap(d.lines, s, w-2*t.pad, 0)
	}
	t.text(x, y, w, h, d.lines, align)
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
		t.lines[i] = d.wrap(t.lines[i], s, t.widths[i]-2*t.pad, 0)
		n = max(n, len(t.lines[i]))
	}
	h := float64(n)*t.lh + 2*t.pad
	t.breakFor(h)
	d.font(style, t.size)
	y := d.pdf.GetY()
	x := d.left
	for i, c := range t.cols {
		d.pdf.Rect(x, y, t.widths[i], h, "D")
		align := c.Align
		if align == "" {
			align = "L"
		}
		t.text(x, y, t.widths[i], h, t.lines[i], align)
		x += t.widths[i]
	}
	d.pdf.SetXY(d.left, y+h)
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
	d.font(style, t.size)
	y := d.pdf.GetY()
	d.lines = d.wrap(d.lines, s, d.w-2*t.pad, 0)
	d.pdf.Rect(d.left, y, d.w, h, "D")
	t.text(d.left, y, d.w, h, d.lines, "L")
	d.pdf.SetXY(d.left, y+h)
}

// breakFor starts a new page with the header when h mm do not fit.
func (t *table) breakFor(h float64) {
	if !t.d.room(h) {
		t.d.pdf.AddPage()
	}
	if t.d.pdf.PageNo() != t.headerPage {
		t.header(false)
	}
}
