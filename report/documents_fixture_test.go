package report

import (
	"fmt"

	"sodoan/domain"
)

// fixtureBranches are the branches of the fixture member list.
var fixtureBranches = []string{"Chi đoàn Khóm 1", "Chi đoàn Khóm 2", "Chi đoàn Trường THPT Nguyễn Đình Chiểu"}

// fixtureMemberList is a list of n members spread over the branches.
func fixtureMemberList(n int, personal bool) *MemberList {
	groups := make([]MemberGroup, len(fixtureBranches))
	for i, b := range fixtureBranches {
		groups[i].Name = b
	}
	for i := range n {
		g := &groups[i%len(groups)]
		g.Members = append(g.Members, fixturePerson(i, g.Name))
	}
	return &MemberList{Meta: fixtureMeta(3), Groups: groups, Personal: personal}
}

func fixturePeriod() *Period {
	inds := fixtureIndicators()
	plan := fixturePlan()
	plan.Indicators = inds
	pr := domain.PeriodResult{Plan: plan, Years: []int{2018, 2019, 2020, 2021, 2022}}
	for y := range pr.Years {
		var rs []domain.Result
		for i, in := range inds {
			r := domain.Result{Indicator: in, Known: true, Actual: float64(10*y + i)}
			if in.Kind == domain.KindCheck {
				r.Actual = 1
			}
			if in.Kind == domain.KindPercent {
				r.Actual = 60 + float64(5*y) + 0.5
			}
			r.Verdict = domain.Judge(in, r.Actual, true)
			r.Met = r.Verdict.Code == domain.VerdictMet
			rs = append(rs, r)
		}
		pr.ByYear = append(pr.ByYear, rs)
	}
	for i, in := range inds {
		t := pr.ByYear[len(pr.Years)-1][i]
		if in.Period {
			sum := 0.0
			for _, rs := range pr.ByYear {
				sum += rs[i].Actual
			}
			t.Actual, t.Cumulative = sum, sum
			t.Verdict = domain.JudgePeriod(in, sum, 1)
			t.Met = t.Verdict.Code == domain.VerdictMet
		}
		pr.Total = append(pr.Total, t)
	}
	return &Period{Meta: fixtureMeta(21), Result: pr}
}

func fixtureTransfer() *Transfer {
	p := fixturePerson(1, "Chi đoàn Khóm 2")
	p.FamilyName, p.MiddleName, p.GivenName = "Phạm", "Thị Ngọc", "Ánh"
	p.Position = "Phó Bí thư chi đoàn"
	m := fixtureMeta(4)
	m.Recipients = nil
	return &Transfer{Meta: m, Person: p, To: "Đoàn Phường Tân Quy Đông, thành phố Sa Đéc", Reason: "chuyển nơi cư trú"}
}

var _ = fmt.Sprint
