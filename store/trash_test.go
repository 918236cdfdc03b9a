package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
)

// wardView is everything a user can see of the register: lists, search,
// counts, indicators, the situation report's figures, clubs, groups,
// branches and the CSV export, written out as text.
func wardView(t *testing.T, s *Store, plan domain.Plan) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	add := func(what string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		fmt.Fprintf(&b, "%s: %+v\n", what, v)
	}
	for _, k := range []MemberKind{KindUnion, KindFederation, KindAll} {
		list, err := s.ListMembers(ctx, MemberFilter{Kind: k})
		add(fmt.Sprintf("list %v", k), list, err)
		n, err := s.CountMembers(ctx, MemberFilter{Kind: k})
		add(fmt.Sprintf("count %v", k), n, err)
	}
	for _, q := range []string{"an", "nguyen", "A", "lan"} {
		found, err := s.Search(ctx, q, 50)
		add("search "+q, found, err)
		list, err := s.ListMembers(ctx, MemberFilter{Query: q})
		add("list q "+q, list, err)
	}
	for _, y := range []int{2024, 2025} {
		res, err := s.YearResults(ctx, plan.ID, y)
		add(fmt.Sprint("results ", y), res, err)
		sit, err := s.Situation(ctx, y)
		add(fmt.Sprint("situation ", y), sit, err)
		ov, err := s.Overview(ctx, y)
		add(fmt.Sprint("overview ", y), ov, err)
	}
	pr, err := s.PeriodResults(ctx, plan.ID)
	add("period", pr, err)
	br, err := s.Branches(ctx, true)
	add("branches", br, err)
	clubs, err := s.Clubs(ctx)
	add("clubs", clubs, err)
	coops, err := s.Coops(ctx)
	add("coops", coops, err)
	cy, err := s.CoopYears(ctx, 2025)
	add("coop years", cy, err)
	// What an export writes (package sheet streams EachMember).
	var all []domain.Person
	err = s.EachMember(ctx, MemberFilter{}, func(p *domain.Person) error { all = append(all, *p); return nil })
	add("export", all, err)
	return b.String()
}

// personView is a person with everything linked to them.
func personView(t *testing.T, s *Store, id int64) string {
	t.Helper()
	ctx := context.Background()
	p, err := s.Person(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := s.Events(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ys, err := s.MemberYears(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := s.Positions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%+v\n%+v\n%+v\n%+v", p, ev, ys, ps)
}

func findPerson(t *testing.T, s *Store, name string) domain.Person {
	t.Helper()
	list, err := s.ListMembers(context.Background(), MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.FullName() == name {
			return p
		}
	}
	t.Fatalf("%s not in the list", name)
	return domain.Person{}
}

func branchNamed(t *testing.T, s *Store, name string) domain.Branch {
	t.Helper()
	b, err := s.BranchByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// saveBranch adds an active hamlet branch.
func saveBranch(t *testing.T, s *Store, name string) *domain.Branch {
	t.Helper()
	b := &domain.Branch{Name: name, Kind: domain.BranchHamlet, Active: true}
	mustNil(t, s.SaveBranch(context.Background(), b))
	return b
}

func mustNil(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestTrashHidesAndRestores: a person, a branch, a club and a group moved
// to the recycle bin vanish from every list, search, count, indicator and
// report figure, and come back exactly, links included.
func TestTrashHidesAndRestores(t *testing.T) {
	ctx := context.Background()
	s, plan := fixtureWard(t)
	// Hải transferred out of Khóm 2: a former member keeps his branch.
	hai := findPerson(t, s, "Bùi Văn Hải")
	khom2 := branchNamed(t, s, "Khóm 2")
	hai.BranchID = khom2.ID
	mustNil(t, s.SavePerson(ctx, &hai))
	mustNil(t, s.SaveBranchYear(ctx, domain.BranchYear{BranchID: khom2.ID, Year: 2024, Rating: "good"}))

	an := findPerson(t, s, "Nguyễn Văn An")
	before := wardView(t, s, plan)
	for _, name := range []string{"Nguyễn Văn An", "Chi đoàn Khóm 2", "CLB Thanh niên làm kinh tế", "THT Hoa kiểng", "Trương Văn Lộc"} {
		if !strings.Contains(before, name) {
			t.Fatalf("the view of the register lacks %s before any deletion", name)
		}
	}
	anBefore := personView(t, s, an.ID)
	haiBefore := personView(t, s, hai.ID)

	// A branch with active members is refused, and nothing changes.
	errs := fieldErrors(t, s.DeleteBranch(ctx, an.BranchID))
	if errs[0].Field != "ID" || !strings.Contains(errs[0].Msg, "còn 1 người đang sinh hoạt") {
		t.Fatalf("deleting Khóm 1: %v", errs)
	}

	// A person.
	mustNil(t, s.DeletePerson(ctx, an.ID))
	after := wardView(t, s, plan)
	if strings.Contains(after, "Nguyễn Văn An") {
		t.Fatalf("Nguyễn Văn An still visible after deletion:\n%s", after)
	}
	if _, err := s.Person(ctx, an.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Person of a deleted person: %v", err)
	}
	// Union members: An, Bích, Cường, Phúc, Giang and Hải, less An.
	if n, _ := s.CountMembers(ctx, MemberFilter{Kind: KindUnion}); n != 5 {
		t.Fatalf("union members after deleting An: %d, want 5", n)
	}
	res, err := s.YearResults(ctx, plan.ID, 2025)
	mustNil(t, err)
	if res[6].Indicator.Code != "n1" || res[3].Indicator.Code != "p1" {
		t.Fatalf("indicator order: %s %s", res[6].Indicator.Code, res[3].Indicator.Code)
	}
	for _, r := range res {
		// n1 counts the Union members admitted in 2025: An, Bích and
		// Giang, then Bích and Giang.
		if r.Indicator.Code == "n1" && r.Actual != 2 {
			t.Fatalf("new Union members 2025 without An: %v, want 2", r.Actual)
		}
	}
	items, err := s.Trash(ctx)
	mustNil(t, err)
	// An: one admission event, a 2025 record, an office, a club membership.
	if len(items) != 1 || items[0].Kind != domain.TrashPerson || items[0].ID != an.ID || items[0].Label != "Nguyễn Văn An (02/02/2000)" || items[0].Links != 4 {
		t.Fatalf("trash = %+v", items)
	}

	// A branch with only former members goes, and they lose the link
	// until it comes back.
	mustNil(t, s.DeleteBranch(ctx, khom2.ID))
	if got, _ := s.Person(ctx, hai.ID); got.BranchName != "" || got.BranchID != 0 {
		t.Fatalf("Hải still in a deleted branch: %+v", got)
	}
	res, err = s.YearResults(ctx, plan.ID, 2025)
	mustNil(t, err)
	for _, r := range res {
		// p1: hamlet branches meeting every criterion, 1 of Khóm 1 and
		// Ấp 3 (Ấp 3 met them all too, so 2 of 2) once Khóm 2 is gone.
		if r.Indicator.Code == "p1" && r.Actual != 100 {
			t.Fatalf("standard hamlet branches without Khóm 2: %v (%s)", r.Actual, r.Detail)
		}
	}
	clubs, err := s.Clubs(ctx)
	mustNil(t, err)
	coops, err := s.Coops(ctx)
	mustNil(t, err)
	var club, coop int64
	for _, c := range clubs {
		if c.Name == "CLB Thanh niên làm kinh tế" {
			club = c.ID
		}
	}
	for _, c := range coops {
		if c.Name == "THT Hoa kiểng" {
			coop = c.ID
		}
	}
	mustNil(t, s.DeleteClub(ctx, club))
	mustNil(t, s.DeleteCoop(ctx, coop))
	gone := wardView(t, s, plan)
	for _, name := range []string{"Chi đoàn Khóm 2", "CLB Thanh niên làm kinh tế", "THT Hoa kiểng", "Trương Văn Lộc"} {
		if strings.Contains(gone, name) {
			t.Fatalf("%s still visible after deletion", name)
		}
	}
	if items, _ := s.Trash(ctx); len(items) != 4 {
		t.Fatalf("trash holds %d items, want 4", len(items))
	}

	// Everything back, in another order than it went.
	for _, r := range []struct {
		kind domain.TrashKind
		id   int64
	}{{domain.TrashClub, club}, {domain.TrashPerson, an.ID}, {domain.TrashBranch, khom2.ID}, {domain.TrashCoop, coop}} {
		got, err := s.RestoreTrash(ctx, r.kind, r.id)
		if err != nil {
			t.Fatalf("restore %s %d: %v", r.kind, r.id, err)
		}
		if got.ID != r.id || len(got.Notes) != 0 {
			t.Fatalf("restore %s %d = %+v", r.kind, r.id, got)
		}
	}
	// The club came back before An: his membership came back with him.
	if restored := wardView(t, s, plan); restored != before {
		t.Fatalf("restored register differs:\n%s", diffLines(before, restored))
	}
	if got := personView(t, s, an.ID); got != anBefore {
		t.Fatalf("An restored as\n%s\nwant\n%s", got, anBefore)
	}
	if got := personView(t, s, hai.ID); got != haiBefore {
		t.Fatalf("Hải restored as\n%s\nwant\n%s", got, haiBefore)
	}
	if items, _ := s.Trash(ctx); len(items) != 0 {
		t.Fatalf("trash after restoring all: %+v", items)
	}
	_, problems, err := s.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Fatalf("Check after restore: %v %v", problems, err)
	}
}

// diffLines shows the lines of b that are not in a.
func diffLines(a, b string) string {
	have := map[string]bool{}
	for _, l := range strings.Split(a, "\n") {
		have[l] = true
	}
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if !have[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

// TestEmptyTrash: emptying deletes for good, keeps every other record's
// links, and takes a deleted person's personal data out of history.
func TestEmptyTrash(t *testing.T) {
	ctx := context.Background()
	s, plan := fixtureWard(t)
	an := findPerson(t, s, "Nguyễn Văn An")
	cuong := findPerson(t, s, "Lê Văn Cường")
	cuongBefore := personView(t, s, cuong.ID)
	an.Phone = "0901234567"
	mustNil(t, s.SavePerson(ctx, &an))
	mustNil(t, s.DeletePerson(ctx, an.ID))
	khom1 := branchNamed(t, s, "Khóm 1")
	// An was Khóm 1's only member: the branch can go now.
	mustNil(t, s.DeleteBranch(ctx, khom1.ID))

	// One item at a time: the branch first. An, restored, then has no
	// branch, and the restore says why.
	mustNil(t, s.PurgeTrash(ctx, domain.TrashBranch, khom1.ID))
	if _, err := s.RestoreTrash(ctx, domain.TrashBranch, khom1.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restore of a purged branch: %v", err)
	}
	got, err := s.RestoreTrash(ctx, domain.TrashPerson, an.ID)
	mustNil(t, err)
	if len(got.Notes) != 1 || !strings.Contains(got.Notes[0].Error(), "chi đoàn mã") {
		t.Fatalf("restore notes: %v", got.Notes)
	}
	if p, _ := s.Person(ctx, an.ID); p.BranchID != 0 || p.Phone != "0901234567" {
		t.Fatalf("An restored without his branch: %+v", p)
	}

	// Everything at once.
	mustNil(t, s.DeletePerson(ctx, an.ID))
	clubs, err := s.Clubs(ctx)
	mustNil(t, err)
	mustNil(t, s.DeleteClub(ctx, clubs[0].ID))
	n, err := s.EmptyTrash(ctx)
	mustNil(t, err)
	if n != 2 {
		t.Fatalf("EmptyTrash = %d, want 2", n)
	}
	if items, _ := s.Trash(ctx); len(items) != 0 {
		t.Fatalf("trash after emptying: %+v", items)
	}
	if _, err := s.RestoreTrash(ctx, domain.TrashPerson, an.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restore after emptying: %v", err)
	}
	var rows int
	for _, table := range []string{"membership_events", "member_years", "positions", "club_members"} {
		var n int
		mustNil(t, s.db.QueryRow(`SELECT count(*) FROM `+table+` WHERE person_id = ?`, an.ID).Scan(&n))
		rows += n
	}
	if rows != 0 {
		t.Fatalf("%d rows of An left after emptying", rows)
	}
	if got := personView(t, s, cuong.ID); got != cuongBefore {
		t.Fatalf("Cường changed by emptying the bin:\n%s\nwant\n%s", got, cuongBefore)
	}
	// History keeps that person N was deleted for good, and nothing of
	// their data.
	h, err := s.History(ctx, HistoryFilter{PersonID: an.ID})
	mustNil(t, err)
	if len(h) != 1 || h[0].Action != "purge" || h[0].Note != "" || len(h[0].Changes) != 0 {
		t.Fatalf("history of a purged person: %+v", h)
	}
	var leak int
	mustNil(t, s.db.QueryRow(`SELECT count(*) FROM history WHERE before LIKE '%0901234567%' OR after LIKE '%0901234567%' OR note LIKE '%Nguyễn Văn An%'`).Scan(&leak))
	if leak != 0 {
		t.Fatalf("%d history rows still hold An's data", leak)
	}
	_, problems, err := s.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Fatalf("Check after emptying: %v %v", problems, err)
	}
	_ = plan
}

// TestTrashKeepsIDs: a record added while another waits in the bin never
// takes its id, so the restore brings it back under its own.
func TestTrashKeepsIDs(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 1), "A1")
	mustNil(t, s.SavePerson(ctx, a))
	b := member("Trần", "Văn", "Bình", domain.MustDate(2000, 1, 1), "B1")
	mustNil(t, s.SavePerson(ctx, b))
	mustNil(t, s.DeletePerson(ctx, b.ID))
	c := member("Lê", "Văn", "Cường", domain.MustDate(2000, 1, 1), "C1")
	mustNil(t, s.AddPeople(ctx, []*domain.Person{c}))
	if c.ID == b.ID {
		t.Fatalf("new person took the id %d of one in the bin", c.ID)
	}
	if got, _ := s.Search(ctx, "cuong", 5); len(got) != 1 || got[0].ID != c.ID {
		t.Fatalf("search finds %+v, want Cường %d", got, c.ID)
	}
	// A card number given meanwhile to someone else blocks the restore
	// with a message, and changes nothing.
	d := member("Phạm", "Văn", "Dũng", domain.MustDate(2000, 1, 1), "B1")
	mustNil(t, s.SavePerson(ctx, d))
	errs := fieldErrors(t, func() error { _, err := s.RestoreTrash(ctx, domain.TrashPerson, b.ID); return err }())
	if errs[0].Field != "CardNumber" || !strings.Contains(errs[0].Msg, "Phạm Văn Dũng") {
		t.Fatalf("card conflict: %v", errs)
	}
	d.CardNumber = "D1"
	mustNil(t, s.SavePerson(ctx, d))
	got, err := s.RestoreTrash(ctx, domain.TrashPerson, b.ID)
	mustNil(t, err)
	if got.ID != b.ID {
		t.Fatalf("restored under %d, want %d", got.ID, b.ID)
	}
	if found, _ := s.Search(ctx, "binh", 5); len(found) != 1 || found[0].ID != b.ID {
		t.Fatalf("restored person not searchable: %+v", found)
	}
	// A branch of the same name made meanwhile blocks a branch's restore.
	br := &domain.Branch{Name: "Chi đoàn Khóm 9", Kind: domain.BranchHamlet, Active: true}
	mustNil(t, s.SaveBranch(ctx, br))
	mustNil(t, s.DeleteBranch(ctx, br.ID))
	mustNil(t, s.SaveBranch(ctx, &domain.Branch{Name: "Chi đoàn Khóm 9", Kind: domain.BranchHamlet, Active: true}))
	errs = fieldErrors(t, func() error { _, err := s.RestoreTrash(ctx, domain.TrashBranch, br.ID); return err }())
	if errs[0].Field != "Name" {
		t.Fatalf("name conflict: %v", errs)
	}
	if _, err := s.RestoreTrash(ctx, "dog", 1); err == nil {
		t.Fatal("restore of an unknown kind succeeded")
	}
	if err := s.DeletePerson(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete of a missing person: %v", err)
	}
}

// TestTrashLinksBetweenDeletedRecords: a person and their branch or club
// both in the bin come back linked, whichever is restored first.
func TestTrashLinksBetweenDeletedRecords(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	br := saveBranch(t, s, "Chi đoàn Khóm 1")
	p := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 2), "A1")
	p.BranchID = br.ID
	mustNil(t, s.SavePerson(ctx, p))
	club := &domain.Club{Name: "CLB Bóng đá", Kind: "interest", Active: true, Members: []domain.GroupMember{{PersonID: p.ID, Role: "Đội trưởng"}, {Name: "Trương Văn Lộc"}}}
	mustNil(t, s.SaveClub(ctx, club))

	// The person goes first, then the branch (now without active
	// members) and the club.
	mustNil(t, s.DeletePerson(ctx, p.ID))
	mustNil(t, s.DeleteBranch(ctx, br.ID))
	mustNil(t, s.DeleteClub(ctx, club.ID))
	// Back in the other order: the person first, whose branch and club
	// are still in the bin.
	res, err := s.RestoreTrash(ctx, domain.TrashPerson, p.ID)
	mustNil(t, err)
	if len(res.Notes) != 2 || !strings.Contains(res.Notes[0].Error(), "đang ở thùng rác") || !strings.Contains(res.Notes[1].Error(), "đang ở thùng rác") {
		t.Fatalf("notes: %q", res.Notes)
	}
	if got, _ := s.Person(ctx, p.ID); got.BranchID != 0 {
		t.Fatalf("person restored into a branch in the bin: %+v", got)
	}
	_, err = s.RestoreTrash(ctx, domain.TrashBranch, br.ID)
	mustNil(t, err)
	_, err = s.RestoreTrash(ctx, domain.TrashClub, club.ID)
	mustNil(t, err)
	if got, _ := s.Person(ctx, p.ID); got.BranchID != br.ID {
		t.Fatalf("person not back in the branch: %+v", got)
	}
	c, err := s.Club(ctx, club.ID)
	mustNil(t, err)
	if len(c.Members) != 2 || c.Members[0].PersonID != p.ID || c.Members[0].Role != "Đội trưởng" || c.Members[1].Name != "Trương Văn Lộc" {
		t.Fatalf("club restored with %+v", c.Members)
	}

	// The club first, then the person: the membership waits with the
	// person.
	mustNil(t, s.DeleteClub(ctx, club.ID))
	mustNil(t, s.DeletePerson(ctx, p.ID))
	res, err = s.RestoreTrash(ctx, domain.TrashClub, club.ID)
	mustNil(t, err)
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0].Error(), "người mã") {
		t.Fatalf("notes: %q", res.Notes)
	}
	if c, _ := s.Club(ctx, club.ID); len(c.Members) != 1 {
		t.Fatalf("club members while the person is in the bin: %+v", c.Members)
	}
	_, err = s.RestoreTrash(ctx, domain.TrashPerson, p.ID)
	mustNil(t, err)
	if c, _ := s.Club(ctx, club.ID); len(c.Members) != 2 {
		t.Fatalf("membership not back with the person: %+v", c.Members)
	}
	_, problems, err := s.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Fatalf("Check: %v %v", problems, err)
	}
}

// TestUpgradeKeepsData: a register written before the recycle bin and
// history (schema 1) is brought forward with its people, who can then be
// deleted, restored and have their changes recorded.
func TestUpgradeKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cu.db")
	orig := migrations
	t.Cleanup(func() { migrations = orig })
	migrations = orig[:1]
	old, err := Open(path)
	mustNil(t, err)
	// Schema 1 has no history table: write as the old build did.
	_, err = old.db.Exec(`INSERT INTO people(family_name, given_name, birth_date, union_member, admission_date, sort_key) VALUES ('Lê', 'Cường', '2000-01-02', 1, '2016-03-26', x'00')`)
	mustNil(t, err)
	mustNil(t, old.Close())
	migrations = orig

	s, err := Open(path)
	mustNil(t, err)
	defer s.Close()
	var v int
	mustNil(t, s.db.QueryRow(`PRAGMA user_version`).Scan(&v))
	if v != len(orig) {
		t.Fatalf("schema %d after upgrade, want %d", v, len(orig))
	}
	list, err := s.ListMembers(ctx, MemberFilter{})
	mustNil(t, err)
	if len(list) != 1 || list[0].FullName() != "Lê Cường" {
		t.Fatalf("people after upgrade: %+v", list)
	}
	p := list[0]
	p.Phone = "0901234567"
	mustNil(t, s.SavePerson(ctx, &p))
	mustNil(t, s.DeletePerson(ctx, p.ID))
	_, err = s.RestoreTrash(ctx, domain.TrashPerson, p.ID)
	mustNil(t, err)
	// The save also gave him the admission event schema 1 lacked.
	h, err := s.History(ctx, HistoryFilter{PersonID: p.ID})
	mustNil(t, err)
	if got := summaries(h); len(got) != 4 || !strings.Contains(got[3], "Điện thoại: (trống) » 0901234567") {
		t.Fatalf("history after upgrade: %q", got)
	}
}
