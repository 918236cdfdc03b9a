package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"
)

// TestExportExcelFollowsSearch: the Excel button writes exactly the rows
// the table shows, every page of them, into the reports folder.
func TestExportExcelFollowsSearch(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("first page", func() bool { return m.total == len(testNames) })
	test.Type(m.search, "nguyen")
	f.waitFor("search", func() bool { return m.total == 2 && len(m.pages[0]) == 2 })
	test.Tap(m.exportBtn)
	c := m.exportChoice
	if c == nil || c.format.Selected != exportFormats[0] || c.personal.Checked {
		t.Fatal("Xuất Excel asks first: .xlsx, without personal data, by default")
	}
	test.Tap(c.ok)
	f.waitFor("export", func() bool { return m.lastExport != "" && !m.exportBtn.Disabled() })
	if len(f.app.dialogs) != 1 {
		t.Fatalf("%d dialogs after the export, want the offer to open it", len(f.app.dialogs))
	}
	x, err := excelize.OpenFile(m.lastExport)
	if err != nil {
		t.Fatalf("the export does not open as a workbook: %v", err)
	}
	defer x.Close()
	rows, err := x.GetRows("Danh sách")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rows[1:] {
		names = append(names, strings.Join(r[1:4], " "))
	}
	if got := strings.Join(names, ", "); got != "Nguyễn Văn An, Nguyễn Thị Hương" {
		t.Fatalf("exported %q", got)
	}
	if !strings.Contains(m.lastExport, "bao-cao") || !strings.HasSuffix(m.lastExport, ".xlsx") {
		t.Errorf("written to %s", m.lastExport)
	}
}

// TestExportPersonalCSV: asked for, the personal data go into the CSV;
// otherwise they stay out.
func TestExportPersonalCSV(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("first page", func() bool { return m.total == len(testNames) })
	p, err := f.st.Person(f.app.ctx, m.pages[0][0].ID)
	if err != nil {
		t.Fatal(err)
	}
	p.CitizenID = "087200001234"
	if err := f.st.SavePerson(f.app.ctx, &p); err != nil {
		t.Fatal(err)
	}
	for _, personal := range []bool{false, true} {
		m.lastExport = ""
		test.Tap(m.exportBtn)
		m.exportChoice.format.SetSelected(exportFormats[1])
		m.exportChoice.personal.SetChecked(personal)
		test.Tap(m.exportChoice.ok)
		f.waitFor("export", func() bool { return m.lastExport != "" && !m.exportBtn.Disabled() })
		b, err := os.ReadFile(m.lastExport)
		if err != nil || !strings.HasSuffix(m.lastExport, ".csv") {
			t.Fatalf("%s: %v", m.lastExport, err)
		}
		if got := strings.Contains(string(b), "087200001234"); got != personal {
			t.Errorf("personal %v: CCCD in the file %v", personal, got)
		}
		// The next export may come within the same second, under the same name.
		os.Remove(m.lastExport)
	}
}
