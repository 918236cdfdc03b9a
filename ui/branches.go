package ui

import (
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/sheet"
)

// branchesScreen lists the branches; the selected one is edited on the
// right with its yearly standard-branch checklist and rating. The
// checklist itself is edited from the button above the list.
type branchesScreen struct {
	*listDetail[domain.Branch]
	// criteria is the open checklist editor (for tests), nil when closed.
	criteria *criteriaEditor
	// boxes are the checkboxes of the shown branch's checklist.
	boxes []*check
	// saveYear saves the shown checklist (the Lưu đánh giá năm button).
	saveYear func()
	// checkYear picks the year whose checklist is shown.
	checkYear *selectBox
}

func newBranchesScreen(a *App) *branchesScreen {
	s := &branchesScreen{}
	edit := newButtonWithIcon(T("Tiêu chí chi đoàn đạt chuẩn"), theme.ListIcon(), func() { s.editCriteria() })
	s.listDetail = newListDetail[domain.Branch](a, "Chi đoàn Khóm 10 (100)", T("Thêm chi đoàn"), edit,
		a.tableExportButton(sheet.TableBranches, "chi-doan", a.thisYear))
	s.id = func(b domain.Branch) int64 { return b.ID }
	s.label = func(b domain.Branch) string {
		text := fmt.Sprintf("%s (%d)", b.Name, b.Members)
		if !b.Dissolved.IsZero() || !b.Active {
			text += " — " + T("đã giải thể")
		}
		return text
	}
	s.load = func() ([]domain.Branch, error) { return a.st.Branches(a.ctx, true) }
	s.blank = func() domain.Branch { return domain.Branch{Active: true, Kind: domain.BranchHamlet} }
	s.show = s.showBranch
	return s
}

// showBranch fills the right side with the branch's form and, for a saved
// branch, its checklist and rating for a year.
func (s *branchesScreen) showBranch(b domain.Branch) {
	a := s.a
	var fm form
	fm.other = newErrorText()
	name := newEntry(a)
	name.SetText(b.Name)
	kind := newChoiceSelect(domain.BranchKinds, nil)
	kind.setCode(string(b.Kind))
	active := newCheck(T("Đang hoạt động"), nil)
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
	nb := b
	save := fm.saveButton(a, T("Lưu"), func() error {
		d, ok := fm.parseDateField("Dissolved", dissolved)
		if !ok {
			return errSkip
		}
		nb = b
		nb.Name, nb.Kind, nb.Active, nb.Dissolved, nb.Note = name.Text, domain.BranchKind(kind.code()), active.Checked, d, note.Text
		return a.st.SaveBranch(a.ctx, &nb)
	}, func() { s.saved(nb.ID) })
	box := container.NewVBox(heading(T("Thông tin chi đoàn")), fm.grid(), fm.other)
	if b.ID == 0 {
		box.Add(save)
		s.setDetail(box)
		a.win.Canvas().Focus(name)
		return
	}
	del := s.deleteButton(T("Xóa chi đoàn"), fmt.Sprintf(T("Chuyển chi đoàn %s vào thùng rác?"), b.Name),
		func() error { return a.st.DeleteBranch(a.ctx, b.ID) })
	members := newButtonWithIcon(fmt.Sprintf(T("Xem %d đoàn viên"), b.Members), theme.AccountIcon(), func() {
		a.goTo("members")
		if m, ok := a.screens["members"].(*membersScreen); ok {
			m.setBranch(b.ID)
			m.refresh()
		}
	})
	rate := newButton(T("Xếp loại đoàn viên cuối năm"), func() { a.showYearRating(b.ID) })
	box.Add(container.NewHBox(save, del, members, rate))
	box.Add(widget.NewSeparator())
	box.Add(s.checklist(b))
	s.setDetail(box)
}

// checklist shows the standard-branch criteria of a year as checkboxes and
// the branch's rating.
func (s *branchesScreen) checklist(b domain.Branch) fyne.CanvasObject {
	a := s.a
	checks := container.NewVBox()
	var boxes []*check
	var ids []int64
	rating := newChoiceSelect(withAll(T("Chưa xếp loại"), a.unitRatings()), nil)
	status := widget.NewLabel("")
	// The criteria met in the year that its checklist does not show (one
	// retired or added since the mark was made): kept when the year is
	// saved again.
	var hidden []int64
	year := newSelect(yearOptions(s.a.thisYear()-5, s.a.thisYear()), nil)
	load := func() {
		y, _ := strconv.Atoi(year.Selected)
		// Each year is assessed against its own checklist: changing the
		// criteria this year leaves past years as they were.
		criteria, err := a.st.CriteriaFor(a.ctx, y)
		if err != nil {
			a.showError(err)
			return
		}
		by, err := a.st.BranchYear(a.ctx, b.ID, y)
		if err != nil {
			a.showError(err)
			return
		}
		met := map[int64]bool{}
		for _, id := range by.Met {
			met[id] = true
		}
		boxes, ids = boxes[:0], ids[:0]
		checks.RemoveAll()
		shown := map[int64]bool{}
		for _, c := range criteria {
			chk := newCheck(c.Code+". "+c.Text, nil)
			chk.SetChecked(met[c.ID])
			boxes = append(boxes, chk)
			ids = append(ids, c.ID)
			shown[c.ID] = true
			checks.Add(chk)
		}
		s.boxes = boxes
		hidden = hidden[:0]
		for _, id := range by.Met {
			if !shown[id] {
				hidden = append(hidden, id)
			}
		}
		rating.setCode(by.Rating)
		if by.Standard {
			status.SetText(T("Đạt chuẩn"))
		} else {
			status.SetText(T("Chưa đạt chuẩn"))
		}
	}
	year.OnChanged = func(string) { load() }
	year.SetSelected(strconv.Itoa(s.a.thisYear()))
	s.checkYear = year
	saveYear := func() {
		y, _ := strconv.Atoi(year.Selected)
		by := domain.BranchYear{BranchID: b.ID, Year: y, Rating: rating.code(), Met: append([]int64(nil), hidden...)}
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
	}
	s.saveYear = saveYear
	save := newButtonWithIcon(T("Lưu đánh giá năm"), theme.DocumentSaveIcon(), saveYear)
	return container.NewVBox(
		container.NewHBox(heading(T("Đánh giá chi đoàn năm")), year, status),
		checks,
		container.NewHBox(widget.NewLabel(T("Xếp loại chi đoàn")),
			container.NewGridWrap(fyne.NewSize(260, rating.MinSize().Height), rating), save),
	)
}
