package sheet

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"sodoan/demo"
	"sodoan/outfile"

	"sodoan/domain"

	"github.com/xuri/excelize/v2"

	"sodoan/store"
)

// readBoth reads a sheet with the fast reader (and its fallback, as
// eachXLSX does) and with excelize alone.
func readBoth(t testing.TB, path, sheet string) (fast, ref [][]string, fastErr, refErr error) {
	t.Helper()
	collect := func(out *[][]string) rowFunc {
		return func(n int, cells []string) error {
			for len(*out) < n-1 {
				*out = append(*out, nil)
			}
			*out = append(*out, trimTail(cells))
			return nil
		}
	}
	fastErr = eachXLSX(path, sheet, 0, collect(&fast))
	refErr = excelizeRows(path, sheet, 0, collect(&ref))
	return fast, ref, fastErr, refErr
}

// trimTail is a row without its trailing empty cells (excelize keeps one
// for an empty cell with a formula; no reader of a row sees it).
func trimTail(cells []string) []string {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	if n == 0 {
		return nil
	}
	return append([]string(nil), cells[:n]...)
}

// sameAsExcelize fails unless both readers give the same rows, and the
// same error or none.
func sameAsExcelize(t testing.TB, path, sheet string) [][]string {
	t.Helper()
	fast, ref, fastErr, refErr := readBoth(t, path, sheet)
	if (fastErr == nil) != (refErr == nil) || fastErr != nil && fastErr.Error() != refErr.Error() {
		t.Fatalf("%s: fast reader error %v, excelize error %v", filepath.Base(path), fastErr, refErr)
	}
	for len(fast) > 0 && fast[len(fast)-1] == nil {
		fast = fast[:len(fast)-1]
	}
	for len(ref) > 0 && ref[len(ref)-1] == nil {
		ref = ref[:len(ref)-1]
	}
	if !reflect.DeepEqual(fast, ref) {
		for i := 0; i < max(len(fast), len(ref)); i++ {
			var f, r []string
			if i < len(fast) {
				f = fast[i]
			}
			if i < len(ref) {
				r = ref[i]
			}
			if !reflect.DeepEqual(f, r) {
				t.Fatalf("%s row %d:\nfast     %q\nexcelize %q", filepath.Base(path), i+1, f, r)
			}
		}
	}
	return ref
}

// handledFast fails if the fast reader gave the sheet to excelize.
func handledFast(t *testing.T, path, sheet string) {
	t.Helper()
	if _, err := scanXLSX(path, sheet, func(int, []string) error { return nil }); err != nil {
		t.Fatalf("%s: the fast reader gave up: %v", filepath.Base(path), err)
	}
}

// TestFastReaderMatchesExcelize reads real workbooks, written by
// excelize's two writers, by Sổ Đoàn's export and by LibreOffice, with
// both readers: every row must be the same, and the fast reader must read
// them all itself.
func TestFastReaderMatchesExcelize(t *testing.T) {
	ctx := context.Background()
	s := twoMembers(t)
	export := exportTo(t, s, "export.xlsx", ExportOptions{Personal: true})
	ward := openTemp(t)
	if err := demo.Generate(ctx, ward, demo.Options{Members: 300, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	demoPath := filepath.Join(t.TempDir(), "demo.xlsx")
	if _, err := ExportMembersFile(ctx, ward, store.MemberFilter{}, outfile.Output{Path: demoPath}, ExportOptions{Personal: true}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{wardSheet(t), everyCellKind(t), export, demoPath, "testdata/libreoffice.xlsx"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			names, err := sheets(path, XLSX)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range names {
				rows := sameAsExcelize(t, path, name)
				if len(rows) == 0 {
					t.Fatalf("sheet %q read no rows", name)
				}
				handledFast(t, path, name)
			}
		})
	}
}

// everyCellKind is a workbook with every kind of cell excelize writes:
// shared strings, rich text, numbers, dates, booleans, formulas with and
// without a cached value, escapes, markup characters, line breaks, a
// character outside the BMP, a hidden sheet, gaps between rows and cells.
func everyCellKind(t *testing.T) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	const sh = "Sheet1"
	set := cellSetter(t, x, sh)
	set("A1", "Họ và tên")
	set("B1", "Ngày sinh")
	set("A2", "Nguyễn Văn An")
	set("B2", time.Date(2001, 3, 1, 0, 0, 0, 0, time.UTC))
	set("C2", 3.25)
	set("D2", true)
	set("E2", int64(87201001234))
	set("A4", `a & b < c > d "e" 'f'`)
	set("B4", "dòng 1\r\ndòng 2\rdòng 3\n")
	set("C4", "_x000D_ và _x005F_x0041_ và _xD800_")
	set("D4", "😀 Đặng")
	set("Z4", "xa")
	set("A6", "  khoảng trắng  ")
	if err := x.SetCellFormula(sh, "B6", "=1+2"); err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellFormula(sh, "C6", `=CONCAT("a","b")`); err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellRichText(sh, "D6", []excelize.RichTextRun{
		{Text: "Trần "}, {Text: "Thị", Font: &excelize.Font{Bold: true}}, {Text: " Bích"},
	}); err != nil {
		t.Fatal(err)
	}
	set("A1000", "cuối")
	if _, err := x.NewSheet("Ẩn"); err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellValue("Ẩn", "A1", "ẩn"); err != nil {
		t.Fatal(err)
	}
	if err := x.SetSheetVisible("Ẩn", false); err != nil {
		t.Fatal(err)
	}
	sw, err := x.NewStreamWriter("Luồng")
	if err != nil {
		if _, err := x.NewSheet("Luồng"); err != nil {
			t.Fatal(err)
		}
		if sw, err = x.NewStreamWriter("Luồng"); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= 50; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i*2)
		if err := sw.SetRow(cell, []any{i, "Lê Thị " + strings.Repeat("Hoa", i%4), time.Date(2000, 1, i%28+1, 0, 0, 0, 0, time.UTC), nil, "<&>"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "every kind.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// workbookWith is a minimal workbook whose one sheet's XML is given, with
// shared strings when sst is not empty.
func workbookWith(t testing.TB, dir, sheetXML, sst string) string {
	t.Helper()
	path := filepath.Join(dir, "tay.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheetXML,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
	}
	for name, body := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

const (
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>`
	sheetTail = `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`
	sstDoc    = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">` +
		`<si><t>Họ và tên</t></si><si><t xml:space="preserve"> Ngọc _x0041_ </t><rPh sb="0" eb="1"><t>phiên âm</t></rPh></si>` +
		`<si><r><rPr><b/></rPr><t>Trần </t></r><r><t>Thị</t></r></si><si><t>A</t><r><t>B</t></r></si></sst>`
)

// TestFastReaderForms reads sheets written by hand in the forms other
// programs use. fast says whether the fast reader reads the whole sheet
// itself; either way the rows must be excelize's.
func TestFastReaderForms(t *testing.T) {
	cases := []struct {
		name, body string
		fast       bool
	}{
		{"shared strings", `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`, true},
		{"prefixed names", `<x:row r="1" xmlns:x="urn:x"><x:c r="A1" t="inlineStr"><x:is><x:t>Lê</x:t></x:is></x:c></x:row>`, true},
		{"no references", `<row><c t="inlineStr"><is><t>a</t></is></c><c/><c><v>2</v></c></row><row><c><v>3</v></c></row>`, true},
		{"gaps", `<row r="2"><c r="C2"><v>1</v></c></row><row r="5"/><row r="7"><c r="AB7" t="str"><v>x</v></c></row>`, true},
		{"single quotes and spaces", "<row r = '1' ><c r='A1'\n t='inlineStr' ><is><t>é</t></is></c ></row >", true},
		{"comments and instructions", `<!-- a --><row r="1"><?pi x?><c r="A1"><!-- -> --><v>1</v></c></row>`, true},
		{"entities", `<row r="1"><c r="A1" t="inlineStr"><is><t>&amp;&lt;&gt;&quot;&apos;&#7841;&#x1F600;</t></is></c><c r="B1" t="str"><v>a&#13;b</v></c></row>`, true},
		{"carriage returns", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb\rc</t></is></c></row>", true},
		{"booleans errors dates", `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="d"><v>2020-01-02T00:00:00Z</v></c><c r="D1" t="n"><v>1.5E+3</v></c></row>`, true},
		{"formula without value", `<row r="1"><c r="A1"><f>1+1</f></c><c r="C1"><f>2</f><v>2</v></c></row>`, true},
		{"empty shared value", `<row r="1"><c r="A1" t="s"><v></v></c><c r="B1" t="s"/></row>`, true},
		{"inline without is", `<row r="1"><c r="A1" t="inlineStr"><v>v</v></c></row>`, true},
		{"inline rich", `<row r="1"><c r="A1" t="inlineStr"><is><r><t>Võ </t></r><r><rPr/><t>Tâm</t></r><rPh><t>x</t></rPh></is></c></row>`, true},
		{"long text", `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("Nguyễn ", 40000) + `</t></is></c></row>`, true},
		{"cdata", `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>`, false},
		{"unknown entity", `<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`, false},
		{"control character", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a\x01</t></is></c></row>", false},
		{"invalid utf-8", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\xff</t></is></c></row>", false},
		{"mismatched end", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</c></v></row>`, false},
		{"rows out of order", `<row r="3"><c r="A3"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`, false},
		{"cells out of order", `<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row>`, false},
		{"lowercase reference", `<row r="1"><c r="b1"><v>3</v></c></row>`, false},
		{"shared index out of range", `<row r="1"><c r="A1" t="s"><v>99</v></c></row>`, false},
		{"shared index not a number", `<row r="1"><c r="A1" t="s"><v>x</v></c></row>`, false},
		{"row beyond the last", `<row r="1048577"><c r="A1048577"><v>3</v></c></row>`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := workbookWith(t, t.TempDir(), sheetHead+c.body+sheetTail, sstDoc)
			sameAsExcelize(t, path, "Danh sách")
			_, err := scanXLSX(path, "Danh sách", func(int, []string) error { return nil })
			if c.fast && err != nil {
				t.Fatalf("the fast reader gave up: %v", err)
			}
			if !c.fast && !errors.Is(err, errUnsupported) {
				t.Fatalf("the fast reader read what excelize must: %v", err)
			}
		})
	}
	// Before the sheet's data.
	for name, doc := range map[string]string{
		"latin-1":    `<?xml version="1.0" encoding="ISO-8859-1"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>`,
		"doctype":    `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
		"truncated":  sheetHead + `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2`,
		"no data":    `<worksheet><sheetPr/></worksheet>`,
		"empty data": sheetHead + sheetTail,
	} {
		t.Run(name, func(t *testing.T) {
			sameAsExcelize(t, workbookWith(t, t.TempDir(), doc, ""), "Danh sách")
		})
	}
}

// FuzzFastReader: whatever a worksheet's XML holds, the fast reader gives
// the rows excelize gives, and the same error or none. The seeds are the
// forms above.
func FuzzFastReader(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>2</v></c><c r="C1" t="inlineStr"><is><t>a&amp;b</t></is></c></row>`)
	f.Add(`<row><c t="b"><v>1</v></c><c r="D1"><f>1</f></c></row><row r="4"/>`)
	f.Add("<x:row r='1'><x:c r='A1'><x:v>1</x:v></x:c></x:row><!-- c -->")
	f.Add(`<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><t>b</t></is></c></row>`)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, body string) {
		path := workbookWith(t, dir, sheetHead+body+sheetTail, sstDoc)
		sameAsExcelize(t, path, "Danh sách")
	})
}

// TestReadRefusesHugeSheets: a cell of 17 MB, a row of 20,000 cells and a
// list longer than an import takes are refused with a message, before
// they fill the memory, and nothing is read into the register.
func TestReadRefusesHugeSheets(t *testing.T) {
	head := `<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="B1" t="inlineStr"><is><t>Ngày sinh</t></is></c></row>`
	cases := map[string]string{
		"17 MB cell":      head + `<row r="2"><c r="A2" t="inlineStr"><is><t>` + strings.Repeat("a", 17<<20) + `</t></is></c></row>`,
		"17 MB of spaces": head + `<row r="2">` + strings.Repeat(" ", 17<<20) + `</row>`,
		"20,000 cells":    head + `<row r="2">` + strings.Repeat(`<c><v>1</v></c>`, 20000) + `</row>`,
	}
	s := openTemp(t)
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			path := workbookWith(t, t.TempDir(), sheetHead+body+sheetTail, "")
			_, err := Read(context.Background(), s, path, nil)
			if !errors.Is(err, errTooBig) || !strings.Contains(err.Error(), "tay.xlsx") || !strings.Contains(err.Error(), "sau dòng 1") {
				t.Fatalf("got %v, want the file, the row and %v", err, errTooBig)
			}
		})
	}
	t.Run("more rows than an import takes", func(t *testing.T) {
		old := domain.ImportRowsRange.Max
		domain.ImportRowsRange.Max = 3
		defer func() { domain.ImportRowsRange.Max = old }()
		path := filepath.Join(t.TempDir(), "dài.csv")
		rows := "Họ và tên,Ngày sinh,Giới tính\n"
		for i := range 5 {
			rows += fmt.Sprintf("Lê Văn %c,01/01/2000,Nam\n", 'A'+i)
		}
		if err := os.WriteFile(path, []byte(rows), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Read(context.Background(), s, path, nil)
		if err == nil || !strings.Contains(err.Error(), "hơn 3 dòng") {
			t.Fatalf("got %v, want a refusal naming the limit", err)
		}
		domain.ImportRowsRange.Max = 5
		if _, err := Read(context.Background(), s, path, nil); err != nil {
			t.Fatalf("5 rows with a limit of 5: %v", err)
		}
	})
	if n := count(t, s); n != 0 {
		t.Fatalf("reading wrote %d people", n)
	}
}
