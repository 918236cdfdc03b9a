package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/domain"
)

// MemberGroup is the members of one branch, in the order they are printed
// (the store's order: tên, tên đệm, họ).
type MemberGroup struct {
	Name string // the branch's name, printed as a group title
	// Count is printed in the group title; 0 counts Members.
	Count   int
	Members []domain.Person
}

// MemberList is the content of a member list (DANH SÁCH đoàn viên).
type MemberList struct {
	Meta
	// Summary is the line under DANH SÁCH ("Đoàn viên Chi đoàn Khóm 1");
	// empty: "Đoàn viên" and the unit.
	Summary string
	Groups  []MemberGroup
	// Personal adds the personal columns (CCCD, phone, address, dues category:
	// the catalog's Printed fields), printed only when the user asks.
	Personal bool
	// Each, when set, streams the members in print order instead of the
	// Groups' Members (store.EachMember sorted by branch), so that a large
	// register is never held in memory: a group starts whenever
	// BranchName changes, titled with the Count of the group of that
	// name in Groups.
	Each func(fn func(*domain.Person) error) error
}

// NoBranch titles the members who belong to no branch.
const NoBranch = "Chưa phân chi đoàn"

// ListType is the type code lists are numbered under: the reference's
// types have none of their own for a list, which goes to the upper level
// as a report (BC) with DANH SÁCH as its title.
const ListType = "BC"

// personalColumns are the person's fields the personal version of the
// list adds, after the customary columns: those the catalog marks Printed
// (CCCD, phone, address, dues category).
var personalColumns = func() []domain.Field {
	var out []domain.Field
	for _, f := range domain.PersonFields {
		if f.Printed {
			out = append(out, f)
		}
	}
	return out
}()

// memberColumns are the customary columns of a member list, the personal
// ones last. Their widths are set to their content by fitColumns.
func memberColumns(personal bool) []Column {
	cols := []Column{
		{Title: "STT", Align: "C"},
		{Title: "Họ và tên"},
		{Title: "Nam", Align: "C", Group: "Ngày sinh"},
		{Title: "Nữ", Align: "C", Group: "Ngày sinh"},
		{Title: "Dân tộc", Align: "C"},
		{Title: "Tôn giáo", Align: "C"},
		{Title: "Trình độ (HV/ CM/ LLCT)", Align: "C"},
		{Title: "Ngày vào Đoàn", Align: "C"},
		{Title: "Số thẻ đoàn viên", Align: "C"},
		{Title: "Chức vụ"},
		{Title: "Ghi chú"},
	}
	if personal {
		for _, f := range personalColumns {
			c := Column{Title: f.Label}
			if f.Kind != domain.FieldText {
				c.Align = "C"
			}
			cols = append(cols, c)
		}
	}
	return cols
}

// columnFit is what a column of the member list must hold: sample is its
// widest usual content (a date, a card number, an office), which the
// column never goes below; a free-text column (weight > 0) takes a share
// of the width left over, by weight.
type columnFit struct {
	sample string
	weight float64
}

// memberFits gives, by column title, what each column holds.
var memberFits = map[string]columnFit{
	"STT":                     {sample: "9999"},
	"Họ và tên":               {sample: "Nguyễn Thị Hương", weight: 3},
	"Nam":                     {sample: "00/00/0000"},
	"Nữ":                      {sample: "00/00/0000"},
	"Dân tộc":                 {sample: "Khmer"},
	"Tôn giáo":                {sample: "Phật giáo"},
	"Trình độ (HV/ CM/ LLCT)": {sample: "12/12, ĐH, TC"},
	"Ngày vào Đoàn":           {sample: "00/00/0000"},
	"Số thẻ đoàn viên":        {sample: "0000000000"},
	// The longest office, "Ủy viên Ban Thường vụ", on two lines at most.
	"Chức vụ": {sample: "Bí thư chi đoàn", weight: 1.5},
	"Ghi chú": {sample: "Chuyển đến", weight: 1.5},
	// Personal columns.
	"Số CCCD":            {sample: "000000000000"},
	"Điện thoại":         {sample: "00000000000"},
	"Địa chỉ":            {sample: "12 Nguyễn Huệ", weight: 2.5},
	"Diện đóng đoàn phí": {sample: "Hưởng lương"},
}

// fitColumns sets each column's width in millimetres to what its content
// needs (the widest of its sample and of its title's words: a title may
// wrap between words, never inside one), shares what is left of the page
// among the free-text columns by weight, and returns the text size: the
// size asked, or, when the content alone is wider than the page (the
// personal list's fifteen columns), the size at which it fits, never
// below minListSize. The whole list then reads at one size, instead of
// dates and numbers shrunk cell by cell and an office squeezed to 1 cm.
func (d *doc) fitColumns(cols []Column, size float64) float64 {
	fitOf := func(c Column) columnFit {
		if fit, ok := memberFits[c.Title]; ok {
			return fit
		}
		return columnFit{weight: 1}
	}
	pad := 2*d.set.CellPadding + 0.4
	need := make([]float64, len(cols))
	measure := func(size float64) (used float64) {
		for i, c := range cols {
			d.font("", size)
			w := d.width(nfc(fitOf(c).sample))
			d.font("B", size)
			for _, word := range strings.Fields(nfc(c.Title)) {
				w = max(w, d.width(word))
			}
			need[i] = w + pad
			used += need[i]
		}
		return used
	}
	used := measure(size)
	for range 3 {
		if used <= d.w || size <= minListSize {
			break
		}
		// Text widths scale with the size; the padding does not.
		p := pad * float64(len(cols))
		size = max(minListSize, size*(d.w-p)/(used-p))
		used = measure(size)
	}
	weights := 0.0
	for _, c := range cols {
		weights += fitOf(c).weight
	}
	left := max(d.w-used, 0)
	for i, c := range cols {
		// Widths are shares of the table width (newTable scales them):
		// in millimetres they add up to the page.
		cols[i].Width = need[i] + left*fitOf(c).weight/weights
	}
	return size
}

// minListSize is the least text size of a member list (pt).
const minListSize = 7.5

// Abbreviations of the Trình độ column, customary in printed lists, so
// that a row stays on one line.
var (
	qualificationAbbr = map[domain.Qualification]string{
		"vocational": "Nghề", "college": "CĐ", "university": "ĐH", "postgraduate": "SĐH",
	}
	theoryAbbr = map[domain.TheoryLevel]string{
		"elementary": "SC", "intermediate": "TC", "advanced": "CC",
	}
)

// WriteMemberList writes the member list: landscape, one group a branch,
// the date of birth under Nam or Nữ, a closing total by gender, then the
// place and date and the signature. Rows go straight to the PDF: a
// 10,000-member list never exists as a second copy in memory.
func WriteMemberList(w io.Writer, l *MemberList) error {
	set := l.settings()
	d := newDoc(set, true)
	d.header(&l.Meta, ListType)
	summary := l.Summary
	if summary == "" {
		summary = "Đoàn viên " + unitShort(l.Unit)
	}
	d.title("Danh sách", summary)

	cols := memberColumns(l.Personal)
	size := set.ListSize
	if l.Personal {
		// More columns on the same width.
		size *= 0.9
	}
	size = d.fitColumns(cols, size)
	t := d.newTable(cols, size)
	var (
		buf   []byte
		ends  = make([]int, len(cols))
		cells = make([]string, len(cols))
		n     int
		men   int
		women int
	)
	// The last two rows stay on the page of the total and the signature:
	// a signature never stands alone on a page.
	total := 0
	for _, g := range l.Groups {
		total += max(g.Count, len(g.Members))
	}
	closing := d.listClosing(&l.Meta)
	title := func(name string, count int) {
		t.span("B", fmt.Sprintf("%s (%s đoàn viên)", nfc(name), domain.FormatInt(int64(count))))
	}
	one := func(p *domain.Person) {
		n++
		if p.Gender == domain.Female {
			women++
		} else {
			men++
		}
		t.keepTail(total-n, closing)
		// Every cell of the row is appended to one buffer and cut out of
		// one string: one allocation a row instead of one a cell.
		buf = memberRow(buf[:0], ends, p, n, l.Personal)
		s := nfc(string(buf))
		if len(s) != len(buf) {
			// Normalisation changed the text (decomposed input): the
			// offsets no longer hold, so normalise cell by cell.
			s = string(buf)
			start := 0
			for c, e := range ends {
				cells[c] = nfc(s[start:e])
				start = e
			}
		} else {
			start := 0
			for c, e := range ends {
				cells[c] = s[start:e]
				start = e
			}
		}
		t.row("", cells...)
	}
	if l.Each != nil {
		counts := make(map[string]int, len(l.Groups))
		for _, g := range l.Groups {
			counts[g.Name] = max(g.Count, len(g.Members))
		}
		first, cur := true, ""
		err := pipeline(l.Each, func(p *domain.Person) {
			if (first || p.BranchName != cur) && len(l.Groups) != 1 {
				name := p.BranchName
				if name == "" {
					name = NoBranch
				}
				title(name, counts[name])
			}
			first, cur = false, p.BranchName
			one(p)
		})
		if err != nil {
			return fmt.Errorf("đọc danh sách đoàn viên: %w", err)
		}
	} else {
		for _, g := range l.Groups {
			if len(l.Groups) > 1 {
				title(g.Name, max(g.Count, len(g.Members)))
			}
			for i := range g.Members {
				one(&g.Members[i])
			}
		}
	}
	d.lastParagraph(&l.Meta, true, fmt.Sprintf("Tổng cộng: %s đoàn viên (Nam: %s, Nữ: %s)", domain.FormatInt(int64(n)), domain.FormatInt(int64(men)), domain.FormatInt(int64(women))),
		"B", 0, "L")
	d.closing(&l.Meta, true)
	return d.finish(w)
}

// pipeline runs each (reading the register) in its own goroutine and fn
// (laying out rows) in this one, handing members over in batches: reading
// and layout take about as long as each other on a large list, and the
// two overlap on a machine with two cores. Batches are recycled so that
// the hand-over allocates nothing per member.
func pipeline(each func(fn func(*domain.Person) error) error, fn func(*domain.Person)) error {
	const batchSize = 256
	full := make(chan []domain.Person, 4)
	free := make(chan []domain.Person, 6)
	for range 6 {
		free <- make([]domain.Person, 0, batchSize)
	}
	done := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		defer close(full)
		batch := <-free
		err := each(func(p *domain.Person) error {
			batch = append(batch, *p)
			if len(batch) == batchSize {
				select {
				case full <- batch:
				case <-done:
					return errStopped
				}
				select {
				case batch = <-free:
				case <-done:
					return errStopped
				}
			}
			return nil
		})
		if err == nil && len(batch) > 0 {
			full <- batch
		}
		errc <- err
	}()
	for batch := range full {
		for i := range batch {
			fn(&batch[i])
		}
		free <- batch[:0]
	}
	close(done)
	return <-errc
}

var errStopped = fmt.Errorf("dừng đọc")

// memberRow appends the cells of p's row to b, recording where each ends.
func memberRow(b []byte, ends []int, p *domain.Person, n int, personal bool) []byte {
	c := 0
	end := func() {
		ends[c] = len(b)
		c++
	}
	b = strconv.AppendInt(b, int64(n), 10)
	end()
	b = appendName(b, p.FamilyName, p.MiddleName, p.GivenName)
	end()
	if p.Gender != domain.Female {
		b = appendDate(b, p.BirthDate)
	}
	end()
	if p.Gender == domain.Female {
		b = appendDate(b, p.BirthDate)
	}
	end()
	b = append(b, p.Ethnicity...)
	end()
	if p.Religion == "" {
		b = append(b, "Không"...)
	} else {
		b = append(b, p.Religion...)
	}
	end()
	b = appendLevels(b, p)
	end()
	b = appendDate(b, p.AdmissionDate)
	end()
	b = append(b, p.CardNumber...)
	end()
	b = append(b, p.Position...)
	end()
	b = append(b, p.Note...)
	end()
	if personal {
		for _, f := range personalColumns {
			b = append(b, f.Display(p)...)
			end()
		}
	}
	return b
}

// appendName appends "họ tên đệm tên" with single spaces.
func appendName(b []byte, parts ...string) []byte {
	first := true
	for _, p := range parts {
		if p == "" {
			continue
		}
		if !first {
			b = append(b, ' ')
		}
		b = append(b, p...)
		first = false
	}
	return b
}

// appendLevels appends schooling, qualification and political theory,
// abbreviated: "12/12, ĐH, SC".
func appendLevels(b []byte, p *domain.Person) []byte {
	start := len(b)
	sep := func() {
		if len(b) > start {
			b = append(b, ", "...)
		}
	}
	if p.Schooling > 0 {
		b = strconv.AppendInt(b, int64(p.Schooling), 10)
		b = append(b, "/12"...)
	}
	if a := qualificationAbbr[p.Qualification]; a != "" {
		sep()
		b = append(b, a...)
	}
	if a := theoryAbbr[p.TheoryLevel]; a != "" {
		sep()
		b = append(b, a...)
	}
	return b
}
