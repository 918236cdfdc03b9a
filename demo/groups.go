package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"sodoan/domain"
	"sodoan/store"
)

// writeGroups founds the ward's clubs and co-ops. Their members are people
// still in the ward at the end of the data; the branch secretaries' club
// is made of the branch secretaries. A co-op's members earn out of its
// revenue: a year's income of all its members is at most its revenue.
func writeGroups(ctx context.Context, st *store.Store, r *rand.Rand, o Options, w ward, people []*person, offices []office, end domain.Date) error {
	founded := earliest(domain.MustDate(o.Year-4, 3, 26), end)
	var here, adults []*person
	for _, pp := range people {
		if pp.left.IsZero() && (pp.p.UnionMember || pp.p.FederationMember) {
			here = append(here, pp)
			if pp.p.BirthDate.AgeOn(end) >= 18 && pp.p.Occupation != "student" && pp.p.Occupation != "armed" && pp.p.Occupation != "civil_servant" {
				adults = append(adults, pp)
			}
		}
	}
	if len(adults) == 0 {
		adults = here
	}
	ward := w.lower()
	clubs := []struct {
		name string
		kind domain.ClubKind
		from []*person
	}{
		{"CLB Thanh niên làm kinh tế " + ward, "economic", adults},
		{"CLB Bí thư chi đoàn " + ward, "secretaries", nil},
		{"CLB Báo cáo viên, tuyên truyền viên " + ward, "propagandists", here},
		{"CLB Bóng đá thanh niên " + ward, "interest", here},
	}
	for _, c := range clubs {
		club := &domain.Club{Name: c.name, Kind: c.kind, Founded: founded, Active: true}
		var ms []*person
		if c.kind == "secretaries" {
			for _, of := range offices {
				if of.kind == "branch_secretary" {
					ms = append(ms, of.holder)
				}
			}
		} else {
			ms = sample(r, c.from, 8+r.IntN(12))
		}
		for j, pp := range ms {
			role := "Thành viên"
			if j == 0 {
				role = "Chủ nhiệm"
				club.Leader = pp.p.FullName()
			}
			club.Members = append(club.Members, domain.GroupMember{PersonID: pp.p.ID, Name: pp.p.FullName(), Role: role})
		}
		if c.kind != "secretaries" {
			f, m, g := name(r, false)
			club.Members = append(club.Members, domain.GroupMember{Name: domain.JoinName(f, m, g), Role: "Cố vấn"})
		}
		if err := st.SaveClub(ctx, club); err != nil {
			return fmt.Errorf("tạo câu lạc bộ mẫu: %w", err)
		}
	}

	coops := []struct{ name, field string }{
		{"Tổ hợp tác trồng hoa kiểng " + w.name, "Trồng hoa kiểng"},
		{"Tổ hợp tác nuôi cá " + w.name, "Thủy sản"},
		{"Tổ hợp tác bánh phồng " + w.name, "Chế biến thực phẩm"},
	}
	if w.commune {
		coops[0] = struct{ name, field string }{"Tổ hợp tác sản xuất lúa giống " + w.name, "Trồng trọt"}
	}
	for ci, c := range coops {
		// Groups founded after 2019 register under Nghị định 77/2019.
		f := earliest(domain.MustDate(o.Year-3+ci%2, 5, 10), end)
		coop := &domain.Coop{Name: c.name, Field: c.field, Founded: f, ContractDate: earliest(domain.MustDate(f.Year(), 6, 1), end),
			LegalBasis: "nd77_2019", Capital: int64(50+r.IntN(400)) * 1000000, Active: true}
		ms := sample(r, adults, 5+r.IntN(6))
		for j, pp := range ms {
			role := "Tổ viên"
			if j == 0 {
				role = "Tổ trưởng"
			}
			coop.Members = append(coop.Members, domain.GroupMember{PersonID: pp.p.ID, Name: pp.p.FullName(), Role: role})
		}
		if err := st.SaveCoop(ctx, coop); err != nil {
			return fmt.Errorf("tạo tổ hợp tác mẫu: %w", err)
		}
		income := int64(4+r.IntN(6)) * 1000000 // a member's month
		for y := f.Year(); y <= o.Year; y++ {
			// The members' income over a whole year is 35 to 60 % of the
			// revenue (a year begun counts as a whole one: never above it).
			paid := income * int64(len(ms)) * 12
			revenue := paid * 100 / int64(35+r.IntN(26))
			revenue = (revenue/1000000 + 1) * 1000000
			cy := domain.CoopYear{CoopID: coop.ID, Year: y, Revenue: revenue, AvgIncome: income,
				Support: "Hỗ trợ vay vốn qua Ngân hàng Chính sách xã hội", SupportedModel: ci == 0}
			// A group reports twice a year, as the 6-month and the annual
			// reports read it: about half the revenue on 30/06, the
			// year's on its last day (today for the year running).
			last := yearEnd(y, end)
			if mid := domain.MustDate(y, 6, 30); mid.Before(last) && !mid.Before(f) {
				half := cy
				// 45–55 %, varied without drawing from r: the rest of a
				// seed's demo stays as it was.
				half.Revenue = (revenue*int64(45+(y+ci)%11)/100/1000000 + 1) * 1000000
				half.Reported = mid
				if err := st.SaveCoopYear(ctx, half); err != nil {
					return fmt.Errorf("tạo kết quả 6 tháng tổ hợp tác mẫu: %w", err)
				}
			}
			cy.Reported = last
			if err := st.SaveCoopYear(ctx, cy); err != nil {
				return fmt.Errorf("tạo kết quả tổ hợp tác mẫu: %w", err)
			}
			// 2.2b counts the support on the day it was given: the first
			// group gets its loan each March.
			if d := domain.MustDate(y, 3, 10+r.IntN(15)); ci == 0 && !d.After(end) {
				m := &domain.TargetModel{Target: domain.ModelEconomic, Kind: "coop", CoopID: coop.ID, Name: coop.Name, Date: d,
					Support: "Giới thiệu vay vốn qua Ngân hàng Chính sách xã hội"}
				if err := st.SaveModel(ctx, m); err != nil {
					return fmt.Errorf("tạo mô hình kinh tế mẫu: %w", err)
				}
			}
			income += int64(r.IntN(3)) * 500000 // incomes grow a little
		}
	}
	return nil
}

// sample draws n different people of from (all of them when fewer).
func sample(r *rand.Rand, from []*person, n int) []*person {
	if n >= len(from) {
		return append([]*person(nil), from...)
	}
	idx := r.Perm(len(from))[:n]
	out := make([]*person, n)
	for i, k := range idx {
		out[i] = from[k]
	}
	return out
}

// writePlan enters the ward's own plan for the period around the data
// year, as a ward secretary would: its number and date, the Ban Thường vụ
// of this ward as issuer, the province's plan it implements, and the
// targets 2.1–2.8 with the ward's share of the counts.
func writePlan(ctx context.Context, st *store.Store, r *rand.Rand, o Options, w ward, people int) error {
	from, to := o.Year-2, o.Year+2
	ward := w.lower()
	plan := &domain.Plan{
		Number:    fmt.Sprintf("%d-KH/ĐTN", 8+r.IntN(20)),
		Title:     fmt.Sprintf("Đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn TNCS Hồ Chí Minh %s, giai đoạn %d - %d", ward, from, to),
		StartYear: from, EndYear: to, Current: true,
		Issued:    domain.MustDate(from, 5, 12),
		Issuer:    "Ban Thường vụ Đoàn " + ward,
		UpperPlan: fmt.Sprintf("Kế hoạch số 105-KH/TĐTN, ngày 15/3/%d của Ban Thường vụ Tỉnh Đoàn về đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn các cấp, giai đoạn %d - %d", from, from, to),
	}
	share := max(1, people*3/10) // the ward's share of the province's counts
	for _, in := range domain.DefaultPlanIndicators {
		target := in.Target
		switch in.Metric {
		case domain.MetricNewUnionMembers:
			target = float64(share)
		case domain.MetricNewFederation:
			target = float64(share * 7 / 10)
		}
		plan.Indicators = append(plan.Indicators, domain.Indicator{Code: in.Code, Section: in.Section, Title: in.Title,
			Kind: in.Kind, Metric: in.Metric, Target: target, Period: in.Period})
	}
	if err := st.SavePlan(ctx, plan); err != nil {
		return fmt.Errorf("tạo kế hoạch mẫu: %w", err)
	}
	for _, in := range plan.Indicators {
		if in.Kind != domain.KindCheck {
			continue
		}
		for y := from; y <= o.Year; y++ {
			v := 1.0
			if in.Code == "2.8" && y < o.Year {
				v = 0
			}
			if err := st.SetIndicatorValue(ctx, in.ID, y, v); err != nil {
				return fmt.Errorf("tạo giá trị chỉ tiêu mẫu: %w", err)
			}
		}
	}
	area := "khóm"
	if w.commune {
		area = "ấp"
	}
	n := domain.Narrative{
		"purpose": fmt.Sprintf("Cụ thể hóa kế hoạch của Tỉnh Đoàn phù hợp với tình hình %s; xác định chỉ tiêu đo được để theo dõi hằng năm.", ward),
		"general": fmt.Sprintf("Đổi mới nội dung, phương thức hoạt động, nâng cao chất lượng tổ chức Đoàn %s, đa dạng hóa các hình thức tập hợp thanh niên.", ward),
		"tasks":   fmt.Sprintf("Nâng chất chi đoàn %s đạt chuẩn; bồi dưỡng cán bộ Đoàn; hỗ trợ thanh niên phát triển kinh tế; giới thiệu đoàn viên ưu tú cho Đảng.", area),
		"implementation": fmt.Sprintf("Ban Thường vụ Đoàn %s triển khai kế hoạch đến các chi đoàn; các chi đoàn xây dựng chương trình thực hiện; ", ward) +
			"Ban Thường vụ theo dõi, báo cáo kết quả hằng năm.",
	}
	if err := st.SaveNarrative(ctx, domain.NarrativePlan, int(plan.ID), n); err != nil {
		return fmt.Errorf("tạo nội dung kế hoạch mẫu: %w", err)
	}
	return nil
}

// householdModels are the small models a ward's Union helps a young
// household start, with what it gives.
var householdModels = []struct{ name, support string }{
	{"Trồng nấm rơm", "Tập huấn kỹ thuật, giới thiệu vay vốn"},
	{"Nuôi lươn không bùn", "Hỗ trợ con giống, tập huấn kỹ thuật"},
	{"Trồng hoa kiểng", "Giới thiệu vay vốn qua Ngân hàng Chính sách xã hội"},
	{"Nuôi gà thả vườn", "Hỗ trợ con giống"},
	{"Sửa chữa xe máy", "Giới thiệu học nghề, vay vốn"},
}

// writeModels records the ward's named models (targets 2.1 and 2.2b):
// a propaganda model and a page running from the first data year, and a
// household or individual model supported in the second half of most
// years, so that a July report counts the spring's support only.
func writeModels(ctx context.Context, st *store.Store, r *rand.Rand, o Options, w ward, people []*person, end domain.Date) error {
	first := dataYears(o)[0]
	outreach := []*domain.TargetModel{
		{Target: domain.ModelOutreach, Kind: "model", Name: pick(r, []string{"Ngày thứ Bảy tình nguyện", "Cổng trường an toàn giao thông", "Tuyến đường thanh niên tự quản"}),
			Date: domain.MustDate(first, 3, 26)},
		{Target: domain.ModelOutreach, Kind: "page", Name: "Tuổi trẻ " + w.lower(), Link: "facebook.com/tuoitre." + strings.ReplaceAll(domain.Fold(w.name), " ", ""),
			Date: domain.MustDate(first, 1, 9)},
	}
	for _, m := range outreach {
		if m.Date.After(end) {
			continue
		}
		if err := st.SaveModel(ctx, m); err != nil {
			return fmt.Errorf("tạo mô hình tuyên truyền mẫu: %w", err)
		}
	}
	for _, y := range dataYears(o) {
		d := domain.MustDate(y, 7+r.IntN(4), 1+r.IntN(28))
		if d.After(end) || r.IntN(4) == 0 {
			continue
		}
		hm := householdModels[r.IntN(len(householdModels))]
		owner := people[r.IntN(len(people))].p
		title := "anh"
		if owner.Gender == domain.Female {
			title = "chị"
		}
		m := &domain.TargetModel{Target: domain.ModelEconomic, Kind: "household", Name: hm.name, Owner: "hộ " + title + " " + owner.FullName(),
			Date: d, Support: hm.support}
		if err := st.SaveModel(ctx, m); err != nil {
			return fmt.Errorf("tạo mô hình kinh tế mẫu: %w", err)
		}
	}
	return nil
}
