package ui

import (
	"context"
	"testing"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// findButton looks for the button labelled text among o and its children:
// the app's own buttons and those Fyne's dialogs make.
func findButton(o fyne.CanvasObject, text string) fyne.Tappable {
	switch b := o.(type) {
	case *button:
		if b.Text == text {
			return b
		}
	case *widget.Button:
		if b.Text == text {
			return b
		}
	}
	for _, c := range canvasChildren(o) {
		if b := findButton(c, text); b != nil {
			return b
		}
	}
	return nil
}

func TestDeletePlan(t *testing.T) {
	f := newFixture(t, "plan")
	ctx := context.Background()
	old, err := f.st.CurrentPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := f.planScreen()
	if !s.remove.Hidden {
		t.Fatal("delete offered for the only plan")
	}
	mistake := &domain.Plan{Number: "99-KH/ĐTN", Title: "Nhập nhầm", StartYear: 2026, EndYear: 2030, Current: true,
		Indicators: []domain.Indicator{{Code: "1", Title: "Đoàn viên mới", Kind: domain.KindCount, Metric: domain.MetricNewUnionMembers, Target: 10}}}
	if err := f.st.SavePlan(ctx, mistake); err != nil {
		t.Fatal(err)
	}
	s.load()
	if s.remove.Hidden {
		t.Fatal("no delete button with two plans")
	}
	if p, _ := s.shownPlan(); p.ID != mistake.ID {
		t.Fatalf("shown plan %s, want the new current one", p.Number)
	}
	s.deletePlan()
	overlay := f.app.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no confirmation asked")
	}
	yes := findButton(overlay, "Đồng ý")
	if yes == nil {
		t.Fatal("no Đồng ý button in the confirmation")
	}
	test.Tap(yes)
	plans, _ := f.st.Plans(ctx)
	if len(plans) != 1 || plans[0].ID != old.ID || !plans[0].Current {
		t.Fatalf("plans after delete: %+v", plans)
	}
	if !s.remove.Hidden || !s.picker.Hidden {
		t.Error("delete button or picker still shown with one plan")
	}
}
