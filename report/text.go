package report

// Body text: headings and justified paragraphs.

// paragraph writes a justified body paragraph with a first-line indent,
// preceded by the paragraph spacing. Its last line is left-aligned, as in
// a word processor.
func (d *doc) paragraph(s string) { d.para(nfc(s), "", d.set.BodySize, d.set.FirstLineIndent, "J") }

// para writes s in the given style, size, first-line indent (mm) and
// alignment ("J", "L", "C"), breaking pages line by line.
func (d *doc) para(s, style string, size, indent float64, align string) {
	d.endTable()
	d.font(style, size)
	lh := d.lh(size)
	d.space(d.set.ParagraphSpacing * ptMM)
	d.lines = d.wrap(d.lines, s, d.w, indent)
	n := len(d.lines)
	for i, line := range d.lines {
		if !d.room(lh) {
			d.pdf.AddPage()
		}
		x, w := d.left, d.w
		if i == 0 {
			x, w = x+indent, w-indent
		}
		a := align
		if a == "J" && (i == n-1 || line == "" || i+1 < n && d.lines[i+1] == "") {
			// The last line of a paragraph (or before a hard break) is
			// not stretched.
			a = "L"
		}
		d.pdf.SetXY(x, d.pdf.GetY())
		d.pdf.CellFormat(w, lh, line, "", 2, a, false, 0, "")
	}
}

// heading writes a numbered heading ("I/. TÌNH HÌNH CHUNG") in bold; it
// starts a new page rather than stay alone at the bottom of one.
func (d *doc) heading(s string) {
	d.ensure(d.lh(d.set.BodySize)*3 + d.set.ParagraphSpacing*ptMM)
	d.para(nfc(s), "B", d.set.BodySize, 0, "L")
}

// subheading is a heading of the second level ("1/. …"), bold, indented
// like a paragraph.
func (d *doc) subheading(s string) {
	d.ensure(d.lh(d.set.BodySize)*3 + d.set.ParagraphSpacing*ptMM)
	d.para(nfc(s), "B", d.set.BodySize, d.set.FirstLineIndent, "J")
}

// centred writes s centred on the text width in the given style and size.
func (d *doc) centred(s, style string, size float64) {
	d.endTable()
	s = nfc(s)
	d.font(style, size)
	lh := d.lh(size)
	d.lines = d.wrap(d.lines, s, d.w, 0)
	for _, line := range d.lines {
		if !d.room(lh) {
			d.pdf.AddPage()
		}
		d.pdf.SetX(d.left)
		d.pdf.CellFormat(d.w, lh, line, "", 2, "C", false, 0, "")
	}
}

// tableStart is the room (mm) a table needs to begin on a page: a header
// of up to three lines and its first row.
const tableStart = 30

// caption writes the sentence that introduces a table, moving to a new
// page with the table when they do not both begin here: a caption never
// ends a page whose table starts on the next.
func (d *doc) caption(s string) {
	d.ensure(d.lh(d.set.BodySize)*2 + d.set.ParagraphSpacing*ptMM + tableStart)
	d.paragraph(s)
}

// tableHeading is heading for a heading a table follows at once.
func (d *doc) tableHeading(s string) {
	d.ensure(d.lh(d.set.BodySize)*2 + d.set.ParagraphSpacing*ptMM + tableStart)
	d.heading(s)
}
