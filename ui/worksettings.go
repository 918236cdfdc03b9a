package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"sodoan/domain"
)

// workSettings is the Hoạt động screen's last tab: the thresholds of the
// evidence beside the ratings and of the dashboard's reminder (settings
// with the province's defaults), and the year's monthly themes.
func (s *activitiesScreen) workSettings() fyne.CanvasObject {
	var fm form
	fm.other = newErrorText()
	th, err := s.st.Evidence(s.ctx)
	if err != nil {
		s.f.showError(err)
	}
	entries := make([]*entry, 4)
	values := []*int{&th.BranchMeetings, &th.MemberShare, &th.AbsentMonths, &th.MeetingDay}
	labels := []string{
		T("Chi đoàn xuất sắc: số tháng sinh hoạt trong năm"),
		T("Đoàn viên xuất sắc: tỷ lệ tham gia tối thiểu (%)"),
		T("Cần xem xét: số tháng vắng không lý do trong năm"),
		T("Tổng quan nhắc chi đoàn chưa sinh hoạt sau ngày"),
	}
	names := []string{"evidence.branch_meetings", "evidence.member_share", "evidence.absent_months", "evidence.meeting_day"}
	for i := range entries {
		entries[i] = newEntry(s.f)
		entries[i].SetText(strconv.Itoa(*values[i]))
		fm.add(names[i], labels[i], entries[i])
	}
	themes, err := s.st.Themes(s.ctx, s.year)
	if err != nil {
		s.f.showError(err)
	}
	themeEntries := make([]*entry, 12)
	for i := range themeEntries {
		themeEntries[i] = newEntry(s.f)
		themeEntries[i].SetText(themes[i])
		fm.add(fmt.Sprintf("Themes%d", i+1), fmt.Sprintf(T("Tháng %d"), i+1), themeEntries[i])
	}
	save := newButtonWithIcon(s.f, T("Lưu"), theme.DocumentSaveIcon(), func() {
		s.f.confirmSaved(T("Ngưỡng, chủ điểm"), func() bool {
			fm.clear()
			ok := true
			for i, e := range entries {
				v, good := fm.parseIntField(names[i], e, domain.IntRange{Field: names[i], Label: labels[i], Min: 0, Max: 100})
				ok = ok && good
				*values[i] = int(v)
			}
			if !ok || !fm.result(s.f, s.st.SetEvidence(s.ctx, th)) {
				return false
			}
			for i, e := range themeEntries {
				themes[i] = e.Text
			}
			if !fm.result(s.f, s.st.SetThemes(s.ctx, s.year, themes)) {
				return false
			}
			s.loadReview()
			return true
		})
	})
	box := container.NewVBox(
		heading(T("Ngưỡng căn cứ xếp loại (mặc định theo hướng dẫn của Tỉnh Đoàn; phần mềm chỉ hiện căn cứ, không tự xếp loại)")),
		fm.grid(names...),
		heading(fmt.Sprintf(T("Chủ điểm sinh hoạt từng tháng năm %d"), s.year)),
		fm.grid(func() []string {
			var out []string
			for i := range themeEntries {
				out = append(out, fmt.Sprintf("Themes%d", i+1))
			}
			return out
		}()...),
		fm.other,
		container.NewHBox(save),
	)
	return container.NewVScroll(box)
}
