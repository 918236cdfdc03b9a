package ui

import (
	"fmt"

	"sodoan/domain"
	"sodoan/store"
)

// The Hội viên screen counts and lists hội viên by the one dated
// definition every figure uses (store's federationOn): by default those
// who are hội viên today (joined, membership not ended), with a choice of
// the former hội viên or everyone who ever joined. A Hội membership has
// no Union status: the Union's status filter does not apply to it.

// The choices of the Hội viên screen's state filter.
const (
	fedNow    = "now"    // hội viên on today's date
	fedFormer = "former" // Hội membership ended by today
	fedEver   = "ever"   // everyone who ever joined, the register's whole record
)

var fedStates = []domain.Choice{
	{Code: fedNow, Label: "Hội viên hiện nay"},
	{Code: fedFormer, Label: "Đã thôi sinh hoạt Hội"},
	{Code: fedEver, Label: "Mọi người từng vào Hội"},
}

// applyFedState sets the filter's day and Former flag from the state
// chosen, on the day the list is read: they apply to a Hội list only.
func (m *membersScreen) applyFedState() {
	m.filter.AsOf, m.filter.Former = domain.Date{}, false
	if m.filter.Kind != store.KindFederation {
		return
	}
	switch m.fedState {
	case fedNow:
		m.filter.AsOf = m.clock.today()
	case fedFormer:
		m.filter.AsOf, m.filter.Former = m.clock.today(), true
	}
}

// allFilter is what the count's total counts: the kind, and for a Hội
// list the state chosen, without the other filters.
// For the Union's list, the status chosen too: the total of "Hiển thị 2 /
// 232 đoàn viên · Đang sinh hoạt" counts no former member.
func (m *membersScreen) allFilter(f store.MemberFilter) store.MemberFilter {
	return store.MemberFilter{Kind: f.Kind, Status: f.Status, AsOf: f.AsOf, Former: f.Former}
}

// countNoun says what the total counts.
func (m *membersScreen) countNoun() string {
	if m.kind != store.KindFederation || m.filter.Kind != store.KindFederation {
		// The status says whom the noun means: đoàn viên in activity by
		// default, and so on.
		status := T("Mọi trạng thái")
		if m.filter.Status != "" {
			status = T(m.filter.Status.Label())
		}
		return m.noun() + " · " + status
	}
	switch m.fedState {
	case fedNow:
		return fmt.Sprintf(T("hội viên ngày %s"), m.filter.AsOf)
	case fedFormer:
		return fmt.Sprintf(T("người đã thôi sinh hoạt Hội (đến ngày %s)"), m.filter.AsOf)
	}
	return T("người từng vào Hội")
}

// fedStatus is the Hội viên list's Trạng thái: the Hội membership's, not
// the Union's. An end shows its date alone, which fits the column; the
// reason is on the person's page.
func fedStatus(p *domain.Person) string {
	switch {
	case !p.FederationMember:
		return T(p.Status.Label())
	case p.FederationEnd.IsZero():
		return T("Đang sinh hoạt Hội")
	}
	return fmt.Sprintf(T("Thôi từ %s"), p.FederationEnd)
}
