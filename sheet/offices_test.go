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

// officesSheet is a ward list whose Chức vụ column holds the usual
// wordings (issue 17: a real list had offices on 77 rows and the import
// dropped them all).
const officesSheet = `STT,Họ và tên,Ngày sinh,Giới tính,Ngày vào Đoàn,Chi đoàn,Chức vụ
1,Nguyễn Văn An,01/02/1996,Nam,26/03/2012,Khóm 1,"Bí thư Chi đoàn, Ủy viên BCH"
2,Trần Thị Bình,03/04/1997,Nữ,26/03/2013,Khóm 1,Phó Bí thư chi đoàn
3,Lê Văn Cường,05/06/1995,Nam,26/03/2011,Khóm 2,Bí thư Đoàn phường
4,Phạm Thị Dung,07/08/2007,Nữ,26/03/2023,Khóm 2,UV BTV
5,Hồ Văn Em,09/10/1999,Nam,26/03/2015,Khóm 2,Đoàn viên
`

// The import records the offices of the Chức vụ column, from the first
// day of the term (01/01/2022 on 07/12/2026) but never before the
// holder's admission or 16th birthday: Dung, born 07/08/2007 and
// admitted 26/03/2023, holds hers from 07/08/2023 (16 on that day, after
// her admission). A second import records nothing twice; an office held
// by another person is refused, naming the holder, and nothing is written.
func TestImportOffices(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	path := filepath.Join(t.TempDir(), "ds.csv")
	if err := os.WriteFile(path, []byte(officesSheet), 0o600); err != nil {
		t.Fatal(err)
	}
	pv, err := Read(ctx, s, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ps := pv.Problems(); len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
	if n, people := pv.OfficeCount(); n != 5 || people != 4 {
		t.Fatalf("%d offices of %d people, want 5 of 4", n, people)
	}
	res, err := pv.Import(ctx, s, ImportOptions{CreateBranches: true, OfficesFrom: domain.TermStart(domain.MustDate(2026, 12, 7))})
	if err != nil || res.Added != 5 || res.Offices != 5 {
		t.Fatalf("import %+v %v", res, err)
	}
	want := map[string]string{
		"Nguyễn Văn An": "executive  01/01/2022; branch_secretary Khóm 1 01/01/2022", // the ward's office first
		"Trần Thị Bình": "branch_deputy Khóm 1 01/01/2022",
		"Lê Văn Cường":  "secretary  01/01/2022",
		"Phạm Thị Dung": "standing  07/08/2023",
		"Hồ Văn Em":     "",
	}
	branchName := map[int64]string{}
	bs, _ := s.Branches(ctx, true)
	for _, b := range bs {
		branchName[b.ID] = strings.TrimPrefix(b.Name, "Chi đoàn ")
	}
	for name, w := range want {
		p := find(t, s, name)
		pos, err := s.Positions(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range pos {
			got = append(got, string(o.Kind)+" "+branchName[o.BranchID]+" "+o.Start.String())
		}
		if strings.Join(got, "; ") != w {
			t.Errorf("%s holds %q, want %q", name, strings.Join(got, "; "), w)
		}
	}
	// The same list again: nothing recorded twice.
	pv, _ = Read(ctx, s, path, nil)
	if res, err := pv.Import(ctx, s, ImportOptions{}); err != nil || res.Offices != 0 || res.Skipped != 5 {
		t.Fatalf("re-import %+v %v", res, err)
	}
	// Another list names a second ward secretary and a wording no office
	// has: the preview says the second, the import the first, naming Cường.
	other := filepath.Join(t.TempDir(), "ds2.csv")
	os.WriteFile(other, []byte("STT,Họ và tên,Ngày sinh,Giới tính,Ngày vào Đoàn,Chi đoàn,Chức vụ\n1,Võ Thị Giang,01/01/1998,Nữ,26/03/2014,Khóm 1,Bí thư\n2,Đỗ Văn Hải,01/01/1998,Nam,26/03/2014,Khóm 1,Trưởng ban tuyên giáo\n"), 0o600)
	pv, err = Read(ctx, s, other, nil)
	if err != nil {
		t.Fatal(err)
	}
	ps := pv.Problems()
	if len(ps) != 1 || ps[0].Row != 3 || ps[0].Column != "Chức vụ" || !strings.Contains(ps[0].Reason, "Trưởng ban tuyên giáo") {
		t.Fatalf("preview problems %v, want row 3's unknown office", ps)
	}
	before, _ := s.CountMembers(ctx, store.MemberFilter{Kind: store.KindAll})
	_, err = pv.Import(ctx, s, ImportOptions{SkipInvalid: true})
	var pe *ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 || pe.Problems[0].Row != 2 || !strings.Contains(pe.Problems[0].Reason, "Lê Văn Cường") {
		t.Fatalf("a second ward secretary: %v", err)
	}
	if after, _ := s.CountMembers(ctx, store.MemberFilter{Kind: store.KindAll}); after != before {
		t.Fatalf("a refused import wrote %d people", after-before)
	}
}
