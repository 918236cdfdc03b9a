package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"sodoan/domain"
	"sodoan/sheet"
	"sodoan/store"
)

// TestImportPreview drops a sheet on the window: the preview lists the row
// with a problem first, with its row number, column and reason; the person
// already in the register and the unknown branch are shown; nothing is
// written until the user agrees to the new branch and confirms.
func TestImportPreview(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("first page", func() bool { return m.total == len(testNames) })
	path := filepath.Join(t.TempDir(), "danh sách.csv")
	content := "DANH SÁCH ĐOÀN VIÊN NĂM 2025\n\n" +
		"STT;Họ và tên;Giới tính;Ngày sinh;Ngày vào Đoàn;Số thẻ;Chi đoàn\n" +
		"1;Nguyễn Văn An;Nam;10/01/1996;26/03/2018;T0001;Khóm 1\n" +
		"2;Hồ Văn Mới;Nam;2/9/2000;26/3/2016;M0001;Khóm 1\n" +
		"3;Lý Thị Sai;Nữ;30/02/2001;26/03/2017;M0002;Khóm 2\n" +
		"4;Tạ Văn Chí;Nam;01/01/2001;26/03/2017;M0003;Chi đoàn Khóm 9\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	f.app.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	f.waitFor("preview", func() bool { return f.app.imports.last != nil && f.app.imports.last.preview != nil })
	im := f.app.imports.last
	if got := im.summary.Text; !strings.Contains(got, "3 dòng hợp lệ (1 người đã có trong sổ), 1 dòng lỗi") {
		t.Errorf("summary %q", got)
	}
	if got := im.cell(0, 0) + " | " + im.cell(0, 1) + " | " + im.cell(0, 4); got != "6 | Lý Thị Sai | × Ngày sinh: ngày 30/02/2001 không có thật" {
		t.Errorf("first row %q: the row with a problem comes first", got)
	}
	if got := im.cell(1, 4); got != "Đã có trong sổ: Nguyễn Văn An" {
		t.Errorf("second row %q", got)
	}
	if im.branches == nil || im.branches.Text != "Tạo 1 chi đoàn mới: Chi đoàn Khóm 9" {
		t.Fatalf("no offer to create Chi đoàn Khóm 9")
	}
	// The button says what will happen, and is off, saying why, until
	// the new branch is agreed to (issue 17: it said "Nhập 3 người").
	if im.importBtn.Text != "Nhập 2 người mới, bỏ qua 1 người đã có" || !im.importBtn.Disabled() || im.rejectBtn.Disabled() {
		t.Errorf("buttons %q (disabled %v), reject disabled %v", im.importBtn.Text, im.importBtn.Disabled(), im.rejectBtn.Disabled())
	}
	if !im.why.Visible() || !strings.Contains(im.why.Text, "Tạo chi đoàn mới") {
		t.Errorf("no reason beside the disabled button: %q", im.why.Text)
	}

	// Without agreeing to the new branch nothing is written.
	test.Tap(im.importBtn)
	f.ui.drain()
	if n := countAll(t, f.st); n != len(testNames) {
		t.Fatalf("%d people after a refused import", n)
	}
	im.branches.SetChecked(true)
	if im.importBtn.Disabled() || im.why.Visible() {
		t.Fatal("the button stays off once the new branch is agreed to")
	}
	im.update.SetSelected(im.update.Options[1])
	if got := im.importBtn.Text; got != "Nhập 2 người mới, cập nhật 1 người đã có" {
		t.Errorf("with update: %q", got)
	}
	im.update.SetSelected(im.update.Options[0])
	test.Tap(im.importBtn)
	f.waitFor("import", func() bool { return im.result != nil })
	if r := im.result; r.Added != 2 || r.Skipped != 1 || len(r.Branches) != 1 {
		t.Errorf("result %+v", r)
	}
	if n := countAll(t, f.st); n != len(testNames)+2 {
		t.Errorf("%d people after the import, want %d", n, len(testNames)+2)
	}
	f.waitFor("table refreshed", func() bool { return m.total == len(testNames)+2 })

	// The same sheet again: nobody new, and the button says so.
	f.app.imports.last = nil
	f.app.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	f.waitFor("second preview", func() bool { return f.app.imports.last != nil && f.app.imports.last.preview != nil })
	again := f.app.imports.last
	if got := again.importBtn.Text; got != "Nhập 0 người mới, bỏ qua 3 người đã có" || !again.importBtn.Disabled() || !strings.Contains(again.why.Text, "đã có trong sổ") {
		t.Errorf("re-import button %q disabled %v, why %q", got, again.importBtn.Disabled(), again.why.Text)
	}
}

func countAll(t *testing.T, st *store.Store) int {
	t.Helper()
	n, err := st.CountMembers(context.Background(), store.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestTableExport: a list's Xuất Excel writes its table to the year's
// folder.
func TestTableExport(t *testing.T) {
	f := newFixture(t, "branches")
	b := f.app.exports.button(sheet.TableBranches, "chi-doan", thisYear)
	test.Tap(b)
	f.waitFor("export", func() bool { return f.app.exports.last != "" && !b.Disabled() })
	x, err := excelize.OpenFile(f.app.exports.last)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Chi đoàn")
	if err != nil || len(rows) != 3 || rows[1][1] != "Chi đoàn Khóm 1" || rows[1][3] != "5" {
		t.Fatalf("branches sheet %q (%v)", rows, err)
	}
}

// TestSomeNames: a long list of new branches is cut to its first names and
// a count, so that the preview's checkbox and the result fit the window.
func TestSomeNames(t *testing.T) {
	names := func(n int) []string {
		var out []string
		for i := 1; i <= n; i++ {
			out = append(out, "Khóm "+string(rune('0'+i%10)))
		}
		return out
	}
	cases := []struct {
		n, max int
		want   string
	}{
		{1, 4, "Khóm 1"},
		{4, 4, "Khóm 1; Khóm 2; Khóm 3; Khóm 4"},
		{5, 4, "Khóm 1; Khóm 2; Khóm 3; Khóm 4 và 1 chi đoàn khác"},
		{80, 4, "Khóm 1; Khóm 2; Khóm 3; Khóm 4 và 76 chi đoàn khác"},
	}
	for _, c := range cases {
		if got := someNames(names(c.n), c.max); got != c.want {
			t.Errorf("%d names, %d shown: %q, want %q", c.n, c.max, got, c.want)
		}
	}
}

// The preview says which offices the Chức vụ column will record and from
// which day (the term's first, changeable); the import records them from
// the day typed (issue 17: 77 offices were dropped without a word).
func TestImportRecordsOffices(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("first page", func() bool { return m.total == len(testNames) })
	path := filepath.Join(t.TempDir(), "chuc vu.csv")
	content := "STT;Họ và tên;Giới tính;Ngày sinh;Ngày vào Đoàn;Chi đoàn;Chức vụ\n" +
		"1;Hồ Văn Mới;Nam;2/9/1998;26/3/2014;Khóm 1;Phó Bí thư chi đoàn\n" +
		"2;Lý Thị Thu;Nữ;03/02/1999;26/03/2015;Khóm 1;Đoàn viên\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	f.app.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	f.waitFor("preview", func() bool { return f.app.imports.last != nil && f.app.imports.last.preview != nil })
	im := f.app.imports.last
	if im.officesFrom == nil || im.officesLabel.Text != "Cột Chức vụ: ghi 1 chức vụ của 1 người, từ ngày" {
		t.Fatal("the preview does not say which offices it records")
	}
	if got, want := im.officesFrom.Text, domain.TermStart(f.app.clock.today()).String(); got != want {
		t.Errorf("offices from %q, want the term's first day %q", got, want)
	}
	im.officesFrom.SetText("31/02/2024")
	test.Tap(im.importBtn)
	f.ui.drain()
	if n := countAll(t, f.st); n != len(testNames) {
		t.Fatalf("a bad day of offices still imported: %d people", n)
	}
	im.officesFrom.SetText("15/03/2024")
	test.Tap(im.importBtn)
	f.waitFor("import", func() bool { return im.result != nil })
	if im.result.Offices != 1 {
		t.Fatalf("result %+v, want one office", im.result)
	}
	ps, err := f.st.ListMembers(context.Background(), store.MemberFilter{Query: "Hồ Văn Mới"})
	if err != nil || len(ps) != 1 {
		t.Fatalf("the imported person: %v %v", ps, err)
	}
	pos, err := f.st.Positions(context.Background(), ps[0].ID)
	if err != nil || len(pos) != 1 || pos[0].Kind != "branch_deputy" || pos[0].Start != domain.MustDate(2024, 3, 15) {
		t.Fatalf("offices %+v %v, want Phó Bí thư chi đoàn from 15/03/2024", pos, err)
	}
}
