package domain

import "testing"

// TestOneRoundingRule: every percentage, cumulative or yearly, has one
// decimal rounded half up with a decimal comma. Each answer is worked by
// hand in its comment.
func TestOneRoundingRule(t *testing.T) {
	cases := []struct {
		num, den float64
		want     string
	}{
		{273, 450, "273/450 (60,7%)"},       // 27300/450 = 60,666… → 60,7 (truncation gave 60)
		{321, 450, "321/450 (71,3%)"},       // 32100/450 = 71,333… → 71,3
		{1, 8, "1/8 (12,5%)"},               // 12,5 exactly
		{1, 16, "1/16 (6,3%)"},              // 6,25: the half goes up
		{1201, 2000, "1.201/2.000 (60,1%)"}, // 60,05: the half goes up, not to 60,0
		{2, 3, "2/3 (66,7%)"},               // 66,666… → 66,7
		{450, 450, "450/450 (100%)"},        // exactly 100, no decimal
		{0, 5, "0/5 (0%)"},                  // nothing done
		{7, 0, "7/0"},                       // no target: no share
	}
	for _, c := range cases {
		if got := FormatShare(c.num, c.den); got != c.want {
			t.Errorf("FormatShare(%v, %v) = %q, want %q", c.num, c.den, got, c.want)
		}
	}
	// A period target's progress prints the same share.
	v := Verdict{Period: true, Kind: KindCount, Done: 273, Target: 450}
	if got := v.Progress(); got != "273/450 (60,7%)" {
		t.Errorf("Progress = %q, want 273/450 (60,7%%)", got)
	}
	for _, c := range []struct {
		v    float64
		want string
	}{
		{60.65, "60,7"}, {72.449, "72,4"}, {-2.25, "-2,3"}, {7500, "7.500"}, {99.96, "100"},
	} {
		if got := FormatNum(c.v); got != c.want {
			t.Errorf("FormatNum(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}
