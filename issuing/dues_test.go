package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// duesBranch adds to the fixture ward a branch of four members with a
// year of dues, as the store's dues tests build it (rates 2.000 đ without
// wages, 5.000 đ with):
//   - An, a student: pays the whole of 2026 on 10/01 (24.000 đ, one payment);
//   - Bình, a worker: pays January–March on 15/03 (15.000 đ), exempt
//     April–June by decision 05/QĐ-ĐTN of 01/04;
//   - Cúc, a farmer: pays January on 20/01 (2.000 đ), transfers out 15/05;
//   - Dũng, a worker: transfers in on 05/02, pays February–March on 28/02;
//
// the branch remits January's 26.000 đ on 31/01 and February's 10.000 đ
// on 28/02; the ward remits quarter I on 05/04.
func duesBranch(t *testing.T, w *ward) (branch int64, people map[string]int64) {
	t.Helper()
	ctx := context.Background()
	st := w.st
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	b := &domain.Branch{Name: "Chi đoàn Khóm 9", Kind: domain.BranchHamlet, Active: true}
	must(st.SaveBranch(ctx, b))
	mk := func(fam, mid, giv string, g domain.Gender, occ domain.Occupation, adm domain.Date) *domain.Person {
		return &domain.Person{FamilyName: fam, MiddleName: mid, GivenName: giv, Gender: g, BirthDate: d(2000, 3, 4),
			Occupation: occ, UnionMember: true, AdmissionDate: adm, BranchID: b.ID}
	}
	an := mk("Lê", "Thị", "An", domain.Female, "student", d(2020, 3, 26))
	binh := mk("Trần", "Văn", "Bình", domain.Male, "worker", d(2019, 3, 26))
	cuc := mk("Phạm", "Thị", "Cúc", domain.Female, "farmer", d(2018, 3, 26))
	must(st.AddPeople(ctx, []*domain.Person{an, binh, cuc}))
	dung := mk("Võ", "Minh", "Dũng", domain.Male, "worker", domain.Date{})
	must(st.AddTransferIn(ctx, dung, &domain.Event{Date: d(2026, 2, 5), Unit: "Đoàn phường 2", Admitted: d(2016, 3, 26)}))
	must(st.AddEvent(ctx, &domain.Event{PersonID: cuc.ID, Kind: domain.EventTransferOut, Date: d(2026, 5, 15), Unit: "Đoàn xã Tân Phú"}))
	months := func(from, n int) []domain.Month {
		var out []domain.Month
		for i := range n {
			out = append(out, domain.Month{Year: 2026, Month: from + i})
		}
		return out
	}
	must(st.PayDues(ctx, &domain.DuesPayment{PersonID: an.ID, Date: d(2026, 1, 10), Months: months(1, 12)}))
	must(st.PayDues(ctx, &domain.DuesPayment{PersonID: binh.ID, Date: d(2026, 3, 15), Months: months(1, 3)}))
	must(st.PayDues(ctx, &domain.DuesPayment{PersonID: cuc.ID, Date: d(2026, 1, 20), Months: months(1, 1)}))
	must(st.PayDues(ctx, &domain.DuesPayment{PersonID: dung.ID, Date: d(2026, 2, 28), Months: months(2, 2)}))
	must(st.ExemptDues(ctx, &domain.DuesExemption{PersonID: binh.ID, From: domain.Month{Year: 2026, Month: 4}, Months: 3,
		DecisionNumber: "05/QĐ-ĐTN", DecisionDate: d(2026, 4, 1), Reason: "gia đình khó khăn"}))
	for _, r := range []domain.DuesRemittance{
		{Level: domain.RemitBranch, BranchID: b.ID, Year: 2026, Period: 1, Date: d(2026, 1, 31), PaidBy: "Lê Thị An", ReceivedBy: "Nguyễn Văn Thu"},
		{Level: domain.RemitBranch, BranchID: b.ID, Year: 2026, Period: 2, Date: d(2026, 2, 28), PaidBy: "Lê Thị An", ReceivedBy: "Nguyễn Văn Thu"},
		{Level: domain.RemitWard, Year: 2026, Period: 1, Date: d(2026, 4, 5), PaidBy: "Nguyễn Văn Thu", ReceivedBy: "Văn phòng Tỉnh Đoàn"},
	} {
		must(st.RemitDues(ctx, &r))
	}
	return b.ID, map[string]int64{"An": an.ID, "Bình": binh.ID, "Cúc": cuc.ID, "Dũng": dung.ID}
}

// TestDuesDocuments reads the three dues documents and the transfer
// letter's dues line back with pdftotext against the hand computation.
func TestDuesDocuments(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	branch, people := duesBranch(t, w)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	// The summary of quarter I at 31/03: four members; owed with wages
	// Bình 3 × 5.000 + Dũng 2 × 5.000 = 25.000, without wages An 3 × 2.000
	// + Cúc 3 × 2.000 = 12.000, nobody abroad (0), nothing exempt, due 37.000; collected in the
	// quarter 24.000 + 15.000 + 2.000 + 10.000 = 51.000; January's 26.000
	// passes up 8.667 (8.666,67 rounded) and keeps 17.333, February's
	// 10.000 passes 3.333 and keeps 6.667: kept 24.000, up 12.000, the
	// last on 28/02. The ward's remittance of 05/04 is not yet in.
	sum, err := Issue(ctx, w.st, Request{Kind: DuesSummary, Year: 2026, Quarter: 1, Date: d(2026, 3, 31), Dir: w.dir})
	must(err)
	text := pdfText(t, sum.Path)
	inOrder(t, "summary", text, "BẢNG TỔNG HỢP", "Thu, nộp đoàn phí quý I năm 2026", "Số liệu đến ngày 31/03/2026",
		"Chi đoàn Khóm 9 4 25.000 12.000 0 0 37.000 51.000 24.000 12.000 28/02/2026", "Tổng cộng",
		"chưa nộp đoàn phí quý I lên cấp trên (phải nộp 1/3: 4.000 đồng, giữ lại 2/3: 8.000 đồng)", "TM. BAN CHẤP HÀNH")
	if !strings.HasPrefix(sum.Symbol, "") || sum.Doc.Number == 0 {
		t.Errorf("the summary took no number: %+v", sum)
	}
	// Issued on 10/04 for the same quarter (cut-off the quarter's end),
	// the ward's remittance shows: 12.000 received, 4.000 passed up, 8.000
	// kept.
	sum2, err := Issue(ctx, w.st, Request{Kind: DuesSummary, Year: 2026, Quarter: 1, Date: d(2026, 4, 10), Cutoff: d(2026, 4, 10), Dir: w.dir})
	must(err)
	contains(t, "summary at 10/04", pdfText(t, sum2.Path), "nhận từ các chi đoàn 12.000 đồng; ngày 05/04/2026 nộp lên 1/3 4.000 đồng",
		"người nhận: Văn phòng Tỉnh Đoàn", "giữ lại 2/3 8.000 đồng")

	// The ledger of 2026 at 30/06: An's twelve months, Bình's exemption,
	// Cúc gone from May, Dũng from February, the months after the cut-off
	// blank; totals 24.000, 15.000, 2.000, 10.000: 51.000; by month:
	// January An 2.000 + Bình 5.000 + Cúc 2.000 = 9.000, February and
	// March 2.000 + 5.000 + 5.000 = 12.000, then An's 2.000 alone.
	led, err := Issue(ctx, w.st, Request{Kind: DuesLedger, BranchID: branch, Year: 2026, Date: d(2026, 6, 30), Dir: w.dir})
	must(err)
	text = pdfText(t, led.Path)
	inOrder(t, "ledger", text, "SỔ THU ĐOÀN PHÍ", "Chi đoàn Khóm 9 năm 2026",
		"1 Lê Thị An Không lương"+strings.Repeat(" 2.000", 12)+" 24.000",
		"2 Trần Văn Bình Có lương 5.000 5.000 5.000 M M M 15.000",
		"3 Phạm Thị Cúc Không lương 2.000 – – 2.000",
		"4 Võ Minh Dũng Có lương – 5.000 5.000 10.000",
		"Cộng 9.000 12.000 12.000 2.000 2.000 2.000 2.000 2.000 2.000 2.000 2.000 2.000 51.000",
		"Tổng cộng: 4 đoàn viên, đã thu 51.000 đồng.")

	// Not paid by 30/06: Cúc February–April (6.000), Dũng April–June
	// (15.000): 21.000.
	un, err := Issue(ctx, w.st, Request{Kind: DuesUnpaid, BranchID: branch, Year: 2026, Date: d(2026, 6, 30), Dir: w.dir})
	must(err)
	inOrder(t, "unpaid", pdfText(t, un.Path), "DANH SÁCH", "Đoàn viên chưa đóng đoàn phí năm 2026 – Chi đoàn Khóm 9",
		"1 Phạm Thị Cúc Không lương 02/2026, 03/2026, 04/2026 6.000",
		"2 Võ Minh Dũng Có lương 04/2026, 05/2026, 06/2026 15.000",
		"Tổng cộng: 2 đoàn viên chưa đóng, số tiền 21.000 đồng.")

	// The transfer letters: Dũng on 30/06 has paid through March; An,
	// whose year was paid on 10/01, through December.
	for name, want := range map[string]string{"Dũng": "03/2026", "An": "12/2026"} {
		tr, err := Issue(ctx, w.st, Request{Kind: Transfer, MemberID: people[name], To: "Đoàn phường 2", Date: d(2026, 6, 30), Dir: w.dir})
		must(err)
		inOrder(t, "letter "+name, pdfText(t, tr.Path), "Đang sinh hoạt tại: Chi đoàn Khóm 9",
			"Đã đóng đoàn phí đến hết tháng "+want+".", "Được chuyển sinh hoạt Đoàn đến: Đoàn phường 2.")
	}
	// A letter dated before any payment leaves the month to fill by hand.
	tr, err := Issue(ctx, w.st, Request{Kind: Transfer, MemberID: people["Dũng"], To: "Đoàn phường 3", Date: d(2026, 2, 20), Dir: w.dir, Draft: true})
	must(err)
	contains(t, "letter before payment", pdfText(t, tr.Path), "Đã đóng đoàn phí đến hết tháng ......./...........")
}
