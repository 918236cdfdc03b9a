package ui

import (
	"fmt"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// trainingsBox is the member page's part on target 2.4: the person's
// trainings in youth work, dated (added and deleted here), and, for an
// officer, how they stand against their office's standard today.
func (pg *memberPage) trainingsBox(p *domain.Person, reopen func()) fyne.CanvasObject {
	box := container.NewVBox(heading(T("Tập huấn công tác thanh niên")))
	if st := pg.standing(p); st != "" {
		l := widget.NewLabel(st)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	ts, err := pg.st.Trainings(pg.ctx, p.ID)
	if err != nil {
		pg.f.showError(err)
	}
	for _, t := range ts {
		t := t
		text := t.Date.String() + ": " + t.Course
		if t.Organiser != "" {
			text += " (" + t.Organiser + ")"
		}
		del := newButtonWithIcon(pg.f, "", theme.DeleteIcon(), func() {
			pg.f.confirm(T("Xóa lớp tập huấn"), fmt.Sprintf(T("Xóa lớp tập huấn %s của %s?"), text, p.FullName()), func() {
				if err := pg.st.DeleteTraining(pg.ctx, t.ID); err != nil {
					pg.f.showError(err)
					return
				}
				pg.f.notify(fmt.Sprintf(T("Đã xóa lớp tập huấn %s của %s."), text, p.FullName()))
				reopen()
			})
		})
		del.Importance = widget.LowImportance
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, nil, del, l))
	}
	box.Add(newButtonWithIcon(pg.f, T("Thêm lớp tập huấn"), theme.ContentAddIcon(), func() { pg.trainingDialog(p, reopen) }))
	return box
}

// standing says whether an officer meets their office's standard today,
// and what they lack; empty for a person holding no office.
func (pg *memberPage) standing(p *domain.Person) string {
	today := pg.clock.today()
	sp, err := pg.st.YearSpan(pg.ctx, pg.clock.thisYear(), today)
	if err != nil || sp.From.After(today) {
		return ""
	}
	os, err := pg.st.OfficerStandings(pg.ctx, sp)
	if err != nil {
		pg.f.showError(err)
		return ""
	}
	for _, o := range os {
		if o.Person.ID != p.ID {
			continue
		}
		if len(o.Gaps) == 0 {
			return fmt.Sprintf(T("Đạt chuẩn cán bộ Đoàn năm %d (tính đến %s)."), sp.Year, today)
		}
		gaps := make([]string, len(o.Gaps))
		for i, g := range o.Gaps {
			gaps[i] = fmt.Sprintf(T(g.Format), translateArgs(g.Args)...)
		}
		return fmt.Sprintf(T("Chưa đạt chuẩn cán bộ Đoàn năm %d: %s."), sp.Year, strings.Join(gaps, "; "))
	}
	return ""
}

// trainingDialog adds a training the person attended.
func (pg *memberPage) trainingDialog(p *domain.Person, done func()) {
	var fm form
	fm.other = newErrorText()
	date := newDateEntry(pg.f)
	course, organiser := newEntry(pg.f), newEntry(pg.f)
	course.SetPlaceHolder(T("Tập huấn cán bộ Đoàn cơ sở"))
	organiser.SetPlaceHolder(T("Tỉnh Đoàn"))
	fm.add("Date", T("Ngày"), date)
	fm.add("Course", T("Lớp tập huấn"), course)
	fm.add("Organiser", T("Đơn vị tổ chức"), organiser)
	content := container.NewVBox(widget.NewLabel(p.FullName()), fm.grid(), fm.other)
	pg.f.formDialog(T("Thêm lớp tập huấn"), content, fyne.NewSize(560, 300), func() bool {
		fm.clear()
		d, ok := fm.parseDateField("Date", date)
		if !ok {
			return false
		}
		t := &domain.Training{PersonID: p.ID, Date: d, Course: course.Text, Organiser: organiser.Text}
		if !fm.result(pg.f, pg.st.SaveTraining(pg.ctx, t)) {
			return false
		}
		done()
		return true
	})
}
