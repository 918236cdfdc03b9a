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
	To     string        // the receiving unit
	Reason string        // why the member moves (optional)
	// ValidDays is how long the letter is valid; 0: 30 days.
	ValidDays int
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

	d.paragraph(fmt.Sprintf("Ban Chấp hành %s trân trọng giới thiệu:", unit))
	gender := "Nam"
	if p.Gender == domain.Female {
		gender = "Nữ"
	}
	religion := p.Religion
	if religion == "" {
		religion = "Không"
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
		{"Chức vụ", p.Position},
		{"Đang sinh hoạt tại", strings.TrimSpace(p.BranchName + ", " + unit)},
	}
	for _, l := range lines {
		if strings.TrimSpace(l[1]) == "" || strings.TrimSpace(l[1]) == "," {
			continue
		}
		d.fieldLine(l[0], strings.TrimPrefix(nfc(l[1]), ", "))
	}
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
	return d.finish(w)
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
