package ui

import (
	"context"
	"slices"
	"testing"

	"sodoan/domain"
)

// TestDuesCategoryInTheWindow: the member form has the dues category,
// following the occupation until one is chosen, and saves the choice; the
// member list shows each member's category, in English too.
func TestDuesCategoryInTheWindow(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("list", func() bool { return m.total == len(testNames) })
	col := slices.IndexFunc(m.cols, func(c memberColumn) bool { return c.title == "Đoàn phí" })
	if col < 0 {
		t.Fatal("the member list has no Đoàn phí (dues category) column")
	}
	ctx := context.Background()
	first := m.row(0)
	p, err := f.st.Person(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.cols[col].text(&p, 0); got != "Hưởng lương" {
		t.Errorf("no occupation: the list shows %q, want Hưởng lương", got)
	}
	mf := f.app.editor.edit(&p, m.showSaved)
	c := mf.choice("DuesCategory")
	if want := []string{"Theo nghề nghiệp", "Hưởng lương", "Không hưởng lương", "Ở nước ngoài"}; !slices.Equal(c.Options, want) {
		t.Errorf("options %q, want %q", c.Options, want)
	}
	if c.Selected != "Theo nghề nghiệp" {
		t.Errorf("a member with none set shows %q", c.Selected)
	}
	c.setCode(string(domain.DuesNoWage))
	f.app.shortcutSave()
	if len(f.app.dialogs) != 0 {
		t.Fatalf("form still open after a valid save: %s", mf.form.other.msg())
	}
	p, err = f.st.Person(ctx, first.ID)
	if err != nil || p.DuesCategory != domain.DuesNoWage {
		t.Fatalf("saved %q, %v", p.DuesCategory, err)
	}
	if got := m.cols[col].text(&p, 0); got != "Không hưởng lương" {
		t.Errorf("after the choice the list shows %q", got)
	}
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	defer SetLanguage(LangVietnamese)
	if got := m.cols[col].text(&p, 0); got != "Without wages" {
		t.Errorf("English list shows %q", got)
	}
}
