package ui

import (
	"sodoan/domain"

	"fyne.io/fyne/v2"
)

// unitForm edits the unit's names printed in document headers. Who signs
// is not typed here: documents are signed by whoever holds the office on
// their date in the register (see signersInfo).
type unitForm struct {
	form
	upper, name, place, issuer *entry
	// kept is the unit as read, so that saving keeps the fields this form
	// does not show.
	kept domain.Unit
}

func newUnitForm(a *App, u domain.Unit) *unitForm {
	f := &unitForm{kept: u}
	f.other = newErrorText()
	mk := func(v, hint string) *entry {
		e := newEntry(a)
		e.SetText(v)
		e.SetPlaceHolder(hint)
		return e
	}
	f.upper = mk(u.UpperBody, "TỈNH ĐOÀN ĐỒNG THÁP")
	f.name = mk(u.Name, "BCH ĐOÀN PHƯỜNG 1")
	f.place = mk(u.Place, "Phường 1")
	f.issuer = mk(u.IssuerCode, "ĐTN")
	f.add("UpperBody", T("Đoàn cấp trên"), f.upper)
	f.add("Name", T("Tên đơn vị"), f.name)
	f.add("Place", T("Địa danh ghi ngày tháng"), f.place)
	f.add("IssuerCode", T("Ký hiệu cơ quan ban hành"), f.issuer)
	return f
}

func (f *unitForm) unit() domain.Unit {
	u := f.kept
	u.UpperBody, u.Name, u.Place, u.IssuerCode = f.upper.Text, f.name.Text, f.place.Text, f.issuer.Text
	return u
}

// save writes the unit; false (with the messages shown) when invalid.
func (f *unitForm) save(a *App) bool {
	f.clear()
	return f.result(a, a.st.SaveUnit(a.ctx, f.unit()))
}

func (f *unitForm) view() fyne.CanvasObject { return f.grid() }
