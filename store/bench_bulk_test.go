package store

import (
	"context"
	"fmt"
	"testing"

	"sodoan/domain"
)

// BenchmarkAddPeople1000On100k admits 1,000 Union members with card
// numbers in one AddPeople call on the 100,000-member demo register: the
// write lock is held for the whole call, so its time is how long every
// other window and command waits. The people are removed again (timer
// stopped) so that each iteration, and the benchmarks after it, see the
// same register.
func BenchmarkAddPeople1000On100k(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	today := domain.Today()
	b.StopTimer()
	for i := 0; i < b.N; i++ {
		people := make([]*domain.Person, 1000)
		for j := range people {
			people[j] = &domain.Person{FamilyName: "Trần", MiddleName: "Văn", GivenName: "Bền", Gender: domain.Male,
				BirthDate: domain.MustDate(today.Year()-20, 1+j%12, 1+j%28), UnionMember: true,
				AdmissionDate: domain.MustDate(today.Year()-2, 3, 26), CardNumber: fmt.Sprintf("99%08d", i*1000+j)}
		}
		b.StartTimer()
		if err := s.AddPeople(ctx, people); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		for _, p := range people {
			if err := s.DeletePerson(ctx, p.ID); err != nil {
				b.Fatal(err)
			}
		}
	}
}
