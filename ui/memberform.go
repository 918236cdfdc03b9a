package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"sodoan/store"
)

// memberForm edits every field of a person: one input per field of the
// catalog (domain.PersonFields), made from the field's kind, labelled and
// placed as the catalog says.
type memberForm struct {
	ctx    context.Context
	st     *store.Store // the branches offered; where the person is saved
	clock  clock        // the day the fields are checked against
	fr     frame
	p      domain.Person
	form   form
	inputs []fieldInput
	// byName finds an input by the field's Go name (tests, focus).
	byName     map[string]fyne.CanvasObject
	branchIDs  []int64
	saved      func(*domain.Person)
	dlgContent fyne.CanvasObject
	// in is how a newcomer enters the register (nil when editing):
	// admitted here, or transferring in (memberformin.go).
	in *entryChoice
	// scroll holds the fields; wrong says beside the buttons how many a
	// failed save found wrong; canvas is where the first gets the focus.
	scroll *container.Scroll
	wrong  *errorText
	canvas fyne.Canvas
	// changesFrom is the day a changed dues category or branch takes
	// effect (blank: the day of the save); the months before keep the
	// old one (domain.Person.ChangesFrom). Nil for a new person.
	changesFrom *entry
}

// fieldInput is the input of one field, with how it is read back into a
// person: false when its text cannot be read (a date; the message is then
// shown under it).
type fieldInput struct {
	field domain.Field
	input fyne.CanvasObject
	read  func(p *domain.Person) bool
}

// schoolingOptions are the grades a person can have reached.
func schoolingOptions() []string {
	opts := []string{T("Chưa rõ")}
	for g := 1; g <= 12; g++ {
		opts = append(opts, strconv.Itoa(g)+"/12")
	}
	return opts
}

func newMemberForm(ctx context.Context, st *store.Store, clock clock, fr frame, p *domain.Person) (*memberForm, error) {
	f := &memberForm{ctx: ctx, st: st, clock: clock, fr: fr, p: *p, byName: map[string]fyne.CanvasObject{}}
	for _, fd := range domain.PersonFields {
		in, err := f.input(fd, p)
		if err != nil {
			return nil, err
		}
		f.inputs = append(f.inputs, in)
		f.byName[fd.Name] = in.input
	}
	fm := &f.form
	fm.other = newErrorText()
	var left, right []string
	for _, in := range f.inputs {
		fd := in.field
		if fd.Beside != "" {
			continue // in the row of the field it stands beside
		}
		obj := in.input
		for _, b := range f.inputs {
			if b.field.Beside == fd.Key {
				obj = container.NewBorder(nil, nil, nil, b.input, obj)
			}
		}
		label := T(fd.Label)
		if fd.Kind == domain.FieldBool && fd.Check == "" {
			label = "" // the box's own words are its label
		}
		fm.add(fd.Name, label, obj)
		if fd.Side == domain.SideLeft {
			left = append(left, fd.Name)
		} else {
			right = append(right, fd.Name)
		}
		if fd.Key == "branch_id" && p.ID != 0 {
			// The dues ledger counts each month with the category and the
			// branch in force then: a change says from when.
			f.changesFrom = newDateEntry(fr)
			f.changesFrom.SetPlaceHolder(T("dd/mm/yyyy (để trống: hôm nay)"))
			f.byName["ChangesFrom"] = f.changesFrom
			fm.add("ChangesFrom", T("Đổi diện đoàn phí, chi đoàn từ ngày"), f.changesFrom)
			right = append(right, "ChangesFrom")
		}
	}
	var top fyne.CanvasObject
	if p.ID == 0 {
		f.in = newEntryChoice(f)
		top = f.in.box
	}
	f.scroll = container.NewVScroll(container.NewGridWithColumns(2, fm.grid(left...), fm.grid(right...)))
	f.wrong = newCountText()
	f.dlgContent = container.NewBorder(top, container.NewVBox(fm.other, f.wrong), nil, nil, f.scroll)
	// A corrected field's message goes at once, not at the next save.
	fm.clearOnEdit(f.recount)
	return f, nil
}

// input makes the input of field fd showing p's value.
func (f *memberForm) input(fd domain.Field, p *domain.Person) (fieldInput, error) {
	k := f.fr
	in := fieldInput{field: fd}
	switch fd.Kind {
	case domain.FieldText, domain.FieldCode, domain.FieldLines:
		e := newEntry(k)
		if fd.Kind == domain.FieldLines {
			e = newMultiLineEntry(k)
			e.SetMinRowsVisible(2)
		}
		v := *fd.Ptr(p).(*string)
		if v == "" && p.ID == 0 {
			v = fd.Default
		}
		e.SetText(v)
		if fd.Hint != "" {
			e.SetPlaceHolder(T(fd.Hint))
		}
		in.input = e
		in.read = func(q *domain.Person) bool { *fd.Ptr(q).(*string) = e.Text; return true }
	case domain.FieldDate:
		e := newDateEntry(k)
		e.SetText(fd.Ptr(p).(*domain.Date).String())
		in.input = e
		in.read = func(q *domain.Person) bool {
			d, ok := f.form.parseDateField(fd.Name, e)
			*fd.Ptr(q).(*domain.Date) = d
			return ok
		}
	case domain.FieldChoice:
		list := fd.Choices
		if fd.Empty != "" {
			list = withAll(fd.Empty, fd.Choices)
		}
		c := newChoiceSelect(k, list, nil)
		c.setCode(*fd.Ptr(p).(*string))
		in.input = c
		in.read = func(q *domain.Person) bool { *fd.Ptr(q).(*string) = c.code(); return true }
	case domain.FieldGrade:
		s := newSelect(k, schoolingOptions(), nil)
		s.SetSelectedIndex(*fd.Ptr(p).(*int))
		in.input = s
		in.read = func(q *domain.Person) bool { *fd.Ptr(q).(*int) = max(s.SelectedIndex(), 0); return true }
	case domain.FieldBool:
		words := fd.Check
		if words == "" {
			words = fd.Label
		}
		c := newCheck(k, T(words), nil)
		c.SetChecked(*fd.Ptr(p).(*bool))
		in.input = c
		in.read = func(q *domain.Person) bool { *fd.Ptr(q).(*bool) = c.Checked; return true }
	case domain.FieldBranch:
		branches, err := f.st.Branches(f.ctx, false)
		if err != nil {
			return in, err
		}
		opts := []string{T("(chưa có)")}
		f.branchIDs = []int64{0}
		sel := 0
		for _, b := range branches {
			opts = append(opts, b.Name)
			f.branchIDs = append(f.branchIDs, b.ID)
			if b.ID == *fd.Ptr(p).(*int64) {
				sel = len(opts) - 1
			}
		}
		s := newSelect(k, opts, nil)
		s.SetSelectedIndex(sel)
		in.input = s
		in.read = func(q *domain.Person) bool {
			if i := s.SelectedIndex(); i >= 0 {
				*fd.Ptr(q).(*int64) = f.branchIDs[i]
			}
			return true
		}
	default:
		return in, fmt.Errorf("trường %s: loại %d chưa có ô nhập", fd.Key, fd.Kind)
	}
	return in, nil
}

// entry is the text input of the field with Go name name.
func (f *memberForm) entry(name string) *entry { return f.byName[name].(*entry) }

// choice is the dropdown of the choice field with Go name name.
func (f *memberForm) choice(name string) *choiceSelect { return f.byName[name].(*choiceSelect) }

// collect reads the inputs into a person; false when a date cannot be read
// (its message is then shown).
func (f *memberForm) collect() (*domain.Person, bool) {
	p := f.p
	ok := true
	for _, in := range f.inputs {
		if !in.read(&p) {
			ok = false
		}
	}
	if f.changesFrom != nil {
		d, dok := f.form.parseDateField("ChangesFrom", f.changesFrom)
		p.ChangesFrom, ok = d, ok && dok
	}
	return &p, ok
}

// save validates through the store and writes; nothing is written while any
// field is wrong.
func (f *memberForm) save() bool {
	f.form.clear()
	f.wrong.set("")
	p, ok := f.collect()
	var transfer *domain.Event
	if f.in != nil && f.in.transfer() {
		var tok bool
		transfer, tok = f.in.event(p)
		ok = ok && tok
	}
	if !ok {
		// A date could not be read (its message is shown): show the other
		// fields' messages too, rather than one at a time.
		var ve *domain.ValidationError
		if errors.As(domain.CheckPerson(*p, f.clock.today()), &ve) {
			var rest []domain.FieldError
			for _, fe := range ve.Errors {
				if !f.form.hasError(fe.Field) {
					rest = append(rest, fe)
				}
			}
			f.form.showValidation(&domain.ValidationError{Errors: rest})
		}
		f.revealWrong()
		return false
	}
	var err error
	if transfer != nil {
		// The person and her transfer in, one transaction; her Ngày vào
		// Đoàn and card are the ones she brings.
		err = transferInFields(f.st.AddTransferIn(f.ctx, p, transfer))
	} else {
		err = f.st.SavePerson(f.ctx, p)
	}
	if !f.form.result(f.fr, err) {
		f.revealWrong()
		return false
	}
	f.p = *p
	f.fr.notify(fmt.Sprintf(T("Đã lưu %s"), p.FullName()))
	if f.saved != nil {
		f.saved(p)
	}
	return true
}

// recount says beside the buttons how many fields are still wrong.
func (f *memberForm) recount() {
	n := f.form.wrongFields()
	if f.form.other.msg() != "" {
		n++
	}
	f.wrong.set(wrongCount(n))
}

// revealWrong scrolls to the first field in error and focuses it, and
// states the count beside the buttons: a save that failed never looks
// like one that did nothing (issue 17, finding 4).
func (f *memberForm) revealWrong() {
	f.recount()
	reveal(f.canvas, f.scroll, f.form.firstWrong(f.scroll.Content))
}

// memberEditor opens the member form in a dialog over the window, from
// the member lists and a person's page.
type memberEditor struct {
	ctx   context.Context
	st    *store.Store
	clock clock
	win   fyne.Window // sizes the dialog and focuses its first field
	fr    frame
}

func newMemberEditor(ctx context.Context, st *store.Store, clock clock, win fyne.Window, fr frame) *memberEditor {
	return &memberEditor{ctx: ctx, st: st, clock: clock, win: win, fr: fr}
}

// edit opens the form for p (new when p.ID is 0); saved runs after a
// successful save.
func (e *memberEditor) edit(p *domain.Person, saved func(*domain.Person)) *memberForm {
	f, err := newMemberForm(e.ctx, e.st, e.clock, e.fr, p)
	if err != nil {
		e.fr.showError(err)
		return nil
	}
	f.saved = saved
	f.canvas = e.win.Canvas()
	title := T("Thêm người vào sổ")
	if p.ID != 0 {
		title = T("Sửa thông tin") + ": " + p.FullName()
	}
	sz := e.win.Canvas().Size()
	d := e.fr.formDialog(title, f.dlgContent, fyne.NewSize(sz.Width*0.92, sz.Height*0.92), f.save)
	// What was typed is not thrown away by Esc or closing the window
	// without a question (issue 17).
	opened := inputState(f.byName)
	e.fr.guardUnsaved(d, func() bool { return inputState(f.byName) != opened })
	e.win.Canvas().Focus(f.entry(domain.PersonFields[0].Name))
	return f
}
