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

// coopsScreen lists the cooperative groups and edits the selected one with
// its yearly results.
type coopsScreen struct {
	a        *App
	coops    []store.Coop
	list     *widget.List
	detail   *fyne.Container
	root     fyne.CanvasObject
	selected int64
}

func newCoopsScreen(a *App) *coopsScreen {
	s := &coopsScreen{a: a, detail: container.NewStack()}
	s.list = widget.NewList(
		func() int { return len(s.coops) },
		func() fyne.CanvasObject { return widget.NewLabel("Tổ hợp tác trồng hoa kiểng (10)") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := s.coops[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s (%d)", c.Name, len(c.Members)))
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.selected = s.coops[i].ID; s.show(s.coops[i]) }
	add := widget.NewButtonWithIcon(T("Thêm tổ hợp tác")+" (Ctrl+N)", theme.ContentAddIcon(), s.newRecord)
	split := container.NewHSplit(container.NewBorder(add, nil, nil, nil, s.list), s.detail)
	split.Offset = 0.3
	s.root = split
	return s
}

func (s *coopsScreen) view() fyne.CanvasObject { return s.root }

func (s *coopsScreen) refresh() {
	cs, err := s.a.st.Coops(s.a.ctx)
	if err != nil {
		s.a.showError(err)
		return
	}
	s.coops = cs
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

func (s *coopsScreen) newRecord() {
	s.list.UnselectAll()
	s.selected = 0
	s.show(store.Coop{Active: true, LegalBasis: "nd77_2019"})
}

func (s *coopsScreen) show(c store.Coop) {
	a := s.a
	var fm form
	fm.other = newErrorText()
	name, field := newEntry(a), newEntry(a)
	name.SetText(c.Name)
	field.SetText(c.Field)
	founded, contract := newDateEntry(a), newDateEntry(a)
	founded.SetText(c.Founded.String())
	contract.SetText(c.ContractDate.String())
	legal := newChoiceSelect(store.LegalBases, nil)
	legal.setCode(c.LegalBasis)
	capital := newEntry(a)
	if c.Capital != 0 {
		capital.SetText(formatInt(c.Capital))
	}
	active := widget.NewCheck(T("Đang hoạt động"), nil)
	active.SetChecked(c.Active)
	note := newEntry(a)
	note.SetText(c.Note)
	fm.add("Name", T("Tên tổ hợp tác"), name)
	fm.add("Field", T("Lĩnh vực"), field)
	fm.add("Founded", T("Ngày thành lập"), founded)
	fm.add("ContractDate", T("Ngày chứng thực hợp đồng"), contract)
	fm.add("LegalBasis", T("Căn cứ pháp lý"), legal)
	fm.add("Capital", T("Vốn góp (đồng)"), capital)
	fm.add("Active", "", active)
	fm.add("Note", T("Ghi chú"), note)
	members := newGroupEditor(a, c.Members)
	save := widget.NewButtonWithIcon(T("Lưu"), theme.DocumentSaveIcon(), func() {
		fm.clear()
		fd, ok1 := fm.parseDateField("Founded", founded)
		cd, ok2 := fm.parseDateField("ContractDate", contract)
		capv, err := parseInt(capital.Text)
		if err != nil {
			fm.setError("Capital", T("không phải là số"))
		}
		if !ok1 || !ok2 || err != nil {
			return
		}
		nc := c
		nc.Name, nc.Field, nc.Founded, nc.ContractDate = name.Text, field.Text, fd, cd
		nc.LegalBasis, nc.Capital, nc.Active, nc.Note = legal.code(), capv, active.Checked, note.Text
		nc.Members = members.members
		err = a.st.SaveCoop(a.ctx, &nc)
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
	box := container.NewVBox(heading(T("Tổ hợp tác")), fm.grid(), fm.other, buttons)
	if c.ID != 0 {
		buttons.Add(widget.NewButtonWithIcon(T("Xóa"), theme.DeleteIcon(), func() {
			a.confirm(T("Xóa tổ hợp tác"), fmt.Sprintf(T("Xóa %s?"), c.Name), func() {
				if err := a.st.DeleteCoop(a.ctx, c.ID); err != nil {
					a.showError(err)
					return
				}
				s.selected = 0
				s.refresh()
			})
		}))
		box.Add(widget.NewSeparator())
		box.Add(s.yearly(c))
	}
	box.Add(widget.NewSeparator())
	box.Add(members.root)
	s.detail.Objects = []fyne.CanvasObject{container.NewVScroll(box)}
	s.detail.Refresh()
}

// yearly edits the group's results for a year.
func (s *coopsScreen) yearly(c store.Coop) fyne.CanvasObject {
	a := s.a
	var fm form
	fm.other = newErrorText()
	year := widget.NewSelect(yearOptions(thisYear()-5, thisYear()), nil)
	revenue, income, support := newEntry(a), newEntry(a), newEntry(a)
	model := widget.NewCheck(T("Là mô hình kinh tế Đoàn hỗ trợ trong năm"), nil)
	fm.add("Revenue", T("Doanh thu (đồng)"), revenue)
	fm.add("AvgIncome", T("Thu nhập bình quân (đồng/người/tháng)"), income)
	fm.add("Support", T("Hỗ trợ của Đoàn"), support)
	fm.add("SupportedModel", "", model)
	money := func(v int64) string {
		if v == 0 {
			return ""
		}
		return formatInt(v)
	}
	year.OnChanged = func(y string) {
		yy, _ := strconv.Atoi(y)
		cy, err := a.st.CoopYear(a.ctx, c.ID, yy)
		if err != nil {
			a.showError(err)
			return
		}
		revenue.SetText(money(cy.Revenue))
		income.SetText(money(cy.AvgIncome))
		support.SetText(cy.Support)
		model.SetChecked(cy.SupportedModel)
	}
	year.SetSelected(strconv.Itoa(thisYear()))
	save := widget.NewButtonWithIcon(T("Lưu kết quả năm"), theme.DocumentSaveIcon(), func() {
		fm.clear()
		yy, _ := strconv.Atoi(year.Selected)
		rv, err1 := parseInt(revenue.Text)
		ai, err2 := parseInt(income.Text)
		if err1 != nil {
			fm.setError("Revenue", T("không phải là số"))
		}
		if err2 != nil {
			fm.setError("AvgIncome", T("không phải là số"))
		}
		if err1 != nil || err2 != nil {
			return
		}
		err := a.st.SaveCoopYear(a.ctx, store.CoopYear{CoopID: c.ID, Year: yy, Revenue: rv, AvgIncome: ai, Support: support.Text, SupportedModel: model.Checked})
		var ve *store.ValidationError
		if errors.As(err, &ve) {
			fm.showValidation(ve)
			return
		}
		if err != nil {
			a.showError(err)
		}
	})
	return container.NewVBox(container.NewHBox(heading(T("Kết quả năm")), year), fm.grid(), fm.other, container.NewHBox(save))
}
