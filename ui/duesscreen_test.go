package ui

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/issuing"
)

// TestDuesScreenGrid: the Đoàn phí screen shows a branch's quarter; the
// rates typed into every empty box and one box that is not an amount are
// refused together, nothing saved; corrected, the quarter is saved in one
// go and read back from the register; the summary tab counts it and the
// quarter summary is issued as a PDF.
func TestDuesScreenGrid(t *testing.T) {
	f := newFixture(t, "dues")
	s, ok := f.app.screens["dues"].(*duesScreen)
	if !ok {
		t.Fatal("no Đoàn phí screen")
	}
	ctx := context.Background()
	// Chi đoàn Khóm 1 holds the fixture's 1st, 3rd, … people: An, Cường,
	// Đức, Khang, Long, with no occupation (5.000 đ a month).
	if s.branchID != f.br[0] || len(s.grid.sheet.Rows) != 5 || s.grid.sheet.Rows[0].Name != "Nguyễn Văn An" {
		t.Fatalf("grid of branch %d: %d rows", s.branchID, len(s.grid.sheet.Rows))
	}
	s.grid.fillRates()
	s.grid.edits[[2]int{4, 2}] = "năm nghìn"
	s.saveGrid()
	if len(f.app.dialogs) == 0 {
		t.Fatal("a box that is not an amount was saved")
	}
	f.app.dialogs = nil
	if l, _ := f.st.DuesGrid(ctx, f.br[0], s.year, s.quarter, domain.Date{}); l.Total() != 0 {
		t.Fatalf("a refused grid saved %d đồng", l.Total())
	}
	// Long pays only October and November: 14 boxes × 5.000 = 70.000.
	s.grid.edits[[2]int{4, 2}] = ""
	s.saveGrid()
	g, err := f.st.DuesGrid(ctx, f.br[0], s.year, s.quarter, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Total() != 70000 || g.Rows[4].Cells[2].Paid || !g.Rows[0].Cells[0].Shared {
		t.Errorf("saved %d đồng; Long's December paid %v", g.Total(), g.Rows[4].Cells[2].Paid)
	}
	if s.grid.dirty() {
		t.Error("the grid still has changes after saving")
	}
	if !strings.Contains(s.gridNote.Text, "14 tháng đã đóng (70.000 đồng)") {
		t.Errorf("status %q", s.gridNote.Text)
	}
	sum, err := f.st.DuesSummary(ctx, s.year, s.quarter, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows[0].Collected != 70000 {
		t.Errorf("summary collected %d", sum.Rows[0].Collected)
	}
	// The document needs its signer: An is the ward's secretary.
	if err := f.st.SavePosition(ctx, &domain.Position{PersonID: g.Rows[0].PersonID, Kind: "secretary", Start: domain.MustDate(2025, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	f.app.dialogs = nil
	s.issue(issuing.DuesSummary)
	docs, err := f.st.Documents(ctx, s.year)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range docs {
		found = found || strings.Contains(d.Title, "thu, nộp đoàn phí quý IV")
	}
	if !found {
		t.Errorf("the quarter summary was not issued: %+v", docs)
	}
}
