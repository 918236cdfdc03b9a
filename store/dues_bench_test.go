package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"sodoan/domain"
)

// Names of the benchmarks' members: every given name with every middle
// name.
var (
	benchGivens  = []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Khang", "Lan", "Long", "Mai", "Nam", "Oanh", "Phúc", "Quang", "Sơn", "Tâm", "Uyên", "Vy", "Yến"}
	benchMiddles = []string{"Văn", "Thị", "Minh", "Hoàng", "Thanh", "Quốc", "Ngọc", "Hữu", "Thu", "Gia", "Bảo", "Đức", "Kim", "Xuân", "Phương", "Anh", "Công", "Duy", "Hồng", "Mỹ"}
)

// BenchmarkDuesGridSave300: a 300-member branch's quarter grid, every box
// typed (900 months, the amounts of 300 payments), saved in one
// transaction through the write path with its history, in a register of
// 10,300 members. Each run saves another year's quarter I, so every run
// writes 900 new rows. The target is under 200 ms.
func BenchmarkDuesGridSave300(b *testing.B) {
	ctx := context.Background()
	s, err := Open(filepath.Join(b.TempDir(), "dues.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var branch int64
	for i, size := range []int{300, 10000} {
		br := &domain.Branch{Name: fmt.Sprintf("Chi đoàn Khóm %d", i+1), Kind: domain.BranchHamlet, Active: true}
		if err := s.SaveBranch(ctx, br); err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			branch = br.ID
		}
		people := make([]*domain.Person, size)
		for j := range people {
			people[j] = &domain.Person{FamilyName: "Nguyễn", MiddleName: benchMiddles[j/len(benchGivens)%len(benchMiddles)], GivenName: benchGivens[j%len(benchGivens)], Gender: domain.Male,
				BirthDate: domain.MustDate(1995, 1+j%12, 1+j%28), Occupation: "student", UnionMember: true,
				AdmissionDate: domain.MustDate(2012, 3, 26), BranchID: br.ID}
		}
		if err := s.AddPeople(ctx, people); err != nil {
			b.Fatal(err)
		}
	}
	g, err := s.DuesGrid(ctx, branch, 2000, 1, domain.MustDate(2000, 3, 31))
	if err != nil || len(g.Rows) != 0 {
		b.Fatalf("%d rows in 2000, %v", len(g.Rows), err)
	}
	ids := make([]int64, 0, 300)
	l, err := s.ListMembers(ctx, MemberFilter{BranchID: branch})
	if err != nil || len(l) != 300 {
		b.Fatalf("%d members, %v", len(l), err)
	}
	for _, p := range l {
		ids = append(ids, p.ID)
	}
	b.ResetTimer()
	for i := range b.N {
		year := 2014 + i
		save := domain.DuesGridSave{BranchID: branch, Year: year, Quarter: 1, Date: domain.MustDate(year, 3, 20)}
		for _, id := range ids {
			for m := 1; m <= 3; m++ {
				save.Entries = append(save.Entries, domain.DuesGridEntry{PersonID: id, Month: domain.Month{Year: year, Month: m}, Amount: 2000})
			}
		}
		if err := s.SaveDuesGrid(ctx, save); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	g, err = s.DuesGrid(ctx, branch, 2014, 1, domain.MustDate(2014, 3, 31))
	if err != nil || g.Total() != 300*3*2000 {
		b.Fatalf("quarter I 2014: %d đồng, %v", g.Total(), err)
	}
}

// BenchmarkDuesLedger300: reading a 300-member branch's year (the Sổ thu
// đoàn phí's data) after its twelve months were saved.
func BenchmarkDuesLedger300(b *testing.B) {
	ctx := context.Background()
	s, err := Open(filepath.Join(b.TempDir(), "dues.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	br := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, br); err != nil {
		b.Fatal(err)
	}
	people := make([]*domain.Person, 300)
	for j := range people {
		people[j] = &domain.Person{FamilyName: "Lê", MiddleName: benchMiddles[j/len(benchGivens)%len(benchMiddles)], GivenName: benchGivens[j%len(benchGivens)], Gender: domain.Male, BirthDate: domain.MustDate(1995, 1, 2),
			UnionMember: true, AdmissionDate: domain.MustDate(2015, 3, 26), BranchID: br.ID}
	}
	if err := s.AddPeople(ctx, people); err != nil {
		b.Fatal(err)
	}
	for q := 1; q <= 4; q++ {
		save := domain.DuesGridSave{BranchID: br.ID, Year: 2026, Quarter: q, Date: domain.QuarterEnd(2026, q)}
		for _, p := range people {
			for _, m := range domain.QuarterMonths(2026, q) {
				save.Entries = append(save.Entries, domain.DuesGridEntry{PersonID: p.ID, Month: m, Amount: 5000})
			}
		}
		if err := s.SaveDuesGrid(ctx, save); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		l, err := s.DuesLedger(ctx, br.ID, 2026, domain.MustDate(2026, 12, 31))
		if err != nil || l.Total() != 300*12*5000 {
			b.Fatalf("%d đồng, %v", l.Total(), err)
		}
	}
}
