package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sodoan/domain"
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
	if !strings.Contains(s.decisions.list.Text, "Khen thưởng: "+member.FullName()) {
		t.Errorf("the tab's list lacks the new decision: %q", s.decisions.list.Text)
	}
}
