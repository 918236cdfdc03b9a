package domain

import (
	"strings"
	"testing"
)

// The wordings of real ward lists' Chức vụ column (issue 17: a list had
// offices on 77 rows, all dropped by the import).
func TestParseOffices(t *testing.T) {
	for _, tc := range []struct {
		cell   string
		branch string // the branch a branch office names
		want   string // kinds joined by ","; "!" an error
	}{
		{"", "", ""},
		{"Đoàn viên", "", ""},
		{"Bí thư", "", "secretary"},
		{"Bí thư Đoàn", "", "secretary"},
		{"Phó Bí thư", "", "deputy"},
		{"PBT chi đoàn", "", "branch_deputy"},
		{"Bí thư chi đoàn", "", "branch_secretary"},
		{"Phó Bí thư Chi đoàn Khóm 1", "khom 1", "branch_deputy"},
		{"Bí thư Đoàn phường", "", "secretary"},
		{"Phó Bí thư Đoàn xã", "", "deputy"},
		{"Ủy viên BCH", "", "executive"},
		{"UV BCH Đoàn phường", "", "executive"},
		{"Ủy viên BTV", "", "standing"},
		{"UV BTV Đoàn phường", "", "standing"},
		{"Uỷ viên Ban Chấp hành", "", "executive"},
		{"Bí thư chi đoàn, Ủy viên BCH", "", "branch_secretary,executive"},
		{"Bí thư Chi đoàn Khóm 2 kiêm Ủy viên BCH Đoàn phường", "khom 2", "branch_secretary,executive"},
		{"Phó Bí thư Đoàn phường; UV BTV", "", "deputy,standing"},
		{"Ủy viên BCH chi đoàn", "", "branch_executive"},
		{"Ủy viên BTV chi đoàn", "", "!"},
		{"Trưởng ban", "", "!"},
		{"Chủ nhiệm CLB", "", "!"},
	} {
		claims, err := ParseOffices(tc.cell)
		var got []string
		failed := err != nil
		branch := ""
		for _, c := range claims {
			k, ok := c.Resolve()
			if !ok {
				failed = true
				continue
			}
			got = append(got, string(k))
			if c.Branch != "" {
				branch = c.Branch
			}
		}
		if tc.want == "!" {
			if !failed {
				t.Errorf("%q: read as %v, want refused", tc.cell, got)
			}
			continue
		}
		if err != nil || strings.Join(got, ",") != tc.want || branch != tc.branch {
			t.Errorf("%q: %v of branch %q %v, want %s of %q", tc.cell, got, branch, err, tc.want, tc.branch)
		}
	}
}

// The term's first day, and an office never starting before its
// holder's admission or 16th birthday.
func TestOfficeStart(t *testing.T) {
	for _, tc := range []struct{ today, want Date }{
		{MustDate(2026, 12, 7), MustDate(2022, 1, 1)},
		{MustDate(2027, 1, 1), MustDate(2027, 1, 1)},
		{MustDate(2021, 6, 1), MustDate(2017, 1, 1)},
	} {
		if got := TermStart(tc.today); got != tc.want {
			t.Errorf("term of %s starts %s, want %s", tc.today, got, tc.want)
		}
	}
	from := MustDate(2022, 1, 1)
	p := &Person{UnionMember: true, BirthDate: MustDate(2007, 5, 6), AdmissionDate: MustDate(2023, 3, 26)}
	if got := OfficeStart(p, from); got != MustDate(2023, 5, 6) {
		t.Errorf("admitted 26/03/2023, 16 on 06/05/2023: office from %s, want 06/05/2023", got)
	}
	q := &Person{UnionMember: true, BirthDate: MustDate(1998, 1, 1), AdmissionDate: MustDate(2014, 3, 26)}
	if got := OfficeStart(q, from); got != from {
		t.Errorf("an officer admitted long ago: from %s, want %s", got, from)
	}
}
