package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/domain"
)

// workSettings is the Hoạt động screen's last tab: the thresholds of the
// evidence beside the ratings and of the dashboard's reminder, by the day
// they apply from (a province may change them; a document reads those of
// its date), the year's monthly themes, and the list of activity kinds
// (worksettingskinds.go).
func (s *activitiesScreen) workSettings() fyne.CanvasObject {
	s.thresholds = container.NewVBox()
	s.fillThresholds()
	s.kindsBox = container.NewVBox()
	s.fillKinds()
	var fm form
	fm.other = newErrorText()
	themes, err := s.st.Themes(s.ctx, s.year)
	if err != nil {
		s.f.showError(err)
	}
	themeEntries := make([]*entry, 12)
	var names []string
	for i := range themeEntries {
		themeEntries[i] = newEntry(s.f)
		themeEntries[i].SetText(themes[i])
		names = append(names, fmt.Sprintf("Themes%d", i+1))
		fm.add(names[i], fmt.Sprintf(T("Tháng %d"), i+1), themeEntries[i])
	}
	save := newButtonWithIcon(s.f, T("Lưu chủ điểm"), theme.DocumentSaveIcon(), func() {
		s.f.confirmSaved(T("Chủ điểm sinh hoạt"), func() bool {
			fm.clear()
			for i, e := range themeEntries {
				themes[i] = e.Text
			}
			return fm.result(s.f, s.st.SetThemes(s.ctx, s.year, themes))
		})
	})
	box := container.NewVBox(
		s.thresholds,
		widget.NewSeparator(),
		heading(fmt.Sprintf(T("Chủ điểm sinh hoạt từng tháng năm %d"), s.year)),
		fm.grid(names...),
		fm.other,
		container.NewHBox(save),
		widget.NewSeparator(),
		s.kindsBox,
	)
	return container.NewVScroll(box)
}

// thresholdText is one row of thresholds as the tab lists it.
func thresholdText(t domain.EvidenceThresholds) string {
	when := fmt.Sprintf(T("Từ %s"), t.From)
	if t.FromBeginning() {
		when = T("Từ đầu")
	}
	return when + ": " + thresholdValues(t)
}

// thresholdValues is the four thresholds in words.
func thresholdValues(t domain.EvidenceThresholds) string {
	return fmt.Sprintf(T("chi đoàn xuất sắc sinh hoạt %d tháng/năm; đoàn viên xuất sắc tham gia từ %d %%; cần xem xét khi vắng không lý do %d tháng/năm; nhắc chi đoàn chưa sinh hoạt sau ngày %d."),
		t.BranchMeetings, t.MemberShare, t.AbsentMonths, t.MeetingDay)
}

// fillThresholds lists the thresholds by the day they apply from (none
// written: the defaults), each with a button removing it.
func (s *activitiesScreen) fillThresholds() {
	s.thresholds.RemoveAll()
	list, err := s.st.EvidenceList(s.ctx)
	if err != nil {
		s.f.showError(err)
	}
	add := newButtonWithIcon(s.f, T("Ghi ngưỡng mới"), theme.ContentAddIcon(), func() { s.thresholdsDialog() })
	s.thresholds.Add(container.NewHBox(heading(T("Ngưỡng căn cứ xếp loại theo ngày áp dụng")), add))
	note := widget.NewLabel(T("Mặc định theo hướng dẫn của Tỉnh Đoàn; phần mềm chỉ hiện căn cứ, không tự xếp loại. Mỗi năm đọc ngưỡng áp dụng vào cuối năm đó, nên văn bản năm trước giữ ngưỡng của năm trước."))
	note.Wrapping = fyne.TextWrapWord
	s.thresholds.Add(note)
	if len(list) == 0 {
		s.thresholds.Add(widget.NewLabel(T("Sổ chưa ghi ngưỡng riêng: áp dụng ngưỡng mặc định.")))
		list = []domain.EvidenceThresholds{domain.DefaultEvidence}
		l := widget.NewLabel(thresholdText(list[0]))
		l.Wrapping = fyne.TextWrapWord
		s.thresholds.Add(l)
	} else {
		if !list[0].FromBeginning() {
			// The days before the first row keep the defaults: say so.
			l := widget.NewLabel(fmt.Sprintf(T("Trước %s (mặc định): %s"), list[0].From, thresholdValues(domain.DefaultEvidence)))
			l.Wrapping = fyne.TextWrapWord
			s.thresholds.Add(l)
		}
		for _, t := range list {
			l := widget.NewLabel(thresholdText(t))
			l.Wrapping = fyne.TextWrapWord
			from := t.From
			del := newButtonWithIcon(s.f, T("Xóa"), theme.DeleteIcon(), func() {
				s.f.confirm(T("Xóa ngưỡng"), fmt.Sprintf(T("Xóa ngưỡng %s? Những ngày nó áp dụng sẽ theo ngưỡng trước đó (hoặc mặc định)."), l.Text), func() {
					if err := s.st.DeleteEvidence(s.ctx, from); err != nil {
						s.f.showError(err)
						return
					}
					s.fillThresholds()
					s.loadReview()
				})
			})
			s.thresholds.Add(container.NewBorder(nil, nil, nil, del, l))
		}
	}
	s.thresholds.Refresh()
}

// thresholdsForm is the dialog writing the thresholds in force from a
// day, filled with those in force today.
type thresholdsForm struct {
	fm     form
	from   *entry
	values []*entry
	save   func() bool
}

func (s *activitiesScreen) thresholdsDialog() *thresholdsForm {
	today := s.clock.today()
	cur, err := s.st.EvidenceAt(s.ctx, today)
	if err != nil {
		s.f.showError(err)
	}
	tf := &thresholdsForm{from: newDateEntry(s.f)}
	tf.fm.other = newErrorText()
	tf.from.SetText(today.String())
	tf.fm.add("From", T("Áp dụng từ"), tf.from)
	fields := []struct {
		name, label string
		min, max    int64
		v           func(*domain.EvidenceThresholds) *int
	}{
		{"branch_meetings", T("Chi đoàn xuất sắc: số tháng sinh hoạt trong năm"), 1, 52, func(t *domain.EvidenceThresholds) *int { return &t.BranchMeetings }},
		{"member_share", T("Đoàn viên xuất sắc: tỷ lệ tham gia tối thiểu (%)"), 1, 100, func(t *domain.EvidenceThresholds) *int { return &t.MemberShare }},
		{"absent_months", T("Cần xem xét: số tháng vắng không lý do trong năm"), 1, 12, func(t *domain.EvidenceThresholds) *int { return &t.AbsentMonths }},
		{"meeting_day", T("Tổng quan nhắc chi đoàn chưa sinh hoạt sau ngày"), 1, 28, func(t *domain.EvidenceThresholds) *int { return &t.MeetingDay }},
	}
	for _, x := range fields {
		e := newEntry(s.f)
		e.SetText(strconv.Itoa(*x.v(&cur)))
		tf.values = append(tf.values, e)
		tf.fm.add(x.name, x.label, e)
	}
	tf.save = func() bool {
		tf.fm.clear()
		var th domain.EvidenceThresholds
		var ok bool
		if th.From, ok = tf.fm.parseDateField("From", tf.from); !ok {
			return false
		}
		for i, x := range fields {
			n, good := tf.fm.parseIntField(x.name, tf.values[i], domain.IntRange{Field: x.name, Label: x.label, Min: x.min, Max: x.max})
			if !good {
				return false
			}
			*x.v(&th) = int(n)
		}
		if !tf.fm.result(s.f, s.st.SaveEvidence(s.ctx, &th)) {
			return false
		}
		s.fillThresholds()
		s.loadReview()
		return true
	}
	s.f.formDialog(T("Ghi ngưỡng căn cứ xếp loại"), container.NewVBox(tf.fm.grid(), tf.fm.other), fyne.NewSize(640, 380), tf.save)
	return tf
}
