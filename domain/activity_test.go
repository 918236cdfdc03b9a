package domain

import "testing"

// TestShare: a member's share and the top grade's threshold, by hand.
func TestShare(t *testing.T) {
	for _, tc := range []struct {
		sh    Share
		meets bool
		text  string
	}{
		{Share{Called: 10, Took: 9}, true, "9/10 (90 %)"},            // 90 % exactly reaches 90 %
		{Share{Called: 12, Took: 10}, false, "10/12 (83,3 %)"},       // 83,33… rounds to 83,3
		{Share{Called: 3, Took: 3}, true, "3/3 (100 %)"},             // all
		{Share{}, false, "chưa có"},                                  // nothing called: no evidence
		{Share{Called: 1000, Took: 899}, false, "899/1000 (89,9 %)"}, // just under
	} {
		if got := tc.sh.Meets(90); got != tc.meets {
			t.Errorf("%+v: meets 90 %% = %v", tc.sh, got)
		}
		if got := tc.sh.String(); got != tc.text {
			t.Errorf("%+v: %q, want %q", tc.sh, got, tc.text)
		}
	}
}

// TestCheckActivity: each bad field is named; a roll longer than the
// counts raises the Union count; the ward organising clears branches.
func TestCheckActivity(t *testing.T) {
	today := MustDate(2026, 12, 7)
	for _, tc := range []struct {
		name  string
		a     Activity
		field string // "" when valid
	}{
		{"valid", Activity{Kind: "blood", Title: "Hiến máu", Date: MustDate(2026, 4, 1), Ward: true, Measures: map[string]int64{"units": 8}}, ""},
		{"no title", Activity{Kind: "blood", Date: MustDate(2026, 4, 1), Ward: true}, "Title"},
		{"training", Activity{Kind: KindTraining, Title: "X", Date: MustDate(2026, 4, 1), Ward: true}, "Kind"},
		{"model", Activity{Kind: KindModel, Title: "X", Date: MustDate(2026, 4, 1), Ward: true}, "Kind"},
		{"future", Activity{Kind: "blood", Title: "X", Date: MustDate(2026, 12, 8), Ward: true}, "Date"},
		{"negative", Activity{Kind: "blood", Title: "X", Date: MustDate(2026, 4, 1), Ward: true, Participants: Participants{Others: -1}}, "Others"},
		{"huge figure", Activity{Kind: "works", Title: "X", Date: MustDate(2026, 4, 1), Ward: true, Measures: map[string]int64{"value": MaxMeasure + 1}}, "Measures"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := CheckActivity(&tc.a, DefaultActivityKinds, today)
			switch {
			case tc.field == "" && len(c.Errs) > 0:
				t.Errorf("refused: %v", c.Errs)
			case tc.field != "" && (len(c.Errs) == 0 || c.Errs[0].Field != tc.field):
				t.Errorf("errors %v, want one on %s", c.Errs, tc.field)
			}
		})
	}
	a := Activity{Kind: "education", Title: "X", Date: MustDate(2026, 4, 1), Ward: true, Branches: []int64{3},
		Participants: Participants{Union: 1}, Roll: true, People: []int64{1, 2, 3}}
	if c := CheckActivity(&a, DefaultActivityKinds, today); len(c.Errs) > 0 || a.Participants.Union != 3 || a.Branches != nil {
		t.Errorf("roll of 3 with 1 counted: %+v %v", a, c.Errs)
	}
}

// TestMonthsOf: a working year from 01/10 runs October to September.
func TestMonthsOf(t *testing.T) {
	sp := YearSpanOf(2026, 1, 10, Date{}, MustDate(2026, 12, 7))
	ms := MonthsOf(sp)
	if ms[0] != (YearMonth{2025, 10}) || ms[2] != (YearMonth{2025, 12}) || ms[3] != (YearMonth{2026, 1}) || ms[11] != (YearMonth{2026, 9}) {
		t.Errorf("months %v", ms)
	}
}

// TestKindCode: the code is the label without marks, words joined by _,
// made unique by a suffix.
func TestKindCode(t *testing.T) {
	taken := map[string]bool{"trong_cay_xanh": true, "trong_cay_xanh_2": true}
	for _, c := range []struct{ label, want string }{
		{"Trồng cây xanh", "trong_cay_xanh_3"},
		{"Đội hình tình nguyện – hè", "doi_hinh_tinh_nguyen_he"},
		{"  Số tiền (đồng) ", "so_tien_dong"},
		{"–", "loai"},
	} {
		if got := KindCode(c.label, func(s string) bool { return taken[s] }); got != c.want {
			t.Errorf("%q: %q, want %q", c.label, got, c.want)
		}
	}
}
