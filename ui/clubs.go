package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// clubsScreen lists the clubs and edits the selected one.
type clubsScreen struct {
	a        *App
	clubs    []store.Club
	list     *widget.List
	detail   *fyne.Container
	root     fyne.CanvasObject
	selected int64
}

func newClubsScreen(a *App) *clubsScreen {
	s := &clubsScreen{a: a, detail: container.NewStack()}
	s.list = widget.NewList(
		func() int { return len(s.clubs) },
		func() fyne.CanvasObject { return widget.NewLabel("CLB Thanh niên làm kinh tế (20)") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := s.clubs[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s (%d)", c.Name, len(c.Members)))
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.selected = s.clubs[i].ID; s.show(s.clubs[i]) }
	add := widget.NewButtonWithIcon(T("Thêm câu lạc bộ")+" (Ctrl+N)", theme.ContentAddIcon(), s.newRecord)
	split := container.NewHSplit(container.NewBorder(add, nil, nil, nil, s.list), s.detail)
	split.Offset = 0.3
	s.root = split
	return s
}

func (s *clubsScreen) view() fyne.CanvasObject { return s.root }

func (s *clubsScreen) refresh() {
	cs, err := s.a.st.Clubs(s.a.ctx)
	if err != nil {
		s.a.showError(err)
		return
	}
	s.clubs = cs
	s.list.Refresh()
	for i, c := range cs {
		if c.ID == s.selected || (s.selected == 0 && i == 0) {
			s.list.Select(i)
			return
		}
	}
	if len(cs) == 0 {
		s.newRecord()
	}
}

func (s *clubsScreen) newRecord() {
	s.list.UnselectAll()
	s.selected = 0
	s.show(store.Club{Active: true, Kind: "economic"})
}

func (s *clubsScreen) show(c store.Club) {
	a := s.a
	var fm form
	fm.other = newErrorText()
	name := newEntry(a)
	name.SetText(c.Name)
	kind := newChoiceSelect(store.ClubKinds, nil)
	kind.setCode(string(c.Kind))
	founded := newDateEntry(a)
	founded.SetText(c.Founded.String())
	leader := newEntry(a)
	leader.SetText(c.Leader)
	active := widget.NewCheck(T("Đang hoạt động"), nil)
	active.SetChecked(c.Active)
	note := newEntry(a)
	note.SetText(c.Note)
	fm.add("Name", T("Tên câu lạc bộ"), name)
	fm.add("Kind", T("Loại"), kind)
	fm.add("Founded", T("Ngày thành lập"), founded)
	fm.add("Leader", T("Chủ nhiệm"), leader)
	fm.add("Active", "", active)
	fm.add("Note", T("Ghi chú"), note)
	members := newGroupEditor(a, c.Members)
	save := widget.NewButtonWithIcon(T("Lưu"), theme.DocumentSaveIcon(), func() {
		fm.clear()
		d, ok := fm.parseDateField("Founded", founded)
		if !ok {
			return
		}
		nc := c
		nc.Name, nc.Kind, nc.Founded, nc.Leader, nc.Active, nc.Note = name.Text, store.ClubKind(kind.code()), d, leader.Text, active.Checked, note.Text
		nc.Members = members.members
		err := a.st.SaveClub(a.ctx, &nc)
		var ve *store.ValidationError
		if errors.As(err, &ve) {
			fm.showValidation(ve)
			return
		}
		if err != nil {
			a.showError(err)
			return
		}
		s.selected = nc.ID
		s.refresh()
	})
	save.Importance = widget.HighImportance
	buttons := container.NewHBox(save)
	if c.ID != 0 {
		buttons.Add(widget.NewButtonWithIcon(T("Xóa"), theme.DeleteIcon(), func() {
			a.confirm(T("Xóa câu lạc bộ"), fmt.Sprintf(T("Xóa %s?"), c.Name), func() {
				if err := a.st.DeleteClub(a.ctx, c.ID); err != nil {
					a.showError(err)
					return
				}
				s.selected = 0
				s.refresh()
			})
		}))
	}
	box := container.NewVBox(heading(T("Câu lạc bộ")), fm.grid(), fm.other, buttons, widget.NewSeparator(), members.root)
	s.detail.Objects = []fyne.CanvasObject{container.NewVScroll(box)}
	s.detail.Refresh()
}
