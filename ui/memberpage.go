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

// memberPage is a person's page, opened from the member lists in place of
// the current screen: their details, events, yearly ratings, offices and
// the actions on the membership.
type memberPage struct {
	ctx     context.Context
	st      *store.Store
	clock   clock       // the day an event starts on, the years offered
	win     fyne.Window // the parent of the history dialog; focuses a dialog's first field
	f       frame
	do      func(func()) // runs UI updates from the transfer letter's goroutine
	folders *folders
	// show puts the page in the window's body; back returns to the list.
	show func(fyne.CanvasObject)
	back func()
	// edit opens the member form on p; saved runs after it was saved.
	edit func(p *domain.Person, saved func(*domain.Person))
}

func newMemberPage(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, do func(func()), folders *folders,
	show func(fyne.CanvasObject), back func(), edit func(*domain.Person, func(*domain.Person))) *memberPage {
	return &memberPage{ctx: ctx, st: st, clock: clock, win: win, f: f, do: do, folders: folders, show: show, back: back, edit: edit}
}

// open shows the page of person id in place of the current screen.
func (pg *memberPage) open(id int64) {
	p, err := pg.st.Person(pg.ctx, id)
	if err != nil {
		pg.f.showError(err)
		return
	}
	pg.show(pg.content(&p))
}

// content shows a person's details, history of events, yearly ratings
// and Party steps, offices, and the actions on the membership.
func (pg *memberPage) content(p *domain.Person) fyne.CanvasObject {
	reopen := func() { pg.open(p.ID) }

	backBtn := newButtonWithIcon(pg.f, T("Quay lại"), theme.NavigateBackIcon(), pg.back)
	editBtn := newButtonWithIcon(pg.f, T("Sửa"), theme.DocumentCreateIcon(), func() {
		pg.edit(p, func(*domain.Person) { reopen() })
	})
	delBtn := newButtonWithIcon(pg.f, T("Xóa khỏi sổ"), theme.DeleteIcon(), func() {
		pg.f.confirm(T("Xóa khỏi sổ"),
			fmt.Sprintf(T("Chuyển %s vào thùng rác? Có thể khôi phục trong Cài đặt › Thùng rác.\n(Đoàn viên rời Đoàn thì dùng Chuyển đi, Trưởng thành hoặc Xóa tên.)"), p.FullName()),
			func() {
				if err := pg.st.DeletePerson(pg.ctx, p.ID); err != nil {
					pg.f.showError(err)
					return
				}
				pg.f.notify(fmt.Sprintf(T("Đã chuyển %s vào thùng rác."), p.FullName()))
				pg.back()
			})
	})
	delBtn.Importance = widget.DangerImportance
	historyBtn := newButtonWithIcon(pg.f, T("Lịch sử thay đổi"), theme.HistoryIcon(), func() { showHistory(pg.ctx, pg.st, pg.win, pg.f, p) })
	// Only the actions that apply to the person's status are offered: an
	// active member can leave (and be given a transfer letter), anyone else
	// can only come back.
	actions := container.NewHBox()
	if p.Status == domain.StatusActive {
		actions.Add(newButton(pg.f, T("Chuyển đi"), func() { pg.eventDialog(p, domain.EventTransferOut, reopen) }))
		actions.Add(newButton(pg.f, T("Trưởng thành Đoàn"), func() { pg.eventDialog(p, domain.EventComingOfAge, reopen) }))
		actions.Add(newButton(pg.f, T("Xóa tên"), func() { pg.eventDialog(p, domain.EventRemoval, reopen) }))
	} else {
		actions.Add(newButton(pg.f, T("Chuyển đến"), func() { transferInDialog(pg.ctx, pg.st, pg.f, pg.win, pg.clock.today(), p, reopen) }))
	}
	if b := federationButton(pg.ctx, pg.st, pg.f, pg.win, pg.clock.today, p, reopen); b != nil {
		actions.Add(b)
	}
	actions.Add(newButton(pg.f, T("Xếp loại, Đảng…"), func() { pg.memberYearDialog(p, pg.clock.thisYear(), reopen) }))
	// A member who moved away can still be given the letter (again).
	if p.Status == domain.StatusActive || p.Status == domain.StatusTransferred {
		actions.Add(newButtonWithIcon(pg.f, T("Giấy giới thiệu"), theme.DocumentPrintIcon(), func() { pg.transferLetterDialog(p, reopen) }))
	}
	title := heading(p.FullName())
	title.SizeName = theme.SizeNameSubHeadingText
	top := container.NewVBox(
		container.NewBorder(nil, nil, backBtn, container.NewHBox(editBtn, historyBtn, delBtn), title),
		actions,
	)

	// Dated (issue 20): each with the earlier values and their days.
	branchText, duesText, err := duesAndBranchText(pg.ctx, pg.st, p)
	if err != nil {
		pg.f.showError(err)
	}
	info := widget.NewForm(
		widget.NewFormItem(T("Trạng thái"), widget.NewLabel(T(p.Status.Label()))),
		widget.NewFormItem(T("Giới tính"), widget.NewLabel(T(p.Gender.Label()))),
		widget.NewFormItem(T("Ngày sinh"), widget.NewLabel(p.BirthDate.String())),
		widget.NewFormItem(T("Chi đoàn"), wrapped(branchText)),
		widget.NewFormItem(T("Diện đóng đoàn phí"), wrapped(duesText)),
		widget.NewFormItem(T("Chức vụ"), widget.NewLabel(T(p.Position))),
		widget.NewFormItem(T("Ngày vào Đoàn"), widget.NewLabel(p.AdmissionDate.String())),
		widget.NewFormItem(T("Số thẻ"), widget.NewLabel(p.CardNumber)),
		widget.NewFormItem(T("Ngày trao thẻ"), widget.NewLabel(p.CardDate.String())),
		widget.NewFormItem(T("Ngày vào Hội"), widget.NewLabel(federationSpan(p))),
		widget.NewFormItem(T("Dân tộc, tôn giáo"), widget.NewLabel(joinNonEmpty(", ", p.Ethnicity, p.Religion))),
		widget.NewFormItem(T("Số CCCD"), widget.NewLabel(p.CitizenID)),
		widget.NewFormItem(T("Điện thoại"), widget.NewLabel(p.Phone)),
		widget.NewFormItem(T("Địa chỉ"), wrapped(address(p))),
		widget.NewFormItem(T("Nghề nghiệp"), widget.NewLabel(T(p.Occupation.Label()))),
		widget.NewFormItem(T("Trình độ"), wrapped(joinNonEmpty(" · ", schooling(p.Schooling), T(p.Qualification.Label()), T("LLCT")+": "+T(p.TheoryLevel.Label())))),
	)

	history := container.NewVBox(heading(T("Quá trình sinh hoạt")))
	events, err := pg.st.Events(pg.ctx, p.ID)
	if err != nil {
		pg.f.showError(err)
	}
	if len(events) == 0 {
		history.Add(widget.NewLabel(T("Chưa có sự kiện nào.")))
	}
	decided := decisionSymbols(pg.ctx, pg.st, p.ID)
	for _, e := range events {
		e := e
		text := e.Date.String() + "  " + T(e.Kind.Label())
		text += joinNonEmpty("", prefixed(" — ", e.Unit), prefixed(" — ", e.Reason), prefixed(" — ", e.Note), prefixed(" — "+T("Quyết định")+" ", decided[e.DecisionID]))
		del := newButtonWithIcon(pg.f, "", theme.DeleteIcon(), func() {
			pg.f.confirm(T("Xóa sự kiện"), T("Xóa sự kiện này khỏi quá trình sinh hoạt?"), func() {
				if err := pg.st.DeleteEvent(pg.ctx, e.ID); err != nil {
					pg.f.showError(err)
					return
				}
				pg.f.notify(fmt.Sprintf(T("Đã xóa sự kiện %s của %s."), text, p.FullName()))
				reopen()
			})
		})
		del.Importance = widget.LowImportance
		// Wrapped: a long event (a unit, a reason and a note) on one line
		// widened the column and pushed its delete icon off the window.
		history.Add(container.NewBorder(nil, nil, nil, del, wrapped(text)))
	}

	yearsBox := container.NewVBox(heading(T("Xếp loại và giới thiệu vào Đảng")))
	years, err := pg.st.MemberYears(pg.ctx, p.ID)
	if err != nil {
		pg.f.showError(err)
	}
	if len(years) == 0 {
		yearsBox.Add(widget.NewLabel(T("Chưa có.")))
	}
	for _, y := range years {
		y := y
		text := strconv.Itoa(y.Year) + ": " + ratingLabel(y.Rating)
		if y.TrainingRegistered {
			text += " · " + T("đăng ký rèn luyện")
			if y.TrainingCompleted {
				text += " (" + T("hoàn thành") + ")"
			}
		}
		if !y.PartyIntroduced.IsZero() {
			text += " · " + T("giới thiệu vào Đảng") + " " + y.PartyIntroduced.String()
		}
		if !y.PartyAdmitted.IsZero() {
			text += " · " + T("vào Đảng") + " " + y.PartyAdmitted.String()
		}
		// A wrapping label with an edit button: a button's text cannot
		// wrap, and a long year line widened the whole window.
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		edit := newButtonWithIcon(pg.f, "", theme.DocumentCreateIcon(), func() { pg.memberYearDialog(p, y.Year, reopen) })
		edit.Importance = widget.LowImportance
		yearsBox.Add(container.NewBorder(nil, nil, nil, edit, l))
	}

	posBox := container.NewVBox(heading(T("Chức vụ trong Đoàn")))
	positions, err := pg.st.Positions(pg.ctx, p.ID)
	if err != nil {
		pg.f.showError(err)
	}
	for _, ps := range positions {
		ps := ps
		text := T(ps.Kind.Label()) + ": " + ps.Start.String() + " – " + ps.End.String()
		del := newButtonWithIcon(pg.f, "", theme.DeleteIcon(), func() {
			// Asked first, as deleting an event is: a term of office is
			// history that documents' signers are read from.
			pg.f.confirm(T("Xóa chức vụ"), fmt.Sprintf(T("Xóa chức vụ %s của %s?"), text, p.FullName()), func() {
				if err := pg.st.DeletePosition(pg.ctx, ps.ID); err != nil {
					pg.f.showError(err)
					return
				}
				pg.f.notify(fmt.Sprintf(T("Đã xóa chức vụ %s của %s."), text, p.FullName()))
				reopen()
			})
		})
		del.Importance = widget.LowImportance
		posBox.Add(container.NewBorder(nil, nil, nil, del, wrapped(text)))
	}
	posBox.Add(newButtonWithIcon(pg.f, T("Thêm chức vụ"), theme.ContentAddIcon(), func() { pg.positionDialog(p, reopen) }))

	right := container.NewVBox(history, widget.NewSeparator(), memberDecisions(pg.ctx, pg.st, pg.f, p.ID), widget.NewSeparator(), yearsBox, widget.NewSeparator(), posBox, widget.NewSeparator(), pg.trainingsBox(p, reopen),
		widget.NewSeparator(), pg.residenceBox(p, reopen))
	body := container.NewGridWithColumns(2, container.NewVScroll(info), container.NewVScroll(right))
	return container.NewBorder(top, nil, nil, nil, body)
}

// address is the street address with the hamlet, unless the address names
// it already.
func address(p *domain.Person) string {
	if p.Hamlet != "" && strings.Contains(p.Address, p.Hamlet) {
		return p.Address
	}
	return joinNonEmpty(", ", p.Address, p.Hamlet)
}

func ratingLabel(r domain.Rating) string {
	if r == "" {
		return T("chưa xếp loại")
	}
	return T(r.Label())
}

func schooling(g int) string {
	if g == 0 {
		return ""
	}
	return strconv.Itoa(g) + "/12"
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, s := range parts {
		if s == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += s
	}
	return out
}

// eventDialog records a transfer, coming of age or removal with its date.
func (pg *memberPage) eventDialog(p *domain.Person, kind domain.EventKind, done func()) {
	var fm form
	fm.other = newErrorText()
	date := newDateEntry(pg.f)
	date.SetText(pg.clock.today().String())
	unit := newEntry(pg.f)
	reason := newEntry(pg.f)
	note := newEntry(pg.f)
	fm.add("Date", T("Ngày"), date)
	switch kind {
	case domain.EventTransferOut:
		fm.add("Unit", T("Chuyển đến đơn vị"), unit)
	case domain.EventTransferIn:
		fm.add("Unit", T("Từ đơn vị"), unit)
	case domain.EventRemoval:
		fm.add("Reason", T("Lý do"), reason)
	}
	fm.add("Note", T("Ghi chú"), note)
	content := container.NewVBox(widget.NewLabel(p.FullName()), fm.grid(), fm.other)
	pg.f.formDialog(T(kind.Label()), content, fyne.NewSize(520, 320), func() bool {
		fm.clear()
		d, ok := fm.parseDateField("Date", date)
		if !ok {
			return false
		}
		e := &domain.Event{PersonID: p.ID, Kind: kind, Date: d, Unit: unit.Text, Reason: reason.Text, Note: note.Text}
		if !fm.result(pg.f, savedSay(pg.f, pg.st.AddEvent(pg.ctx, e), fmt.Sprintf(T("Đã ghi %s của %s ngày %s."), T(kind.Label()), p.FullName(), d))) {
			return false
		}
		done()
		return true
	})
	pg.win.Canvas().Focus(date)
}

// memberYearDialog edits a member's rating, training programme and Party
// steps for one year.
func (pg *memberPage) memberYearDialog(p *domain.Person, year int, done func()) {
	var fm form
	fm.other = newErrorText()
	yearSel := newSelect(pg.f, yearOptions(pg.clock.thisYear()-10, pg.clock.thisYear()), nil)
	rating := newChoiceSelect(pg.f, withAll(T("Chưa xếp loại"), domain.Ratings), nil)
	reg := newCheck(pg.f, T("Đăng ký chương trình rèn luyện"), nil)
	comp := newCheck(pg.f, T("Hoàn thành chương trình rèn luyện"), nil)
	intro := newDateEntry(pg.f)
	admitted := newDateEntry(pg.f)
	load := func(y int) {
		my, err := pg.st.MemberYear(pg.ctx, p.ID, y)
		if err != nil {
			pg.f.showError(err)
			return
		}
		rating.setCode(string(my.Rating))
		reg.SetChecked(my.TrainingRegistered)
		comp.SetChecked(my.TrainingCompleted)
		intro.SetText(my.PartyIntroduced.String())
		admitted.SetText(my.PartyAdmitted.String())
	}
	yearSel.OnChanged = func(s string) {
		y, _ := strconv.Atoi(s)
		load(y)
	}
	yearSel.SetSelected(strconv.Itoa(year))
	fm.add("Year", T("Năm"), yearSel)
	fm.add("Rating", T("Xếp loại"), rating)
	fm.add("TrainingRegistered", "", reg)
	fm.add("TrainingCompleted", "", comp)
	fm.add("PartyIntroduced", T("Giới thiệu vào Đảng"), intro)
	fm.add("PartyAdmitted", T("Kết nạp Đảng"), admitted)
	content := container.NewVBox(widget.NewLabel(p.FullName()), fm.grid(), fm.other)
	pg.f.formDialog(T("Xếp loại, rèn luyện, giới thiệu vào Đảng"), content, fyne.NewSize(620, 420), func() bool {
		fm.clear()
		y, _ := strconv.Atoi(yearSel.Selected)
		i, ok1 := fm.parseDateField("PartyIntroduced", intro)
		ad, ok2 := fm.parseDateField("PartyAdmitted", admitted)
		if !ok1 || !ok2 {
			return false
		}
		my := domain.MemberYear{PersonID: p.ID, Year: y, Rating: domain.Rating(rating.code()),
			TrainingRegistered: reg.Checked, TrainingCompleted: comp.Checked, PartyIntroduced: i, PartyAdmitted: ad}
		if !fm.result(pg.f, savedSay(pg.f, pg.st.SaveMemberYear(pg.ctx, my), fmt.Sprintf(T("Đã lưu năm %d của %s."), y, p.FullName()))) {
			return false
		}
		done()
		return true
	})
}

// positionDialog adds a Union office held by the person.
func (pg *memberPage) positionDialog(p *domain.Person, done func()) {
	var fm form
	fm.other = newErrorText()
	kind := newChoiceSelect(pg.f, domain.Positions, nil)
	start := newDateEntry(pg.f)
	end := newDateEntry(pg.f)
	fm.add("Kind", T("Chức vụ"), kind)
	fm.add("Start", T("Từ ngày"), start)
	fm.add("End", T("Đến ngày"), end)
	content := container.NewVBox(widget.NewLabel(p.FullName()), fm.grid(), fm.other)
	pg.f.formDialog(T("Thêm chức vụ"), content, fyne.NewSize(520, 300), func() bool {
		fm.clear()
		s, ok1 := fm.parseDateField("Start", start)
		e, ok2 := fm.parseDateField("End", end)
		if !ok1 || !ok2 {
			return false
		}
		pos := &domain.Position{PersonID: p.ID, Kind: domain.PositionKind(kind.code()), BranchID: p.BranchID, Start: s, End: e}
		if !fm.result(pg.f, savedSay(pg.f, pg.st.SavePosition(pg.ctx, pos), fmt.Sprintf(T("Đã thêm chức vụ %s của %s từ %s."), T(pos.Kind.Label()), p.FullName(), s))) {
			return false
		}
		done()
		return true
	})
}

// transferLetterDialog asks where the member goes and writes the transfer
// letter (giấy giới thiệu sinh hoạt Đoàn) off the UI goroutine, numbered
// in the register of outgoing documents.
func (pg *memberPage) transferLetterDialog(p *domain.Person, done func()) *form {
	fm := &form{}
	fm.other = newErrorText()
	to, reason := newEntry(pg.f), newEntry(pg.f)
	// Start from the unit of the latest transfer out, the usual case.
	if events, err := pg.st.Events(pg.ctx, p.ID); err == nil {
		for _, e := range events {
			if e.Kind == domain.EventTransferOut {
				to.SetText(e.Unit)
			}
		}
	}
	fm.add("To", T("Đơn vị nhận"), to)
	fm.add("Reason", T("Lý do"), reason)
	content := container.NewVBox(widget.NewLabel(p.FullName()), fm.grid())
	// Issuing the letter records the transfer out, unless the secretary
	// says not yet (a letter given ahead of the move).
	record := newCheck(pg.f, fmt.Sprintf(T("Ghi nhận chuyển sinh hoạt đi từ ngày %s"), pg.clock.today()), nil)
	if p.Status == domain.StatusActive {
		record.SetChecked(true)
		content.Add(record)
	}
	content.Add(fm.other)
	pg.f.actionDialog(T("Giấy giới thiệu sinh hoạt Đoàn"), T("Tạo giấy giới thiệu"), content, fyne.NewSize(560, 260), func() bool {
		fm.clear()
		if to.Text == "" {
			fm.setError("To", T("không được để trống"))
			return false
		}
		// The fields are checked here, with the dialog open, so that a
		// refused character is shown under its field and nothing typed is
		// lost; the letter itself is written off the UI goroutine (it may
		// ask before replacing a file).
		ok := true
		for _, err := range []error{domain.CheckText("To", "Đơn vị nhận", to.Text, false), domain.CheckText("Reason", "Lý do", reason.Text, false)} {
			if err != nil {
				fm.result(pg.f, err)
				ok = false
			}
		}
		if !ok {
			return false
		}
		toUnit, why := to.Text, reason.Text
		pg.f.notify(fmt.Sprintf(T("Đang tạo giấy giới thiệu cho %s…"), p.FullName()))
		go func() {
			path, recorded, err := transferLetter(pg.ctx, pg.st, pg.clock, pg.folders, p.ID, toUnit, why, record.Checked)
			pg.do(func() {
				if err != nil {
					pg.f.notify(fmt.Sprintf(T("Chưa tạo được giấy giới thiệu cho %s."), p.FullName()))
					pg.f.showError(err)
					return
				}
				pg.folders.fileReady(T("Giấy giới thiệu"), T("Đã tạo")+" "+path, path)
				if recorded {
					done() // the member's status changed
				}
			})
		}()
		return true
	})
	pg.win.Canvas().Focus(to)
	return fm
}

// wrapped is a label that wraps at words: a long value takes more lines,
// never more width than its column.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
