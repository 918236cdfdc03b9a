package ui

import (
	"context"
	"strings"
	"testing"

	"sodoan/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestBranchReceivesResidence: the branch's residence dialog refuses an
// empty form with a message under each required field and writes
// nothing; filled, it records the received member, lists them by name
// and empties the form for the next one.
func TestBranchReceivesResidence(t *testing.T) {
	f := newFixture(t, "branches")
	s := f.app.screens["branches"].(*branchesScreen)
	ctx := context.Background()
	b, err := f.st.Branch(ctx, f.br[0])
	if err != nil {
		t.Fatal(err)
	}
	d := s.residence(b)
	d.add()
	for _, field := range []string{"FamilyName", "GivenName", "BirthDate", "Place"} {
		if !d.fm.hasError(field) {
			t.Errorf("an empty form shows no message under %s", field)
		}
	}
	count := func() int {
		rs, err := f.st.Residences(ctx, store.ResidenceFilter{BranchID: b.ID})
		if err != nil {
			t.Fatal(err)
		}
		return len(rs)
	}
	if n := count(); n != 0 {
		t.Fatalf("a refused form wrote %d records", n)
	}

	d.family.SetText("Lê")
	d.middle.SetText("Thị")
	d.given.SetText("Tâm")
	d.birth.SetText("01/02/2003")
	d.place.SetText("Đoàn xã Tân Phú")
	d.add()
	if n := count(); n != 1 {
		t.Fatalf("the filled form wrote %d records, want 1", n)
	}
	if d.family.Text != "" || d.place.Text != "" {
		t.Errorf("the form keeps %q, %q after recording", d.family.Text, d.place.Text)
	}
	if !strings.Contains(labelsOf(d.list), "Lê Thị Tâm (01/02/2003) — ") {
		t.Errorf("the list does not name the received member: %s", labelsOf(d.list))
	}
}

// labelsOf joins the text of every label under o.
func labelsOf(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}
