package ui

import (
	"context"
	"strings"

	"sodoan/domain"
	"sodoan/store"
)

// periodsText says a member's dated dues category or branch on her page:
// the value in force today, then the earlier ones with their days
// ("Hưởng lương (từ 01/06/2026); trước đó: Không hưởng lương (đến
// 31/05/2026)"). A value that never changed is just its words.
func periodsText(list []domain.MemberPeriod, words func(domain.MemberPeriod) string) string {
	if len(list) == 0 {
		return ""
	}
	now := list[len(list)-1]
	text := words(now)
	if len(list) == 1 {
		return text
	}
	text += " (" + T("từ") + " " + now.From.String() + ")"
	var before []string
	for i := len(list) - 2; i >= 0; i-- {
		p := list[i]
		span := T("đến") + " " + p.To.String()
		if !p.From.IsZero() {
			span = p.From.String() + " – " + p.To.String()
		}
		before = append(before, words(p)+" ("+span+")")
	}
	return text + "; " + T("trước đó") + ": " + strings.Join(before, "; ")
}

// duesAndBranchText are the words of the member page's Chi đoàn and Diện
// đóng đoàn phí lines, with their history.
func duesAndBranchText(ctx context.Context, st *store.Store, p *domain.Person) (branch, dues string, err error) {
	bs, err := st.BranchHistory(ctx, p.ID)
	if err != nil {
		return p.BranchName, T(p.Dues().Label()), err
	}
	cs, err := st.DuesCategoryHistory(ctx, p.ID)
	if err != nil {
		return p.BranchName, T(p.Dues().Label()), err
	}
	branch = periodsText(bs, func(x domain.MemberPeriod) string {
		if x.BranchID == 0 {
			return T("(chưa có)")
		}
		return x.BranchName
	})
	dues = periodsText(cs, func(x domain.MemberPeriod) string { return T(x.Category.Label()) })
	return branch, dues, nil
}
