package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"
	"sodoan/issuing"
	"sodoan/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Residence activity (issue 20): on a member's page, the member's
// residence records (introduced to take part where they reside, or
// received here while their membership is elsewhere) with the letter to
// print, the end to record and a mistake to delete; on a branch's page,
// the branch's records of a year and the form that receives a member of
// another unit (Tiếp nhận đến sinh hoạt), where a ward secretary records
// the letter a newcomer brings.

// residenceText is one record as a line: the span, the place and the
// letter.
func residenceText(r *domain.Residence) string {
	span := r.From.String() + " – "
	if !r.To.IsZero() {
		span += r.To.String()
	} else {
		span += T("nay")
	}
	text := span + ": " + T(r.Kind.Label()) + " — " + r.Place
	if r.LetterNumber != "" {
		text += " — " + fmt.Sprintf(T("giấy giới thiệu số %s"), r.LetterNumber)
		if !r.LetterDate.IsZero() {
			text += " " + fmt.Sprintf(T("ngày %s"), r.LetterDate)
		}
	}
	if r.Note != "" {
		text += " — " + strings.ReplaceAll(r.Note, "\n", " ")
	}
	return text
}

// residenceRow is a record's line (named: with its person's name and
// birth date) with its buttons: end (an open one),
// the letter (one introduced out, when letter is set), delete.
func residenceRow(ctx context.Context, st *store.Store, f frame, today func() domain.Date, r domain.Residence, who string, named bool,
	letter func(domain.Residence), done func()) fyne.CanvasObject {
	buttons := container.NewHBox()
	if r.To.IsZero() {
		end := newButton(f, T("Kết thúc"), func() { residenceEndDialog(ctx, st, f, today(), r, who, done) })
		end.Importance = widget.LowImportance
		buttons.Add(end)
	}
	// The letter of a stay still to come or going on (issuing refuses
	// one dated after the stay's end).
	if letter != nil && r.Kind == domain.ResidenceOut && (r.To.IsZero() || !r.To.Before(today())) {
		letterBtn := newButtonWithIcon(f, "", theme.DocumentPrintIcon(), func() { letter(r) })
		letterBtn.Importance = widget.LowImportance
		buttons.Add(letterBtn)
	}
	text := residenceText(&r)
	if named {
		// In a branch's list the line names its person.
		text = fmt.Sprintf("%s (%s) — %s", who, r.BirthDate, text)
	}
	del := newButtonWithIcon(f, "", theme.DeleteIcon(), func() {
		f.confirm(T("Xóa bản ghi sinh hoạt nơi cư trú"), fmt.Sprintf(T("Xóa bản ghi %s của %s?"), text, who), func() {
			if err := st.DeleteResidence(ctx, r.ID); err != nil {
				f.showError(err)
				return
			}
			f.notify(fmt.Sprintf(T("Đã xóa bản ghi sinh hoạt nơi cư trú của %s."), who))
			done()
		})
	})
	del.Importance = widget.LowImportance
	buttons.Add(del)
	return container.NewBorder(nil, nil, nil, buttons, wrapped(text))
}

// residenceEndDialog records the day a residence activity ended.
func residenceEndDialog(ctx context.Context, st *store.Store, f frame, today domain.Date, r domain.Residence, who string, done func()) {
	var fm form
	fm.other = newErrorText()
	to := newDateEntry(f)
	to.SetText(today.String())
	fm.add("To", T("Đến ngày"), to)
	content := container.NewVBox(wrapped(who+": "+residenceText(&r)), fm.grid(), fm.other)
	f.formDialog(T("Kết thúc sinh hoạt nơi cư trú"), content, fyne.NewSize(560, 260), func() bool {
		fm.clear()
		d, ok := fm.parseDateField("To", to)
		if !ok {
			return false
		}
		if !fm.result(f, savedSay(f, st.EndResidence(ctx, r.ID, d), fmt.Sprintf(T("Đã ghi %s kết thúc sinh hoạt nơi cư trú ngày %s."), who, d))) {
			return false
		}
		done()
		return true
	})
}

// residenceBox is the member page's part: the person's records and, for
// an active member, the button that introduces them to their residence.
func (pg *memberPage) residenceBox(p *domain.Person, reopen func()) fyne.CanvasObject {
	box := container.NewVBox(heading(T("Sinh hoạt nơi cư trú")))
	rs, err := pg.st.PersonResidences(pg.ctx, p.ID)
	if err != nil {
		pg.f.showError(err)
	}
	if len(rs) == 0 {
		box.Add(widget.NewLabel(T("Chưa có.")))
	}
	for _, r := range rs {
		box.Add(residenceRow(pg.ctx, pg.st, pg.f, pg.clock.today, r, p.FullName(), false, func(r domain.Residence) { pg.residenceLetter(p, r, reopen) }, reopen))
	}
	if p.UnionMember && p.Status == domain.StatusActive {
		box.Add(newButtonWithIcon(pg.f, T("Giới thiệu sinh hoạt nơi cư trú"), theme.ContentAddIcon(), func() { pg.residenceOutDialog(p, reopen) }))
	}
	return box
}

// residenceOutDialog introduces the member to take part where they
// reside: the Union there, the address, from when, why; the letter is
// printed from the record's print button.
func (pg *memberPage) residenceOutDialog(p *domain.Person, done func()) {
	var fm form
	fm.other = newErrorText()
	place, address, note := newEntry(pg.f), newEntry(pg.f), newEntry(pg.f)
	place.SetPlaceHolder(T("Đoàn phường Ninh Kiều, TP Cần Thơ"))
	note.SetPlaceHolder(T("học đại học, làm việc…"))
	from := newDateEntry(pg.f)
	from.SetText(pg.clock.today().String())
	fm.add("Place", T("Nơi cư trú"), place)
	fm.add("Address", T("Địa chỉ cư trú"), address)
	fm.add("From", T("Từ ngày"), from)
	fm.add("Note", T("Lý do, ghi chú"), note)
	hint := wrapped(T("Đoàn viên vẫn sinh hoạt, đóng đoàn phí và được xếp loại tại chi đoàn mình. In giấy giới thiệu bằng nút máy in ở dòng của bản ghi."))
	content := container.NewVBox(widget.NewLabel(p.FullName()+" — "+p.BranchName), fm.grid(), hint, fm.other)
	pg.f.formDialog(T("Giới thiệu sinh hoạt nơi cư trú"), content, fyne.NewSize(620, 380), func() bool {
		fm.clear()
		d, ok := fm.parseDateField("From", from)
		if !ok {
			return false
		}
		r := &domain.Residence{Kind: domain.ResidenceOut, PersonID: p.ID, BranchID: p.BranchID, Place: place.Text, Address: address.Text, From: d, Note: note.Text}
		if !fm.result(pg.f, savedSay(pg.f, pg.st.SaveResidence(pg.ctx, r), fmt.Sprintf(T("Đã ghi giới thiệu %s sinh hoạt nơi cư trú từ %s."), p.FullName(), d))) {
			return false
		}
		done()
		return true
	})
	pg.win.Canvas().Focus(place)
}

// residenceLetter writes the record's letter off the UI goroutine,
// numbered in the register of outgoing documents, and shows the page
// again with the letter's number on the record.
func (pg *memberPage) residenceLetter(p *domain.Person, r domain.Residence, done func()) {
	pg.f.notify(fmt.Sprintf(T("Đang tạo giấy giới thiệu cho %s…"), p.FullName()))
	go func() {
		path, err := residenceLetterFile(pg.ctx, pg.st, pg.clock, pg.folders, r.ID)
		pg.do(func() {
			if err != nil {
				pg.f.notify(fmt.Sprintf(T("Chưa tạo được giấy giới thiệu cho %s."), p.FullName()))
				pg.f.showError(err)
				return
			}
			pg.folders.fileReady(T("Giấy giới thiệu"), T("Đã tạo")+" "+path, path)
			done()
		})
	}()
}

// residenceLetterFile issues the letter of record id today into the
// year's folder.
func residenceLetterFile(ctx context.Context, st *store.Store, c clock, fs *folders, id int64) (string, error) {
	dir, err := fs.yearDir(c.thisYear())
	if err != nil {
		return "", err
	}
	out, err := issuing.Issue(ctx, st, issuing.Request{Kind: issuing.Residence, ResidenceID: id, Date: c.today(), Dir: dir, ConfirmReplace: fs.askReplace})
	if err != nil {
		return "", err
	}
	return out.Path, nil
}

// residenceDialog is the branch's residence dialog, its parts kept for
// tests.
type residenceDialog struct {
	list                                      *fyne.Container
	fm                                        *form
	family, middle, given, birth, place, from *entry
	add                                       func()
}

// residence shows a branch's residence records of a year, both ways,
// and the form that receives a member of another unit to take part here
// (tiếp nhận đến sinh hoạt). The dialog stays open to record several.
func (s *branchesScreen) residence(b domain.Branch) *residenceDialog {
	year := s.clock.thisYear()
	list := container.NewVBox()
	yearSel := newSelect(s.f, yearOptions(year-9, year), nil)
	var load func()
	load = func() {
		y, _ := strconv.Atoi(yearSel.Selected)
		sp, err := s.st.YearSpan(s.ctx, y, domain.Date{})
		if err != nil {
			s.f.showError(err)
			return
		}
		rs, err := s.st.Residences(s.ctx, store.ResidenceFilter{BranchID: b.ID, From: sp.From, To: sp.To})
		if err != nil {
			s.f.showError(err)
			return
		}
		list.Objects = nil
		for _, kind := range []domain.ResidenceKind{domain.ResidenceOut, domain.ResidenceIn} {
			head := T("Giới thiệu sinh hoạt nơi cư trú")
			if kind == domain.ResidenceIn {
				head = T("Tiếp nhận đến sinh hoạt")
			}
			n := 0
			for _, r := range rs {
				if r.Kind != kind {
					continue
				}
				if n == 0 {
					list.Add(heading(head))
				}
				n++
				list.Add(residenceRow(s.ctx, s.st, s.f, s.clock.today, r, r.FullName(), true, nil, load))
			}
			if n == 0 {
				list.Add(heading(head))
				list.Add(widget.NewLabel(fmt.Sprintf(T("Không có trong năm %d."), y)))
			}
		}
		list.Refresh()
	}
	yearSel.OnChanged = func(string) { load() }
	yearSel.SetSelected(strconv.Itoa(year))

	var fm form
	fm.other = newErrorText()
	family, middle, given := newEntry(s.f), newEntry(s.f), newEntry(s.f)
	gender := newChoiceSelect(s.f, domain.Genders, nil)
	birth, from, letterDate := newDateEntry(s.f), newDateEntry(s.f), newDateEntry(s.f)
	from.SetText(s.clock.today().String())
	place, address, letter, note := newEntry(s.f), newEntry(s.f), newEntry(s.f), newEntry(s.f)
	place.SetPlaceHolder(T("Đoàn xã …, tỉnh …"))
	fm.add("FamilyName", T("Họ"), family)
	fm.add("MiddleName", T("Tên đệm"), middle)
	fm.add("GivenName", T("Tên"), given)
	fm.add("Gender", T("Giới tính"), gender)
	fm.add("BirthDate", T("Ngày sinh"), birth)
	fm.add("Place", T("Đơn vị giới thiệu"), place)
	fm.add("Address", T("Địa chỉ cư trú"), address)
	fm.add("From", T("Từ ngày"), from)
	fm.add("LetterNumber", T("Số giấy giới thiệu"), letter)
	fm.add("LetterDate", T("Ngày giấy giới thiệu"), letterDate)
	fm.add("Note", T("Ghi chú"), note)
	add := func() {
		fm.clear()
		bd, ok1 := fm.parseDateField("BirthDate", birth)
		fd, ok2 := fm.parseDateField("From", from)
		ld, ok3 := fm.parseDateField("LetterDate", letterDate)
		if !ok1 || !ok2 || !ok3 {
			return
		}
		r := &domain.Residence{Kind: domain.ResidenceIn, BranchID: b.ID, FamilyName: family.Text, MiddleName: middle.Text, GivenName: given.Text,
			Gender: domain.Gender(gender.code()), BirthDate: bd, Place: place.Text, Address: address.Text, From: fd,
			LetterNumber: letter.Text, LetterDate: ld, Note: note.Text}
		if !fm.result(s.f, s.st.SaveResidence(s.ctx, r)) {
			return
		}
		s.f.notify(fmt.Sprintf(T("Đã ghi tiếp nhận %s đến sinh hoạt tại %s từ %s."), r.FullName(), b.Name, fd))
		for _, e := range []*entry{family, middle, given, birth, place, address, letter, letterDate, note} {
			e.SetText("")
		}
		if strconv.Itoa(fd.Year()) != yearSel.Selected {
			yearSel.SetSelected(strconv.Itoa(fd.Year()))
		} else {
			load()
		}
		s.win.Canvas().Focus(family)
	}
	hint := wrapped(T("Đoàn viên của đơn vị khác cư trú tại địa bàn: tham gia sinh hoạt tại chi đoàn, vẫn là đoàn viên và đóng đoàn phí ở đơn vị mình. Đoàn viên của phường được giới thiệu đi ghi ở trang của từng người."))
	// Side by side: the year's records on the left, the form on the
	// right; one above the other, the form took a window's whole height.
	form := container.NewVScroll(container.NewVBox(heading(T("Tiếp nhận đến sinh hoạt")), hint, fm.grid(), fm.other))
	records := container.NewBorder(container.NewHBox(widget.NewLabel(T("Năm")), yearSel), nil, nil, nil, container.NewVScroll(list))
	split := container.NewHSplit(records, form)
	split.Offset = 0.5
	s.f.actionDialog(fmt.Sprintf(T("Sinh hoạt nơi cư trú – %s"), b.Name), T("Ghi tiếp nhận"), split, fyne.NewSize(1180, 640), func() bool { add(); return false })
	s.win.Canvas().Focus(family)
	return &residenceDialog{list: list, fm: &fm, family: family, middle: middle, given: given, birth: birth, place: place, from: from, add: add}
}
