package issuing

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
)

// A member list is a list as of its date: who was a member that day, and
// nobody admitted or transferred in after it (the fixture ward, counted by
// hand).
func TestMemberListAsOfItsDate(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	cases := []struct {
		name    string
		date    domain.Date
		total   string
		has     []string
		hasNot  []string
		admitIn string // "Hà Thị Xuân" with her original admission date, when listed
	}{
		// 30/06/2025: officers S1, S2, D2, E1 (4), M1–M6 (6), P1–P4 (4),
		// A1 and A2 admitted by then (2), R1 removed only on 05/10 (1) =
		// 17; T1 left 10/04, C1 came of age 15/03; A3, A4 and I1 came
		// after. Men: S1, D2, M1, M3, M5, M6, P2, P4, A2 = 9; women 8.
		{"30/06/2025", d(2025, 6, 30), "Tổng cộng: 17 đoàn viên (Nam: 9, Nữ: 8)",
			[]string{"Phan Thị Oanh", "Vũ Văn Phát", "Châu Thị Uyên"},
			[]string{"Đỗ Thị Quyên", "Mai Văn Sang", "Hà Thị Xuân", "Lý Văn Tài", "Tạ Văn Vinh"}, ""},
		// 31/12/2025: the 17 less R1 (a woman), plus A3 (woman), A4 (man)
		// and I1 (woman, in on 07/07, admitted 26/03/2019 elsewhere) = 19:
		// men 10, women 9.
		{"31/12/2025", d(2025, 12, 31), "Tổng cộng: 19 đoàn viên (Nam: 10, Nữ: 9)",
			[]string{"Đỗ Thị Quyên", "Mai Văn Sang", "Hà Thị Xuân"},
			[]string{"Châu Thị Uyên", "Lý Văn Tài", "Tạ Văn Vinh"}, "26/03/2019"},
	}
	// Issued on 10/01/2026 as of 31/12/2025: the same 19, and the list
	// says the day it counts to.
	path := filepath.Join(w.dir, "ds-dated.pdf")
	if _, err := Issue(ctx, w.st, Request{Kind: Members, Date: d(2026, 1, 10), Cutoff: d(2025, 12, 31), Path: path}); err != nil {
		t.Fatal(err)
	}
	contains(t, "dated", pdfText(t, path), "(đến ngày 31/12/2025)", "Tổng cộng: 19 đoàn viên (Nam: 10, Nữ: 9)")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(w.dir, "ds-"+strings.ReplaceAll(c.name, "/", "-")+".pdf")
			if _, err := Issue(ctx, w.st, Request{Kind: Members, Date: c.date, Path: path}); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, path)
			contains(t, c.name, text, append([]string{c.total}, c.has...)...)
			for _, name := range c.hasNot {
				if strings.Contains(text, name) {
					t.Errorf("the list as of %s names %s", c.date, name)
				}
			}
			if c.admitIn != "" {
				inOrder(t, c.name, text, "Hà Thị Xuân", c.admitIn)
				if strings.Contains(text, "07/07/2025") {
					t.Errorf("the transfer date 07/07/2025 is printed as an admission date")
				}
			}
		})
	}
}

// One branch's list (the window's and `report members --branch`): its
// members only, and a file named by the branch. Chi đoàn Ấp Mỹ (B3) on
// 31/12/2025: D2 Phạm Văn Khoa, M3 Huỳnh Văn Đông, P4 Hồ Văn Nghĩa = 3
// men; T1 Lý Văn Tài left on 10/04.
func TestMemberListOfOneBranch(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	out, err := Issue(ctx, w.st, Request{Kind: Members, Date: d(2025, 12, 31), BranchID: w.branch["B3"], Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := filepath.Base(out.Path), "danh-sach-doan-vien-chi-doan-ap-my.pdf"; !strings.HasSuffix(got, want) {
		t.Errorf("file %s, want …%s", got, want)
	}
	text := pdfText(t, out.Path)
	contains(t, "B3", text, "Chi đoàn Ấp Mỹ", "Phạm Văn Khoa", "Huỳnh Văn Đông", "Hồ Văn Nghĩa", "Tổng cộng: 3 đoàn viên (Nam: 3, Nữ: 0)")
	for _, name := range []string{"Lý Văn Tài", "Trần Minh Quân", "Nguyễn Thị Cúc", "Nguyễn Văn Bình"} {
		if strings.Contains(text, name) {
			t.Errorf("the list of Chi đoàn Ấp Mỹ names %s", name)
		}
	}
}
