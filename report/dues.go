package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/domain"
)

// Union dues in the official layout (issue 20): the branch's Sổ thu đoàn
// phí for a year, the quarter's Bảng tổng hợp thu, nộp đoàn phí, and the
// list of members who have not paid. Plain data in, PDF out.

// DuesLedger is a branch's Sổ thu đoàn phí for a year.
type DuesLedger struct {
	Meta
	Sheet domain.DuesSheet
}

// DuesLedgerSummary is the line under SỔ THU ĐOÀN PHÍ.
func DuesLedgerSummary(s *domain.DuesSheet) string {
	return fmt.Sprintf("%s năm %d", nfc(s.BranchName), s.Year)
}

// WriteDuesLedger writes the branch's year: landscape A4, a row per
// member with her category, the twelve months (the amount paid, M for a
// month exempted, blank for one owed and unpaid, "–" for a month she was
// not a member) and her total; the months' totals last.
func WriteDuesLedger(w io.Writer, l *DuesLedger) error {
	d := newDoc(l.settings(), true)
	d.header(&l.Meta, ListType)
	d.title("Sổ thu đoàn phí", DuesLedgerSummary(&l.Sheet))
	d.para(fmt.Sprintf("Số liệu đến ngày %s. Đơn vị: đồng. “M”: được miễn; ô trống: chưa đóng; “–”: chưa (hoặc không còn) sinh hoạt tại chi đoàn.",
		l.Sheet.Cutoff), "I", d.set.TableSize, 0, "L")
	cols := []Column{{Title: "STT", Width: 9, Align: "C"}, {Title: "Họ và tên", Width: 44}, {Title: "Diện", Width: 21, Align: "C"}}
	for _, m := range l.Sheet.Months {
		cols = append(cols, Column{Title: "T" + strconv.Itoa(m.Month), Width: 13, Align: "R", Group: "Các tháng năm " + strconv.Itoa(l.Sheet.Year)})
	}
	cols = append(cols, Column{Title: "Cộng", Width: 17, Align: "R"})
	t := d.newTable(cols, d.set.ListSize)
	closing := d.listClosing(&l.Meta)
	cells := make([]string, len(cols))
	for i, r := range l.Sheet.Rows {
		// The total row is the list's last: the last member stays with it.
		t.keepTail(len(l.Sheet.Rows)-i, closing)
		cells = cells[:0]
		cells = append(cells, strconv.Itoa(i+1), nfc(r.Name), r.CategoryText(l.Sheet.Months, categoryShort))
		for _, c := range r.Cells {
			cells = append(cells, c.Text())
		}
		cells = append(cells, domain.Money(r.Total()))
		t.row("", cells...)
	}
	t.keepTail(0, closing)
	cells = append(cells[:0], "", "Cộng", "")
	for i := range l.Sheet.Months {
		cells = append(cells, domain.Money(l.Sheet.MonthTotal(i)))
	}
	cells = append(cells, domain.Money(l.Sheet.Total()))
	t.row("B", cells...)
	d.endTable()
	d.lastParagraph(&l.Meta, true, fmt.Sprintf("Tổng cộng: %s đoàn viên, đã thu %s đồng.", domain.FormatInt(int64(len(l.Sheet.Rows))), domain.Money(l.Sheet.Total())),
		"B", 0, "L")
	d.closing(&l.Meta, true)
	return d.finish(w)
}

// categoryShort is a dues category in a narrow column.
func categoryShort(c domain.DuesCategory) string {
	switch c {
	case domain.DuesNoWage:
		return "Không lương"
	case domain.DuesAbroad:
		return "Nước ngoài"
	}
	return "Có lương"
}

// DuesSummaryDoc is the quarter's Bảng tổng hợp thu, nộp đoàn phí.
type DuesSummaryDoc struct {
	Meta
	Summary domain.DuesSummary
}

// DuesSummaryTitle is the line under BẢNG TỔNG HỢP.
func DuesSummaryTitle(s *domain.DuesSummary) string {
	return fmt.Sprintf("Thu, nộp đoàn phí quý %s năm %d", domain.RomanQuarter(s.Quarter), s.Year)
}

// WriteDuesSummary writes the quarter's summary: landscape A4, a row per
// branch (members at the quarter's end, the sum owed by category, the sum
// exempted, the sum due, what was collected, the shares kept and passed
// up by the branch's remittances and the day of the last), the total,
// then the ward's own remittance to the upper level with both shares.
func WriteDuesSummary(w io.Writer, s *DuesSummaryDoc) error {
	d := newDoc(s.settings(), true)
	d.header(&s.Meta, ListType)
	d.title("Bảng tổng hợp", DuesSummaryTitle(&s.Summary))
	r := s.Summary.Rules
	up, kept := r.ShareLabel()
	d.para(fmt.Sprintf("Số liệu đến ngày %s. Đơn vị: đồng. Mức đóng: %s đồng/tháng (hưởng lương), %s đồng/tháng (không hưởng lương), ít nhất %s đồng/tháng (ở nước ngoài); mỗi cấp giữ lại %s, nộp lên %s, phần nộp lên làm tròn đến đồng.",
		s.Summary.Cutoff, domain.Money(r.Wage), domain.Money(r.NoWage), domain.Money(r.Abroad), kept, up), "I", d.set.TableSize, 0, "J")
	owed := "Phải thu theo diện"
	t := d.newTable([]Column{
		{Title: "STT", Width: 9, Align: "C"},
		{Title: "Chi đoàn", Width: 44},
		{Title: "Số đoàn viên", Width: 16, Align: "C"},
		{Title: "Hưởng lương", Width: 20, Align: "R", Group: owed},
		{Title: "Không hưởng lương", Width: 20, Align: "R", Group: owed},
		{Title: "Ở nước ngoài", Width: 20, Align: "R", Group: owed},
		{Title: "Được miễn", Width: 19, Align: "R"},
		{Title: "Phải nộp", Width: 20, Align: "R"},
		{Title: "Đã thu", Width: 20, Align: "R"},
		{Title: "Giữ lại " + kept, Width: 20, Align: "R"},
		{Title: "Nộp lên " + up, Width: 20, Align: "R"},
		{Title: "Ngày nộp", Width: 21, Align: "C"},
	}, d.set.TableSize)
	line := func(style, n string, x domain.DuesSummaryRow) {
		t.row(style, n, nfc(x.BranchName), domain.FormatInt(int64(x.Members)), domain.Money(x.OwedWage), domain.Money(x.OwedNoWage), domain.Money(x.OwedAbroad),
			domain.Money(x.Exempt), domain.Money(x.Due), domain.Money(x.Collected), domain.Money(x.Kept), domain.Money(x.Up), x.Remitted.String())
	}
	for i, x := range s.Summary.Rows {
		line("", strconv.Itoa(i+1), x)
	}
	line("B", "", s.Summary.Total)
	d.endTable()
	unit := unitShort(s.Unit)
	var last string
	if wr := s.Summary.WardRemit; wr != nil {
		last = fmt.Sprintf("%s nhận từ các chi đoàn %s đồng; ngày %s nộp lên %s %s đồng (người nộp: %s; người nhận: %s), giữ lại %s %s đồng.",
			unit, domain.Money(wr.Sum), wr.Date, up, domain.Money(wr.Up), nfc(wr.PaidBy), nfc(wr.ReceivedBy), kept, domain.Money(wr.Kept))
	} else {
		upTotal := s.Summary.Total.Up
		u, k := r.Split(upTotal)
		last = fmt.Sprintf("%s nhận từ các chi đoàn %s đồng; chưa nộp đoàn phí quý %s lên cấp trên (phải nộp %s: %s đồng, giữ lại %s: %s đồng).",
			unit, domain.Money(upTotal), domain.RomanQuarter(s.Summary.Quarter), up, domain.Money(u), kept, domain.Money(k))
	}
	d.lastParagraph(&s.Meta, true, upperFirst(last), "", d.set.FirstLineIndent, "J")
	d.closing(&s.Meta, true)
	return d.finish(w)
}

// DuesUnpaidList is the list of members who have not paid, for a branch's
// secretary.
type DuesUnpaidList struct {
	Meta
	BranchName string // empty: every branch
	Year       int
	Cutoff     domain.Date
	Members    []domain.DuesUnpaid
}

// DuesUnpaidSummary is the line under DANH SÁCH.
func DuesUnpaidSummary(l *DuesUnpaidList) string {
	s := fmt.Sprintf("Đoàn viên chưa đóng đoàn phí năm %d", l.Year)
	if l.BranchName != "" {
		s += " – " + nfc(l.BranchName)
	}
	return s
}

// WriteDuesUnpaid writes the list: each member, her branch, the months
// owed and unpaid (not exempted) up to the cut-off, and the sum at each
// month's rate; the total last.
func WriteDuesUnpaid(w io.Writer, l *DuesUnpaidList) error {
	d := newDoc(l.settings(), false)
	d.header(&l.Meta, ListType)
	d.title("Danh sách", DuesUnpaidSummary(l))
	d.para(fmt.Sprintf("Tính đến ngày %s. Đơn vị: đồng.", l.Cutoff), "I", d.set.TableSize, 0, "L")
	if len(l.Members) == 0 {
		d.lastParagraph(&l.Meta, true, "Không có đoàn viên nào chưa đóng đoàn phí.", "", d.set.FirstLineIndent, "J")
		d.closing(&l.Meta, true)
		return d.finish(w)
	}
	cols := []Column{{Title: "STT", Width: 9, Align: "C"}, {Title: "Họ và tên", Width: 45}}
	if l.BranchName == "" {
		cols = append(cols, Column{Title: "Chi đoàn", Width: 30})
	}
	cols = append(cols, Column{Title: "Diện", Width: 23, Align: "C"}, Column{Title: "Tháng chưa đóng", Width: 42}, Column{Title: "Số tiền", Width: 18, Align: "R"})
	t := d.newTable(cols, d.set.TableSize)
	closing := d.listClosing(&l.Meta)
	var sum int64
	cells := make([]string, 0, len(cols))
	for i, u := range l.Members {
		t.keepTail(len(l.Members)-i-1, closing)
		months := make([]string, len(u.Months))
		for j, m := range u.Months {
			months[j] = m.String()
		}
		cells = append(cells[:0], strconv.Itoa(i+1), nfc(u.Name))
		if l.BranchName == "" {
			cells = append(cells, nfc(u.BranchName))
		}
		cells = append(cells, categoryShort(u.Category), strings.Join(months, ", "), domain.Money(u.Amount))
		t.row("", cells...)
		sum += u.Amount
	}
	d.endTable()
	d.lastParagraph(&l.Meta, true, fmt.Sprintf("Tổng cộng: %s đoàn viên chưa đóng, số tiền %s đồng.", domain.FormatInt(int64(len(l.Members))), domain.Money(sum)),
		"B", 0, "L")
	d.closing(&l.Meta, true)
	return d.finish(w)
}
