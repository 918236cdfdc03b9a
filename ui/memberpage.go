package ui

import (
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// openMember shows the page of person id in place of the current screen.
func (a *App) openMember(id int64) {
	p, err := a.st.Person(a.ctx, id)
	if err != nil {
		a.showError(err)
		return
	}
	a.setBody(a.memberPage(&p))
}

// memberPage shows a person's details, history of events, yearly ratings
// and Party steps, offices, and the actions on the membership.
func (a *App) memberPage(p *domain.Person) fyne.CanvasObject {
	reopen := func() { a.openMember(p.ID) }

	backBtn := newButtonWithIcon(T("Quay lại"), theme.NavigateBackIcon(), a.back)
	editBtn := newButtonWithIcon(T("Sửa"), theme.DocumentCreateIcon(), func() {
		a.editPerson(p, func(*domain.Person) { reopen() })
	})
	delBtn := newButtonWithIcon(T("Xóa khỏi sổ"), theme.DeleteIcon(), func() {
		a.confirm(T("Xóa khỏi sổ"),
			fmt.Sprintf(T("Chuyển %s vào thùng rác? Có thể khôi phục trong Cài đặt › Thùng rác.\n(Đoàn viên rời Đoàn thì dùng Chuyển đi, Trưởng thành hoặc Xóa tên.)"), p.FullName()),
			func() {
				if err := a.st.DeletePerson(a.ctx, p.ID); err != nil {
					a.showError(err)
					return
				}
				a.back()
			})
	})
	delBtn.Importance = widget.DangerImportance
	historyBtn := newButtonWithIcon(T("Lịch sử thay đổi"), theme.HistoryIcon(), func() { a.showHistory(p) })
	// Only the actions that apply to the person's status are offered: an
	// active member can leave (and be given a transfer letter), anyone else
	// can only come back.
	actions := container.NewHBox()
	if p.Status == domain.StatusActive {
		actions.Add(newButton(T("Chuyển đi"), func() { a.eventDialog(p, domain.EventTransferOut, reopen) }))
		actions.Add(newButton(T("Trưởng thành Đoàn"), func() { a.eventDialog(p, domain.EventComingOfAge, reopen) }))
		actions.Add(newButton(T("Xóa tên"), func() { a.eventDialog(p, domain.EventRemoval, reopen) }))
	} else {
		actions.Add(newButton(T("Chuyển đến"), func() { a.eventDialog(p, domain.EventTransferIn, reopen) }))
	}
	actions.Add(newButton(T("Xếp loại, Đảng…"), func() { a.memberYearDialog(p, a.thisYear(), reopen) }))
	if p.Status == domain.StatusActive {
		actions.Add(newButtonWithIcon(T("Giấy giới thiệu"), theme.DocumentPrintIcon(), func() { a.transferLetterDialog(p) }))
	}
	title := heading(p.FullName())
	title.SizeName = theme.SizeNameSubHeadingText
	top := container.NewVBox(
		container.NewBorder(nil, nil, backBtn, container.NewHBox(editBtn, historyBtn, delBtn), title),
		actions,
	)

	info := widget.NewForm(
		widget.NewFormItem(T("Trạng thái"), widget.NewLabel(T(p.Status.Label()))),
		widget.NewFormItem(T("Giới tính"), widget.NewLabel(T(p.Gender.Label()))),
		widget.NewFormItem(T("Ngày sinh"), widget.NewLabel(p.BirthDate.String())),
		widget.NewFormItem(T("Chi đoàn"), widget.NewLabel(p.BranchName)),
		widget.NewFormItem(T("Chức vụ"), widget.NewLabel(T(p.Position))),
		widget.NewFormItem(T("Ngày vào Đoàn"), widget.NewLabel(p.AdmissionDate.String())),
		widget.NewFormItem(T("Số thẻ"), widget.NewLabel(p.CardNumber)),
		widget.NewFormItem(T("Ngày vào Hội"), widget.NewLabel(p.FederationDate.String())),
		widget.NewFormItem(T("Dân tộc, tôn giáo"), widget.NewLabel(joinNonEmpty(", ", p.Ethnicity, p.Religion))),
		widget.NewFormItem(T("Số CCCD"), widget.NewLabel(p.CitizenID)),
		widget.NewFormItem(T("Điện thoại"), widget.NewLabel(p.Phone)),
		widget.NewFormItem(T("Địa chỉ"), widget.NewLabel(address(p))),
		widget.NewFormItem(T("Nghề nghiệp"), widget.NewLabel(T(p.Occupation.Label()))),
		widget.NewFormItem(T("Trình độ"), widget.NewLabel(joinNonEmpty(" · ", schooling(p.Schooling), T(p.Qualification.Label()), T("LLCT")+": "+T(p.TheoryLevel.Label())))),
	)

	history := container.NewVBox(heading(T("Quá trình sinh hoạt")))
	events, err := a.st.Events(a.ctx, p.ID)
	if err != nil {
		a.showError(err)
	}
	if len(events) == 0 {
		history.Add(widget.NewLabel(T("Chưa có sự kiện nào.")))
	}
	for _, e := range events {
		e := e
		text := e.Date.String() + "  " + T(e.Kind.Label())
		text += joinNonEmpty("", prefixed(" — ", e.Unit), prefixed(" — ", e.Reason), prefixed(" — ", e.Note))
		del := newButtonWithIcon("", theme.DeleteIcon(), func() {
			a.confirm(T("Xóa sự kiện"), T("Xóa sự kiện này khỏi quá trình sinh hoạt?"), func() {
				if err := a.st.DeleteEvent(a.ctx, e.ID); err != nil {
					a.showError(err)
					return
				}
				reopen()
			})
		})
		del.Importance = widget.LowImportance
		history.Add(container.NewBorder(nil, nil, nil, del, widget.NewLabel(text)))
	}

	yearsBox := container.NewVBox(heading(T("Xếp loại và giới thiệu vào Đảng")))
	years, err := a.st.MemberYears(a.ctx, p.ID)
	if err != nil {
		a.showError(err)
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
		edit := newButtonWithIcon("", theme.DocumentCreateIcon(), func() { a.memberYearDialog(p, y.Year, reopen) })
		edit.Importance = widget.LowImportance
		yearsBox.Add(container.NewBorder(nil, nil, nil, edit, l))
	}

	posBox := container.NewVBox(heading(T("Chức vụ trong Đoàn")))
	positions, err := a.st.Positions(a.ctx, p.ID)
	if err != nil {
		a.showError(err)
	}
	for _, ps := range positions {
		ps := ps
		text := T(ps.Kind.Label()) + ": " + ps.Start.String() + " – " + ps.End.String()
		del := newButtonWithIcon("", theme.DeleteIcon(), func() {
			// Asked first, as deleting an event is: a term of office is
			// history that documents' signers are read from.
			a.confirm(T("Xóa chức vụ"), fmt.Sprintf(T("Xóa chức vụ %s của %s?"), text, p.FullName()), func() {
				if err := a.st.DeletePosition(a.ctx, ps.ID); err != nil {
					a.showError(err)
					return
				}
				a.notify(fmt.Sprintf(T("Đã xóa chức vụ %s của %s."), text, p.FullName()))
				reopen()
			})
		})
		del.Importance = widget.LowImportance
		posBox.Add(container.NewBorder(nil, nil, nil, del, widget.NewLabel(text)))
	}
	posBox.Add(newButtonWithIcon(T("Thêm chức vụ"), theme.ContentAddIcon(), func() { a.positionDialog(p, reopen) }))

	right := container.NewVBox(history, widget.NewSeparator(), yearsBox, widget.NewSeparator(), posBox)
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
func (a *App) eventDialog(p *domain.Person, kind domain.EventKind, done func()) {
	var fm form
	fm.other = newErrorText()
	date := newDateEntry(a)
	date.SetText(a.today().String())
	unit := newEntry(a)
	reason := newEntry(a)
	note := newEntry(a)
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
	a.formDialog(T(kind.Label()), content, fyne.NewSize(520, 320), func() bool {
		fm.clear()
		d, ok := fm.parseDateField("Date", date)
		if !ok {
			return false
		}
		e := &domain.Event{PersonID: p.ID, Kind: kind, Date: d, Unit: unit.Text, Reason: reason.Text, Note: note.Text}
		if !fm.result(a, a.st.AddEvent(a.ctx, e)) {
			return false
		}
		done()
		return true
	})
	a.win.Canvas().Focus(date)
}

// memberYearDialog edits a member's rating, training programme and Party
// steps for one year.
func (a *App) memberYearDialog(p *domain.Person, year int, done func()) {
	var fm form
	fm.other = newErrorText()
	yearSel := newSelect(yearOptions(a.thisYear()-10, a.thisYear()), nil)
	rating := newChoiceSelect(withAll(T("Chưa xếp loại"), domain.Ratings), nil)
	reg := newCheck(T("Đăng ký chương trình rèn luyện"), nil)
	comp := newCheck(T("Hoàn thành chương trình rèn luyện"), nil)
	intro := newDateEntry(a)
	admitted := newDateEntry(a)
	load := func(y int) {
		my, err := a.st.MemberYear(a.ctx, p.ID, y)
		if err != nil {
			a.showError(err)
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
	a.formDialog(T("Xếp loại, rèn luyện, giới thiệu vào Đảng"), content, fyne.NewSize(620, 420), func() bool {
		fm.clear()
		y, _ := strconv.Atoi(yearSel.Selected)
		i, ok1 := fm.parseDateField("PartyIntroduced", intro)
		ad, ok2 := fm.parseDateField("PartyAdmitted", admitted)
		if !ok1 || !ok2 {
			return false
		}
		my := domain.MemberYear{PersonID: p.ID, Year: y, Rating: domain.Rating(rating.code()),
			TrainingRegistered: reg.Checked, TrainingCompleted: comp.Checked, PartyIntroduced: i, PartyAdmitted: ad}
		if !fm.result(a, a.st.SaveMemberYear(a.ctx, my)) {
			return false
		}
		done()
		return true
	})
}

// positionDialog adds a Union office held by the person.
func (a *App) positionDialog(p *domain.Person, done func()) {
	var fm form
	fm.other = newErrorText()
	kind := newChoiceSelect(domain.Positions, nil)
	start := newDateEntry(a)
	end := newDateEntry(a)
	fm.add("Kind", T("Chức vụ"), kind)
	fm.add("Start", T("Từ ngày"), start)
	fm.add("End", T("Đến ngày"), end)
	content := container.NewVBox(widget.NewLabel(p.FullName()), fm.grid(), fm.other)
	a.formDialog(T("Thêm chức vụ"), content, fyne.NewSize(520, 300), func() bool {
		fm.clear()
		s, ok1 := fm.parseDateField("Start", start)
		e, ok2 := fm.parseDateField("End", end)
		if !ok1 || !ok2 {
			return false
		}
		pos := &domain.Position{PersonID: p.ID, Kind: domain.PositionKind(kind.code()), BranchID: p.BranchID, Start: s, End: e}
		if !fm.result(a, a.st.SavePosition(a.ctx, pos)) {
			return false
		}
		done()
		return true
	})
}

// transferLetterDialog asks where the member goes and writes the transfer
// letter (giấy giới thiệu sinh hoạt Đoàn) off the UI goroutine, numbered
// in the register of outgoing documents.
func (a *App) transferLetterDialog(p *domain.Person) *form {
	fm := &form{}
	fm.other = newErrorText()
	to, reason := newEntry(a), newEntry(a)
	// Start from the unit of the latest transfer out, the usual case.
	if events, err := a.st.Events(a.ctx, p.ID); err == nil {
		for _, e := range events {
			if e.Kind == domain.EventTransferOut {
				to.SetText(e.Unit)
			}
		}
	}
	fm.add("To", T("Đơn vị nhận"), to)
	fm.add("Reason", T("Lý do"), reason)
	content := container.NewVBox(widget.NewLabel(p.FullName()), fm.grid(), fm.other)
	a.actionDialog(T("Giấy giới thiệu sinh hoạt Đoàn"), T("Tạo giấy giới thiệu"), content, fyne.NewSize(560, 260), func() bool {
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
				fm.result(a, err)
				ok = false
			}
		}
		if !ok {
			return false
		}
		toUnit, why := to.Text, reason.Text
		a.notify(fmt.Sprintf(T("Đang tạo giấy giới thiệu cho %s…"), p.FullName()))
		go func() {
			path, err := a.transferLetter(p.ID, toUnit, why)
			a.do(func() {
				if err != nil {
					a.notify(fmt.Sprintf(T("Chưa tạo được giấy giới thiệu cho %s."), p.FullName()))
					a.showError(err)
					return
				}
				a.fileReady(T("Giấy giới thiệu"), T("Đã tạo")+" "+path, path)
			})
		}()
		return true
	})
	a.win.Canvas().Focus(to)
	return fm
}
