package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sodoan/domain"
	"sodoan/store"
)

// duesYears is how many years of dues the demo ward keeps, the data year
// included; a ward of more than bigWard people (the benchmarks' 100,000)
// keeps the data year's only, which is what its screens and documents
// read, so that making it takes seconds, not minutes, more.
const (
	duesYears = 3
	bigWard   = 20000
)

// writeDues gives the demo ward its Union dues for the last years, as
// branches really collect them: the school collects the whole year at
// once in January, most members pay month by month, some every quarter
// (working away), a few miss months (the unpaid list and the "cần xem
// xét" list have names), and a few are exempted by the committee for
// three to six months with a decision. Each branch remits the month's
// collection at its end, the ward the quarter's in the next month's first
// days, and each branch spends some of what it kept from its cash book.
// It draws on a generator of its own, so that the rest of the demo stays
// as it was.
func writeDues(ctx context.Context, st *store.Store, o Options, w ward, people []*person, branches []branch, offices []office, end domain.Date) error {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0xd0e5))
	rules := domain.DefaultDuesRules()
	secretary := map[int]string{}
	wardOfficer := "Văn phòng Đoàn " + w.lower()
	for _, of := range offices {
		switch {
		case of.branch >= 0 && of.kind == "branch_secretary":
			secretary[of.branch] = of.holder.p.FullName()
		case of.branch < 0 && of.kind == "deputy":
			wardOfficer = of.holder.p.FullName()
		}
	}
	decision := 0
	years := duesYears
	if len(people) > bigWard {
		years = 1
	}
	// The exemptions first, each branch's of a year in one transaction;
	// then every payment in one (the people's bulk load's way); then the
	// remittances of each year, which count what was paid.
	catOf, err := writeDuesChanges(ctx, st, people, branches, end.Year()-years+1, end)
	if err != nil {
		return err
	}
	var saves []domain.DuesGridSave
	for y := end.Year() - years + 1; y <= end.Year(); y++ {
		for bi, b := range branches {
			save := domain.DuesGridSave{BranchID: b.id, Year: y}
			var exempt []*domain.DuesExemption
			for _, pp := range people {
				if pp.branch != bi || pp.p.ID == 0 || !pp.p.UnionMember {
					continue
				}
				entries, exemption := duesOfYear(r, pp, b, y, end, func(m domain.Month) int64 { return rules.Rate(catOf(pp, m)) })
				if exemption != nil {
					decision++
					exemption.DecisionNumber = fmt.Sprintf("%d-QĐ/ĐTN", decision)
					exempt = append(exempt, exemption)
				}
				save.Entries = append(save.Entries, entries...)
			}
			if err := st.ExemptDuesAll(ctx, exempt); err != nil {
				return fmt.Errorf("tạo miễn đoàn phí mẫu (%s, %d): %w", b.name, y, err)
			}
			if len(save.Entries) > 0 {
				save.Date = save.Entries[0].Date
				saves = append(saves, save)
			}
		}
	}
	if err := st.LoadDemoDues(ctx, saves); err != nil {
		return fmt.Errorf("tạo đoàn phí mẫu: %w", err)
	}
	for y := end.Year() - years + 1; y <= end.Year(); y++ {
		if err := writeRemittances(ctx, st, r, branches, secretary, wardOfficer, y, end); err != nil {
			return err
		}
	}
	return nil
}

// duesOfYear is one member's payments of a year (and, for a few, the
// committee's exemption, whose months she then does not pay).
func duesOfYear(r *rand.Rand, pp *person, b branch, y int, end domain.Date, rate func(domain.Month) int64) ([]domain.DuesGridEntry, *domain.DuesExemption) {
	var owed []domain.Month
	for m := 1; m <= 12; m++ {
		mo := domain.Month{Year: y, Month: m}
		if mo.Last().After(end) && mo.First().After(end) {
			break
		}
		if pp.activeOn(earliest(mo.Last(), end)) {
			owed = append(owed, mo)
		}
	}
	if len(owed) == 0 {
		return nil, nil
	}
	var ex *domain.DuesExemption
	habit := r.IntN(100)
	if b.role == roleSchool {
		// The school collects the year at once, in the first month of it
		// the pupil is a member.
		day := earliest(domain.MustDate(owed[0].Year, owed[0].Month, 10+r.IntN(10)), end)
		out := make([]domain.DuesGridEntry, len(owed))
		for i, m := range owed {
			out[i] = domain.DuesGridEntry{PersonID: pp.p.ID, Month: m, Amount: rate(m), Date: day}
		}
		return out, nil
	}
	skip := map[domain.Month]bool{}
	switch {
	case habit < 3 && len(owed) >= 4:
		// Hardship: the committee exempts three to six months.
		n := min(3+r.IntN(4), len(owed)-1)
		from := owed[r.IntN(len(owed)-n+1)]
		ex = &domain.DuesExemption{PersonID: pp.p.ID, From: from, Months: n, DecisionDate: earliest(from.First(), end),
			Reason: pick(r, []string{"Gia đình khó khăn", "Ốm đau dài ngày", "Mất việc làm", "Gia đình bị thiệt hại do thiên tai"})}
		for i := range n {
			skip[from.Add(i)] = true
		}
	case habit < 12:
		// Misses some months: three or more only a member rated below
		// "hoàn thành tốt" that year, since three unpaid months put her
		// on the "cần xem xét" list and the ratings lean on paid dues.
		most := 4
		if rt := ratingOf(pp, y); rt == "excellent" || rt == "good" {
			most = 2
		}
		for range 1 + r.IntN(most) {
			skip[owed[r.IntN(len(owed))]] = true
		}
	}
	quarterly := habit >= 80 && habit < 92
	var out []domain.DuesGridEntry
	for _, m := range owed {
		if skip[m] {
			continue
		}
		pay := m
		if quarterly {
			pay = domain.Month{Year: m.Year, Month: m.Quarter() * 3} // paid with the quarter's last month
		}
		day := domain.MustDate(pay.Year, pay.Month, 5+r.IntN(20))
		if day.After(end) {
			continue // not yet paid
		}
		out = append(out, domain.DuesGridEntry{PersonID: pp.p.ID, Month: m, Amount: rate(m), Date: day})
	}
	return out, ex
}

// writeRemittances records the branches' monthly remittances and the
// ward's quarterly ones of a year, in one transaction, then the branches'
// spending from their cash books at the half-year and the year's end.
func writeRemittances(ctx context.Context, st *store.Store, r *rand.Rand, branches []branch, secretary map[int]string, wardOfficer string, y int, end domain.Date) error {
	var list []*domain.DuesRemittance
	for m := 1; m <= 12; m++ {
		mo := domain.Month{Year: y, Month: m}
		if mo.Last().After(end) {
			break
		}
		for bi, b := range branches {
			base, err := st.DuesRemitBase(ctx, domain.RemitBranch, b.id, y, m, mo.Last())
			if err != nil {
				return err
			}
			if base == 0 {
				continue
			}
			payer := secretary[bi]
			if payer == "" {
				payer = "Bí thư " + b.name
			}
			list = append(list, &domain.DuesRemittance{Level: domain.RemitBranch, BranchID: b.id, Year: y, Period: m, Date: mo.Last(), PaidBy: payer, ReceivedBy: wardOfficer})
		}
		if m%3 == 0 && len(list) > 0 {
			d := domain.DateOf(mo.Add(1).First().Time().AddDate(0, 0, 4+r.IntN(6)))
			if d.After(end) {
				continue
			}
			list = append(list, &domain.DuesRemittance{Level: domain.RemitWard, Year: y, Period: m / 3, Date: d, PaidBy: wardOfficer, ReceivedBy: "Văn phòng Tỉnh Đoàn"})
		}
	}
	if err := st.RemitDuesAll(ctx, list); err != nil {
		return fmt.Errorf("tạo trích nộp mẫu năm %d: %w", y, err)
	}
	for _, day := range []domain.Date{domain.MustDate(y, 6, 30), domain.MustDate(y, 12, 31)} {
		if day.After(end) {
			break
		}
		for _, b := range branches {
			if err := spend(ctx, st, r, b, day); err != nil {
				return err
			}
		}
	}
	return nil
}

// spend writes one spending from a branch's cash book: about half of its
// balance, in thousands, never more than it holds.
func spend(ctx context.Context, st *store.Store, r *rand.Rand, b branch, day domain.Date) error {
	book, err := st.CashBook(ctx, b.id, day, day)
	if err != nil {
		return err
	}
	bal := book.Closing
	amount := bal / 2 / 1000 * 1000
	if amount < 1000 {
		return nil
	}
	e := &domain.CashEntry{BranchID: b.id, Date: day, Spending: amount,
		Content: pick(r, []string{"Mua sổ sách, văn phòng phẩm", "Tổ chức sinh hoạt chủ điểm", "Thăm hỏi đoàn viên ốm đau", "Tặng quà thiếu nhi khó khăn"})}
	if err := st.SaveCashEntry(ctx, e); err != nil {
		return fmt.Errorf("tạo sổ thu, chi mẫu (%s): %w", b.name, err)
	}
	return nil
}

// writeDuesChanges gives the demo ward the dated dues categories a real
// ward has, saved as the member form saves them: a member working abroad
// (Ở nước ngoài) through the dues years, and a student of a hamlet branch
// who starts work on 01/06 of the data year (of the year before while the
// data year has not reached June), paying the rate with wages from June
// (months count by their last day: store/duesterms.go). catOf is the
// category of a member's month.
func writeDuesChanges(ctx context.Context, st *store.Store, people []*person, branches []branch, firstYear int, end domain.Date) (
	catOf func(*person, domain.Month) domain.DuesCategory, err error) {
	start := domain.MustDate(firstYear, 1, 1)
	work := domain.MustDate(end.Year(), 6, 1)
	if end.Before(domain.MustDate(end.Year(), 6, 30)) {
		work = domain.MustDate(end.Year()-1, 6, 1)
	}
	// Members of a hamlet branch here from before the dues years to the end.
	steady := func(pp *person) bool {
		return pp.p.ID != 0 && pp.p.UnionMember && pp.branch >= 0 && branches[pp.branch].role != roleSchool &&
			pp.activeOn(start) && pp.activeOn(end) && pp.p.DuesCategory == ""
	}
	var abroad, worker *person
	for _, pp := range people {
		switch {
		case abroad == nil && steady(pp) && pp.p.Occupation == "worker":
			abroad = pp
		case worker == nil && steady(pp) && pp.p.Occupation == "student" && work.After(start):
			worker = pp
		}
	}
	if abroad != nil {
		abroad.p.DuesCategory, abroad.p.ChangesFrom = domain.DuesAbroad, start
		if err := st.SavePerson(ctx, abroad.p); err != nil {
			return nil, fmt.Errorf("ghi đoàn viên ở nước ngoài mẫu: %w", err)
		}
	}
	if worker != nil {
		worker.p.Occupation, worker.p.ChangesFrom = "worker", work
		if err := st.SavePerson(ctx, worker.p); err != nil {
			return nil, fmt.Errorf("ghi đoàn viên đi làm mẫu: %w", err)
		}
	}
	return func(pp *person, m domain.Month) domain.DuesCategory {
		if pp == worker && m.Last().Before(work) {
			return domain.DuesNoWage
		}
		return pp.p.Dues()
	}, nil
}
