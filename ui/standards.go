package ui

import (
	"context"
	"fmt"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// standardsSection is Cài đặt's part on target 2.4: the standard of each
// office that applies this year (the least schooling, qualification and
// political theory, and a training in the year), each editable from a
// year on.
func standardsSection(ctx context.Context, st *store.Store, f frame, clock clock, refresh func()) fyne.CanvasObject {
	year := clock.thisYear()
	stds, err := st.OfficeStandards(ctx, year)
	if err != nil {
		f.showError(err)
	}
	box := container.NewVBox(widget.NewLabel(fmt.Sprintf(T("Chuẩn áp dụng năm %d; sửa một chức vụ để đặt chuẩn từ một năm trở đi (các năm trước giữ chuẩn cũ)."), year)))
	for _, s := range stds {
		s := s
		var parts []string
		for _, p := range s.DescribeParts() {
			parts = append(parts, fmt.Sprintf(T(p.Format), translateArgs(p.Args)...))
		}
		text := T(s.Office.Label()) + ": " + strings.Join(parts, "; ")
		if s.Counted {
			text += " " + T("(tính vào chỉ tiêu 2.4)")
		}
		edit := newButtonWithIcon(f, "", theme.DocumentCreateIcon(), func() { standardDialog(ctx, st, f, s, year, refresh) })
		edit.Importance = widget.LowImportance
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, nil, edit, l))
	}
	return box
}

func standardDialog(ctx context.Context, st *store.Store, f frame, s domain.OfficeStandard, year int, done func()) {
	var fm form
	fm.other = newErrorText()
	from := newEntry(f)
	from.SetText(fmt.Sprint(year))
	schooling := newEntry(f)
	schooling.SetText(fmt.Sprint(s.MinSchooling))
	qual := newChoiceSelect(f, domain.Qualifications, nil)
	qual.setCode(string(s.MinQualification))
	theory := newChoiceSelect(f, domain.TheoryLevels, nil)
	theory.setCode(string(s.MinTheory))
	training := newCheck(f, T("Phải tập huấn công tác thanh niên trong năm"), nil)
	training.SetChecked(s.TrainingRequired)
	counted := newCheck(f, T("Tính vào chỉ tiêu 2.4"), nil)
	counted.SetChecked(s.Counted)
	fm.add("FromYear", T("Áp dụng từ năm"), from)
	fm.add("MinSchooling", T("Học vấn tối thiểu (lớp /12)"), schooling)
	fm.add("MinQualification", T("Chuyên môn tối thiểu"), qual)
	fm.add("MinTheory", T("Lý luận chính trị tối thiểu"), theory)
	content := container.NewVBox(widget.NewLabel(T(s.Office.Label())), fm.grid(), training, counted, fm.other)
	f.formDialog(T("Chuẩn cán bộ Đoàn"), content, fyne.NewSize(560, 380), func() bool {
		fm.clear()
		y, ok1 := fm.parseIntField("FromYear", from, domain.YearRange)
		g, ok2 := fm.parseIntField("MinSchooling", schooling, domain.IntRange{Field: "MinSchooling", Label: "Học vấn tối thiểu", Min: 0, Max: 12})
		if !ok1 || !ok2 {
			return false
		}
		n := domain.OfficeStandard{Office: s.Office, FromYear: int(y), MinSchooling: int(g), MinQualification: domain.Qualification(qual.code()),
			MinTheory: domain.TheoryLevel(theory.code()), TrainingRequired: training.Checked, Counted: counted.Checked}
		if !fm.result(f, savedSay(f, st.SaveOfficeStandard(ctx, &n), fmt.Sprintf(T("Đã lưu chuẩn %s từ năm %d."), T(s.Office.Label()), n.FromYear))) {
			return false
		}
		done()
		return true
	})
}
