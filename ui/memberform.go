package ui

import (
	"errors"
	"fmt"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// memberForm edits every field of a person.
type memberForm struct {
	a    *App
	p    domain.Person
	form form

	family, middle, given     *entry
	gender                    *choiceSelect
	birth                     *entry
	ethnicity, religion       *entry
	citizenID, phone          *entry
	address, hamlet           *entry
	occupation                *choiceSelect
	schooling                 *selectBox
	qualification, theory     *choiceSelect
	itLevel, language         *entry
	languageFluent, youthWork *check
	unionMember               *check
	admission, card           *entry
	branch                    *selectBox
	branchIDs                 []int64
	federationMember          *check
	federationDate            *entry
	note                      *entry
	saved                     func(*domain.Person)
	dlgContent                fyne.CanvasObject
}

// schoolingOptions are the grades a person can have reached.
func schoolingOptions() []string {
	opts := []string{T("Chưa rõ")}
	for g := 1; g <= 12; g++ {
		opts = append(opts, strconv.Itoa(g)+"/12")
	}
	return opts
}

func newMemberForm(a *App, p *domain.Person) (*memberForm, error) {
	f := &memberForm{a: a, p: *p}
	f.family, f.middle, f.given = newEntry(a), newEntry(a), newEntry(a)
	f.family.SetText(p.FamilyName)
	f.middle.SetText(p.MiddleName)
	f.given.SetText(p.GivenName)
	f.gender = newChoiceSelect(domain.Genders, nil)
	f.gender.setCode(string(p.Gender))
	f.birth = newDateEntry(a)
	f.birth.SetText(p.BirthDate.String())
	f.ethnicity = newEntry(a)
	eth := p.Ethnicity
	if eth == "" && p.ID == 0 {
		eth = "Kinh"
	}
	f.ethnicity.SetText(eth)
	f.religion = newEntry(a)
	f.religion.SetPlaceHolder(T("Không"))
	f.religion.SetText(p.Religion)
	f.citizenID, f.phone = newEntry(a), newEntry(a)
	f.citizenID.SetText(p.CitizenID)
	f.citizenID.SetPlaceHolder(T("12 chữ số"))
	f.phone.SetText(p.Phone)
	f.address, f.hamlet = newEntry(a), newEntry(a)
	f.address.SetText(p.Address)
	f.hamlet.SetText(p.Hamlet)
	f.occupation = newChoiceSelect(domain.Occupations, nil)
	f.occupation.setCode(string(p.Occupation))
	f.schooling = newSelect(schoolingOptions(), nil)
	f.schooling.SetSelectedIndex(p.Schooling)
	f.qualification = newChoiceSelect(domain.Qualifications, nil)
	f.qualification.setCode(string(p.Qualification))
	f.theory = newChoiceSelect(domain.TheoryLevels, nil)
	f.theory.setCode(string(p.TheoryLevel))
	f.itLevel, f.language = newEntry(a), newEntry(a)
	f.itLevel.SetText(p.ITLevel)
	f.language.SetText(p.Language)
	f.languageFluent = newCheck(T("Sử dụng thành thạo"), nil)
	f.languageFluent.SetChecked(p.LanguageFluent)
	f.youthWork = newCheck(T("Đã qua bồi dưỡng công tác thanh niên"), nil)
	f.youthWork.SetChecked(p.YouthWorkTrained)
	f.unionMember = newCheck(T("Là đoàn viên"), nil)
	f.unionMember.SetChecked(p.UnionMember)
	f.admission, f.card = newDateEntry(a), newEntry(a)
	f.admission.SetText(p.AdmissionDate.String())
	f.card.SetText(p.CardNumber)
	branches, err := a.st.Branches(a.ctx, false)
	if err != nil {
		return nil, err
	}
	opts := []string{T("(chưa có)")}
	f.branchIDs = []int64{0}
	sel := 0
	for _, b := range branches {
		opts = append(opts, b.Name)
		f.branchIDs = append(f.branchIDs, b.ID)
		if b.ID == p.BranchID {
			sel = len(opts) - 1
		}
	}
	f.branch = newSelect(opts, nil)
	f.branch.SetSelectedIndex(sel)
	f.federationMember = newCheck(T("Là hội viên Hội LHTN Việt Nam"), nil)
	f.federationMember.SetChecked(p.FederationMember)
	f.federationDate = newDateEntry(a)
	f.federationDate.SetText(p.FederationDate.String())
	f.note = newMultiLineEntry(a)
	f.note.SetText(p.Note)
	f.note.SetMinRowsVisible(2)

	fm := &f.form
	fm.other = newErrorText()
	fm.add("FamilyName", T("Họ"), f.family)
	fm.add("MiddleName", T("Tên đệm"), f.middle)
	fm.add("GivenName", T("Tên"), f.given)
	fm.add("Gender", T("Giới tính"), f.gender)
	fm.add("BirthDate", T("Ngày sinh"), f.birth)
	fm.add("Ethnicity", T("Dân tộc"), f.ethnicity)
	fm.add("Religion", T("Tôn giáo"), f.religion)
	fm.add("CitizenID", T("Số CCCD"), f.citizenID)
	fm.add("Phone", T("Điện thoại"), f.phone)
	fm.add("Address", T("Địa chỉ"), f.address)
	fm.add("Hamlet", T("Khóm, ấp"), f.hamlet)
	fm.add("Occupation", T("Nghề nghiệp"), f.occupation)
	fm.add("Schooling", T("Học vấn"), f.schooling)
	fm.add("Qualification", T("Chuyên môn"), f.qualification)
	fm.add("TheoryLevel", T("Lý luận chính trị"), f.theory)
	fm.add("ITLevel", T("Tin học"), f.itLevel)
	fm.add("Language", T("Ngoại ngữ"), container.NewBorder(nil, nil, nil, f.languageFluent, f.language))
	fm.add("YouthWorkTrained", "", f.youthWork)
	fm.add("UnionMember", T("Đoàn viên"), f.unionMember)
	fm.add("AdmissionDate", T("Ngày vào Đoàn"), f.admission)
	fm.add("CardNumber", T("Số thẻ đoàn viên"), f.card)
	fm.add("BranchID", T("Chi đoàn"), f.branch)
	fm.add("FederationMember", T("Hội viên"), f.federationMember)
	fm.add("FederationDate", T("Ngày vào Hội"), f.federationDate)
	fm.add("Note", T("Ghi chú"), f.note)

	left := fm.grid("FamilyName", "MiddleName", "GivenName", "Gender", "BirthDate", "Ethnicity", "Religion",
		"CitizenID", "Phone", "Address", "Hamlet", "Occupation")
	right := fm.grid("Schooling", "Qualification", "TheoryLevel", "ITLevel", "Language", "YouthWorkTrained",
		"UnionMember", "AdmissionDate", "CardNumber", "BranchID", "FederationMember", "FederationDate", "Note")
	f.dlgContent = container.NewBorder(nil, fm.other, nil, nil,
		container.NewVScroll(container.NewGridWithColumns(2, left, right)))
	return f, nil
}

// collect reads the inputs into a person; false when a date cannot be read
// (its message is then shown).
func (f *memberForm) collect() (*domain.Person, bool) {
	p := f.p
	ok := true
	p.FamilyName, p.MiddleName, p.GivenName = f.family.Text, f.middle.Text, f.given.Text
	p.Gender = domain.Gender(f.gender.code())
	var good bool
	if p.BirthDate, good = f.form.parseDateField("BirthDate", f.birth); !good {
		ok = false
	}
	p.Ethnicity, p.Religion = f.ethnicity.Text, f.religion.Text
	p.CitizenID, p.Phone = f.citizenID.Text, f.phone.Text
	p.Address, p.Hamlet = f.address.Text, f.hamlet.Text
	p.Occupation = domain.Occupation(f.occupation.code())
	p.Schooling = max(f.schooling.SelectedIndex(), 0)
	p.Qualification = domain.Qualification(f.qualification.code())
	p.TheoryLevel = domain.TheoryLevel(f.theory.code())
	p.ITLevel, p.Language = f.itLevel.Text, f.language.Text
	p.LanguageFluent, p.YouthWorkTrained = f.languageFluent.Checked, f.youthWork.Checked
	p.UnionMember = f.unionMember.Checked
	if p.AdmissionDate, good = f.form.parseDateField("AdmissionDate", f.admission); !good {
		ok = false
	}
	p.CardNumber = f.card.Text
	if i := f.branch.SelectedIndex(); i >= 0 {
		p.BranchID = f.branchIDs[i]
	}
	p.FederationMember = f.federationMember.Checked
	if p.FederationDate, good = f.form.parseDateField("FederationDate", f.federationDate); !good {
		ok = false
	}
	p.Note = f.note.Text
	return &p, ok
}

// save validates through the store and writes; nothing is written while any
// field is wrong.
func (f *memberForm) save() bool {
	f.form.clear()
	p, ok := f.collect()
	if !ok {
		// A date could not be read (its message is shown): show the other
		// fields' messages too, rather than one at a time.
		var ve *domain.ValidationError
		if errors.As(domain.CheckPerson(*p, f.a.today()), &ve) {
			var rest []domain.FieldError
			for _, fe := range ve.Errors {
				if !f.form.hasError(fe.Field) {
					rest = append(rest, fe)
				}
			}
			f.form.showValidation(&domain.ValidationError{Errors: rest})
		}
		return false
	}
	if !f.form.result(f.a, f.a.st.SavePerson(f.a.ctx, p)) {
		return false
	}
	f.p = *p
	f.a.notify(fmt.Sprintf(T("Đã lưu %s"), p.FullName()))
	if f.saved != nil {
		f.saved(p)
	}
	return true
}

// editPerson opens the form for p (new when p.ID is 0); saved runs after a
// successful save.
func (a *App) editPerson(p *domain.Person, saved func(*domain.Person)) *memberForm {
	f, err := newMemberForm(a, p)
	if err != nil {
		a.showError(err)
		return nil
	}
	f.saved = saved
	title := T("Thêm người vào sổ")
	if p.ID != 0 {
		title = T("Sửa thông tin") + ": " + p.FullName()
	}
	sz := a.win.Canvas().Size()
	a.formDialog(title, f.dlgContent, fyne.NewSize(sz.Width*0.92, sz.Height*0.92), f.save)
	a.win.Canvas().Focus(f.family)
	return f
}
