package ui

import (
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// cashBook opens a branch's cash book (sổ theo dõi thu, chi) for a year:
// the balance brought forward, each line with the balance after it (the
// dues the branch kept entered by their remittances), the totals, and a
// line to add by hand.
func (s *branchesScreen) cashBook(b domain.Branch) {
	year := s.clock.thisYear()
	lines := container.NewStack()
	yearSel := newSelect(s.f, yearOptions(year-9, year), nil)
	load := func() {
		y, _ := strconv.Atoi(yearSel.Selected)
		book, err := s.st.CashBook(s.ctx, b.ID, domain.MustDate(y, 1, 1), domain.MustDate(y, 12, 31))
		if err != nil {
			s.f.showError(err)
			return
		}
		rows := [][]string{{"", T("Tồn đầu năm"), "", "", domain.Money(book.Opening)}}
		for _, e := range book.Entries {
			rows = append(rows, []string{e.Date.String(), e.Content, blankZero(e.Receipt), blankZero(e.Spending), domain.Money(e.Balance)})
		}
		rows = append(rows, []string{"", T("Cộng"), domain.Money(book.Receipts), domain.Money(book.Spending), domain.Money(book.Closing)})
		lines.Objects = []fyne.CanvasObject{staticTable(s.f, []string{T("Ngày"), T("Nội dung"), T("Thu"), T("Chi"), T("Tồn")}, rows, []float32{110, 420, 100, 100, 110})}
		lines.Refresh()
	}
	yearSel.OnChanged = func(string) { load() }
	yearSel.SetSelected(strconv.Itoa(year))

	var fm form
	fm.other = newErrorText()
	date, content, receipt, spending := newDateEntry(s.f), newEntry(s.f), newEntry(s.f), newEntry(s.f)
	date.SetText(s.clock.today().String())
	fm.add("Date", T("Ngày"), date)
	fm.add("Content", T("Nội dung"), content)
	fm.add("Receipt", T("Thu (đồng)"), receipt)
	fm.add("Spending", T("Chi (đồng)"), spending)
	add := func() {
		fm.clear()
		e := domain.CashEntry{BranchID: b.ID, Content: domain.Clean(content.Text)}
		var ok bool
		if e.Date, ok = fm.parseDateField("Date", date); !ok {
			return
		}
		for _, x := range []struct {
			name string
			in   *entry
			to   *int64
		}{{"Receipt", receipt, &e.Receipt}, {"Spending", spending, &e.Spending}} {
			if t := domain.Clean(x.in.Text); t != "" {
				a, err := domain.ParseMoney(t)
				if err != nil {
					fm.setError(x.name, errText(err))
					return
				}
				*x.to = a
			}
		}
		if !fm.result(s.f, s.st.SaveCashEntry(s.ctx, &e)) {
			return
		}
		content.SetText("")
		receipt.SetText("")
		spending.SetText("")
		s.f.notify(T("Đã ghi vào sổ thu, chi."))
		load()
	}
	body := container.NewBorder(
		container.NewHBox(widget.NewLabel(T("Năm")), yearSel,
			widget.NewLabel(T("Đoàn phí giữ lại (2/3) tự ghi vào sổ khi ghi trích nộp ở màn hình Đoàn phí."))),
		container.NewVBox(widget.NewSeparator(), heading(T("Ghi thêm một dòng")), fm.grid(), fm.other), nil, nil,
		lines)
	// The main button writes the line and keeps the book open.
	s.f.actionDialog(fmt.Sprintf(T("Sổ thu, chi – %s"), b.Name), T("Ghi dòng thu, chi"), body, fyne.NewSize(900, 620), func() bool { add(); return false })
}

func blankZero(n int64) string {
	if n == 0 {
		return ""
	}
	return domain.Money(n)
}
