package ui

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"sodoan/domain"
)

// The member list of issue 17: its place kept after a person's page, the
// keyboard, the default list of active members and an honest export.

// drawnLabels lists the texts of the labels drawn under o (the table's renderer
// holds only the cells on screen).
func drawnLabels(o fyne.CanvasObject) []*widget.Label {
	var out []*widget.Label
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x)
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			if r := test.WidgetRenderer(x); r != nil {
				for _, c := range r.Objects() {
					walk(c)
				}
			}
		}
	}
	walk(o)
	return out
}

// drawnRows is the STT of every row the table draws, and how many of its
// cells wait for their row ("…").
func drawnRows(m *membersScreen) (rows []int, blank int) {
	for _, l := range drawnLabels(m.table) {
		if n, err := strconv.Atoi(l.Text); err == nil && n > 0 && n <= m.total {
			rows = append(rows, n)
		}
		if l.Text == "…" { // a cell whose row is not read (Chức vụ may be empty)
			blank++
		}
	}
	return rows, blank
}

func minOf(xs []int) int {
	if len(xs) == 0 {
		return -1
	}
	m := xs[0]
	for _, x := range xs {
		m = min(m, x)
	}
	return m
}

// bulkPeople adds n more active đoàn viên, named so that they sort after
// the fixture's ten (tên Xuyến comes after every testNames tên).
func bulkPeople(t *testing.T, f *fixture, n int) {
	t.Helper()
	var people []*domain.Person
	family := []string{"Lê", "Trần", "Phạm", "Võ", "Đỗ", "Bùi"}
	middle := []string{"Văn", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Công", "Gia", "Hoàng"}
	for i := range n {
		people = append(people, &domain.Person{FamilyName: family[i%len(family)], MiddleName: middle[i/len(family)%len(middle)], GivenName: "Xuyến",
			Gender: domain.Male, BirthDate: domain.MustDate(2000, 1, 1), Ethnicity: "Kinh", UnionMember: true,
			AdmissionDate: domain.MustDate(2018, 3, 26), CardNumber: fmt.Sprintf("X%04d", i), BranchID: f.br[0]})
	}
	if err := f.st.AddPeople(context.Background(), people); err != nil {
		t.Fatal(err)
	}
}

// TestListKeepsPlaceAfterPage: scrolled to row 200 of 310, a person opened
// and the page left (Quay lại), the table draws the same rows at once,
// none blank, with the row opened still marked; a card number changed
// on the page shows once the pages in view are read again.
func TestListKeepsPlaceAfterPage(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	bulkPeople(t, f, 300)
	m.refresh()
	f.waitFor("310 rows", func() bool { return m.counted && m.total == 310 })
	m.table.ScrollTo(widget.TableCellID{Row: 200, Col: 1})
	f.waitFor("the rows at 200", func() bool {
		rows, blank := drawnRows(m)
		return blank == 0 && len(rows) > 0 && minOf(rows) > 150
	})
	before, _ := drawnRows(m)
	first := minOf(before)
	row := first + 2 - 1 // the third row drawn (STT is 1-based)
	p := *m.row(row)

	m.setCursor(row, false)
	m.openRow(row)
	f.waitFor("the person's page", func() bool { return f.app.onSubPage() })

	// On the page, the person's card number changes (Sửa).
	p.CardNumber = "X9999"
	if err := f.st.SavePerson(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	f.app.back()
	// At once, before any load comes back: the same rows, none blank.
	now, blank := drawnRows(m)
	if got := minOf(now); got != first || blank != 0 {
		t.Fatalf("right after Quay lại: first row %d (want %d), %d blank cells", got, first, blank)
	}
	if m.cursor != row {
		t.Errorf("cursor %d after Quay lại, want %d (the row opened)", m.cursor, row)
	}
	f.settle()
	after, blank := drawnRows(m)
	if got := minOf(after); got != first || blank != 0 {
		t.Errorf("after the reload: first row %d (want %d), %d blank cells", got, first, blank)
	}
	found := false
	for _, l := range drawnLabels(m.table) {
		found = found || l.Text == p.CardNumber
	}
	if !found {
		t.Errorf("the card number changed on the page (%s) is not in the list", p.CardNumber)
	}
}

// TestListKeyboard: from the search box, the arrows move the marked row,
// Enter opens it, Esc comes back to the list with the row still marked and
// the search box focused.
func TestListKeyboard(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("first page", func() bool { return m.counted && len(m.pages[0]) == len(testNames) })
	f.app.win.Canvas().Focus(m.search)
	// The fixture's order (tên, tên đệm, họ): An, Bích, Cường, Dung, Đức…
	for _, c := range []struct {
		keys   []fyne.KeyName
		cursor int
	}{
		{[]fyne.KeyName{fyne.KeyDown}, 0},
		{[]fyne.KeyName{fyne.KeyDown, fyne.KeyDown}, 2},
		{[]fyne.KeyName{fyne.KeyUp}, 1},
		{[]fyne.KeyName{fyne.KeyUp, fyne.KeyUp, fyne.KeyUp}, 0}, // stops at the first row
		{[]fyne.KeyName{fyne.KeyPageDown, fyne.KeyPageDown}, 9}, // and at the last
		{[]fyne.KeyName{fyne.KeyUp, fyne.KeyUp, fyne.KeyUp}, 6},
	} {
		for _, k := range c.keys {
			m.search.TypedKey(&fyne.KeyEvent{Name: k})
		}
		if m.cursor != c.cursor {
			t.Fatalf("after %v: cursor %d, want %d", c.keys, m.cursor, c.cursor)
		}
	}
	want := m.row(6).FullName()
	m.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.waitFor("the person's page", func() bool { return f.app.onSubPage() })
	title := false
	for _, l := range drawnLabels(f.app.body) {
		title = title || l.Text == want
	}
	if !title {
		t.Fatalf("Enter did not open %s", want)
	}
	f.app.escape()
	if f.app.onSubPage() {
		t.Fatal("Esc did not leave the person's page")
	}
	f.settle()
	if m.cursor != 6 || f.app.win.Canvas().Focused() != m.search {
		t.Errorf("back with Esc: cursor %d (want 6), focus %T (want the search box)", m.cursor, f.app.win.Canvas().Focused())
	}
	// A search and Enter open the first person found.
	test.Type(m.search, "cuong")
	f.waitFor("search", func() bool { return m.counted && m.total == 1 && m.filter.Query == "cuong" })
	m.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.waitFor("Cường's page", func() bool { return f.app.onSubPage() })
	f.app.escape()

	// With the focus on the table (Tab's last stop): the same marked row,
	// Space opens it, Esc is the window's.
	m.search.SetText("")
	f.waitFor("the whole list", func() bool { return m.counted && m.total == len(testNames) && m.busy.idle() })
	f.app.win.Canvas().Focus(m.table)
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if m.cursor != 1 {
		t.Fatalf("Down Down on the table: cursor %d, want 1", m.cursor)
	}
	want = m.row(1).FullName()
	m.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	f.waitFor("the person's page", func() bool { return f.app.onSubPage() })
	title = false
	for _, l := range drawnLabels(f.app.body) {
		title = title || l.Text == want
	}
	if !title {
		t.Errorf("Space on the table did not open %s", want)
	}
	f.app.escape()
	if f.app.onSubPage() {
		t.Error("Esc did not leave the page opened from the table")
	}
}

// TestDefaultListActive: the list starts on the đoàn viên in activity, its
// filter and count say so; a member who moved away is listed only with
// "Mọi trạng thái" (or her own status).
func TestDefaultListActive(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("first page", func() bool { return m.counted && m.total == len(testNames) })
	gone := m.pages[0][0]
	if err := f.st.AddEvent(context.Background(), &domain.Event{PersonID: gone.ID, Kind: domain.EventTransferOut, Date: domain.MustDate(2025, 1, 10), Unit: "Đoàn phường 2"}); err != nil {
		t.Fatal(err)
	}
	m.refresh()
	// 10 people, 1 transferred: 9 in activity.
	for _, c := range []struct {
		status string
		total  int
		count  string
	}{
		{"Đang sinh hoạt", 9, "Hiển thị 9 / 9 đoàn viên · Đang sinh hoạt"},
		{"Mọi trạng thái", 10, "Hiển thị 10 / 10 đoàn viên · Mọi trạng thái"},
		{"Đã chuyển đi", 1, "Hiển thị 1 / 1 đoàn viên · Đã chuyển đi"},
	} {
		if m.statusSel.Selected != c.status {
			m.statusSel.SetSelected(c.status)
		}
		f.waitFor(c.status, func() bool { return m.counted && m.total == c.total })
		f.settle()
		if m.count.Text != c.count {
			t.Errorf("%s: count %q, want %q", c.status, m.count.Text, c.count)
		}
		inList := strings.Contains(strings.Join(shown(m), ","), gone.FullName())
		if inList != (c.status != "Đang sinh hoạt") {
			t.Errorf("%s: %s listed %v", c.status, gone.FullName(), inList)
		}
	}
}

// TestExportSaysWhoAndOffersAll: after a search, Xuất Excel says the file
// holds the 2 people found and why, and offers the 10 of the list instead.
func TestExportSaysWhoAndOffersAll(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("first page", func() bool { return m.counted && m.total == len(testNames) })
	test.Type(m.search, "nguyen")
	f.waitFor("search", func() bool { return m.counted && m.total == 2 && m.filter.Query == "nguyen" && m.busy.idle() })
	for _, c := range []struct {
		all  bool
		rows int
	}{{false, 2}, {true, 10}} {
		m.lastExport = ""
		test.Tap(m.exportBtn)
		x := m.exportChoice
		want := "Danh sách đang hiện 2 người: đang tìm: “nguyen”, Đoàn viên, Đang sinh hoạt."
		if x.holds.Text != want {
			t.Errorf("the dialog says %q, want %q", x.holds.Text, want)
		}
		if !x.which.Visible() || len(x.which.Options) != 2 || x.which.Options[1] != "Tất cả 10 đoàn viên · Đang sinh hoạt" {
			t.Fatalf("the offer of all: visible %v, %q", x.which.Visible(), x.which.Options)
		}
		if c.all {
			x.which.SetSelected(x.which.Options[1])
		}
		test.Tap(x.ok)
		f.waitFor("export", func() bool { return m.lastExport != "" && !m.exportBtn.Disabled() })
		f.app.escape() // the offer to open the file
		wb, err := excelize.OpenFile(m.lastExport)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := wb.GetRows("Danh sách")
		wb.Close()
		os.Remove(m.lastExport) // the next one may come within the same second, under the same name
		if err != nil {
			t.Fatal(err)
		}
		if got := len(rows) - 1; got != c.rows {
			t.Errorf("all %v: %d people written, want %d", c.all, got, c.rows)
		}
	}
	// The whole list: nothing to choose, the dialog says what it holds.
	m.search.SetText("")
	f.waitFor("all", func() bool { return m.counted && m.total == 10 && m.filter.Query == "" })
	test.Tap(m.exportBtn)
	if x := m.exportChoice; x.which.Visible() || x.holds.Text != "Danh sách đang hiện 10 người: Đoàn viên, Đang sinh hoạt." {
		t.Errorf("unfiltered: offer shown %v, text %q", x.which.Visible(), x.holds.Text)
	}
}
