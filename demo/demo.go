// Package demo makes the demo ward: invented people, branches, offices,
// clubs, co-ops, the ward's own plan and several years of results, such
// that every rule the register and the upper level hold a ward to holds in
// it (check is clean). It writes only through the store's public API (the
// people through the bulk load store.LoadMembers); it imports domain and
// store, and never ui, issuing, report or a command.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sodoan/domain"
	"sodoan/store"
)

// Options sizes the demo ward.
type Options struct {
	Members int   // people to create, 10 to 200,000
	Seed    int64 // same seed, same ward; the seed also picks the ward's name
	Year    int   // the "current" year of the data (0: this year)
	// Place names the ward ("Xã Tân Khánh Trung", "Phường 3") when the
	// register has no unit yet; empty: the seed picks one.
	Place string
}

// Generate fills an empty register with the demo ward. A register whose
// unit is already set (init --unit, the welcome screen) gets a ward of
// that name; otherwise o.Place names it, or the seed picks one (seed 1: phường Hòa Mẫu, seed
// 2: xã Tân Phú Trung, …) so that demos of several seeds make wards to
// consolidate. It refuses a register that has people or items in the
// recycle bin, so that invented people never mix with real ones.
func Generate(ctx context.Context, st *store.Store, o Options) error {
	if err := domain.DemoMembersRange.Check(int64(o.Members)); err != nil {
		return err
	}
	if o.Year == 0 {
		o.Year = st.Today().Year()
	}
	if err := domain.CheckYear(o.Year); err != nil {
		return err
	}
	if err := st.RefuseConsolidation(ctx, "tạo phường mẫu"); err != nil {
		return err
	}
	if st.ReadOnly() {
		return store.ErrReadOnly
	}
	// The bulk load counts again inside its transaction; this first look
	// keeps the branches and settings from being written to a register
	// the load would refuse.
	if n, err := st.CountMembers(ctx, store.MemberFilter{}); err != nil {
		return err
	} else if n > 0 {
		return fmt.Errorf("sổ %s đã có %d người: dữ liệu mẫu chỉ tạo trên sổ trống", st.Path(), n)
	}
	if items, err := st.Trash(ctx); err != nil {
		return err
	} else if len(items) > 0 {
		return fmt.Errorf("thùng rác của sổ %s còn %d mục: dọn thùng rác trước khi tạo dữ liệu mẫu", st.Path(), len(items))
	}
	today := st.Today()
	end := earliest(domain.MustDate(o.Year, 12, 31), today)
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x5d0a))

	w := pickWard(o.Seed)
	if o.Place != "" {
		w = wardOf(domain.Unit{Place: domain.Clean(o.Place)})
	}
	if has, err := st.HasUnit(ctx); err != nil {
		return err
	} else if has {
		u, err := st.Unit(ctx)
		if err != nil {
			return err
		}
		w = wardOf(u)
	}
	if err := st.SaveUnit(ctx, w.unit); err != nil {
		return fmt.Errorf("ghi đơn vị mẫu: %w", err)
	}

	branches := makeBranches(r, w, o.Members)
	for i := range branches {
		b := &domain.Branch{Name: branches[i].name, Kind: branches[i].kind, Active: true}
		if err := st.SaveBranch(ctx, b); err != nil {
			return fmt.Errorf("tạo chi đoàn mẫu: %w", err)
		}
		branches[i].id = b.ID
	}
	people := makePeople(r, o, w, branches, end, today)
	for _, pp := range people {
		if pp.branch >= 0 {
			pp.p.BranchID = branches[pp.branch].id
		} else {
			pp.p.BranchID = 0
		}
	}
	handCards(o.Seed, people, end)
	party := makeMemberYears(r, o, people, end)
	offices := makeOffices(r, o, people, branches, end)
	if err := st.LoadMembers(ctx, members(people), store.LoadOptions{EmptyOnly: true, Demo: true, Seed: o.Seed}); err != nil {
		return fmt.Errorf("tạo người mẫu: %w", err)
	}
	for _, of := range offices {
		pos := &domain.Position{PersonID: of.holder.p.ID, Kind: of.kind, Start: of.start}
		if of.branch >= 0 {
			pos.BranchID = branches[of.branch].id
		}
		if err := st.SavePosition(ctx, pos); err != nil {
			return fmt.Errorf("tạo chức vụ mẫu (%s): %w", of.holder.p.FullName(), err)
		}
		if of.branch < 0 {
			if err := writeTrainings(ctx, st, r, w, of, end); err != nil {
				return err
			}
		}
	}
	if err := writeYears(ctx, st, r, o, w, people, branches, party, end); err != nil {
		return err
	}
	if err := writeGroups(ctx, st, r, o, w, people, offices, end); err != nil {
		return err
	}
	if err := writeModels(ctx, st, r, o, w, people, end); err != nil {
		return err
	}
	if err := writeWork(ctx, st, o, w, people, branches, end); err != nil {
		return err
	}
	if err := writeDecisions(ctx, st, o, people); err != nil {
		return err
	}
	if err := writeResidence(ctx, st, o, people, branches, end); err != nil {
		return err
	}
	if err := writePlan(ctx, st, r, o, w, len(people)); err != nil {
		return err
	}
	if err := writeDues(ctx, st, o, w, people, branches, offices, end); err != nil {
		return err
	}
	// The data years' decisions last: they number the dues' exemptions.
	return writeDataDecisions(ctx, st, o, people, end)
}

// makeBranches lays out the ward's branches: one for each khóm or ấp (more
// of them for a larger ward), the high school, the People's Committee,
// the police, the military command and a company; weight is each one's
// share of the Union members.
func makeBranches(r *rand.Rand, w ward, members int) []branch {
	var bs []branch
	n := 8 + members/1500
	for _, a := range w.areas(n) {
		bs = append(bs, branch{name: "Chi đoàn " + a, kind: domain.BranchHamlet, role: roleArea, weight: 790 / n})
	}
	school := "Trường THPT " + w.name
	if w.name != "" && w.name[0] >= '0' && w.name[0] <= '9' {
		school = "Trường THPT " + w.Place() // Trường THPT Phường 1
	}
	return append(bs,
		branch{name: "Chi đoàn " + school, kind: domain.BranchSchool, role: roleSchool, weight: 90},
		branch{name: "Chi đoàn Cơ quan UBND " + w.lower(), kind: domain.BranchAgency, role: roleAgency, weight: 25},
		branch{name: "Chi đoàn Công an " + w.lower(), kind: domain.BranchArmed, role: rolePolice, weight: 30},
		branch{name: "Chi đoàn Ban Chỉ huy Quân sự " + w.lower(), kind: domain.BranchArmed, role: roleMilitary, weight: 20},
		branch{name: "Chi đoàn " + pick(r, enterprises), kind: domain.BranchEnterprise, role: roleEnterprise, weight: 45},
	)
}

// writeTrainings gives a ward officer the yearly training most of them
// attend (target 2.4 reads it per year): nine years in ten, on a day
// between March and October, from the year the office began to the end of
// the data.
func writeTrainings(ctx context.Context, st *store.Store, r *rand.Rand, w ward, of office, end domain.Date) error {
	for y := of.start.Year(); y <= end.Year(); y++ {
		if r.IntN(10) == 0 {
			continue
		}
		d := domain.MustDate(y, 3+r.IntN(8), 1+r.IntN(28))
		if d.Before(of.start) || d.After(end) {
			continue
		}
		t := &domain.Training{PersonID: of.holder.p.ID, Date: d,
			Course: fmt.Sprintf("Tập huấn cán bộ Đoàn cơ sở năm %d", y), Organiser: w.unit.UpperBody}
		if err := st.SaveTraining(ctx, t); err != nil {
			return fmt.Errorf("tạo tập huấn mẫu (%s): %w", of.holder.p.FullName(), err)
		}
	}
	return nil
}
