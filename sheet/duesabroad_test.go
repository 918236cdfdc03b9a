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
