package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestLoadMembers: a bulk load writes people with their own events and
// yearly records; a transfer in keeps the admission date of the former
// unit; the status follows the last event; every row has its history
// line.
func TestLoadMembers(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	d := domain.MustDate
	admitted := member("Nguyễn", "Văn", "An", d(2000, 3, 1), "0871000001")
	moved := member("Trần", "Thị", "Bình", d(1999, 5, 2), "0871000002")
	moved.Gender, moved.AdmissionDate = domain.Female, d(2015, 9, 2)
	aged := member("Lê", "Văn", "Cường", d(1994, 1, 10), "0871000003")
	load := []NewMember{
		{Person: admitted, Years: []domain.MemberYear{{Year: 2024, Rating: "good", TrainingRegistered: true}}},
		{Person: moved, Events: []domain.Event{{Kind: domain.EventTransferIn, Date: d(2022, 8, 15), Unit: "Đoàn phường Mỹ Sen"}}},
		{Person: aged, Events: []domain.Event{{Kind: domain.EventAdmission, Date: aged.AdmissionDate}, {Kind: domain.EventComingOfAge, Date: d(2024, 3, 26)}}},
	}
	if err := s.LoadMembers(ctx, load, LoadOptions{EmptyOnly: true}); err != nil {
		t.Fatal(err)
	}
	// admitted: one admission event made for him; moved: the transfer
	// only, admission date kept; aged: two events, came of age.
	want := []struct {
		p      *domain.Person
		events string
		status domain.Status
		admit  domain.Date
	}{
		{admitted, "admission 01/03/2016", domain.StatusActive, d(2016, 3, 1)},
		{moved, "transfer_in 15/08/2022", domain.StatusActive, d(2015, 9, 2)},
		{aged, "admission 10/01/2010, coming_of_age 26/03/2024", domain.StatusCameOfAge, d(2010, 1, 10)},
	}
	for _, w := range want {
		got, err := s.Person(ctx, w.p.ID)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := s.Events(ctx, w.p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var list []string
		for _, e := range evs {
			list = append(list, string(e.Kind)+" "+e.Date.String())
		}
		if strings.Join(list, ", ") != w.events || got.Status != w.status || got.AdmissionDate != w.admit {
			t.Errorf("%s: events %v, status %s, admitted %s; want %s, %s, %s", got.FullName(), list, got.Status, got.AdmissionDate, w.events, w.status, w.admit)
		}
	}
	if y, err := s.MemberYear(ctx, admitted.ID, 2024); err != nil || y.Rating != "good" || !y.TrainingRegistered {
		t.Errorf("yearly record: %+v %v", y, err)
	}
	// History: 3 people, 4 events, 1 yearly record, a line each.
	h, err := s.History(ctx, HistoryFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range h {
		count[e.Table]++
	}
	if count["people"] != 3 || count["membership_events"] != 4 || count["member_years"] != 1 {
		t.Errorf("history lines by table: %v", count)
	}
}

// TestLoadMembersRefusesABrokenRow: one row breaking a rule of the forms
// (an office-free case: coming of age before the year one turns 30; an
// admission at 14) refuses the whole load with the row named, and
// nothing is written.
func TestLoadMembersRefusesABrokenRow(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	d := domain.MustDate
	young := member("Phạm", "Văn", "Dũng", d(2008, 6, 1), "0871000004")
	young.AdmissionDate = d(2022, 6, 1) // 14 years old
	early := member("Võ", "Thị", "Hoa", d(2000, 2, 2), "0871000005")
	load := []NewMember{
		{Person: member("Huỳnh", "Văn", "Em", d(2001, 1, 1), "0871000006")},
		{Person: young},
		{Person: early, Events: []domain.Event{{Kind: domain.EventAdmission, Date: early.AdmissionDate}, {Kind: domain.EventComingOfAge, Date: d(2025, 3, 26)}}},
	}
	err := s.LoadMembers(ctx, load, LoadOptions{})
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("broken rows loaded: %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"Dòng 2", "phải từ đủ 15 tuổi", "Dòng 3", "tròn 30 tuổi vào năm 2030"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if n := countPeople(t, s); n != 0 {
		t.Errorf("%d people written by a refused load", n)
	}
}

// TestLoadMembersDemo: the demo's invented people are one line of
// history ("Tạo dữ liệu mẫu", 2 people, seed 7), and only on an empty
// register.
func TestLoadMembersDemo(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	d := domain.MustDate
	two := func() []NewMember {
		return []NewMember{{Person: member("Nguyễn", "Văn", "An", d(2000, 3, 1), "0871000001")}, {Person: member("Lê", "Thị", "Hoa", d(2001, 4, 2), "0871000002")}}
	}
	if err := s.LoadMembers(ctx, two(), LoadOptions{Demo: true, Seed: 7}); err == nil {
		t.Fatal("a demo load without EmptyOnly was accepted")
	}
	if err := s.LoadMembers(ctx, two(), LoadOptions{EmptyOnly: true, Demo: true, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	h, err := s.History(ctx, HistoryFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Action != "demo" || h[0].Text(func(s string) string { return s }) != "Tạo dữ liệu mẫu — Số người: 2; Hạt giống: 7" {
		var got []string
		for _, e := range h {
			got = append(got, e.Action+" "+e.Text(func(s string) string { return s }))
		}
		t.Errorf("history of a demo load: %q", got)
	}
	if n := countPeople(t, s); n != 2 {
		t.Errorf("%d people", n)
	}
}
