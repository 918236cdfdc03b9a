package ui

import (
	"fmt"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// meetingsPanel is the Hoạt động screen's meetings tab: the year's
// branch-by-month grid (met or not, the months met out of 12, the average
// attendance) and the year's meetings, each opened in the attendance
// screen (attendance.go).
type meetingsPanel struct {
	s        *activitiesScreen
	grid     domain.MeetingsGrid
	table    *keyTable
	meetings []store.MeetingLine
	list     *keyList
	root     *fyne.Container
}

// gridCols: the branch, twelve months, months met, meetings, attendance.
const gridCols = 16

func newMeetingsPanel(s *activitiesScreen) *meetingsPanel {
	p := &meetingsPanel{s: s}
	p.table = newTable(s.f,
		func() (int, int) { return len(p.grid.Rows) + 1, gridCols },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Chi đoàn")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.cell(id.Row, id.Col)) })
	// Fits the 1366-pixel laptop: the branch's name is cut with an
	// ellipsis rather than pushing the attendance out of view.
	p.table.SetColumnWidth(0, 200)
	for c := 1; c <= 12; c++ {
		p.table.SetColumnWidth(c, 40)
	}
	p.table.SetColumnWidth(13, 80)
	p.table.SetColumnWidth(14, 70)
	p.table.SetColumnWidth(15, 130)
	p.table.OnSelected = func(id widget.TableCellID) {
		p.table.UnselectAll()
		if id.Row > 0 && id.Row <= len(p.grid.Rows) {
			p.add(p.grid.Rows[id.Row-1].BranchID)
		}
	}
	p.list = newList(s.f, func() int { return len(p.meetings) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("15/03/2026 · Chi đoàn Khóm 1 · Sinh hoạt định kỳ")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			m := p.meetings[i]
			o.(*widget.Label).SetText(fmt.Sprintf(T("%s · %s · %s · %s · có mặt %d, vắng có lý do %d, vắng không lý do %d"),
				m.Date, m.Branch, T(m.Kind.Label()), m.Theme, m.Count.Present, m.Count.Excused, m.Count.Absent))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.UnselectAll()
		if i >= 0 && i < len(p.meetings) {
			openAttendance(p.s, p.meetings[i].ID, 0)
		}
	}
	add := newButtonWithIcon(s.f, T("Ghi buổi sinh hoạt, điểm danh"), theme.ContentAddIcon(), func() { p.add(0) })
	help := widget.NewLabel(T("Mỗi ô: số buổi sinh hoạt chi đoàn trong tháng (không tính họp Ban Chấp hành). Bấm một chi đoàn để ghi buổi sinh hoạt của chi đoàn đó."))
	help.Wrapping = fyne.TextWrapWord
	split := container.NewVSplit(container.NewBorder(help, nil, nil, nil, p.table),
		container.NewBorder(container.NewHBox(heading(T("Các buổi sinh hoạt trong năm")), add), nil, nil, nil, p.list))
	split.Offset = 0.55
	p.root = container.NewStack(split)
	return p
}

func (p *meetingsPanel) view() fyne.CanvasObject { return p.root }

// cell is the grid's text at row (0: the header) and column.
func (p *meetingsPanel) cell(row, col int) string {
	if row == 0 {
		switch {
		case col == 0:
			return T("Chi đoàn")
		case col <= 12:
			return fmt.Sprintf(T("T%d"), p.grid.Months[col-1].Month) // "M1" in English
		case col == 13:
			return T("Số tháng")
		case col == 14:
			return T("Số buổi")
		}
		return T("Có mặt bình quân")
	}
	if row > len(p.grid.Rows) {
		return ""
	}
	r := p.grid.Rows[row-1]
	switch {
	case col == 0:
		return r.Branch
	case col <= 12:
		switch n := r.Held[col-1]; {
		case n == 0 && p.future(col-1):
			return ""
		case n == 0:
			return "—"
		case n == 1:
			return "x" // the paper book's mark; ✓ is not in the window's font
		default:
			return fmt.Sprintf("x%d", n)
		}
	case col == 13:
		return fmt.Sprintf("%d/12", r.MonthsMet)
	case col == 14:
		return fmt.Sprint(r.Meetings)
	}
	if !r.Taken {
		return ""
	}
	return domain.FormatNum(100*r.Attendance) + " %"
}

// future tells whether the grid's month i begins after its cut-off.
func (p *meetingsPanel) future(i int) bool {
	m := p.grid.Months[i]
	return domain.MustDate(m.Year, m.Month, 1).After(p.grid.Span.To)
}

// load reads the year's grid and meetings.
func (p *meetingsPanel) load() {
	g, err := p.s.st.MeetingsGrid(p.s.ctx, p.s.year, domain.Date{})
	if err != nil {
		p.s.f.showError(err)
	}
	p.grid = g
	p.meetings, err = p.s.st.Meetings(p.s.ctx, store.MeetingFilter{Year: p.s.year})
	if err != nil {
		p.s.f.showError(err)
	}
	p.table.Refresh()
	p.list.Refresh()
}

// add opens the attendance screen for a new meeting (of branchID, 0: the
// first branch).
func (p *meetingsPanel) add(branchID int64) { openAttendance(p.s, 0, branchID) }
