package ui

import (
	"context"

	"sodoan/domain"

	"fyne.io/fyne/v2"

	"sodoan/store"
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

func newUnitForm(k keyboard, u domain.Unit) *unitForm {
	f := &unitForm{kept: u}
	f.other = newErrorText()
	mk := func(v, hint string) *entry {
		e := newEntry(k)
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

// save writes the unit into st; false (with the messages shown, other
// errors on fr) when invalid.
func (f *unitForm) save(ctx context.Context, st *store.Store, fr frame) bool {
	f.clear()
	return f.result(fr, st.SaveUnit(ctx, f.unit()))
}

func (f *unitForm) view() fyne.CanvasObject { return f.grid() }
