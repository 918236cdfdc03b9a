package issuing

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestOneNumberPerDocument issues documents of several types through
// Issue, as the window and the command line do, and checks that two
// documents never share a number, that a reissue keeps its number and
// adds a version, that a back-dated document is refused a number after a
// later one (saying which), and that the outgoing register keeps every
// issue with its file.
func TestOneNumberPerDocument(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	member := w.people["A1"].ID
	steps := []struct {
		name string
		req  Request
		want string // the symbol, or "" when refused
		kept bool
		// refused: words the refusal must contain.
		refused []string
	}{
		{"the July report takes the first number",
			Request{Kind: Annual, Year: 2025, Date: d(2025, 7, 10), Cutoff: d(2025, 6, 30)}, "1-BC/ĐTN", false, nil},
		{"the same report reissued keeps it",
			Request{Kind: Annual, Year: 2025, Date: d(2025, 7, 11), Cutoff: d(2025, 6, 30)}, "1-BC/ĐTN", true, nil},
		{"a transfer letter continues the one sequence",
			Request{Kind: Transfer, MemberID: member, To: "Đoàn phường Tân Quy Đông", Date: d(2025, 7, 15)}, "2-GGT/ĐTN", false, nil},
		{"a member list too",
			Request{Kind: Members, Date: d(2025, 8, 1)}, "3-BC/ĐTN", false, nil},
		{"the December report is another document",
			Request{Kind: Annual, Year: 2025, Date: d(2025, 12, 7), Cutoff: d(2025, 11, 30)}, "4-BC/ĐTN", false, nil},
		{"a back-dated list is refused a number after 4-BC",
			Request{Kind: Clubs, Date: d(2025, 7, 20)}, "", false, []string{"4-BC/ĐTN", "07/12/2025", "20/07/2025"}},
		{"--renumber of the July report cannot put it after 4-BC",
			Request{Kind: Annual, Year: 2025, Date: d(2025, 7, 10), Cutoff: d(2025, 6, 30), Renumber: true}, "", false, []string{"4-BC/ĐTN", "07/12/2025"}},
		{"a number by hand already given to another type is refused",
			Request{Kind: Clubs, Date: d(2025, 12, 8), Number: 2}, "", false, []string{"2-GGT/ĐTN"}},
		{"the July report reissued in December still keeps 1-BC",
			Request{Kind: Annual, Year: 2025, Date: d(2025, 12, 8), Cutoff: d(2025, 6, 30)}, "1-BC/ĐTN", true, nil},
		{"a reissue dated before the number is refused",
			Request{Kind: Annual, Year: 2025, Date: d(2025, 7, 9), Cutoff: d(2025, 6, 30)}, "", false, []string{"số 1 ngày 10/07/2025", "09/07/2025"}},
		{"renumbered on a later date it takes the next",
			Request{Kind: Annual, Year: 2025, Date: d(2025, 12, 9), Cutoff: d(2025, 6, 30), Renumber: true}, "5-BC/ĐTN", false, nil},
	}
	for _, s := range steps {
		s.req.Dir = w.dir
		out, err := Issue(ctx, w.st, s.req)
		if s.want == "" {
			var ve *domain.ValidationError
			if !errors.As(err, &ve) {
				t.Errorf("%s: err = %v, want a refusal", s.name, err)
				continue
			}
			for _, word := range s.refused {
				if !strings.Contains(err.Error(), word) {
					t.Errorf("%s: %q does not say %q", s.name, err, word)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", s.name, err)
			continue
		}
		if out.Symbol != s.want || out.Kept != s.kept {
			t.Errorf("%s: %s (kept %v), want %s (kept %v)", s.name, out.Symbol, out.Kept, s.want, s.kept)
		}
	}

	// The register: five numbers, none shared; 1-BC issued three times
	// (10/07, 11/07, 08/12), every issue with its own file on disk.
	docs, err := w.st.Documents(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	versions := map[string]int{}
	for _, doc := range docs {
		if seen[doc.Number] {
			t.Errorf("number %d given twice", doc.Number)
		}
		seen[doc.Number] = true
		versions[doc.Symbol("")] = len(doc.Versions)
		files := map[string]bool{}
		for _, v := range doc.Versions {
			if files[v.File] {
				t.Errorf("%s: two issues share the file %s", doc.Symbol(""), v.File)
			}
			files[v.File] = true
			if _, err := os.Stat(v.File); err != nil {
				t.Errorf("%s of %s: %v", doc.Symbol(""), v.Issued, err)
			}
		}
	}
	want := map[string]int{"1-BC/ĐTN": 3, "2-GGT/ĐTN": 1, "3-BC/ĐTN": 1, "4-BC/ĐTN": 1, "5-BC/ĐTN": 1}
	if len(versions) != len(want) {
		t.Errorf("register %v, want %v", versions, want)
	}
	for sym, n := range want {
		if versions[sym] != n {
			t.Errorf("%s has %d issues, want %d", sym, versions[sym], n)
		}
	}
}
