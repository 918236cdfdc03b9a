package ui

import (
	"fmt"

	"sodoan/domain"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sodoan/sheet"
)

// clubsScreen lists the clubs and edits the selected one.
type clubsScreen struct {
	*listDetail[domain.Club]
}

func newClubsScreen(a *App) *clubsScreen {
	s := &clubsScreen{newListDetail[domain.Club](a, "CLB Thanh niên làm kinh tế (20)", T("Thêm câu lạc bộ"),
		a.tableExportButton(sheet.TableClubs, "cau-lac-bo", a.thisYear))}
	s.id = func(c domain.Club) int64 { return c.ID }
	s.label = func(c domain.Club) string { return groupLabel(c.Name, c.Members) }
	s.load = func() ([]domain.Club, error) { return a.st.Clubs(a.ctx) }
	s.blank = func() domain.Club { return domain.Club{Active: true, Kind: "economic"} }
	s.show = s.showClub
	s.newWhenEmpty = true
	return s
}

func (s *clubsScreen) showClub(c domain.Club) {
	a := s.a
	var fm form
	fm.other = newErrorText()
	name := newEntry(a)
	name.SetText(c.Name)
	kind := newChoiceSelect(domain.ClubKinds, nil)
	kind.setCode(string(c.Kind))
	founded := newDateEntry(a)
	founded.SetText(c.Founded.String())
	leader := newEntry(a)
	leader.SetText(c.Leader)
	active := newCheck(T("Đang hoạt động"), nil)
	active.SetChecked(c.Active)
	note := newEntry(a)
	note.SetText(c.Note)
	fm.add("Name", T("Tên câu lạc bộ"), name)
	fm.add("Kind", T("Loại"), kind)
	fm.add("Founded", T("Ngày thành lập"), founded)
	fm.add("Leader", T("Chủ nhiệm"), leader)
	fm.add("Active", "", active)
	fm.add("Note", T("Ghi chú"), note)
	members := newGroupEditor(a, c.Members, domain.ClubRoles)
	nc := c
	save := fm.saveButton(a, T("Lưu"), func() error {
		d, ok := fm.parseDateField("Founded", founded)
		if !ok {
			return errSkip
		}
		nc = c
		nc.Name, nc.Kind, nc.Founded, nc.Leader, nc.Active, nc.Note = name.Text, domain.ClubKind(kind.code()), d, leader.Text, active.Checked, note.Text
		nc.Members = members.members
		return a.st.SaveClub(a.ctx, &nc)
	}, func() { s.saved(nc.ID) })
	buttons := container.NewHBox(save)
	if c.ID != 0 {
		buttons.Add(s.deleteButton(T("Xóa câu lạc bộ"), fmt.Sprintf(T("Chuyển %s vào thùng rác?"), c.Name),
			func() error { return a.st.DeleteClub(a.ctx, c.ID) }))
	}
	s.setDetail(container.NewVBox(heading(T("Câu lạc bộ")), fm.grid(), fm.other, buttons, widget.NewSeparator(), members.root))
}
