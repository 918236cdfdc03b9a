package ui

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// The narrative editor shows every section of the chosen document, the
// ones never written pre-filled from the register's figures, and saves
// what the secretary sees.
func TestNarrativeEditor(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, "reports")
	e := newNarrativeEditor(f.app.ctx, f.app.st, f.app, func() int { return 2025 }, func() domain.Date { return domain.Date{} })
	if len(e.entries) != len(domain.AnnualSections) {
		t.Fatalf("annual report: %d sections shown, want %d", len(e.entries), len(domain.AnnualSections))
	}
	if got := e.entries["organisation"].Text; !strings.HasPrefix(got, "Kết nạp ") {
		t.Errorf("organisation not pre-filled from the figures: %q", got)
	}
	e.entries["inspection"].SetText("Kiểm tra sinh hoạt tại 3 chi đoàn.")
	e.save()
	n, err := f.st.Narrative(ctx, domain.NarrativeAnnual, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if n["inspection"] != "Kiểm tra sinh hoạt tại 3 chi đoàn." || !strings.HasPrefix(n["organisation"], "Kết nạp ") {
		t.Errorf("saved: inspection %q, organisation %q", n["inspection"], n["organisation"])
	}
	e.docSel.SetSelectedIndex(3)
	if len(e.entries) != len(domain.PlanSections) {
		t.Errorf("plan: %d sections shown, want %d", len(e.entries), len(domain.PlanSections))
	}
	// The 6-month report has texts of its own, drafted from the first
	// half's figures.
	e.docSel.SetSelectedIndex(1)
	if len(e.entries) != len(domain.AnnualSections) || e.entries["inspection"].Text == "Kiểm tra sinh hoạt tại 3 chi đoàn." {
		t.Errorf("6-month report: %d sections, inspection %q", len(e.entries), e.entries["inspection"].Text)
	}
	e.docSel.SetSelectedIndex(2)
	if len(e.entries) != len(domain.PeriodSections) {
		t.Errorf("period report: %d sections shown, want %d", len(e.entries), len(domain.PeriodSections))
	}
}

// The report settings: working year, rating scale, the plan's date,
// issuing body and upper plan, and recipients for each document kind.
func TestReportSettings(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, "reports")
	r := newReportSettings(f.app.ctx, f.app.st, f.app)
	r.yearStart.SetText("01/10")
	r.scale.SetSelectedIndex(1)
	r.planDate.SetText("12/05/2024")
	r.issuer.SetText("Ban Thường vụ Đoàn phường 1")
	r.upper.SetText("Kế hoạch số 105-KH/TĐTN, ngày 15/3/2024 của Ban Thường vụ Tỉnh Đoàn")
	r.kind.SetSelectedIndex(0)
	r.recipients.SetText("Ban Thường vụ Tỉnh Đoàn (qua Văn phòng)\nĐảng ủy phường 1")
	r.kind.SetSelectedIndex(4) // after the annual, 6-month, period reports and the plan
	r.recipients.SetText("Các chi đoàn trực thuộc")
	r.save.OnTapped()
	if d, m, _ := f.st.WorkingYearStart(ctx); d != 1 || m != 10 {
		t.Errorf("working year starts %d/%d", d, m)
	}
	if sc, _ := f.st.RatingScale(ctx); sc != domain.ScaleStrength {
		t.Errorf("rating scale %q", sc)
	}
	p, err := f.st.CurrentPlan(ctx)
	if err != nil || p.Issued != domain.MustDate(2024, 5, 12) || p.Issuer != "Ban Thường vụ Đoàn phường 1" || !strings.HasPrefix(p.UpperPlan, "Kế hoạch số 105") {
		t.Errorf("plan %+v (%v)", p, err)
	}
	annual, _, _ := f.st.Recipients(ctx, "annual")
	members, _, _ := f.st.Recipients(ctx, "members")
	if len(annual) != 2 || annual[1] != "Đảng ủy phường 1" || len(members) != 1 {
		t.Errorf("recipients: annual %q, members %q", annual, members)
	}
	// A bad day changes nothing and says why.
	r.yearStart.SetText("31/02")
	r.save.OnTapped()
	if d, m, _ := f.st.WorkingYearStart(ctx); d != 1 || m != 10 {
		t.Errorf("after a bad day the working year starts %d/%d", d, m)
	}
}
