package ui

import (
	"fmt"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// attendance is one meeting of a branch on one screen: its date, kind,
// theme, minutes and resolution, and the presence of every member of the
// branch on that day (300 members: a list that draws only the rows in
// view, a three-way choice a row, "all present"), saved in one
// transaction with the meeting.
type attendance struct {
	s        *activitiesScreen
	m        domain.Meeting
	fm       form
	branch   *selectBox
	date     *entry
	kind     *choiceSelect
	theme    *entry
	minutes  *entry
	res      *entry
	roll     []rollRow
	list     *keyList
	counts   *widget.Label
	lastDate domain.Date
	dialog   dialog.Dialog
	all      *button // Tất cả có mặt
}

// rollRow is one member called to the meeting and their mark ("": none yet).
type rollRow struct {
	id   int64
	name string
	mark domain.Presence
}

// presenceLabels are the three choices as the rows show them.
func presenceLabels() []string {
	out := make([]string, len(domain.Presences))
	for i, c := range domain.Presences {
		out[i] = T(c.Label)
	}
	return out
}

// openAttendance opens meeting id (0: a new one of branchID, 0: the first
// branch).
func openAttendance(s *activitiesScreen, id, branchID int64) *attendance {
	a := &attendance{s: s, counts: widget.NewLabel("")}
	if id != 0 {
		m, err := s.st.Meeting(s.ctx, id)
		if err != nil {
			s.f.showError(err)
			return nil
		}
		a.m = m
	} else {
		a.m = domain.Meeting{BranchID: branchID, Date: s.clock.today(), Kind: domain.MeetingRegular}
		if a.m.BranchID == 0 && len(s.branches) > 0 {
			a.m.BranchID = s.branches[0].ID
		}
		if themes, err := s.st.Themes(s.ctx, a.m.Date.Year()); err == nil {
			a.m.Theme = themes[a.m.Date.Month()-1]
		}
	}
	var opts []string
	sel := -1
	for i, b := range s.branches {
		opts = append(opts, b.Name)
		if b.ID == a.m.BranchID {
			sel = i
		}
	}
	a.fm.other = newErrorText()
	a.branch = newSelect(s.f, opts, nil)
	if sel >= 0 {
		a.branch.SetSelectedIndex(sel)
	}
	a.date, a.theme = newDateEntry(s.f), newEntry(s.f)
	a.date.SetText(a.m.Date.String())
	a.theme.SetText(a.m.Theme)
	a.kind = newChoiceSelect(s.f, domain.MeetingKinds, nil)
	a.kind.setCode(string(a.m.Kind))
	a.minutes, a.res = newMultiLineEntry(s.f), newMultiLineEntry(s.f)
	a.minutes.SetText(a.m.Minutes)
	a.res.SetText(a.m.Resolution)
	a.minutes.SetMinRowsVisible(3)
	a.res.SetMinRowsVisible(3)
	a.fm.add("BranchID", T("Chi đoàn"), a.branch)
	a.fm.add("Date", T("Ngày sinh hoạt"), a.date)
	a.fm.add("Kind", T("Loại buổi sinh hoạt"), a.kind)
	a.fm.add("Theme", T("Chủ điểm"), a.theme)
	a.fm.add("Minutes", T("Biên bản"), a.minutes)
	a.fm.add("Resolution", T("Nghị quyết"), a.res)
	a.list = newList(a.s.f, func() int { return len(a.roll) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("999. Nguyễn Thị Ngọc Hân")
			name.Truncation = fyne.TextTruncateEllipsis
			radio := widget.NewRadioGroup(presenceLabels(), nil)
			radio.Horizontal = true
			return container.NewGridWithColumns(2, name, radio)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { a.drawRow(i, o.(*fyne.Container)) })
	allPresent := newButtonWithIcon(s.f, T("Tất cả có mặt"), theme.ConfirmIcon(), func() {
		for i := range a.roll {
			a.roll[i].mark = domain.Present
		}
		a.list.Refresh()
		a.showCounts()
	})
	a.all = allPresent
	a.branch.OnChanged = func(string) { a.loadRoll() }
	a.date.OnChanged = func(string) {
		if d, err := domain.ParseDate(a.date.Text); err == nil && !d.IsZero() && d != a.lastDate {
			a.loadRoll()
		}
	}
	a.loadRoll()
	// Two columns, so that the roll keeps most of a 768-pixel screen.
	fields := container.NewGridWithColumns(2, a.fm.grid("BranchID", "Date", "Kind", "Theme"), a.fm.grid("Minutes", "Resolution"))
	top := container.NewVBox(fields, container.NewHBox(allPresent, a.counts), a.fm.other)
	content := container.NewBorder(top, nil, nil, nil, a.list)
	sz := s.win.Canvas().Size()
	title := T("Ghi buổi sinh hoạt, điểm danh")
	if a.m.ID != 0 {
		title = T("Sửa buổi sinh hoạt, điểm danh")
	}
	a.dialog = s.f.formDialog(title, content, fyne.NewSize(sz.Width*0.92, sz.Height*0.94), a.save)
	return a
}

// drawRow shows row i of the roll in o (a recycled row of the list).
func (a *attendance) drawRow(i int, o *fyne.Container) {
	if i < 0 || i >= len(a.roll) {
		return
	}
	r := a.roll[i]
	o.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d. %s", i+1, r.name))
	radio := o.Objects[1].(*widget.RadioGroup)
	radio.OnChanged = nil
	radio.SetSelected("")
	if r.mark != "" {
		radio.SetSelected(T(r.mark.Label()))
	}
	radio.OnChanged = func(v string) {
		for _, c := range domain.Presences {
			if T(c.Label) == v {
				a.roll[i].mark = domain.Presence(c.Code)
			}
		}
		if v == "" {
			a.roll[i].mark = ""
		}
		a.showCounts()
	}
}

// loadRoll lists the branch's Union members on the meeting's day, with
// the marks already given (a member marked who has since left the branch
// stays on the list with their mark).
func (a *attendance) loadRoll() {
	i := a.branch.SelectedIndex()
	d, err := domain.ParseDate(a.date.Text)
	if i < 0 || err != nil || d.IsZero() {
		return
	}
	a.lastDate = d
	marks := map[int64]domain.Presence{}
	for _, r := range a.roll {
		if r.mark != "" {
			marks[r.id] = r.mark
		}
	}
	if len(a.roll) == 0 {
		for _, m := range a.m.Attendance {
			marks[m.PersonID] = m.Status
		}
	}
	people, err := a.s.st.ListMembers(a.s.ctx, store.MemberFilter{BranchID: a.s.branches[i].ID, Kind: store.KindUnion, AsOf: d})
	if err != nil {
		a.s.f.showError(err)
		return
	}
	a.roll = a.roll[:0]
	listed := map[int64]bool{}
	for _, p := range people {
		a.roll = append(a.roll, rollRow{id: p.ID, name: p.FullName(), mark: marks[p.ID]})
		listed[p.ID] = true
	}
	if a.m.BranchID == a.s.branches[i].ID {
		for _, m := range a.m.Attendance {
			if listed[m.PersonID] {
				continue
			}
			p, err := a.s.st.Person(a.s.ctx, m.PersonID)
			if err != nil {
				continue // gone to the recycle bin: its mark went with it
			}
			a.roll = append(a.roll, rollRow{id: p.ID, name: p.FullName(), mark: marks[p.ID]})
		}
	}
	a.list.Refresh()
	a.showCounts()
}

// showCounts tallies the marks.
func (a *attendance) showCounts() {
	var c domain.AttendanceCount
	unmarked := 0
	for _, r := range a.roll {
		switch r.mark {
		case domain.Present:
			c.Present++
		case domain.Excused:
			c.Excused++
		case domain.Absent:
			c.Absent++
		default:
			unmarked++
		}
	}
	a.counts.SetText(fmt.Sprintf(T("%d đoàn viên: có mặt %d, vắng có lý do %d, vắng không lý do %d, chưa điểm danh %d"),
		len(a.roll), c.Present, c.Excused, c.Absent, unmarked))
}

func (a *attendance) save() bool {
	a.fm.clear()
	d, ok := a.fm.parseDateField("Date", a.date)
	if !ok {
		return false
	}
	m := a.m
	m.Date = d
	if i := a.branch.SelectedIndex(); i >= 0 {
		m.BranchID = a.s.branches[i].ID
	}
	m.Kind = domain.MeetingKind(a.kind.code())
	m.Theme, m.Minutes, m.Resolution = a.theme.Text, a.minutes.Text, a.res.Text
	m.Attendance = m.Attendance[:0:0]
	var unmarked []string
	for _, r := range a.roll {
		if r.mark == "" {
			unmarked = append(unmarked, r.name)
			continue
		}
		m.Attendance = append(m.Attendance, domain.Attendance{PersonID: r.id, Status: r.mark})
	}
	if len(unmarked) > 0 {
		more := ""
		if len(unmarked) > 3 {
			more = fmt.Sprintf(T(" và %d người khác"), len(unmarked)-3)
			unmarked = unmarked[:3]
		}
		a.fm.other.set(fmt.Sprintf(T("Chưa điểm danh: %s%s. Bấm Tất cả có mặt rồi đánh dấu người vắng."), strings.Join(unmarked, ", "), more))
		return false
	}
	if !a.fm.result(a.s.f, a.s.st.SaveMeeting(a.s.ctx, &m)) {
		return false
	}
	a.m = m
	c := m.Count()
	a.s.f.notify(fmt.Sprintf(T("Đã lưu buổi sinh hoạt %s: có mặt %d/%d."), m.Date, c.Present, c.Called()))
	a.s.meet.load()
	a.s.loadReview()
	return true
}
