package ui

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

// The Hội-end dialog: a save without a reason is refused under Lý do and
// writes nothing; with one, the end is recorded and the page reopens.
func TestFederationEndDialog(t *testing.T) {
	f := newFixture(t, "members")
	ctx := context.Background()
	people, err := f.st.ListMembers(ctx, store.MemberFilter{Kind: store.KindUnion, Limit: 1})
	if err != nil || len(people) == 0 {
		t.Fatal("no member", err)
	}
	p := people[0]
	p.FederationMember, p.FederationDate = true, domain.MustDate(2020, 1, 1)
	if err := f.st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	reopened := 0
	fm := federationEndDialog(ctx, f.st, f.app, f.app.win, domain.MustDate(2026, 11, 30), &p, func() { reopened++ })
	date, reason := fm.fields[0].input.(*entry), fm.fields[1].input.(*choiceSelect)
	date.SetText("01/11/2026")
	f.app.shortcutSave()
	if len(f.app.dialogs) != 1 || reopened != 0 {
		t.Fatal("the dialog closed without a reason")
	}
	if msg := fm.fields[1].err.msg(); msg != "chọn một lý do trong danh mục" || !fm.fields[1].err.Visible() {
		t.Errorf("message under Lý do: %q", msg)
	}
	if got, _ := f.st.Person(ctx, p.ID); !got.FederationEnd.IsZero() {
		t.Fatalf("a refused end was written: %s", got.FederationEnd)
	}
	reason.setCode(string(domain.FederationEndAge))
	f.app.shortcutSave()
	if len(f.app.dialogs) != 0 || reopened != 1 {
		t.Fatalf("the dialog stayed open (%d) or the page did not reopen (%d)", len(f.app.dialogs), reopened)
	}
	got, _ := f.st.Person(ctx, p.ID)
	if got.FederationEnd != domain.MustDate(2026, 11, 1) || got.FederationEndReason != domain.FederationEndAge {
		t.Errorf("recorded end %s (%q)", got.FederationEnd, got.FederationEndReason)
	}
	if span := federationSpan(&got); !strings.Contains(span, "thôi sinh hoạt Hội từ 01/11/2026: Quá tuổi hội viên") {
		t.Errorf("the page shows %q", span)
	}
}

// The transfer-in dialog offers the admission date and card the member
// had, and records them with the transfer: her Ngày vào Đoàn stays.
func TestTransferInDialogKeepsAdmission(t *testing.T) {
	f := newFixture(t, "members")
	ctx := context.Background()
	people, err := f.st.ListMembers(ctx, store.MemberFilter{Kind: store.KindUnion, Limit: 1})
	if err != nil || len(people) == 0 {
		t.Fatal("no member", err)
	}
	p := people[0]
	if err := f.st.AddEvent(ctx, &domain.Event{PersonID: p.ID, Kind: domain.EventTransferOut, Date: domain.MustDate(2025, 1, 10), Unit: "Đoàn phường 2"}); err != nil {
		t.Fatal(err)
	}
	fm := transferInDialog(ctx, f.st, f.app, f.app.win, domain.MustDate(2026, 11, 30), &p, func() {})
	byName := map[string]*field{}
	for _, fd := range fm.fields {
		byName[fd.name] = fd
	}
	if got := byName["Admitted"].input.(*entry).Text; got != "26/03/2018" {
		t.Errorf("Ngày vào Đoàn (gốc) offered %q, want her own 26/03/2018", got)
	}
	if got := byName["Card"].input.(*entry).Text; got != p.CardNumber {
		t.Errorf("card offered %q, want %q", got, p.CardNumber)
	}
	byName["Unit"].input.(*entry).SetText("Đoàn phường 2")
	// An admission after the transfer is refused under its field.
	byName["Admitted"].input.(*entry).SetText("01/12/2026")
	f.app.shortcutSave()
	if msg := byName["Admitted"].err.msg(); len(f.app.dialogs) != 1 || msg != "01/12/2026 sau ngày chuyển đến 30/11/2026" {
		t.Fatalf("an admission after the transfer was taken (dialogs %d, message %q)", len(f.app.dialogs), msg)
	}
	byName["Admitted"].input.(*entry).SetText("26/03/2018")
	f.app.shortcutSave()
	if len(f.app.dialogs) != 0 {
		t.Fatal("the dialog stayed open")
	}
	got, _ := f.st.Person(ctx, p.ID)
	if got.Status != domain.StatusActive || got.AdmissionDate != domain.MustDate(2018, 3, 26) {
		t.Errorf("after the transfer in: %s, admitted %s", got.Status, got.AdmissionDate)
	}
}
