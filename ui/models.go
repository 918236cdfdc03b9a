package ui

import (
	"context"
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// modelsScreen lists, for a working year, the named records of targets
// 2.1 (propaganda models and social-network pages running in the year)
// and 2.2b (economic models the Union supported: cooperative groups,
// cooperatives, households, individuals), and adds, edits and deletes
// them. The plan's measures and the reports count and name these.
type modelsScreen struct {
	ctx   context.Context
	st    *store.Store
	clock clock
	f     frame
	year  int
	root  *fyne.Container
}

func newModelsScreen(ctx context.Context, st *store.Store, clock clock, f frame) *modelsScreen {
	return &modelsScreen{ctx: ctx, st: st, clock: clock, f: f, year: clock.thisYear(), root: container.NewStack()}
}

func (s *modelsScreen) view() fyne.CanvasObject { return s.root }

func (s *modelsScreen) refresh() {
	var years []string
	for y := s.clock.thisYear() + 1; y >= s.clock.thisYear()-9; y-- {
		years = append(years, strconv.Itoa(y))
	}
	yearSel := newSelect(s.f, years, nil)
	yearSel.SetSelected(strconv.Itoa(s.year))
	yearSel.OnChanged = func(v string) {
		if y, err := strconv.Atoi(v); err == nil && y != s.year {
			s.year = y
			s.refresh()
		}
	}
	top := container.NewHBox(widget.NewLabel(T("Năm công tác")), yearSel)
	box := container.NewVBox(top,
		heading(T("Chỉ tiêu 2.1: mô hình tuyên truyền, trang mạng xã hội đang hoạt động trong năm")), s.section(domain.ModelOutreach),
		widget.NewSeparator(),
		heading(T("Chỉ tiêu 2.2b: mô hình phát triển kinh tế được Đoàn hỗ trợ trong năm")), s.section(domain.ModelEconomic))
	s.root.Objects = []fyne.CanvasObject{container.NewVScroll(box)}
	s.root.Refresh()
}

// section lists a target's records of the year with their buttons.
func (s *modelsScreen) section(target domain.ModelTarget) fyne.CanvasObject {
	box := container.NewVBox()
	ms, err := s.st.Models(s.ctx, target, s.year)
	if err != nil {
		s.f.showError(err)
	}
	if len(ms) == 0 {
		box.Add(widget.NewLabel(T("Chưa ghi mô hình nào trong năm này.")))
	}
	for _, m := range ms {
		m := m
		text := fmt.Sprintf("%s – %s", m.Date, m.Named())
		if !m.Ended.IsZero() {
			text += fmt.Sprintf(T(", ngừng %s"), m.Ended)
		}
		if m.Support != "" {
			text += "; " + T("hỗ trợ") + ": " + m.Support
		}
		if m.ID == 0 {
			// A tick of the Tổ hợp tác screen: saving it here makes it a
			// dated record; it is unticked there.
			text += " " + T("(đánh dấu ở màn hình Tổ hợp tác, tính vào ngày cuối năm; sửa để ghi ngày hỗ trợ)")
		}
		edit := newButtonWithIcon(s.f, "", theme.DocumentCreateIcon(), func() { s.dialog(m) })
		edit.Importance = widget.LowImportance
		del := newButtonWithIcon(s.f, "", theme.DeleteIcon(), func() {
			s.f.confirm(T("Xóa mô hình"), fmt.Sprintf(T("Xóa %s?"), m.Named()), func() {
				if err := s.st.DeleteModel(s.ctx, m.ID); err != nil {
					s.f.showError(err)
					return
				}
				s.f.notify(fmt.Sprintf(T("Đã xóa %s."), m.Named()))
				s.refresh()
			})
		})
		del.Importance = widget.LowImportance
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		buttons := container.NewHBox(edit, del)
		if m.ID == 0 {
			buttons = container.NewHBox(edit)
		}
		box.Add(container.NewBorder(nil, nil, nil, buttons, l))
	}
	add := T("Thêm mô hình, trang mạng")
	if target == domain.ModelEconomic {
		add = T("Thêm mô hình kinh tế được hỗ trợ")
	}
	box.Add(container.NewHBox(newButtonWithIcon(s.f, add, theme.ContentAddIcon(), func() {
		s.dialog(domain.TargetModel{Target: target, Kind: domain.ModelKinds(target)[0].Code})
	})))
	return box
}

// dialog adds or edits a record.
func (s *modelsScreen) dialog(m domain.TargetModel) {
	var fm form
	fm.other = newErrorText()
	kind := newChoiceSelect(s.f, domain.ModelKinds(m.Target), nil)
	kind.setCode(m.Kind)
	name, date := newEntry(s.f), newDateEntry(s.f)
	name.SetText(m.Name)
	date.SetText(m.Date.String())
	fm.add("Kind", T("Loại mô hình"), kind)
	fm.add("Name", T("Tên mô hình"), name)
	branches, err := s.st.Branches(s.ctx, false)
	if err != nil {
		s.f.showError(err)
	}
	branchOpts := []string{T("Cấp phường")}
	for _, b := range branches {
		branchOpts = append(branchOpts, b.Name)
	}
	branch := newSelect(s.f, branchOpts, nil)
	branch.SetSelectedIndex(0)
	for i, b := range branches {
		if b.ID == m.BranchID {
			branch.SetSelectedIndex(i + 1)
		}
	}
	link, ended, owner, support := newEntry(s.f), newDateEntry(s.f), newEntry(s.f), newEntry(s.f)
	link.SetText(m.Link)
	ended.SetText(m.Ended.String())
	owner.SetText(m.Owner)
	support.SetText(m.Support)
	coops, err := s.st.Coops(s.ctx)
	if err != nil {
		s.f.showError(err)
	}
	coopOpts := []string{T("(Không thuộc tổ hợp tác trong sổ)")}
	for _, c := range coops {
		coopOpts = append(coopOpts, c.Name)
	}
	coop := newSelect(s.f, coopOpts, nil)
	coop.SetSelectedIndex(0)
	for i, c := range coops {
		if c.ID == m.CoopID {
			coop.SetSelectedIndex(i + 1)
		}
	}
	if m.Target == domain.ModelOutreach {
		fm.add("Date", T("Ngày bắt đầu"), date)
		fm.add("Link", T("Địa chỉ trang hoặc mô tả"), link)
		fm.add("Ended", T("Ngày ngừng"), ended)
	} else {
		fm.add("Date", T("Ngày hỗ trợ"), date)
		fm.add("Owner", T("Chủ mô hình"), owner)
		fm.add("CoopID", T("Tổ hợp tác trong sổ"), coop)
		fm.add("Support", T("Hỗ trợ của Đoàn"), support)
	}
	fm.add("BranchID", T("Chi đoàn"), branch)
	title := T("Sửa mô hình")
	if m.ID == 0 {
		title = T("Thêm mô hình")
	}
	s.f.formDialog(title, container.NewVBox(fm.grid(), fm.other), fyne.NewSize(640, 420), func() bool {
		fm.clear()
		d, ok := fm.parseDateField("Date", date)
		if !ok {
			return false
		}
		m.Kind, m.Name = kind.code(), name.Text
		m.Date = d
		m.BranchID = 0
		if i := branch.SelectedIndex(); i > 0 {
			m.BranchID = branches[i-1].ID
		}
		if m.Target == domain.ModelOutreach {
			m.Link, m.Ended = link.Text, domain.Date{}
			if ended.Text != "" {
				e, ok := fm.parseDateField("Ended", ended)
				if !ok {
					return false
				}
				m.Ended = e
			}
		} else {
			m.Owner, m.Support, m.CoopID = owner.Text, support.Text, 0
			if i := coop.SelectedIndex(); i > 0 {
				m.CoopID = coops[i-1].ID
			}
		}
		if !fm.result(s.f, savedSay(s.f, s.st.SaveModel(s.ctx, &m), fmt.Sprintf(T("Đã lưu %s."), m.Named()))) {
			return false
		}
		if y := m.Date.Year(); y != s.year && m.Target == domain.ModelEconomic {
			s.year = y
		}
		s.refresh()
		return true
	})
}
