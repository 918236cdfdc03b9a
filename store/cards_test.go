package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestCardDate: the day a card was handed goes through the register and
// its history like any field of the catalog; it is refused in the future
// or before the admission, naming the field; WithoutCard counts the
// active members who have none (here: Bình; Chi has hers, Dũng left).
func TestCardDate(t *testing.T) {
	ctx := context.Background()
	s := openOnDay(t, domain.MustDate(2026, 5, 10))
	save := func(given string, card domain.Date) (*domain.Person, error) {
		p := &domain.Person{FamilyName: "Nguyễn", MiddleName: "Văn", GivenName: given, Gender: domain.Male, BirthDate: domain.MustDate(2005, 1, 1),
			UnionMember: true, AdmissionDate: domain.MustDate(2021, 3, 26), CardDate: card}
		return p, s.SavePerson(ctx, p)
	}
	for _, c := range []struct {
		card domain.Date
		msg  string
	}{
		{domain.MustDate(2026, 5, 11), "ở tương lai"},
		{domain.MustDate(2021, 3, 25), "trước ngày vào Đoàn 26/03/2021"},
	} {
		_, err := save("Ân", c.card)
		var v *domain.ValidationError
		if !errors.As(err, &v) || v.Errors[0].Field != "CardDate" || v.Errors[0].Label != "Ngày trao thẻ" || !strings.Contains(v.Error(), c.msg) {
			t.Errorf("card handed %s: %v", c.card, err)
		}
	}
	if n, err := s.CountMembers(ctx, MemberFilter{}); err != nil || n != 0 {
		t.Fatalf("refused people were written: %d, %v", n, err)
	}
	if _, err := save("Bình", domain.Date{}); err != nil {
		t.Fatal(err)
	}
	chi, err := save("Chi", domain.MustDate(2021, 6, 1))
	if err != nil {
		t.Fatal(err)
	}
	dung, err := save("Dũng", domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddEvent(ctx, &domain.Event{PersonID: dung.ID, Kind: domain.EventTransferOut, Date: domain.MustDate(2026, 1, 5), Unit: "Đoàn xã An Hòa"}); err != nil {
		t.Fatal(err)
	}
	back, err := s.Person(ctx, chi.ID)
	if err != nil || back.CardDate != domain.MustDate(2021, 6, 1) {
		t.Errorf("Chi's card day read back %s, %v", back.CardDate, err)
	}
	if n, err := s.WithoutCard(ctx); err != nil || n != 1 {
		t.Errorf("members without a card: %d, %v; want 1 (Bình)", n, err)
	}
}
