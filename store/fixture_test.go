package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"sodoan/domain"
)

// fillWard fills an empty register with n invented people for the tests
// that need a register of some size (backups, search, readers during a
// write, benchmarks): five branches, Union and Hội members with cards,
// CCCD and phones, a few who came of age, yearly ratings. The demo ward
// lives in package demo, which imports store; store's own tests use this
// instead, through the same bulk load (LoadMembers). Same seed, same
// people.
func fillWard(tb testing.TB, s *Store, n int, seed int64) {
	tb.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(uint64(seed), 7))
	var branches []int64
	for i, name := range []string{"Chi đoàn Khóm 1", "Chi đoàn Khóm 2", "Chi đoàn Khóm 3", "Chi đoàn Trường THPT Hòa Mẫu", "Chi đoàn Công an phường"} {
		kind := []domain.BranchKind{domain.BranchHamlet, domain.BranchHamlet, domain.BranchHamlet, domain.BranchSchool, domain.BranchArmed}[i]
		b := &domain.Branch{Name: name, Kind: kind, Active: true}
		if err := s.SaveBranch(ctx, b); err != nil {
			tb.Fatal(err)
		}
		branches = append(branches, b.ID)
	}
	families := []string{"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Lâm"}
	males := []string{"Văn", "Hữu", "Minh", "Quốc", "Đức"}
	females := []string{"Thị", "Ngọc", "Thu", "Thanh", "Kim"}
	givenM := []string{"An", "Bình", "Dũng", "Đức", "Hải", "Huy", "Khoa", "Long", "Nam", "Phúc", "Tâm", "Trí"}
	givenF := []string{"Anh", "Châu", "Hà", "Hằng", "Hoa", "Lan", "Linh", "Mai", "Nhi", "Thảo", "Trang", "Vy"}
	end := s.Today()
	ms := make([]NewMember, n)
	for i := range ms {
		p := &domain.Person{Gender: domain.Male, Ethnicity: "Kinh"}
		p.FamilyName = families[r.IntN(len(families))]
		if r.IntN(2) == 0 {
			p.Gender, p.MiddleName, p.GivenName = domain.Female, females[r.IntN(len(females))], givenF[r.IntN(len(givenF))]
		} else {
			p.MiddleName, p.GivenName = males[r.IntN(len(males))], givenM[r.IntN(len(givenM))]
		}
		age := 16 + r.IntN(14) // 16 to 29: nobody past 30
		p.BirthDate = domain.AddDays(end.AddYears(-age-1), 1+r.IntN(360))
		p.CitizenID = fmt.Sprintf("0870%02d%06d", p.BirthDate.Year()%100, (i*7919+13)%1000000)
		p.Phone = fmt.Sprintf("09%08d", r.IntN(100000000))
		p.Hamlet = fmt.Sprintf("Khóm %d", 1+r.IntN(3))
		m := NewMember{Person: p}
		if r.IntN(100) < 80 {
			p.UnionMember, p.CardNumber, p.BranchID = true, fmt.Sprintf("087%07d", 1000000+i), branches[r.IntN(len(branches))]
			p.AdmissionDate = domain.AddDays(p.BirthDate.AddYears(16), 1+r.IntN(300))
			if p.AdmissionDate.After(end) {
				p.AdmissionDate = end
			}
			m.Events = []domain.Event{{Kind: domain.EventAdmission, Date: p.AdmissionDate}}
			if age == 29 && r.IntN(2) == 0 && p.BirthDate.Year()+30 <= end.Year() {
				m.Events = append(m.Events, domain.Event{Kind: domain.EventComingOfAge, Date: end})
			}
			if y := end.Year() - 1; p.AdmissionDate.Year() < y {
				m.Years = []domain.MemberYear{{Year: y, Rating: "good", TrainingRegistered: true}}
			}
		} else {
			p.FederationMember, p.FederationDate = true, domain.AddDays(p.BirthDate.AddYears(15), 1+r.IntN(300))
			if p.FederationDate.After(end) {
				p.FederationDate = end
			}
		}
		ms[i] = m
	}
	if err := s.LoadMembers(ctx, ms, LoadOptions{EmptyOnly: true}); err != nil {
		tb.Fatal(err)
	}
}
