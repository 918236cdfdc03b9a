package report

import (
	"fmt"
	"io"
	"strings"

	"sodoan/domain"
)

// Transfer is the content of a transfer letter (giấy giới thiệu sinh hoạt
// Đoàn) for one member who leaves.
type Transfer struct {
	Meta
	Person domain.Person // with BranchName filled
	To     string        // the receiving unit: "Kính gửi" and where the member goes
	Reason string        // why the member moves (optional)
	// Offices are the Union offices the member holds on the letter's date
	// ("Bí thư chi đoàn (Chi đoàn Khóm 1)"), empty when none.
	Offices []string
	// Rating is the member's latest rating known on the letter's date
	// ("Hoàn thành tốt nhiệm vụ") and RatingYear its year; empty when
	// never rated.
	Rating     string
	RatingYear int
	// ValidDays is how long the letter is valid; 0: 30 days.
	ValidDays int
	// DuesPaidThrough is the month the member's dues are paid through by
	// the letter's date, from the ledger (store.PaidThrough); zero leaves
	// the month to write by hand.
	DuesPaidThrough domain.Month
}

// DuesLine is the letter's line on dues: "Đã đóng đoàn phí đến hết tháng
// 03/2026.", dotted when the register holds no payment.
func DuesLine(m domain.Month) string {
	if m.IsZero() {
		return "Đã đóng đoàn phí đến hết tháng ......./..........."
	}
	return "Đã đóng đoàn phí đến hết tháng " + m.String() + "."
}

// TransferType is the type code of a transfer letter in the register.
const TransferType = "GGT"

// WriteTransfer writes the transfer letter: who the member is, where they
// were active, where they go, and the request to the receiving unit.
func WriteTransfer(w io.Writer, tr *Transfer) error {
	d := newDoc(tr.settings(), false)
	d.header(&tr.Meta, TransferType)
	d.title("Giấy giới thiệu", "Sinh hoạt Đoàn")
	p := tr.Person
	unit := unitShort(tr.Unit)
	to := strings.TrimSpace(nfc(tr.To))

	// The receiving unit is addressed by name: the recipients' "Như trên"
	// refers to it.
	d.para("Kính gửi: "+to, "B", d.set.BodySize, d.set.FirstLineIndent, "L")
	d.paragraph(fmt.Sprintf("Ban Chấp hành %s trân trọng giới thiệu:", unit))
	gender := "Nam"
	if p.Gender == domain.Female {
		gender = "Nữ"
	}
	religion := p.Religion
	if religion == "" {
		religion = "Không"
	}
	offices := strings.Join(tr.Offices, "; ")
	if offices == "" {
		offices = "Đoàn viên"
	}
	ratingLabel, rating := "Xếp loại đoàn viên", "chưa xếp loại"
	if tr.Rating != "" {
		ratingLabel, rating = fmt.Sprintf("Xếp loại đoàn viên năm %d", tr.RatingYear), tr.Rating
	}
	lines := [][2]string{
		{"Đồng chí", p.FullName()},
		{"Giới tính", gender},
		{"Sinh ngày", p.BirthDate.String()},
		{"Dân tộc", p.Ethnicity},
		{"Tôn giáo", religion},
		{"Địa chỉ", p.Address},
		{"Ngày vào Đoàn", p.AdmissionDate.String()},
		{"Số thẻ đoàn viên", p.CardNumber},
		{"Chức vụ", offices},
		{ratingLabel, rating},
		{"Đang sinh hoạt tại", strings.TrimSpace(p.BranchName + ", " + unit)},
	}
	for _, l := range lines {
		if strings.TrimSpace(l[1]) == "" || strings.TrimSpace(l[1]) == "," {
			continue
		}
		d.fieldLine(l[0], strings.TrimPrefix(nfc(l[1]), ", "))
	}
	d.paragraph(DuesLine(tr.DuesPaidThrough))
	d.paragraph(fmt.Sprintf("Được chuyển sinh hoạt Đoàn đến: %s.", to))
	if r := strings.TrimSpace(nfc(tr.Reason)); r != "" {
		d.paragraph("Lý do: " + strings.TrimRight(r, ".") + ".")
	}
	d.paragraph(fmt.Sprintf("Đề nghị %s tiếp nhận và tạo điều kiện để đồng chí %s được sinh hoạt Đoàn theo Điều lệ Đoàn.",
		to, p.FullName()))
	days := tr.ValidDays
	if days <= 0 {
		days = 30
	}
	until := tr.date().Time().AddDate(0, 0, days)
	m := tr.Meta
	if len(m.Recipients) == 0 {
		m.Recipients = []string{"Như trên"}
	}
	d.lastParagraph(&m, false, fmt.Sprintf("Giấy giới thiệu có giá trị đến hết ngày %s.", domain.DateOf(until)), "", d.set.FirstLineIndent, "J")
	d.closing(&m, false)
	d.receiptSlip(tr, to, unit)
	return d.finish(w)
}

// receiptSlip writes the tear-off slip (phiếu báo tiếp nhận) below a cut
// line: the receiving unit fills it in and sends it back, so that the
// ward knows the member arrived. It names the letter by its number and
// date, and stays whole on one page.
func (d *doc) receiptSlip(tr *Transfer, to, unit string) {
	d.slipHead(13, to, unit, "PHIẾU BÁO TIẾP NHẬN SINH HOẠT ĐOÀN")
	p := tr.Person
	letter := "Giấy giới thiệu số " + Symbol(tr.Number, TransferType, tr.Unit.IssuerCode) + " ngày " + tr.date().String()
	d.paragraph(fmt.Sprintf("%s đã tiếp nhận đồng chí %s, sinh ngày %s, số thẻ đoàn viên %s, theo %s của Ban Chấp hành %s.",
		to, p.FullName(), p.BirthDate, orDots(p.CardNumber), letter, unit))
	d.paragraph("Đồng chí đến sinh hoạt Đoàn tại ................................................ từ ngày ....../....../..........")
	d.slipSignature()
}

// orDots is s, or a dotted blank to fill by hand when s is empty.
func orDots(s string) string {
	if strings.TrimSpace(s) == "" {
		return ".............."
	}
	return nfc(s)
}

// fieldLine writes "Label: value" indented like a paragraph, the value in
// bold when it is the member's name.
func (d *doc) fieldLine(label, value string) {
	size := d.set.BodySize
	lh := d.lh(size)
	d.ensure(lh)
	x := d.left + d.set.FirstLineIndent
	d.font("", size)
	d.pdf.SetXY(x, d.pdf.GetY()+1)
	text := label + ": "
	tw := d.width(text)
	d.pdf.CellFormat(tw, lh, text, "", 0, "L", false, 0, "")
	style := ""
	if label == "Đồng chí" {
		style = "B"
	}
	d.font(style, size)
	d.lines = d.wrap(d.lines, value, d.w-d.set.FirstLineIndent-tw, 0)
	for _, line := range d.lines {
		d.pdf.SetX(x + tw)
		d.pdf.CellFormat(d.w-d.set.FirstLineIndent-tw, lh, line, "", 2, "L", false, 0, "")
	}
	if len(d.lines) == 0 {
		d.pdf.SetXY(d.left, d.pdf.GetY()+lh)
	}
}
