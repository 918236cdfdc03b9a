package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sodoan/domain"
	"sodoan/issuing"
	"sodoan/store"
)

// TestDecisionForm: the Quyết định tab's form issues a commendation for
// a member picked from the register's search, shows a refusal under the
// form with nothing written, and the member's page lists the decision.
func TestDecisionForm(t *testing.T) {
	ctx := context.Background()
	f := newDemoFixture(t, 50, nil, "reports")
	s := f.app.screens["reports"].(*reportsScreen)
	before, err := f.st.Decisions(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var member domain.Person
	err = f.st.EachMember(ctx, store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive, Limit: 1}, func(p *domain.Person) error {
		member = *p
		return nil
	})
	if err != nil || member.ID == 0 {
		t.Fatalf("no active member: %v", err)
	}
	form, _ := s.decisions.newForm()
	form.kind.SetSelectedIndex(4) // Khen thưởng
	if form.formRow.Hidden || !form.electionRows.Hidden || !form.exemptRow.Hidden || form.reasonRow.Hidden {
		t.Errorf("a commendation's form shows form %v, election %v, exemption %v, reason %v",
			!form.formRow.Hidden, !form.electionRows.Hidden, !form.exemptRow.Hidden, !form.reasonRow.Hidden)
	}
	form.find(member.FamilyName + " " + member.MiddleName + " " + member.GivenName)
	picked := false
	for _, o := range form.results.Objects {
		if b, ok := o.(*button); ok && strings.HasPrefix(b.Text, member.FullName()+" — "+member.BirthDate.String()) {
			test.Tap(b)
			picked = true
			break
		}
	}
	if !picked || len(form.people) != 1 || form.people[0].PersonID != member.ID {
		t.Fatalf("picking %s: %+v", member.FullName(), form.people)
	}
	// No reason: refused under the form, nothing written.
	if form.issue() || !strings.Contains(form.message.Text, "Lý do") {
		t.Errorf("a commendation without a reason: issued, or message %q", form.message.Text)
	}
	if after, _ := f.st.Decisions(ctx, 0); len(after) != len(before) {
		t.Errorf("a refused decision was written")
	}
	form.reason.SetText("Hoàn thành xuất sắc công trình thanh niên")
	if !form.issue() {
		t.Fatalf("the commendation was refused: %s", form.message.Text)
	}
	mine, err := f.st.PersonDecisions(ctx, member.ID)
	if err != nil || len(mine) == 0 || mine[0].Kind != domain.DecisionCommendation || mine[0].Form != "giay_khen" {
		t.Fatalf("the member's decisions: %+v, %v", mine, err)
	}
	// The tab's list: the new decision first, with In lại and Hủy….
	row, ok := s.decisions.list.Objects[0].(*fyne.Container)
	if !ok || len(row.Objects) != 2 {
		t.Fatalf("the tab's first row: %#v", s.decisions.list.Objects[0])
	}
	line, _ := row.Objects[0].(*widget.Label)
	actions, _ := row.Objects[1].(*fyne.Container)
	if line == nil || !strings.Contains(line.Text, "Khen thưởng: "+member.FullName()) || actions == nil || len(actions.Objects) != 2 {
		t.Fatalf("the tab's first row: %#v", row.Objects)
	}
	// In lại writes a copy in the year's folder and takes no number.
	docs, _ := f.st.Documents(ctx, mine[0].Year)
	dir := f.app.folders.docsBase()
	test.Tap(actions.Objects[0].(*button))
	copies, _ := filepath.Glob(filepath.Join(dir, "*", "*-ban-sao.pdf"))
	again, _ := f.st.Documents(ctx, mine[0].Year)
	if len(copies) != 1 || len(again) != len(docs) {
		t.Errorf("In lại: copies %v, documents %d → %d", copies, len(docs), len(again))
	}
	// Hủy… opens the annulment dialog; its closing button must not read
	// Hủy beside "Xác nhận hủy quyết định" (the same word for two acts).
	test.Tap(actions.Objects[1].(*button))
	top := f.app.win.Canvas().Overlays().Top()
	var words []string
	walk(top, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*button); ok {
			words = append(words, b.Text)
		}
		return true
	})
	if strings.Join(words, " | ") != "Quay lại (Esc) | Xác nhận hủy quyết định (Ctrl+S)" {
		t.Errorf("the annulment dialog's buttons: %q", words)
	}
	f.app.win.Canvas().Overlays().Remove(top)
	// Annulled (today, the workflow the dialog runs): the row says so and
	// offers In lại only; the member's page shows it annulled, with why.
	if _, err := issuing.AnnulDecision(ctx, f.st, mine[0].ID, domain.Annulment{Date: f.app.clock.today(), Reason: "Ghi nhầm người"}); err != nil {
		t.Fatal(err)
	}
	s.decisions.refresh()
	row = s.decisions.list.Objects[0].(*fyne.Container)
	line, actions = row.Objects[0].(*widget.Label), row.Objects[1].(*fyne.Container)
	if !strings.Contains(line.Text, "đã hủy ngày "+f.app.clock.today().String()) || len(actions.Objects) != 1 {
		t.Errorf("the annulled decision's row: %q, %d actions", line.Text, len(actions.Objects))
	}
	page := memberDecisions(ctx, f.st, f.app, member.ID).(*fyne.Container)
	found := false
	for _, o := range page.Objects {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "Khen thưởng") && strings.Contains(l.Text, "đã hủy ngày") &&
			strings.Contains(l.Text, "Ghi nhầm người") {
			found = true
		}
	}
	if !found {
		t.Errorf("the member's page does not show the decision annulled")
	}
}
