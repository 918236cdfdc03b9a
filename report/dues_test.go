package report

import (
	"io"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestMemberListDuesCategory: the personal member list prints each
// member's dues category (the derived one where none is set) in a column
// of its own, and the list without personal data does not.
func TestMemberListDuesCategory(t *testing.T) {
	l := fixtureMemberList(4, true)
	p := &l.Groups[0].Members[0]
	p.Occupation = "student" // derived: không hưởng lương
	q := &l.Groups[1].Members[0]
	q.Occupation, q.DuesCategory = "student", domain.DuesWage // set by hand
	raw := rawText(t, pdfFile(t, "personal", func(w io.Writer) error { return WriteMemberList(w, l) }))
	for _, s := range []string{"Diện đóng đoàn phí", "Không hưởng lương", "Hưởng lương"} {
		if !strings.Contains(raw, s) {
			t.Errorf("personal list lacks %q:\n%s", s, raw)
		}
	}
	// Members 3 and 4 have no occupation: the rate with wages.
	if n := strings.Count(raw, "Không hưởng lương"); n != 1 {
		t.Errorf("%d members without wages, want 1", n)
	}
	l.Personal = false
	raw = rawText(t, pdfFile(t, "plain", func(w io.Writer) error { return WriteMemberList(w, l) }))
	if strings.Contains(raw, "đoàn phí") || strings.Contains(raw, "hưởng lương") {
		t.Errorf("the list without personal data prints the dues category:\n%s", raw)
	}
}
