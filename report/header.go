package report

import (
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"
)

// Meta is what every document carries besides its content: the issuing
// unit, the number from the outgoing-document register, the date, the
// recipients and who signs.
type Meta struct {
	Unit domain.Unit
	// Number is the document's number in the register for its type and
	// year; 0 leaves a blank to fill by hand ("Số:    -BC/ĐTN").
	Number int
	Date   domain.Date // the issue date printed in the header; zero: today
	// Recipients are printed under "Nơi nhận:" one a line, as given, each
	// with "- " before and ";" after; "Lưu VP." always ends the list.
	Recipients []string
	// Board is the signing body ("TM. BAN CHẤP HÀNH" when empty, or
	// "TM. BAN THƯỜNG VỤ").
	Board string
	// Signer is who signs, found in the register's positions on the
	// document's date (store.SignerOn); with Signer.Deputy the block
	// reads KT. BÍ THƯ / PHÓ BÍ THƯ. An empty name leaves the line blank.
	Signer domain.Signer
	// Symbol replaces the number and symbol printed after "Số:" (a
	// plan prints its own number, "25-KH/ĐTN").
	Symbol string
	// Unsigned prints "(Đã ký)" in the signature space, for a copy sent
	// by e-mail; a document to be signed leaves the space empty.
	Unsigned bool
	// Settings overrides the layout; nil uses DefaultSettings.
	Settings *Settings
}

func (m *Meta) settings() Settings {
	if m.Settings != nil {
		return *m.Settings
	}
	return DefaultSettings()
}

// date is the document's date. Issuing dates every document from the
// register's clock; a zero date, left only by tests and benchmarks of the
// layout, is the wall clock's today.
func (m *Meta) date() domain.Date {
	if m.Date.IsZero() {
		return domain.Today()
	}
	return m.Date
}

// Symbol is the number and symbol of a document, "20-BC/ĐTN": the number,
// a hyphen, the type, a slash and the issuer code. A zero number leaves
// room to write it by hand.
func Symbol(number int, docType, issuer string) string {
	if issuer == "" {
		issuer = "ĐTN"
	}
	n := "      "
	if number > 0 {
		n = strconv.Itoa(number)
	}
	return nfc(n + "-" + docType + "/" + issuer)
}

// DateLine is the place and date of the header, "Phường 1, ngày 05 tháng 3
// năm 2026": days 1–9 and months 1–2 take a leading zero (Nghị định 30).
func DateLine(place string, d domain.Date) string {
	month := strconv.Itoa(d.Month())
	if d.Month() <= 2 {
		month = fmt.Sprintf("%02d", d.Month())
	}
	s := fmt.Sprintf("ngày %02d tháng %s năm %d", d.Day(), month, d.Year())
	if place = strings.TrimSpace(place); place != "" {
		s = place + ", " + s
	}
	return nfc(s)
}

// header writes the two columns at the top of the first page: on the left
// the upper body, the unit in bold, "***" and the number; on the right
// ĐOÀN TNCS HỒ CHÍ MINH bold and underlined, and on the line of the number
// the place and date in italics.
//
// The place and date keep their 13–14 pt (see dateLine): where the
// right column is too narrow for them, they take the room beside the
// number rather than shrink.
func (d *doc) header(m *Meta, docType string) {
	set := d.set
	hs := set.HeaderSize
	lh := d.lh(hs)
	symbol := m.Symbol
	if symbol == "" {
		symbol = Symbol(m.Number, docType, m.Unit.IssuerCode)
	}
	upper, unit, number := strings.ToUpper(nfc(m.Unit.UpperBody)), strings.ToUpper(nfc(m.Unit.Name)), "Số: "+nfc(symbol)
	date := DateLine(nfc(m.Unit.Place), m.date())

	leftW, rightW := d.headerColumns(upper, unit, number)
	lx := d.left
	rx := d.left + d.w - rightW
	y0 := d.pdf.GetY()

	y := y0
	y = d.colLines(lx, y, leftW, upper, "", hs)
	y = d.colLines(lx, y, leftW, unit, "B", hs)
	y = d.colLines(lx, y, leftW, "***", "", hs)
	numberY := y
	y = d.colLines(lx, y, leftW, number, "", set.NumberSize)

	d.colLines(rx, y0, rightW, "ĐOÀN TNCS HỒ CHÍ MINH", "BU", hs)
	end, _ := d.dateLine(date, rx, rightW, numberY+lh/2, lx+leftW/2+d.numberHalf(number))
	d.pdf.SetXY(d.left, max(y, end)+lh*0.5)
}

// numberHalf is half the width of the "Số: …" line, which sits centred
// in the left column on the date's line.
func (d *doc) numberHalf(number string) float64 {
	d.font("", d.set.NumberSize)
	return d.width(number) / 2
}

// dateLine writes the italic place and date on the line whose middle is
// at mid, centred under ĐOÀN TNCS HỒ CHÍ MINH (the column at rx, w wide)
// when it fits there; otherwise it may reach left into the room beside
// the number (which ends at numberEnd), keeping to the right margin. It
// keeps DateSize if it can, 13 pt at the least, and wraps only a place
// name too long for all that. It returns the y below it and the size.
func (d *doc) dateLine(date string, rx, w, mid, numberEnd float64) (float64, float64) {
	const gap = 3
	right := d.left + d.w
	room := right - (numberEnd + gap)
	size := d.set.DateSize
	d.font("I", size)
	for d.width(date) > room && size > dateMinSize {
		size = max(size-0.5, dateMinSize)
		d.font("I", size)
	}
	lh := d.lh(size)
	dw := d.width(date)
	if dw > room {
		return d.colLines(rx, mid-lh/2, w, date, "I", size), size
	}
	x := rx + (w-dw)/2 // centred under the column's heading
	x = min(x, right-dw)
	x = max(x, numberEnd+gap)
	d.pdf.SetXY(x, mid-lh/2)
	d.pdf.CellFormat(dw, lh, date, "", 0, "L", false, 0, "")
	return mid + lh/2, size
}

// dateMinSize is the least size of the place and date line (the layout
// reference asks 13–14 pt).
const dateMinSize = 13

// headerColumns sizes the two columns: the left one as wide as its
// longest line needs (at most half the page, so that its lines centre on
// themselves), the right one the standard half at the right margin.
func (d *doc) headerColumns(upper, unit, number string) (left, right float64) {
	need := 0.0
	for _, l := range []struct {
		s, style string
		size     float64
	}{{upper, "", d.set.HeaderSize}, {unit, "B", d.set.HeaderSize}, {number, "", d.set.NumberSize}} {
		d.font(l.style, l.size)
		need = max(need, d.width(l.s)+2)
	}
	half := min(d.w/2, 90.0)
	left = min(need, half)
	right = half
	if d.w/2 > 90 {
		// Landscape: both columns keep their standard width at the
		// margins, as on a printed list.
		left = half
	}
	return left, right
}

// colLines writes s centred in the column at x of width w from y, wrapped,
// and returns the y below it.
func (d *doc) colLines(x, y, w float64, s, style string, size float64) float64 {
	d.font(style, size)
	lh := d.lh(size)
	d.lines = d.wrap(d.lines, s, w, 0)
	for _, line := range d.lines {
		d.pdf.SetXY(x, y)
		d.pdf.CellFormat(w, lh, line, "", 0, "C", false, 0, "")
		y += lh
	}
	return y
}

// title writes the document type in bold capitals and the summary in bold
// below it, both centred, and a short rule under them.
func (d *doc) title(docType, summary string) {
	d.space(2)
	d.centred(strings.ToUpper(nfc(docType)), "B", d.set.TypeSize)
	if summary != "" {
		d.centred(summary, "B", d.set.SummarySize)
	}
	y := d.pdf.GetY() + 1.5
	mid := d.left + d.w/2
	d.pdf.Line(mid-15, y, mid+15, y)
	d.pdf.SetY(y + 3)
}

// closingHeight is the height of the recipients and signature blocks.
func (d *doc) closingHeight(m *Meta, dateLine bool) float64 {
	blh := d.lh(d.set.BodySize)
	right := blh*3 + d.set.SignatureSpace
	if m.Signer.Deputy {
		right += blh
	}
	if dateLine {
		right += blh
	}
	left := d.lh(d.set.RecipientsTitle) + d.lh(d.set.RecipientsSize)*float64(len(d.recipientLines(m))+1)
	return max(left, right)
}

// recipientWidth is the width of the recipients' column: the left half,
// less a gap before the signature's column.
func (d *doc) recipientWidth() float64 {
	if d.w > 200 {
		return d.w - 110 - 6
	}
	return d.w/2 - 4
}

// recipientLines are the recipient lines as printed, "- …;" each, a long
// one wrapped within the column (its continuation indented), so that it
// never runs into the signature.
func (d *doc) recipientLines(m *Meta) []string {
	d.font("", d.set.RecipientsSize)
	var out []string
	indent := d.width("- ")
	for _, r := range m.Recipients {
		r = strings.TrimRight(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(nfc(r)), "- ")), ";.")
		if r == "" {
			continue
		}
		for i, line := range d.wrap(nil, "- "+r+";", d.recipientWidth()-indent, -indent) {
			if i > 0 {
				line = "  " + line
			}
			out = append(out, line)
		}
	}
	return out
}

// lastParagraph writes the document's closing paragraph so that it stays
// on the page of the signature: a signature must never stand alone on a
// page, away from the text it signs.
func (d *doc) lastParagraph(m *Meta, dateLine bool, s, style string, indent float64, align string) {
	s = nfc(s)
	d.font(style, d.set.BodySize)
	d.lines = d.wrap(d.lines, s, d.w, indent)
	need := float64(len(d.lines))*d.lh(d.set.BodySize) + d.set.ParagraphSpacing*ptMM + 4 + d.closingHeight(m, dateLine)
	d.ensure(need)
	d.para(s, style, d.set.BodySize, indent, align)
}

// closing writes the recipients on the left and the signature on the
// right, level with each other, on one page. With dateLine the place and
// date are printed above the signature (lists put them there instead of
// in the header).
func (d *doc) closing(m *Meta, dateLine bool) {
	set := d.set
	colW := d.w / 2
	rx := d.left + d.w - colW
	if d.w > 200 {
		colW = 110
		rx = d.left + d.w - colW
	}
	bs := set.BodySize
	blh := d.lh(bs)

	board := m.Board
	if board == "" {
		board = "TM. BAN CHẤP HÀNH"
	}
	position, name := "BÍ THƯ", m.Signer.Name
	if m.Signer.Deputy {
		// The deputy signs on the secretary's behalf (ký thay).
		board += "\nKT. BÍ THƯ"
		position = "PHÓ BÍ THƯ"
	}
	rlh := d.lh(set.RecipientsSize)
	d.space(4)
	d.ensure(d.closingHeight(m, dateLine))
	y0 := d.pdf.GetY()

	// Recipients.
	d.font("BI", set.RecipientsTitle)
	d.pdf.SetXY(d.left, y0)
	d.pdf.CellFormat(colW, d.lh(set.RecipientsTitle), "Nơi nhận:", "", 2, "L", false, 0, "")
	for _, line := range d.recipientLines(m) {
		d.pdf.SetX(d.left)
		d.pdf.CellFormat(colW, rlh, line, "", 2, "L", false, 0, "")
	}
	d.font("", set.RecipientsSize)
	d.pdf.SetX(d.left)
	d.pdf.CellFormat(colW, rlh, "- Lưu VP.", "", 2, "L", false, 0, "")
	leftEnd := d.pdf.GetY()

	// Signature.
	y := y0
	if dateLine {
		date := DateLine(nfc(m.Unit.Place), m.date())
		d.font("I", set.DateSize)
		d.pdf.SetXY(rx, y)
		d.pdf.CellFormat(colW, blh, date, "", 0, "C", false, 0, "")
		y += blh
	}
	for line := range strings.SplitSeq(board, "\n") {
		y = d.colLines(rx, y, colW, line, "B", bs)
	}
	y = d.colLines(rx, y, colW, position, "B", bs)
	if m.Unsigned {
		d.colLines(rx, y+(set.SignatureSpace-blh)/2, colW, "(Đã ký)", "I", bs)
	}
	y += set.SignatureSpace
	y = d.colLines(rx, y, colW, nfc(name), "B", bs)
	d.pdf.SetXY(d.left, max(y, leftEnd))
}
