package ui

import (
	"fyne.io/fyne/v2"

	"sodoan/store"
)

// unitForm edits the unit's names printed in document headers.
type unitForm struct {
	form
	upper, name, place, issuer, secretary, deputy *entry
}

func newUnitForm(a *App, u store.Unit) *unitForm {
	f := &unitForm{}
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
	f.secretary = mk(u.SecretaryName, "Nguyễn Văn A")
	f.deputy = mk(u.DeputyName, "")
	f.add("UpperBody", T("Đoàn cấp trên"), f.upper)
	f.add("Name", T("Tên đơn vị"), f.name)
	f.add("Place", T("Địa danh ghi ngày tháng"), f.place)
	f.add("IssuerCode", T("Ký hiệu cơ quan ban hành"), f.issuer)
	f.add("SecretaryName", T("Bí thư"), f.secretary)
	f.add("DeputyName", T("Phó Bí thư"), f.deputy)
	return f
}

func (f *unitForm) unit() store.Unit {
	return store.Unit{UpperBody: f.upper.Text, Name: f.name.Text, Place: f.place.Text,
		IssuerCode: f.issuer.Text, SecretaryName: f.secretary.Text, DeputyName: f.deputy.Text}
}

// save writes the unit; false (with the messages shown) when invalid.
func (f *unitForm) save(a *App) bool {
	f.clear()
	return f.result(a, a.st.SaveUnit(a.ctx, f.unit()))
}

func (f *unitForm) view() fyne.CanvasObject { return f.grid() }
