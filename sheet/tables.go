package sheet

import (
	"context"
	"fmt"
	"io"
	"sort"

	"sodoan/domain"
	"sodoan/store"
)

// Tables other than the member list that the window and the command line
// export: each is read from the store's public API and written with the
// same writer (bold frozen header, widths, date cells, formulas escaped).

// Table names for ExportTable.
const (
	TableBranches   = "branches"
	TableClubs      = "clubs"
	TableCoops      = "coops"
	TableIndicators = "indicators"
)

// Tables lists the tables ExportTable writes.
var Tables = []string{TableBranches, TableClubs, TableCoops, TableIndicators}

// ExportTable writes the table name (one of Tables) to w; year chooses the
// year of the cooperative groups' results and of the indicators. It
// returns how many rows it wrote.
func ExportTable(ctx context.Context, st *store.Store, name string, year int, w io.Writer, format Format) (int, error) {
	switch name {
	case TableBranches:
		return exportBranches(ctx, st, w, format)
	case TableClubs:
		return exportClubs(ctx, st, w, format)
	case TableCoops:
		return exportCoops(ctx, st, year, w, format)
	case TableIndicators:
		return exportIndicators(ctx, st, year, w, format)
	}
	return 0, fmt.Errorf("bảng %q không có: chọn branches, clubs, coops hoặc indicators", name)
}

// writeRows writes a whole table.
func writeRows(w io.Writer, format Format, sheetName string, cols []Column, rows [][]any) (int, error) {
	tw, err := NewTableWriter(w, format, sheetName, cols)
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if err := tw.Row(r...); err != nil {
			tw.Close()
			return 0, err
		}
	}
	return len(rows), tw.Close()
}

// byName sorts items in Vietnamese order of their names, numbers in
// numeric order (Khóm 2 before Khóm 10).
func byName[T any](items []T, name func(T) string) {
	c := domain.NewNumericCollator()
	sort.SliceStable(items, func(i, j int) bool { return c.CompareString(name(items[i]), name(items[j])) < 0 })
}

func exportBranches(ctx context.Context, st *store.Store, w io.Writer, format Format) (int, error) {
	bs, err := st.Branches(ctx, true)
	if err != nil {
		return 0, err
	}
	byName(bs, func(b domain.Branch) string { return b.Name })
	cols := []Column{{"STT", 6, Number}, {"Chi đoàn", 32, Text}, {"Loại", 18, Text}, {"Số đoàn viên", 12, Number},
		{"Đang hoạt động", 12, Mark}, {"Ngày giải thể", 13, DateKind}, {"Ghi chú", 30, Text}}
	rows := make([][]any, len(bs))
	for i, b := range bs {
		rows[i] = []any{i + 1, b.Name, b.Kind.Label(), b.Members, b.Active, b.Dissolved, b.Note}
	}
	return writeRows(w, format, "Chi đoàn", cols, rows)
}

func exportClubs(ctx context.Context, st *store.Store, w io.Writer, format Format) (int, error) {
	cs, err := st.Clubs(ctx)
	if err != nil {
		return 0, err
	}
	byName(cs, func(c domain.Club) string { return c.Name })
	cols := []Column{{"STT", 6, Number}, {"Câu lạc bộ", 32, Text}, {"Loại", 26, Text}, {"Ngày thành lập", 14, DateKind},
		{"Chủ nhiệm", 22, Text}, {"Số thành viên", 12, Number}, {"Đang hoạt động", 12, Mark}, {"Ghi chú", 30, Text}}
	rows := make([][]any, len(cs))
	for i, c := range cs {
		rows[i] = []any{i + 1, c.Name, c.Kind.Label(), c.Founded, c.Leader, len(c.Members), c.Active, c.Note}
	}
	return writeRows(w, format, "Câu lạc bộ", cols, rows)
}

func exportCoops(ctx context.Context, st *store.Store, year int, w io.Writer, format Format) (int, error) {
	cs, err := st.Coops(ctx)
	if err != nil {
		return 0, err
	}
	ys, err := st.CoopYears(ctx, year)
	if err != nil {
		return 0, err
	}
	results := map[int64]domain.CoopYear{}
	for _, y := range ys {
		results[y.CoopID] = y
	}
	byName(cs, func(c domain.Coop) string { return c.Name })
	cols := []Column{{"STT", 6, Number}, {"Tổ hợp tác", 32, Text}, {"Lĩnh vực", 20, Text}, {"Ngày thành lập", 14, DateKind},
		{"Ngày đăng ký hợp đồng", 14, DateKind}, {"Căn cứ pháp lý", 24, Text}, {"Vốn (đồng)", 14, Number},
		{"Số thành viên", 12, Number}, {fmt.Sprintf("Doanh thu năm %d (đồng)", year), 16, Number},
		{"Thu nhập bình quân (đồng/người/tháng)", 18, Number}, {"Mô hình được hỗ trợ", 12, Mark},
		{"Đang hoạt động", 12, Mark}, {"Ghi chú", 30, Text}}
	rows := make([][]any, len(cs))
	for i, c := range cs {
		y := results[c.ID]
		basis := ""
		for _, b := range domain.LegalBases {
			if b.Code == c.LegalBasis {
				basis = b.Label
			}
		}
		rows[i] = []any{i + 1, c.Name, c.Field, c.Founded, c.ContractDate, basis, c.Capital, len(c.Members),
			y.Revenue, y.AvgIncome, y.SupportedModel, c.Active, c.Note}
	}
	return writeRows(w, format, "Tổ hợp tác", cols, rows)
}

func exportIndicators(ctx context.Context, st *store.Store, year int, w io.Writer, format Format) (int, error) {
	plan, err := st.CurrentPlan(ctx)
	if err != nil {
		return 0, err
	}
	rs, err := st.YearResults(ctx, plan.ID, year)
	if err != nil {
		return 0, err
	}
	cols := []Column{{"Mã", 7, Text}, {"Chỉ tiêu", 60, Text}, {"Chỉ tiêu đề ra", 14, Text},
		{fmt.Sprintf("Kết quả năm %d", year), 14, Text}, {"Lũy kế", 12, Text}, {"Đánh giá", 12, Text}, {"Cách tính", 40, Text}}
	rows := make([][]any, len(rs))
	for i, r := range rs {
		in := r.Indicator
		target := domain.FormatValue(in.Kind, in.Target)
		if in.Kind == domain.KindCheck {
			target = "Có"
		}
		if in.NoTarget {
			target = "chưa nhập"
		}
		actual, cumul := "—", ""
		if r.Known {
			actual = domain.FormatValue(in.Kind, r.Actual)
		}
		// A year outside the plan's term has no cumulative.
		if in.Period && r.Verdict.Code != domain.VerdictNoTarget {
			cumul = domain.FormatValue(in.Kind, r.Cumulative)
		}
		// The verdict every screen and report prints ("Chưa có chỉ
		// tiêu", "Chưa có số liệu" are not "Chưa đạt").
		verdict := r.Verdict.Label()
		rows[i] = []any{in.Code, in.Title, target, actual, cumul, verdict, r.Detail}
	}
	// A sheet's name may not hold the plan number's slash.
	return writeRows(w, format, fmt.Sprintf("Chỉ tiêu năm %d", year), cols, rows)
}
