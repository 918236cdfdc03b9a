package sheet

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/demo"
	"sodoan/outfile"

	"sodoan/domain"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"sodoan/store"
)

// khom3 is the list in testdata/libreoffice-source.csv, as the register
// must hold it.
var khom3 = []domain.Person{
	{FamilyName: "Nguyễn", MiddleName: "Thị Thu", GivenName: "Hà", Gender: domain.Female, BirthDate: domain.MustDate(2000, 8, 7),
		UnionMember: true, AdmissionDate: domain.MustDate(2016, 3, 26), CardNumber: "0870030001", BranchName: "Chi đoàn Khóm 3"},
	{FamilyName: "Lê", MiddleName: "Quốc", GivenName: "Việt", Gender: domain.Male, BirthDate: domain.MustDate(1999, 2, 1),
		UnionMember: true, AdmissionDate: domain.MustDate(2015, 1, 9), CardNumber: "0870030002", BranchName: "Chi đoàn Khóm 3"},
	{FamilyName: "Đỗ", MiddleName: "Ngọc", GivenName: "Ánh", Gender: domain.Female, BirthDate: domain.MustDate(2001, 12, 15),
		UnionMember: true, AdmissionDate: domain.MustDate(2017, 3, 26), CardNumber: "0870030003", BranchName: "Chi đoàn Khóm 3"},
}

func khom3Register(t *testing.T) *store.Store {
	t.Helper()
	s, _ := withBranch(t, "Chi đoàn Khóm 3")
	return s
}

// importKhom3 imports path into a fresh register and checks it holds
// exactly the three people of khom3.
func importKhom3(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	s := khom3Register(t)
	pv, err := Read(ctx, s, path, nil)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	if ps := pv.Problems(); len(ps) > 0 || len(pv.Rows) != 3 || len(pv.UnknownBranches) > 0 {
		t.Fatalf("%s: %d rows, problems %v, unknown branches %v", filepath.Base(path), len(pv.Rows), ps, pv.UnknownBranches)
	}
	if _, err := pv.Import(ctx, s, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range khom3 {
		want.Status = domain.StatusActive
		checkPerson(t, find(t, s, want.FullName()), want)
	}
	if n := count(t, s); n != 3 {
		t.Errorf("%s: %d people", filepath.Base(path), n)
	}
}

// TestReadLibreOffice reads a workbook written by LibreOffice Calc (its
// own shared strings, date cells, styles), and the semicolon CSV without
// a byte-order mark it was made from.
func TestReadLibreOffice(t *testing.T) {
	importKhom3(t, "testdata/libreoffice.xlsx")
	importKhom3(t, "testdata/libreoffice-source.csv")
}

func TestReadCSVForms(t *testing.T) {
	src, err := os.ReadFile("testdata/libreoffice-source.csv")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	comma := strings.ReplaceAll(text, ";", ",")
	// Code page 1258 writes the tone as a combining mark after the vowel.
	cp1258, err := charmap.Windows1258.NewEncoder().String(toneApart(comma))
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"bom-comma.csv": "\uFEFF" + comma,
		"bom-semi.csv":  "\uFEFF" + text,
		"crlf.csv":      strings.ReplaceAll(comma, "\n", "\r\n"),
		"cp1258.csv":    cp1258,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			importKhom3(t, path)
		})
	}
}

// TestReadCSVRowNumbers: problems name the row a spreadsheet shows, blank
// lines counted, a quoted cell over two lines counted once.
func TestReadCSVRowNumbers(t *testing.T) {
	content := "Họ và tên,Giới tính,Ngày sinh,Ngày vào Đoàn,Ghi chú\n" +
		"Nguyễn Văn A,Nam,01/01/2000,01/01/2016,\"hai\ndòng\"\n" +
		"\n" +
		"Trần Văn B,Nam,32/01/2000,01/01/2016,\n"
	pv := readCSV(t, content)
	ps := pv.Problems()
	if len(ps) != 1 || ps[0].Row != 4 || ps[0].Column != "Ngày sinh" {
		t.Fatalf("problems %v, want one on row 4, Ngày sinh", ps)
	}
	if pv.Rows[0].Person.Note != "hai\ndòng" {
		t.Errorf("note %q", pv.Rows[0].Person.Note)
	}
}

// TestReadRefusesNonSheets: an empty file, a PDF, a sheet with no header
// and the register itself get a message and change nothing.
func TestReadRefusesNonSheets(t *testing.T) {
	ctx := context.Background()
	s := khom3Register(t)
	dir := t.TempDir()
	files := map[string]string{
		"empty.xlsx":   "",
		"report.xlsx":  "%PDF-1.4 not a workbook",
		"broken.xlsx":  "PK\x03\x04 cut short",
		"noheader.csv": "a,b,c\n1,2,3\n",
		"register.db":  "SQLite format 3\x00",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(ctx, s, path, nil); err == nil {
			t.Errorf("%s read without an error", name)
		} else if !strings.Contains(err.Error(), name) && !strings.Contains(err.Error(), "tiêu đề") {
			t.Errorf("%s: message %q does not name the file", name, err)
		}
	}
	if _, err := Read(ctx, s, s.Path(), nil); err == nil {
		t.Error("the register itself was read as a sheet")
	}
	if n := count(t, s); n != 0 {
		t.Errorf("%d people written", n)
	}
}

// TestRoundTrip: a ward exported (with personal data) and imported into a
// new register gives the same people, field by field, in .xlsx and .csv.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := openTemp(t)
	if err := demo.Generate(ctx, src, demo.Options{Members: 300, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	want := map[string]domain.Person{}
	err := src.EachMember(ctx, store.MemberFilter{}, func(p *domain.Person) error {
		q := *p
		q.ID, q.BranchID, q.Status, q.Position = 0, 0, "", ""
		want[q.FullName()+"|"+q.BirthDate.ISO()] = q
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".xlsx", ".csv"} {
		t.Run(ext, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ds"+ext)
			n, err := ExportMembersFile(ctx, src, store.MemberFilter{}, outfile.Output{Path: path}, ExportOptions{Personal: true})
			if err != nil || n != len(want) {
				t.Fatalf("export %d of %d: %v", n, len(want), err)
			}
			dst := openTemp(t)
			pv, err := Read(ctx, dst, path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ps := pv.Problems(); len(ps) > 0 {
				t.Fatalf("%d problems, first %v", len(ps), ps[0])
			}
			res, err := pv.Import(ctx, dst, ImportOptions{CreateBranches: true})
			if err != nil || res.Added != len(want) {
				t.Fatalf("import %+v %v", res, err)
			}
			got := 0
			err = dst.EachMember(ctx, store.MemberFilter{}, func(p *domain.Person) error {
				got++
				q := *p
				q.ID, q.BranchID, q.Status, q.Position = 0, 0, "", ""
				if w := want[q.FullName()+"|"+q.BirthDate.ISO()]; q != w {
					t.Errorf("round trip changed\n%+v\ninto\n%+v", w, q)
				}
				return nil
			})
			if err != nil || got != len(want) {
				t.Fatalf("%d people after the round trip, want %d (%v)", got, len(want), err)
			}
		})
	}
}

// toneApart writes each tone mark as a combining character after its
// (possibly accented) vowel, as code page 1258 does: "ễ" is "ê" + U+0303.
func toneApart(s string) string {
	var b strings.Builder
	for _, r := range s {
		var tone rune
		var rest []rune
		for _, c := range norm.NFD.String(string(r)) {
			if strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323", c) {
				tone = c
			} else {
				rest = append(rest, c)
			}
		}
		b.WriteString(norm.NFC.String(string(rest)))
		if tone != 0 {
			b.WriteRune(tone)
		}
	}
	return b.String()
}

// TestReadSexMarks: Giới tính over Nam and Nữ, with an x in one of them.
func TestReadSexMarks(t *testing.T) {
	content := "STT,Họ và tên,Ngày sinh,Giới tính,,Ngày vào Đoàn,Chi đoàn\n" +
		",,,Nam,Nữ,,\n" +
		"1,Nguyễn Văn Tư,01/01/2000,x,,01/01/2016,Khóm 3\n" +
		"2,Trần Thị Năm,02/02/2001,,X,02/02/2017,Khóm 3\n" +
		"3,Lê Văn Sáu,03/03/2002,x,x,03/03/2018,Khóm 3\n" +
		"4,Lê Văn Bảy,03/03/2002,,,03/03/2018,Khóm 3\n"
	pv := readCSV(t, content)
	if len(pv.Rows) != 4 || pv.Rows[0].Person.Gender != domain.Male || pv.Rows[1].Person.Gender != domain.Female {
		t.Fatalf("rows %+v", pv.Rows)
	}
	ps := pv.Problems()
	if len(ps) != 2 || ps[0].Row != 5 || ps[0].Column != "Giới tính Nữ" || ps[0].Reason != "đánh dấu ở cả cột Nam và cột Nữ: chỉ đánh một cột" ||
		ps[1].Row != 6 || ps[1].Column != "Giới tính" || ps[1].Reason != "chọn Nam hoặc Nữ" {
		t.Errorf("problems %v", ps)
	}
}

// readCSV reads content as a .csv into the register of khom3Register.
func readCSV(t *testing.T, content string) *Preview {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ds.csv")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	pv, err := Read(context.Background(), khom3Register(t), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pv
}
