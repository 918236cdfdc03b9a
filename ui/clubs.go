package ui

import (
	"context"
	"fmt"

	"sodoan/domain"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sodoan/sheet"
	"sodoan/store"
)

// clubsScreen lists the clubs and edits the selected one.
type clubsScreen struct {
	*listDetail[domain.Club]
}

func newClubsScreen(ctx context.Context, st *store.Store, clock clock, f frame, exports *tableExports) *clubsScreen {
	s := &clubsScreen{newListDetail[domain.Club](ctx, st, clock, f, "CLB Thanh niên làm kinh tế (20)", T("Thêm câu lạc bộ"),
		exports.button(sheet.TableClubs, "cau-lac-bo", clock.thisYear))}
	s.id = func(c domain.Club) int64 { return c.ID }
	s.label = func(c domain.Club) string { return groupLabel(c.Name, c.Members) }
	s.load = func() ([]domain.Club, error) { return st.Clubs(ctx) }
	s.blank = func() domain.Club { return domain.Club{Active: true, Kind: "economic"} }
	s.show = s.showClub
	s.newWhenEmpty = true
	return s
}

func (s *clubsScreen) showClub(c domain.Club) {
	var fm form
	fm.other = newErrorText()
	name := newEntry(s.f)
	name.SetText(c.Name)
	kind := newChoiceSelect(s.f, domain.ClubKinds, nil)
	kind.setCode(string(c.Kind))
	founded := newDateEntry(s.f)
	founded.SetText(c.Founded.String())
	leader := newEntry(s.f)
	leader.SetText(c.Leader)
	active := newCheck(s.f, T("Đang hoạt động"), nil)
	active.SetChecked(c.Active)
	note := newEntry(s.f)
	note.SetText(c.Note)
	fm.add("Name", T("Tên câu lạc bộ"), name)
	fm.add("Kind", T("Loại"), kind)
	fm.add("Founded", T("Ngày thành lập"), founded)
	fm.add("Leader", T("Chủ nhiệm"), leader)
	fm.add("Active", "", active)
	fm.add("Note", T("Ghi chú"), note)
	members := newGroupEditor(s.ctx, s.st, s.f, c.Members, domain.ClubRoles)
	nc := c
	save := fm.saveButton(s.f, T("Lưu"), func() error {
		d, ok := fm.parseDateField("Founded", founded)
		if !ok {
			return errSkip
		}
		nc = c
		nc.Name, nc.Kind, nc.Founded, nc.Leader, nc.Active, nc.Note = name.Text, domain.ClubKind(kind.code()), d, leader.Text, active.Checked, note.Text
		nc.Members = members.members
		return savedSay(s.f, s.st.SaveClub(s.ctx, &nc), fmt.Sprintf(T("Đã lưu câu lạc bộ %s."), nc.Name))
	}, func() { s.saved(nc.ID) })
	buttons := container.NewHBox(save)
	if c.ID != 0 {
		buttons.Add(s.deleteButton(T("Xóa câu lạc bộ"), fmt.Sprintf(T("Chuyển %s vào thùng rác?"), c.Name),
			func() error {
				return savedSay(s.f, s.st.DeleteClub(s.ctx, c.ID), fmt.Sprintf(T("Đã chuyển %s vào thùng rác."), c.Name))
			}))
	}
	s.setDetail(container.NewVBox(heading(T("Câu lạc bộ")), fm.grid(), fm.other, buttons, widget.NewSeparator(), members.root))
}
