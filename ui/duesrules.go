package ui

import (
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fillRules lists the dues rules by the day they apply from (none written:
// NQ 07-NQ/TWĐTN's) and writes new ones: a province may change a rate or
// the share from a day, and the days before keep theirs.
func (s *duesScreen) fillRules() {
	s.rules.RemoveAll()
	list, err := s.st.DuesRulesList(s.ctx)
	if err != nil {
		s.f.showError(err)
		return
	}
	add := newButtonWithIcon(s.f, T("Ghi mức mới"), theme.ContentAddIcon(), s.rulesDialog)
	s.rules.Add(container.NewHBox(heading(T("Mức đóng đoàn phí, tỷ lệ nộp lên, thời gian miễn tối đa")), add))
	if len(list) == 0 {
		s.rules.Add(widget.NewLabel(T("Sổ chưa ghi mức riêng: áp dụng mức của Nghị quyết 07-NQ/TWĐTN (từ 01/01/2011).")))
		list = []domain.DuesRules{domain.DefaultDuesRules()}
	}
	for _, r := range list {
		up, kept := r.ShareLabel()
		s.rules.Add(widget.NewLabel(fmt.Sprintf(T("Từ %s: hưởng lương %s đồng/tháng, không hưởng lương %s đồng/tháng, ở nước ngoài ít nhất %s đồng/tháng; mỗi cấp giữ lại %s, nộp lên %s; miễn tối đa %d tháng."),
			r.From, domain.Money(r.Wage), domain.Money(r.NoWage), domain.Money(r.Abroad), kept, up, r.MaxExemptions)))
	}
	s.rules.Refresh()
}

// rulesDialog writes the rules in force from a day.
func (s *duesScreen) rulesDialog() {
	cur, err := s.st.DuesRulesAt(s.ctx, s.clock.today())
	if err != nil {
		s.f.showError(err)
		return
	}
	var fm form
	fm.other = newErrorText()
	from, wage, noWage, abroad, up, maxEx := newDateEntry(s.f), newEntry(s.f), newEntry(s.f), newEntry(s.f), newEntry(s.f), newEntry(s.f)
	from.SetText(s.clock.today().String())
	wage.SetText(domain.Money(cur.Wage))
	noWage.SetText(domain.Money(cur.NoWage))
	abroad.SetText(domain.Money(cur.Abroad))
	upText, _ := cur.ShareLabel()
	up.SetText(upText)
	maxEx.SetText(strconv.Itoa(cur.MaxExemptions))
	fm.add("From", T("Áp dụng từ"), from)
	fm.add("Wage", T("Mức hưởng lương (đồng/tháng)"), wage)
	fm.add("NoWage", T("Mức không hưởng lương (đồng/tháng)"), noWage)
	fm.add("Abroad", T("Mức tối thiểu ở nước ngoài (đồng/tháng)"), abroad)
	fm.add("UpNum", T("Tỷ lệ nộp lên"), up)
	fm.add("MaxExemptions", T("Số tháng miễn tối đa"), maxEx)
	s.f.formDialog(T("Ghi mức đóng đoàn phí"), container.NewVBox(fm.grid(), fm.other), fyne.NewSize(620, 420), func() bool {
		fm.clear()
		var r domain.DuesRules
		var ok bool
		if r.From, ok = fm.parseDateField("From", from); !ok {
			return false
		}
		for _, x := range []struct {
			name string
			in   *entry
			to   *int64
		}{{"Wage", wage, &r.Wage}, {"NoWage", noWage, &r.NoWage}, {"Abroad", abroad, &r.Abroad}} {
			a, err := domain.ParseMoney(x.in.Text)
			if err != nil {
				fm.setError(x.name, errText(err))
				return false
			}
			*x.to = a
		}
		if _, err := fmt.Sscanf(domain.Clean(up.Text), "%d/%d", &r.UpNum, &r.UpDen); err != nil {
			fm.setError("UpNum", T("ghi dạng 1/3"))
			return false
		}
		n, ok := fm.parseIntField("MaxExemptions", maxEx, domain.IntRange{Field: "MaxExemptions", Label: T("Số tháng miễn tối đa"), Min: 1, Max: 24})
		if !ok {
			return false
		}
		r.MaxExemptions = int(n)
		if !fm.result(s.f, s.st.SaveDuesRules(s.ctx, &r)) {
			return false
		}
		s.refresh()
		return true
	})
}
