package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"sodoan/domain"
)

// BenchmarkAttendance300 saves one meeting of a 300-member branch with
// every member's mark, in one transaction through the write path (issue
// 19: under 200 ms), each run changing every tenth mark of the meeting
// saved before, as a secretary correcting the roll does, and the first
// run writing the whole roll.
func BenchmarkAttendance300(b *testing.B) {
	ctx := context.Background()
	s, err := OpenWith(filepath.Join(b.TempDir(), "so.db"), OpenOptions{Create: true,
		Now: func() time.Time { return time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	br := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, br); err != nil {
		b.Fatal(err)
	}
	ms := make([]NewMember, 300)
	for i := range ms {
		ms[i] = NewMember{Person: &domain.Person{FamilyName: "Nguyễn", MiddleName: "Văn", GivenName: fmt.Sprintf("An%c", 'a'+rune(i%26)),
			Gender: domain.Male, BirthDate: domain.MustDate(2000, 1+i%12, 1+i%28), UnionMember: true,
			AdmissionDate: domain.MustDate(2018, 3, 26), BranchID: br.ID, CardNumber: fmt.Sprintf("0871%06d", i)}}
	}
	if err := s.LoadMembers(ctx, ms, LoadOptions{EmptyOnly: true}); err != nil {
		b.Fatal(err)
	}
	b.Run("new", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			m := &domain.Meeting{BranchID: br.ID, Date: domain.AddDays(domain.MustDate(2026, 1, 1), i%300), Kind: domain.MeetingRegular}
			for j, nm := range ms {
				st := domain.Present
				if j%7 == 0 {
					st = domain.Absent
				}
				m.Attendance = append(m.Attendance, domain.Attendance{PersonID: nm.Person.ID, Status: st})
			}
			if err := s.SaveMeeting(ctx, m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("edit", func(b *testing.B) {
		m := &domain.Meeting{BranchID: br.ID, Date: domain.MustDate(2026, 11, 15), Kind: domain.MeetingRegular}
		for _, nm := range ms {
			m.Attendance = append(m.Attendance, domain.Attendance{PersonID: nm.Person.ID, Status: domain.Present})
		}
		if err := s.SaveMeeting(ctx, m); err != nil {
			b.Fatal(err)
		}
		for i := 0; b.Loop(); i++ {
			for j := range m.Attendance {
				if j%10 == i%10 {
					m.Attendance[j].Status = []domain.Presence{domain.Present, domain.Excused, domain.Absent}[(i+j)%3]
				}
			}
			if err := s.SaveMeeting(ctx, m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
