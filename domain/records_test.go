package domain

import (
	"slices"
	"testing"
)

// TestRecordChecks: each record's check names the fields it refuses,
// judged against the day it is given, and cleans the texts it keeps.
func TestRecordChecks(t *testing.T) {
	today := MustDate(2026, 12, 7)
	fields := func(c *Checker) []string {
		var out []string
		for _, e := range c.Errs {
			out = append(out, e.Field)
		}
		return out
	}
	tests := []struct {
		name string
		c    *Checker
		want []string
	}{
		{"a branch with no name or kind", CheckBranch(&Branch{Name: "  "}), []string{"Name", "Kind"}},
		{"a good branch", CheckBranch(&Branch{Name: "Chi đoàn Khóm 1", Kind: BranchHamlet}), nil},
		{"a club founded tomorrow", CheckClub(&Club{Name: "CLB Bóng đá", Kind: "economic", Founded: MustDate(2026, 12, 8)}, today), []string{"Founded"}},
		{"a club founded today", CheckClub(&Club{Name: "CLB Bóng đá", Kind: "economic", Founded: today}, today), nil},
		{"a group's contract before its founding", CheckCoop(&Coop{Name: "THT Rau sạch", Founded: MustDate(2025, 5, 1),
			ContractDate: MustDate(2025, 4, 30)}, today), []string{"ContractDate"}},
		{"a group with debts for capital", CheckCoop(&Coop{Name: "THT Rau sạch", Capital: -1}, today), []string{"Capital"}},
		{"a year's negative revenue", CheckCoopYear(&CoopYear{Revenue: -5, AvgIncome: 1}), []string{"Revenue"}},
		{"the ward's year after next", CheckWardYear(&WardYear{Year: 2028}, today), []string{"Year"}},
		{"the ward's unknown rating", CheckWardYear(&WardYear{Year: 2026, Rating: "gold"}, today), []string{"Rating"}},
		{"a unit with no names", CheckUnit(&Unit{}), []string{"UpperBody", "Name", "Place"}},
		{"a document type with a slash", CheckDocument(&Document{Type: "BC/ĐTN", Issued: today}, today), []string{"Type"}},
		{"an office ending before it starts", CheckPosition(&Position{Kind: "secretary", Start: today, End: MustDate(2026, 1, 1)}), []string{"End"}},
		{"an office with no start", CheckPosition(&Position{Kind: "secretary"}), []string{"Start"}},
		{"ratings of next year and a wrong code", CheckRatings(2027, map[int64]Rating{1: "bad"}, today), []string{"Rating"}},
		{"ratings of the year after next", CheckRatings(2028, nil, today), []string{"Year"}},
	}
	for _, tt := range tests {
		if got := fields(tt.c); !slices.Equal(got, tt.want) {
			t.Errorf("%s: refused %v, want %v (%v)", tt.name, got, tt.want, tt.c.Err())
		}
	}
	u := Unit{UpperBody: "tỉnh đoàn đồng tháp", Name: "bch đoàn phường 1", Place: "Phường 1"}
	if err := CheckUnit(&u).Err(); err != nil || u.IssuerCode != "ĐTN" || u.Name != "BCH ĐOÀN PHƯỜNG 1" {
		t.Errorf("unit cleaned to %+v: %v", u, err)
	}
	d := Document{Type: "BC", Title: "  Báo cáo   năm "}
	if err := CheckDocument(&d, today).Err(); err != nil || d.Issued != today || d.Year != 2026 || d.Title != "Báo cáo năm" {
		t.Errorf("document cleaned to %+v: %v", d, err)
	}
}
