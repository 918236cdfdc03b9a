package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/internal/testtool"
	"sodoan/store"
)

// TestTrashAndHistoryCommands: delete moves a person and a club to the
// recycle bin, where no list, search or PDF report finds them; emptying
// needs --yes; restore brings the person back; history prints the changes
// with dd/mm/yyyy HH:MM times and Vietnamese labels.
func TestTrashAndHistoryCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	cli := func(args ...string) (string, error) {
		t.Helper()
		var out, errb bytes.Buffer
		err := run(context.Background(), append([]string{"--db", db}, args...), &out, &errb)
		return out.String() + errb.String(), err
	}
	must := func(args ...string) string {
		t.Helper()
		out, err := cli(args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		return out
	}
	pdf := func(name string, args ...string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		must(append(append([]string{"report"}, args...), "--out", path)...)
		testtool.Need(t, "pdftotext")
		text, err := exec.Command("pdftotext", "-raw", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		return strings.Join(strings.Fields(string(text)), " ")
	}
	must("demo", "--members", "200", "--year", "2025")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	people, err := st.ListMembers(ctx, store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive})
	if err != nil {
		t.Fatal(err)
	}
	clubs, err := st.Clubs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	// A member of the first club whose full name no one else has.
	club := clubs[0]
	inClub := map[int64]bool{}
	for _, m := range club.Members {
		inClub[m.PersonID] = true
	}
	var p domain.Person
	for _, c := range people {
		if !inClub[c.ID] {
			continue
		}
		n := 0
		for _, o := range people {
			if o.FullName() == c.FullName() {
				n++
			}
		}
		if n == 1 {
			p = c
			break
		}
	}
	name := p.FullName()
	if name == "" {
		t.Fatal("no club member with a name of their own")
	}
	if list := pdf("before.pdf", "members", "--date", "06/03/2026"); !strings.Contains(list, name) {
		t.Fatalf("member list lacks %s before deletion", name)
	}
	if list := pdf("clubs-before.pdf", "clubs", "--date", "06/03/2026"); !strings.Contains(list, club.Name) {
		t.Fatalf("club report lacks %s before deletion", club.Name)
	}

	must("delete", "person", itoa(p.ID))
	must("delete", "club", itoa(club.ID))
	trash := must("trash", "list")
	for _, want := range []string{"Người (person)", name, "Câu lạc bộ (club)", club.Name} {
		if !strings.Contains(trash, want) {
			t.Fatalf("trash list lacks %q:\n%s", want, trash)
		}
	}
	if out := must("members", "list", "--format", "csv"); strings.Contains(out, name) {
		t.Fatalf("members list shows a deleted person")
	}
	if out := must("search", p.GivenName); strings.Contains(out, name) {
		t.Fatalf("search finds a deleted person:\n%s", out)
	}
	if list := pdf("after.pdf", "members", "--date", "06/03/2026"); strings.Contains(list, name) {
		t.Fatalf("member list PDF shows a deleted person")
	}
	if list := pdf("clubs-after.pdf", "clubs", "--date", "06/03/2026"); strings.Contains(list, club.Name) {
		t.Fatalf("club report shows a deleted club")
	}

	// Emptying without --yes deletes nothing.
	if out, err := cli("trash", "empty"); err == nil || !strings.Contains(err.Error(), "--yes") {
		t.Fatalf("trash empty without --yes: %v\n%s", err, out)
	}
	if out := must("trash", "list"); !strings.Contains(out, name) {
		t.Fatalf("trash empty without --yes removed items:\n%s", out)
	}
	must("trash", "empty", "club", itoa(club.ID), "--yes")
	if out, err := cli("trash", "restore", "club", itoa(club.ID)); err == nil {
		t.Fatalf("restored a club deleted for good:\n%s", out)
	}
	out := must("trash", "restore", "person", itoa(p.ID))
	// The club was deleted for good: the membership cannot come back,
	// and the restore says so.
	if !strings.Contains(out, "Đã khôi phục người "+name) || !strings.Contains(out, "Lưu ý: câu lạc bộ mã "+itoa(club.ID)+" không còn trong sổ") {
		t.Fatalf("restore output:\n%s", out)
	}
	if out := must("search", p.GivenName); !strings.Contains(out, name) {
		t.Fatalf("restored person not found:\n%s", out)
	}

	hist := must("history", "--member", itoa(p.ID))
	lines := strings.Split(strings.TrimSpace(hist), "\n")
	stamp := regexp.MustCompile(`^\d\d/\d\d/\d{4} \d\d:\d\d  `)
	if len(lines) < 4 || !strings.Contains(lines[0], name) || !stamp.MatchString(lines[2]) ||
		!strings.Contains(lines[2], "Khôi phục người") || !strings.Contains(lines[3], "Chuyển người") {
		t.Fatalf("history --member:\n%s", hist)
	}
	if all := must("history", "--limit", "2"); !strings.Contains(all, "Khôi phục người") || !strings.Contains(all, "Xóa vĩnh viễn câu lạc bộ") {
		t.Fatalf("history --limit 2:\n%s", all)
	}

	for _, bad := range [][]string{
		{"history", "--limit", "0"}, {"history", "--limit", "1000000000"}, {"history", "--member", "-3"},
		{"history", "--member", "x"}, {"history", "--limit", "x"},
		{"trash"}, {"trash", "restore"}, {"trash", "restore", "dog", "1"}, {"trash", "restore", "person", "x"},
		{"trash", "restore", "person", "0"}, {"trash", "burn"}, {"delete", "person", "999999"}, {"delete"},
	} {
		before, _ := os.ReadFile(db)
		out, err := cli(bad...)
		if err == nil {
			t.Errorf("%v: succeeded\n%s", bad, out)
		} else if strings.Contains(err.Error(), "invalid") || strings.Contains(err.Error(), "parse") {
			// issue 18: the flag package's English reached the user.
			t.Errorf("%v: answered in English: %v", bad, err)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Errorf("%v: changed the register", bad)
		}
	}
}
