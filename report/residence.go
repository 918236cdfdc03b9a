package report

import (
	"fmt"
	"io"
	"strings"

	"sodoan/domain"
)

// ResidenceLetter is the content of the letter a ward hands a member it
// introduces to take part in the Union where they reside (giấy giới thiệu
// sinh hoạt đoàn viên nơi cư trú, HD 01-HD/BTC of 26/10/2015). The member
// keeps their membership here: the letter asks the Union of the residence
// to receive them and to send back its comments on how they took part.
type ResidenceLetter struct {
	Meta
	Person domain.Person // the member, with BranchName filled
	// Place is the Union of the residence ("Kính gửi"); Address the
	// member's address there (optional).
	Place, Address string
	From, To       domain.Date // the span asked for (To zero: not set)
	Note           string      // why: study, work… (optional)
}

// WriteResidenceLetter writes the letter, then a tear-off slip on which
// the Union of the residence confirms it received the member and comments
// on their part in its activities.
func WriteResidenceLetter(w io.Writer, l *ResidenceLetter) error {
	d := newDoc(l.settings(), false)
	d.header(&l.Meta, TransferType)
	d.title("Giấy giới thiệu", "Sinh hoạt đoàn viên nơi cư trú")
	p := l.Person
	unit := unitShort(l.Unit)
	place := strings.TrimSpace(nfc(l.Place))

	d.para("Kính gửi: Ban Chấp hành "+place, "B", d.set.BodySize, d.set.FirstLineIndent, "L")
	d.paragraph(fmt.Sprintf("Ban Chấp hành %s trân trọng giới thiệu:", unit))
	gender := "Nam"
	if p.Gender == domain.Female {
		gender = "Nữ"
	}
	lines := [][2]string{
		{"Đồng chí", p.FullName()},
		{"Giới tính", gender},
		{"Sinh ngày", p.BirthDate.String()},
		{"Ngày vào Đoàn", p.AdmissionDate.String()},
		{"Số thẻ đoàn viên", p.CardNumber},
		{"Đang sinh hoạt tại", strings.TrimPrefix(strings.TrimSpace(p.BranchName+", "+unit), ", ")},
		{"Nơi cư trú", l.Address},
	}
	for _, ln := range lines {
		if strings.TrimSpace(ln[1]) == "" {
			continue
		}
		d.fieldLine(ln[0], nfc(ln[1]))
	}
	span := "từ ngày " + l.From.String()
	if !l.To.IsZero() {
		span += " đến ngày " + l.To.String()
	}
	d.paragraph(fmt.Sprintf("Đến sinh hoạt Đoàn tại nơi cư trú: %s, %s.", place, span))
	if n := strings.TrimSpace(nfc(l.Note)); n != "" {
		d.paragraph("Lý do: " + strings.TrimRight(n, ".") + ".")
	}
	d.paragraph(fmt.Sprintf("Đồng chí %s vẫn sinh hoạt, đóng đoàn phí và được đánh giá, xếp loại đoàn viên tại %s.", p.FullName(), unit))
	m := l.Meta
	if len(m.Recipients) == 0 {
		m.Recipients = []string{"Như trên", "Đồng chí " + p.FullName()}
	}
	d.lastParagraph(&m, false, fmt.Sprintf("Đề nghị Ban Chấp hành %s tiếp nhận, tạo điều kiện để đồng chí tham gia sinh hoạt, hoạt động Đoàn tại nơi cư trú và nhận xét quá trình tham gia của đồng chí gửi về Ban Chấp hành %s vào cuối năm hoặc khi đồng chí kết thúc sinh hoạt tại nơi cư trú.",
		place, unit), "", d.set.FirstLineIndent, "J")
	d.closing(&m, false)
	d.residenceSlip(l, place, unit)
	return d.finish(w)
}

// residenceSlip is the tear-off slip the Union of the residence fills in
// and sends back: received on which day, and its comments.
func (d *doc) residenceSlip(l *ResidenceLetter, place, unit string) {
	bs := d.set.BodySize
	d.slipHead(15, place, unit, "PHIẾU NHẬN XÉT ĐOÀN VIÊN SINH HOẠT NƠI CƯ TRÚ")
	p := l.Person
	letter := "Giấy giới thiệu số " + Symbol(l.Number, TransferType, l.Unit.IssuerCode) + " ngày " + l.date().String()
	d.paragraph(fmt.Sprintf("%s đã tiếp nhận đồng chí %s, sinh ngày %s, theo %s, đến sinh hoạt tại nơi cư trú từ ngày ....../....../..........",
		place, p.FullName(), p.BirthDate, letter))
	d.para("Nhận xét quá trình tham gia sinh hoạt, hoạt động:", "", bs, d.set.FirstLineIndent, "L")
	d.font("", bs)
	dots := strings.Repeat(".", int(d.w/d.width("."))-1)
	for range 3 {
		d.para(dots, "", bs, 0, "L")
	}
	d.slipSignature()
}
