package ui

import (
	"errors"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// branchesScreen lists the branches; the selected one is edited on the
// right with its yearly standard-branch checklist and rating.
type branchesScreen struct {
	a        *App
	branches []store.Branch
	list     *widget.List
	detail   *fyne.Container
	root     fyne.CanvasObject
	selected int64
}

func newBranchesScreen(a *App) *branchesScreen {
	s := &branchesScreen{a: a, detail: container.NewStack()}
	s.list = widget.NewList(
		func() int { return len(s.branches) },
		func() fyne.CanvasObject { return widget.NewLabel("Chi đoàn Khóm 10 (100)") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := s.branches[i]
			text := fmt.Sprintf("%s (%d)", b.Name, b.Members)
			if !b.Dissolved.IsZero() || !b.Active {
				text += " — " + T("đã giải thể")
			}
			o.(*widget.Label).SetText(text)
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.selected = s.branches[i].ID; s.showBranch(s.branches[i]) }
	add := widget.NewButtonWithIcon(T("Thêm chi đoàn")+" (Ctrl+N)", theme.ContentAddIcon(), s.newRecord)
	split := container.NewHSplit(container.NewBorder(add, nil, nil, nil, s.list), s.detail)
	split.Offset = 0.3
	s.root = split
	return s
}

func (s *branchesScreen) view() fyne.CanvasObject { return s.root }

func (s *branchesScreen) refresh() {
	bs, err := s.a.st.Branches(s.a.ctx, true)
	if err != nil {
		s.a.showError(err)
		return
	}
	s.branches = bs
	s.list.Refresh()
	for i, b := range bs {
		if b.ID == s.selected || (s.selected == 0 && i == 0) {
			s.list.Select(i)
			return
		}
	}
}

func (s *branchesScreen) newRecord() {
	s.list.UnselectAll()
	s.selected = 0
	s.showBranch(store.Branch{Active: true, Kind: store.BranchHamlet})
}

// showBranch fills the right side with the branch's form and, for a saved
// branch, its checklist and rating for a year.
func (s *branchesScreen) showBranch(b store.Branch) {
	a := s.a
	var fm form
	fm.other = newErrorText()
	name := newEntry(a)
	name.SetText(b.Name)
	kind := newChoiceSelect(store.BranchKinds, nil)
	kind.setCode(string(b.Kind))
	active := widget.NewCheck(T("Đang hoạt động"), nil)
	active.SetChecked(b.Active)
	dissolved := newDateEntry(a)
	dissolved.SetText(b.Dissolved.String())
	note := newEntry(a)
	note.SetText(b.Note)
	fm.add("Name", T("Tên chi đoàn"), name)
	fm.add("Kind", T("Loại"), kind)
	fm.add("Active", "", active)
	fm.add("Dissolved", T("Ngày giải thể"), dissolved)
	fm.add("Note", T("Ghi chú"), note)
	save := widget.NewButtonWithIcon(T("Lưu"), theme.DocumentSaveIcon(), func() {
		fm.clear()
		d, ok := fm.parseDateField("Dissolved", dissolved)
		if !ok {
			return
		}
		nb := b
		nb.Name, nb.Kind, nb.Active, nb.Dissolved, nb.Note = name.Text, store.BranchKind(kind.code()), active.Checked, d, note.Text
		err := a.st.SaveBranch(a.ctx, &nb)
		var ve *store.ValidationError
		if errors.As(err, &ve) {
			fm.showValidation(ve)
			return
		}
		if err != nil {
			a.showError(err)
			return
		}
		s.selected = nb.ID
		s.refresh()
	})
	save.Importance = widget.HighImportance
	box := container.NewVBox(heading(T("Thông tin chi đoàn")), fm.grid(), fm.other)
	if b.ID == 0 {
		box.Add(save)
		s.detail.Objects = []fyne.CanvasObject{container.NewVScroll(box)}
		s.detail.Refresh()
		a.win.Canvas().Focus(name)
		return
	}
	del := widget.NewButtonWithIcon(T("Xóa"), theme.DeleteIcon(), func() {
		a.confirm(T("Xóa chi đoàn"), fmt.Sprintf(T("Xóa chi đoàn %s?"), b.Name), func() {
			if err := a.st.DeleteBranch(a.ctx, b.ID); err != nil {
				a.showError(err)
				return
			}
			s.selected = 0
			s.refresh()
		})
	})
	members := widget.NewButtonWithIcon(fmt.Sprintf(T("Xem %d đoàn viên"), b.Members), theme.AccountIcon(), func() {
		a.goTo("members")
		if m, ok := a.screens["members"].(*membersScreen); ok {
			m.setBranch(b.ID)
			m.refresh()
		}
	})
	rate := widget.NewButton(T("Xếp loại đoàn viên cuối năm"), func() { a.showYearRating(b.ID) })
	box.Add(container.NewHBox(save, del, members, rate))
	box.Add(widget.NewSeparator())
	box.Add(s.checklist(b))
	s.detail.Objects = []fyne.CanvasObject{container.NewVScroll(box)}
	s.detail.Refresh()
}

// checklist shows the standard-branch criteria of a year as checkboxes and
// the branch's rating.
func (s *branchesScreen) checklist(b store.Branch) fyne.CanvasObject {
	a := s.a
	criteria, err := a.st.Criteria(a.ctx)
	if err != nil {
		a.showError(err)
		return widget.NewLabel("")
	}
	checks := container.NewVBox()
	var boxes []*widget.Check
	var ids []int64
	rating := newChoiceSelect(withAll(T("Chưa xếp loại"), store.UnitRatings), nil)
	status := widget.NewLabel("")
	year := widget.NewSelect(yearOptions(thisYear()-5, thisYear()), nil)
	load := func() {
		y, _ := strconv.Atoi(year.Selected)
		by, err := a.st.BranchYear(a.ctx, b.ID, y)
		if err != nil {
			a.showError(err)
			return
		}
		met := map[int64]bool{}
		for _, id := range by.Met {
			met[id] = true
		}
		for i, c := range boxes {
			c.SetChecked(met[ids[i]])
		}
		rating.setCode(by.Rating)
		if by.Standard {
			status.SetText(T("Đạt chuẩn"))
		} else {
			status.SetText(T("Chưa đạt chuẩn"))
		}
	}
	for _, c := range criteria {
		if !c.Active {
			continue
		}
		chk := widget.NewCheck(c.Code+". "+c.Text, nil)
		boxes = append(boxes, chk)
		ids = append(ids, c.ID)
		checks.Add(chk)
	}
	year.OnChanged = func(string) { load() }
	year.SetSelected(strconv.Itoa(thisYear()))
	save := widget.NewButtonWithIcon(T("Lưu đánh giá năm"), theme.DocumentSaveIcon(), func() {
		y, _ := strconv.Atoi(year.Selected)
		by := store.BranchYear{BranchID: b.ID, Year: y, Rating: rating.code()}
		for i, c := range boxes {
			if c.Checked {
				by.Met = append(by.Met, ids[i])
			}
		}
		if err := a.st.SaveBranchYear(a.ctx, by); err != nil {
			a.showError(err)
			return
		}
		load()
	})
	return container.NewVBox(
		container.NewHBox(heading(T("Đánh giá chi đoàn năm")), year, status),
		checks,
		container.NewHBox(widget.NewLabel(T("Xếp loại chi đoàn")), rating, save),
	)
}
