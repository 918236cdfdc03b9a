package issuing

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
)

// countEvents counts the register's membership events.
func countEvents(t *testing.T, w *ward) int {
	t.Helper()
	n := 0
	for _, p := range w.people {
		events, err := w.st.Events(context.Background(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		n += len(events)
	}
	return n
}

// TestDecisionRecordsItsEvents: a decision and the events it decides
// are one act. Issued on 20/12/2025 in the fixture ward (whose register
// has no numbered document of 2025 yet: the decision is 1-QĐ/ĐTN).
func TestDecisionRecordsItsEvents(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	w.on(d(2025, 12, 20))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	before := countEvents(t, w)

	// Refused: a removal naming M5 (active) and T1 (transferred out on
	// 10/04/2025): nothing is written, not M5's removal, not the number,
	// not the file.
	_, _, err := IssueDecision(ctx, w.st, DecisionRequest{Dir: w.dir, Decision: domain.Decision{Kind: domain.DecisionRemoval,
		Date: d(2025, 12, 15), Reason: "Bỏ sinh hoạt 3 tháng liền không có lý do",
		People: []domain.DecisionPerson{{PersonID: w.people["M5"].ID}, {PersonID: w.people["T1"].ID}}}})
	if err == nil || !strings.Contains(err.Error(), w.people["T1"].FullName()) || !strings.Contains(err.Error(), "không đang sinh hoạt") {
		t.Fatalf("removal of a transferred member: %v", err)
	}
	if got := countEvents(t, w); got != before {
		t.Errorf("a refused decision wrote %d events", got-before)
	}
	if p, _ := w.st.Person(ctx, w.people["M5"].ID); p.Status != domain.StatusActive {
		t.Errorf("a refused decision left M5 %s", p.Status)
	}
	docs, err := w.st.Documents(ctx, 2025)
	must(err)
	decs, err := w.st.Decisions(ctx, 0)
	must(err)
	files, _ := filepath.Glob(filepath.Join(w.dir, "QD-*.pdf"))
	if len(docs) != 0 || len(decs) != 0 || len(files) != 0 {
		t.Errorf("a refused decision left %d documents, %d decisions, files %v", len(docs), len(decs), files)
	}

	// Admission of F1 and F2 (hội viên, not yet in the Union) and A4
	// (admitted 20/11/2025 with the add form, no decision yet), dated
	// 15/12/2025: two new admissions dated 15/12 with the decision, and
	// A4's admission of 20/11 takes the decision (not recorded twice).
	got, dec, err := IssueDecision(ctx, w.st, DecisionRequest{Dir: w.dir, Decision: domain.Decision{Kind: domain.DecisionAdmission,
		Date:   d(2025, 12, 15),
		People: []domain.DecisionPerson{{PersonID: w.people["F1"].ID}, {PersonID: w.people["F2"].ID}, {PersonID: w.people["A4"].ID}}}})
	must(err)
	if got.Symbol != "1-QĐ/ĐTN" || dec.Number != 1 || dec.Signer != w.people["S2"].FullName() {
		t.Errorf("decision %s (number %d), signer %q; want 1-QĐ/ĐTN signed by S2", got.Symbol, dec.Number, dec.Signer)
	}
	if n := countEvents(t, w); n != before+2 {
		t.Errorf("the admission decision wrote %d events, want 2 (F1, F2; A4's taken)", n-before)
	}
	for key, want := range map[string]domain.Date{"F1": d(2025, 12, 15), "F2": d(2025, 12, 15), "A4": d(2025, 11, 20)} {
		events, err := w.st.Events(ctx, w.people[key].ID)
		must(err)
		last := events[len(events)-1]
		p, err := w.st.Person(ctx, w.people[key].ID)
		must(err)
		if last.Kind != domain.EventAdmission || last.Date != want || last.DecisionID != dec.ID || p.Status != domain.StatusActive || !p.UnionMember {
			t.Errorf("%s: last event %+v, status %s; want admission of %s with decision %d", key, last, p.Status, want, dec.ID)
		}
		mine, err := w.st.PersonDecisions(ctx, p.ID)
		must(err)
		if len(mine) != 1 || mine[0].ID != dec.ID {
			t.Errorf("%s: the member's decisions %+v", key, mine)
		}
	}
	// An event a decision recorded is not deleted on its own.
	events, err := w.st.Events(ctx, w.people["F1"].ID)
	must(err)
	if err := w.st.DeleteEvent(ctx, events[len(events)-1].ID); err == nil || !strings.Contains(err.Error(), "1-QĐ năm 2025") {
		t.Errorf("deleting a decided event: %v", err)
	}
	// The PDF: the official layout and the attached list, names in
	// Vietnamese order (tên: Bảo, Bích, Sang).
	inOrder(t, "admission decision", pdfText(t, got.Path),
		"Số: 1-QĐ/ĐTN", "Phường Hòa Mẫu, ngày 15 tháng 12 năm 2025", "QUYẾT ĐỊNH", "Về việc kết nạp đoàn viên",
		"BAN CHẤP HÀNH ĐOÀN PHƯỜNG HÒA MẪU", "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;", "QUYẾT ĐỊNH:",
		"Điều 1. Kết nạp vào Đoàn TNCS Hồ Chí Minh 3 thanh niên có tên trong danh sách kèm theo, kể từ ngày 15/12/2025.",
		"Điều 2.", "Điều 3.", "Nơi nhận:", "- Như Điều 3;", "- Lưu VP.", "BÍ THƯ", w.people["S2"].FullName(),
		"DANH SÁCH", "(Kèm theo Quyết định số 1-QĐ/ĐTN ngày 15/12/2025", "Nguyễn Văn Bảo", "Lê Thị Bích", "Mai Văn Sang", "Danh sách có 3 người.")

	// The second decision takes the next number of the one sequence:
	// C1's coming of age (recorded 15/03/2025, no decision) is taken;
	// a discipline of khai trừ of M6 on 18/12 records his removal.
	got2, dec2, err := IssueDecision(ctx, w.st, DecisionRequest{Dir: w.dir, Decision: domain.Decision{Kind: domain.DecisionMaturity,
		Date: d(2025, 12, 16), People: []domain.DecisionPerson{{PersonID: w.people["C1"].ID}}}})
	must(err)
	if got2.Symbol != "2-QĐ/ĐTN" || countEvents(t, w) != before+2 {
		t.Errorf("maturity: %s, %d new events; want 2-QĐ/ĐTN and none new", got2.Symbol, countEvents(t, w)-before-2)
	}
	events, err = w.st.Events(ctx, w.people["C1"].ID)
	must(err)
	if last := events[len(events)-1]; last.Kind != domain.EventComingOfAge || last.DecisionID != dec2.ID {
		t.Errorf("C1's coming of age %+v, want decision %d", last, dec2.ID)
	}
	got3, _, err := IssueDecision(ctx, w.st, DecisionRequest{Dir: w.dir, Decision: domain.Decision{Kind: domain.DecisionDiscipline,
		Form: domain.FormExpulsion, Reason: "Vi phạm pháp luật", Date: d(2025, 12, 18), People: []domain.DecisionPerson{{PersonID: w.people["M6"].ID}}}})
	must(err)
	if p, _ := w.st.Person(ctx, w.people["M6"].ID); p.Status != domain.StatusRemoved || countEvents(t, w) != before+3 {
		t.Errorf("khai trừ: M6 %s, %d new events (want removed, 3)", p.Status, countEvents(t, w)-before)
	}
	inOrder(t, "discipline", pdfText(t, got3.Path), "Số: 3-QĐ/ĐTN", "Về việc kỷ luật đoàn viên đối với Ngô Văn Kiên",
		"Điều 1. Thi hành kỷ luật bằng hình thức khai trừ đối với đồng chí Ngô Văn Kiên, sinh ngày 07/07/2002, Chi đoàn Quân sự phường. Lý do: Vi phạm pháp luật.")

	// A commendation needs its form and reason: refused with both named.
	_, _, err = IssueDecision(ctx, w.st, DecisionRequest{Dir: w.dir, Decision: domain.Decision{Kind: domain.DecisionCommendation,
		Date: d(2025, 12, 19), People: []domain.DecisionPerson{{PersonID: w.people["M1"].ID}}}})
	if err == nil || !strings.Contains(err.Error(), "Hình thức") || !strings.Contains(err.Error(), "Lý do") {
		t.Errorf("a commendation without form and reason: %v", err)
	}

	// Election of Chi đoàn Khóm 2's committee on 19/12: M2 secretary, P3
	// deputy, A4 member; each holds the office from that day.
	got4, _, err := IssueDecision(ctx, w.st, DecisionRequest{Dir: w.dir, Decision: domain.Decision{Kind: domain.DecisionElection,
		Date: d(2025, 12, 19), BranchID: w.branch["B2"], Term: "2025–2027",
		People: []domain.DecisionPerson{{PersonID: w.people["A4"].ID, Role: "branch_executive"}, {PersonID: w.people["M2"].ID, Role: "branch_secretary"},
			{PersonID: w.people["P3"].ID, Role: "branch_deputy"}}}})
	must(err)
	pos, err := w.st.Positions(ctx, w.people["M2"].ID)
	must(err)
	if len(pos) != 1 || pos[0].Kind != "branch_secretary" || pos[0].Start != d(2025, 12, 19) || pos[0].BranchID != w.branch["B2"] {
		t.Errorf("M2's offices %+v", pos)
	}
	inOrder(t, "election", pdfText(t, got4.Path), "Số: 4-QĐ/ĐTN",
		"Về việc chuẩn y kết quả bầu cử Ban Chấp hành Chi đoàn Khóm 2 nhiệm kỳ 2025–2027",
		"Chuẩn y Ban Chấp hành Chi đoàn Khóm 2 nhiệm kỳ 2025–2027 gồm 3 đồng chí",
		"Nguyễn Thị Cúc", "Bí thư chi đoàn", "Dương Thị Mơ", "Phó Bí thư chi đoàn", "Mai Văn Sang", "Ủy viên Ban Chấp hành chi đoàn")
	// Miễn đoàn phí: 7 months is refused (at most 6, the dues rules'
	// default) with nothing written; 3 months from 10/2025 for M1 records
	// one exemption carrying the decision's number 5-QĐ/ĐTN and date.
	exempt := func(months int) (Issued, error) {
		got, _, err := IssueDecision(ctx, w.st, DecisionRequest{Dir: w.dir, Decision: domain.Decision{Kind: domain.DecisionExemption,
			Date: d(2025, 12, 19), Reason: "Gia đình khó khăn", ExemptFrom: domain.Month{Year: 2025, Month: 10}, ExemptMonths: months,
			People: []domain.DecisionPerson{{PersonID: w.people["M1"].ID}}}})
		return got, err
	}
	if _, err := exempt(7); err == nil || !strings.Contains(err.Error(), "tối đa 6 tháng") {
		t.Errorf("an exemption of 7 months: %v", err)
	}
	if ex, _ := w.st.PersonExemptions(ctx, w.people["M1"].ID); len(ex) != 0 {
		t.Errorf("a refused exemption wrote %+v", ex)
	}
	got5, err := exempt(3)
	must(err)
	ex, err := w.st.PersonExemptions(ctx, w.people["M1"].ID)
	must(err)
	if len(ex) != 1 || ex[0].DecisionNumber != "5-QĐ/ĐTN" || ex[0].DecisionDate != d(2025, 12, 19) || ex[0].Months != 3 ||
		ex[0].From != (domain.Month{Year: 2025, Month: 10}) {
		t.Errorf("M1's exemptions %+v, want 3 months from 10/2025 by 5-QĐ/ĐTN of 19/12/2025", ex)
	}
	contains(t, "exemption", pdfText(t, got5.Path), "Số: 5-QĐ/ĐTN", "Về việc miễn đoàn phí",
		"Miễn đoàn phí cho đồng chí Nguyễn Văn Bình, sinh ngày 02/02/2000, Chi đoàn Khóm 1 trong 3 tháng, từ tháng 10/2025 đến hết tháng 12/2025. Lý do: Gia đình khó khăn.")
	all, err := w.st.Decisions(ctx, 2025)
	must(err)
	if len(all) != 5 {
		t.Errorf("%d decisions of 2025, want 5", len(all))
	}
	if _, err := os.Stat(got.Path); err != nil {
		t.Error(err)
	}

	// A decision signed on paper in 2024, entered with its number 7,
	// takes its events and no entry in the outgoing register; the
	// sequence of 2024 goes past it (next 8) and the number is not given
	// twice.
	paper := &domain.Decision{Kind: domain.DecisionAdmission, Date: d(2024, 3, 26), Number: 7,
		People: []domain.DecisionPerson{{PersonID: w.people["P1"].ID}, {PersonID: w.people["P4"].ID}}}
	must(w.st.RecordPaperDecision(ctx, paper))
	if next, err := w.st.NextDocumentNumber(ctx, 2024); err != nil || next != 8 {
		t.Errorf("next number of 2024 after paper decision 7: %d, %v", next, err)
	}
	if docs, _ := w.st.Documents(ctx, 2024); len(docs) != 0 {
		t.Errorf("a paper decision entered the outgoing register: %+v", docs)
	}
	events, err = w.st.Events(ctx, w.people["P4"].ID)
	must(err)
	if events[0].Kind != domain.EventAdmission || events[0].DecisionID != paper.ID || len(events) != 1 {
		t.Errorf("P4's events after the paper decision: %+v", events)
	}
	again := &domain.Decision{Kind: domain.DecisionCommendation, Form: "giay_khen", Reason: "Thành tích", Date: d(2024, 5, 1), Number: 7,
		People: []domain.DecisionPerson{{PersonID: w.people["M1"].ID}}}
	if err := w.st.RecordPaperDecision(ctx, again); err == nil || !strings.Contains(err.Error(), "số 7 năm 2024 đã cấp") {
		t.Errorf("number 7 of 2024 given twice: %v", err)
	}
}
