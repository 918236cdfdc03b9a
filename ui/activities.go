package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// activitiesScreen is the Hoạt động screen (issue 19): the year's
// activities with filters by kind, branch and month, their form; the
// branches' meetings grid and the meetings with their attendance
// (meetings.go, attendance.go); and the "cần xem xét" list.
type activitiesScreen struct {
	ctx   context.Context
	st    *store.Store
	clock clock
	win   fyne.Window
	f     frame
	year  int

	kinds    []domain.ActivityKind
	branches []domain.Branch
	// the filters' choices: kind code, branch id, month (0: all)
	kind   string
	branch int64
	month  int
	rows   []domain.Activity
	list   *keyList
	count  *widget.Label
	meet   *meetingsPanel
	review *fyne.Container
	// the settings tab's lists (worksettings.go)
	thresholds *fyne.Container
	kindsBox   *fyne.Container
	// lastKindEditor is the kind dialog opened last (tests).
	lastKindEditor *kindEditor
	tabs           *container.AppTabs
	root           *fyne.Container
}

func newActivitiesScreen(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame) *activitiesScreen {
	s := &activitiesScreen{ctx: ctx, st: st, clock: clock, win: win, f: f, year: clock.thisYear(), root: container.NewStack(),
		count: widget.NewLabel(""), review: container.NewVBox()}
	s.list = newList(f, func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("01/01/2026 – 01/01/2026 · Tuyên truyền, giáo dục · Học tập nghị quyết")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.rowText(s.rows[i])) })
	s.list.OnSelected = func(i widget.ListItemID) {
		s.list.UnselectAll()
		if i >= 0 && i < len(s.rows) {
			s.open(s.rows[i])
		}
	}
	s.meet = newMeetingsPanel(s)
	return s
}

func (s *activitiesScreen) view() fyne.CanvasObject { return s.root }

// newRecord (Ctrl+N) adds an activity, or a meeting on the meetings tab.
func (s *activitiesScreen) newRecord() {
	if s.tabs != nil && s.tabs.SelectedIndex() == 1 {
		s.meet.add(0)
		return
	}
	s.open(domain.Activity{Kind: "education", Ward: true, Date: s.clock.today()})
}

func (s *activitiesScreen) refresh() {
	var err error
	if s.kinds, err = s.st.ActivityKinds(s.ctx); err != nil {
		s.f.showError(err)
	}
	if s.branches, err = s.st.Branches(s.ctx, false); err != nil {
		s.f.showError(err)
	}
	yearSel := newSelect(s.f, yearOptions(s.clock.thisYear()-9, s.clock.thisYear()), nil)
	yearSel.SetSelected(strconv.Itoa(s.year))
	yearSel.OnChanged = func(v string) {
		if y, err := strconv.Atoi(v); err == nil && y != s.year {
			s.year = y
			s.refresh()
		}
	}
	kindSel := newChoiceSelect(s.f, withAll(T("Mọi loại hoạt động"), domain.KindChoices(s.kinds)), func(code string) {
		s.kind = code
		s.load()
	})
	kindSel.setCode(s.kind)
	branchOpts := []string{T("Mọi đơn vị tổ chức")}
	for _, b := range s.branches {
		branchOpts = append(branchOpts, b.Name)
	}
	branchSel := newSelect(s.f, branchOpts, func(string) {})
	branchSel.SetSelectedIndex(0)
	for i, b := range s.branches {
		if b.ID == s.branch {
			branchSel.SetSelectedIndex(i + 1)
		}
	}
	branchSel.OnChanged = func(string) {
		s.branch = 0
		if i := branchSel.SelectedIndex(); i > 0 {
			s.branch = s.branches[i-1].ID
		}
		s.load()
	}
	monthOpts := []string{T("Cả năm")}
	for m := 1; m <= 12; m++ {
		monthOpts = append(monthOpts, fmt.Sprintf(T("Tháng %d"), m))
	}
	monthSel := newSelect(s.f, monthOpts, nil)
	monthSel.SetSelectedIndex(s.month)
	monthSel.OnChanged = func(string) { s.month = max(monthSel.SelectedIndex(), 0); s.load() }
	add := newButtonWithIcon(s.f, T("Thêm hoạt động"), theme.ContentAddIcon(), func() {
		s.open(domain.Activity{Kind: "education", Ward: true, Date: s.clock.today()})
	})
	filters := container.New(flexRow{3, 3, 2, 0}, kindSel, branchSel, monthSel, add)
	note := widget.NewLabel(T("Tập huấn cán bộ và mô hình hiện ở đây từ nơi ghi chúng (trang đoàn viên, màn hình Mô hình); bấm một dòng để xem hoặc sửa."))
	note.Wrapping = fyne.TextWrapWord
	acts := container.NewBorder(container.NewVBox(filters, note), s.count, nil, nil, s.list)
	tab := 0
	if s.tabs != nil {
		tab = s.tabs.SelectedIndex()
	}
	s.tabs = container.NewAppTabs(
		container.NewTabItem(T("Hoạt động"), acts),
		container.NewTabItem(T("Sinh hoạt chi đoàn"), s.meet.view()),
		container.NewTabItem(T("Cần xem xét"), container.NewVScroll(s.review)),
		container.NewTabItem(T("Ngưỡng, chủ điểm"), s.workSettings()),
	)
	s.tabs.SelectIndex(tab)
	// The year is above the tabs: the activities, the grid and the review
	// list are of the same year.
	top := container.NewHBox(widget.NewLabel(T("Năm công tác")), yearSel)
	s.root.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, s.tabs)}
	s.root.Refresh()
	s.load()
	s.meet.load()
	s.loadReview()
}

// load reads the year's activities through the filters.
func (s *activitiesScreen) load() {
	rows, err := s.st.Activities(s.ctx, store.ActivityFilter{Year: s.year, Kind: s.kind, BranchID: s.branch, Month: s.month})
	if err != nil {
		s.f.showError(err)
	}
	s.rows = rows
	var people int
	for _, a := range rows {
		people += a.Participants.Total()
	}
	s.count.SetText(fmt.Sprintf(T("%d hoạt động, %s lượt người tham gia"), len(rows), fmtInt(int64(people))))
	s.list.Refresh()
}

// rowText is an activity's line: dates, kind, title, organiser, people,
// figures.
func (s *activitiesScreen) rowText(a domain.Activity) string {
	k, _ := domain.KindOf(s.kinds, a.Kind)
	org := T("Phường")
	if !a.Ward {
		var names []string
		for _, id := range a.Branches {
			names = append(names, s.branchName(id))
		}
		org = strings.Join(names, ", ")
	}
	parts := []string{a.Dates(), T(k.Label), a.Title, org,
		fmt.Sprintf(T("%d ĐV, %d HV, %d khác"), a.Participants.Union, a.Participants.Federation, a.Participants.Others)}
	for _, m := range k.Measures {
		if v, ok := a.Measures[m.Code]; ok && v != 0 {
			parts = append(parts, fmt.Sprintf("%s %s %s", domain.LowerFirst(T(m.Label)), fmtInt(v), T(m.Unit)))
		}
	}
	return strings.Join(parts, " · ")
}

func (s *activitiesScreen) branchName(id int64) string {
	for _, b := range s.branches {
		if b.ID == id {
			return b.Name
		}
	}
	return fmt.Sprintf(T("chi đoàn mã %d"), id)
}

// open shows an activity's form, or says where a training or a model is
// edited.
func (s *activitiesScreen) open(a domain.Activity) {
	if !a.Editable() {
		where := T("Tập huấn cán bộ được ghi theo từng người ở trang đoàn viên (Tập huấn).")
		if a.Source == domain.SourceModel {
			where = T("Mô hình được ghi ở màn hình Mô hình (2.1, 2.2b).")
		}
		s.f.info(a.Title, s.rowText(a)+"\n\n"+where)
		return
	}
	newActivityForm(s, a)
}

// loadReview fills the "cần xem xét" tab.
func (s *activitiesScreen) loadReview() {
	s.review.RemoveAll()
	th, err := s.st.EvidenceOfYear(s.ctx, s.year, domain.Date{})
	if err != nil {
		s.f.showError(err)
	}
	lines, err := s.st.ReviewList(s.ctx, s.year, domain.Date{})
	if err != nil {
		s.f.showError(err)
	}
	intro := widget.NewLabel(fmt.Sprintf(T("Đoàn viên vắng sinh hoạt không lý do từ %d tháng trở lên trong năm %d (căn cứ xem xét xóa tên theo Hướng dẫn 22-HD/TWĐTN). Chi đoàn xem xét từng trường hợp; danh sách không tự xóa tên ai."), th.AbsentMonths, s.year))
	intro.Wrapping = fyne.TextWrapWord
	s.review.Add(intro)
	if len(lines) == 0 {
		s.review.Add(widget.NewLabel(T("Không có đoàn viên nào.")))
	}
	for i, l := range lines {
		var reasons []string
		for _, r := range l.Reasons {
			ms := make([]string, len(r.Months))
			for j, m := range r.Months {
				ms[j] = m.String()
			}
			reasons = append(reasons, fmt.Sprintf(T("%s %d tháng (%s)"), T(domain.LabelOf(domain.ReviewReasons, string(r.Code))), len(r.Months), strings.Join(ms, ", ")))
		}
		lbl := widget.NewLabel(fmt.Sprintf("%d. %s – %s: %s", i+1, l.Name, l.Branch, strings.Join(reasons, "; ")))
		lbl.Wrapping = fyne.TextWrapWord
		s.review.Add(lbl)
	}
	s.review.Refresh()
}

// activityForm adds or edits an activity.
type activityForm struct {
	s        *activitiesScreen
	a        domain.Activity
	fm       form
	kind     *choiceSelect
	title    *entry
	date     *entry
	end      *entry
	ward     *check
	branches []*check
	counts   [3]*entry
	measures *fyne.Container
	mEntries map[string]*entry
	note     *entry
}

// editableKinds are the kinds written as activities (not the trainings
// and models kept elsewhere).
func editableKinds(kinds []domain.ActivityKind) []domain.Choice {
	var out []domain.Choice
	for _, k := range kinds {
		if k.Code != domain.KindTraining && k.Code != domain.KindModel {
			out = append(out, domain.Choice{Code: k.Code, Label: k.Label})
		}
	}
	return out
}

func newActivityForm(s *activitiesScreen, a domain.Activity) *activityForm {
	f := &activityForm{s: s, a: a, mEntries: map[string]*entry{}, measures: container.NewVBox()}
	f.fm.other = newErrorText()
	f.kind = newChoiceSelect(s.f, editableKinds(s.kinds), func(string) { f.showMeasures() })
	f.title, f.date, f.end, f.note = newEntry(s.f), newDateEntry(s.f), newDateEntry(s.f), newMultiLineEntry(s.f)
	f.title.SetText(a.Title)
	f.date.SetText(a.Date.String())
	f.end.SetText(a.End.String())
	f.note.SetText(a.Note)
	f.note.SetMinRowsVisible(3)
	f.ward = newCheck(s.f, T("Phường tổ chức (mọi chi đoàn được triệu tập)"), nil)
	f.ward.SetChecked(a.Ward)
	branchBox := container.NewGridWithColumns(2)
	for _, b := range s.branches {
		c := newCheck(s.f, b.Name, nil)
		c.SetChecked(!a.Ward && containsInt64(a.Branches, b.ID))
		f.branches = append(f.branches, c)
		branchBox.Add(c)
	}
	for i, v := range []int{a.Participants.Union, a.Participants.Federation, a.Participants.Others} {
		f.counts[i] = newEntry(s.f)
		f.counts[i].SetText(strconv.Itoa(v))
	}
	f.fm.add("Kind", T("Loại hoạt động"), f.kind)
	f.fm.add("Title", T("Tên hoạt động"), f.title)
	f.fm.add("Date", T("Ngày (bắt đầu)"), f.date)
	f.fm.add("End", T("Đến ngày"), f.end)
	f.fm.add("Branches", T("Đơn vị tổ chức"), container.NewVBox(f.ward, branchBox))
	f.fm.add("Union", T("Số đoàn viên tham gia"), f.counts[0])
	f.fm.add("Federation", T("Số hội viên tham gia"), f.counts[1])
	f.fm.add("Others", T("Số người khác tham gia"), f.counts[2])
	f.fm.add("Measures", T("Số liệu"), f.measures)
	f.fm.add("Note", T("Nội dung, ghi chú"), f.note)
	f.kind.setCode(a.Kind)
	f.showMeasures()
	title := T("Sửa hoạt động")
	if a.ID == 0 {
		title = T("Thêm hoạt động")
	}
	// The roll: who of the members called took part, for each member's
	// share beside the ratings.
	rollText := widget.NewLabel("")
	showRoll := func() {
		if f.a.Roll {
			rollText.SetText(fmt.Sprintf(T("Danh sách người tham gia: %d đoàn viên."), len(f.a.People)))
		} else {
			rollText.SetText(T("Chưa ghi danh sách người tham gia (hoạt động không tính vào tỷ lệ tham gia của đoàn viên)."))
		}
	}
	showRoll()
	pick := newButton(s.f, T("Ghi danh sách người tham gia…"), func() {
		d, err := domain.ParseDate(f.date.Text)
		if err != nil || d.IsZero() {
			f.fm.setError("Date", T("nhập ngày trước khi ghi danh sách"))
			return
		}
		var bs []int64
		for i, c := range f.branches {
			if c.Checked {
				bs = append(bs, s.branches[i].ID)
			}
		}
		f.chooseRoll(d, f.ward.Checked, bs, func(ids []int64) {
			f.a.People, f.a.Roll = ids, true
			showRoll()
		})
	})
	roll := container.NewHBox(pick, rollText)
	body := container.NewVScroll(container.NewVBox(f.fm.grid(), roll, f.fm.other))
	sz := s.win.Canvas().Size()
	d := s.f.formDialog(title, body, fyne.NewSize(min(760, sz.Width*0.9), sz.Height*0.9), f.save)
	if a.ID != 0 {
		_ = d // deleting is offered beside the form's buttons below
		del := newButtonWithIcon(s.f, T("Xóa hoạt động"), theme.DeleteIcon(), func() {
			s.f.confirm(T("Xóa hoạt động"), fmt.Sprintf(T("Xóa %s?"), a.Title), func() {
				if err := s.st.DeleteActivity(s.ctx, a.ID); err != nil {
					s.f.showError(err)
					return
				}
				d.Hide()
				s.f.notify(fmt.Sprintf(T("Đã xóa %s."), a.Title))
				s.load()
			})
		})
		del.Importance = widget.DangerImportance
		body.Content.(*fyne.Container).Add(container.NewHBox(del))
	}
	return f
}

func containsInt64(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// showMeasures lays out an entry for each measure of the chosen kind.
func (f *activityForm) showMeasures() {
	f.measures.RemoveAll()
	k, _ := domain.KindOf(f.s.kinds, f.kind.code())
	old := f.mEntries
	f.mEntries = map[string]*entry{}
	for _, m := range k.Measures {
		e := newEntry(f.s.f)
		if prev, ok := old[m.Code]; ok {
			e.SetText(prev.Text)
		} else if v, ok := f.a.Measures[m.Code]; ok {
			e.SetText(strconv.FormatInt(v, 10))
		}
		f.mEntries[m.Code] = e
		f.measures.Add(container.NewBorder(nil, nil, widget.NewLabel(T(m.Label)), widget.NewLabel(T(m.Unit)), e))
	}
	if len(k.Measures) == 0 {
		f.measures.Add(widget.NewLabel(T("Loại này không có số liệu riêng.")))
	}
	f.measures.Refresh()
}

func (f *activityForm) save() bool {
	f.fm.clear()
	a := f.a
	ok := true
	if d, good := f.fm.parseDateField("Date", f.date); good {
		a.Date = d
	} else {
		ok = false
	}
	a.End = domain.Date{}
	if strings.TrimSpace(f.end.Text) != "" {
		if d, good := f.fm.parseDateField("End", f.end); good {
			a.End = d
		} else {
			ok = false
		}
	}
	cr := domain.IntRange{Field: "Count", Label: T("Số người"), Min: 0, Max: domain.MaxCount}
	var n [3]int64
	for i, name := range []string{"Union", "Federation", "Others"} {
		if strings.TrimSpace(f.counts[i].Text) == "" {
			continue
		}
		v, good := f.fm.parseIntField(name, f.counts[i], cr)
		ok = ok && good
		n[i] = v
	}
	a.Participants = domain.Participants{Union: int(n[0]), Federation: int(n[1]), Others: int(n[2])}
	a.Measures = map[string]int64{}
	mr := domain.IntRange{Field: "Measures", Label: T("Số liệu"), Min: 0, Max: domain.MaxMeasure}
	for code, e := range f.mEntries {
		if strings.TrimSpace(e.Text) == "" {
			continue
		}
		v, good := f.fm.parseIntField("Measures", e, mr)
		ok = ok && good
		a.Measures[code] = v
	}
	if !ok {
		return false
	}
	a.Kind, a.Title, a.Note = f.kind.code(), f.title.Text, f.note.Text
	a.Ward = f.ward.Checked
	a.Branches = nil
	for i, c := range f.branches {
		if c.Checked && !a.Ward {
			a.Branches = append(a.Branches, f.s.branches[i].ID)
		}
	}
	if !f.fm.result(f.s.f, f.s.st.SaveActivity(f.s.ctx, &a)) {
		return false
	}
	f.s.f.notify(fmt.Sprintf(T("Đã lưu hoạt động %s."), a.Title))
	if y := a.Date.Year(); y != f.s.year {
		f.s.year = y
		f.s.refresh()
	} else {
		f.s.load()
	}
	return true
}
