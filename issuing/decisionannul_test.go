package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestDecisionReprint: a decision printed again from the register is the
// decision as issued (number, date, people as printed, signer, Nơi nhận),
// though the register changed since; it is marked BẢN SAO with "(Đã ký)"
// and takes no number: the outgoing register is as it was.
func TestDecisionReprint(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	w.on(d(2025, 12, 20))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	got, dec, err := IssueDecision(ctx, w.st, DecisionRequest{Dir: w.dir, Decision: domain.Decision{Kind: domain.DecisionAdmission,
		Date: d(2025, 12, 15), People: []domain.DecisionPerson{{PersonID: w.people["F1"].ID}, {PersonID: w.people["F2"].ID}}}})
	must(err)
	original := pdfText(t, got.Path)
	// Since the issue: F1's name corrected (Bảo → Ngọc: by today's name
	// she would come after Bích), the decisions' Nơi nhận changed.
	f1, err := w.st.Person(ctx, w.people["F1"].ID)
	must(err)
	f1.GivenName = "Ngọc"
	must(w.st.SavePerson(ctx, &f1))
	must(w.st.SetRecipients(ctx, string(Decision), "Thường trực Tỉnh Đoàn\nLưu VP"))
	w.on(d(2026, 1, 10))

	for _, req := range []ReprintRequest{{ID: dec.ID}, {Year: 2025, Number: 1}} {
		req.Dir = w.dir
		req.Replace = true
		path, again, err := ReprintDecision(ctx, w.st, req)
		must(err)
		if again.ID != dec.ID {
			t.Errorf("reprint %+v read decision %d, want %d", req, again.ID, dec.ID)
		}
		copyText := pdfText(t, path)
		// The copy is the original with the mark first and "(Đã ký)"
		// over the signer's name, nothing else.
		want := strings.Replace("BẢN SAO "+original, w.people["S2"].FullName(), "(Đã ký) "+w.people["S2"].FullName(), 1)
		if copyText != want {
			t.Errorf("reprint %+v differs from the original:\n got %.2000s\nwant %.2000s", req, copyText, want)
		}
		if strings.Contains(copyText, "Ngọc") || strings.Contains(copyText, "Thường trực Tỉnh Đoàn") {
			t.Errorf("the reprint reads today's register, not the decision as issued")
		}
	}
	docs, err := w.st.Documents(ctx, 2025)
	must(err)
	if next, err := w.st.NextDocumentNumber(ctx, 2025); err != nil || next != 2 || len(docs) != 1 || docs[0].File != got.Path {
		t.Errorf("after the reprints: %d documents of 2025 (%+v), next number %d (%v); want the one original, next 2", len(docs), docs, next, err)
	}
	if _, _, err := ReprintDecision(ctx, w.st, ReprintRequest{Year: 2025, Number: 9, Dir: w.dir}); err == nil {
		t.Error("a reprint of a number no decision has")
	}
}

// TestDecisionAnnul: annulling a decision reverses exactly the events it
// recorded, in one transaction; refused, with nothing changed, when a
// later act depends on it; the number is never given again; a list at a
// day before the annulment shows the decision in force.
func TestDecisionAnnul(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	w.on(d(2025, 12, 20))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st, p := w.st, w.people
	before := countEvents(t, w)
	issue := func(dec domain.Decision) domain.Decision {
		t.Helper()
		_, got, err := IssueDecision(ctx, st, DecisionRequest{Dir: w.dir, Decision: dec})
		must(err)
		return got
	}
	// 1-QĐ: F1 and F2 admitted on 15/12 (two new events); 2-QĐ: M5
	// removed on 16/12 (one); 3-QĐ: M1 exempt from dues 10–12/2025.
	adm := issue(domain.Decision{Kind: domain.DecisionAdmission, Date: d(2025, 12, 15),
		People: []domain.DecisionPerson{{PersonID: p["F1"].ID}, {PersonID: p["F2"].ID}}})
	rem := issue(domain.Decision{Kind: domain.DecisionRemoval, Date: d(2025, 12, 16), Reason: "Bỏ sinh hoạt",
		People: []domain.DecisionPerson{{PersonID: p["M5"].ID}}})
	exe := issue(domain.Decision{Kind: domain.DecisionExemption, Date: d(2025, 12, 16), Reason: "Gia đình khó khăn",
		ExemptFrom: domain.Month{Year: 2025, Month: 10}, ExemptMonths: 3, People: []domain.DecisionPerson{{PersonID: p["M1"].ID}}})
	if n := countEvents(t, w); n != before+3 {
		t.Fatalf("the decisions wrote %d events, want 3", n-before)
	}
	// F2 transferred out on 18/12, after her admission: the annulment is
	// refused naming her and the transfer, and nothing changes (F1's
	// admission, the first row, stays too).
	out := &domain.Event{PersonID: p["F2"].ID, Kind: domain.EventTransferOut, Date: d(2025, 12, 18), Unit: "Đoàn xã Tân Phú"}
	must(st.AddEvent(ctx, out))
	annul := domain.Annulment{Date: d(2025, 12, 20), Reason: "Hồ sơ kết nạp chưa đủ điều kiện", Number: "4-QĐ/ĐTN"}
	err := st.AnnulDecision(ctx, adm.ID, annul)
	if err == nil || !strings.Contains(err.Error(), p["F2"].FullName()) || !strings.Contains(err.Error(), "chuyển sinh hoạt đi ngày 18/12/2025") {
		t.Errorf("annulling an admission whose member has since transferred: %v", err)
	}
	if n := countEvents(t, w); n != before+4 {
		t.Errorf("a refused annulment changed the events: %d new, want 4", n-before)
	}
	if q, _ := st.Person(ctx, p["F1"].ID); !q.UnionMember || q.Status != domain.StatusActive {
		t.Errorf("a refused annulment reversed F1's admission")
	}
	if a, _ := st.Decision(ctx, adm.ID); !a.Annulment.Date.IsZero() {
		t.Errorf("a refused annulment was recorded: %+v", a.Annulment)
	}
	// Without the transfer (entered by mistake) it goes through: F1 and
	// F2 are no longer members, not even before (an annulled admission
	// never made them members), and their admission dates are gone.
	must(st.DeleteEvent(ctx, out.ID))
	must(st.AnnulDecision(ctx, adm.ID, annul))
	if n := countEvents(t, w); n != before+1 {
		t.Errorf("after annulling 1-QĐ: %d new events, want 1 (M5's removal)", n-before)
	}
	for _, k := range []string{"F1", "F2"} {
		q, err := st.Person(ctx, p[k].ID)
		must(err)
		if q.UnionMember || !q.AdmissionDate.IsZero() {
			t.Errorf("%s after the annulment: Union member %v, admitted %s", k, q.UnionMember, q.AdmissionDate)
		}
	}
	// Annulled once only; not before the decision's day; not an election.
	if err := st.AnnulDecision(ctx, adm.ID, annul); err == nil || !strings.Contains(err.Error(), "đã hủy ngày 20/12/2025") {
		t.Errorf("annulling twice: %v", err)
	}
	if err := st.AnnulDecision(ctx, rem.ID, domain.Annulment{Date: d(2025, 12, 10), Reason: "x"}); err == nil ||
		!strings.Contains(err.Error(), "trước ngày quyết định (16/12/2025)") {
		t.Errorf("an annulment before the decision: %v", err)
	}
	// 2-QĐ annulled on 19/12: M5 active again.
	must(st.AnnulDecision(ctx, rem.ID, domain.Annulment{Date: d(2025, 12, 19), Reason: "Đoàn viên đã trở lại sinh hoạt"}))
	if q, _ := st.Person(ctx, p["M5"].ID); q.Status != domain.StatusActive || countEvents(t, w) != before {
		t.Errorf("after annulling the removal: M5 %s, %d new events (want active, 0)", q.Status, countEvents(t, w)-before)
	}
	// 3-QĐ annulled: M1's exemption goes with it (10–12/2025 owed again).
	must(st.AnnulDecision(ctx, exe.ID, domain.Annulment{Date: d(2025, 12, 20), Reason: "Hoàn cảnh đã ổn định"}))
	if ex, _ := st.PersonExemptions(ctx, p["M1"].ID); len(ex) != 0 {
		t.Errorf("M1's exemptions after the annulment: %+v", ex)
	}
	// The numbers stay taken: the next decision of 2025 is 4.
	if next, err := st.NextDocumentNumber(ctx, 2025); err != nil || next != 4 {
		t.Errorf("next number after three annulled decisions: %d, %v; want 4", next, err)
	}
	// The register as of a day: 1-QĐ in force on 19/12, annulled from
	// 20/12 (with its reason and number).
	a, err := st.Decision(ctx, adm.ID)
	must(err)
	if a.Annulled(d(2025, 12, 19)) || !a.Annulled(d(2025, 12, 20)) || a.Annulment.Number != "4-QĐ/ĐTN" || a.Annulment.Reason != annul.Reason {
		t.Errorf("1-QĐ's annulment %+v", a.Annulment)
	}
	// An election is not annulled in the register.
	el := issue(domain.Decision{Kind: domain.DecisionElection, Date: d(2025, 12, 19), BranchID: w.branch["B2"], Term: "2025–2027",
		People: []domain.DecisionPerson{{PersonID: p["M2"].ID, Role: "branch_secretary"}}})
	if err := st.AnnulDecision(ctx, el.ID, annul); err == nil || !strings.Contains(err.Error(), "bầu cử") {
		t.Errorf("annulling an election: %v", err)
	}
}
