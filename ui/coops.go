package ui

import (
	"context"
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sodoan/sheet"
	"sodoan/store"
)

// coopsScreen lists the cooperative groups and edits the selected one with
// its yearly results.
type coopsScreen struct {
	*listDetail[domain.Coop]
}

func newCoopsScreen(ctx context.Context, st *store.Store, clock clock, f frame, exports *tableExports) *coopsScreen {
	s := &coopsScreen{newListDetail[domain.Coop](ctx, st, clock, f, "Tổ hợp tác trồng hoa kiểng (10)", T("Thêm tổ hợp tác"),
		exports.button(sheet.TableCoops, "to-hop-tac", clock.thisYear))}
	s.id = func(c domain.Coop) int64 { return c.ID }
	s.label = func(c domain.Coop) string { return groupLabel(c.Name, c.Members) }
	s.load = func() ([]domain.Coop, error) { return st.Coops(ctx) }
	s.blank = func() domain.Coop { return domain.Coop{Active: true, LegalBasis: "nd77_2019"} }
	s.show = s.showCoop
	s.newWhenEmpty = true
	return s
}

func (s *coopsScreen) showCoop(c domain.Coop) {
	var fm form
	fm.other = newErrorText()
	name, field := newEntry(s.f), newEntry(s.f)
	name.SetText(c.Name)
	field.SetText(c.Field)
	founded, contract := newDateEntry(s.f), newDateEntry(s.f)
	founded.SetText(c.Founded.String())
	contract.SetText(c.ContractDate.String())
	legal := newChoiceSelect(s.f, domain.LegalBases, nil)
	legal.setCode(c.LegalBasis)
	capital := newEntry(s.f)
	if c.Capital != 0 {
		capital.SetText(fmtInt(c.Capital))
	}
	active := newCheck(s.f, T("Đang hoạt động"), nil)
	active.SetChecked(c.Active)
	note := newEntry(s.f)
	note.SetText(c.Note)
	fm.add("Name", T("Tên tổ hợp tác"), name)
	fm.add("Field", T("Lĩnh vực"), field)
	fm.add("Founded", T("Ngày thành lập"), founded)
	fm.add("ContractDate", T("Ngày chứng thực hợp đồng"), contract)
	fm.add("LegalBasis", T("Căn cứ pháp lý"), legal)
	fm.add("Capital", T("Vốn góp (đồng)"), capital)
	fm.add("Active", "", active)
	fm.add("Note", T("Ghi chú"), note)
	members := newGroupEditor(s.ctx, s.st, s.f, c.Members, domain.CoopRoles)
	nc := c
	save := fm.saveButton(s.f, T("Lưu"), func() error {
		fd, ok1 := fm.parseDateField("Founded", founded)
		cd, ok2 := fm.parseDateField("ContractDate", contract)
		capv, ok3 := fm.parseIntField("Capital", capital, domain.MoneyRange)
		if !ok1 || !ok2 || !ok3 {
			return errSkip
		}
		nc = c
		nc.Name, nc.Field, nc.Founded, nc.ContractDate = name.Text, field.Text, fd, cd
		nc.LegalBasis, nc.Capital, nc.Active, nc.Note = legal.code(), capv, active.Checked, note.Text
		nc.Members = members.members
		return savedSay(s.f, s.st.SaveCoop(s.ctx, &nc), fmt.Sprintf(T("Đã lưu tổ hợp tác %s."), nc.Name))
	}, func() { s.saved(nc.ID) })
	buttons := container.NewHBox(save)
	box := container.NewVBox(heading(T("Tổ hợp tác")), fm.grid(), fm.other, buttons)
	if c.ID != 0 {
		buttons.Add(s.deleteButton(T("Xóa tổ hợp tác"), fmt.Sprintf(T("Chuyển %s vào thùng rác?"), c.Name),
			func() error {
				return savedSay(s.f, s.st.DeleteCoop(s.ctx, c.ID), fmt.Sprintf(T("Đã chuyển %s vào thùng rác."), c.Name))
			}))
		box.Add(widget.NewSeparator())
		box.Add(s.yearly(c))
	}
	box.Add(widget.NewSeparator())
	box.Add(members.root)
	s.setDetail(box)
}

// yearly edits the group's results for a year.
func (s *coopsScreen) yearly(c domain.Coop) fyne.CanvasObject {
	var fm form
	fm.other = newErrorText()
	year := newSelect(s.f, yearOptions(s.clock.thisYear()-5, s.clock.thisYear()), nil)
	revenue, income, support := newEntry(s.f), newEntry(s.f), newEntry(s.f)
	model := newCheck(s.f, T("Là mô hình kinh tế Đoàn hỗ trợ trong năm"), nil)
	fm.add("Revenue", T("Doanh thu (đồng)"), revenue)
	fm.add("AvgIncome", T("Thu nhập bình quân (đồng/người/tháng)"), income)
	fm.add("Support", T("Hỗ trợ của Đoàn"), support)
	fm.add("SupportedModel", "", model)
	// The day the results were reported: a document cut off before it
	// does not know them.
	reported := newDateEntry(s.f)
	fm.add("Reported", T("Ngày báo cáo"), reported)
	var loaded domain.CoopYear
	money := func(v int64) string {
		if v == 0 {
			return ""
		}
		return fmtInt(v)
	}
	year.OnChanged = func(y string) {
		yy, _ := strconv.Atoi(y)
		cy, err := s.st.CoopYear(s.ctx, c.ID, yy)
		if err != nil {
			s.f.showError(err)
			return
		}
		revenue.SetText(money(cy.Revenue))
		income.SetText(money(cy.AvgIncome))
		support.SetText(cy.Support)
		model.SetChecked(cy.SupportedModel)
		reported.SetText(decidedText(s.clock, yy, cy.Reported))
		loaded = cy
	}
	year.SetSelected(strconv.Itoa(s.clock.thisYear()))
	save := fm.saveButton(s.f, T("Lưu kết quả năm"), func() error {
		yy, _ := strconv.Atoi(year.Selected)
		rv, ok1 := fm.parseIntField("Revenue", revenue, domain.MoneyRange)
		ai, ok2 := fm.parseIntField("AvgIncome", income, domain.MoneyRange)
		on, ok3 := fm.parseDateField("Reported", reported)
		if !ok1 || !ok2 || !ok3 {
			return errSkip
		}
		cy := domain.CoopYear{CoopID: c.ID, Year: yy, Revenue: rv, AvgIncome: ai, Support: domain.Clean(support.Text), SupportedModel: model.Checked}
		// The day goes with results that changed; unchanged ones keep theirs.
		shown, _ := domain.ParseDate(decidedText(s.clock, yy, loaded.Reported))
		changed := cy.Revenue != loaded.Revenue || cy.AvgIncome != loaded.AvgIncome || cy.Support != loaded.Support || cy.SupportedModel != loaded.SupportedModel
		cy.Reported = decidedFor(changed, on, shown)
		return savedSay(s.f, s.st.SaveCoopYear(s.ctx, cy), fmt.Sprintf(T("Đã lưu kết quả năm %d của %s."), yy, c.Name))
	}, func() {})
	save.Importance = widget.MediumImportance
	return container.NewVBox(container.NewHBox(heading(T("Kết quả năm")), year), fm.grid(), fm.other, container.NewHBox(save))
}
