package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"sodoan/domain"
)

// duesWard is the hand-built ward of the dues tests: one branch, four
// members of 2026 (rates 2.000 đ without wages, 5.000 đ with):
//   - An, a student: pays the whole year 2026 on 10/01 (24.000 đ, one payment);
//   - Bình, a worker: pays January–March on 15/03 (15.000 đ), exempt
//     April–June by decision 05/QĐ-ĐTN of 01/04;
//   - Cúc, a farmer: pays January on 20/01 (2.000 đ), transfers out on 15/05;
//   - Dũng, a worker: transfers in on 05/02, pays February–March on 28/02
//     (10.000 đ);
//
// and two branch remittances: January's 26.000 đ collected (24.000 +
// 2.000) on 31/01, February's 10.000 đ on 28/02; then the ward's for
// quarter I on 05/04; and a spending of 20.000 đ in the cash book on 15/03.
type duesWard struct {
	s                *Store
	branch           int64
	an, binh, cuc, d int64
}

func newDuesWard(t *testing.T) duesWard {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t)
	b := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: "hamlet", Active: true}
	mustNil(t, s.SaveBranch(ctx, b))
	mk := func(fam, mid, giv string, g domain.Gender, occ domain.Occupation, adm domain.Date) *domain.Person {
		return &domain.Person{FamilyName: fam, MiddleName: mid, GivenName: giv, Gender: g, BirthDate: domain.MustDate(2000, 3, 4),
			Occupation: occ, UnionMember: true, AdmissionDate: adm, BranchID: b.ID}
	}
	an := mk("Lê", "Thị", "An", domain.Female, "student", domain.MustDate(2020, 3, 26))
	binh := mk("Trần", "Văn", "Bình", domain.Male, "worker", domain.MustDate(2019, 3, 26))
	cuc := mk("Phạm", "Thị", "Cúc", domain.Female, "farmer", domain.MustDate(2018, 3, 26))
	mustNil(t, s.AddPeople(ctx, []*domain.Person{an, binh, cuc}))
	d := mk("Võ", "Minh", "Dũng", domain.Male, "worker", domain.Date{})
	mustNil(t, s.AddTransferIn(ctx, d, &domain.Event{Date: domain.MustDate(2026, 2, 5), Unit: "Đoàn phường 2", Admitted: domain.MustDate(2016, 3, 26)}))
	mustNil(t, s.AddEvent(ctx, &domain.Event{PersonID: cuc.ID, Kind: domain.EventTransferOut, Date: domain.MustDate(2026, 5, 15), Unit: "Đoàn xã Tân Phú"}))

	year := func(n int) []domain.Month {
		var out []domain.Month
		for i := range n {
			out = append(out, domain.Month{Year: 2026, Month: i + 1})
		}
		return out
	}
	mustNil(t, s.PayDues(ctx, &domain.DuesPayment{PersonID: an.ID, Date: domain.MustDate(2026, 1, 10), Months: year(12)}))
	mustNil(t, s.PayDues(ctx, &domain.DuesPayment{PersonID: binh.ID, Date: domain.MustDate(2026, 3, 15), Months: year(3)}))
	mustNil(t, s.PayDues(ctx, &domain.DuesPayment{PersonID: cuc.ID, Date: domain.MustDate(2026, 1, 20), Months: year(1)}))
	mustNil(t, s.PayDues(ctx, &domain.DuesPayment{PersonID: d.ID, Date: domain.MustDate(2026, 2, 28), Months: year(3)[1:]}))
	mustNil(t, s.ExemptDues(ctx, &domain.DuesExemption{PersonID: binh.ID, From: domain.Month{Year: 2026, Month: 4}, Months: 3,
		DecisionNumber: "05/QĐ-ĐTN", DecisionDate: domain.MustDate(2026, 4, 1), Reason: "gia đình khó khăn"}))
	for _, r := range []domain.DuesRemittance{
		{Level: domain.RemitBranch, BranchID: b.ID, Year: 2026, Period: 1, Date: domain.MustDate(2026, 1, 31), PaidBy: "Lê Thị An", ReceivedBy: "Nguyễn Văn Thu"},
		{Level: domain.RemitBranch, BranchID: b.ID, Year: 2026, Period: 2, Date: domain.MustDate(2026, 2, 28), PaidBy: "Lê Thị An", ReceivedBy: "Nguyễn Văn Thu"},
		{Level: domain.RemitWard, Year: 2026, Period: 1, Date: domain.MustDate(2026, 4, 5), PaidBy: "Nguyễn Văn Thu", ReceivedBy: "Văn phòng Tỉnh Đoàn"},
	} {
		mustNil(t, s.RemitDues(ctx, &r))
	}
	mustNil(t, s.SaveCashEntry(ctx, &domain.CashEntry{BranchID: b.ID, Date: domain.MustDate(2026, 3, 15), Content: "Mua sổ chi đoàn", Spending: 20000}))
	return duesWard{s: s, branch: b.ID, an: an.ID, binh: binh.ID, cuc: cuc.ID, d: d.ID}
}

// TestDuesWardFigures checks the quarter's figures to the đồng.
func TestDuesWardFigures(t *testing.T) {
	ctx := context.Background()
	w := newDuesWard(t)
	s := w.s

	// Quarter I at 31/03: four members. Owed with wages: Bình 3 × 5.000 +
	// Dũng 2 × 5.000 (not a member at the end of January) = 25.000; without
	// wages: An 3 × 2.000 + Cúc 3 × 2.000 = 12.000; nothing exempt; due
	// 37.000. Collected in the quarter: 24.000 + 15.000 + 2.000 + 10.000 =
	// 51.000. Remitted: January 26.000 → up 8.667 (8.666,67 rounded), kept
	// 17.333; February 10.000 → up 3.333, kept 6.667; together kept 24.000,
	// up 12.000, last on 28/02. The ward's remittance (05/04) is after the
	// cut-off.
	sum, err := s.DuesSummary(ctx, 2026, 1, domain.MustDate(2026, 3, 31))
	mustNil(t, err)
	if len(sum.Rows) != 1 {
		t.Fatalf("rows %+v", sum.Rows)
	}
	want := domain.DuesSummaryRow{BranchID: w.branch, BranchName: "Chi đoàn Khóm 1", Members: 4, OwedWage: 25000, OwedNoWage: 12000,
		Due: 37000, Collected: 51000, Kept: 24000, Up: 12000, Remitted: domain.MustDate(2026, 2, 28)}
	if sum.Rows[0] != want {
		t.Errorf("quarter I:\n got %+v\nwant %+v", sum.Rows[0], want)
	}
	if sum.WardRemit != nil {
		t.Errorf("the ward's remittance of 05/04 shows at 31/03: %+v", sum.WardRemit)
	}
	// At 30/04 the ward's remittance shows: 8.667 + 3.333 = 12.000
	// received, 4.000 up to the Tỉnh Đoàn, 8.000 kept.
	sum, err = s.DuesSummary(ctx, 2026, 1, domain.MustDate(2026, 4, 30))
	mustNil(t, err)
	if r := sum.WardRemit; r == nil || r.Sum != 12000 || r.Up != 4000 || r.Kept != 8000 {
		t.Errorf("the ward's remittance: %+v", r)
	}

	// Quarter II at 30/06: Cúc left on 15/05, so three members at the end.
	// Owed with wages: Bình 15.000 (all exempt) + Dũng 15.000 = 30.000;
	// without wages: An 6.000 + Cúc April 2.000 = 8.000; exempt 15.000;
	// due 23.000; nothing collected in the quarter (An paid in January).
	sum, err = s.DuesSummary(ctx, 2026, 2, domain.MustDate(2026, 6, 30))
	mustNil(t, err)
	want = domain.DuesSummaryRow{BranchID: w.branch, BranchName: "Chi đoàn Khóm 1", Members: 3, OwedWage: 30000, OwedNoWage: 8000,
		Exempt: 15000, Due: 23000}
	if sum.Rows[0] != want {
		t.Errorf("quarter II:\n got %+v\nwant %+v", sum.Rows[0], want)
	}

	// The cash book: 17.333 and 6.667 kept, 20.000 spent: 4.000 left.
	book, err := s.CashBook(ctx, w.branch, domain.MustDate(2026, 1, 1), domain.MustDate(2026, 12, 31))
	mustNil(t, err)
	var bal []int64
	for _, e := range book.Entries {
		bal = append(bal, e.Balance)
	}
	if !slices.Equal(bal, []int64{17333, 24000, 4000}) || book.Receipts != 24000 || book.Spending != 20000 || book.Closing != 4000 {
		t.Errorf("cash book: balances %v, %+v", bal, book)
	}
	if !strings.Contains(book.Entries[0].Content, "2/3 tháng 01/2026") {
		t.Errorf("the kept share's line: %q", book.Entries[0].Content)
	}
	// From 01/03 the two dues lines are brought forward.
	book, err = s.CashBook(ctx, w.branch, domain.MustDate(2026, 3, 1), domain.MustDate(2026, 12, 31))
	mustNil(t, err)
	if book.Opening != 24000 || len(book.Entries) != 1 || book.Closing != 4000 {
		t.Errorf("cash book from 01/03: %+v", book)
	}
}

// TestDuesWardLedger: the grid and the ledger show each month a payment
// covers, M for an exempt month, blank for owed, "–" before a member came.
func TestDuesWardLedger(t *testing.T) {
	ctx := context.Background()
	w := newDuesWard(t)
	l, err := w.s.DuesLedger(ctx, w.branch, 2026, domain.MustDate(2026, 6, 30))
	mustNil(t, err)
	got := map[string]string{}
	for _, r := range l.Rows {
		var cells []string
		for _, c := range r.Cells[:6] {
			cells = append(cells, c.Text())
		}
		got[r.Name] = strings.Join(cells, "|")
	}
	want := map[string]string{
		// Ordered by tên: An, Bình, Cúc, Dũng.
		"Lê Thị An":     "2.000|2.000|2.000|2.000|2.000|2.000",
		"Trần Văn Bình": "5.000|5.000|5.000|M|M|M",
		"Phạm Thị Cúc":  "2.000||||–|–",
		"Võ Minh Dũng":  "–|5.000|5.000|||",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: %q, want %q", name, got[name], w)
		}
	}
	if names := []string{l.Rows[0].Name, l.Rows[1].Name, l.Rows[2].Name, l.Rows[3].Name}; !slices.Equal(names,
		[]string{"Lê Thị An", "Trần Văn Bình", "Phạm Thị Cúc", "Võ Minh Dũng"}) {
		t.Errorf("order %q", names)
	}
	// Totals: An 24.000 (the year, paid ahead), Bình 15.000, Cúc 2.000,
	// Dũng 10.000: 51.000.
	if l.Total() != 51000 || l.Rows[0].Total() != 24000 {
		t.Errorf("ledger total %d, An %d", l.Total(), l.Rows[0].Total())
	}
	// Before An's payment (10/01) her year is not paid.
	l, err = w.s.DuesLedger(ctx, w.branch, 2026, domain.MustDate(2026, 1, 5))
	mustNil(t, err)
	if l.Rows[0].Cells[0].Paid || l.Total() != 0 {
		t.Errorf("at 05/01 the ledger shows %d paid", l.Total())
	}
}

// TestDuesWardUnpaid: the unpaid list, the months paid through, the
// review's months.
func TestDuesWardUnpaid(t *testing.T) {
	ctx := context.Background()
	w := newDuesWard(t)
	s := w.s
	cut := domain.MustDate(2026, 6, 30)
	list, err := s.DuesUnpaidList(ctx, w.branch, 2026, cut)
	mustNil(t, err)
	// Cúc: February–April (a member until 15/05), 3 × 2.000 = 6.000; Dũng:
	// April–June, 3 × 5.000 = 15.000.
	var got []string
	for _, u := range list {
		var ms []string
		for _, m := range u.Months {
			ms = append(ms, m.String())
		}
		got = append(got, u.Name+" "+strings.Join(ms, ",")+" "+domain.Money(u.Amount))
	}
	if want := []string{"Phạm Thị Cúc 02/2026,03/2026,04/2026 6.000", "Võ Minh Dũng 04/2026,05/2026,06/2026 15.000"}; !slices.Equal(got, want) {
		t.Errorf("unpaid %q, want %q", got, want)
	}
	for _, c := range []struct {
		who  int64
		at   domain.Date
		want string
	}{
		{w.an, cut, "12/2026"},                            // paid the year ahead
		{w.an, domain.MustDate(2026, 1, 5), ""},           // not yet
		{w.binh, cut, "06/2026"},                          // the exemption counts
		{w.cuc, cut, "01/2026"},                           // February unpaid
		{w.d, cut, "03/2026"},                             // from February, his first month
		{w.d, domain.MustDate(2026, 2, 27), ""},           // before his payment
		{w.binh, domain.MustDate(2026, 3, 31), "03/2026"}, // the exemption not decided yet
	} {
		m, err := s.PaidThrough(ctx, c.who, c.at)
		mustNil(t, err)
		if m.String() != c.want {
			t.Errorf("person %d at %s: paid through %q, want %q", c.who, c.at, m, c.want)
		}
	}
	ms, err := s.UnpaidMonths(ctx, w.d, 2026, domain.MustDate(2026, 5, 31))
	mustNil(t, err)
	if len(ms) != 2 || ms[0].Month != 4 || ms[1].Month != 5 {
		t.Errorf("Dũng's unpaid months by 31/05: %v", ms)
	}
}

// TestDuesRefusals: an exemption over six months, over a paid month, a
// payment of an exempt or paid month, a grid cell of an exempt month: each
// refused in Vietnamese, and nothing written.
func TestDuesRefusals(t *testing.T) {
	ctx := context.Background()
	w := newDuesWard(t)
	s := w.s
	count := func() (n int) {
		mustNil(t, s.db.QueryRow(`SELECT (SELECT count(*) FROM dues_paid) + (SELECT count(*) FROM dues_exemptions)`).Scan(&n))
		return n
	}
	before := count()
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"7 months", s.ExemptDues(ctx, &domain.DuesExemption{PersonID: w.d, From: domain.Month{Year: 2026, Month: 7}, Months: 7,
			DecisionNumber: "09/QĐ-ĐTN", DecisionDate: domain.MustDate(2026, 7, 1)}), "tối đa 6 tháng"},
		{"paid month", s.ExemptDues(ctx, &domain.DuesExemption{PersonID: w.an, From: domain.Month{Year: 2026, Month: 7}, Months: 2,
			DecisionNumber: "09/QĐ-ĐTN", DecisionDate: domain.MustDate(2026, 7, 1)}), "đã đóng đoàn phí tháng 07/2026"},
		{"no decision", s.ExemptDues(ctx, &domain.DuesExemption{PersonID: w.d, From: domain.Month{Year: 2026, Month: 7}, Months: 2,
			DecisionDate: domain.MustDate(2026, 7, 1)}), "số quyết định"},
		{"exempt month", s.PayDues(ctx, &domain.DuesPayment{PersonID: w.binh, Date: domain.MustDate(2026, 7, 1),
			Months: []domain.Month{{Year: 2026, Month: 6}, {Year: 2026, Month: 7}}}), "đã được miễn đoàn phí tháng 06/2026"},
		{"paid twice", s.PayDues(ctx, &domain.DuesPayment{PersonID: w.d, Date: domain.MustDate(2026, 7, 1),
			Months: []domain.Month{{Year: 2026, Month: 4}, {Year: 2026, Month: 3}}}), "đã đóng đoàn phí tháng 03/2026"},
		{"grid exempt", s.SaveDuesGrid(ctx, domain.DuesGridSave{BranchID: w.branch, Year: 2026, Quarter: 2, Date: domain.MustDate(2026, 6, 10),
			Entries: []domain.DuesGridEntry{{PersonID: w.d, Month: domain.Month{Year: 2026, Month: 4}, Amount: 5000},
				{PersonID: w.binh, Month: domain.Month{Year: 2026, Month: 5}, Amount: 5000}}}), "Dòng 2, Trần Văn Bình: tháng 05/2026 đã được miễn"},
		{"grid outside", s.SaveDuesGrid(ctx, domain.DuesGridSave{BranchID: w.branch, Year: 2026, Quarter: 2, Date: domain.MustDate(2026, 6, 10),
			Entries: []domain.DuesGridEntry{{PersonID: w.d, Month: domain.Month{Year: 2026, Month: 7}, Amount: 5000}}}), "không thuộc quý II/2026"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, c.err, c.want)
		}
	}
	if n := count(); n != before {
		t.Errorf("refusals wrote: %d rows, were %d", n, before)
	}
}

// TestDuesGridSave: a quarter grid saved in one go: new months become one
// payment per member, a corrected amount is changed in place, a cleared
// month removed; the history records each.
func TestDuesGridSave(t *testing.T) {
	ctx := context.Background()
	w := newDuesWard(t)
	s := w.s
	q2 := domain.QuarterMonths(2026, 2)
	mustNil(t, s.SaveDuesGrid(ctx, domain.DuesGridSave{BranchID: w.branch, Year: 2026, Quarter: 2, Date: domain.MustDate(2026, 6, 10),
		Entries: []domain.DuesGridEntry{
			{PersonID: w.d, Month: q2[0], Amount: 5000}, {PersonID: w.d, Month: q2[1], Amount: 5000},
			{PersonID: w.an, Month: q2[2], Amount: 0},    // An's June cleared: her year's payment loses a month
			{PersonID: w.an, Month: q2[1], Amount: 3000}, // May corrected
		}}))
	g, err := s.DuesGrid(ctx, w.branch, 2026, 2, domain.MustDate(2026, 6, 30))
	mustNil(t, err)
	var an, d domain.DuesRow
	for _, r := range g.Rows {
		switch r.PersonID {
		case w.an:
			an = r
		case w.d:
			d = r
		}
	}
	if d.Cells[0].PaymentID == 0 || d.Cells[0].PaymentID != d.Cells[1].PaymentID || !d.Cells[0].Shared || d.Cells[2].Paid {
		t.Errorf("Dũng's April and May are not one payment: %+v", d.Cells)
	}
	if an.Cells[1].Amount != 3000 || an.Cells[2].Paid || !an.Cells[2].Unpaid() || an.Total() != 5000 {
		t.Errorf("An's quarter: %+v", an.Cells)
	}
	// June: An 2.000 and Dũng 5.000 owed.
	ms, err := s.UnpaidMonths(ctx, w.d, 2026, domain.MustDate(2026, 6, 30))
	mustNil(t, err)
	if len(ms) != 1 || ms[0] != q2[2] {
		t.Errorf("Dũng unpaid %v", ms)
	}
	h, err := s.History(ctx, HistoryFilter{Kind: "dues", Limit: 10})
	mustNil(t, err)
	if len(h) < 4 {
		t.Errorf("history of the grid: %d lines", len(h))
	}
}
