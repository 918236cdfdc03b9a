package domain

import "testing"

// TestJudgeYears: a yearly target over a plan's period counts the years
// it was met in; a year still running counts only once met.
func TestJudgeYears(t *testing.T) {
	in := Indicator{Code: "2.6", Kind: KindPercent, Target: 80}
	met := Result{Known: true, Verdict: Verdict{Code: VerdictMet}}
	missed := Result{Known: true, Verdict: Verdict{Code: VerdictNotMet}}
	none := Result{Verdict: Verdict{Code: VerdictNoData}}
	for _, tt := range []struct {
		name    string
		years   []Result
		done    []bool
		cell    string
		verdict VerdictCode
	}{
		{"met every year", []Result{met, met, met}, []bool{true, true, true}, "đạt 3/3 năm", VerdictMet},
		// The 2.8: Chưa · Chưa · Có was "Có · Đạt".
		{"met in the last year only", []Result{missed, missed, met}, []bool{true, true, true}, "đạt 1/3 năm", VerdictNotMet},
		{"a year without figures is not met", []Result{none, met}, []bool{true, true}, "đạt 1/2 năm", VerdictNotMet},
		// 2026 runs on the cut-off and is not reached yet: not judged.
		{"running year not yet met", []Result{met, met, missed}, []bool{true, true, false}, "đạt 2/2 năm", VerdictMet},
		{"running year already met", []Result{met, met}, []bool{true, false}, "đạt 2/2 năm", VerdictMet},
		{"only a running year", []Result{missed}, []bool{false}, "", VerdictNoData},
		// A box never ticked in any year: nothing is known.
		{"no year with figures", []Result{none, none}, []bool{true, true}, "", VerdictNoData},
	} {
		r := JudgeYears(in, tt.years, tt.done)
		if r.Verdict.Progress() != tt.cell || r.Verdict.Code != tt.verdict {
			t.Errorf("%s: %q %s, want %q %s", tt.name, r.Verdict.Progress(), r.Verdict.Code, tt.cell, tt.verdict)
		}
	}
}
