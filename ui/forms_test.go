package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"sodoan/domain"
	"sodoan/store"
)

// Issue 17, findings 3, 4 and 12, for the forms and editors: typing never
// lost without a question, every answer in view, pre-filled sections
// filled.

// inView reports whether target lies wholly inside sc's visible part.
func inView(t *testing.T, sc *container.Scroll, target fyne.CanvasObject) bool {
	t.Helper()
	p, ok := offsetIn(sc.Content, target)
	if !ok {
		t.Fatal("target not inside the scroll")
	}
	top, bottom := p.Y-sc.Offset.Y, p.Y-sc.Offset.Y+target.Size().Height
	return top >= 0 && bottom <= sc.Size().Height
}

// focusedIs reports whether the window's focus is w.
func focusedIs(f *fixture, w fyne.Focusable) bool { return f.app.win.Canvas().Focused() == w }

// A failed save of the plan editor scrolls to the first field in error,
// focuses it and counts the wrong fields beside the buttons (a bad
// target's message was below the row, out of view); correcting a field
// takes its message away at once.
func TestPlanEditorShowsFirstError(t *testing.T) {
	for _, tc := range []struct {
		name  string
		set   func(e *planEditor)
		count string
		first func(e *planEditor) (box fyne.CanvasObject, focus fyne.Focusable)
	}{
		{"bad target of the last row", func(e *planEditor) { e.rows[len(e.rows)-1].target.SetText("abc") }, "1 ô chưa đúng",
			func(e *planEditor) (fyne.CanvasObject, fyne.Focusable) {
				r := e.rows[len(e.rows)-1]
				return r.box, r.code
			}},
		{"bad order of row 1 and target of the last", func(e *planEditor) {
			e.rows[0].order.SetText("x")
			e.rows[len(e.rows)-1].target.SetText("abc")
		}, "2 ô chưa đúng", func(e *planEditor) (fyne.CanvasObject, fyne.Focusable) { return e.rows[0].box, e.rows[0].code }},
		{"bad day of issue and a bad target", func(e *planEditor) {
			e.issued.SetText("31/02/2024")
			e.rows[len(e.rows)-1].target.SetText("abc")
		}, "2 ô chưa đúng", func(e *planEditor) (fyne.CanvasObject, fyne.Focusable) { return e.issued, e.issued }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, "plan")
			f.app.win.Resize(fyne.NewSize(1280, 720))
			before, _ := f.st.CurrentPlan(context.Background())
			s := f.planScreen()
			s.editPlan()
			e := s.editor
			tc.set(e)
			f.app.shortcutSave()
			if len(f.app.dialogs) != 1 {
				t.Fatal("the editor closed on a wrong plan")
			}
			if got := e.wrong.msg(); got != tc.count {
				t.Errorf("count beside the buttons %q, want %q", got, tc.count)
			}
			box, focus := tc.first(e)
			if !inView(t, e.scroll, box) {
				t.Errorf("the first field in error is out of view (offset %v)", e.scroll.Offset)
			}
			if !focusedIs(f, focus) {
				t.Errorf("focus on %T, not the first field in error", f.app.win.Canvas().Focused())
			}
			if after, _ := f.st.CurrentPlan(context.Background()); after.Issued != before.Issued || after.Indicators[0].Order != before.Indicators[0].Order {
				t.Error("a refused plan was written")
			}
			// Corrected, each message goes at once and the count follows.
			last := e.rows[len(e.rows)-1]
			last.target.SetText("1")
			if last.err.msg() != "" {
				t.Errorf("the corrected row keeps %q", last.err.msg())
			}
			if tc.count == "1 ô chưa đúng" && e.wrong.msg() != "" {
				t.Errorf("count %q after the one wrong field was corrected", e.wrong.msg())
			}
		})
	}
}

// The plan editor shows many targets at once: one line each (it showed 3
// of 15 at 768 px).
func TestPlanEditorRowsCompact(t *testing.T) {
	f := newFixture(t, "plan")
	f.app.win.Resize(fyne.NewSize(1366, 768))
	s := f.planScreen()
	s.editPlan()
	e := s.editor
	h := e.rows[0].box.Size().Height
	room := e.scroll.Size().Height
	// 15 targets of the upper plan: at least 10 fit beside the plan's own
	// fields once scrolled to the targets.
	if n := int(room / (h + 4)); n < 10 {
		t.Errorf("%d rows of %.0f px fit in %.0f px, want at least 10", n, h, room)
	}
}

// The wheel over an entry whose text is longer than its box scrolls the
// editor, not the entry's text (issue 17, finding 9).
func TestPlanEditorWheelOverEntries(t *testing.T) {
	f := newFixture(t, "plan")
	f.app.win.Resize(fyne.NewSize(1280, 720))
	s := f.planScreen()
	s.editPlan()
	e := s.editor
	e.rows[0].title.SetText(strings.Repeat("Một chỉ tiêu rất dài ", 20))
	var pass *wheelPass
	walk(e.rows[0].box, func(o fyne.CanvasObject) bool {
		if w, ok := o.(*wheelPass); ok {
			pass = w
		}
		return pass == nil
	})
	if pass == nil {
		t.Fatal("no wheel pass over the row")
	}
	pass.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if e.scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over a row left the editor at %v", e.scroll.Offset)
	}
}

// Esc and closing the window ask before the plan editor's typing is
// thrown away.
func TestPlanEditorAsksBeforeDiscarding(t *testing.T) {
	f := newFixture(t, "plan")
	s := f.planScreen()
	s.editPlan()
	f.app.escape()
	if len(f.app.dialogs) != 0 {
		t.Fatal("Esc did not close an untouched editor")
	}
	s.editPlan()
	e := s.editor
	e.rows[2].title.SetText("Chỉ tiêu đã sửa")
	f.app.escape()
	test.Tap(findButtonInOverlay(f, "Ở lại"))
	if len(f.app.dialogs) != 1 || e.rows[2].title.Text != "Chỉ tiêu đã sửa" {
		t.Fatal("Ở lại did not keep the editor and its typing")
	}
	// Closing the window (Ctrl+Q, the title bar's ×) asks too.
	f.app.closeWindow()
	test.Tap(findButtonInOverlay(f, "Ở lại"))
	if len(f.app.dialogs) != 1 {
		t.Fatal("closing the window threw the editor away")
	}
	f.app.escape()
	test.Tap(findButtonInOverlay(f, "Lưu"))
	if len(f.app.dialogs) != 0 {
		t.Fatal("Lưu in the question left the editor open")
	}
	if in := currentIndicator(t, f.st, e.rows[2].code.Text); in.Title != "Chỉ tiêu đã sửa" {
		t.Errorf("Lưu in the question saved %q", in.Title)
	}
}

// The member form at 1280×720: a wrong value in its last fields (Ngày
// vào Hội) is scrolled to, focused and counted.
func TestMemberFormShowsFirstError(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fields map[string]string
		count  string
		first  string
	}{
		{"Ngày vào Hội", map[string]string{"FederationDate": "31/02/2005"}, "1 ô chưa đúng", "FederationDate"},
		{"Ngày vào Hội and Ghi chú", map[string]string{"FederationDate": "31/02/2005", "Note": strings.Repeat("Ghi chú dài. ", 400)}, "2 ô chưa đúng", "FederationDate"},
		{"birth date before them", map[string]string{"BirthDate": "1/13/1999", "FederationDate": "31/02/2005"}, "2 ô chưa đúng", "BirthDate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, "members")
			f.app.win.Resize(fyne.NewSize(1280, 720))
			ctx := context.Background()
			list, err := f.st.ListMembers(ctx, store.MemberFilter{})
			if err != nil || len(list) == 0 {
				t.Fatalf("members: %v", err)
			}
			p := list[0]
			mf := f.app.editor.edit(&p, nil)
			for name, v := range tc.fields {
				mf.entry(name).SetText(v)
			}
			f.app.shortcutSave()
			if len(f.app.dialogs) != 1 {
				t.Fatal("the form closed on a wrong value")
			}
			if got := mf.wrong.msg(); got != tc.count {
				t.Errorf("count %q, want %q (messages: %q)", got, tc.count, mf.form.other.msg())
			}
			first := mf.entry(tc.first)
			if !inView(t, mf.scroll, first) {
				t.Errorf("%s is out of view (offset %v)", tc.first, mf.scroll.Offset)
			}
			if !focusedIs(f, first) {
				t.Errorf("focus on %T, not %s", f.app.win.Canvas().Focused(), tc.first)
			}
			if !mf.form.hasError(tc.first) {
				t.Fatalf("%s shows no message", tc.first)
			}
			mf.entry(tc.first).SetText("")
			if mf.form.hasError(tc.first) {
				t.Errorf("the corrected %s keeps its message", tc.first)
			}
			// One field fewer counted: "2 ô" becomes "1 ô", "1 ô" none.
			want := map[string]string{"1 ô chưa đúng": "", "2 ô chưa đúng": "1 ô chưa đúng"}[tc.count]
			if got := mf.wrong.msg(); got != want {
				t.Errorf("count after correcting %s: %q, want %q", tc.first, got, want)
			}
			if after, _ := f.st.Person(ctx, p.ID); after.FederationDate != p.FederationDate {
				t.Error("a refused form was written")
			}
		})
	}
}

// Batch admission lists every problem of every row, not only the first
// of the first bad row, and writes nothing.
func TestBatchAdmissionShowsEveryProblem(t *testing.T) {
	f := newFixture(t, "members")
	ctx := context.Background()
	b := f.app.batches.admission()
	future := fmt.Sprintf("01/01/%d", thisYear()+3)
	// Row 1: one word of a name (no family name), no gender and a date
	// that is no date: three problems; row 2: born in the future; row 3:
	// fine.
	test.Type(b.rows[0].name, "Cao")
	test.Type(b.rows[0].birth, "31/02/2008")
	test.Type(b.rows[1].name, "Tô Văn Bảo")
	b.rows[1].gender.setCode(string(domain.Male))
	test.Type(b.rows[1].birth, future)
	test.Type(b.rows[2].name, "Lý Thị Na")
	b.rows[2].gender.setCode(string(domain.Female))
	test.Type(b.rows[2].birth, "02/02/2008")
	before, _ := f.st.CountMembers(ctx, store.MemberFilter{})
	if b.save() {
		t.Fatal("a batch with wrong rows was saved")
	}
	if m := b.rows[0].err.msg(); strings.Count(m, ";") != 2 || !strings.Contains(m, "Ngày sinh") || !strings.Contains(m, "Họ") || !strings.Contains(m, "Giới tính") {
		t.Errorf("row 1 says %q, want its date, its family name and its gender", m)
	}
	if m := b.rows[1].err.msg(); !strings.Contains(m, "Ngày sinh") || !strings.Contains(m, "Ngày vào Đoàn") {
		t.Errorf("row 2 says %q, want its birth date in the future and its admission before it", m)
	}
	if m := b.rows[2].err.msg(); m != "" {
		t.Errorf("the good row 3 says %q", m)
	}
	// 3 problems in row 1; 2 in row 2 (born in the future, so admitted
	// today before being born).
	if got := b.wrong.msg(); got != "5 ô chưa đúng" {
		t.Errorf("count beside the buttons %q, want 5 ô chưa đúng (row 2: %q, other: %q)", got, b.rows[1].err.msg(), b.other.msg())
	}
	if n, _ := f.st.CountMembers(ctx, store.MemberFilter{}); n != before {
		t.Errorf("a refused batch wrote %d people", n-before)
	}
	// Changing a row takes its message away.
	b.rows[1].birth.SetText("02/02/2008")
	if b.rows[1].err.msg() != "" {
		t.Error("the corrected row keeps its message")
	}
}

// Every save confirms on the footer what it saved, replacing an older
// message (a branch's year-end rating, Xóa khỏi sổ, a plan deleted…).
func TestEverySaveSaysWhat(t *testing.T) {
	for _, tc := range []struct {
		name   string
		screen string
		do     func(t *testing.T, f *fixture)
		want   string
	}{
		{"a branch's year", "branches", func(t *testing.T, f *fixture) {
			s := f.app.screens["branches"].(*branchesScreen)
			s.boxes[0].SetChecked(true)
			s.saveYear()
		}, fmt.Sprintf("Đã lưu đánh giá năm %d của Chi đoàn Khóm 1", thisYear())},
		{"Xóa khỏi sổ", "members", func(t *testing.T, f *fixture) {
			list, _ := f.st.ListMembers(context.Background(), store.MemberFilter{})
			f.app.member.open(list[0].ID)
			tapIn(t, f.app.body, "Xóa khỏi sổ")
			f.agree(t)
		}, "Đã chuyển "},
		{"a branch's details", "branches", func(t *testing.T, f *fixture) {
			tapIn(t, f.app.body, "Lưu")
		}, "Đã lưu Chi đoàn Khóm 1."},
		{"a member's year", "members", func(t *testing.T, f *fixture) {
			list, _ := f.st.ListMembers(context.Background(), store.MemberFilter{})
			f.app.member.open(list[0].ID)
			f.app.member.memberYearDialog(&list[0], thisYear(), func() {})
			f.app.shortcutSave()
		}, fmt.Sprintf("Đã lưu năm %d của ", thisYear())},
		{"a report's text", "reports", func(t *testing.T, f *fixture) {
			e := f.app.screens["reports"].(*reportsScreen).texts
			e.entries["causes"].SetText("Do thiếu kinh phí.")
			e.save()
		}, "Đã lưu nội dung: Báo cáo năm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, tc.screen)
			f.app.notify("Thông báo cũ")
			tc.do(t, f)
			if got := f.app.notice.text(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("footer says %q, want %q…", got, tc.want)
			}
		})
	}
}

// The report text's editor asks before typing is thrown away: Esc, the
// window's close, another document chosen; Ở lại keeps the text and the
// choice, Bỏ thay đổi shows the saved text again, Lưu saves it to the
// document it was typed for.
func TestNarrativeEditorAsksBeforeDiscarding(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, "reports")
	rs := f.app.screens["reports"].(*reportsScreen)
	e := rs.texts
	year := rs.yearNow()
	asked := func() bool {
		o := f.app.win.Canvas().Overlays().Top()
		return o != nil && strings.Contains(strings.Join(labelTexts(o), "\n"), "Nội dung văn bản có thay đổi chưa lưu")
	}
	f.app.escape()
	if asked() {
		t.Fatal("Esc asked about an untouched text")
	}
	e.entries["causes"].SetText("Do thiếu kinh phí.")
	f.app.escape()
	if !asked() {
		t.Fatal("Esc on a changed text did not ask")
	}
	test.Tap(findButtonInOverlay(f, "Ở lại"))
	if e.entries["causes"].Text != "Do thiếu kinh phí." || !e.dirty {
		t.Fatal("Ở lại lost the typing")
	}
	f.app.closeWindow()
	if !asked() {
		t.Fatal("closing the window with a changed text did not ask")
	}
	test.Tap(findButtonInOverlay(f, "Ở lại"))
	// Another document chosen: asked; Ở lại puts the choice back.
	e.docSel.SetSelectedIndex(3)
	if !asked() {
		t.Fatal("choosing another document did not ask")
	}
	test.Tap(findButtonInOverlay(f, "Ở lại"))
	if e.docSel.SelectedIndex() != 0 || e.entries["causes"].Text != "Do thiếu kinh phí." {
		t.Fatalf("Ở lại: document %d, causes %q", e.docSel.SelectedIndex(), e.entries["causes"].Text)
	}
	// Bỏ thay đổi: the saved text (none) again, nothing written.
	f.app.escape()
	test.Tap(findButtonInOverlay(f, "Bỏ thay đổi"))
	if e.entries["causes"].Text != "" || e.dirty {
		t.Errorf("Bỏ thay đổi left %q (dirty %v)", e.entries["causes"].Text, e.dirty)
	}
	if n, _ := f.st.Narrative(ctx, domain.NarrativeAnnual, year); n["causes"] != "" {
		t.Errorf("discarding wrote %q", n["causes"])
	}
	// Lưu while choosing the plan's text: saved to the annual report,
	// then the plan shown.
	e.entries["causes"].SetText("Do thiếu kinh phí.")
	e.docSel.SetSelectedIndex(3)
	test.Tap(findButtonInOverlay(f, "Lưu"))
	if n, _ := f.st.Narrative(ctx, domain.NarrativeAnnual, year); n["causes"] != "Do thiếu kinh phí." {
		t.Errorf("Lưu in the question saved %q", n["causes"])
	}
	if e.shownDoc != domain.NarrativePlan || len(e.entries) != len(domain.PlanSections) {
		t.Errorf("after Lưu the editor shows %s with %d sections", e.shownDoc, len(e.entries))
	}
}

// "Mục chưa viết được điền sẵn bằng số liệu của sổ": every section the
// register drafts opens filled; the others say they are hers to write.
func TestNarrativeSectionsPrefilled(t *testing.T) {
	f := newFixture(t, "reports")
	e := newNarrativeEditor(f.app.ctx, f.app.st, f.app, func() int { return 2025 }, func() domain.Date { return domain.MustDate(2025, 12, 31) })
	// The fixture: 2 active hamlet branches; every test name a member
	// admitted in 2018, born 1996–2000, none gone by 31/12/2025; women
	// are the names with " Thị ".
	women := 0
	for _, n := range testNames {
		if strings.Contains(n, " Thị ") {
			women++
		}
	}
	for _, tc := range []struct {
		doc   int
		day   string // the day the figures are counted to
		codes []string
		want  map[string]string // section: the start of its draft
	}{
		{0, "31/12/2025", []string{"situation", "inspection", "organisation"}, map[string]string{
			"situation": fmt.Sprintf("Tính đến ngày 31/12/2025, Đoàn phường 1 có 2 chi đoàn trực thuộc (2 khóm, ấp) với %d đoàn viên (nữ %d)", len(testNames), women),
			// Nobody struck off in 2025.
			"inspection": "Trong năm 2025, Đoàn phường 1 không có trường hợp đoàn viên bị xóa tên khỏi danh sách.",
		}},
		// The 6-month report: its first half.
		{1, "30/06/2025", []string{"situation", "inspection"}, map[string]string{
			"situation": fmt.Sprintf("Tính đến ngày 30/06/2025, Đoàn phường 1 có 2 chi đoàn trực thuộc (2 khóm, ấp) với %d đoàn viên", len(testNames)),
		}},
		{3, "31/12/2025", []string{"purpose", "general"}, map[string]string{
			"general": "Đến năm ",
		}},
	} {
		e.docSel.SetSelectedIndex(tc.doc)
		for _, code := range tc.codes {
			if strings.TrimSpace(e.entries[code].Text) == "" {
				t.Errorf("document %d: section %s is empty", tc.doc, code)
			}
		}
		for code, want := range tc.want {
			if got := e.entries[code].Text; !strings.HasPrefix(got, want) {
				t.Errorf("document %d, %s:\n got %q\nwant %q…", tc.doc, code, got, want)
			}
		}
		if !strings.Contains(e.status.Text, "tính đến "+tc.day) {
			t.Errorf("status %q does not say the cut-off", e.status.Text)
		}
	}
	// The annual report's causes: nothing in the register, said so.
	e.docSel.SetSelectedIndex(0)
	if e.entries["causes"].PlaceHolder == "" || !strings.Contains(e.status.Text, "(tự viết)") {
		t.Errorf("causes: placeholder %q, status %q", e.entries["causes"].PlaceHolder, e.status.Text)
	}
}
