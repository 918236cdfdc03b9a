package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sodoan/domain"
	"sodoan/store"
)

// TestAttendanceScreen: a whole branch's attendance on one screen: nothing
// saved while a member is unmarked; "Tất cả có mặt" then one member marked
// absent through the list's row; saved in one meeting; the grid, the
// year-end rating's evidence and the meetings list show it.
func TestAttendanceScreen(t *testing.T) {
	f := newFixture(t, "activities")
	ctx := context.Background()
	s, ok := f.app.screens["activities"].(*activitiesScreen)
	if !ok {
		t.Fatal("the Hoạt động screen is not built")
	}
	a := openAttendance(s, 0, f.br[0])
	// Khóm 1 holds testNames 0, 2, 4, 6, 8.
	if len(a.roll) != 5 {
		t.Fatalf("roll of %d, want 5", len(a.roll))
	}
	if a.save() {
		t.Fatal("saved with nobody marked")
	}
	if !strings.Contains(a.fm.other.msg(), "Chưa điểm danh") {
		t.Errorf("message %q", a.fm.other.msg())
	}
	test.Tap(a.all)
	// The second row, as the list draws it, marked absent by its radio.
	row := a.list.CreateItem().(*fyne.Container)
	a.drawRow(1, row)
	row.Objects[1].(*widget.RadioGroup).SetSelected(T("Vắng không lý do"))
	if a.roll[1].mark != domain.Absent || a.roll[0].mark != domain.Present {
		t.Fatalf("marks %+v", a.roll)
	}
	if !strings.Contains(a.counts.Text, "có mặt 4, vắng có lý do 0, vắng không lý do 1, chưa điểm danh 0") {
		t.Errorf("counts %q", a.counts.Text)
	}
	if !a.save() {
		t.Fatalf("not saved: %s", a.fm.other.msg())
	}
	f.app.escape()
	ms, err := f.st.Meetings(ctx, store.MeetingFilter{Year: thisYear()})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Count != (domain.AttendanceCount{Present: 4, Absent: 1}) {
		t.Fatalf("meetings %+v", ms)
	}
	if len(s.meet.meetings) != 1 || s.meet.cell(1, 13) != "1/12" {
		t.Errorf("panel: %d meetings, Khóm 1 met %q", len(s.meet.meetings), s.meet.cell(1, 13))
	}
	// Opened again from the list, the meeting shows its marks.
	again := openAttendance(s, ms[0].ID, 0)
	if len(again.roll) != 5 || again.roll[1].mark != domain.Absent || again.roll[0].mark != domain.Present || again.branch.Selected != "Chi đoàn Khóm 1" {
		t.Errorf("reopened: %+v, branch %q", again.roll, again.branch.Selected)
	}
	f.app.escape()
	// The year-end rating shows the branch's months and each member's
	// share: 1 month met, 4 of 5 present (80 %); the absent member 0/1.
	r := f.app.batches.yearRating(f.br[0])
	line := r.list.Objects[0].(*widget.Label).Text
	if !strings.Contains(line, "sinh hoạt 1/12 tháng, 1 buổi (xuất sắc cần 12)") || !strings.Contains(line, "80 %") {
		t.Errorf("branch evidence %q", line)
	}
	absent := a.roll[1].id
	for i, p := range r.people {
		got := r.list.Objects[i+1].(*fyne.Container).Objects[1].(*widget.Label).Text
		want := "1/1 (100 %) · đủ 90 % để xếp xuất sắc"
		if p.ID == absent {
			want = "0/1 (0 %) · dưới 90 %"
		}
		if got != want {
			t.Errorf("%s: %q, want %q", p.FullName(), got, want)
		}
	}
}

// TestActivityFormSaves: an activity typed in the form is saved with its
// figures and shows in the list; a bad count is named next to its field.
func TestActivityFormSaves(t *testing.T) {
	f := newFixture(t, "activities")
	s := f.app.screens["activities"].(*activitiesScreen)
	fm := newActivityForm(s, domain.Activity{Kind: "blood", Ward: true, Date: f.app.clock.today()})
	fm.title.SetText("Ngày hội hiến máu")
	fm.counts[0].SetText("abc")
	if fm.save() {
		t.Fatal("saved with a count that is not a number")
	}
	if !fm.fm.hasError("Union") {
		t.Error("no message next to Số đoàn viên")
	}
	fm.counts[0].SetText("12")
	fm.mEntries["units"].SetText("12")
	if !fm.save() {
		t.Fatalf("not saved: %s", fm.fm.other.msg())
	}
	f.app.escape()
	if len(s.rows) != 1 || s.rows[0].Measures["units"] != 12 || s.rows[0].Participants.Union != 12 {
		t.Fatalf("rows %+v", s.rows)
	}
	if txt := s.rowText(s.rows[0]); !strings.Contains(txt, "Hiến máu tình nguyện · Ngày hội hiến máu · Phường · 12 ĐV, 0 HV, 0 khác · số đơn vị máu 12 đơn vị") {
		t.Errorf("row %q", txt)
	}
}

// TestDashboardUnmetBranches: after the 25th, the branches that have not
// met this month show on the dashboard; not before.
func TestDashboardUnmetBranches(t *testing.T) {
	f := newFixture(t, "dashboard")
	d := f.app.screens["dashboard"].(*dashboard)
	if err := f.st.SaveMeeting(context.Background(), &domain.Meeting{BranchID: f.br[0], Date: domain.MustDate(2026, 11, 10), Kind: domain.MeetingRegular}); err != nil {
		t.Fatal(err)
	}
	const want = "Tháng 11 chưa sinh hoạt chi đoàn: Chi đoàn Khóm 2"
	f.app.today = func() domain.Date { return domain.MustDate(2026, 11, 26) }
	d.refresh()
	if findButton(d.view(), want) == nil {
		t.Errorf("on 26/11 the dashboard lacks %q", want)
	}
	f.app.today = func() domain.Date { return domain.MustDate(2026, 11, 25) }
	d.refresh()
	if findButton(d.view(), want) != nil {
		t.Errorf("on 25/11 the dashboard already shows %q", want)
	}
}

// entriesIn lists the entries under o, in layout order.
func entriesIn(o fyne.CanvasObject) []*entry {
	if e, ok := o.(*entry); ok {
		return []*entry{e}
	}
	var out []*entry
	for _, c := range canvasChildren(o) {
		out = append(out, entriesIn(c)...)
	}
	return out
}

// TestWorkSettingsTab: the thresholds are rows by the day they apply
// from: none written lists the defaults; a row with a value out of range
// is named and nothing is written; a good one is listed by its date. The
// year's themes keep their own save.
func TestWorkSettingsTab(t *testing.T) {
	f := newFixture(t, "activities")
	ctx := context.Background()
	s := f.app.screens["activities"].(*activitiesScreen)
	tab := s.workSettings()
	if !hasLabel(s.thresholds, "Từ đầu: chi đoàn xuất sắc sinh hoạt 12 tháng/năm; đoàn viên xuất sắc tham gia từ 90 %; cần xem xét khi vắng không lý do 3 tháng/năm; nhắc chi đoàn chưa sinh hoạt sau ngày 25.") {
		t.Errorf("defaults not listed: %q", labelTexts(s.thresholds))
	}
	tf := s.thresholdsDialog()
	if len(tf.values) != 4 || tf.values[0].Text != "12" || tf.values[1].Text != "90" || tf.values[2].Text != "3" || tf.values[3].Text != "25" || tf.from.Text != f.app.clock.today().String() {
		t.Fatalf("dialog filled with from %q and %d values", tf.from.Text, len(tf.values))
	}
	tf.from.SetText("01/01/2026")
	tf.values[2].SetText("29")
	if tf.save() {
		t.Fatal("29 months accepted")
	}
	if !tf.fm.hasError("absent_months") {
		t.Error("no message next to the months absent")
	}
	if list, _ := f.st.EvidenceList(ctx); len(list) != 0 {
		t.Errorf("refused row written: %+v", list)
	}
	tf.values[2].SetText("2")
	if !tf.save() {
		t.Fatalf("not saved: %s", tf.fm.other.msg())
	}
	f.app.escape()
	list, err := f.st.EvidenceList(ctx)
	if err != nil || len(list) != 1 || list[0].From != domain.MustDate(2026, 1, 1) || list[0].AbsentMonths != 2 || list[0].MemberShare != 90 {
		t.Fatalf("rows %+v %v", list, err)
	}
	if !hasLabel(s.thresholds, "Trước 01/01/2026 (mặc định): chi đoàn xuất sắc sinh hoạt 12 tháng/năm; đoàn viên xuất sắc tham gia từ 90 %; cần xem xét khi vắng không lý do 3 tháng/năm") {
		t.Errorf("the defaults before the first row not said: %q", labelTexts(s.thresholds))
	}
	if !hasLabel(s.thresholds, "Từ 01/01/2026: chi đoàn xuất sắc sinh hoạt 12 tháng/năm; đoàn viên xuất sắc tham gia từ 90 %; cần xem xét khi vắng không lý do 2 tháng/năm") {
		t.Errorf("new row not listed: %q", labelTexts(s.thresholds))
	}
	// 2025 still reads the defaults.
	if th, _ := f.st.EvidenceOfYear(ctx, 2025, domain.Date{}); th.AbsentMonths != 3 {
		t.Errorf("2025 reads %+v", th)
	}
	es := entriesIn(tab)
	if len(es) != 12 || es[0].Text != domain.DefaultThemes[0] {
		t.Fatalf("%d theme entries", len(es))
	}
	es[2].SetText("Tháng Thanh niên năm nay")
	tapIn(t, tab, T("Lưu chủ điểm"))
	themes, err := f.st.Themes(ctx, s.year)
	if err != nil || themes[2] != "Tháng Thanh niên năm nay" {
		t.Errorf("March's theme %q %v", themes[2], err)
	}
}

// TestActivityKindsTab: a kind added on the settings tab, with a figure,
// is offered by the activity form and its figure asked; a figure without
// its unit is named; a kind in use cannot be removed, with the reason in
// Vietnamese; a rename keeps the code.
func TestActivityKindsTab(t *testing.T) {
	f := newFixture(t, "activities")
	ctx := context.Background()
	s := f.app.screens["activities"].(*activitiesScreen)
	s.refresh()
	kf := s.kindDialog()
	kf.label.SetText("Trồng cây xanh")
	kf.figures[0][0].SetText("Số cây xanh")
	if kf.save() {
		t.Fatal("a figure without its unit accepted")
	}
	if !kf.fm.hasError("Measure1") {
		t.Error("no message next to the figure")
	}
	kf.figures[0][1].SetText("cây")
	if !kf.save() {
		t.Fatalf("not saved: %s", kf.fm.other.msg())
	}
	f.app.escape()
	if !hasLabel(s.kindsBox, "Trồng cây xanh: Số cây xanh (cây)") {
		t.Errorf("kind not listed: %q", labelTexts(s.kindsBox))
	}
	// The activity form offers it, with its figure.
	fm := newActivityForm(s, domain.Activity{Kind: "education", Ward: true, Date: f.app.clock.today()})
	found := false
	for _, o := range fm.kind.Options {
		found = found || o == "Trồng cây xanh"
	}
	if !found {
		t.Fatalf("the form's kinds %q lack the new one", fm.kind.Options)
	}
	fm.kind.SetSelected("Trồng cây xanh")
	if fm.kind.code() != "trong_cay_xanh" || fm.mEntries["so_cay_xanh"] == nil {
		t.Fatalf("kind %q, figures %v", fm.kind.code(), fm.mEntries)
	}
	fm.title.SetText("Trồng cây Khóm 1")
	fm.mEntries["so_cay_xanh"].SetText("150")
	if !fm.save() {
		t.Fatalf("activity not saved: %s", fm.fm.other.msg())
	}
	f.app.escape()
	// In use: refused, named by its label; the list keeps it.
	err := f.st.RemoveActivityKind(ctx, "trong_cay_xanh")
	if err == nil || !strings.Contains(err.Error(), "loại \"Trồng cây xanh\" còn hoạt động đã ghi, không bỏ được") {
		t.Errorf("removing a kind in use: %v", err)
	}
	// Renamed: the activity keeps the code, the list shows the name.
	if err := f.st.RenameActivityKind(ctx, "trong_cay_xanh", "Trồng cây, phủ xanh"); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	if !hasLabel(s.kindsBox, "Trồng cây, phủ xanh: Số cây xanh (cây)") {
		t.Errorf("renamed kind not listed: %q", labelTexts(s.kindsBox))
	}
	// A kind nobody used leaves through the tab's Bỏ button.
	if err := f.st.AddActivityKind(ctx, domain.ActivityKind{Label: "Hội thao"}); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	row := -1
	for i, o := range s.kindsBox.Objects {
		if hasLabel(o, "Hội thao: không có số liệu") {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("Hội thao not listed: %q", labelTexts(s.kindsBox))
	}
	tapIn(t, s.kindsBox.Objects[row], T("Bỏ"))
	f.agree(t)
	kinds, _ := f.st.ActivityKinds(ctx)
	if _, ok := domain.KindOf(kinds, "hoi_thao"); ok {
		t.Error("Hội thao still in the list")
	}
}

// TestMeetingsGridEnglish: the grid's month headers are translated.
func TestMeetingsGridEnglish(t *testing.T) {
	f := newFixture(t, "activities")
	s := f.app.screens["activities"].(*activitiesScreen)
	s.refresh()
	if got := s.meet.cell(0, 1); got != "T1" {
		t.Errorf("Vietnamese header %q", got)
	}
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	defer SetLanguage(LangVietnamese)
	if got := s.meet.cell(0, 12); got != "M12" {
		t.Errorf("English header %q", got)
	}
}
