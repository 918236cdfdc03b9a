package ui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

func (f *fixture) planScreen() *planScreen {
	f.app.goTo("plan")
	s, ok := f.app.screens["plan"].(*planScreen)
	if !ok {
		f.t.Fatal("plan screen not built")
	}
	return s
}

// row finds the editor's indicator row with the code.
func (e *planEditor) row(t *testing.T, code string) *indicatorRow {
	t.Helper()
	for _, r := range e.rows {
		if r.code.Text == code {
			return r
		}
	}
	t.Fatalf("no indicator row %s", code)
	return nil
}

func currentIndicator(t *testing.T, st *store.Store, code string) domain.Indicator {
	t.Helper()
	p, err := st.CurrentPlan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range p.Indicators {
		if in.Code == code {
			return in
		}
	}
	t.Fatalf("current plan has no indicator %s", code)
	return domain.Indicator{}
}

func TestPlanEditorSavesTarget(t *testing.T) {
	f := newFixture(t, "plan")
	s := f.planScreen()
	s.editPlan()
	e := s.editor
	if e == nil || len(f.app.dialogs) != 1 {
		t.Fatal("the plan editor did not open")
	}
	before, _ := f.st.CurrentPlan(context.Background())
	if len(e.rows) != len(before.Indicators) {
		t.Fatalf("editor shows %d rows, plan has %d indicators", len(e.rows), len(before.Indicators))
	}
	// The ward's share of the city's 7,500 new members.
	e.row(t, "2.5a").target.SetText("350")
	e.row(t, "2.4b").target.SetText("20")
	e.title.SetText(before.Title + " (phần của phường)")
	f.app.shortcutSave() // Ctrl+S
	if len(f.app.dialogs) != 0 {
		t.Fatalf("the editor stayed open: %q", e.fm.other.msg())
	}
	if in := currentIndicator(t, f.st, "2.5a"); in.Target != 350 || !in.Period {
		t.Errorf("2.5a after save = %+v, want target 350 for the period", in)
	}
	if in := currentIndicator(t, f.st, "2.4b"); in.Target != 20 {
		t.Errorf("2.4b after save = %v, want 20", in.Target)
	}
	after, _ := f.st.CurrentPlan(context.Background())
	if after.ID != before.ID || len(after.Indicators) != len(before.Indicators) || !strings.HasSuffix(after.Title, "(phần của phường)") {
		t.Errorf("plan after save: id %d→%d, %d indicators, title %q", before.ID, after.ID, len(after.Indicators), after.Title)
	}

	// Remove one indicator, add one: still one plan, one call.
	s.editPlan()
	e = s.editor
	e.removeRow(e.row(t, "2.1b"))
	e.addRow(domain.Indicator{Kind: domain.KindCount, Metric: domain.MetricManual})
	r := e.rows[len(e.rows)-1]
	r.code.SetText("2.9")
	r.section.SetText("2.9")
	r.title.SetText("Công trình thanh niên mỗi năm")
	r.metric.setCode(domain.MetricSupportedModels)
	r.target.SetText("2")
	if !e.save() {
		t.Fatalf("save failed: %q", e.fm.other.msg())
	}
	p, _ := f.st.CurrentPlan(context.Background())
	if len(p.Indicators) != len(before.Indicators) {
		t.Errorf("after removing one and adding one: %d indicators, want %d", len(p.Indicators), len(before.Indicators))
	}
	if in := currentIndicator(t, f.st, "2.9"); in.Metric != domain.MetricSupportedModels || in.Target != 2 {
		t.Errorf("added indicator = %+v", in)
	}
	for _, in := range p.Indicators {
		if in.Code == "2.1b" {
			t.Error("removed indicator 2.1b still in the plan")
		}
	}
}

func TestPlanEditorInvalidTargetSavesNothing(t *testing.T) {
	f := newFixture(t, "plan")
	s := f.planScreen()
	s.editPlan()
	e := s.editor
	neg, pct := e.row(t, "2.5b"), e.row(t, "2.3")
	neg.target.SetText("-5")
	pct.target.SetText("120")
	e.row(t, "2.5a").target.SetText("350") // a valid change, not saved either
	f.app.shortcutSave()
	if len(f.app.dialogs) != 1 {
		t.Fatal("the editor closed on invalid targets")
	}
	if got := neg.err.msg(); !strings.Contains(got, "không được âm") || !neg.err.Visible() {
		t.Errorf("row 2.5b message = %q, want …không được âm", got)
	}
	if got := pct.err.msg(); !strings.Contains(got, "tỷ lệ không quá 100%") {
		t.Errorf("row 2.3 message = %q, want …tỷ lệ không quá 100%%", got)
	}
	if got := e.row(t, "2.5a").err.msg(); got != "" {
		t.Errorf("valid row shows %q", got)
	}
	if in := currentIndicator(t, f.st, "2.5a"); in.Target != 7500 {
		t.Errorf("2.5a target = %v after an invalid save, want 7500 unchanged", in.Target)
	}
	if in := currentIndicator(t, f.st, "2.5b"); in.Target != 8500 {
		t.Errorf("2.5b target = %v after an invalid save, want 8500 unchanged", in.Target)
	}
	// Not a number: caught before the store, still nothing written.
	neg.target.SetText("năm trăm")
	pct.target.SetText("90")
	e.number.SetText("")
	f.app.shortcutSave()
	if got := neg.err.msg(); !strings.Contains(got, "không phải là số") {
		t.Errorf("row 2.5b message = %q", got)
	}
	neg.target.SetText("500")
	f.app.shortcutSave()
	if msg := e.fm.fields[0].err.msg(); !strings.Contains(msg, "không được để trống") {
		t.Errorf("empty plan number message = %q", msg)
	}
	if p, _ := f.st.CurrentPlan(context.Background()); p.Number != "25-KH/ĐTN" {
		t.Errorf("plan number = %q after an invalid save", p.Number)
	}
	f.app.escape()
}

func TestNewPlanBecomesCurrent(t *testing.T) {
	f := newFixture(t, "plan")
	s := f.planScreen()
	old, _ := f.st.CurrentPlan(context.Background())
	if !s.picker.Hidden {
		t.Error("the plan picker shows with a single plan")
	}
	s.newPlan()
	e := s.editor
	if e.copyInd == nil || !e.copyInd.Checked || len(e.rows) != len(old.Indicators) {
		t.Fatalf("new plan does not offer the current plan's %d indicators", len(old.Indicators))
	}
	if e.start.Text != "2023" || e.end.Text != "2027" || !e.current.Checked {
		t.Errorf("new plan period %s–%s, current %v; want 2023–2027, current", e.start.Text, e.end.Text, e.current.Checked)
	}
	e.number.SetText("30-KH/ĐTN")
	e.title.SetText("Kế hoạch thực hiện Nghị quyết Đại hội Đoàn các cấp, giai đoạn 2023 - 2027")
	e.row(t, "2.5a").target.SetText("400")
	f.app.shortcutSave()
	if len(f.app.dialogs) != 0 {
		t.Fatalf("the editor stayed open: %q", e.fm.other.msg())
	}
	cur, err := f.st.CurrentPlan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if cur.Number != "30-KH/ĐTN" || cur.ID == old.ID || len(cur.Indicators) != len(old.Indicators) {
		t.Fatalf("current plan = %s with %d indicators", cur.Number, len(cur.Indicators))
	}
	if in := currentIndicator(t, f.st, "2.5a"); in.Target != 400 {
		t.Errorf("new plan's 2.5a = %v", in.Target)
	}
	oldNow, _ := f.st.Plan(context.Background(), old.ID)
	if oldNow.Current || len(oldNow.Indicators) != len(old.Indicators) {
		t.Errorf("old plan after: current %v, %d indicators", oldNow.Current, len(oldNow.Indicators))
	}
	// Two plans: the picker shows, on the new one; picking the old one shows it.
	if s.picker.Hidden || len(s.picker.Options) != 2 || !strings.HasPrefix(s.picker.Selected, "30-KH/ĐTN") {
		t.Errorf("picker hidden %v, options %q, selected %q", s.picker.Hidden, s.picker.Options, s.picker.Selected)
	}
	s.picker.SetSelectedIndex(1)
	if p, _ := s.shownPlan(); p.ID != old.ID {
		t.Errorf("picked plan %d, want %d", p.ID, old.ID)
	}

	// A new plan without copying starts empty.
	s.newPlan()
	s.editor.copyInd.SetChecked(false)
	if len(s.editor.rows) != 0 {
		t.Errorf("unchecking the copy leaves %d rows", len(s.editor.rows))
	}
	f.app.escape()
}

func TestRetiredCriterionLosesCheckbox(t *testing.T) {
	f := newFixture(t, "branches")
	s, ok := f.app.screens["branches"].(*branchesScreen)
	if !ok {
		t.Fatal("branches screen not built")
	}
	ctx := context.Background()
	crit, _ := f.st.Criteria(ctx)
	if len(s.boxes) != len(crit) {
		t.Fatalf("%d checkboxes for %d criteria", len(s.boxes), len(crit))
	}
	// A past year where the branch met the criterion about to be retired.
	if err := f.st.SaveBranchYear(ctx, domain.BranchYear{BranchID: s.selected, Year: thisYear(), Met: []int64{crit[0].ID, crit[7].ID}}); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	s.editCriteria()
	ed := s.criteria
	if ed == nil || len(ed.rows) != len(crit) {
		t.Fatal("the checklist editor did not open with every criterion")
	}
	ed.rows[7].active.SetChecked(false) // retire 8
	ed.rows[1].text.SetText("Có từ 85% đoàn viên tham gia sinh hoạt")
	ed.rows[2].text.SetText("")
	f.app.shortcutSave()
	if got := ed.rows[2].errs["Text"].msg(); !strings.Contains(got, "không được để trống") || len(f.app.dialogs) != 1 {
		t.Fatalf("empty text: message %q, dialogs %d", got, len(f.app.dialogs))
	}
	if c, _ := f.st.Criteria(ctx); !c[7].Active || c[1].Text != crit[1].Text {
		t.Fatal("an invalid checklist was partly saved")
	}
	ed.rows[2].text.SetText(crit[2].Text)
	f.app.shortcutSave()
	if len(f.app.dialogs) != 0 {
		t.Fatal("the checklist editor stayed open")
	}
	if len(s.boxes) != len(crit)-1 {
		t.Fatalf("%d checkboxes after retiring one, want %d", len(s.boxes), len(crit)-1)
	}
	for _, b := range s.boxes {
		if strings.Contains(b.Text, crit[7].Text) {
			t.Errorf("retired criterion still a checkbox: %q", b.Text)
		}
	}
	if !strings.Contains(s.boxes[1].Text, "85%") {
		t.Errorf("edited text not shown: %q", s.boxes[1].Text)
	}
	// The year keeps its mark for the retired criterion, even saved again.
	if !s.boxes[0].Checked {
		t.Error("criterion 1 of the year not ticked")
	}
	s.boxes[1].SetChecked(true)
	s.saveYear()
	by, _ := f.st.BranchYear(ctx, s.selected, thisYear())
	if len(by.Met) != 3 || !containsID(by.Met, crit[7].ID) {
		t.Errorf("met after re-saving = %v, want 3 with the retired %d", by.Met, crit[7].ID)
	}
}

func TestDocumentRegisterListsIssued(t *testing.T) {
	f := newFixture(t, "reports")
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "bao-cao-nam.pdf")
	if err := os.WriteFile(file, []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := &domain.Document{Type: "BC", Title: "Báo cáo tổng kết công tác Đoàn năm 2025", Issued: domain.MustDate(2025, 12, 5), File: file}
	if err := f.st.IssueDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	gone := &domain.Document{Type: "GGT", Title: "Giấy giới thiệu sinh hoạt Đoàn", Issued: domain.MustDate(2025, 12, 6), File: filepath.Join(t.TempDir(), "mat.pdf")}
	if err := f.st.IssueDocument(ctx, gone); err != nil {
		t.Fatal(err)
	}
	// The report issued again on 08/12: a second issue beside the first.
	again := *d
	again.Issued, again.File = domain.MustDate(2025, 12, 8), file
	if err := f.st.RecordDocument(ctx, &again); err != nil {
		t.Fatal(err)
	}
	f.app.goTo("dashboard")
	f.app.goTo("reports")
	s := f.app.screens["reports"].(*reportsScreen)
	r := s.register
	if len(r.rows) != 3 {
		t.Fatalf("register shows %d issues, want 3 (2-GGT, 1-BC twice)", len(r.rows))
	}
	want := [][]string{
		{"2025", "Giấy giới thiệu", "2-GGT/ĐTN", "Giấy giới thiệu sinh hoạt Đoàn", "06/12/2025", "Lần đầu", "mat.pdf (không còn)"},
		{"2025", "Báo cáo", "1-BC/ĐTN", "Báo cáo tổng kết công tác Đoàn năm 2025", "05/12/2025", "Lần đầu", "bao-cao-nam.pdf"},
		{"2025", "Báo cáo", "1-BC/ĐTN", "Báo cáo tổng kết công tác Đoàn năm 2025", "08/12/2025", "Lần 2", "bao-cao-nam.pdf"},
	}
	for row, cells := range want {
		for col, w := range cells {
			if got := r.cellText(row, col); got != w {
				t.Errorf("row %d, column %d = %q, want %q", row+1, col, got, w)
			}
		}
	}
	if r.exists[0] || !r.exists[1] || !r.exists[2] {
		t.Errorf("file exists = %v, want [false true true]", r.exists)
	}
	if got := r.count.Text; !strings.Contains(got, "2") || !strings.Contains(got, "3") {
		t.Errorf("count line %q, want 2 documents and 3 issues", got)
	}
	if rows, cols := r.table.Length(); rows != 3 || cols != len(docColumns()) {
		t.Errorf("table size %d×%d", rows, cols)
	}
}

func containsID(list []int64, id int64) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

func TestPlanEditorInEnglish(t *testing.T) {
	f := newFixture(t, "dashboard")
	t.Cleanup(func() { SetLanguage(LangVietnamese) })
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	f.app.rebuild()
	s := f.planScreen()
	f.app.shortcutNew() // Ctrl+N: a new plan
	e := s.editor
	if e == nil {
		t.Fatal("Ctrl+N on the plan screen opened no editor")
	}
	r := e.row(t, "2.5a")
	if got := r.metric.Selected; got != "New Union members admitted" {
		t.Errorf("metric in English = %q", got)
	}
	if got := r.kind.Selected; got != "Count" {
		t.Errorf("kind in English = %q", got)
	}
	if got := e.copyInd.Text; got != "Copy the current plan's indicators" {
		t.Errorf("copy option in English = %q", got)
	}
	f.app.escape()
}

// TestChecklistFollowsYear: a criterion retired this year is still a
// checkbox, with its mark, on last year's checklist.
func TestChecklistFollowsYear(t *testing.T) {
	f := newFixture(t, "branches")
	s, ok := f.app.screens["branches"].(*branchesScreen)
	if !ok {
		t.Fatal("branches screen not built")
	}
	ctx := context.Background()
	crit, _ := f.st.Criteria(ctx)
	last := thisYear() - 1
	if err := f.st.SaveBranchYear(ctx, domain.BranchYear{BranchID: s.selected, Year: last, Met: []int64{crit[7].ID}}); err != nil {
		t.Fatal(err)
	}
	crit[7].Active = false
	if err := f.st.SaveCriterion(ctx, &crit[7]); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	if len(s.boxes) != len(crit)-1 {
		t.Fatalf("this year: %d checkboxes, want %d", len(s.boxes), len(crit)-1)
	}
	s.checkYear.SetSelected(strconv.Itoa(last))
	if len(s.boxes) != len(crit) {
		t.Fatalf("last year: %d checkboxes, want %d", len(s.boxes), len(crit))
	}
	if b := s.boxes[7]; !strings.Contains(b.Text, crit[7].Text) || !b.Checked {
		t.Fatalf("last year's retired criterion: %q checked %v", b.Text, b.Checked)
	}
}
