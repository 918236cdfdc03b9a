package report

import "strings"

// slipHead starts a tear-off slip below a cut line, for the unit that
// received a member to fill in and send back to unit: the transfer
// letter's phiếu báo tiếp nhận and the residence letter's phiếu nhận xét.
// The slip stays whole on one page: rows body lines and a signature must
// fit below the cut, or it starts on the next page. The receiving unit's
// own header is theirs to write by hand beside the Union's name.
func (d *doc) slipHead(rows int, to, unit, title string) {
	bs := d.set.BodySize
	lh := d.lh(bs)
	d.space(6)
	d.ensure(lh*float64(rows) + d.set.SignatureSpace*0.6)
	y := d.pdf.GetY()
	d.font("I", bs-2)
	cut := "(cắt theo đường này, gửi lại " + unit + ")"
	cw := d.width(cut)
	mid := d.left + d.w/2
	d.pdf.SetDashPattern([]float64{1.5, 1.2}, 0)
	d.pdf.Line(d.left, y+lh/2, mid-cw/2-2, y+lh/2)
	d.pdf.Line(mid+cw/2+2, y+lh/2, d.left+d.w, y+lh/2)
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.SetXY(mid-cw/2, y)
	d.pdf.CellFormat(cw, lh, cut, "", 2, "C", false, 0, "")
	d.space(2)
	colW := d.w / 2
	y = d.pdf.GetY()
	yl := d.colLines(d.left, y, colW-4, nfc(strings.ToUpper(to)), "B", bs-1)
	yr := d.colLines(d.left+d.w-colW, y, colW, "ĐOÀN TNCS HỒ CHÍ MINH", "BU", bs-1)
	d.pdf.SetY(max(yl, yr) + 2)
	d.centred(title, "B", bs)
	d.space(1)
	d.para("Kính gửi: Ban Chấp hành "+unit, "B", bs, d.set.FirstLineIndent, "L")
}

// slipSignature ends a slip with the receiving committee's date and
// signature, on the right, to fill in by hand.
func (d *doc) slipSignature() {
	bs := d.set.BodySize
	colW := d.w / 2
	d.space(2)
	rx := d.left + d.w - colW
	y := d.colLines(rx, d.pdf.GetY(), colW, "..............., ngày ..... tháng ..... năm .......", "I", bs-1)
	y = d.colLines(rx, y, colW, "TM. BAN CHẤP HÀNH", "B", bs)
	y = d.colLines(rx, y, colW, "(Ký tên, đóng dấu)", "I", bs-1)
	d.pdf.SetXY(d.left, y+d.set.SignatureSpace*0.6)
}
