package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"
)

// datedWard is the hand-built ward of the dated dues tests: two branches,
// Khóm 1 (A) and Khóm 2 (B), year 2026, the default rates (2.000 đ
// without wages, 5.000 đ with) and, from 01/07/2026, a member abroad
// paying at least 10.000 đ (the abroad rate dated like the others):
//   - Mai (A), a student (không hưởng lương), starts work on 15/06: the
//     form saves her occupation "worker" from 15/06. June is counted on
//     its last day, so January–May at 2.000, June on at 5.000. She pays
//     January–June on 20/06 in one payment: 5 × 2.000 + 5.000 = 15.000.
//   - Nam (A, worker) pays January–March on 25/03 in A (15.000), moves to
//     B from 10/07 (July is B's: on 31/07 he is in B), pays July–September
//     on 25/09 in B (15.000). April–June stay unpaid, in A's books.
//   - Oanh (B) lives abroad (category set by hand): pays January–June on
//     30/06 (6 × 5.000 = 30.000); July–September unpaid at 10.000.
//   - Phúc (B, worker) pays January–March on 31/03 (15.000), is exempted
//     April–June by decision 07/QĐ-ĐTN of 01/04, pays July on 31/07
//     (5.000); August and September unpaid.
//
// Remittances: A for June (15.000 collected in June → up 5.000, kept
// 10.000, on 30/06); B for June (30.000 → up 10.000, kept 20.000, on
// 30/06), July (5.000 → up 1.667 = 1.666,67 rounded, kept 3.333, on
// 31/07), September (15.000 → up 5.000, kept 10.000, on 30/09).
type datedWard struct {
	s                    *Store
	a, b                 int64
	mai, nam, oanh, phuc int64
}

func newDatedWard(t *testing.T) datedWard {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t)
	a := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: "hamlet", Active: true}
	b := &domain.Branch{Name: "Chi đoàn Khóm 2", Kind: "hamlet", Active: true}
	mustNil(t, s.SaveBranch(ctx, a))
	mustNil(t, s.SaveBranch(ctx, b))
	r := domain.DefaultDuesRules()
	r.From, r.Abroad = domain.MustDate(2026, 7, 1), 10000
	mustNil(t, s.SaveDuesRules(ctx, &r))
	mk := func(giv string, g domain.Gender, occ domain.Occupation, branch int64) *domain.Person {
		return &domain.Person{FamilyName: "Lê", MiddleName: "Thị", GivenName: giv, Gender: g, BirthDate: domain.MustDate(2000, 3, 4),
			Occupation: occ, UnionMember: true, AdmissionDate: domain.MustDate(2016, 3, 26), BranchID: branch}
	}
	mai := mk("Mai", domain.Female, "student", a.ID)
	nam := mk("Nam", domain.Male, "worker", a.ID)
	oanh := mk("Oanh", domain.Female, "worker", b.ID)
	oanh.DuesCategory = domain.DuesAbroad
	phuc := mk("Phúc", domain.Male, "worker", b.ID)
	mustNil(t, s.AddPeople(ctx, []*domain.Person{mai, nam, oanh, phuc}))

	// Mai starts work on 15/06; Nam moves to B from 10/07.
	mai.Occupation, mai.ChangesFrom = "worker", domain.MustDate(2026, 6, 15)
	mustNil(t, s.SavePerson(ctx, mai))
	nam.BranchID, nam.ChangesFrom = b.ID, domain.MustDate(2026, 7, 10)
	mustNil(t, s.SavePerson(ctx, nam))

	months := func(from, to int) []domain.Month {
		var out []domain.Month
		for m := from; m <= to; m++ {
			out = append(out, domain.Month{Year: 2026, Month: m})
		}
		return out
	}
	pay := func(id, branch int64, day domain.Date, from, to int) {
		t.Helper()
		mustNil(t, s.PayDues(ctx, &domain.DuesPayment{PersonID: id, BranchID: branch, Date: day, Months: months(from, to)}))
	}
	pay(mai.ID, 0, domain.MustDate(2026, 6, 20), 1, 6)
	pay(nam.ID, a.ID, domain.MustDate(2026, 3, 25), 1, 3)
	pay(nam.ID, 0, domain.MustDate(2026, 9, 25), 7, 9)
	pay(oanh.ID, 0, domain.MustDate(2026, 6, 30), 1, 6)
	pay(phuc.ID, 0, domain.MustDate(2026, 3, 31), 1, 3)
	pay(phuc.ID, 0, domain.MustDate(2026, 7, 31), 7, 7)
	mustNil(t, s.ExemptDues(ctx, &domain.DuesExemption{PersonID: phuc.ID, From: domain.Month{Year: 2026, Month: 4}, Months: 3,
		DecisionNumber: "07/QĐ-ĐTN", DecisionDate: domain.MustDate(2026, 4, 1), Reason: "ốm dài ngày"}))
	for _, r := range []domain.DuesRemittance{
		{Level: domain.RemitBranch, BranchID: a.ID, Year: 2026, Period: 6, Date: domain.MustDate(2026, 6, 30), PaidBy: "Lê Thị Mai", ReceivedBy: "Nguyễn Văn Thu"},
		{Level: domain.RemitBranch, BranchID: b.ID, Year: 2026, Period: 6, Date: domain.MustDate(2026, 6, 30), PaidBy: "Lê Thị Oanh", ReceivedBy: "Nguyễn Văn Thu"},
		{Level: domain.RemitBranch, BranchID: b.ID, Year: 2026, Period: 7, Date: domain.MustDate(2026, 7, 31), PaidBy: "Lê Thị Oanh", ReceivedBy: "Nguyễn Văn Thu"},
		{Level: domain.RemitBranch, BranchID: b.ID, Year: 2026, Period: 9, Date: domain.MustDate(2026, 9, 30), PaidBy: "Lê Thị Oanh", ReceivedBy: "Nguyễn Văn Thu"},
	} {
		mustNil(t, s.RemitDues(ctx, &r))
	}
	return datedWard{s: s, a: a.ID, b: b.ID, mai: mai.ID, nam: nam.ID, oanh: oanh.ID, phuc: phuc.ID}
}

// TestDatedDuesSummary checks the quarter summaries to the đồng.
func TestDatedDuesSummary(t *testing.T) {
	ctx := context.Background()
	w := newDatedWard(t)
	a, b := "Chi đoàn Khóm 1", "Chi đoàn Khóm 2"
	tests := []struct {
		quarter int
		cutoff  domain.Date
		want    []domain.DuesSummaryRow // A, B, total
	}{
		// Quarter II at 30/06. A: Mai and Nam at the end (Nam moves in
		// July). Owed with wages: Mai June 5.000 + Nam 3 × 5.000 = 20.000;
		// without wages: Mai April, May 2 × 2.000 = 4.000; due 24.000.
		// Collected by A in the quarter: Mai's 15.000 (20/06). June's
		// remittance: 15.000 → up 5.000, kept 10.000.
		// B: Oanh and Phúc. With wages: Phúc 15.000, all exempt; abroad:
		// Oanh 3 × 5.000 (the rate before July) = 15.000; due 15.000.
		// Collected: Oanh's 30.000; remitted 30.000 → up 10.000, kept
		// 20.000.
		{2, domain.MustDate(2026, 6, 30), []domain.DuesSummaryRow{
			{BranchID: w.a, BranchName: a, Members: 2, OwedWage: 20000, OwedNoWage: 4000, Due: 24000, Collected: 15000,
				Kept: 10000, Up: 5000, Remitted: domain.MustDate(2026, 6, 30)},
			{BranchID: w.b, BranchName: b, Members: 2, OwedWage: 15000, OwedAbroad: 15000, Exempt: 15000, Due: 15000, Collected: 30000,
				Kept: 20000, Up: 10000, Remitted: domain.MustDate(2026, 6, 30)},
			{BranchName: "Tổng cộng", Members: 4, OwedWage: 35000, OwedNoWage: 4000, OwedAbroad: 15000, Exempt: 15000, Due: 39000,
				Collected: 45000, Kept: 30000, Up: 15000, Remitted: domain.MustDate(2026, 6, 30)},
		}},
		// Quarter III at 30/09. A: Mai alone, 3 × 5.000 = 15.000 with
		// wages; nothing collected or remitted. B: Nam, Oanh, Phúc. With
		// wages: Nam 15.000 + Phúc 15.000 = 30.000; abroad: Oanh 3 ×
		// 10.000 = 30.000; due 60.000. Collected: Phúc's 5.000 (31/07) +
		// Nam's 15.000 (25/09) = 20.000. Remitted: July 5.000 → up 1.667,
		// kept 3.333; September 15.000 → up 5.000, kept 10.000; together
		// up 6.667, kept 13.333, last on 30/09.
		{3, domain.MustDate(2026, 9, 30), []domain.DuesSummaryRow{
			{BranchID: w.a, BranchName: a, Members: 1, OwedWage: 15000, Due: 15000},
			{BranchID: w.b, BranchName: b, Members: 3, OwedWage: 30000, OwedAbroad: 30000, Due: 60000, Collected: 20000,
				Kept: 13333, Up: 6667, Remitted: domain.MustDate(2026, 9, 30)},
			{BranchName: "Tổng cộng", Members: 4, OwedWage: 45000, OwedAbroad: 30000, Due: 75000, Collected: 20000,
				Kept: 13333, Up: 6667, Remitted: domain.MustDate(2026, 9, 30)},
		}},
	}
	for _, tt := range tests {
		sum, err := w.s.DuesSummary(ctx, 2026, tt.quarter, tt.cutoff)
		mustNil(t, err)
		got := append(slices.Clone(sum.Rows), sum.Total)
		if len(got) != len(tt.want) {
			t.Fatalf("quarter %d: rows %+v", tt.quarter, got)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("quarter %d, row %d:\n got %+v\nwant %+v", tt.quarter, i, got[i], tt.want[i])
			}
		}
	}
}

// TestDatedDuesLedgers checks each branch's Sổ thu đoàn phí at 30/09:
// every month in the branch the member belonged to that month, at the
// category in force then.
func TestDatedDuesLedgers(t *testing.T) {
	ctx := context.Background()
	w := newDatedWard(t)
	cut := domain.MustDate(2026, 9, 30)
	texts := func(r domain.DuesRow) string {
		out := make([]string, len(r.Cells))
		for i, c := range r.Cells {
			out[i] = c.Text()
			if out[i] == "" {
				out[i] = "_"
			}
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		branch int64
		rows   map[string]string // the twelve cells ("_": blank)
		cats   map[string]string
		total  int64
	}{
		// A: Mai January–May 2.000, June 5.000, July–September owed and
		// blank, October on not yet due (blank); Nam January–March 5.000,
		// April–June blank, then "–" (B's months). Paid: 15.000 + 15.000.
		{w.a, map[string]string{
			"Lê Thị Mai": "2.000 2.000 2.000 2.000 2.000 5.000 _ _ _ _ _ _",
			"Lê Thị Nam": "5.000 5.000 5.000 _ _ _ – – – – – –",
		}, map[string]string{"Lê Thị Mai": "Không hưởng lương (T1–T5); Hưởng lương (T6–T9)", "Lê Thị Nam": "Hưởng lương"}, 30000},
		// B: Nam "–" until June, July–September 5.000; Oanh January–June
		// 5.000, July–September blank; Phúc January–March 5.000, M for
		// April–June, July 5.000, August–September blank. Paid: 15.000 +
		// 30.000 + 20.000 = 65.000.
		{w.b, map[string]string{
			"Lê Thị Nam":  "– – – – – – 5.000 5.000 5.000 _ _ _",
			"Lê Thị Oanh": "5.000 5.000 5.000 5.000 5.000 5.000 _ _ _ _ _ _",
			"Lê Thị Phúc": "5.000 5.000 5.000 M M M 5.000 _ _ _ _ _",
		}, map[string]string{"Lê Thị Nam": "Hưởng lương", "Lê Thị Oanh": "Ở nước ngoài", "Lê Thị Phúc": "Hưởng lương"}, 65000},
	}
	for _, tt := range tests {
		l, err := w.s.DuesLedger(ctx, tt.branch, 2026, cut)
		mustNil(t, err)
		if len(l.Rows) != len(tt.rows) {
			t.Errorf("%s: %d rows, want %d", l.BranchName, len(l.Rows), len(tt.rows))
		}
		for _, r := range l.Rows {
			if got := texts(r); got != tt.rows[r.Name] {
				t.Errorf("%s, %s:\n got %s\nwant %s", l.BranchName, r.Name, got, tt.rows[r.Name])
			}
			if got := r.CategoryText(l.Months, domain.DuesCategory.Label); got != tt.cats[r.Name] {
				t.Errorf("%s, %s: category %q, want %q", l.BranchName, r.Name, got, tt.cats[r.Name])
			}
		}
		if l.Total() != tt.total {
			t.Errorf("%s: total %d, want %d", l.BranchName, l.Total(), tt.total)
		}
	}
	// Oanh's July at the abroad rate of 01/07 (10.000), June at the old
	// one; Mai's June at the rate with wages.
	l, err := w.s.DuesLedger(ctx, w.b, 2026, cut)
	mustNil(t, err)
	for _, r := range l.Rows {
		if r.Name == "Lê Thị Oanh" && (r.Cells[5].Rate != 5000 || r.Cells[6].Rate != 10000 || r.Cells[6].Category != domain.DuesAbroad) {
			t.Errorf("Oanh's June and July: %+v %+v", r.Cells[5], r.Cells[6])
		}
	}
}

// TestDatedDuesUnpaidAndReview: Danh sách chưa đóng at 30/09 puts each
// unpaid month in the branch the member belonged to that month; the "cần
// xem xét" list counts a member's months across both branches.
func TestDatedDuesUnpaidAndReview(t *testing.T) {
	ctx := context.Background()
	w := newDatedWard(t)
	cut := domain.MustDate(2026, 9, 30)
	list, err := w.s.DuesUnpaidList(ctx, 0, 2026, cut)
	mustNil(t, err)
	// A: Mai July–September 3 × 5.000 = 15.000; Nam April–June 3 × 5.000
	// = 15.000. B: Oanh July–September 3 × 10.000 = 30.000; Phúc August,
	// September 2 × 5.000 = 10.000.
	type line struct {
		name, branch, months string
		amount               int64
	}
	want := []line{
		{"Lê Thị Mai", "Chi đoàn Khóm 1", "07/2026 08/2026 09/2026", 15000},
		{"Lê Thị Nam", "Chi đoàn Khóm 1", "04/2026 05/2026 06/2026", 15000},
		{"Lê Thị Oanh", "Chi đoàn Khóm 2", "07/2026 08/2026 09/2026", 30000},
		{"Lê Thị Phúc", "Chi đoàn Khóm 2", "08/2026 09/2026", 10000},
	}
	var got []line
	for _, u := range list {
		ms := make([]string, len(u.Months))
		for i, m := range u.Months {
			ms[i] = m.String()
		}
		got = append(got, line{u.Name, u.BranchName, strings.Join(ms, " "), u.Amount})
	}
	if !slices.Equal(got, want) {
		t.Errorf("unpaid:\n got %+v\nwant %+v", got, want)
	}
	// Three unpaid, unexempted months: Mai (July–September), Nam (April–
	// June, in A) and Oanh (July–September); Phúc has two.
	review, err := w.s.UnpaidReview(ctx, 2026, cut)
	mustNil(t, err)
	var names []string
	for _, l := range review {
		names = append(names, l.Name)
	}
	if !slices.Equal(names, []string{"Lê Thị Mai", "Lê Thị Nam", "Lê Thị Oanh"}) {
		t.Errorf("review %q", names)
	}
	// Nam's dues are paid through March (April, owed in A, is not).
	through, err := w.s.PaidThrough(ctx, w.nam, cut)
	mustNil(t, err)
	if through != (domain.Month{Year: 2026, Month: 3}) {
		t.Errorf("Nam paid through %s, want 03/2026", through)
	}
}

// TestDatedDuesGridAndHistory: a branch's grid refuses a month its
// former member spent in another branch, naming her and the month, and
// writes nothing; the member's history shows the dated values; a change
// dated before a later one overrides it.
func TestDatedDuesGridAndHistory(t *testing.T) {
	ctx := context.Background()
	w := newDatedWard(t)
	s := w.s
	var before int
	mustNil(t, s.db.QueryRowContext(ctx, `SELECT count(*) FROM dues_paid`).Scan(&before))
	err := s.SaveDuesGrid(ctx, domain.DuesGridSave{BranchID: w.a, Year: 2026, Quarter: 3, Date: domain.MustDate(2026, 9, 30),
		Entries: []domain.DuesGridEntry{{PersonID: w.mai, Month: domain.Month{Year: 2026, Month: 7}, Amount: 5000},
			{PersonID: w.nam, Month: domain.Month{Year: 2026, Month: 8}, Amount: 5000}}})
	if ve, ok := err.(*domain.ValidationError); !ok || len(ve.Errors) != 1 || ve.Errors[0].Row != 2 || ve.Errors[0].Label != "Lê Thị Nam" ||
		!strings.Contains(ve.Errors[0].Msg, "08/2026") {
		t.Fatalf("A's grid took Nam's August (his in B): %v", err)
	}
	var after int
	mustNil(t, s.db.QueryRowContext(ctx, `SELECT count(*) FROM dues_paid`).Scan(&after))
	if after != before {
		t.Errorf("a refused grid wrote %d months", after-before)
	}
	// A's grid of quarter II still takes his April (his in A).
	mustNil(t, s.SaveDuesGrid(ctx, domain.DuesGridSave{BranchID: w.a, Year: 2026, Quarter: 2, Date: domain.MustDate(2026, 10, 2),
		Entries: []domain.DuesGridEntry{{PersonID: w.nam, Month: domain.Month{Year: 2026, Month: 4}, Amount: 5000}}}))

	bh, err := s.BranchHistory(ctx, w.nam)
	mustNil(t, err)
	if len(bh) != 2 || bh[0].BranchID != w.a || bh[0].To != domain.MustDate(2026, 7, 9) || bh[1].BranchID != w.b ||
		bh[1].From != domain.MustDate(2026, 7, 10) || bh[1].BranchName != "Chi đoàn Khóm 2" {
		t.Errorf("Nam's branches %+v", bh)
	}
	ch, err := s.DuesCategoryHistory(ctx, w.mai)
	mustNil(t, err)
	if len(ch) != 2 || ch[0].Category != domain.DuesNoWage || ch[1].Category != domain.DuesWage || ch[1].From != domain.MustDate(2026, 6, 15) {
		t.Errorf("Mai's categories %+v", ch)
	}
	// Mai goes abroad from 01/09, then the ward learns she left on 01/08:
	// the later-dated change gives way to the earlier one.
	mai, err := s.Person(ctx, w.mai)
	mustNil(t, err)
	mai.DuesCategory, mai.ChangesFrom = domain.DuesAbroad, domain.MustDate(2026, 9, 1)
	mustNil(t, s.SavePerson(ctx, &mai))
	mai.ChangesFrom = domain.MustDate(2026, 8, 1)
	mai.DuesCategory = domain.DuesWage // saved in between by mistake …
	mustNil(t, s.SavePerson(ctx, &mai))
	mai.DuesCategory = domain.DuesAbroad // … and corrected from 01/08
	mustNil(t, s.SavePerson(ctx, &mai))
	ch, err = s.DuesCategoryHistory(ctx, w.mai)
	mustNil(t, err)
	wantFrom := []domain.Date{{}, domain.MustDate(2026, 6, 15), domain.MustDate(2026, 8, 1)}
	wantCat := []domain.DuesCategory{domain.DuesNoWage, domain.DuesWage, domain.DuesAbroad}
	if len(ch) != 3 {
		t.Fatalf("Mai's categories %+v", ch)
	}
	for i := range ch {
		if ch[i].From != wantFrom[i] || ch[i].Category != wantCat[i] {
			t.Errorf("Mai's period %d: %+v, want %s from %s", i, ch[i], wantCat[i], wantFrom[i])
		}
	}
}

// datedDuesMigration is how many migrations run before the one that
// dates a member's dues category and branch (found by its content: the
// lead renumbers on merge).
func datedDuesMigration(t *testing.T) int { return migrationCreating(t, "dues_category_terms") }

// TestDatedDuesMigration: a register from before the dated records (its
// schema back before that migration, the two tables absent) opens with
// every payment, exemption and remittance kept, and the same figures,
// every month read with the member's category and branch of today.
func TestDatedDuesMigration(t *testing.T) {
	ctx := context.Background()
	w := newDuesWard(t) // store/dues_ward_test.go: one branch, four members, no dated change
	path := w.s.Path()
	sumBefore, err := w.s.DuesSummary(ctx, 2026, 1, domain.MustDate(2026, 3, 31))
	mustNil(t, err)
	ledgerBefore, err := w.s.DuesLedger(ctx, w.branch, 2026, domain.MustDate(2026, 6, 30))
	mustNil(t, err)
	count := func(s *Store) (paid, sum, exempt, remit int64) {
		mustNil(t, s.db.QueryRowContext(ctx, `SELECT count(*), COALESCE(sum(amount), 0), (SELECT count(*) FROM dues_exemptions),
			(SELECT count(*) FROM dues_remittances) FROM dues_paid`).Scan(&paid, &sum, &exempt, &remit))
		return
	}
	p0, s0, e0, r0 := count(w.s)
	w.s.Close()
	// Back to the schema before the dated-dues migration: its tables go,
	// and so does what each later migration made (each adds its undoing
	// here), since the upgrade runs them all again.
	undo := []string{"DROP TABLE dues_category_terms", "DROP TABLE branch_terms"}
	rawExec(t, path, append(undo, "PRAGMA user_version = "+strconv.Itoa(datedDuesMigration(t)))...)
	s, err := Open(path)
	mustNil(t, err)
	t.Cleanup(func() { s.Close() })
	v, problems, err := s.Check(ctx)
	mustNil(t, err)
	if v != SchemaVersion || len(problems) != 0 {
		t.Fatalf("after the upgrade: schema %d, problems %v", v, problems)
	}
	// 24.000 + 15.000 + 2.000 + 10.000 = 51.000 paid over 12 + 3 + 1 + 2
	// = 18 months; one exemption; three remittances.
	if p, sum, e, r := count(s); p != p0 || sum != s0 || e != e0 || r != r0 || p != 18 || sum != 51000 || e != 1 || r != 3 {
		t.Errorf("after the upgrade: %d months, %d đ, %d exemptions, %d remittances; before %d, %d, %d, %d", p, sum, e, r, p0, s0, e0, r0)
	}
	sumAfter, err := s.DuesSummary(ctx, 2026, 1, domain.MustDate(2026, 3, 31))
	mustNil(t, err)
	if len(sumAfter.Rows) != 1 || sumAfter.Rows[0] != sumBefore.Rows[0] || sumAfter.Total != sumBefore.Total {
		t.Errorf("summary changed by the upgrade:\n got %+v\nwant %+v", sumAfter.Rows, sumBefore.Rows)
	}
	ledgerAfter, err := s.DuesLedger(ctx, w.branch, 2026, domain.MustDate(2026, 6, 30))
	mustNil(t, err)
	if len(ledgerAfter.Rows) != len(ledgerBefore.Rows) || ledgerAfter.Total() != ledgerBefore.Total() {
		t.Fatalf("ledger changed by the upgrade: %d rows %d đ, was %d rows %d đ", len(ledgerAfter.Rows), ledgerAfter.Total(),
			len(ledgerBefore.Rows), ledgerBefore.Total())
	}
	for i := range ledgerAfter.Rows {
		if !slices.Equal(ledgerAfter.Rows[i].Cells, ledgerBefore.Rows[i].Cells) {
			t.Errorf("%s's months changed by the upgrade", ledgerAfter.Rows[i].Name)
		}
	}
}

// TestDatedDuesInHistory: the history names a recorded category in words.
func TestDatedDuesInHistory(t *testing.T) {
	ctx := context.Background()
	w := newDatedWard(t)
	lines, err := w.s.History(ctx, HistoryFilter{PersonID: w.mai})
	mustNil(t, err)
	found := false
	for _, l := range lines {
		if strings.Contains(l.Summary(), "diện đóng đoàn phí trước đây") {
			found = true
			if !strings.Contains(l.Summary(), "Diện đóng đoàn phí: Không hưởng lương") || !strings.Contains(l.Summary(), "Đến trước ngày: 15/06/2026") {
				t.Errorf("history line %q", l.Summary())
			}
		}
	}
	if !found {
		t.Errorf("no history line of Mai's earlier category")
	}
}

// TestDatedDuesThroughTheBin: a member sent to the recycle bin takes her
// dated branch with her and brings it back when restored: Nam's ledger
// months in each branch are as before.
func TestDatedDuesThroughTheBin(t *testing.T) {
	ctx := context.Background()
	w := newDatedWard(t)
	mustNil(t, w.s.DeletePerson(ctx, w.nam))
	var left int
	mustNil(t, w.s.db.QueryRowContext(ctx, `SELECT count(*) FROM branch_terms WHERE person_id = ?`, w.nam).Scan(&left))
	if left != 0 {
		t.Errorf("%d dated branches stayed behind a person in the bin", left)
	}
	_, err := w.s.RestoreTrash(ctx, domain.TrashPerson, w.nam)
	mustNil(t, err)
	bh, err := w.s.BranchHistory(ctx, w.nam)
	mustNil(t, err)
	if len(bh) != 2 || bh[0].BranchID != w.a || bh[1].BranchID != w.b || bh[1].From != domain.MustDate(2026, 7, 10) {
		t.Errorf("restored branches %+v", bh)
	}
	// Khóm 2's 2026 at 30/09: Nam's July–September again (15.000).
	l, err := w.s.DuesLedger(ctx, w.b, 2026, domain.MustDate(2026, 9, 30))
	mustNil(t, err)
	found := false
	for _, r := range l.Rows {
		if r.PersonID == w.nam {
			found = true
			if r.Total() != 15000 || r.Cells[5].Text() != "–" {
				t.Errorf("Nam in Khóm 2 after the restore: %d, June %q", r.Total(), r.Cells[5].Text())
			}
		}
	}
	if !found {
		t.Error("Nam is not in Khóm 2's ledger after the restore")
	}
}
