package sheet

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"sodoan/domain"
	"sodoan/store"
)

// A sheet of activities as wards keep them: one row an activity, under a
// header row (title rows above it are skipped) with the usual Vietnamese
// column names. Every row is read and checked before anything is written;
// a row with a problem is named with its sheet row, column and reason, and
// then nothing is written.

// activityColumn is a column of the activities sheet.
type activityColumn struct {
	key     string
	label   string
	aliases []string
}

var activityColumns = []activityColumn{
	{"date", "Ngày", []string{"Ngày tổ chức", "Từ ngày", "Ngày bắt đầu", "Thời gian"}},
	{"end", "Đến ngày", []string{"Ngày kết thúc"}},
	{"kind", "Loại hoạt động", []string{"Loại", "Lĩnh vực", "Nhóm hoạt động"}},
	{"title", "Tên hoạt động", []string{"Hoạt động", "Nội dung hoạt động", "Tên chương trình"}},
	{"organiser", "Đơn vị tổ chức", []string{"Chi đoàn", "Chi đoàn tổ chức", "Đơn vị"}},
	{"union", "Số đoàn viên", []string{"Đoàn viên", "Số đoàn viên tham gia", "ĐV"}},
	{"federation", "Số hội viên", []string{"Hội viên", "Số hội viên tham gia", "HV"}},
	{"others", "Số người khác", []string{"Khác", "Người khác", "Thanh thiếu nhi", "Số người khác tham gia"}},
	{"total", "Số người tham gia", []string{"Tổng số người tham gia", "Số lượt người tham gia", "Tổng số"}},
	{"note", "Ghi chú", []string{"Kết quả", "Nội dung, ghi chú"}},
}

// ActivityImport is what an activities sheet holds.
type ActivityImport struct {
	Path       string
	Sheet      string
	HeaderRow  int
	Activities []*domain.Activity
	Rows       []int // each activity's sheet row
	// Problems name the sheet row (FieldError.Row), the column and the
	// reason; with any, nothing may be written.
	Problems []domain.FieldError
}

// ReadActivities reads and checks an activities sheet (.xlsx or .csv)
// against the register's kinds and branches. It writes nothing.
func ReadActivities(ctx context.Context, st *store.Store, path string) (*ActivityImport, error) {
	format, err := sniff(path)
	if err != nil {
		return nil, err
	}
	names, err := sheets(path, format)
	if err != nil {
		return nil, err
	}
	kinds, err := st.ActivityKinds(ctx)
	if err != nil {
		return nil, err
	}
	branches, err := st.Branches(ctx, true)
	if err != nil {
		return nil, err
	}
	// Headers: the fixed columns, and each measure by its label or code.
	headers := map[string]string{}
	for _, c := range activityColumns {
		for _, h := range append([]string{c.label}, c.aliases...) {
			headers[normHeader(h)] = c.key
		}
	}
	for _, k := range kinds {
		for _, m := range k.Measures {
			headers[normHeader(m.Label)] = "m:" + m.Code
			headers[normHeader(m.Label+" ("+m.Unit+")")] = "m:" + m.Code
			if _, taken := headers[normHeader(m.Code)]; !taken {
				headers[normHeader(m.Code)] = "m:" + m.Code
			}
		}
	}
	out := &ActivityImport{Path: path}
	for _, name := range names {
		src := &source{path: path, format: format, sheet: name}
		cols := map[int]string{} // column index → key
		titles := map[int]string{}
		err := src.each(func(n int, cells []string) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if out.HeaderRow == 0 {
				found := map[int]string{}
				for i, c := range cells {
					if key, ok := headers[normHeader(c)]; ok {
						found[i] = key
					}
				}
				if hasKey(found, "date") && hasKey(found, "title") {
					cols, out.HeaderRow, out.Sheet = found, n, name
					for i := range found {
						titles[i] = strings.TrimSpace(cells[i])
					}
				} else if n >= headerRows {
					return errStop
				}
				return nil
			}
			if countNonEmpty(cells) == 0 || isNumberRow(cells) {
				return nil
			}
			a, probs := activityRow(n, cells, cols, titles, kinds, branches)
			if a == nil && len(probs) == 0 {
				return nil // a signature or a total line: no date, no title
			}
			out.Problems = append(out.Problems, probs...)
			if a != nil {
				out.Activities = append(out.Activities, a)
				out.Rows = append(out.Rows, n)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if out.HeaderRow != 0 {
			break
		}
	}
	if out.HeaderRow == 0 {
		return nil, fmt.Errorf("tệp %s: không tìm thấy dòng tiêu đề trong %d dòng đầu; bảng cần có cột Ngày và Tên hoạt động", filepath.Base(path), headerRows)
	}
	// The register's rules, but for a field whose cell was already found
	// wrong (an unreadable date is not also "empty").
	seen := map[[2]any]bool{}
	for _, p := range out.Problems {
		seen[[2]any{p.Row, p.Field}] = true
	}
	today := st.Today()
	for i, a := range out.Activities {
		c := domain.CheckActivity(a, kinds, today)
		for _, e := range c.Errs {
			e.Row = out.Rows[i]
			if !seen[[2]any{e.Row, e.Field}] {
				out.Problems = append(out.Problems, e)
			}
		}
	}
	sort.SliceStable(out.Problems, func(i, j int) bool { return out.Problems[i].Row < out.Problems[j].Row })
	return out, nil
}

func hasKey(m map[int]string, key string) bool {
	for _, k := range m {
		if k == key {
			return true
		}
	}
	return false
}

// activityRow reads one row; nil and no problem for a row with neither a
// date nor a title (a total or a signature line).
func activityRow(n int, cells []string, cols map[int]string, titles map[int]string, kinds []domain.ActivityKind, branches []domain.Branch) (*domain.Activity, []domain.FieldError) {
	a := &domain.Activity{Measures: map[string]int64{}, Ward: true}
	var probs []domain.FieldError
	bad := func(i int, field, format string, args ...any) {
		probs = append(probs, domain.FieldError{Row: n, Field: field, Label: titles[i] + " (cột " + colLetter(i) + ")",
			Msg: fmt.Sprintf(format, args...), Format: format, Args: args})
	}
	get := func(key string) (int, string) {
		for i, k := range cols {
			if k == key {
				return i, strings.TrimSpace(cell(cells, i))
			}
		}
		return -1, ""
	}
	di, dv := get("date")
	_, tv := get("title")
	if dv == "" && tv == "" {
		return nil, nil
	}
	a.Title = tv
	if dv == "" {
		bad(di, "Date", "không được để trống")
	} else if err := setDate(&a.Date, dv); err != nil {
		bad(di, "Date", "%s", err.Error())
	}
	if i, v := get("end"); v != "" {
		if err := setDate(&a.End, v); err != nil {
			bad(i, "End", "%s", err.Error())
		}
	}
	ki, kv := get("kind")
	a.Kind = domain.KindOther
	if kv != "" {
		found := false
		for _, k := range kinds {
			if normHeader(k.Label) == normHeader(kv) || k.Code == strings.ToLower(kv) {
				a.Kind, found = k.Code, true
				break
			}
		}
		if !found {
			bad(ki, "Kind", "%q không có trong danh mục loại hoạt động", kv)
		}
	}
	if i, v := get("organiser"); v != "" {
		switch f := normHeader(v); {
		case f == "phuong" || strings.HasPrefix(f, "doan phuong") || strings.HasPrefix(f, "bch doan phuong") || f == "xa" || strings.HasPrefix(f, "doan xa"):
		default:
			a.Ward = false
			for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == ',' || r == '\n' }) {
				id := branchNamed(branches, part)
				if id == 0 {
					bad(i, "Branches", "không có chi đoàn %q trong sổ", strings.TrimSpace(part))
					continue
				}
				a.Branches = append(a.Branches, id)
			}
		}
	}
	count := func(key, field string, dst *int) {
		i, v := get(key)
		if v == "" {
			return
		}
		x, err := strconv.Atoi(strings.ReplaceAll(strings.ReplaceAll(v, ".", ""), " ", ""))
		if err != nil || x < 0 {
			bad(i, field, "%q không phải số người", v)
			return
		}
		*dst = x
	}
	count("union", "Union", &a.Participants.Union)
	count("federation", "Federation", &a.Participants.Federation)
	count("others", "Others", &a.Participants.Others)
	var total int
	count("total", "Total", &total)
	if total > 0 && a.Participants.Total() == 0 {
		// Only the total is kept: its people are counted as others.
		a.Participants.Others = total
	} else if total > 0 && total != a.Participants.Total() {
		i, _ := get("total")
		bad(i, "Total", "tổng %d khác %d đoàn viên + %d hội viên + %d người khác", total, a.Participants.Union, a.Participants.Federation, a.Participants.Others)
	}
	kind, _ := domain.KindOf(kinds, a.Kind)
	for i, key := range cols {
		code, ok := strings.CutPrefix(key, "m:")
		v := strings.TrimSpace(cell(cells, i))
		if !ok || v == "" {
			continue
		}
		x, err := strconv.ParseInt(strings.ReplaceAll(strings.ReplaceAll(v, ".", ""), " ", ""), 10, 64)
		if err != nil || x < 0 {
			bad(i, "Measures", "%q không phải số", v)
			continue
		}
		belongs := false
		for _, m := range kind.Measures {
			belongs = belongs || m.Code == code
		}
		if !belongs {
			if x != 0 {
				bad(i, "Measures", "loại %s không có số liệu này", kind.Label)
			}
			continue
		}
		a.Measures[code] = x
	}
	_, a.Note = get("note")
	return a, probs
}

// branchNamed finds a branch by its name, with or without "Chi đoàn",
// accents and case ignored (0: none).
func branchNamed(branches []domain.Branch, name string) int64 {
	want := strings.TrimPrefix(normHeader(name), "chi doan ")
	for _, b := range branches {
		if strings.TrimPrefix(normHeader(b.Name), "chi doan ") == want {
			return b.ID
		}
	}
	return 0
}

// ActivityColumnLabels are the columns' names, for the help and the
// translations.
func ActivityColumnLabels() []string {
	out := make([]string, len(activityColumns))
	for i, c := range activityColumns {
		out[i] = c.label
	}
	return out
}
