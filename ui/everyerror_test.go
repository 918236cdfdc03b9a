package ui

import (
	"context"
	"strings"
	"testing"
)

// TestCriteriaEditorShowsEveryProblem: one save shows every field's
// problem at once, each under its own field: an order that is not a
// number beside an empty text in the same row and a too long code in
// another; nothing is saved.
func TestCriteriaEditorShowsEveryProblem(t *testing.T) {
	f := newFixture(t, "branches")
	s := f.app.screens["branches"].(*branchesScreen)
	ctx := context.Background()
	before, _ := f.st.Criteria(ctx)
	s.editCriteria()
	ed := s.criteria
	if ed == nil || len(ed.rows) < 3 {
		t.Fatal("the checklist editor did not open")
	}
	ed.rows[0].order.SetText("một")
	ed.rows[0].text.SetText("")
	ed.rows[2].code.SetText(strings.Repeat("X", 60))
	ed.rows[2].order.SetText("99999999999999999999999")
	f.app.shortcutSave()
	if len(f.app.dialogs) != 1 {
		t.Fatal("the editor closed on a bad checklist")
	}
	for _, c := range []struct {
		row   int
		field string
		want  string
	}{
		{0, "Order", "không phải là số"},
		{0, "Text", "không được để trống"},
		{2, "Code", "tối đa"},
		{2, "Order", "quá lớn: tối đa 99.999"},
	} {
		if got := ed.rows[c.row].errs[c.field].msg(); !strings.Contains(got, c.want) {
			t.Errorf("row %d, %s: message %q, want …%s", c.row+1, c.field, got, c.want)
		}
	}
	for _, field := range []string{"Code", "Text", "Order"} {
		if got := ed.rows[1].errs[field].msg(); got != "" {
			t.Errorf("the good row 2 shows %q under %s", got, field)
		}
	}
	if got := ed.rows[0].errs["Code"].msg(); got != "" {
		t.Errorf("row 1's good code shows %q", got)
	}
	if after, _ := f.st.Criteria(ctx); after[0].Text != before[0].Text || after[2].Code != before[2].Code {
		t.Error("a bad checklist was partly saved")
	}
	f.app.escape()
}

// TestPlanEditorShowsEveryProblem: one save shows an unreadable year and
// target beside the store's messages about the other fields.
func TestPlanEditorShowsEveryProblem(t *testing.T) {
	f := newFixture(t, "plan")
	s := f.planScreen()
	s.editPlan()
	e := s.editor
	e.number.SetText("")
	e.start.SetText("hai nghìn")
	bad, empty := e.row(t, "2.5b"), e.row(t, "2.3")
	bad.target.SetText("năm trăm")
	bad.title.SetText("")
	empty.code.SetText("")
	f.app.shortcutSave()
	if len(f.app.dialogs) != 1 {
		t.Fatal("the editor closed on a bad plan")
	}
	if !e.fm.hasError("Number") || !strings.Contains(e.fm.fields[0].err.msg(), "không được để trống") {
		t.Errorf("plan number: %q", e.fm.fields[0].err.msg())
	}
	var period string
	for _, fd := range e.fm.fields {
		if fd.name == "EndYear" {
			period = fd.err.msg()
		}
	}
	if !strings.Contains(period, "không phải là số") || strings.Contains(period, "không hợp lệ") {
		t.Errorf("period message %q: want the unreadable year alone", period)
	}
	if got := bad.err.msg(); !strings.Contains(got, "không phải là số") || !strings.Contains(got, "không được để trống") {
		t.Errorf("row 2.5b message %q: want the target and the empty title", got)
	}
	if got := empty.err.msg(); !strings.Contains(got, "Mã chỉ tiêu: không được để trống") {
		t.Errorf("row 2.3 message %q", got)
	}
	if p, _ := f.st.CurrentPlan(context.Background()); p.Number != "25-KH/ĐTN" {
		t.Errorf("plan number = %q after an invalid save", p.Number)
	}
	f.app.escape()
}
