package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"sodoan/domain"
	"sodoan/sheet"
	"sodoan/store"
)

// The year's work (issue 19): activities, branch meetings with their
// attendance, and the "cần xem xét" list. The reading of an activities
// sheet is package sheet's; the records and their checks are the store's.

var cmdActivities = &Command{
	Name: "activities",
	Subs: []*Command{
		{Name: "list", Args: "[--year Y] [--kind LOẠI] [--branch TÊN] [--month M] [--date dd/mm/yyyy] [--format table|csv]",
			Short: "các hoạt động của một năm (cả tập huấn cán bộ và mô hình)", Long: activityKindsHelp(), Flags: activitiesListFlags},
		{Name: "add", Args: "--date dd/mm/yyyy --kind LOẠI --title \"…\" [--end dd/mm/yyyy] [--branch TÊN[;TÊN…]] [--union N --federation N --others N] [--measure mã=số …] [--people MÃ,MÃ…] [--note \"…\"]",
			Short: "ghi một hoạt động", Long: activityKindsHelp(), Flags: activitiesAddFlags},
		{Name: "import", Args: "TỆP.xlsx", Short: "nhập hoạt động từ Excel (mỗi dòng một hoạt động); có dòng lỗi thì không ghi gì",
			Long:  "Cột: " + strings.Join(sheet.ActivityColumnLabels(), ", ") + ", và mỗi số liệu theo tên của nó (Số người được tuyên truyền, Số đơn vị máu…).",
			Flags: activitiesImportFlags},
		{Name: "delete", Args: "MÃ", Short: "xóa một hoạt động ghi nhầm", Flags: noFlags(deleteOne("activities delete", "hoạt động", (*store.Store).DeleteActivity))},
		{Name: "kinds", Args: "[--add MÃ --label \"…\" [--measure mã:Nhãn:đơn vị …]] [--rename MÃ --label \"…\"] [--remove MÃ]",
			Short: "danh mục loại hoạt động và số liệu của từng loại (xem, thêm, đổi tên, bỏ)", Flags: activitiesKindsFlags},
	},
}

// stringsFlag collects a repeatable flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func activitiesKindsFlags(fs *flag.FlagSet) Run {
	add := fs.String("add", "", "mã loại mới (chữ không dấu)")
	rename := fs.String("rename", "", "mã loại cần đổi tên")
	remove := fs.String("remove", "", "mã loại cần bỏ (khi chưa có hoạt động nào)")
	label := fs.String("label", "", "tên loại")
	var measures stringsFlag
	fs.Var(&measures, "measure", "với --add: số liệu mã:Nhãn:đơn vị (lặp lại được)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("activities kinds", args); err != nil {
			return err
		}
		// The edits are the store's, the window's too.
		var err error
		switch {
		case *add != "":
			k := domain.ActivityKind{Code: *add, Label: *label}
			for _, m := range measures {
				parts := strings.SplitN(m, ":", 3)
				if len(parts) != 3 {
					return fmt.Errorf("--measure %q: ghi mã:Nhãn:đơn vị", m)
				}
				k.Measures = append(k.Measures, domain.ActivityMeasure{Code: parts[0], Label: parts[1], Unit: parts[2]})
			}
			err = st.AddActivityKind(ctx, k)
		case *rename != "":
			err = st.RenameActivityKind(ctx, *rename, *label)
		case *remove != "":
			err = st.RemoveActivityKind(ctx, *remove)
		}
		if err != nil {
			return err
		}
		kinds, err := st.ActivityKinds(ctx)
		if err != nil {
			return err
		}
		for _, k := range kinds {
			var ms []string
			for _, m := range k.Measures {
				ms = append(ms, fmt.Sprintf("%s (%s, %s)", m.Code, m.Label, m.Unit))
			}
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", k.Code, k.Label, strings.Join(ms, "; "))
		}
		return nil
	}
}

var cmdMeetings = &Command{
	Name: "meetings",
	Subs: []*Command{
		{Name: "list", Args: "[--year Y] [--branch TÊN] [--format table|csv]", Short: "các buổi sinh hoạt chi đoàn của một năm, kèm điểm danh",
			Flags: meetingsListFlags},
		{Name: "add", Args: "--branch TÊN --date dd/mm/yyyy [--kind regular|thematic|committee|congress] [--theme \"…\"] [--all-present] [--present MÃ,…] [--excused MÃ,…] [--absent MÃ,…]",
			Short: "ghi một buổi sinh hoạt và điểm danh cả chi đoàn (một giao dịch)", Long: meetingKindsHelp(), Flags: meetingsAddFlags},
		{Name: "grid", Args: "[--year Y] [--date dd/mm/yyyy] [--format table|csv]", Short: "bảng chi đoàn × tháng: đã sinh hoạt hay chưa",
			Flags: meetingsGridFlags},
		{Name: "delete", Args: "MÃ", Short: "xóa một buổi sinh hoạt ghi nhầm", Flags: noFlags(deleteOne("meetings delete", "buổi sinh hoạt", (*store.Store).DeleteMeeting))},
		{Name: "themes", Args: "[--year Y] [--month M --theme \"…\"]", Short: "chủ điểm sinh hoạt từng tháng của một năm (xem, sửa)",
			Flags: meetingsThemesFlags},
		{Name: "thresholds", Args: "[--from dd/mm/yyyy [--branch-meetings N] [--member-share P] [--absent-months M] [--meeting-day D] | --from dd/mm/yyyy --delete]",
			Short: "ngưỡng căn cứ xếp loại và nhắc sinh hoạt theo ngày áp dụng (xem, ghi, xóa)", Flags: meetingsThresholdsFlags},
	},
}

func meetingsThemesFlags(fs *flag.FlagSet) Run {
	year := thisYearFlag(fs, "year", "năm")
	month := intFlag(fs, "month", 0, domain.IntRange{Field: "Month", Label: "Tháng", Min: 0, Max: 12}, "tháng cần sửa chủ điểm")
	theme := fs.String("theme", "", "chủ điểm mới của tháng --month")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("meetings themes", args); err != nil {
			return err
		}
		y := year(st)
		themes, err := st.Themes(ctx, y)
		if err != nil {
			return err
		}
		if *month != 0 {
			themes[*month-1] = *theme
			if err := st.SetThemes(ctx, y, themes); err != nil {
				return err
			}
		}
		for i, t := range themes {
			fmt.Fprintf(stdout, "Tháng %d/%d: %s\n", i+1, y, t)
		}
		return nil
	}
}

func meetingsThresholdsFlags(fs *flag.FlagSet) Run {
	from := fs.String("from", "", "áp dụng từ ngày dd/mm/yyyy (có --from thì ghi ngưỡng mới; ngày trước đó giữ ngưỡng cũ)")
	del := fs.Bool("delete", false, "xóa ngưỡng ghi cho ngày --from")
	rng := domain.IntRange{Field: "Threshold", Label: "Ngưỡng", Min: 0, Max: 100}
	bm := intFlag(fs, "branch-meetings", 0, rng, "số tháng sinh hoạt một năm của chi đoàn xuất sắc (mặc định 12)")
	share := intFlag(fs, "member-share", 0, rng, "tỷ lệ % tham gia của đoàn viên xuất sắc (mặc định 90)")
	months := intFlag(fs, "absent-months", 0, rng, "số tháng vắng không lý do đưa vào danh sách cần xem xét (mặc định 3)")
	day := intFlag(fs, "meeting-day", 0, rng, "sau ngày này trong tháng, Tổng quan nhắc chi đoàn chưa sinh hoạt (mặc định 25)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("meetings thresholds", args); err != nil {
			return err
		}
		values := []struct {
			v   int
			dst func(*domain.EvidenceThresholds) *int
		}{
			{*bm, func(t *domain.EvidenceThresholds) *int { return &t.BranchMeetings }},
			{*share, func(t *domain.EvidenceThresholds) *int { return &t.MemberShare }},
			{*months, func(t *domain.EvidenceThresholds) *int { return &t.AbsentMonths }},
			{*day, func(t *domain.EvidenceThresholds) *int { return &t.MeetingDay }},
		}
		changed := false
		for _, x := range values {
			changed = changed || x.v != 0
		}
		if *from == "" && (changed || *del) {
			return fmt.Errorf("cần --from dd/mm/yyyy: ngưỡng áp dụng từ ngày nào")
		}
		if *from != "" {
			d, err := domain.ParseDate(*from)
			if err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			switch {
			case *del:
				if err := st.DeleteEvidence(ctx, d); err != nil {
					return err
				}
				fmt.Fprintf(stdout, "Đã xóa ngưỡng áp dụng từ %s.\n", d)
			default:
				// The row starts from what is in force on its day: a flag
				// not given keeps that value.
				th, err := st.EvidenceAt(ctx, d)
				if err != nil {
					return err
				}
				th.From = d
				for _, x := range values {
					if x.v != 0 {
						*x.dst(&th) = x.v
					}
				}
				if err := st.SaveEvidence(ctx, &th); err != nil {
					return err
				}
				fmt.Fprintf(stdout, "Đã ghi ngưỡng áp dụng từ %s.\n", d)
			}
		}
		list, err := st.EvidenceList(ctx)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			list = []domain.EvidenceThresholds{domain.DefaultEvidence}
			fmt.Fprintln(stdout, "Sổ chưa ghi ngưỡng riêng: áp dụng ngưỡng mặc định theo hướng dẫn của Tỉnh Đoàn.")
		}
		rows := [][]string{{"Áp dụng từ", "Chi đoàn xuất sắc: sinh hoạt (tháng/năm)", "Đoàn viên xuất sắc: tham gia từ (%)", "Cần xem xét: vắng không lý do (tháng/năm)", "Nhắc chi đoàn chưa sinh hoạt sau ngày"}}
		for _, t := range list {
			when := t.From.String()
			if t.FromBeginning() {
				when = "từ đầu"
			}
			rows = append(rows, []string{when, strconv.Itoa(t.BranchMeetings), strconv.Itoa(t.MemberShare), strconv.Itoa(t.AbsentMonths), strconv.Itoa(t.MeetingDay)})
		}
		return writeRows(stdout, "table", rows)
	}
}

var cmdMembersReview = &Command{
	Name: "review", Args: "[--year Y] [--date dd/mm/yyyy] [--format table|csv]",
	Short: "danh sách cần xem xét: đoàn viên vắng sinh hoạt không lý do 3 tháng trong năm",
	Flags: membersReviewFlags,
}

func activityKindsHelp() string {
	var b strings.Builder
	b.WriteString("Loại (--kind) và số liệu (--measure) mặc định:")
	for _, k := range domain.DefaultActivityKinds {
		fmt.Fprintf(&b, " %s (%s", k.Code, k.Label)
		for i, m := range k.Measures {
			sep := ": "
			if i > 0 {
				sep = ", "
			}
			fmt.Fprintf(&b, "%s%s = %s", sep, m.Code, domain.LowerFirst(m.Label))
		}
		b.WriteString(");")
	}
	b.WriteString(" tập huấn cán bộ ghi bằng trainings add, mô hình bằng models add.")
	return b.String()
}

func meetingKindsHelp() string {
	var parts []string
	for _, c := range domain.MeetingKinds {
		parts = append(parts, c.Code+" ("+c.Label+")")
	}
	return "Loại (--kind): " + strings.Join(parts, ", ") + ". --all-present: mọi đoàn viên của chi đoàn vào ngày đó có mặt, trừ người ghi ở --excused, --absent."
}

// writeTable writes rows as an aligned table or as CSV (formulas escaped).
func writeTable(stdout io.Writer, format string, header []string, rows [][]string) error {
	switch format {
	case "csv":
		w := csv.NewWriter(stdout)
		if err := w.Write(header); err != nil {
			return fmt.Errorf("ghi CSV: %w", err)
		}
		for _, r := range rows {
			if err := w.Write(escapeAll(r)); err != nil {
				return fmt.Errorf("ghi CSV: %w", err)
			}
		}
		w.Flush()
		return w.Error()
	case "table", "":
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(header, "\t"))
		for _, r := range rows {
			fmt.Fprintln(tw, strings.Join(r, "\t"))
		}
		return tw.Flush()
	}
	return fmt.Errorf("--format %q: chọn table hoặc csv", format)
}

// branchID finds a branch by name ("": 0).
func branchID(ctx context.Context, st *store.Store, name string) (int64, error) {
	if strings.TrimSpace(name) == "" {
		return 0, nil
	}
	b, err := st.BranchByName(ctx, name)
	if err != nil {
		return 0, fmt.Errorf("--branch %q: %w", name, err)
	}
	return b.ID, nil
}

func branchNames(ctx context.Context, st *store.Store) (map[int64]string, error) {
	bs, err := st.Branches(ctx, true)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for _, b := range bs {
		out[b.ID] = b.Name
	}
	return out, nil
}

func activitiesListFlags(fs *flag.FlagSet) Run {
	year := thisYearFlag(fs, "year", "năm công tác")
	kind := fs.String("kind", "", "mã loại hoạt động (bỏ trống: mọi loại)")
	branch := fs.String("branch", "", "chỉ hoạt động do chi đoàn này tổ chức")
	month := intFlag(fs, "month", 0, domain.IntRange{Field: "Month", Label: "Tháng", Min: 0, Max: 12}, "chỉ hoạt động bắt đầu trong tháng này")
	date := fs.String("date", "", "tính đến ngày dd/mm/yyyy (mặc định: hết năm)")
	format := fs.String("format", "table", "table hoặc csv")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("activities list", args); err != nil {
			return err
		}
		cut, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		kinds, err := st.ActivityKinds(ctx)
		if err != nil {
			return err
		}
		if *kind != "" {
			if _, ok := domain.KindOf(kinds, *kind); !ok {
				return fmt.Errorf("--kind %q không có; %s", *kind, activityKindsHelp())
			}
		}
		bid, err := branchID(ctx, st, *branch)
		if err != nil {
			return err
		}
		names, err := branchNames(ctx, st)
		if err != nil {
			return err
		}
		y := year(st)
		as, err := st.Activities(ctx, store.ActivityFilter{Year: y, Cutoff: cut, Kind: *kind, BranchID: bid, Month: *month})
		if err != nil {
			return err
		}
		header := []string{"Mã", "Ngày", "Loại", "Tên hoạt động", "Đơn vị tổ chức", "Đoàn viên", "Hội viên", "Khác", "Số liệu", "Ghi chú"}
		var rows [][]string
		for _, a := range as {
			k, _ := domain.KindOf(kinds, a.Kind)
			org := "Phường"
			if !a.Ward {
				var bs []string
				for _, id := range a.Branches {
					bs = append(bs, names[id])
				}
				org = strings.Join(bs, "; ")
			}
			var ms []string
			for _, m := range k.Measures {
				if v, ok := a.Measures[m.Code]; ok {
					ms = append(ms, fmt.Sprintf("%s %s %s", domain.LowerFirst(m.Label), domain.FormatInt(v), m.Unit))
				}
			}
			id := strconv.FormatInt(a.ID, 10)
			if a.Source != domain.SourceActivity {
				id = a.Source + " " + id // read from trainings or target_models: edited there
			}
			rows = append(rows, []string{id, a.Dates(), k.Label, a.Title, org, strconv.Itoa(a.Participants.Union),
				strconv.Itoa(a.Participants.Federation), strconv.Itoa(a.Participants.Others), strings.Join(ms, "; "), strings.ReplaceAll(a.Note, "\n", " ")})
		}
		if err := writeTable(stdout, *format, header, rows); err != nil {
			return err
		}
		if *format != "csv" {
			fmt.Fprintf(stdout, "Năm %d: %d hoạt động\n", y, len(as))
		}
		return nil
	}
}

// idList reads "12,15 18" as ids.
func idList(flagName, v string) ([]int64, error) {
	var out []int64
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("%s: mã %q không hợp lệ", flagName, f)
		}
		out = append(out, id)
	}
	return out, nil
}

// measureFlags collects --measure code=value, repeatable.
type measureFlags map[string]int64

func (m measureFlags) String() string { return "" }
func (m measureFlags) Set(v string) error {
	code, val, ok := strings.Cut(v, "=")
	n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(val), ".", ""), 10, 64)
	if !ok || err != nil {
		return fmt.Errorf("%q: ghi mã=số, ví dụ reached=120", v)
	}
	m[strings.TrimSpace(code)] = n
	return nil
}

func activitiesAddFlags(fs *flag.FlagSet) Run {
	date := fs.String("date", "", "ngày (bắt đầu), dd/mm/yyyy")
	end := fs.String("end", "", "ngày kết thúc, dd/mm/yyyy")
	kind := fs.String("kind", "", "mã loại hoạt động")
	title := fs.String("title", "", "tên hoạt động")
	branches := fs.String("branch", "", "chi đoàn tổ chức, cách nhau bằng dấu ; (bỏ trống: phường tổ chức)")
	union := intFlag(fs, "union", 0, domain.IntRange{Field: "Union", Label: "Số đoàn viên", Min: 0, Max: domain.MaxCount}, "số đoàn viên tham gia")
	fed := intFlag(fs, "federation", 0, domain.IntRange{Field: "Federation", Label: "Số hội viên", Min: 0, Max: domain.MaxCount}, "số hội viên tham gia")
	others := intFlag(fs, "others", 0, domain.IntRange{Field: "Others", Label: "Số người khác", Min: 0, Max: domain.MaxCount}, "số người khác tham gia")
	people := fs.String("people", "", "mã những đoàn viên tham gia (danh sách điểm danh), cách nhau bằng dấu phẩy")
	note := fs.String("note", "", "nội dung, ghi chú")
	measures := measureFlags{}
	fs.Var(measures, "measure", "số liệu mã=số (lặp lại được), ví dụ --measure volunteers=30 --measure days=2")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("activities add", args); err != nil {
			return err
		}
		d, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		e, err := optionalDate("--end", *end)
		if err != nil {
			return err
		}
		a := &domain.Activity{Kind: *kind, Title: *title, Date: d, End: e, Ward: strings.TrimSpace(*branches) == "",
			Participants: domain.Participants{Union: *union, Federation: *fed, Others: *others}, Measures: measures, Note: *note}
		for _, name := range strings.Split(*branches, ";") {
			if id, err := branchID(ctx, st, name); err != nil {
				return err
			} else if id != 0 {
				a.Branches = append(a.Branches, id)
			}
		}
		if a.People, err = idList("--people", *people); err != nil {
			return err
		}
		a.Roll = len(a.People) > 0
		if err := st.SaveActivity(ctx, a); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi hoạt động %d: %s, %s.\n", a.ID, a.Title, a.Dates())
		return nil
	}
}

func activitiesImportFlags(fs *flag.FlagSet) Run {
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if len(args) != 1 {
			return fmt.Errorf("activities import: cần đúng một TỆP.xlsx")
		}
		imp, err := sheet.ReadActivities(ctx, st, args[0])
		if err != nil {
			return err
		}
		if len(imp.Problems) > 0 {
			for _, p := range imp.Problems {
				fmt.Fprintf(stderr, "dòng %d, %s: %s\n", p.Row, p.Label, p.Msg)
			}
			return fmt.Errorf("activities import: %d lỗi trong %s, không ghi dòng nào", len(imp.Problems), args[0])
		}
		if len(imp.Activities) == 0 {
			return fmt.Errorf("activities import: %s không có dòng hoạt động nào dưới dòng tiêu đề %d", args[0], imp.HeaderRow)
		}
		if err := st.SaveActivities(ctx, imp.Activities); err != nil {
			var ve *domain.ValidationError
			if errors.As(err, &ve) {
				// The store numbers the activities from 1: name the sheet's rows.
				for _, e := range ve.Errors {
					if e.Row >= 1 && e.Row <= len(imp.Rows) {
						fmt.Fprintf(stderr, "dòng %d, %s: %s\n", imp.Rows[e.Row-1], e.Label, e.Msg)
					}
				}
				return fmt.Errorf("activities import: %d lỗi, không ghi dòng nào", len(ve.Errors))
			}
			return err
		}
		fmt.Fprintf(stdout, "Đã nhập %d hoạt động từ %s (trang %q).\n", len(imp.Activities), args[0], imp.Sheet)
		return nil
	}
}

func meetingsListFlags(fs *flag.FlagSet) Run {
	year := thisYearFlag(fs, "year", "năm công tác")
	branch := fs.String("branch", "", "tên chi đoàn")
	date := fs.String("date", "", "tính đến ngày dd/mm/yyyy")
	format := fs.String("format", "table", "table hoặc csv")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("meetings list", args); err != nil {
			return err
		}
		cut, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		bid, err := branchID(ctx, st, *branch)
		if err != nil {
			return err
		}
		y := year(st)
		ms, err := st.Meetings(ctx, store.MeetingFilter{Year: y, Cutoff: cut, BranchID: bid})
		if err != nil {
			return err
		}
		header := []string{"Mã", "Ngày", "Chi đoàn", "Loại", "Chủ điểm", "Có mặt", "Vắng có lý do", "Vắng không lý do"}
		var rows [][]string
		for _, m := range ms {
			rows = append(rows, []string{strconv.FormatInt(m.ID, 10), m.Date.String(), m.Branch, m.Kind.Label(), m.Theme,
				strconv.Itoa(m.Count.Present), strconv.Itoa(m.Count.Excused), strconv.Itoa(m.Count.Absent)})
		}
		if err := writeTable(stdout, *format, header, rows); err != nil {
			return err
		}
		if *format != "csv" {
			fmt.Fprintf(stdout, "Năm %d: %d buổi sinh hoạt\n", y, len(ms))
		}
		return nil
	}
}

func meetingsAddFlags(fs *flag.FlagSet) Run {
	branch := fs.String("branch", "", "tên chi đoàn")
	date := fs.String("date", "", "ngày sinh hoạt, dd/mm/yyyy")
	kind := fs.String("kind", string(domain.MeetingRegular), "loại buổi sinh hoạt")
	theme := fs.String("theme", "", "chủ điểm (bỏ trống: chủ điểm của tháng trong danh mục năm)")
	minutes := fs.String("minutes", "", "biên bản")
	resolution := fs.String("resolution", "", "nghị quyết")
	all := fs.Bool("all-present", false, "mọi đoàn viên của chi đoàn có mặt, trừ người ở --excused, --absent")
	present := fs.String("present", "", "mã người có mặt")
	excused := fs.String("excused", "", "mã người vắng có lý do")
	absent := fs.String("absent", "", "mã người vắng không lý do")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("meetings add", args); err != nil {
			return err
		}
		if strings.TrimSpace(*branch) == "" {
			return fmt.Errorf("meetings add: cần --branch TÊN")
		}
		bid, err := branchID(ctx, st, *branch)
		if err != nil {
			return err
		}
		d, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		m := &domain.Meeting{BranchID: bid, Date: d, Kind: domain.MeetingKind(*kind), Theme: *theme, Minutes: *minutes, Resolution: *resolution}
		if m.Theme == "" && !d.IsZero() {
			themes, err := st.Themes(ctx, d.Year())
			if err != nil {
				return err
			}
			m.Theme = themes[d.Month()-1]
		}
		marks := map[int64]domain.Presence{}
		var order []int64
		mark := func(id int64, p domain.Presence) {
			if _, ok := marks[id]; !ok {
				order = append(order, id)
			}
			marks[id] = p
		}
		if *all && !d.IsZero() {
			roll, err := st.ListMembers(ctx, store.MemberFilter{BranchID: bid, Kind: store.KindUnion, AsOf: d})
			if err != nil {
				return err
			}
			for _, p := range roll {
				mark(p.ID, domain.Present)
			}
		}
		for _, l := range []struct {
			flag, v string
			p       domain.Presence
		}{{"--present", *present, domain.Present}, {"--excused", *excused, domain.Excused}, {"--absent", *absent, domain.Absent}} {
			ids, err := idList(l.flag, l.v)
			if err != nil {
				return err
			}
			for _, id := range ids {
				mark(id, l.p)
			}
		}
		for _, id := range order {
			m.Attendance = append(m.Attendance, domain.Attendance{PersonID: id, Status: marks[id]})
		}
		if err := st.SaveMeeting(ctx, m); err != nil {
			return err
		}
		c := m.Count()
		fmt.Fprintf(stdout, "Đã ghi buổi sinh hoạt %d ngày %s: có mặt %d, vắng có lý do %d, vắng không lý do %d.\n", m.ID, m.Date, c.Present, c.Excused, c.Absent)
		return nil
	}
}

func meetingsGridFlags(fs *flag.FlagSet) Run {
	year := thisYearFlag(fs, "year", "năm công tác")
	date := fs.String("date", "", "tính đến ngày dd/mm/yyyy")
	format := fs.String("format", "table", "table hoặc csv")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("meetings grid", args); err != nil {
			return err
		}
		cut, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		g, err := st.MeetingsGrid(ctx, year(st), cut)
		if err != nil {
			return err
		}
		header := []string{"Chi đoàn"}
		for _, m := range g.Months {
			header = append(header, fmt.Sprintf("T%d", m.Month))
		}
		header = append(header, "Số tháng", "Số buổi", "Tỷ lệ có mặt")
		var rows [][]string
		for _, r := range g.Rows {
			row := []string{r.Branch}
			for _, n := range r.Held {
				switch {
				case n == 0:
					row = append(row, "-")
				case *format == "csv":
					row = append(row, strconv.Itoa(n))
				default:
					row = append(row, strings.Repeat("x", n))
				}
			}
			att := ""
			if r.Taken {
				att = domain.FormatNum(100*r.Attendance) + " %"
			}
			rows = append(rows, append(row, fmt.Sprintf("%d/12", r.MonthsMet), strconv.Itoa(r.Meetings), att))
		}
		if err := writeTable(stdout, *format, header, rows); err != nil {
			return err
		}
		if *format != "csv" {
			fmt.Fprintf(stdout, "Năm %d, tính đến %s: x = một buổi sinh hoạt chi đoàn (không tính họp Ban Chấp hành)\n", g.Span.Year, g.Span.To)
		}
		return nil
	}
}

func membersReviewFlags(fs *flag.FlagSet) Run {
	year := thisYearFlag(fs, "year", "năm công tác")
	date := fs.String("date", "", "tính đến ngày dd/mm/yyyy")
	format := fs.String("format", "table", "table hoặc csv")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("members review", args); err != nil {
			return err
		}
		cut, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		y := year(st)
		ls, err := st.ReviewList(ctx, y, cut)
		if err != nil {
			return err
		}
		header := []string{"STT", "Mã", "Họ và tên", "Chi đoàn", "Lý do"}
		var rows [][]string
		for i, l := range ls {
			rows = append(rows, []string{strconv.Itoa(i + 1), strconv.FormatInt(l.PersonID, 10), l.Name, l.Branch, l.ReasonText()})
		}
		if err := writeTable(stdout, *format, header, rows); err != nil {
			return err
		}
		if *format != "csv" {
			fmt.Fprintf(stdout, "Năm %d: %d đoàn viên cần xem xét (chi đoàn xem xét từng trường hợp; danh sách không tự xóa tên ai)\n", y, len(ls))
		}
		return nil
	}
}
