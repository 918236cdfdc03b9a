package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sodoan/domain"
	"sodoan/store"
)

// TestKindEditorFigures: a kind's figures edited in the window (issue
// 19's leftover): the Sửa button of "Tuyên truyền, giáo dục" opens its
// name and figures; a figure renamed and one added are saved with the
// kind, the recorded figure keeping its value; removing the figure an
// activity recorded is refused in Vietnamese, the dialog staying open and
// nothing written; an added figure without its unit is named on its row.
func TestKindEditorFigures(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, "activities")
	a := &domain.Activity{Kind: "education", Title: "Tuyên truyền Luật Thanh niên", Date: f.app.clock.today(), Ward: true,
		Participants: domain.Participants{Union: 12}, Measures: map[string]int64{"reached": 120}}
	if err := f.st.SaveActivity(ctx, a); err != nil {
		t.Fatal(err)
	}
	s := f.app.screens["activities"].(*activitiesScreen)
	s.refresh()
	var row fyne.CanvasObject
	for _, o := range s.kindsBox.Objects {
		if hasLabel(o, "Tuyên truyền, giáo dục: Số người được tuyên truyền (người)") {
			row = o
		}
	}
	if row == nil {
		t.Fatalf("education not listed: %q", labelTexts(s.kindsBox))
	}
	tapIn(t, row, T("Sửa"))
	if len(f.app.dialogs) != 1 {
		t.Fatal("Sửa opened no dialog")
	}
	ke := s.lastKindEditor
	if ke == nil || len(ke.rows) != 1 || ke.rows[0].label.Text != "Số người được tuyên truyền" || ke.rows[0].unit.Text != "người" {
		t.Fatalf("the dialog's figures: %+v", ke)
	}

	// A new figure without its unit: named on its row, nothing saved.
	test.Tap(findButton(f.app.win.Canvas().Overlays().Top(), T("Thêm số liệu")))
	if len(ke.rows) != 2 {
		t.Fatalf("Thêm số liệu: %d rows", len(ke.rows))
	}
	ke.rows[1].label.SetText("Số buổi")
	f.app.shortcutSave()
	if len(f.app.dialogs) != 1 || !strings.Contains(ke.rows[1].err.msg(), "cần ghi cả tên số liệu và đơn vị") {
		t.Fatalf("a figure without its unit: dialogs %d, row's message %q", len(f.app.dialogs), ke.rows[1].err.msg())
	}
	// Removing the recorded figure: refused, nothing written.
	ke.rows[1].unit.SetText("buổi")
	ke.removeRow(ke.rows[0])
	f.app.shortcutSave()
	if len(f.app.dialogs) != 1 || !strings.Contains(ke.fm.other.msg(), `số liệu "Số người được tuyên truyền" đã ghi ở 1 hoạt động, không bỏ được`) {
		t.Fatalf("removing a recorded figure: dialogs %d, message %q", len(f.app.dialogs), ke.fm.other.msg())
	}
	if k := kindOf(t, f, "education"); len(k.Measures) != 1 {
		t.Fatalf("a refused edit wrote %+v", k.Measures)
	}
	f.app.escape()
	test.Tap(findButtonInOverlay(f, "Bỏ thay đổi"))

	// Renamed and one added: saved, the recorded value kept.
	s.editKindDialog(kindOf(t, f, "education"))
	ke = s.lastKindEditor
	ke.rows[0].label.SetText("Số lượt người được tuyên truyền")
	ke.addRow(s, domain.ActivityMeasure{})
	ke.rows[1].label.SetText("Số buổi")
	ke.rows[1].unit.SetText("buổi")
	f.app.shortcutSave()
	if len(f.app.dialogs) != 0 {
		t.Fatalf("not saved: %q", ke.fm.other.msg())
	}
	k := kindOf(t, f, "education")
	if len(k.Measures) != 2 || k.Measures[0].Code != "reached" || k.Measures[0].Label != "Số lượt người được tuyên truyền" || k.Measures[1].Code != "so_buoi" {
		t.Errorf("saved figures %+v", k.Measures)
	}
	if !hasLabel(s.kindsBox, "Tuyên truyền, giáo dục: Số lượt người được tuyên truyền (người); Số buổi (buổi)") {
		t.Errorf("the list after the edit: %q", labelTexts(s.kindsBox))
	}
	got, err := f.st.Activities(ctx, store.ActivityFilter{Year: f.app.thisYear()})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range got {
		if x.ID == a.ID && x.Source == a.Source && x.Measures["reached"] != 120 {
			t.Errorf("the activity's figure after the edit: %v", x.Measures)
		}
	}
}

func kindOf(t *testing.T, f *fixture, code string) domain.ActivityKind {
	t.Helper()
	ks, err := f.st.ActivityKinds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	k, ok := domain.KindOf(ks, code)
	if !ok {
		t.Fatalf("no kind %s", code)
	}
	return k
}
