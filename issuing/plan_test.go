package issuing

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
	"sodoan/wardpkg"
)

// newWard makes a ward register by hand through the store's API: unit,
// one hamlet branch, its secretary since 2020, and one Union member a date
// of admissions. Nothing else: no plan (a new register has none).
func newWard(t *testing.T, dir, file, unit string, admissions ...domain.Date) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.SaveUnit(ctx, domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: unit, Place: "Phường 1"}))
	b := &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}
	must(st.SaveBranch(ctx, b))
	given := []string{"An", "Bình", "Cường", "Dũng", "Em", "Giang", "Hùng"}
	for i, a := range admissions {
		p := &domain.Person{FamilyName: "Nguyễn", MiddleName: "Văn", GivenName: given[i%len(given)], Gender: domain.Male,
			BirthDate: d(2000, 1+i, 5), Ethnicity: "Kinh", UnionMember: true, AdmissionDate: a, BranchID: b.ID}
		must(st.SavePerson(ctx, p))
		if i == 0 {
			must(st.SavePosition(ctx, &domain.Position{PersonID: p.ID, Kind: "secretary", Start: d(2020, 1, 1)}))
		}
	}
	return st
}

// TestNewRegisterHasNoPlan: a new register judges nothing against another
// body's plan. Its first annual report says no plan is entered; once the
// ward enters its own (from the template, one figure filled in), the
// report cites that plan in full and judges only the targets with a
// figure; a year before the plan's term gets no cumulative.
func TestNewRegisterHasNoPlan(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// Admitted: 2019 (the secretary), 2026 and 2026: 2 admissions in 2026.
	st := newWard(t, dir, "so.db", "BCH Đoàn phường Hòa Mẫu", d(2019, 3, 26), d(2026, 3, 26), d(2026, 9, 2))
	if _, err := st.CurrentPlan(ctx); !errors.Is(err, store.ErrNoPlan) {
		t.Fatalf("a new register's plan: %v, want none", err)
	}
	first, err := Issue(ctx, st, Request{Kind: Annual, Year: 2026, Date: d(2026, 12, 1), Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, first.Path)
	inOrder(t, "no plan", text, "BÁO CÁO", "Kết quả công tác Đoàn và phong trào thanh niên năm 2026",
		"Ban Chấp hành Đoàn phường Hòa Mẫu báo cáo kết quả công tác năm 2026",
		"Chưa có kế hoạch của đơn vị: báo cáo chưa đánh giá kết quả thực hiện các chỉ tiêu",
		"Trên đây là báo cáo kết quả công tác năm 2026 của Ban Chấp hành Đoàn phường Hòa Mẫu./.")
	for _, other := range []string{"Kế hoạch số", "25-KH", "2018", "Sa Đéc", "Lũy kế", "Đạt"} {
		if strings.Contains(text, other) {
			t.Errorf("the first report of a new register names %q:\n%s", other, text)
		}
	}
	if _, err := Issue(ctx, st, Request{Kind: Period, Date: d(2026, 12, 1), Dir: dir}); err == nil || !strings.Contains(err.Error(), domain.NoPlan) {
		t.Errorf("a period report with no plan: %v", err)
	}

	// The ward's own plan, 2026–2030, from the template; 2.5a = 40 for the
	// term, nothing else filled in.
	p := domain.Plan{Number: "12-KH/ĐTN", Title: "Thực hiện các chỉ tiêu công tác Đoàn giai đoạn 2026 - 2030", StartYear: 2026, EndYear: 2030,
		Current: true, Issued: d(2026, 5, 12), Issuer: "Ban Thường vụ Đoàn phường Hòa Mẫu", Indicators: domain.PlanTemplate()}
	if err := st.SavePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	period := true
	if _, err := st.SetPlanTarget(ctx, "2.5a", 40, &period); err != nil {
		t.Fatal(err)
	}
	second, err := Issue(ctx, st, Request{Kind: Annual, Year: 2026, Date: d(2026, 12, 2), Dir: dir, Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, second.Path)
	inOrder(t, "own plan", text, "Kết quả thực hiện Kế hoạch số 12-KH/ĐTN năm 2026",
		"Thực hiện Kế hoạch số 12-KH/ĐTN, ngày 12/05/2026 của Ban Thường vụ Đoàn phường Hòa Mẫu về thực hiện các chỉ tiêu",
		"Kế hoạch số 12-KH/ĐTN ngày 12/05/2026 của Ban Thường vụ Đoàn phường Hòa Mẫu đề ra 8 nhóm chỉ tiêu với 15 chỉ tiêu cụ thể",
		// 2 admitted in 2026 of 40 over five years = 5%; by 02/12/2026
		// about a fifth of the term is gone (7 due), so behind.
		"Lũy kế 2/40 (5%), chậm tiến độ")
	for _, other := range []string{"25-KH", "2018", "Sa Đéc", "7.500"} {
		if strings.Contains(text, other) {
			t.Errorf("the ward's report names %q", other)
		}
	}
	// A target with no figure is judged against nothing: 2.2a (no club)
	// reads "Chưa có chỉ tiêu", never "Chưa đạt"; 2.5b has no cumulative.
	if !regexp.MustCompile(`2\.5b Phát triển hội viên mới \(cả giai đoạn\) Chưa nhập .*?Chưa có chỉ tiêu`).MatchString(text) || strings.Contains(text, "Lũy kế Chưa") {
		t.Errorf("2.5b without a figure:\n%s", text)
	}
	if !regexp.MustCompile(`2\.2a Củng cố, duy trì CLB Thanh niên làm kinh tế .*?Chưa có chỉ tiêu`).MatchString(text) {
		t.Errorf("2.2a without a figure not left unjudged:\n%s", text)
	}

	// 2025 lies before the term: 2.5a has no cumulative.
	rs, err := st.YearResults(ctx, p.ID, 2025)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Indicator.Code == "2.5a" && (r.Cumulative != 0 || r.Verdict.Code != domain.VerdictNoTarget ||
			!strings.Contains(r.Detail, "năm 2025 ngoài giai đoạn 2026 - 2030")) {
			t.Errorf("2.5a in 2025: %+v", r)
		}
	}
}

// TestConsolidationProvinceCanSign consolidates three wards built by hand,
// one without an economic club, as of 31/12/2025:
//
//   - members on the cut-off: An Hòa 3 (admitted 2019, 2020, 2025; a
//     fourth, admitted 10/03/2026, is in its package but not yet a member
//     then), Tân Quy Đông 2, Tân Khánh Đông 1; together 6;
//   - 2.2a, a club in each cơ sở: An Hòa and Tân Quy Đông keep one, Tân
//     Khánh Đông none: 2/3 cơ sở, Chưa đạt (never "2 CLB against 1: Đạt");
//   - 2.6, 80% of cơ sở rated good or better, from the wards' own
//     ratings: good, excellent, average = 2/3 = 66,7%, Chưa đạt;
//   - 2.5a, new members in 2025 add up: 1 + 1 + 0 = 2.
//
// Without a plan of its own the province's report names none; with it,
// the plan is cited with its number, date and issuer; the report goes
// upward (Ban Thường vụ Trung ương Đoàn, Thường trực Tỉnh ủy, Lưu VP).
func TestConsolidationProvinceCanSign(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	old := wardpkg.WorkFactor
	wardpkg.WorkFactor = 10 // a cheaper scrypt; the format is the same
	t.Cleanup(func() { wardpkg.WorkFactor = old })
	const pass = "mật khẩu phường"
	wards := []struct {
		unit   string
		admit  []domain.Date
		club   bool
		rating string
	}{
		{"BCH Đoàn phường An Hòa", []domain.Date{d(2019, 3, 26), d(2020, 3, 26), d(2025, 3, 26), d(2026, 3, 10)}, true, "good"},
		{"BCH Đoàn phường Tân Quy Đông", []domain.Date{d(2018, 3, 26), d(2025, 9, 2)}, true, "excellent"},
		{"BCH Đoàn xã Tân Khánh Đông", []domain.Date{d(2017, 3, 26)}, false, "average"},
	}
	cons, err := store.Open(filepath.Join(dir, "tinh-doan.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cons.Close() })
	if err := cons.MakeConsolidation(ctx, domain.Unit{Name: "BCH Tỉnh Đoàn Đồng Tháp", UpperBody: "Trung ương Đoàn TNCS Hồ Chí Minh",
		Place: "Đồng Tháp", SecretaryName: "Phan Văn Thắng"}); err != nil {
		t.Fatal(err)
	}
	for i, w := range wards {
		st := newWard(t, dir, fmt.Sprintf("phuong-%d.db", i), w.unit, w.admit...)
		if w.club {
			if err := st.SaveClub(ctx, &domain.Club{Name: "CLB Thanh niên làm kinh tế", Kind: "economic", Founded: d(2021, 3, 26), Active: true}); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.SaveWardYear(ctx, domain.WardYear{Year: 2025, Rating: w.rating}); err != nil {
			t.Fatal(err)
		}
		pkg := filepath.Join(dir, fmt.Sprintf("goi-%d.sodoan", i))
		if _, err := wardpkg.Export(ctx, st, pkg, pass, false); err != nil {
			t.Fatal(err)
		}
		if _, err := wardpkg.Import(ctx, cons, pkg, pass); err != nil {
			t.Fatal(err)
		}
	}
	req := Request{Kind: Consolidated, Year: 2025, Cutoff: d(2025, 12, 31), Date: d(2026, 1, 10), Dir: dir}

	// No plan of the province's own yet: none is named, nothing judged.
	none, err := Issue(ctx, cons, req)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, none.Path)
	inOrder(t, "province without a plan", text, "Tổng hợp kết quả công tác năm 2025 của các cơ sở Đoàn",
		"Căn cứ số liệu trong sổ đoàn viên của 3 cơ sở Đoàn trực thuộc",
		"Đoàn phường An Hòa", "3", "Đoàn phường Tân Quy Đông", "2", "Đoàn xã Tân Khánh Đông", "1", "Cộng 6",
		"Chưa có kế hoạch của đơn vị")
	for _, other := range []string{"Kế hoạch số", "25-KH", "12-KH", "Sa Đéc", "2018"} {
		if strings.Contains(text, other) {
			t.Errorf("the consolidation register's report names %q:\n%s", other, text)
		}
	}

	// The province's plan 105-KH/TĐTN (2023–2027): 2.2a one club in each
	// cơ sở, 2.6 80% of cơ sở rated good or better.
	p := domain.Plan{Number: "105-KH/TĐTN", Title: "Đổi mới nội dung, phương thức hoạt động của Đoàn các cấp, giai đoạn 2023 - 2027",
		StartYear: 2023, EndYear: 2027, Current: true, Issued: d(2023, 3, 15), Issuer: "Ban Thường vụ Tỉnh Đoàn Đồng Tháp",
		Indicators: domain.PlanTemplate()}
	if err := cons.SavePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	for code, v := range map[string]float64{"2.2a": 1, "2.6": 80, "2.5a": 7500} {
		if _, err := cons.SetPlanTarget(ctx, code, v, nil); err != nil {
			t.Fatal(err)
		}
	}
	c, err := wardpkg.Consolidate(ctx, cons, 2025, d(2025, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	members := map[string]int{}
	for _, w := range c.Wards {
		members[w.Ward.Unit] = w.Members
	}
	if members["BCH ĐOÀN PHƯỜNG AN HÒA"] != 3 || members["BCH ĐOÀN PHƯỜNG TÂN QUY ĐÔNG"] != 2 || members["BCH ĐOÀN XÃ TÂN KHÁNH ĐÔNG"] != 1 {
		t.Errorf("members on 31/12/2025: %v, want 3, 2, 1", members)
	}
	signed, err := Issue(ctx, cons, Request{Kind: Consolidated, Year: 2025, Cutoff: d(2025, 12, 31), Date: d(2026, 1, 11), Dir: dir, Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, signed.Path)
	inOrder(t, "province", text, "Tổng hợp kết quả thực hiện Kế hoạch số 105-KH/TĐTN năm 2025 của các cơ sở Đoàn",
		"Căn cứ Kế hoạch số 105-KH/TĐTN, ngày 15/03/2023 của Ban Thường vụ Tỉnh Đoàn Đồng Tháp về đổi mới nội dung",
		"(số liệu tính đến ngày 31/12/2025)",
		"Đoàn viên đến ngày 31/12/2025",
		"1 Đoàn phường An Hòa", "3", "2 Đoàn phường Tân Quy Đông", "2", "3 Đoàn xã Tân Khánh Đông", "1", "Cộng 6",
		"III/. KẾT QUẢ CHUNG SO VỚI CHỈ TIÊU KẾ HOẠCH",
		"Kế hoạch số 105-KH/TĐTN ngày 15/03/2023 của Ban Thường vụ Tỉnh Đoàn Đồng Tháp đề ra")
	for name, re := range map[string]string{
		"2.2a counts wards":   `2\.2a Củng cố, duy trì CLB Thanh niên làm kinh tế 100% cơ sở \(ít nhất 1\) 2/3 cơ sở Chưa đạt`,
		"2.6 from ratings":    `2\.6 Cơ sở Đoàn, chi đoàn xếp loại từ khá trở lên 80% cơ sở 66,7% \(2/3 cơ sở\) Chưa đạt`,
		"2.5a adds up":        `2\.5a Phát triển đoàn viên mới \(cả giai đoạn\) 7\.500 \(cả giai đoạn\) 2 `,
		"recipients upward":   `Nơi nhận: - Ban Thường vụ Trung ương Đoàn; - Thường trực Tỉnh ủy; - Lưu VP\.`,
		"wards table, totals": `Tổng cộng( \S+)* 2/3`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("%s: lacks /%s/:\n%s", name, re, text)
		}
	}
	for _, other := range []string{"25-KH", "Sa Đéc", "2018"} {
		if strings.Contains(text, other) {
			t.Errorf("the province's report names %q", other)
		}
	}
}
