package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"sodoan/domain"
)

// TestExistingPlanKept: a register made before plans could lack a figure
// keeps the plan it was seeded with (number, term, every target's figure)
// through the migration; only new registers start with none.
func TestExistingPlanKept(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cu.db")
	if err := CreateAtSchema(path, SchemaVersion-1); err != nil {
		t.Fatal(err)
	}
	// What an older Sổ Đoàn seeded: 25-KH/ĐTN 2018–2022, 2.5a = 7.500.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO plans(id, number, title, start_year, end_year, current) VALUES (1, '25-KH/ĐTN', 'Đổi mới', 2018, 2022, 1);
		INSERT INTO indicators(plan_id, code, section, title, kind, metric, target, period, ord) VALUES
		(1, '2.5a', '2.5', 'Phát triển đoàn viên mới', 'count', 'new_union_members', 7500, 1, 1),
		(1, '2.7', '2.7', 'Ứng dụng công nghệ thông tin', 'check', 'manual', 1, 0, 2)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := OpenWith(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.CurrentPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p.Number != "25-KH/ĐTN" || p.StartYear != 2018 || len(p.Indicators) != 2 ||
		p.Indicators[0].Target != 7500 || p.Indicators[0].NoTarget || !p.Indicators[0].Period || p.Indicators[1].NoTarget {
		t.Fatalf("migrated plan %+v", p)
	}
}

// TestPlanTemplate: a plan begun from the template has the upper level's
// targets 2.1–2.8 and no figure but the yes/no ones; a figure not entered
// judges nothing, and entering one through SetPlanTarget judges it.
func TestPlanTemplate(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.CurrentPlan(ctx); !errors.Is(err, ErrNoPlan) {
		t.Fatalf("new register: %v", err)
	}
	if _, err := s.SetPlanTarget(ctx, "2.5a", 40, nil); !errors.Is(err, ErrNoPlan) {
		t.Fatalf("a target with no plan: %v", err)
	}
	p := domain.Plan{Number: "12-KH/ĐTN", Title: "Thực hiện chỉ tiêu", StartYear: 2026, EndYear: 2030, Current: true,
		Issued: domain.MustDate(2026, 5, 12), Issuer: "Ban Thường vụ Đoàn phường Hòa Mẫu", Indicators: domain.PlanTemplate()}
	if err := s.SavePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := s.CurrentPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 15 targets, of which 4 are yes/no (2.1a, 2.1b, 2.7, 2.8).
	empty := 0
	for _, in := range got.Indicators {
		if in.NoTarget {
			empty++
		}
		if in.NoTarget == (in.Kind == domain.KindCheck) {
			t.Errorf("%s (%s): no target %v", in.Code, in.Kind, in.NoTarget)
		}
	}
	if len(got.Indicators) != 15 || empty != 11 {
		t.Fatalf("%d targets, %d empty; want 15 and 11", len(got.Indicators), empty)
	}
	verdicts := func() map[string]domain.Result {
		rs, err := s.YearResults(ctx, p.ID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]domain.Result{}
		for _, r := range rs {
			m[r.Indicator.Code] = r
		}
		return m
	}
	if r := verdicts()["2.5a"]; r.Verdict.Code != domain.VerdictNoTarget || r.Verdict.Label() != "Chưa có chỉ tiêu" {
		t.Fatalf("2.5a with no figure: %+v", r.Verdict)
	}
	yes := true
	if _, err := s.SetPlanTarget(ctx, "2.5A", 40, &yes); err != nil {
		t.Fatal(err)
	}
	// No admission in 2026, 40 over 2026–2030: the share due by today
	// (40 × the part of the term gone by, above 0 once the year began)
	// is not reached, so behind.
	if r := verdicts()["2.5a"]; r.Verdict.Code != domain.VerdictBehind || r.Verdict.Target != 40 {
		t.Fatalf("2.5a = 40: %+v", r.Verdict)
	}
	var ve *domain.ValidationError
	if _, err := s.SetPlanTarget(ctx, "9.9", 1, nil); !errors.As(err, &ve) || ve.Errors[0].Field != "Code" {
		t.Fatalf("unknown code: %v", err)
	}
	if _, err := s.SetPlanTarget(ctx, "2.5c", 120, nil); !errors.As(err, &ve) {
		t.Fatalf("120%%: %v", err)
	}
}
