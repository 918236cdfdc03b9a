package sheet

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"
	"sodoan/store"
)

// A branch's sheet of dues payments (issue 20): a row per member, named
// as the register names her (Họ và tên, with Ngày sinh where two share a
// name), a column per month (T1 … T12, or Tháng 1 … Tháng 12) holding
// the amount paid, "M" for a month the committee exempted, blank for
// one not paid; an optional Ngày đóng column dates the row's payment
// (otherwise the import's day). A sheet with any bad row writes nothing:
// every problem is named by row, column and reason.

// DuesImport is what a dues sheet holds, read against the register.
type DuesImport struct {
	Save     domain.DuesGridSave
	Members  int // rows of members read
	Months   int // months paid
	Amount   int64
	Problems []Problem
}

// duesHeader finds the columns of the header row.
type duesHeader struct {
	name, birth, date int
	months            [12]int
}

func readDuesHeader(cells []string) (duesHeader, bool) {
	h := duesHeader{name: -1, birth: -1, date: -1}
	for i := range h.months {
		h.months[i] = -1
	}
	found := 0
	for i, c := range cells {
		k := strings.ToLower(strings.Join(strings.Fields(domain.Clean(c)), " "))
		switch {
		case k == "họ và tên" || k == "họ tên":
			h.name = i
		case k == "ngày sinh":
			h.birth = i
		case k == "ngày đóng" || k == "ngày thu":
			h.date = i
		default:
			n := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(k, "tháng"), "t"))
			if m, err := strconv.Atoi(n); err == nil && m >= 1 && m <= 12 && n != k {
				h.months[m-1] = i
				found++
			}
		}
	}
	return h, h.name >= 0 && found > 0
}

// ReadDues reads the dues sheet at path for a branch's year, matching
// each row to a member of the branch, and checks every cell; date is the
// payments' day where the sheet gives none.
func ReadDues(ctx context.Context, st *store.Store, path string, branchID int64, year int, date domain.Date) (DuesImport, error) {
	out := DuesImport{Save: domain.DuesGridSave{BranchID: branchID, Year: year, Date: date}}
	format, err := sniff(path)
	if err != nil {
		return out, err
	}
	names, err := sheets(path, format)
	if err != nil {
		return out, err
	}
	if len(names) == 0 {
		return out, fmt.Errorf("tệp không có trang tính nào")
	}
	people, err := st.ListMembers(ctx, store.MemberFilter{BranchID: branchID, Kind: store.KindUnion})
	if err != nil {
		return out, err
	}
	// Those who moved to another branch in the year are on its sheet too,
	// for the months they were its (store/duesterms.go).
	ids := make([]int64, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	former, inBranch, err := st.DuesBranchYear(ctx, branchID, year, ids)
	if err != nil {
		return out, err
	}
	people = append(people, former...)
	byName := map[string][]domain.Person{}
	for _, p := range people {
		k := domain.Fold(p.FullName())
		byName[k] = append(byName[k], p)
	}
	exempt := map[int64][]domain.DuesExemption{}
	ex, err := st.DuesExemptions(ctx, year, domain.Date{})
	if err != nil {
		return out, err
	}
	for _, e := range ex {
		exempt[e.PersonID] = append(exempt[e.PersonID], e)
	}
	var head *duesHeader
	seen := map[int64]int{}
	src := &source{path: path, format: format, sheet: names[0]}
	err = src.each(func(row int, cells []string) error {
		if head == nil {
			if h, ok := readDuesHeader(cells); ok {
				head = &h
			} else if row > 20 {
				return errStop
			}
			return nil
		}
		name := domain.Clean(cell(cells, head.name))
		if name == "" {
			return nil // a blank or total row
		}
		if f := domain.Fold(name); f == "tong cong" || f == "cong" {
			return nil
		}
		cands := byName[domain.Fold(name)]
		if head.birth >= 0 && len(cands) > 1 {
			if b, err := domain.ParseDate(domain.Clean(cell(cells, head.birth))); err == nil {
				var keep []domain.Person
				for _, p := range cands {
					if p.BirthDate == b {
						keep = append(keep, p)
					}
				}
				cands = keep
			}
		}
		switch {
		case len(cands) == 0:
			out.Problems = append(out.Problems, newProblem(row, "Họ và tên", domain.ErrMsg("%s không phải đoàn viên của chi đoàn này", name)))
			return nil
		case len(cands) > 1:
			out.Problems = append(out.Problems, newProblem(row, "Họ và tên", domain.ErrMsg("có %d đoàn viên tên %s: ghi thêm cột Ngày sinh", len(cands), name)))
			return nil
		}
		p := cands[0]
		if r, ok := seen[p.ID]; ok {
			out.Problems = append(out.Problems, newProblem(row, "Họ và tên", domain.ErrMsg("%s đã có ở dòng %d", name, r)))
			return nil
		}
		seen[p.ID] = row
		out.Members++
		var day domain.Date
		if head.date >= 0 {
			if v := domain.Clean(cell(cells, head.date)); v != "" {
				d, err := domain.ParseDate(v)
				if err != nil {
					out.Problems = append(out.Problems, newProblem(row, "Ngày đóng", err))
					return nil
				}
				day = d
			}
		}
		for i, col := range head.months {
			if col < 0 {
				continue
			}
			v := domain.Clean(cell(cells, col))
			m := domain.Month{Year: year, Month: i + 1}
			label := "T" + strconv.Itoa(i+1)
			var covered bool
			for _, e := range exempt[p.ID] {
				covered = covered || e.Covers(m)
			}
			switch {
			case v == "":
				continue
			case !inBranch[p.ID][i]:
				out.Problems = append(out.Problems, newProblem(row, label, domain.ErrMsg("tháng %s %s sinh hoạt ở chi đoàn khác: ghi vào bảng của chi đoàn đó", m, name)))
				continue
			case strings.EqualFold(v, "M"):
				if !covered {
					out.Problems = append(out.Problems, newProblem(row, label, domain.ErrMsg("%s chưa có quyết định miễn đoàn phí tháng %s", name, m)))
				}
				continue
			}
			a, err := domain.ParseMoney(v)
			switch {
			case err != nil:
				out.Problems = append(out.Problems, newProblem(row, label, err))
				continue
			case a == 0:
				continue
			case covered:
				out.Problems = append(out.Problems, newProblem(row, label, domain.ErrMsg("%s được miễn đoàn phí tháng %s, không thu", name, m)))
				continue
			}
			out.Save.Entries = append(out.Save.Entries, domain.DuesGridEntry{PersonID: p.ID, Month: m, Amount: a, Date: day})
			out.Months++
			out.Amount += a
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	if head == nil {
		return out, fmt.Errorf("không tìm thấy dòng tiêu đề có cột Họ và tên và các cột tháng (T1 … T12)")
	}
	return out, nil
}

// ImportDues reads the sheet and, when no row has a problem, saves its
// payments in one transaction (months already paid keep their payment;
// an amount that differs corrects it). With problems nothing is written.
func ImportDues(ctx context.Context, st *store.Store, path string, branchID int64, year int, date domain.Date) (DuesImport, error) {
	in, err := ReadDues(ctx, st, path, branchID, year, date)
	if err != nil || len(in.Problems) > 0 {
		return in, err
	}
	return in, st.SaveDuesGrid(ctx, in.Save)
}
