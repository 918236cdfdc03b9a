package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"sodoan/domain"
)

// TestEnterSavesForm: Enter in a one-line box of the member form saves it
// as Lưu would; in a multi-line box Enter is a new line and Ctrl+Enter
// saves (issue 17, finding 8). A form with a mistake stays open.
func TestEnterSavesForm(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("first page", func() bool { return len(m.pages[0]) == len(testNames) })
	enter := &fyne.KeyEvent{Name: fyne.KeyReturn}

	// A mistake: Enter keeps the form open with its message.
	mf := f.app.editor.edit(&domain.Person{UnionMember: true, BranchID: f.br[0]}, m.showSaved)
	mf.entry("GivenName").SetText("Xuân")
	mf.entry("GivenName").TypedKey(enter)
	if len(f.app.dialogs) != 1 {
		t.Fatal("Enter on a form without a family name closed it")
	}
	// Filled in: Enter in the card number's box saves it.
	mf.entry("FamilyName").SetText("Lý")
	mf.entry("MiddleName").SetText("Thị")
	mf.choice("Gender").setCode(string(domain.Female))
	mf.entry("BirthDate").SetText("05/06/2004")
	mf.entry("AdmissionDate").SetText("26/03/2020")
	mf.entry("CardNumber").SetText("T0099")
	mf.entry("CardNumber").TypedKey(enter)
	if len(f.app.dialogs) != 0 {
		t.Fatalf("Enter did not save the filled form: %s", mf.form.other.msg())
	}
	f.waitFor("new row", func() bool { return m.total == len(testNames)+1 })

	// A multi-line box: Enter is a new line; Ctrl+Enter saves.
	mf = f.app.editor.edit(&domain.Person{UnionMember: true, BranchID: f.br[0]}, m.showSaved)
	for k, v := range map[string]string{"FamilyName": "Đỗ", "MiddleName": "Văn", "GivenName": "Tùng", "BirthDate": "01/01/2003",
		"AdmissionDate": "26/03/2019", "CardNumber": "T0100"} {
		mf.entry(k).SetText(v)
	}
	mf.choice("Gender").setCode(string(domain.Male))
	note := mf.entry("Note")
	if !note.MultiLine {
		t.Fatal("the note is not a multi-line box")
	}
	note.TypedKey(enter)
	if len(f.app.dialogs) != 1 {
		t.Fatal("Enter in the note saved the form")
	}
	note.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	if len(f.app.dialogs) != 0 {
		t.Fatalf("Ctrl+Enter did not save the form: %s", mf.form.other.msg())
	}
	f.waitFor("second new row", func() bool { return m.total == len(testNames)+2 })
}
