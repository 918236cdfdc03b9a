package ui

import (
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// duesGrid is a branch's quarter on one table: a row per member, the
// three months as boxes to type the amount paid in (M shows a month the
// committee exempted, "–" one she was not a member), her total. What is
// typed stays in edits until saved, in one transaction, by the screen.
type duesGrid struct {
	f     frame
	sheet domain.DuesSheet
	// edits are the boxes typed, by row and month: the text as typed.
	edits map[[2]int]string
	table *keyTable
	// changed is told when a box changes (the screen's total and unsaved
	// mark).
	changed func()
}

const (
	gridColNo = iota
	gridColName
	gridColCategory
	gridColMonth // three month columns from here
	gridColTotal = gridColMonth + 3
)

func newDuesGrid(f frame, changed func()) *duesGrid {
	g := &duesGrid{f: f, edits: map[[2]int]string{}, changed: changed}
	// newTable: F1 and Esc reach the window while the grid has the focus.
	g.table = newTable(f,
		func() (int, int) { return len(g.sheet.Rows) + 1, gridColTotal + 1 },
		func() fyne.CanvasObject {
			e := newEntry(f)
			e.Hide()
			return container.NewStack(widget.NewLabel("Nguyễn Thị Thanh Hương"), e)
		},
		g.update)
	g.table.ShowHeaderRow = true
	g.table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("Không hưởng lương") }
	g.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(g.header(id.Col))
		o.(*widget.Label).TextStyle = fyne.TextStyle{Bold: true}
	}
	for col, w := range map[int]float32{gridColNo: 52, gridColName: 250, gridColCategory: 170, gridColMonth: 110, gridColMonth + 1: 110, gridColMonth + 2: 110, gridColTotal: 110} {
		g.table.SetColumnWidth(col, w)
	}
	return g
}

func (g *duesGrid) header(col int) string {
	switch {
	case col == gridColNo:
		return T("STT")
	case col == gridColName:
		return T("Họ và tên")
	case col == gridColCategory:
		return T("Diện")
	case col >= gridColMonth && col < gridColTotal && col-gridColMonth < len(g.sheet.Months):
		return fmt.Sprintf(T("Tháng %s"), g.sheet.Months[col-gridColMonth])
	}
	return T("Cộng")
}

// load shows a sheet, dropping what was typed.
func (g *duesGrid) load(s domain.DuesSheet) {
	g.sheet = s
	g.edits = map[[2]int]string{}
	g.table.Refresh()
}

// update draws one cell; the last row is the months' totals.
func (g *duesGrid) update(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	label, e := box.Objects[0].(*widget.Label), box.Objects[1].(*entry)
	e.OnChanged = nil
	label.TextStyle = fyne.TextStyle{}
	showLabel := func(s string) {
		e.Hide()
		label.SetText(s)
		label.Show()
	}
	if id.Row == len(g.sheet.Rows) {
		label.TextStyle = fyne.TextStyle{Bold: true}
		switch {
		case id.Col == gridColName:
			showLabel(T("Cộng"))
		case id.Col >= gridColMonth && id.Col < gridColTotal:
			showLabel(domain.Money(g.monthTotal(id.Col - gridColMonth)))
		case id.Col == gridColTotal:
			var t int64
			for m := range 3 {
				t += g.monthTotal(m)
			}
			showLabel(domain.Money(t))
		default:
			showLabel("")
		}
		return
	}
	r := &g.sheet.Rows[id.Row]
	switch {
	case id.Col == gridColNo:
		showLabel(strconv.Itoa(id.Row + 1))
	case id.Col == gridColName:
		showLabel(r.Name)
	case id.Col == gridColCategory:
		showLabel(gridCategory(r, g.sheet.Months))
	case id.Col == gridColTotal:
		showLabel(domain.Money(g.rowTotal(id.Row)))
	default:
		m := id.Col - gridColMonth
		c := r.Cells[m]
		if c.Exempt || (!c.Owed && !c.Later && !c.Paid) {
			showLabel(c.Text())
			return
		}
		label.Hide()
		e.Show()
		key := [2]int{id.Row, m}
		text, typed := g.edits[key]
		if !typed {
			text = ""
			if c.Paid {
				text = domain.Money(c.Amount)
			}
		}
		e.SetText(text)
		row := id.Row
		e.OnChanged = func(s string) {
			g.edits[[2]int{row, m}] = s
			// The row's total and the month's follow what is typed.
			g.table.RefreshItem(widget.TableCellID{Row: row, Col: gridColTotal})
			for _, col := range []int{gridColMonth + m, gridColTotal} {
				g.table.RefreshItem(widget.TableCellID{Row: len(g.sheet.Rows), Col: col})
			}
			if g.changed != nil {
				g.changed()
			}
		}
	}
}

// amount is what a month of a row holds now: typed, or as loaded.
func (g *duesGrid) amount(row, m int) int64 {
	if s, ok := g.edits[[2]int{row, m}]; ok {
		a, err := domain.ParseMoney(s)
		if err != nil {
			return 0
		}
		return a
	}
	if c := g.sheet.Rows[row].Cells[m]; c.Paid {
		return c.Amount
	}
	return 0
}

func (g *duesGrid) rowTotal(row int) int64 {
	var t int64
	for m := range g.sheet.Rows[row].Cells {
		t += g.amount(row, m)
	}
	return t
}

func (g *duesGrid) monthTotal(m int) int64 {
	var t int64
	for row := range g.sheet.Rows {
		t += g.amount(row, m)
	}
	return t
}

// dirty says whether a box differs from what is saved.
func (g *duesGrid) dirty() bool {
	e, _ := g.entries()
	return len(e) > 0
}

// entries are the boxes that differ from the register, as the store
// saves them; a box that is not an amount is refused naming the member
// and the month.
func (g *duesGrid) entries() ([]domain.DuesGridEntry, error) {
	var out []domain.DuesGridEntry
	c := &domain.Checker{}
	for row, r := range g.sheet.Rows {
		for m, cell := range r.Cells {
			s, ok := g.edits[[2]int{row, m}]
			if !ok {
				continue
			}
			var a int64
			if domain.Clean(s) != "" {
				var err error
				if a, err = domain.ParseMoney(s); err != nil {
					c.Row = row + 1
					c.Add("Amount", r.Name, "tháng %s: %s", g.sheet.Months[m], err.Error())
					continue
				}
			}
			if was := map[bool]int64{true: cell.Amount}[cell.Paid]; a != was {
				out = append(out, domain.DuesGridEntry{PersonID: r.PersonID, Month: g.sheet.Months[m], Amount: a})
			}
		}
	}
	return out, c.Err()
}

// fillRates types each month owed, not exempt and empty with the
// member's rate (a branch that collected the whole quarter).
func (g *duesGrid) fillRates() {
	for row, r := range g.sheet.Rows {
		for m, c := range r.Cells {
			if c.Unpaid() && g.amount(row, m) == 0 {
				g.edits[[2]int{row, m}] = domain.Money(c.Rate)
			}
		}
	}
	g.table.Refresh()
	if g.changed != nil {
		g.changed()
	}
}

// gridCategory is a row's category in the grid's narrow column: its label,
// or, when it changed within the quarter, the latest with the month it
// began ("Hưởng lương từ T6"); each month's rate follows its own.
func gridCategory(r *domain.DuesRow, months []domain.Month) string {
	spans := r.Categories(months)
	if len(spans) <= 1 {
		return T(r.Category.Label())
	}
	last := spans[len(spans)-1]
	return fmt.Sprintf(T("%s từ T%d"), T(last.Category.Label()), last.From.Month)
}
