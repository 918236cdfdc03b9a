package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"sodoan/domain"
	"sodoan/store"
)

// TestNewRegisterPlanScreen: a new register has no plan. The dashboard
// and the plan screen say so, with a way to enter it; the editor opens on
// the upper level's targets 2.1–2.8 with empty figures (yes/no ones need
// none), and saving with one figure typed stores the plan with its date
// and issuer and leaves the other figures not entered.
func TestNewRegisterPlanScreen(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "so.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SaveUnit(ctx, domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: "BCH Đoàn Phường 1", Place: "Phường 1"}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, st: st}
	f.open(test.NewTempApp(t), "dashboard")
	t.Cleanup(func() { f.settle() })

	d := f.app.screens["dashboard"].(*dashboard)
	d.refresh()
	if !hasLabel(d.view(), domain.NoPlan) || findButton(d.view(), "Nhập kế hoạch của đơn vị") == nil {
		t.Fatalf("the dashboard of a new register lacks the notice: %q", labelTexts(d.view()))
	}

	s := f.planScreen()
	s.refresh()
	if !hasLabel(s.view(), domain.NoPlan) {
		t.Fatalf("the plan screen lacks %q: %q", domain.NoPlan, labelTexts(s.view()))
	}
	enter := findButton(s.view(), "Nhập kế hoạch của đơn vị")
	if enter == nil {
		t.Fatal("no button to enter the plan")
	}
	test.Tap(enter)
	e := s.editor
	if e == nil {
		t.Fatal("no editor")
	}
	if len(e.rows) != len(domain.DefaultPlanIndicators) || e.copyInd == nil || e.copyInd.Text != "Dùng các chỉ tiêu 2.1–2.8 của kế hoạch cấp trên làm mẫu (chưa có số liệu)" {
		t.Fatalf("%d template rows", len(e.rows))
	}
	for _, r := range e.rows {
		// The city's figures are never offered: 7.500 for 2.5a was.
		if want := map[bool]string{true: "1", false: ""}[r.kind.code() == string(domain.KindCheck)]; r.target.Text != want {
			t.Errorf("%s: figure %q, want %q", r.code.Text, r.target.Text, want)
		}
	}
	test.Type(e.number, "12-KH/ĐTN")
	test.Type(e.title, "Thực hiện các chỉ tiêu giai đoạn 2026 - 2030")
	test.Type(e.issued, "12/05/2026")
	test.Type(e.issuer, "Ban Thường vụ Đoàn phường 1")
	e.start.SetText("2026")
	e.end.SetText("2030")
	e.row(t, "2.5a").target.SetText("40")
	if !e.save() {
		t.Fatalf("not saved: %q", labelTexts(e.list))
	}
	p, err := st.CurrentPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p.Number != "12-KH/ĐTN" || p.Issued != domain.MustDate(2026, 5, 12) || p.Issuer != "Ban Thường vụ Đoàn phường 1" || p.StartYear != 2026 || p.EndYear != 2030 {
		t.Fatalf("saved %+v", p)
	}
	for _, in := range p.Indicators {
		switch {
		case in.Code == "2.5a":
			if in.Target != 40 || in.NoTarget || !in.Period {
				t.Errorf("2.5a: %+v", in)
			}
		case in.Kind == domain.KindCheck:
			if in.NoTarget {
				t.Errorf("%s: a yes/no target with no figure", in.Code)
			}
		case !in.NoTarget:
			t.Errorf("%s: figure %v entered, none typed", in.Code, in.Target)
		}
	}
	if hasLabel(s.view(), domain.NoPlan) || !hasLabel(s.view(), "Kế hoạch số 12-KH/ĐTN ngày 12/05/2026 của Ban Thường vụ Đoàn phường 1, giai đoạn 2026 - 2030") {
		t.Errorf("the plan screen after saving: %q", labelTexts(s.view()))
	}
}
