package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sodoan/domain"
	"sodoan/store"
)

// The demo ward's residence activity (issue 20), on a random stream of its
// own so that the rest of the demo stays what the same seed always made:
// each data year, a few students of the residential branches are
// introduced to the Union where they study (from September to the end of
// June, the school year), and a few young workers of other provinces,
// renting rooms in the ward's khóm, are received to take part here.

// residencePlaces are the Unions of the places students and workers go to.
var residencePlaces = []string{
	"Đoàn phường Ninh Kiều, TP Cần Thơ", "Đoàn phường Sài Gòn, TP Hồ Chí Minh", "Đoàn phường Thủ Đức, TP Hồ Chí Minh",
	"Đoàn phường Long Xuyên, tỉnh An Giang", "Đoàn phường Cái Khế, TP Cần Thơ",
}

// homeUnits are the units the received workers keep their membership in.
var homeUnits = []string{
	"Đoàn xã Phú Hữu, TP Cần Thơ", "Đoàn xã Long Hựu, tỉnh Tây Ninh", "Đoàn xã Tân Hòa, tỉnh Vĩnh Long", "Đoàn xã Mỹ Hiệp, tỉnh An Giang",
}

// writeResidence records the residence activity of the data years, none
// after end: one student in fifteen of the residential branches
// introduced out each year (at least one, at most 20), each only once, and
// one worker received for every 250 people (at least one, at most 12).
func writeResidence(ctx context.Context, st *store.Store, o Options, people []*person, branches []branch, end domain.Date) error {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x7e51))
	var students []*person
	var areas []int64
	for i, b := range branches {
		if b.role == roleArea {
			areas = append(areas, branches[i].id)
		}
	}
	for _, pp := range people {
		if pp.branch >= 0 && branches[pp.branch].role == roleArea && pp.p.UnionMember && pp.p.Occupation == "student" {
			students = append(students, pp)
		}
	}
	if len(areas) == 0 {
		return nil
	}
	r.Shuffle(len(students), func(i, j int) { students[i], students[j] = students[j], students[i] })
	outs := min(max(len(students)/15, 1), 20)
	ins := min(max(len(people)/250, 1), 12)
	used := 0
	for _, y := range dataYears(o) {
		from := domain.MustDate(y, 9, 1+r.IntN(10))
		if from.After(end) {
			continue
		}
		to := domain.MustDate(y+1, 6, 30)
		for n := 0; n < outs && used < len(students); used++ {
			pp := students[used]
			age := pp.p.BirthDate.AgeOn(from)
			// Active here over the whole stay (or to end), of student age.
			if age < 18 || age > 24 || !pp.activeOn(from) || !pp.activeOn(earliest(to, end)) {
				continue
			}
			rec := &domain.Residence{Kind: domain.ResidenceOut, PersonID: pp.p.ID, BranchID: branches[pp.branch].id,
				Place: pick(r, residencePlaces), From: from, Note: pick(r, []string{"học đại học", "học đại học", "học cao đẳng"})}
			if !to.After(end) {
				rec.To = to
			}
			if err := st.SaveResidence(ctx, rec); err != nil {
				return fmt.Errorf("tạo sinh hoạt nơi cư trú mẫu (%s): %w", pp.p.FullName(), err)
			}
			n++
		}
		for n := range ins {
			on := domain.MustDate(y, 1+r.IntN(12), 1+r.IntN(28))
			if on.After(end) {
				continue
			}
			female := r.IntN(2) == 0
			fam, mid, giv := name(r, female)
			gender := domain.Male
			if female {
				gender = domain.Female
			}
			rec := &domain.Residence{Kind: domain.ResidenceIn, BranchID: areas[r.IntN(len(areas))], FamilyName: fam, MiddleName: mid, GivenName: giv,
				Gender: gender, BirthDate: domain.MustDate(y-19-r.IntN(8), 1+r.IntN(12), 1+r.IntN(28)), Place: pick(r, homeUnits),
				From: on, LetterNumber: fmt.Sprintf("%d-GGT/ĐTN", 3+r.IntN(40)), LetterDate: domain.AddDays(on, -3-r.IntN(10)),
				Note: "công nhân " + pick(r, enterprises)}
			// Most stay a year or less: the stay ends if that day has come.
			if stay := domain.AddDays(on, 180+r.IntN(240)); n%2 == 0 && !stay.After(end) {
				rec.To = stay
			}
			if err := st.SaveResidence(ctx, rec); err != nil {
				return fmt.Errorf("tạo tiếp nhận sinh hoạt mẫu (%s): %w", rec.FullName(), err)
			}
		}
	}
	return nil
}
