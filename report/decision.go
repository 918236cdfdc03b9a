package report

import (
	"fmt"
	"io"
	"strings"

	"sodoan/domain"
)

// DecisionType is the type code of a decision in the register.
const DecisionType = "QĐ"

// Decision is the content of a decision of the ward's committee: the
// decision itself and the people it names, with what the text and the
// attached list print of each.
type Decision struct {
	Meta
	Decision domain.Decision
	// People are the people of Decision.People in the same order, with
	// their birth date, gender and branch.
	People []domain.Person
	// Copy marks a decision printed again from the register (BẢN SAO in
	// the first page's top margin): its number was signed once, and a
	// second paper to sign under the same number would be a second
	// original no one could tell apart. A copy prints "(Đã ký)".
	Copy bool
	// Annulled, on a copy, is the day the decision was annulled (zero:
	// in force): the mark says so.
	Annulled domain.Date
}

// WriteDecision writes a decision in the official layout: the header,
// QUYẾT ĐỊNH and its summary, the deciding body, the Căn cứ lines,
// QUYẾT ĐỊNH:, Điều 1–3, Nơi nhận and the signature; a decision naming
// more than one person attaches their list on a page of its own
// ("Kèm theo Quyết định số …").
func WriteDecision(w io.Writer, q *Decision) error {
	d := newDoc(q.settings(), false)
	if q.Copy {
		d.copyMark(q.Annulled)
	}
	d.header(&q.Meta, DecisionType)
	dec := q.Decision
	if len(dec.People) == 1 && len(q.People) == 1 {
		dec.People[0].Name = q.People[0].FullName()
	}
	d.title("Quyết định", domain.DecisionSummary(&dec))
	unit := unitShort(q.Unit)
	d.space(2)
	d.centred("BAN CHẤP HÀNH "+strings.ToUpper(nfc(unit)), "B", d.set.BodySize)
	for _, c := range decisionGrounds(&dec, unit) {
		d.para(nfc(c), "I", d.set.BodySize, d.set.FirstLineIndent, "J")
	}
	d.space(2)
	d.centred("QUYẾT ĐỊNH:", "B", d.set.BodySize)
	articles := decisionArticles(&dec, q.People, unit)
	for i, a := range articles {
		s := fmt.Sprintf("Điều %d. %s", i+1, a)
		if i == len(articles)-1 {
			d.lastParagraph(&q.Meta, false, s, "", d.set.FirstLineIndent, "J")
			break
		}
		d.paragraph(s)
	}
	d.closing(&q.Meta, false)
	if len(q.People) > 1 {
		d.decisionList(q)
	}
	return d.finish(w)
}

// who names the people of Điều 1: one by name, birth date and branch;
// several as "N đồng chí có tên trong danh sách kèm theo".
func who(people []domain.Person, noun string) string {
	if len(people) == 1 {
		p := people[0]
		s := noun + " " + p.FullName()
		if !p.BirthDate.IsZero() {
			s += ", sinh ngày " + p.BirthDate.String()
		}
		if p.BranchName != "" {
			s += ", " + domain.BranchTitle(p.BranchName)
		}
		return s
	}
	return fmt.Sprintf("%d %s có tên trong danh sách kèm theo", len(people), noun)
}

// decisionGrounds are the Căn cứ and Xét lines of a decision.
func decisionGrounds(d *domain.Decision, unit string) []string {
	out := []string{"Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;", "Căn cứ Hướng dẫn thực hiện Điều lệ Đoàn TNCS Hồ Chí Minh;"}
	switch d.Kind {
	case domain.DecisionAdmission:
		out = append(out, "Xét đơn xin vào Đoàn, kết quả học tập lớp đối tượng đoàn viên và đề nghị của Ban Chấp hành chi đoàn,")
	case domain.DecisionMaturity:
		out = append(out, "Xét đề nghị của Ban Chấp hành chi đoàn về việc công nhận trưởng thành Đoàn đối với đoàn viên đủ 30 tuổi,")
	case domain.DecisionRemoval:
		out = append(out, "Xét đề nghị của Ban Chấp hành chi đoàn về việc xóa tên trong danh sách đoàn viên,")
	case domain.DecisionElection:
		out = append(out, fmt.Sprintf("Căn cứ biên bản Đại hội %s nhiệm kỳ %s;", domain.BranchTitle(d.BranchName), d.Term),
			"Xét đề nghị của Ban Chấp hành "+domain.BranchTitle(d.BranchName)+",")
	case domain.DecisionCommendation:
		out = append(out, "Xét thành tích và đề nghị của Ban Chấp hành chi đoàn,")
	case domain.DecisionDiscipline:
		out = append(out, "Xét mức độ vi phạm và đề nghị của Ban Chấp hành chi đoàn,")
	case domain.DecisionExemption:
		out = append(out[:1], "Căn cứ Hướng dẫn thực hiện Điều lệ Đoàn TNCS Hồ Chí Minh, phần thu, nộp đoàn phí;",
			"Xét hoàn cảnh khó khăn của đoàn viên và đề nghị của Ban Chấp hành chi đoàn,")
	}
	return out
}

// decisionArticles are Điều 1, 2 and 3 of a decision.
func decisionArticles(d *domain.Decision, people []domain.Person, unit string) []string {
	reason := strings.TrimRight(nfc(d.Reason), ".")
	var one, two string
	switch d.Kind {
	case domain.DecisionAdmission:
		one = fmt.Sprintf("Kết nạp vào Đoàn TNCS Hồ Chí Minh %s, kể từ ngày %s.", who(people, "thanh niên"), d.Date)
		two = "Các đồng chí có tên tại Điều 1 có nhiệm vụ chấp hành Điều lệ Đoàn, sinh hoạt tại chi đoàn và đóng đoàn phí theo quy định."
		if len(people) == 1 {
			two = "Đồng chí có tên tại Điều 1 có nhiệm vụ chấp hành Điều lệ Đoàn, sinh hoạt tại chi đoàn và đóng đoàn phí theo quy định."
		}
	case domain.DecisionMaturity:
		one = fmt.Sprintf("Công nhận trưởng thành Đoàn đối với %s, kể từ ngày %s.", who(people, "đồng chí"), d.Date)
		two = "Ban Chấp hành chi đoàn ghi nhận quá trình sinh hoạt Đoàn vào sổ Chi đoàn và tổ chức trao giấy chứng nhận trưởng thành Đoàn."
	case domain.DecisionRemoval:
		one = fmt.Sprintf("Xóa tên trong danh sách đoàn viên %s, kể từ ngày %s. Lý do: %s.", who(people, "đồng chí"), d.Date, reason)
		two = "Ban Chấp hành chi đoàn thu hồi thẻ đoàn viên và ghi vào sổ Chi đoàn."
	case domain.DecisionElection:
		one = fmt.Sprintf("Chuẩn y Ban Chấp hành %s nhiệm kỳ %s gồm %d đồng chí có tên trong danh sách kèm theo, kể từ ngày %s.",
			domain.BranchTitle(d.BranchName), d.Term, len(people), d.Date)
		if len(people) == 1 {
			one = fmt.Sprintf("Chuẩn y %s giữ chức %s, %s nhiệm kỳ %s, kể từ ngày %s.", who(people, "đồng chí"),
				domain.LabelOf(domain.ElectionRoles, d.People[0].Role), domain.BranchTitle(d.BranchName), d.Term, d.Date)
		}
		two = "Ban Chấp hành " + domain.BranchTitle(d.BranchName) + " có nhiệm vụ lãnh đạo chi đoàn thực hiện nghị quyết Đại hội và các nhiệm vụ công tác Đoàn theo Điều lệ Đoàn."
	case domain.DecisionCommendation:
		one = fmt.Sprintf("Tặng %s của Ban Chấp hành %s cho %s đã có thành tích: %s.", d.FormLabel(), unit, who(people, "đồng chí"), reason)
		two = "Các đồng chí có tên tại Điều 1 được ghi nhận thành tích vào sổ Chi đoàn."
		if len(people) == 1 {
			two = "Đồng chí có tên tại Điều 1 được ghi nhận thành tích vào sổ Chi đoàn."
		}
	case domain.DecisionDiscipline:
		one = fmt.Sprintf("Thi hành kỷ luật bằng hình thức %s đối với %s. Lý do: %s.", strings.ToLower(d.FormLabel()), who(people, "đồng chí"), reason)
		two = "Đồng chí có tên tại Điều 1 có trách nhiệm nghiêm túc sửa chữa khuyết điểm."
		if d.Form == domain.FormExpulsion {
			two = fmt.Sprintf("Kể từ ngày %s, đồng chí có tên tại Điều 1 không còn là đoàn viên; Ban Chấp hành chi đoàn thu hồi thẻ đoàn viên và ghi vào sổ Chi đoàn.", d.Date)
		}
		if len(people) > 1 {
			two = strings.Replace(two, "Đồng chí có tên", "Các đồng chí có tên", 1)
			two = strings.Replace(two, "đồng chí có tên", "các đồng chí có tên", 1)
		}
	case domain.DecisionExemption:
		one = fmt.Sprintf("Miễn đoàn phí cho %s trong %d tháng, từ tháng %s đến hết tháng %s. Lý do: %s.", who(people, "đồng chí"),
			d.ExemptMonths, d.ExemptFrom, d.ExemptFrom.Add(d.ExemptMonths-1), reason)
		two = "Ban Chấp hành chi đoàn ghi các tháng được miễn vào sổ thu đoàn phí; hết thời hạn miễn, đoàn viên đóng đoàn phí theo quy định."
	}
	three := "Văn phòng " + unit + ", Ban Chấp hành các chi đoàn và các đồng chí có tên tại Điều 1 căn cứ quyết định thi hành. Quyết định có hiệu lực kể từ ngày ký."
	return []string{one, two, three}
}

// decisionList writes the list attached to a decision, on a page of its
// own: STT, name, birth date under Nam or Nữ, branch, and the office of
// an election.
func (d *doc) decisionList(q *Decision) {
	d.endTable()
	d.pdf.AddPage()
	dec := q.Decision
	d.centred("DANH SÁCH", "B", d.set.TypeSize)
	d.centred(listSummary(&dec), "B", d.set.SummarySize)
	d.centred(fmt.Sprintf("(Kèm theo Quyết định số %s ngày %s của Ban Chấp hành %s)",
		Symbol(q.Number, DecisionType, q.Unit.IssuerCode), q.date(), unitShort(q.Unit)), "I", d.set.BodySize-1)
	cols := []Column{
		{Title: "STT", Width: 7, Align: "C"},
		{Title: "Họ và tên", Width: 30},
		{Title: "Nam", Width: 14, Align: "C", Group: "Ngày sinh"},
		{Title: "Nữ", Width: 14, Align: "C", Group: "Ngày sinh"},
		{Title: "Chi đoàn", Width: 25},
	}
	if dec.Kind == domain.DecisionElection {
		cols = append(cols, Column{Title: "Chức vụ", Width: 25})
	}
	t := d.newTable(cols, d.set.TableSize)
	for i, p := range q.People {
		male, female := "", ""
		if p.Gender == domain.Female {
			female = p.BirthDate.String()
		} else {
			male = p.BirthDate.String()
		}
		cells := []string{fmt.Sprint(i + 1), nfc(p.FullName()), male, female, nfc(p.BranchName)}
		if dec.Kind == domain.DecisionElection && i < len(dec.People) {
			cells = append(cells, domain.LabelOf(domain.ElectionRoles, dec.People[i].Role))
		}
		t.row("", cells...)
	}
	d.endTable()
	d.space(2)
	d.para(fmt.Sprintf("Danh sách có %d người.", len(q.People)), "I", d.set.BodySize-1, 0, "L")
}

// listSummary is the line under the attached list's DANH SÁCH.
func listSummary(d *domain.Decision) string {
	switch d.Kind {
	case domain.DecisionAdmission:
		return "Thanh niên được kết nạp vào Đoàn TNCS Hồ Chí Minh"
	case domain.DecisionMaturity:
		return "Đoàn viên được công nhận trưởng thành Đoàn"
	case domain.DecisionRemoval:
		return "Đoàn viên bị xóa tên"
	case domain.DecisionElection:
		return "Ban Chấp hành " + domain.BranchTitle(d.BranchName) + " nhiệm kỳ " + d.Term
	case domain.DecisionCommendation:
		return "Đoàn viên được khen thưởng"
	case domain.DecisionExemption:
		return "Đoàn viên được miễn đoàn phí"
	}
	return "Đoàn viên bị kỷ luật"
}

// copyMark writes BẢN SAO at the right of the first page's top margin
// (no page number is printed there), with the day of an annulment.
func (d *doc) copyMark(annulled domain.Date) {
	mark := "BẢN SAO"
	if !annulled.IsZero() {
		mark += " – ĐÃ HỦY NGÀY " + annulled.String()
	}
	size := d.set.RecipientsTitle
	d.font("B", size)
	h := d.lh(size)
	y := d.pdf.GetY()
	d.pdf.SetXY(d.left, (d.set.MarginTop-h)/2)
	d.pdf.CellFormat(d.w, h, mark, "", 0, "R", false, 0, "")
	d.pdf.SetXY(d.left, y)
}
