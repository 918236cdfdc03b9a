package ui

import (
	"errors"
	"slices"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// How a newcomer enters the register, asked at the top of the "Thêm người
// vào sổ" form: admitted by the ward (the form's Ngày vào Đoàn is then the
// admission), or transferring in from another unit, with the transfer's
// date and the unit she comes from; her Ngày vào Đoàn and Số thẻ are then
// those she brings from the old unit (required, not after the transfer),
// so that she never counts among the ward's admissions.

var entryKinds = []domain.Choice{
	{Code: string(domain.EventAdmission), Label: "Kết nạp tại đơn vị"},
	{Code: string(domain.EventTransferIn), Label: "Chuyển đến từ đơn vị khác"},
}

// entryChoice is the form's "Vào sổ do" and the transfer's own fields,
// shown only for a transfer in.
type entryChoice struct {
	f      *memberForm
	kind   *choiceSelect
	date   *entry
	unit   *entry
	detail *fyne.Container // the transfer's fields and hint
	box    fyne.CanvasObject
}

func newEntryChoice(f *memberForm) *entryChoice {
	c := &entryChoice{f: f}
	fm := &f.form
	c.date = newDateEntry(f.fr)
	c.date.SetText(f.clock.today().String())
	c.unit = newEntry(f.fr)
	c.unit.SetPlaceHolder(T("Ví dụ: Đoàn xã Mỹ Tân"))
	c.kind = newChoiceSelect(f.fr, entryKinds, func(string) { c.changed() })
	c.kind.setCode(string(domain.EventAdmission))
	fm.add("EntryKind", T("Vào sổ do"), c.kind)
	fm.add("TransferDate", T("Ngày chuyển đến"), c.date)
	fm.add("TransferUnit", T("Từ đơn vị"), c.unit)
	hint := widget.NewLabel(T("Ngày vào Đoàn và Số thẻ đoàn viên bên dưới là của đơn vị cũ (theo thẻ, sổ đoàn viên), không phải ngày chuyển đến."))
	hint.Wrapping = fyne.TextWrapWord
	c.detail = container.NewVBox(container.NewGridWithColumns(2, fm.grid("TransferDate"), fm.grid("TransferUnit")), hint)
	c.detail.Hide()
	c.box = container.NewVBox(container.NewGridWithColumns(2, fm.grid("EntryKind"), widget.NewLabel("")), c.detail)
	return c
}

// transfer reports whether the newcomer transfers in.
func (c *entryChoice) transfer() bool { return c.kind.code() == string(domain.EventTransferIn) }

// changed shows the transfer's fields for a transfer in; a transfer in is
// a Union member, so the Đoàn viên box is ticked and held.
func (c *entryChoice) changed() {
	union, _ := c.f.byName["UnionMember"].(*check)
	if c.transfer() {
		c.detail.Show()
		if union != nil {
			union.SetChecked(true)
			union.Disable()
		}
	} else {
		c.detail.Hide()
		if union != nil {
			union.Enable()
		}
	}
	relayoutWindows()
}

// event reads the transfer in of p from the fields: false when its date
// cannot be read (the message is then under it).
func (c *entryChoice) event(p *domain.Person) (*domain.Event, bool) {
	d, ok := c.f.form.parseDateField("TransferDate", c.date)
	return &domain.Event{Kind: domain.EventTransferIn, Date: d, Unit: c.unit.Text, Admitted: p.AdmissionDate, Card: p.CardNumber}, ok
}

// transferFields are the form's fields for the transfer's own: the
// store names them as the member page's transfer dialog does.
var transferFields = map[string]string{
	"Date": "TransferDate", "Unit": "TransferUnit", "Admitted": "AdmissionDate", "Card": "CardNumber",
}

// transferInFields places the store's messages about a transfer in under
// the add form's fields.
func transferInFields(err error) error {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &domain.ValidationError{}
	for _, fe := range ve.Errors {
		if name, ok := transferFields[fe.Field]; ok {
			if fe.Field == "Admitted" {
				// The transfer's message about the original admission says
				// more than the person's ("không được để trống với đoàn
				// viên"): it takes that one's place, not a second line.
				out.Errors = slices.DeleteFunc(out.Errors, func(x domain.FieldError) bool { return x.Field == name })
			}
			fe.Field = name
		}
		out.Errors = append(out.Errors, fe)
	}
	return out
}
