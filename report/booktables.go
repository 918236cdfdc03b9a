package report

import (
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"
)

// The branch book's sections, each a table of the register's records or,
// in the blank book, ruled rows to fill by hand.

// personCells are STT, the name and the birth date under Nam or Nữ.
func personCells(n int, p *domain.Person) []string {
	male, female := "", ""
	if p.Gender == domain.Female {
		female = p.BirthDate.String()
	} else {
		male = p.BirthDate.String()
	}
	return []string{strconv.Itoa(n), nfc(p.FullName()), male, female}
}

// personColumns are the columns of personCells, then more.
func personCols(more ...Column) []Column {
	return append([]Column{
		{Title: "STT", Width: 6, Align: "C"},
		{Title: "Họ và tên", Width: 30},
		{Title: "Nam", Width: 14, Align: "C", Group: "Ngày sinh"},
		{Title: "Nữ", Width: 14, Align: "C", Group: "Ngày sinh"},
	}, more...)
}

func (d *doc) bookMembers(b *Book, i int) {
	cols := memberColumns(false)
	if !b.Blank && len(b.Members) == 0 {
		d.bookSection(b, i, false)
		d.bookNone(b, i)
		return
	}
	// Portrait when the list's columns fit a portrait page at the list's
	// size (fitColumns shrinks the text of a list that does not).
	w := d.w
	d.w = a4Short - d.set.MarginLeft - d.set.MarginRight
	wide := d.fitColumns(cols, d.set.ListSize) < d.set.ListSize
	d.w = w
	d.bookSection(b, i, wide)
	if b.Blank {
		for c := range cols {
			cols[c].Width = memberFits[cols[c].Title].weight + 8
		}
		d.newTable(cols, d.bookSize()).blankRows(true)
		return
	}
	size := d.fitColumns(cols, d.set.ListSize)
	t := d.newTable(cols, size)
	var buf []byte
	ends := make([]int, len(cols))
	cells := make([]string, len(cols))
	men, women := 0, 0
	for n := range b.Members {
		p := &b.Members[n]
		if p.Gender == domain.Female {
			women++
		} else {
			men++
		}
		buf = memberRow(buf[:0], ends, p, n+1, false)
		start := 0
		for c, e := range ends {
			cells[c] = nfc(string(buf[start:e]))
			start = e
		}
		t.row("", cells...)
	}
	d.endTable()
	d.para(fmt.Sprintf("Tổng cộng: %d đoàn viên (Nam: %d, Nữ: %d)", len(b.Members), men, women), "B", d.set.BodySize, 0, "L")
}

// residenceCols are the columns of the residence tables (2 and 3): the
// person, where they take part (out) or who introduced them (in), the
// span and the letter.
func residenceCols(unit string) []Column {
	return personCols(
		Column{Title: unit, Width: 32},
		Column{Title: "Từ ngày", Width: 14, Align: "C"},
		Column{Title: "Đến ngày", Width: 14, Align: "C"},
		Column{Title: "Ghi chú", Width: 34},
	)
}

func (d *doc) bookResidenceOut(b *Book, i int) {
	d.residenceSection(b, i, "Nơi cư trú được giới thiệu đến", b.ResidenceOut)
}

func (d *doc) bookResidenceIn(b *Book, i int) {
	d.residenceSection(b, i, "Đơn vị giới thiệu đến", b.ResidenceIn)
}

// residenceSection writes table 2 or 3 from the year's records: one row a
// record, its letter and note under Ghi chú, and the count.
func (d *doc) residenceSection(b *Book, i int, unit string, rs []domain.Residence) {
	cols := residenceCols(unit)
	// A table (ruled or filled) may need a landscape page; one line never does.
	d.bookSection(b, i, (b.Blank || !b.HasResidence || len(rs) > 0) && d.bookWide(cols))
	if b.Blank {
		d.bookTable(cols).blankRows(true)
		return
	}
	if !b.HasResidence {
		d.bookNotKept(i)
		d.bookTable(cols).blankRows(true)
		return
	}
	if len(rs) == 0 {
		d.bookNone(b, i)
		return
	}
	t := d.bookTable(cols)
	for n := range rs {
		r := &rs[n]
		p := r.Person()
		var note []string
		if r.LetterNumber != "" {
			letter := "Giấy GT số " + r.LetterNumber
			if !r.LetterDate.IsZero() {
				letter += " ngày " + r.LetterDate.String()
			}
			note = append(note, letter)
		}
		if r.Note != "" {
			note = append(note, strings.ReplaceAll(r.Note, "\n", " "))
		}
		place := r.Place
		if r.Address != "" && r.Kind == domain.ResidenceOut {
			place += " (" + r.Address + ")"
		}
		t.row("", append(personCells(n+1, &p), nfc(place), r.From.String(), r.To.String(), nfc(strings.Join(note, "; ")))...)
	}
	d.endTable()
	d.para(fmt.Sprintf("Cộng: %d đoàn viên.", len(rs)), "I", d.set.BodySize-1, 0, "L")
}

// duesCols are the ledger's columns: the name, twelve months and the
// year's total.
func duesCols(months []string) []Column {
	cols := []Column{{Title: "STT", Width: 6, Align: "C"}, {Title: "Họ và tên", Width: 28}}
	for _, m := range months {
		cols = append(cols, Column{Title: m, Width: 8.2, Align: "R", Group: "Số tiền đã đóng từng tháng (đồng)"})
	}
	return append(cols, Column{Title: "Cộng", Width: 10, Align: "R"})
}

func (d *doc) bookDues(b *Book, i int) {
	months := make([]string, 12)
	for m := range months {
		months[m] = "T" + strconv.Itoa(m+1)
	}
	// The ledger is a grid of twelve months: landscape whenever it is
	// printed, portrait for its one line otherwise.
	d.bookSection(b, i, b.Blank || b.Dues != nil && len(b.Dues.Rows) > 0)
	if b.Blank {
		d.bookTable(duesCols(months)).blankRows(true)
		return
	}
	if b.Dues == nil {
		d.bookNotKept(i)
		return
	}
	s := b.Dues
	if len(s.Rows) == 0 {
		d.bookNone(b, i)
		return
	}
	for m, month := range s.Months {
		if m < len(months) {
			months[m] = fmt.Sprintf("%02d/%d", month.Month, month.Year%100)
		}
	}
	t := d.bookTable(duesCols(months[:len(s.Months)]))
	for n := range s.Rows {
		r := &s.Rows[n]
		cells := []string{strconv.Itoa(n + 1), nfc(r.Name)}
		for _, c := range r.Cells {
			cells = append(cells, c.Text())
		}
		t.row("", append(cells, domain.Money(r.Total()))...)
	}
	total := []string{"", "Cộng"}
	for m := range s.Months {
		total = append(total, domain.Money(s.MonthTotal(m)))
	}
	t.row("B", append(total, domain.Money(s.Total()))...)
	d.endTable()
	d.para("Ô ghi M: tháng được miễn; ô trống: tháng còn nợ; –: chưa là đoàn viên của chi đoàn.", "I", d.set.BodySize-2, 0, "L")
}

func (d *doc) bookCash(b *Book, i int) {
	cols := []Column{
		{Title: "STT", Width: 6, Align: "C"}, {Title: "Ngày", Width: 14, Align: "C"}, {Title: "Nội dung", Width: 50},
		{Title: "Thu (đồng)", Width: 16, Align: "R"}, {Title: "Chi (đồng)", Width: 16, Align: "R"}, {Title: "Tồn (đồng)", Width: 16, Align: "R"},
	}
	table := b.Blank || b.Cash != nil && (len(b.Cash.Entries) > 0 || b.Cash.Opening != 0)
	d.bookSection(b, i, table && d.bookWide(cols))
	if b.Blank {
		d.bookTable(cols).blankRows(true)
		return
	}
	if b.Cash == nil {
		d.bookNotKept(i)
		return
	}
	c := b.Cash
	if len(c.Entries) == 0 && c.Opening == 0 {
		d.bookNone(b, i)
		return
	}
	t := d.bookTable(cols)
	t.row("", "", c.From.String(), "Số dư đầu kỳ", "", "", domain.Money(c.Opening))
	for n, e := range c.Entries {
		in, out := "", ""
		if e.Receipt != 0 {
			in = domain.Money(e.Receipt)
		}
		if e.Spending != 0 {
			out = domain.Money(e.Spending)
		}
		t.row("", strconv.Itoa(n+1), e.Date.String(), nfc(e.Content), in, out, domain.Money(e.Balance))
	}
	t.row("B", "", "", "Cộng trong năm", domain.Money(c.Receipts), domain.Money(c.Spending), domain.Money(c.Closing))
	d.endTable()
}

// eventSection writes a table of the year's events of the given kinds:
// the person, then the columns more gives for each.
func (d *doc) eventSection(b *Book, i int, more []Column, cells func(e *domain.BookEvent) []string, kinds ...domain.EventKind) {
	cols := personCols(more...)
	events := eventsOf(b, kinds...)
	d.bookSection(b, i, (b.Blank || len(events) > 0) && d.bookWide(cols))
	if b.Blank {
		d.bookTable(cols).blankRows(true)
		return
	}
	if len(events) == 0 {
		d.bookNone(b, i)
		return
	}
	t := d.bookTable(cols)
	for n, e := range events {
		t.row("", append(personCells(n+1, &e.Person), cells(e)...)...)
	}
	d.endTable()
	d.para(fmt.Sprintf("Cộng: %d đoàn viên.", len(events)), "I", d.set.BodySize-1, 0, "L")
}

func (d *doc) bookTransfersOut(b *Book, i int) {
	d.eventSection(b, i, []Column{{Title: "Ngày chuyển đi", Width: 14, Align: "C"}, {Title: "Chuyển đến đơn vị", Width: 34},
		{Title: "Lý do", Width: 26}}, func(e *domain.BookEvent) []string {
		return []string{e.Event.Date.String(), nfc(e.Event.Unit), nfc(e.Event.Reason)}
	}, domain.EventTransferOut)
}

func (d *doc) bookArrivals(b *Book, i int) {
	issuer := b.Unit.IssuerCode
	d.eventSection(b, i, []Column{{Title: "Kết nạp hay chuyển đến", Width: 16}, {Title: "Ngày", Width: 14, Align: "C"},
		{Title: "Quyết định kết nạp / chuyển từ đơn vị", Width: 34}, {Title: "Số thẻ đoàn viên", Width: 16, Align: "C"}},
		func(e *domain.BookEvent) []string {
			how, ref := "Kết nạp", decisionRef(e, issuer)
			if e.Event.Kind == domain.EventTransferIn {
				how, ref = "Chuyển đến", nfc(e.Event.Unit)
			}
			return []string{how, e.Event.Date.String(), ref, nfc(e.Person.CardNumber)}
		}, domain.EventAdmission, domain.EventTransferIn)
}

func (d *doc) bookMaturities(b *Book, i int) {
	issuer := b.Unit.IssuerCode
	d.eventSection(b, i, []Column{{Title: "Ngày vào Đoàn", Width: 14, Align: "C"}, {Title: "Ngày trưởng thành", Width: 14, Align: "C"},
		{Title: "Quyết định", Width: 30}, {Title: "Ghi chú", Width: 16}}, func(e *domain.BookEvent) []string {
		return []string{e.Person.AdmissionDate.String(), e.Event.Date.String(), decisionRef(e, issuer), ""}
	}, domain.EventComingOfAge)
}

func (d *doc) bookRemovals(b *Book, i int) {
	issuer := b.Unit.IssuerCode
	d.eventSection(b, i, []Column{{Title: "Ngày xóa tên", Width: 14, Align: "C"}, {Title: "Lý do", Width: 34},
		{Title: "Quyết định", Width: 28}}, func(e *domain.BookEvent) []string {
		return []string{e.Event.Date.String(), nfc(e.Event.Reason), decisionRef(e, issuer)}
	}, domain.EventRemoval)
}

func (d *doc) bookCards(b *Book, i int) {
	cols := personCols(Column{Title: "Ngày vào Đoàn", Width: 14, Align: "C"}, Column{Title: "Số thẻ đoàn viên", Width: 18, Align: "C"},
		Column{Title: "Ngày trao thẻ", Width: 14, Align: "C"}, Column{Title: "Ký nhận", Width: 22})
	d.bookSection(b, i, (b.Blank || len(b.Cards) > 0) && d.bookWide(cols))
	if b.Blank {
		d.bookTable(cols).blankRows(true)
		return
	}
	if len(b.Cards) == 0 {
		d.bookNone(b, i)
		return
	}
	t := d.bookTable(cols)
	for n := range b.Cards {
		p := &b.Cards[n]
		t.row("", append(personCells(n+1, p), p.AdmissionDate.String(), nfc(p.CardNumber), p.CardDate.String(), "")...)
	}
	d.endTable()
	d.para(fmt.Sprintf("Cộng: %d đoàn viên được trao thẻ.", len(b.Cards)), "I", d.set.BodySize-1, 0, "L")
}

func (d *doc) bookRatings(b *Book, i int) {
	cols := personCols(Column{Title: "Đăng ký", Width: 14, Align: "C", Group: "Chương trình rèn luyện"},
		Column{Title: "Hoàn thành", Width: 14, Align: "C", Group: "Chương trình rèn luyện"},
		Column{Title: "Xếp loại đoàn viên", Width: 30}, Column{Title: "Ngày xếp loại", Width: 14, Align: "C"})
	d.bookSection(b, i, (b.Blank || len(b.Ratings) > 0) && d.bookWide(cols))
	if b.Blank {
		d.bookTable(cols).blankRows(true)
		return
	}
	if len(b.Ratings) == 0 {
		d.bookNone(b, i)
		return
	}
	mark := func(v bool) string {
		if v {
			return "x"
		}
		return ""
	}
	t := d.bookTable(cols)
	count := map[domain.Rating]int{}
	for n := range b.Ratings {
		r := &b.Ratings[n]
		label := "Chưa xếp loại"
		if r.Year.Rating != "" {
			label = r.Year.Rating.Label()
		}
		count[r.Year.Rating]++
		t.row("", append(personCells(n+1, &r.Person), mark(r.Year.TrainingRegistered), mark(r.Year.TrainingCompleted), label, r.Year.Rated.String())...)
	}
	d.endTable()
	var parts []string
	for _, c := range domain.Ratings {
		parts = append(parts, fmt.Sprintf("%s: %d", c.Label, count[domain.Rating(c.Code)]))
	}
	parts = append(parts, fmt.Sprintf("chưa xếp loại: %d", count[""]))
	d.para("Tổng hợp: "+strings.Join(parts, "; ")+".", "I", d.set.BodySize-1, 0, "L")
}

func (d *doc) bookMeetings(b *Book, i int) {
	cols := []Column{
		{Title: "STT", Width: 6, Align: "C"}, {Title: "Ngày", Width: 14, Align: "C"}, {Title: "Hình thức", Width: 16},
		{Title: "Chủ đề, nội dung", Width: 40}, {Title: "Có mặt", Width: 10, Align: "C"}, {Title: "Vắng", Width: 30},
	}
	// The meetings' tracking is the book's other grid (the absent by
	// name run long): landscape whenever it is printed.
	d.bookSection(b, i, b.Blank || b.HasMeetings && len(b.Meetings) > 0)
	if b.Blank {
		d.bookTable(cols).blankRows(true)
		return
	}
	if !b.HasMeetings {
		d.bookNotKept(i)
		return
	}
	if len(b.Meetings) == 0 {
		d.bookNone(b, i)
		return
	}
	t := d.bookTable(cols)
	for n, m := range b.Meetings {
		t.row("", strconv.Itoa(n+1), m.Date.String(), nfc(m.Kind), nfc(m.Theme), fmt.Sprintf("%d/%d", m.Present, m.Members),
			nfc(strings.Join(m.Absent, ", ")))
	}
	d.endTable()
}

func (d *doc) bookMinutes(b *Book, i int) {
	d.bookSection(b, i, false)
	if b.Blank {
		d.ruledLines()
		return
	}
	if !b.HasMeetings {
		d.bookNotKept(i)
		return
	}
	written := 0
	for _, m := range b.Meetings {
		if strings.TrimSpace(m.Minutes) == "" && strings.TrimSpace(m.Resolution) == "" {
			continue
		}
		written++
		d.heading(fmt.Sprintf("%s ngày %s: %s", m.Kind, m.Date, nfc(m.Theme)))
		d.para(fmt.Sprintf("Có mặt %d/%d đoàn viên.", m.Present, m.Members), "I", d.set.BodySize, d.set.FirstLineIndent, "L")
		for _, line := range strings.Split(nfc(m.Minutes), "\n") {
			if strings.TrimSpace(line) != "" {
				d.paragraph(line)
			}
		}
		if r := strings.TrimSpace(nfc(m.Resolution)); r != "" {
			d.para("Nghị quyết: "+r, "", d.set.BodySize, d.set.FirstLineIndent, "J")
		}
	}
	if written == 0 {
		d.bookNone(b, i)
	}
}
