package report

import (
	"context"
	"fmt"

	"sodoan/store"
)

// MemberListFrom prepares the member list of the register: the active
// Union members of one branch (branchID) or of every branch, streamed
// from the register branch by branch in Vietnamese order of names. Each
// branch is read through its own index range, so the register never sorts
// the whole membership.
func MemberListFrom(ctx context.Context, st *store.Store, branchID int64, personal bool) (*MemberList, error) {
	l := &MemberList{Personal: personal}
	base := store.MemberFilter{Kind: store.KindUnion, Status: store.StatusActive}
	var branches []store.Branch
	if branchID != 0 {
		b, err := st.Branch(ctx, branchID)
		if err != nil {
			return nil, fmt.Errorf("chi đoàn %d: %w", branchID, err)
		}
		branches = []store.Branch{b}
		l.Summary = "Đoàn viên " + branchTitle(b.Name)
	} else {
		all, err := st.Branches(ctx, true)
		if err != nil {
			return nil, err
		}
		branches = all
	}
	inBranches := 0
	for _, b := range branches {
		l.Groups = append(l.Groups, MemberGroup{Name: b.Name, Count: b.Members})
		inBranches += b.Members
	}
	unbranched := 0
	if branchID == 0 {
		total, err := st.CountMembers(ctx, base)
		if err != nil {
			return nil, err
		}
		if unbranched = total - inBranches; unbranched > 0 {
			l.Groups = append(l.Groups, MemberGroup{Name: NoBranch, Count: unbranched})
		}
	}
	l.Each = func(fn func(*store.Person) error) error {
		for _, b := range branches {
			f := base
			f.BranchID = b.ID
			if err := st.EachMember(ctx, f, fn); err != nil {
				return err
			}
		}
		if unbranched == 0 {
			return nil
		}
		// Members of no branch have no index range of their own: read
		// everyone and keep them (rare, and only when there are some).
		return st.EachMember(ctx, base, func(p *store.Person) error {
			if p.BranchID != 0 {
				return nil
			}
			return fn(p)
		})
	}
	return l, nil
}

// branchTitle names a branch as a list title does: "Chi đoàn Khóm 1".
func branchTitle(name string) string {
	name = nfc(name)
	if len(name) >= len("Chi đoàn") && foldPrefix(name, "chi đoàn") {
		return name
	}
	return "Chi đoàn " + name
}

func foldPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		a, b := s[i], prefix[i]
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

// UnitName is the unit's name for running text and titles: "BCH ĐOÀN
// PHƯỜNG 1" → "Đoàn Phường 1".
func UnitName(u store.Unit) string { return unitShort(u) }
