package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
)

// Branch names an import would create follow the rules of a branch typed
// in the window, each bad one a problem of its row; nothing is written.
// And check reports such names already in a register (issue 18, finding
// 8).
func TestGroupNamesFollowTheRules(t *testing.T) {
	ctx := context.Background()
	bad := []struct{ name, says string }{
		{"Chi đoàn \u202eKhóm 1", "U+202E"},
		{"Chi đoàn Khóm\u200b 2", "U+200B"},
		{"Chi đoàn 😀", "U+1F600"},
		{"Chi đoàn \x00 NUL", "điều khiển"},
		{"Chi đoàn " + strings.Repeat("x", 1<<20), "tối đa 200"},
	}
	s, err := Open(filepath.Join(t.TempDir(), "so.db"))
	mustNil(t, err)
	defer s.Close()
	var people []*domain.Person
	var rows []int
	for i, b := range bad {
		p := member("Nguyễn", "Văn", []string{"An", "Bình", "Chi", "Dũng", "Hòa"}[i], domain.MustDate(2001, 1, 1+i), "")
		p.BranchName = b.name
		people = append(people, p)
		rows = append(rows, i+2)
	}
	_, err = s.ImportPeople(ctx, people, rows, ImportOptions{CreateBranches: true})
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("import of bad branch names: %v", err)
	}
	for i, b := range bad {
		found := false
		for _, e := range ve.Errors {
			if e.Row == i+2 && e.Label == "Chi đoàn" && strings.Contains(e.Msg, b.says) {
				found = true
			}
		}
		if !found {
			t.Errorf("row %d (%q…) has no problem saying %q: %v", i+2, b.name[:min(len(b.name), 20)], b.says, ve.Errors)
		}
	}
	if n := countPeople(t, s); n != 0 {
		t.Fatalf("the refused import wrote %d people", n)
	}
	branches, err := s.Branches(ctx, true)
	mustNil(t, err)
	if len(branches) != 0 {
		t.Fatalf("the refused import made %d branches", len(branches))
	}

	// A register whose names broke the rules before this check (an older
	// import, the sqlite3 shell): check names each.
	mustNil(t, s.Close())
	rawExec(t, s.Path(), `INSERT INTO branches(name, kind) VALUES ('Chi đoàn '||char(8238)||'Khóm 1', 'hamlet'), ('Chi đoàn Khóm 2', 'hamlet')`,
		`INSERT INTO clubs(name, leader) VALUES ('CLB Bóng đá', 'Trần 9')`, `INSERT INTO coops(name, field) VALUES ('THT '||char(0), '')`)
	s, err = Open(s.Path())
	mustNil(t, err)
	problems, err := s.CheckRules(ctx)
	mustNil(t, err)
	got := strings.Join(problems, "\n")
	for _, want := range []string{"Chi đoàn số 1: Tên chi đoàn: có ký tự không in được (U+202E)", "Câu lạc bộ số 1: Chủ nhiệm:", "Tổ hợp tác số 1: Tên tổ hợp tác: có ký tự điều khiển"} {
		if !strings.Contains(got, want) {
			t.Errorf("check does not say %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Chi đoàn số 2") {
		t.Errorf("check finds fault with a good branch name:\n%s", got)
	}
}
