package report

import "strings"

// The branch book's pages: A4 portrait, as every Union document, and
// landscape only for a grid that cannot be read on a portrait page (the
// dues ledger's twelve month columns, the meetings' tracking table, a
// table whose columns do not fit). Each section starts on a page of its
// own under the branch's header; the page numbers run on through the turns.

// A4's width in portrait and in landscape (mm).
const a4Short, a4Long = 210.0, 297.0

// bookSection starts section i on a new page, landscape when wide says so,
// and writes the branch's header.
func (d *doc) bookSection(b *Book, i int, wide bool) {
	d.turnPage(wide)
	d.bookHeader(b, i)
}

// bookWide reports whether the table of cols needs a landscape page: its
// columns' content (a date, a card number, a name, each title's longest
// word) is wider than a portrait page's text width at the book's size.
// nil columns (a section printing one line) never do.
func (d *doc) bookWide(cols []Column) bool {
	if cols == nil {
		return false
	}
	return d.bookNeed(cols, d.bookSize()) > a4Short-d.set.MarginLeft-d.set.MarginRight
}

// bookSize is the text size of the book's tables (pt): the member list's,
// at which an event table of eight columns (three dates, a card number, a
// decision) fits a portrait page.
func (d *doc) bookSize() float64 { return d.set.ListSize }

// bookSample is the widest usual content of a book column, by its title:
// what a column must hold on one line.
func bookSample(c Column) string {
	t := strings.ToLower(c.Title)
	switch {
	case c.Title == "STT":
		return "999"
	case c.Title == "Họ và tên":
		return "Nguyễn Thị Hương"
	case c.Group == "Ngày sinh", strings.HasPrefix(t, "ngày"), strings.HasSuffix(t, " ngày"):
		// "Ngày kết nạp", and the residence tables' "Từ ngày", "Đến ngày".
		return "00/00/0000"
	case strings.HasPrefix(t, "số thẻ"):
		return "0000000000"
	case c.Align == "R":
		return "000.000"
	case strings.HasPrefix(t, "quyết định"):
		// "12-QĐ/ĐTN / ngày 15/12/2025" on two lines, the number whole
		// (a ward issues fewer than a hundred a year; a longer one shrinks).
		return "00-QĐ/ĐTN"
	case c.Title == "Xếp loại đoàn viên":
		// The grades wrap on two lines: "Không hoàn thành / nhiệm vụ".
		return "Không hoàn thành"
	}
	return ""
}

// bookNeed is the width (mm) the columns' content needs at size.
func (d *doc) bookNeed(cols []Column, size float64) float64 {
	total := 0.0
	for _, c := range cols {
		total += d.bookColNeed(c, size)
	}
	return total
}

// bookColNeed is the width (mm) one column's content needs at size: its
// sample, and its title's longest word (a title wraps between words).
func (d *doc) bookColNeed(c Column, size float64) float64 {
	d.font("", size)
	w := d.width(nfc(bookSample(c)))
	d.font("B", size)
	for _, word := range strings.Fields(nfc(c.Title)) {
		w = max(w, d.width(word))
	}
	return w + 2*d.set.CellPadding + 0.4
}

// bookText is whether a column holds free text, which takes a share of
// the width left over: a left-aligned column (a unit, a reason).
// A centred or right-aligned one holds a date, a figure or a mark, and
// keeps the width its content needs.
func bookText(c Column) bool {
	// A name keeps its sample's width: the room goes to the columns of
	// words (a unit, a decision, a reason), a long name wraps.
	return (c.Align == "" || c.Align == "L") && c.Title != "Họ và tên"
}

// bookFit sets the columns' widths for the page in use: each what its
// content needs, the text columns (no sample) sharing what is left by
// their Width, as a weight. A table too wide even so keeps its weights
// (newTable scales them; a word too wide for its cell is shrunk there).
func (d *doc) bookFit(cols []Column) {
	size := d.bookSize()
	need := make([]float64, len(cols))
	used, weights := 0.0, 0.0
	for i, c := range cols {
		need[i] = d.bookColNeed(c, size)
		used += need[i]
		if bookText(c) {
			weights += c.Width
		}
	}
	left := d.w - used
	if left < 0 || weights == 0 {
		return
	}
	for i, c := range cols {
		cols[i].Width = need[i]
		if bookText(c) {
			cols[i].Width += left * c.Width / weights
		}
	}
}
