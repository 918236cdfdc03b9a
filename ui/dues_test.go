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

// TestDuesCategoryChangeDated: the member form's "từ ngày" dates a change
// of category: the months before keep the old one, and the member's page
// says both with their days; a day that cannot be read is named under its
// field and nothing is saved.
func TestDuesCategoryChangeDated(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("list", func() bool { return m.total == len(testNames) })
	ctx := context.Background()
	p, err := f.st.Person(ctx, m.row(0).ID)
	if err != nil {
		t.Fatal(err)
	}
	mf := f.app.editor.edit(&p, m.showSaved)
	mf.choice("DuesCategory").setCode(string(domain.DuesAbroad))
	mf.changesFrom.SetText("31/02/2026")
	f.app.shortcutSave()
	if got, _ := f.st.Person(ctx, p.ID); got.DuesCategory != p.DuesCategory || len(f.app.dialogs) == 0 {
		t.Fatalf("a day that cannot be read saved %q", got.DuesCategory)
	}
	if !mf.form.hasError("ChangesFrom") {
		t.Error("no message under the day")
	}
	mf.changesFrom.SetText("01/09/2026")
	f.app.shortcutSave()
	if len(f.app.dialogs) != 0 {
		t.Fatalf("form still open: %s", mf.form.other.msg())
	}
	h, err := f.st.DuesCategoryHistory(ctx, p.ID)
	if err != nil || len(h) != 2 || h[0].Category != domain.DuesWage || h[1].Category != domain.DuesAbroad || h[1].From != domain.MustDate(2026, 9, 1) {
		t.Fatalf("history %+v, %v", h, err)
	}
	q, err := f.st.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, dues, err := duesAndBranchText(ctx, f.st, &q)
	if want := "Ở nước ngoài (từ 01/09/2026); trước đó: Hưởng lương (đến 31/08/2026)"; err != nil || dues != want {
		t.Errorf("page says %q (%v), want %q", dues, err, want)
	}
}
