package ui

import (
	"context"
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/sheet"
	"sodoan/store"
)

// branchesScreen lists the branches; the selected one is edited on the
// right with its yearly standard-branch checklist and rating. The
// checklist itself is edited from the button above the list.
type branchesScreen struct {
	*listDetail[domain.Branch]
	win fyne.Window // focuses a form's first field
	// showMembers shows the members screen on one branch; rate opens the
	// year-end rating of a branch's members.
	showMembers, rate func(branchID int64)
	// criteria is the open checklist editor (for tests), nil when closed.
	criteria *criteriaEditor
	// boxes are the checkboxes of the shown branch's checklist.
	boxes []*check
	// saveYear saves the shown checklist (the Lưu đánh giá năm button).
	saveYear func()
	// checkYear picks the year whose checklist is shown.
	checkYear *selectBox
	// checkDecided is the day the shown year's assessment and rating were
	// decided.
	checkDecided *entry
}

func newBranchesScreen(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, exports *tableExports, showMembers, rate func(branchID int64)) *branchesScreen {
	s := &branchesScreen{win: win, showMembers: showMembers, rate: rate}
	edit := newButtonWithIcon(f, T("Tiêu chí chi đoàn đạt chuẩn"), theme.ListIcon(), func() { s.editCriteria() })
	s.listDetail = newListDetail[domain.Branch](ctx, st, clock, f, "Chi đoàn Khóm 10 (100)", T("Thêm chi đoàn"), edit,
		exports.button(sheet.TableBranches, "chi-doan", clock.thisYear))
	s.id = func(b domain.Branch) int64 { return b.ID }
	s.label = func(b domain.Branch) string {
		text := fmt.Sprintf("%s (%d)", b.Name, b.Members)
		if !b.Dissolved.IsZero() || !b.Active {
			text += " — " + T("đã giải thể")
		}
		return text
	}
	s.load = func() ([]domain.Branch, error) { return st.Branches(ctx, true) }
	s.blank = func() domain.Branch { return domain.Branch{Active: true, Kind: domain.BranchHamlet} }
	s.show = s.showBranch
	return s
}

// showBranch fills the right side with the branch's form and, for a saved
// branch, its checklist and rating for a year.
func (s *branchesScreen) showBranch(b domain.Branch) {
	var fm form
	fm.other = newErrorText()
	name := newEntry(s.f)
	name.SetText(b.Name)
	kind := newChoiceSelect(s.f, domain.BranchKinds, nil)
	kind.setCode(string(b.Kind))
	active := newCheck(s.f, T("Đang hoạt động"), nil)
	active.SetChecked(b.Active)
	dissolved := newDateEntry(s.f)
	dissolved.SetText(b.Dissolved.String())
	note := newEntry(s.f)
	note.SetText(b.Note)
	fm.add("Name", T("Tên chi đoàn"), name)
	fm.add("Kind", T("Loại"), kind)
	fm.add("Active", "", active)
	fm.add("Dissolved", T("Ngày giải thể"), dissolved)
	fm.add("Note", T("Ghi chú"), note)
	nb := b
	save := fm.saveButton(s.f, T("Lưu"), func() error {
		d, ok := fm.parseDateField("Dissolved", dissolved)
		if !ok {
			return errSkip
		}
		nb = b
		nb.Name, nb.Kind, nb.Active, nb.Dissolved, nb.Note = name.Text, domain.BranchKind(kind.code()), active.Checked, d, note.Text
		return savedSay(s.f, s.st.SaveBranch(s.ctx, &nb), fmt.Sprintf(T("Đã lưu %s."), nb.Name))
	}, func() { s.saved(nb.ID) })
	box := container.NewVBox(heading(T("Thông tin chi đoàn")), fm.grid(), fm.other)
	if b.ID == 0 {
		box.Add(save)
		s.setDetail(box)
		s.win.Canvas().Focus(name)
		return
	}
	del := s.deleteButton(T("Xóa chi đoàn"), fmt.Sprintf(T("Chuyển chi đoàn %s vào thùng rác?"), b.Name),
		func() error {
			return savedSay(s.f, s.st.DeleteBranch(s.ctx, b.ID), fmt.Sprintf(T("Đã chuyển %s vào thùng rác."), b.Name))
		})
	members := newButtonWithIcon(s.f, fmt.Sprintf(T("Xem %d đoàn viên"), b.Members), theme.AccountIcon(), func() {
		s.showMembers(b.ID)
	})
	rate := newButton(s.f, T("Xếp loại đoàn viên cuối năm"), func() { s.rate(b.ID) })
	cash := newButtonWithIcon(s.f, T("Sổ thu, chi"), theme.ListIcon(), func() { s.cashBook(b) })
	residence := newButtonWithIcon(s.f, T("Sinh hoạt nơi cư trú"), theme.HomeIcon(), func() { s.residence(b) })
	// Wrapped: in a window of 1240 points the six buttons ran past the
	// right edge.
	box.Add(container.New(layout.NewRowWrapLayout(), save, del, members, rate, cash, residence))
	box.Add(widget.NewSeparator())
	box.Add(s.checklist(b))
	s.setDetail(box)
}

// checklist shows the standard-branch criteria of a year as checkboxes and
// the branch's rating.
func (s *branchesScreen) checklist(b domain.Branch) fyne.CanvasObject {
	checks := container.NewVBox()
	var boxes []*check
	var ids []int64
	rating := newChoiceSelect(s.f, withAll(T("Chưa xếp loại"), unitRatings(s.ctx, s.st, s.f)), nil)
	status := widget.NewLabel("")
	evidence := widget.NewLabel("") // meetings and attendance of the year (issue 19)
	evidence.Wrapping = fyne.TextWrapWord
	// The criteria met in the year that its checklist does not show (one
	// retired or added since the mark was made): kept when the year is
	// saved again.
	var hidden []int64
	// The day the branch was assessed and rated: what a document cut off
	// before it does not know yet.
	decided := newDateEntry(s.f)
	var loaded domain.BranchYear
	year := newSelect(s.f, yearOptions(s.clock.thisYear()-5, s.clock.thisYear()), nil)
	load := func() {
		y, _ := strconv.Atoi(year.Selected)
		// Each year is assessed against its own checklist: changing the
		// criteria this year leaves past years as they were.
		criteria, err := s.st.CriteriaFor(s.ctx, y)
		if err != nil {
			s.f.showError(err)
			return
		}
		by, err := s.st.BranchYear(s.ctx, b.ID, y)
		if err != nil {
			s.f.showError(err)
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
			chk := newCheck(s.f, c.Code+". "+c.Text, nil)
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
		if ev, err := loadEvidence(s.ctx, s.st, y, b.ID); err == nil {
			evidence.SetText(ev.branchText())
		} else {
			s.f.showError(err)
		}
		loaded = by
		decided.SetText(decidedText(s.clock, y, laterOf(by.Rated, by.Assessed)))
		if by.Standard {
			status.SetText(T("Đạt chuẩn"))
		} else {
			status.SetText(T("Chưa đạt chuẩn"))
		}
	}
	year.OnChanged = func(string) { load() }
	year.SetSelected(strconv.Itoa(s.clock.thisYear()))
	s.checkYear, s.checkDecided = year, decided
	saveYear := func() {
		y, _ := strconv.Atoi(year.Selected)
		by := domain.BranchYear{BranchID: b.ID, Year: y, Rating: rating.code(), Met: append([]int64(nil), hidden...)}
		for i, c := range boxes {
			if c.Checked {
				by.Met = append(by.Met, ids[i])
			}
		}
		on, err := parseDecided(T("Ngày đánh giá, xếp loại"), decided.Text)
		if err != nil {
			s.f.showError(err)
			return
		}
		// The day goes to what changed; an unchanged fact keeps its own.
		shown, _ := domain.ParseDate(decidedText(s.clock, y, laterOf(loaded.Rated, loaded.Assessed)))
		by.Rated = decidedFor(by.Rating != loaded.Rating, on, shown)
		by.Assessed = decidedFor(!sameSet(by.Met, loaded.Met), on, shown)
		if err := s.st.SaveBranchYear(s.ctx, by); err != nil {
			s.f.showError(err)
			return
		}
		said := T("chưa xếp loại")
		if by.Rating != "" {
			said = rating.Selected
		}
		s.f.notify(fmt.Sprintf(T("Đã lưu đánh giá năm %d của %s: %s, %d tiêu chí đạt."), y, b.Name, said, len(by.Met)))
		load()
	}
	s.saveYear = saveYear
	save := newButtonWithIcon(s.f, T("Lưu đánh giá năm"), theme.DocumentSaveIcon(), saveYear)
	return container.NewVBox(
		container.NewHBox(heading(T("Đánh giá chi đoàn năm")), year, status),
		evidence,
		checks,
		container.NewHBox(widget.NewLabel(T("Xếp loại chi đoàn")),
			container.NewGridWrap(fyne.NewSize(260, rating.MinSize().Height), rating)),
		container.NewHBox(widget.NewLabel(T("Ngày đánh giá, xếp loại")),
			container.NewGridWrap(fyne.NewSize(140, decided.MinSize().Height), decided), save),
	)
}
