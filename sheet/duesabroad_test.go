package sheet

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

// TestDuesAbroadInSheets: the member sheet's Diện đóng đoàn phí column
// takes the third category in the Vietnamese words; an unknown value is
// refused naming its row and the column, and the import then changes
// nothing (neither member's category nor any dated record); the good
// sheet updates the category, dated from the day of the import, and the
// export writes it back in words.
func TestDuesAbroadInSheets(t *testing.T) {
	ctx := context.Background()
	s := twoMembers(t) // Đức (born 09/03/2001) and Ánh (31/12/1999), no category set
	sheetOf := func(name, body string) string {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte("Họ và tên,Giới tính,Ngày sinh,Ngày vào Đoàn,Diện đóng đoàn phí\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	before := func() map[string]string {
		out := map[string]string{}
		people, err := s.ListMembers(ctx, store.MemberFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			h, err := s.DuesCategoryHistory(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			out[p.FullName()] = string(p.DuesCategory) + "/" + string(p.Dues()) + "/" + strings.Repeat("+", len(h))
		}
		return out
	}
	was := before()

	bad := sheetOf("sai.csv", "Nguyễn Văn Đức,Nam,09/03/2001,09/03/2017,Ở nước ngoài\n"+
		"Lê Thị Ánh,Nữ,31/12/1999,31/12/2015,ở Lào\n")
	pv, err := Read(ctx, s, bad, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = pv.Import(ctx, s, ImportOptions{Update: true})
	var pe *ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 {
		t.Fatalf("a sheet with an unknown category imported: %v", err)
	}
	if p := pe.Problems[0]; p.Row != 3 || p.Column != "Diện đóng đoàn phí" || !strings.Contains(p.Reason, "không có trong danh mục") {
		t.Errorf("problem %+v, want row 3, column Diện đóng đoàn phí", p)
	}
	if !strings.Contains(err.Error(), "Dòng 3") || !strings.Contains(err.Error(), "chưa nhập gì") {
		t.Errorf("message %q does not name the row or say nothing was written", err)
	}
	if now := before(); len(now) != 2 || now["Nguyễn Văn Đức"] != was["Nguyễn Văn Đức"] || now["Lê Thị Ánh"] != was["Lê Thị Ánh"] {
		t.Errorf("the refused import changed the register: %v, was %v", now, was)
	}

	good := sheetOf("dung.csv", "Nguyễn Văn Đức,Nam,09/03/2001,09/03/2017,Ở nước ngoài\n")
	if pv, err = Read(ctx, s, good, nil); err != nil || len(pv.Problems()) != 0 {
		t.Fatalf("%v %v", err, pv.Problems())
	}
	if _, err := pv.Import(ctx, s, ImportOptions{Update: true}); err != nil {
		t.Fatal(err)
	}
	duc := find(t, s, "Nguyễn Văn Đức")
	if duc.DuesCategory != domain.DuesAbroad {
		t.Fatalf("imported %q, want abroad", duc.DuesCategory)
	}
	// Before the import he paid with wages (no occupation): that stays his
	// for the days before it.
	h, err := s.DuesCategoryHistory(ctx, duc.ID)
	if err != nil || len(h) != 2 || h[0].Category != domain.DuesWage || h[1].Category != domain.DuesAbroad || h[1].From != s.Today() {
		t.Errorf("history %+v, %v: want wage, then abroad from today", h, err)
	}
	text := fileText(t, exportTo(t, s, "ra.csv", ExportOptions{Personal: true}))
	if !strings.Contains(text, "Ở nước ngoài") {
		t.Errorf("export lacks the abroad category:\n%s", text)
	}
}

// TestDuesSheetOfAMovedMember: Lê Văn Nam moved from Khóm 1 to Khóm 2 on
// 10/07/2026. Khóm 1's sheet of 2026 still names him for January–June
// (its months: July counts by its last day, in Khóm 2); a July amount on
// it is refused naming the row and the column T7, and nothing is
// written; without it his six months are saved in Khóm 1's books.
func TestDuesSheetOfAMovedMember(t *testing.T) {
	ctx := context.Background()
	s, a := withBranch(t, "Chi đoàn Khóm 1")
	b := &domain.Branch{Name: "Chi đoàn Khóm 2", Kind: domain.BranchHamlet, Active: true}
	if err := s.SaveBranch(ctx, b); err != nil {
		t.Fatal(err)
	}
	nam := member("Lê", "Văn", "Nam", domain.MustDate(2001, 3, 9), "")
	nam.BranchID, nam.Occupation = a, "worker"
	if err := s.AddPeople(ctx, []*domain.Person{nam}); err != nil {
		t.Fatal(err)
	}
	nam.BranchID, nam.ChangesFrom = b.ID, domain.MustDate(2026, 7, 10)
	if err := s.SavePerson(ctx, nam); err != nil {
		t.Fatal(err)
	}
	write := func(body string) string {
		path := filepath.Join(t.TempDir(), "doan-phi.csv")
		if err := os.WriteFile(path, []byte("Họ và tên,T1,T2,T3,T4,T5,T6,T7\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	in, err := ImportDues(ctx, s, write("Lê Văn Nam,5000,5000,5000,5000,5000,5000,5000\n"), a, 2026, domain.MustDate(2026, 7, 31))
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Problems) != 1 || in.Problems[0].Row != 2 || in.Problems[0].Column != "T7" || !strings.Contains(in.Problems[0].Reason, "chi đoàn khác") {
		t.Fatalf("problems %v, want one on row 2, T7", in.Problems)
	}
	if pays, err := s.DuesPayments(ctx, nam.ID); err != nil || len(pays) != 0 {
		t.Fatalf("a refused sheet wrote %v (%v)", pays, err)
	}
	in, err = ImportDues(ctx, s, write("Lê Văn Nam,5000,5000,5000,5000,5000,5000,\n"), a, 2026, domain.MustDate(2026, 7, 31))
	if err != nil || len(in.Problems) != 0 || in.Months != 6 || in.Amount != 30000 {
		t.Fatalf("import: %+v, %v", in, err)
	}
	l, err := s.DuesLedger(ctx, a, 2026, domain.MustDate(2026, 7, 31))
	if err != nil || len(l.Rows) != 1 || l.Total() != 30000 {
		t.Fatalf("Khóm 1's ledger: %+v, %v", l.Rows, err)
	}
}
