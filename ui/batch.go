package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// batches are the dialogs that write many members at once: the admission
// after a ceremony and the year-end rating of a branch.
type batches struct {
	ctx   context.Context
	st    *store.Store
	clock clock       // the admission's day, the years offered
	win   fyne.Window // sizes the dialogs
	f     frame
	// saved runs after a dialog wrote to the register, so that the screen
	// shown reloads.
	saved func()
}

func newBatches(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, saved func()) *batches {
	return &batches{ctx: ctx, st: st, clock: clock, win: win, f: f, saved: saved}
}

// admissionRow is one line of the batch admission grid.
type admissionRow struct {
	name, birth, card *entry
	gender            *choiceSelect
	err               *errorText
	box               fyne.CanvasObject
}

// batchAdmission is the grid used after an admission ceremony: several new
// members with a shared date and branch, saved in one transaction.
type batchAdmission struct {
	bs        *batches
	date      *entry
	branch    *selectBox
	branchIDs []int64
	rows      []*admissionRow
	grid      *fyne.Container
	other     *errorText
	wrong     *errorText // how many problems, beside the buttons
	scroll    *container.Scroll
	saved     int
}

// admission opens the batch admission dialog.
func (bs *batches) admission() *batchAdmission {
	b := &batchAdmission{bs: bs, other: newErrorText(), wrong: newCountText()}
	b.date = newDateEntry(bs.f)
	b.date.SetText(bs.clock.today().String())
	branches, err := bs.st.Branches(bs.ctx, false)
	if err != nil {
		bs.f.showError(err)
		return nil
	}
	var opts []string
	for _, br := range branches {
		opts = append(opts, br.Name)
		b.branchIDs = append(b.branchIDs, br.ID)
	}
	b.branch = newSelect(bs.f, opts, nil)
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
	more := newButtonWithIcon(bs.f, T("Thêm dòng"), theme.ContentAddIcon(), b.addRow)
	b.scroll = container.NewVScroll(b.grid)
	content := container.NewBorder(top, container.NewVBox(b.other, container.NewBorder(nil, nil, more, b.wrong)), nil, nil, b.scroll)
	sz := bs.win.Canvas().Size()
	bs.f.formDialog(T("Kết nạp đoàn viên hàng loạt"), content, fyne.NewSize(sz.Width*0.9, sz.Height*0.9), b.save)
	return b
}

func (b *batchAdmission) addRow() {
	r := &admissionRow{name: newEntry(b.bs.f), birth: newDateEntry(b.bs.f), card: newEntry(b.bs.f),
		gender: newChoiceSelect(b.bs.f, domain.Genders, nil), err: newErrorText()}
	r.name.SetPlaceHolder(T("Họ và tên"))
	b.rows = append(b.rows, r)
	line := container.New(layout.NewGridLayoutWithColumns(5), r.name, r.gender, r.birth, r.card, widget.NewLabel(strconv.Itoa(len(b.rows))))
	r.box = container.NewVBox(line, r.err)
	b.grid.Add(r.box)
	// A row's message goes when the row is changed.
	onEdit(line, func() { r.err.set("") })
}

// save admits every filled row; the store checks them all and writes none
// if any is wrong, naming the row, which is shown under it. Every problem
// of every row is shown at once (issue 17, finding 4), also when a date
// could not be read and nothing was sent to the store: the rows are then
// checked by the same rules, without writing.
func (b *batchAdmission) save() bool {
	b.other.set("")
	b.wrong.set("")
	for _, r := range b.rows {
		r.err.set("")
	}
	var other []string
	date, derr := domain.ParseDate(b.date.Text)
	if derr != nil {
		other = append(other, T("Ngày kết nạp")+": "+errText(derr))
	}
	var branchID int64
	if i := b.branch.SelectedIndex(); i >= 0 {
		branchID = b.branchIDs[i]
	}
	var people []*domain.Person
	var gridRow []*admissionRow
	badBirth := map[int]bool{} // by index in people
	wrong := 0
	for _, r := range b.rows {
		if r.name.Text == "" && r.birth.Text == "" && r.card.Text == "" {
			continue
		}
		fam, mid, giv := domain.SplitFullName(r.name.Text)
		birth, err := domain.ParseDate(r.birth.Text)
		if err != nil {
			r.err.set(T("Ngày sinh") + ": " + errText(err))
			badBirth[len(people)] = true
			wrong++
		}
		people = append(people, &domain.Person{FamilyName: fam, MiddleName: mid, GivenName: giv,
			Gender: domain.Gender(r.gender.code()), BirthDate: birth, Ethnicity: "Kinh",
			UnionMember: true, AdmissionDate: date, CardNumber: r.card.Text, BranchID: branchID})
		gridRow = append(gridRow, r)
	}
	if len(people) == 0 {
		other = append(other, T("Chưa nhập dòng nào."))
	}
	var err error
	if len(other) > 0 || len(badBirth) > 0 {
		// Nothing can be written: the other problems of every row still
		// show now, not one save at a time.
		var all []domain.FieldError
		for i, p := range people {
			for _, fe := range domain.ValidatePerson(p, i+1, b.bs.clock.today()).Errs {
				if fe.Field == "BirthDate" && badBirth[i] || fe.Field == "AdmissionDate" && derr != nil {
					continue // said already, from the text typed
				}
				all = append(all, fe)
			}
		}
		if len(all) > 0 {
			err = &domain.ValidationError{Errors: all}
		}
	} else {
		err = b.bs.st.AddPeople(b.bs.ctx, people)
	}
	var ve *domain.ValidationError
	switch {
	case errors.As(err, &ve):
		for _, fe := range ve.Errors {
			wrong++
			if fe.Row >= 1 && fe.Row <= len(gridRow) {
				r := gridRow[fe.Row-1]
				r.err.set(joinNonEmpty("; ", r.err.msg(), T(fe.Label)+": "+fieldMsg(fe)))
			} else {
				other = append(other, fieldErrText(fe))
			}
		}
	case err != nil:
		b.bs.f.showError(err)
		return false
	}
	if len(other) > 0 || wrong > 0 {
		b.other.set(strings.Join(other, "; "))
		b.wrong.set(wrongCount(wrong + len(other)))
		for _, r := range gridRow {
			if r.err.msg() != "" {
				reveal(b.bs.win.Canvas(), b.scroll, r.box)
				break
			}
		}
		return false
	}
	b.saved = len(people)
	b.bs.f.notify(fmt.Sprintf(T("Đã kết nạp %d đoàn viên vào %s."), len(people), b.branch.Selected))
	b.bs.saved()
	return true
}

// yearRating rates every active member of a branch for a year on one
// screen, saved in one transaction.
type yearRating struct {
	bs        *batches
	year      *selectBox
	branch    *selectBox
	branchIDs []int64
	list      *fyne.Container
	people    []domain.Person
	selects   []*choiceSelect
	all       *choiceSelect // rates every member at once
	// decided is the day the ratings that change are decided on (the
	// others keep their own).
	decided *entry
	other   *errorText
}

// ratingTop lays out the year rating's top row: the labels and the year at
// their natural width, the branch and "rate everyone" dropdowns sharing
// the rest.
var ratingTop = flexRow{0, 0, 0, 3, 2}

// yearRating opens the year-end rating of branchID's members.
func (bs *batches) yearRating(branchID int64) *yearRating {
	r := &yearRating{bs: bs, other: newErrorText(), list: container.NewVBox(), decided: newDateEntry(bs.f)}
	branches, err := bs.st.Branches(bs.ctx, false)
	if err != nil {
		bs.f.showError(err)
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
	r.year = newSelect(bs.f, yearOptions(bs.clock.thisYear()-5, bs.clock.thisYear()), func(string) { r.load() })
	r.branch = newSelect(bs.f, opts, func(string) { r.load() })
	r.year.SetSelected(strconv.Itoa(bs.clock.thisYear()))
	if len(opts) > 0 {
		r.branch.SetSelectedIndex(sel)
	}
	all := newChoiceSelect(bs.f, domain.Ratings, func(code string) {
		for _, s := range r.selects {
			s.setCode(code)
		}
	})
	all.PlaceHolder = T("Xếp loại tất cả…")
	r.all = all
	// The dropdowns share the row's width: in an HBox each got only its
	// own small minimum and cut the branch's name and "Xếp loại tất cả…".
	top := container.New(ratingTop, widget.NewLabel(T("Năm")), r.year, widget.NewLabel(T("Chi đoàn")), r.branch, all)
	day := container.NewHBox(widget.NewLabel(T("Ngày xếp loại")), container.NewGridWrap(fyne.NewSize(140, r.decided.MinSize().Height), r.decided))
	content := container.NewBorder(container.NewVBox(top, day), r.other, nil, nil, container.NewVScroll(r.list))
	sz := bs.win.Canvas().Size()
	bs.f.formDialog(T("Xếp loại đoàn viên cuối năm"), content, fyne.NewSize(sz.Width*0.85, sz.Height*0.9), r.save)
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
	people, err := r.bs.st.ListMembers(r.bs.ctx, store.MemberFilter{BranchID: r.branchIDs[i],
		Kind: store.KindUnion, Status: domain.StatusActive})
	if err != nil {
		r.bs.f.showError(err)
		return
	}
	r.people = people
	r.selects = nil
	r.list.Objects = nil
	year := r.yearValue()
	r.decided.SetText(decidedText(r.bs.clock, year, domain.Date{}))
	// The evidence the rules read, beside each rating (issue 19).
	ev, err := loadEvidence(r.bs.ctx, r.bs.st, year, r.branchIDs[i])
	if err != nil {
		r.bs.f.showError(err)
	}
	line := widget.NewLabel(ev.branchText())
	line.Wrapping = fyne.TextWrapWord
	r.list.Add(line)
	for n, p := range people {
		s := newChoiceSelect(r.bs.f, domain.Ratings, nil)
		if my, err := r.bs.st.MemberYear(r.bs.ctx, p.ID, year); err == nil {
			s.setCode(string(my.Rating))
		}
		r.selects = append(r.selects, s)
		name := widget.NewLabel(fmt.Sprintf("%d. %s", n+1, p.FullName()))
		r.list.Add(container.NewGridWithColumns(3, name, widget.NewLabel(ev.memberText(p.ID)), s))
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
	on, err := parseDecided(T("Ngày xếp loại"), r.decided.Text)
	if err != nil {
		r.other.set(errText(err))
		return false
	}
	if err := r.bs.st.SaveRatingsOn(r.bs.ctx, r.yearValue(), on, ratings); err != nil {
		var ve *domain.ValidationError
		if errors.As(err, &ve) {
			r.other.set(errText(ve))
			return false
		}
		r.bs.f.showError(err)
		return false
	}
	r.bs.f.notify(fmt.Sprintf(T("Đã lưu xếp loại của %d đoàn viên."), len(ratings)))
	return true
}
