package issuing

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"time"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// bookRegister builds a register whose Chi đoàn Khóm 1 has 300 members
// through 2025 and a full year of records: 20 admitted in the year, 10
// transferred out, 4 removed, 6 come of age, cards handed, every member
// rated, twelve months of dues paid by each active member, twelve meetings with the
// attendance of all, and a cash book.
func bookRegister(b *testing.B) (*store.Store, int64) {
	b.Helper()
	ctx := context.Background()
	st, err := store.OpenWith(filepath.Join(b.TempDir(), "so.db"), store.OpenOptions{Create: true,
		Now: func() time.Time { return time.Date(2026, 1, 10, 9, 0, 0, 0, time.Local) }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	must := func(err error) {
		b.Helper()
		if err != nil {
			b.Fatal(err)
		}
	}
	must(st.SaveUnit(ctx, domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: "BCH Đoàn phường Hòa Mẫu", Place: "Phường Hòa Mẫu"}))
	br := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	must(st.SaveBranch(ctx, br))
	given := []string{"An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hoa", "Khoa", "Lan", "Linh", "Mai", "Nam", "Phúc", "Tâm", "Trang", "Vy"}
	var ms []store.NewMember
	for i := range 320 {
		p := &domain.Person{FamilyName: []string{"Nguyễn", "Trần", "Lê", "Phạm"}[i%4], MiddleName: []string{"Văn", "Thị", "Minh"}[i%3],
			GivenName: given[i%len(given)], Gender: domain.Gender([]string{"male", "female"}[i%2]), Ethnicity: "Kinh",
			BirthDate: domain.MustDate(1996+i%10, 1+i%12, 1+i%28), UnionMember: true, BranchID: br.ID,
			CardNumber: fmt.Sprintf("087%07d", 2000000+i)}
		p.AdmissionDate = domain.MustDate(2012+i%10+(i%12)/11, 3, 26)
		if i < 20 {
			p.AdmissionDate = domain.MustDate(2025, 1+i%12, 10)
			p.BirthDate = domain.MustDate(2008, 1+i%12, 1)
		}
		if on := domain.AddDays(p.AdmissionDate, 60); i%6 != 0 && on.Year() <= 2025 {
			p.CardDate = on
		}
		m := store.NewMember{Person: p, Events: []domain.Event{{Kind: domain.EventAdmission, Date: p.AdmissionDate}},
			Years: []domain.MemberYear{{Year: 2025, Rating: domain.Rating([]string{"excellent", "good", "done"}[i%3]), Rated: domain.MustDate(2025, 12, 20),
				TrainingRegistered: true, TrainingCompleted: i%4 != 0}}}
		switch {
		case i >= 300 && i < 310:
			m.Events = append(m.Events, domain.Event{Kind: domain.EventTransferOut, Date: domain.MustDate(2025, 1+i%12, 15), Unit: "Đoàn phường An Hòa"})
		case i >= 310 && i < 314:
			m.Events = append(m.Events, domain.Event{Kind: domain.EventRemoval, Date: domain.MustDate(2025, 6, 1), Reason: "Bỏ sinh hoạt"})
		case i >= 314 && i < 320:
			p.BirthDate = domain.MustDate(1995, 2, 2)
			m.Events = append(m.Events, domain.Event{Kind: domain.EventComingOfAge, Date: domain.MustDate(2025, 3, 26)})
		}
		ms = append(ms, m)
	}
	must(st.LoadMembers(ctx, ms, store.LoadOptions{EmptyOnly: true}))
	var year []domain.Month
	for m := range 12 {
		year = append(year, domain.Month{Year: 2025, Month: m + 1})
	}
	var called []domain.Attendance
	for _, m := range ms[:300] {
		months := year
		if a := m.Person.AdmissionDate; a.Year() == 2025 {
			months = year[a.Month()-1:]
		}
		must(st.PayDues(ctx, &domain.DuesPayment{PersonID: m.Person.ID, Date: domain.MustDate(2025, 12, 1), Months: months}))
		called = append(called, domain.Attendance{PersonID: m.Person.ID, Status: domain.Present})
	}
	for m := range 12 {
		att := append([]domain.Attendance(nil), called...)
		att[m].Status = domain.Absent
		must(st.SaveMeeting(ctx, &domain.Meeting{BranchID: br.ID, Date: domain.MustDate(2025, m+1, 20), Kind: domain.MeetingRegular,
			Theme: domain.DefaultThemes[m], Minutes: "Chi đoàn sinh hoạt định kỳ theo chủ điểm tháng.", Attendance: att}))
		must(st.SaveCashEntry(ctx, &domain.CashEntry{BranchID: br.ID, Date: domain.MustDate(2025, m+1, 5), Content: "Quỹ chi đoàn", Receipt: 50000}))
	}
	return st, br.ID
}

// BenchmarkBranchBook300 is `report book` of a 300-member branch for a
// year: every section read from the register at the year's cut-off and
// the PDF laid out and written (issue 20: under 1 s).
func BenchmarkBranchBook300(b *testing.B) {
	st, branch := bookRegister(b)
	ctx := context.Background()
	b.ReportAllocs()
	var book *report.Book
	for b.Loop() {
		var err error
		if book, err = BookData(ctx, st, branch, 2025, false); err != nil {
			b.Fatal(err)
		}
		if err := report.WriteBook(io.Discard, book); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(book.Members)), "members")
	b.ReportMetric(float64(len(book.Meetings)), "meetings")
}
