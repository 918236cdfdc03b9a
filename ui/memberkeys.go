package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The member list from the keyboard (issue 17, finding 8): with the focus
// in the search box, Up and Down move a marked row (the cursor) through the
// list and Enter opens it; Esc on a person's page comes back to the list
// (App.escape), with the row still marked and the search box focused, so
// that the next person is a few keys away.

// searchEntry is the member list's search box: the app's entry, whose
// arrows, pages and Enter go to the list first.
type searchEntry struct {
	entry
	// nav handles a key meant for the list and says whether it did.
	nav func(*fyne.KeyEvent) bool
}

func newSearchEntry(k keyboard, nav func(*fyne.KeyEvent) bool) *searchEntry {
	s := &searchEntry{nav: nav}
	s.keys = k
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	if s.nav != nil && s.nav(ev) {
		return
	}
	s.entry.TypedKey(ev)
}

// memberTable is the members table with the list's keys: the same marked
// row as from the search box (Fyne's own focus cell would be a second
// one), Enter and Space open it, Esc goes to the window.
type memberTable struct {
	widget.Table
	keys func(*fyne.KeyEvent) bool
}

func newMemberTable(length func() (int, int), create func() fyne.CanvasObject,
	update func(widget.TableCellID, fyne.CanvasObject), keys func(*fyne.KeyEvent) bool) *memberTable {
	t := &memberTable{keys: keys}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey implements fyne.Focusable.
func (t *memberTable) TypedKey(ev *fyne.KeyEvent) {
	if t.keys != nil && t.keys(ev) {
		return
	}
	t.Table.TypedKey(ev)
}

// tableKey is searchKey with the focus on the table, where Space opens
// the row too and Esc and F1 are the window's.
func (m *membersScreen) tableKey(ev *fyne.KeyEvent) bool {
	if windowKey(m.f, ev) {
		return true
	}
	switch ev.Name {
	case fyne.KeySpace:
		ev = &fyne.KeyEvent{Name: fyne.KeyReturn}
	}
	return m.searchKey(ev)
}

// visibleRows is how far Page Up and Page Down move the cursor.
const visibleRows = 10

// searchKey moves the cursor or opens its row; other keys are the entry's.
func (m *membersScreen) searchKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown:
		m.moveCursor(1)
	case fyne.KeyUp:
		m.moveCursor(-1)
	case fyne.KeyPageDown:
		m.moveCursor(visibleRows)
	case fyne.KeyPageUp:
		m.moveCursor(-visibleRows)
	case fyne.KeyReturn, fyne.KeyEnter:
		row := m.cursor
		if row < 0 && m.total > 0 {
			row = 0 // Enter after a search opens the first person found
		}
		if row >= 0 {
			m.openRow(row)
		}
	default:
		return false
	}
	return true
}

// moveCursor moves the marked row by d rows, within the list, and scrolls
// it into view; from no row, Down starts at the first.
func (m *membersScreen) moveCursor(d int) {
	if m.total == 0 {
		return
	}
	row := m.cursor + d
	if m.cursor < 0 {
		row = max(d-1, 0)
	}
	m.setCursor(min(max(row, 0), m.total-1), true)
}

// setCursor marks row; scroll brings it into view.
func (m *membersScreen) setCursor(row int, scroll bool) {
	old := m.cursor
	m.cursor = row
	for _, r := range []int{old, row} {
		if r >= 0 {
			for c := range m.cols {
				m.table.RefreshItem(widget.TableCellID{Row: r, Col: c})
			}
		}
	}
	if scroll {
		m.table.ScrollTo(widget.TableCellID{Row: row, Col: 1})
	}
}

// openRow opens the page of the person on row r, once its page is read.
func (m *membersScreen) openRow(r int) {
	p := m.row(r)
	if p == nil {
		return
	}
	// Opened after the tap or key is done: the table focuses itself after
	// OnSelected, and would no longer be on the window ("Failed to focus
	// object which is not part of the canvas").
	pid := p.ID
	go m.do(func() { m.act.open(pid) })
}
