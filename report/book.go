package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/domain"
)

// Book is a branch's book for a year (Sổ Chi đoàn), in the order of the
// form the Ban Bí thư Trung ương Đoàn issues: its tables copy the
// register's records of the branch, each on pages of its own under the
// branch's header. A section whose records the register does not hold
// (nil) prints that it is not kept in the book; an empty one says in one
// line that it had no entries in the year.
type Book struct {
	Unit   domain.Unit
	Branch string // the branch's name
	Year   int
	// From and To are the year's span as the book counts it: To is its
	// cut-off (the year's last day, or the day printed for a year still
	// running).
	From, To domain.Date
	// Blank prints the "sổ trắng": every table with ruled empty rows to
	// fill by hand, and nothing from the register.
	Blank bool

	Members []domain.Person // members on the cut-off, in list order
	// Dues is the year's ledger (nil: the register keeps no dues).
	Dues *domain.DuesSheet
	// Cash is the branch's cash book over the year (nil: not kept).
	Cash    *domain.CashBook
	Events  []domain.BookEvent // the year's membership events, oldest first
	Cards   []domain.Person    // cards handed in the year
	Ratings []domain.BookRating
	// Meetings are the branch's meetings of the year; nil: the register
	// keeps none ("chưa ghi trong sổ").
	Meetings []BookMeeting
	// HasMeetings says the register keeps meetings (Meetings may then be
	// empty: none in the year).
	HasMeetings bool
	Settings    *Settings

	// ResidenceOut and ResidenceIn are the residence records of the year
	// (tables 2 and 3), as known at its end; HasResidence says the
	// register keeps them (false: "chưa ghi trong sổ").
	ResidenceOut, ResidenceIn []domain.Residence
	HasResidence              bool
}

// BookMeeting is one branch meeting as the book prints it.
type BookMeeting struct {
	Date       domain.Date
	Kind       string // định kỳ, chuyên đề…
	Theme      string
	Members    int // members expected
	Present    int
	Absent     []string // the absent members' names
	Minutes    string   // the minutes' text (biên bản)
	Resolution string   // the meeting's resolution (nghị quyết)
}

// BookSections are the book's tables in its order, with the words of the
// line that says a section had no entries in the year.
var BookSections = []struct{ Title, None string }{
	{"Danh sách đoàn viên", "đoàn viên"},
	{"Giới thiệu đoàn viên sinh hoạt tại nơi cư trú", "đoàn viên được giới thiệu sinh hoạt tại nơi cư trú"},
	{"Tiếp nhận đoàn viên đến sinh hoạt tại nơi cư trú", "đoàn viên đến sinh hoạt tại nơi cư trú"},
	{"Theo dõi thu đoàn phí", "đoàn viên phải đóng đoàn phí"},
	{"Theo dõi thu, chi", "khoản thu, chi"},
	{"Đoàn viên chuyển đi", "đoàn viên chuyển sinh hoạt đi"},
	{"Đoàn viên mới kết nạp và chuyển sinh hoạt đến", "đoàn viên mới kết nạp hoặc chuyển đến"},
	{"Trưởng thành Đoàn", "đoàn viên trưởng thành Đoàn"},
	{"Xóa tên", "đoàn viên bị xóa tên"},
	{"Trao thẻ đoàn viên", "đoàn viên được trao thẻ"},
	{"Kết quả thực hiện chương trình rèn luyện đoàn viên", "đoàn viên được đánh giá"},
	{"Theo dõi sinh hoạt chi đoàn", "buổi sinh hoạt chi đoàn"},
	{"Biên bản sinh hoạt chi đoàn", "biên bản sinh hoạt chi đoàn"},
}

// NotKept is what a section prints when the register does not keep its
// records.
const NotKept = "chưa ghi trong sổ"

// WriteBook writes the book: a portrait cover, then each section from a
// new page under the branch's header, portrait unless its table is a wide
// grid (bookpage.go).
func WriteBook(w io.Writer, b *Book) error {
	set := DefaultSettings()
	if b.Settings != nil {
		set = *b.Settings
	}
	d := newDoc(set, false)
	d.bookCover(b)
	sections := []func(*doc, *Book, int){
		(*doc).bookMembers, (*doc).bookResidenceOut, (*doc).bookResidenceIn, (*doc).bookDues, (*doc).bookCash,
		(*doc).bookTransfersOut, (*doc).bookArrivals, (*doc).bookMaturities, (*doc).bookRemovals, (*doc).bookCards,
		(*doc).bookRatings, (*doc).bookMeetings, (*doc).bookMinutes,
	}
	// Each section starts its own page (bookSection), choosing its
	// orientation from what it prints.
	for i, write := range sections {
		write(d, b, i)
	}
	return d.finish(w)
}

// bookYear is the year as the book prints it ("......" in a blank book).
func bookYear(b *Book) string {
	if b.Blank && b.Year == 0 {
		return "20......"
	}
	return strconv.Itoa(b.Year)
}

// bookCover writes the cover: the Union, the ward, SỔ CHI ĐOÀN, the
// branch and the year.
func (d *doc) bookCover(b *Book) {
	hs := d.set.HeaderSize
	d.centred("ĐOÀN TNCS HỒ CHÍ MINH", "B", hs)
	d.centred(strings.ToUpper(nfc(b.Unit.UpperBody)), "", hs)
	d.centred(strings.ToUpper(nfc(b.Unit.Name)), "B", hs)
	d.centred("***", "", hs)
	d.space(45)
	d.centred("SỔ CHI ĐOÀN", "B", 36)
	d.space(8)
	branch := BranchTitle(b.Branch)
	if b.Blank && b.Branch == "" {
		branch = "Chi đoàn ......................................................"
	}
	d.centred(strings.ToUpper(nfc(branch)), "B", 20)
	d.space(4)
	d.centred("Năm "+bookYear(b), "B", 18)
	if !b.Blank {
		d.space(30)
		d.centred(fmt.Sprintf("In từ sổ đoàn viên ngày %s: số liệu từ %s đến %s", b.To, b.From, b.To), "I", d.set.BodySize-2)
	}
}

// bookHeader writes the branch's header over a section: the ward and the
// branch on the left, SỔ CHI ĐOÀN and the year on the right, and the
// section's number and title.
func (d *doc) bookHeader(b *Book, i int) {
	size := d.set.BodySize - 2
	colW := d.w * 0.45
	y0 := d.pdf.GetY()
	branch := strings.ToUpper(nfc(BranchTitle(b.Branch)))
	if b.Blank && b.Branch == "" {
		branch = "CHI ĐOÀN ..............................."
	}
	y := d.colLines(d.left, y0, colW, strings.ToUpper(nfc(b.Unit.Name)), "", size)
	y = d.colLines(d.left, y, colW, branch, "B", size)
	yr := d.colLines(d.left+d.w-colW, y0, colW, "SỔ CHI ĐOÀN NĂM "+bookYear(b), "B", size)
	d.pdf.SetXY(d.left, max(y, yr)+2)
	// The section's title on one line when a size down from the summary's
	// holds it: a portrait page would break "…RÈN LUYỆN ĐOÀN / VIÊN".
	title := fmt.Sprintf("%d. %s", i+1, strings.ToUpper(BookSections[i].Title))
	ts := d.set.SummarySize
	d.font("B", ts)
	if wd := d.width(nfc(title)); wd > d.w {
		ts = max(ts-2, ts*d.w/wd)
	}
	d.centred(title, "B", ts)
	d.space(2)
}

// bookNone writes the line of a section with no entries in the year.
func (d *doc) bookNone(b *Book, i int) {
	d.para(fmt.Sprintf("Không có %s trong năm %d.", BookSections[i].None, b.Year), "I", d.set.BodySize, 0, "L")
}

// bookNotKept writes the line of a section whose records the register
// does not keep.
func (d *doc) bookNotKept(i int) {
	d.para(fmt.Sprintf("%s: %s.", BookSections[i].Title, NotKept), "I", d.set.BodySize, 0, "L")
}

// bookTable starts a section's table at the book's size.
func (d *doc) bookTable(cols []Column) *table {
	d.bookFit(cols)
	return d.newTable(cols, d.bookSize())
}

// blankRows fills the rest of the page with ruled empty rows to write in
// by hand, numbered when the first column is STT.
func (t *table) blankRows(numbered bool) {
	d := t.d
	cells := make([]string, len(t.cols))
	for n := 1; ; n++ {
		if numbered {
			cells[0] = strconv.Itoa(n)
		}
		h := 1.6*t.lh + 2*t.pad
		if d.pdf.PageNo() == t.headerPage && !d.room(h) {
			break
		}
		t.row("", cells...)
		if n > 200 {
			break // a page holds far fewer: never loop on a layout error
		}
	}
	d.endTable()
}

// ruledLines fills the rest of the page with lines to write on.
func (d *doc) ruledLines() {
	d.endTable()
	lh := 9.0
	for y := d.pdf.GetY() + lh; y <= d.bottom(); y += lh {
		d.pdf.Line(d.left, y, d.left+d.w, y)
	}
	d.pdf.SetY(d.bottom())
}

// decisionRef names the decision of a book event ("3-QĐ/ĐTN ngày
// 15/12/2025"), empty when none is recorded.
func decisionRef(e *domain.BookEvent, issuer string) string {
	if e.DecisionNumber == 0 {
		return ""
	}
	return Symbol(e.DecisionNumber, DecisionType, issuer) + " ngày " + e.DecisionDate.String()
}

// eventsOf are the book's events of the given kinds.
func eventsOf(b *Book, kinds ...domain.EventKind) []*domain.BookEvent {
	var out []*domain.BookEvent
	for i := range b.Events {
		for _, k := range kinds {
			if b.Events[i].Event.Kind == k {
				out = append(out, &b.Events[i])
			}
		}
	}
	return out
}
