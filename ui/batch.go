package ui

import (
	"errors"
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// admissionRow is one line of the batch admission grid.
type admissionRow struct {
	name, birth, card *entry
	gender            *choiceSelect
	err               *errorText
}

// batchAdmission is the grid used after an admission ceremony: several new
// members with a shared date and branch, saved in one transaction.
type batchAdmission struct {
	a         *App
	date      *entry
	branch    *selectBox
	branchIDs []int64
	rows      []*admissionRow
	grid      *fyne.Container
	other     *errorText
	saved     int
}

func (a *App) showBatchAdmission() *batchAdmission {
	b := &batchAdmission{a: a, other: newErrorText()}
	b.date = newDateEntry(a)
	b.date.SetText(a.today().String())
	branches, err := a.st.Branches(a.ctx, false)
	if err != nil {
		a.showError(err)
		return nil
	}
	var opts []string
	for _, br := range branches {
		opts = append(opts, br.Name)
		b.branchIDs = append(b.branchIDs, br.ID)
	}
	b.branch = newSelect(opts, nil)
	if len(opts) > 0 {
		b.branch.SetSelectedIndex(0)
	}
	b.grid = container.NewVBox(container.New(layout.NewGridLayoutWithColumns(5),
		heading(T("Họ và tên")), heading(T("Giới tính")), heading(T("Ngày sinh")), heading(T("Số thẻ")), widget.NewLabel("")))
	for range 10 {
		b.addRow()
	}
	top := widget.NewForm(
		widget.NewFormItem(T("Ngày kết nạp"), b.date),
		widget.NewFormItem(T("Chi đoàn"), b.branch),
	)
	more := newButtonWithIcon(T("Thêm dòng"), theme.ContentAddIcon(), b.addRow)
	content := container.NewBorder(top, container.NewVBox(b.other, more), nil, nil, container.NewVScroll(b.grid))
	sz := a.win.Canvas().Size()
	a.formDialog(T("Kết nạp đoàn viên hàng loạt"), content, fyne.NewSize(sz.Width*0.9, sz.Height*0.9), b.save)
	return b
}

func (b *batchAdmission) addRow() {
	r := &admissionRow{name: newEntry(b.a), birth: newDateEntry(b.a), card: newEntry(b.a),
		gender: newChoiceSelect(domain.Genders, nil), err: newErrorText()}
	r.name.SetPlaceHolder(T("Họ và tên"))
	b.rows = append(b.rows, r)
	b.grid.Add(container.NewVBox(
		container.New(layout.NewGridLayoutWithColumns(5), r.name, r.gender, r.birth, r.card, widget.NewLabel(strconv.Itoa(len(b.rows)))),
		r.err))
}

// save admits every filled row; the store checks them all and writes none
// if any is wrong, naming the row, which is shown under it.
func (b *batchAdmission) save() bool {
	b.other.set("")
	for _, r := range b.rows {
		r.err.set("")
	}
	date, err := domain.ParseDate(b.date.Text)
	if err != nil {
		b.other.set(T("Ngày kết nạp") + ": " + errText(err))
		return false
	}
	var branchID int64
	if i := b.branch.SelectedIndex(); i >= 0 {
		branchID = b.branchIDs[i]
	}
	var people []*domain.Person
	var gridRow []*admissionRow
	ok := true
	for _, r := range b.rows {
		if r.name.Text == "" && r.birth.Text == "" && r.card.Text == "" {
			continue
		}
		fam, mid, giv := domain.SplitFullName(r.name.Text)
		birth, err := domain.ParseDate(r.birth.Text)
		if err != nil {
			r.err.set(T("Ngày sinh") + ": " + errText(err))
			ok = false
		}
		people = append(people, &domain.Person{FamilyName: fam, MiddleName: mid, GivenName: giv,
			Gender: domain.Gender(r.gender.code()), BirthDate: birth, Ethnicity: "Kinh",
			UnionMember: true, AdmissionDate: date, CardNumber: r.card.Text, BranchID: branchID})
		gridRow = append(gridRow, r)
	}
	if !ok {
		return false
	}
	if len(people) == 0 {
		b.other.set(T("Chưa nhập dòng nào."))
		return false
	}
	err = b.a.st.AddPeople(b.a.ctx, people)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			if fe.Row >= 1 && fe.Row <= len(gridRow) {
				r := gridRow[fe.Row-1]
				msg := T(fe.Label) + ": " + fieldMsg(fe)
				if r.err.msg() != "" {
					msg = r.err.msg() + "; " + msg
				}
				r.err.set(msg)
			} else {
				b.other.set(fieldErrText(fe))
			}
		}
		return false
	}
	if err != nil {
		b.a.showError(err)
		return false
	}
	b.saved = len(people)
	b.a.notify(fmt.Sprintf(T("Đã kết nạp %d đoàn viên."), len(people)))
	if s, ok := b.a.screens[b.a.current]; ok {
		s.refresh()
	}
	return true
}

// yearRating rates every active member of a branch for a year on one
// screen, saved in one transaction.
type yearRating struct {
	a         *App
	year      *selectBox
	branch    *selectBox
	branchIDs []int64
	list      *fyne.Container
	people    []domain.Person
	selects   []*choiceSelect
	all       *choiceSelect // rates every member at once
	other     *errorText
}

// ratingTop lays out the year rating's top row: the labels and the year at
// their natural width, the branch and "rate everyone" dropdowns sharing
// the rest.
var ratingTop = flexRow{0, 0, 0, 3, 2}

func (a *App) showYearRating(branchID int64) *yearRating {
	r := &yearRating{a: a, other: newErrorText(), list: container.NewVBox()}
	branches, err := a.st.Branches(a.ctx, false)
	if err != nil {
		a.showError(err)
		return nil
	}
	var opts []string
	sel := 0
	for _, b := range branches {
		opts = append(opts, b.Name)
		r.branchIDs = append(r.branchIDs, b.ID)
		if b.ID == branchID {
			sel = len(opts) - 1
		}
	}
	r.year = newSelect(yearOptions(a.thisYear()-5, a.thisYear()), func(string) { r.load() })
	r.branch = newSelect(opts, func(string) { r.load() })
	r.year.SetSelected(strconv.Itoa(a.thisYear()))
	if len(opts) > 0 {
		r.branch.SetSelectedIndex(sel)
	}
	all := newChoiceSelect(domain.Ratings, func(code string) {
		for _, s := range r.selects {
			s.setCode(code)
		}
	})
	all.PlaceHolder = T("Xếp loại tất cả…")
	r.all = all
	// The dropdowns share the row's width: in an HBox each got only its
	// own small minimum and cut the branch's name and "Xếp loại tất cả…".
	top := container.New(ratingTop, widget.NewLabel(T("Năm")), r.year, widget.NewLabel(T("Chi đoàn")), r.branch, all)
	content := container.NewBorder(top, r.other, nil, nil, container.NewVScroll(r.list))
	sz := a.win.Canvas().Size()
	a.formDialog(T("Xếp loại đoàn viên cuối năm"), content, fyne.NewSize(sz.Width*0.85, sz.Height*0.9), r.save)
	return r
}

func (r *yearRating) yearValue() int {
	y, _ := strconv.Atoi(r.year.Selected)
	return y
}

// load lists the branch's active Union members with their current rating.
func (r *yearRating) load() {
	i := r.branch.SelectedIndex()
	if i < 0 || r.year.Selected == "" {
		return
	}
	people, err := r.a.st.ListMembers(r.a.ctx, store.MemberFilter{BranchID: r.branchIDs[i],
		Kind: store.KindUnion, Status: domain.StatusActive})
	if err != nil {
		r.a.showError(err)
		return
	}
	r.people = people
	r.selects = nil
	r.list.Objects = nil
	year := r.yearValue()
	for n, p := range people {
		s := newChoiceSelect(domain.Ratings, nil)
		if my, err := r.a.st.MemberYear(r.a.ctx, p.ID, year); err == nil {
			s.setCode(string(my.Rating))
		}
		r.selects = append(r.selects, s)
		name := widget.NewLabel(fmt.Sprintf("%d. %s", n+1, p.FullName()))
		r.list.Add(container.NewGridWithColumns(2, name, s))
	}
	if len(people) == 0 {
		r.list.Add(widget.NewLabel(T("Chi đoàn chưa có đoàn viên đang sinh hoạt.")))
	}
	r.list.Refresh()
}

func (r *yearRating) save() bool {
	r.other.set("")
	ratings := map[int64]domain.Rating{}
	for i, s := range r.selects {
		if c := s.code(); c != "" {
			ratings[r.people[i].ID] = domain.Rating(c)
		}
	}
	if len(ratings) == 0 {
		r.other.set(T("Chưa xếp loại ai."))
		return false
	}
	if err := r.a.st.SaveRatings(r.a.ctx, r.yearValue(), ratings); err != nil {
		var ve *domain.ValidationError
		if errors.As(err, &ve) {
			r.other.set(errText(ve))
			return false
		}
		r.a.showError(err)
		return false
	}
	r.a.notify(fmt.Sprintf(T("Đã lưu xếp loại của %d đoàn viên."), len(ratings)))
	return true
}
