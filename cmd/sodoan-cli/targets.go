package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"sodoan/domain"
	"sodoan/store"
)

// The records behind targets 2.1, 2.2b and 2.4: trainings in youth work,
// the named models and pages, and the standard of each office.

var cmdTrainings = &Command{
	Name: "trainings",
	Subs: []*Command{
		{Name: "list", Args: "--person MÃ", Short: "các lớp tập huấn công tác thanh niên của một người",
			Flags: trainingsListFlags},
		{Name: "add", Args: "--person MÃ --date dd/mm/yyyy --course \"…\" [--organiser \"…\"]", Short: "ghi một lớp tập huấn (chỉ tiêu 2.4)",
			Flags: trainingsAddFlags},
		{Name: "delete", Args: "MÃ", Short: "xóa một lớp tập huấn ghi nhầm", Flags: noFlags(deleteOne("trainings delete", "lớp tập huấn", (*store.Store).DeleteTraining))},
	},
}

func trainingsListFlags(fs *flag.FlagSet) Run {
	person := int64Flag(fs, "person", 0, domain.IntRange{Field: "Person", Label: "Mã người", Min: 1, Max: 1 << 62}, "mã người (cột Mã của members list)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("trainings list", args); err != nil {
			return err
		}
		if *person == 0 {
			return fmt.Errorf("trainings list: cần --person MÃ")
		}
		ts, err := st.Trainings(ctx, *person)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Mã\tNgày\tLớp tập huấn\tĐơn vị tổ chức")
		for _, t := range ts {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", t.ID, t.Date, t.Course, t.Organiser)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Tổng cộng: %d\n", len(ts))
		return nil
	}
}

func trainingsAddFlags(fs *flag.FlagSet) Run {
	person := int64Flag(fs, "person", 0, domain.IntRange{Field: "Person", Label: "Mã người", Min: 1, Max: 1 << 62}, "mã người")
	date := fs.String("date", "", "ngày tập huấn, dd/mm/yyyy")
	course := fs.String("course", "", "tên lớp tập huấn")
	organiser := fs.String("organiser", "", "đơn vị tổ chức")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("trainings add", args); err != nil {
			return err
		}
		d, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		t := domain.Training{PersonID: *person, Date: d, Course: *course, Organiser: *organiser}
		if err := st.SaveTraining(ctx, &t); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi lớp tập huấn %d: %s, ngày %s.\n", t.ID, t.Course, t.Date)
		return nil
	}
}

var cmdModels = &Command{
	Name: "models",
	Subs: []*Command{
		{Name: "list", Args: "[--target 2.1|2.2b] [--year Y]", Short: "mô hình, trang mạng (2.1) và mô hình kinh tế được hỗ trợ (2.2b) của một năm",
			Flags: modelsListFlags},
		{Name: "add", Args: "--target 2.1|2.2b --kind LOẠI --name \"…\" --date dd/mm/yyyy [--link|--owner|--support \"…\"] [--branch MÃ] [--coop MÃ] [--ended dd/mm/yyyy]",
			Short: "ghi một mô hình, trang mạng hoặc mô hình kinh tế được hỗ trợ", Long: modelKindsHelp(), Flags: modelsAddFlags},
		{Name: "delete", Args: "MÃ", Short: "xóa một mô hình ghi nhầm", Flags: noFlags(deleteOne("models delete", "mô hình", (*store.Store).DeleteModel))},
	},
}

func modelKindsHelp() string {
	var b strings.Builder
	b.WriteString("Loại (--kind) của chỉ tiêu 2.1:")
	for _, c := range domain.OutreachKinds {
		fmt.Fprintf(&b, " %s (%s)", c.Code, c.Label)
	}
	b.WriteString("; của chỉ tiêu 2.2b:")
	for _, c := range domain.EconomicKinds {
		fmt.Fprintf(&b, " %s (%s)", c.Code, c.Label)
	}
	b.WriteString(". Mô hình 2.1 tính trong năm khi đang hoạt động (từ --date đến --ended); mô hình 2.2b tính vào năm của ngày hỗ trợ (--date).")
	return b.String()
}

// modelTarget reads --target: 2.1 or 2.2b.
func modelTarget(v string) (domain.ModelTarget, error) {
	switch strings.TrimSpace(strings.ToLower(v)) {
	case "2.1", "2.1a", "2.1b", "outreach":
		return domain.ModelOutreach, nil
	case "2.2b", "2.2", "economic":
		return domain.ModelEconomic, nil
	}
	return "", fmt.Errorf("--target %q: chọn 2.1 hoặc 2.2b", v)
}

func modelsListFlags(fs *flag.FlagSet) Run {
	target := fs.String("target", "", "2.1 hoặc 2.2b (bỏ trống: cả hai)")
	year := thisYearFlag(fs, "year", "năm công tác")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("models list", args); err != nil {
			return err
		}
		targets := []domain.ModelTarget{domain.ModelOutreach, domain.ModelEconomic}
		if *target != "" {
			t, err := modelTarget(*target)
			if err != nil {
				return err
			}
			targets = []domain.ModelTarget{t}
		}
		y := year(st)
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Mã\tChỉ tiêu\tLoại\tTên\tNgày\tĐịa chỉ/mô tả, chủ mô hình\tHỗ trợ\tNgừng")
		n := 0
		for _, t := range targets {
			ms, err := st.Models(ctx, t, y)
			if err != nil {
				return err
			}
			code := "2.1"
			if t == domain.ModelEconomic {
				code = "2.2b"
			}
			for _, m := range ms {
				n++
				extra := m.Link
				if t == domain.ModelEconomic {
					extra = m.Owner
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.ID, code, m.KindLabel(), m.Name, m.Date, extra, m.Support, m.Ended)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Năm %d: %d mô hình\n", y, n)
		return nil
	}
}

func modelsAddFlags(fs *flag.FlagSet) Run {
	target := fs.String("target", "", "2.1 hoặc 2.2b")
	kind := fs.String("kind", "", "loại mô hình (xem dưới)")
	name := fs.String("name", "", "tên mô hình hoặc trang (2.2b tổ hợp tác trong sổ: bỏ trống lấy tên tổ)")
	date := fs.String("date", "", "2.1: ngày bắt đầu; 2.2b: ngày hỗ trợ (dd/mm/yyyy)")
	ended := fs.String("ended", "", "2.1: ngày ngừng hoạt động (dd/mm/yyyy)")
	link := fs.String("link", "", "2.1: địa chỉ trang hoặc mô tả mô hình")
	owner := fs.String("owner", "", "2.2b: chủ mô hình (hộ, cá nhân, tổ)")
	support := fs.String("support", "", "2.2b: nội dung Đoàn hỗ trợ")
	branch := int64Flag(fs, "branch", 0, domain.IntRange{Field: "BranchID", Label: "Mã chi đoàn", Min: 0, Max: 1 << 62}, "mã chi đoàn (bỏ trống: cấp phường)")
	coop := int64Flag(fs, "coop", 0, domain.IntRange{Field: "CoopID", Label: "Mã tổ hợp tác", Min: 0, Max: 1 << 62}, "2.2b: mã tổ hợp tác trong sổ")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("models add", args); err != nil {
			return err
		}
		t, err := modelTarget(*target)
		if err != nil {
			return err
		}
		d, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		e, err := optionalDate("--ended", *ended)
		if err != nil {
			return err
		}
		m := domain.TargetModel{Target: t, Kind: *kind, Name: *name, Date: d, Ended: e, Link: *link, Owner: *owner,
			Support: *support, BranchID: *branch, CoopID: *coop}
		if err := st.SaveModel(ctx, &m); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi mô hình %d: %s.\n", m.ID, m.Named())
		return nil
	}
}

var cmdStandards = &Command{
	Name: "standards",
	Subs: []*Command{
		{Name: "list", Args: "[--year Y]", Short: "chuẩn cán bộ Đoàn theo chức vụ áp dụng cho một năm (chỉ tiêu 2.4)",
			Flags: standardsListFlags},
		{Name: "set", Args: "--office CHỨC_VỤ [--from Y] [--schooling N] [--qualification Q] [--theory T] [--training] [--counted]",
			Short: "đặt chuẩn của một chức vụ từ một năm", Long: standardsHelp(), Flags: standardsSetFlags},
		{Name: "officers", Args: "[--date dd/mm/yyyy]", Short: "cán bộ đang giữ chức vụ vào một ngày và điều còn thiếu so với chuẩn",
			Flags: standardsOfficersFlags},
	},
}

func choiceCodes(list []domain.Choice) string {
	var parts []string
	for _, c := range list {
		code := c.Code
		if code == "" {
			code = `""`
		}
		parts = append(parts, code+" ("+c.Label+")")
	}
	return strings.Join(parts, ", ")
}

func standardsHelp() string {
	return "Chức vụ: " + choiceCodes(domain.Positions) + ".\nChuyên môn, từ thấp đến cao: " + choiceCodes(domain.Qualifications) +
		".\nLý luận chính trị: " + choiceCodes(domain.TheoryLevels) +
		".\nChuẩn áp dụng cho các năm từ --from trở đi; các năm trước giữ chuẩn cũ. Cờ không ghi lấy theo chuẩn đang áp dụng."
}

func standardsListFlags(fs *flag.FlagSet) Run {
	year := thisYearFlag(fs, "year", "năm công tác")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("standards list", args); err != nil {
			return err
		}
		y := year(st)
		stds, err := st.OfficeStandards(ctx, y)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Chức vụ\tHọc vấn\tChuyên môn tối thiểu\tLLCT tối thiểu\tTập huấn trong năm\tTính vào 2.4\tÁp dụng từ")
		for _, s := range stds {
			from := "mặc định"
			if s.FromYear != 0 {
				from = strconv.Itoa(s.FromYear)
			}
			school := "—"
			if s.MinSchooling > 0 {
				school = fmt.Sprintf("%d/12", s.MinSchooling)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.Office.Label(), school, orDash(s.MinQualification.Label(), s.MinQualification != ""),
				orDash(s.MinTheory.Label(), s.MinTheory != ""), yesNo(s.TrainingRequired), yesNo(s.Counted), from)
		}
		return tw.Flush()
	}
}

func orDash(s string, ok bool) string {
	if !ok {
		return "—"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "Có"
	}
	return "Không"
}

func standardsSetFlags(fs *flag.FlagSet) Run {
	office := fs.String("office", "", "chức vụ (xem dưới)")
	from := intFlag(fs, "from", 0, domain.IntRange{Field: "FromYear", Label: "Áp dụng từ năm", Min: 0, Max: domain.YearRange.Max}, "áp dụng từ năm (bỏ trống: mọi năm)")
	schooling := intFlag(fs, "schooling", -1, domain.IntRange{Field: "MinSchooling", Label: "Học vấn", Min: -1, Max: 12}, "học vấn tối thiểu, lớp x/12 (0: không đòi hỏi)")
	qual := fs.String("qualification", "-", "chuyên môn tối thiểu (\"\": không đòi hỏi)")
	theory := fs.String("theory", "-", "lý luận chính trị tối thiểu (\"\": không đòi hỏi)")
	training := fs.String("training", "", "phải tập huấn trong năm: yes hoặc no")
	counted := fs.String("counted", "", "tính vào chỉ tiêu 2.4: yes hoặc no")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("standards set", args); err != nil {
			return err
		}
		if !domain.ValidCode(domain.Positions, *office) {
			return fmt.Errorf("--office %q: chọn một trong %s", *office, choiceCodes(domain.Positions))
		}
		year := *from
		if year == 0 {
			year = int(domain.YearRange.Max)
		}
		cur, err := st.OfficeStandards(ctx, year)
		if err != nil {
			return err
		}
		var s domain.OfficeStandard
		for _, c := range cur {
			if string(c.Office) == *office {
				s = c
			}
		}
		s.FromYear = *from
		if *schooling >= 0 {
			s.MinSchooling = *schooling
		}
		if *qual != "-" {
			s.MinQualification = domain.Qualification(*qual)
		}
		if *theory != "-" {
			s.MinTheory = domain.TheoryLevel(*theory)
		}
		for _, b := range []struct {
			flag, v string
			to      *bool
		}{{"--training", *training, &s.TrainingRequired}, {"--counted", *counted, &s.Counted}} {
			switch strings.ToLower(b.v) {
			case "":
			case "yes", "có", "co", "true", "1":
				*b.to = true
			case "no", "không", "khong", "false", "0":
				*b.to = false
			default:
				return fmt.Errorf("%s %q: ghi yes hoặc no", b.flag, b.v)
			}
		}
		if err := st.SaveOfficeStandard(ctx, &s); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Chuẩn %s từ năm %d: %s.\n", s.Office.Label(), s.FromYear, s.Describe())
		return nil
	}
}

func standardsOfficersFlags(fs *flag.FlagSet) Run {
	date := fs.String("date", "", "ngày tính (dd/mm/yyyy; bỏ trống: hôm nay)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("standards officers", args); err != nil {
			return err
		}
		d, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		if d.IsZero() {
			d = st.Today()
		}
		// The working year d falls in, named by the year it ends in.
		day, month, err := st.WorkingYearStart(ctx)
		if err != nil {
			return err
		}
		y := d.Year()
		if (day != 1 || month != 1) && !d.Before(domain.MustDate(d.Year(), month, day)) {
			y++
		}
		sp, err := st.YearSpan(ctx, y, d)
		if err != nil {
			return err
		}
		os, err := st.OfficerStandings(ctx, sp)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Họ và tên\tChức vụ\tTính vào 2.4\tĐạt chuẩn\tCòn thiếu")
		met, all := 0, 0
		for _, o := range os {
			var offices []string
			for _, k := range o.Offices {
				offices = append(offices, k.Label())
			}
			ok := len(o.Gaps) == 0
			if o.Counted {
				all++
				if ok {
					met++
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", o.Person.FullName(), strings.Join(offices, ", "), yesNo(o.Counted), yesNo(ok), gapsText(o.Gaps))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Ngày %s (năm công tác %d): %d/%d cán bộ tính vào chỉ tiêu 2.4 đạt chuẩn.\n", d, y, met, all)
		return nil
	}
}

// optionalDate reads a dd/mm/yyyy flag; empty is the zero date.
func optionalDate(flagName, v string) (domain.Date, error) {
	if strings.TrimSpace(v) == "" {
		return domain.Date{}, nil
	}
	d, err := domain.ParseDate(v)
	if err != nil {
		return d, fmt.Errorf("%s %q: %w", flagName, v, err)
	}
	return d, nil
}

// oneID reads the one positional ID of a delete.
// deleteOne is the command that deletes one record entered by mistake,
// given its code: "Đã xóa NOUN MÃ." (activities, meetings, a dues payment,
// trainings, models).
func deleteOne(path, noun string, del func(*store.Store, context.Context, int64) error) Run {
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		id, err := oneID(path, args)
		if err != nil {
			return err
		}
		if err := del(st, ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã xóa %s %d.\n", noun, id)
		return nil
	}
}

func oneID(path string, args []string) (int64, error) {
	if len(args) != 1 {
		return 0, fmt.Errorf("%s: cần đúng một MÃ", path)
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%s: mã %q không hợp lệ", path, args[0])
	}
	return id, nil
}

// gapsText is what an officer lacks, in Vietnamese.
func gapsText(gaps []domain.Message) string {
	parts := make([]string, len(gaps))
	for i, g := range gaps {
		parts[i] = g.String()
	}
	return strings.Join(parts, "; ")
}
