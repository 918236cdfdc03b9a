package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"sodoan/demo"
	"sodoan/domain"
	"sodoan/store"
)

var cmdDemo = &Command{
	Name:  "demo",
	Args:  `--members N [--seed S] [--year Y] [--place "Xã …"]`,
	Short: "tạo phường mẫu (trên sổ mới hoặc sổ trống)",
	Open:  store.OpenOptions{Create: true},
	Flags: demoFlags,
}

func demoFlags(fs *flag.FlagSet) Run {
	n := intFlag(fs, "members", 1500, domain.DemoMembersRange, "số người của phường mẫu (10 đến 200.000)")
	seed := int64Flag(fs, "seed", 1, anyInt64, "hạt giống: cùng hạt giống, cùng dữ liệu")
	year := intFlag(fs, "year", 0, domain.YearRange, "năm hiện hành của dữ liệu (mặc định: năm nay)")
	place := fs.String("place", "", "tên phường, xã mẫu (ví dụ Xã Tân Khánh Trung) khi sổ chưa có tên đơn vị; mặc định: theo hạt giống")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		start := time.Now() // the wall clock: it measures how long the demo took
		if err := demo.Generate(ctx, st, demo.Options{Members: *n, Seed: *seed, Year: *year, Place: *place}); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã tạo phường mẫu %s người trong %s: %s\n", domain.FormatInt(int64(*n)), time.Since(start).Round(time.Millisecond), st.Path())
		return nil
	}
}

var cmdMembers = &Command{
	Name: "members",
	Open: store.OpenOptions{ReadOnly: true},
	Subs: []*Command{{
		Name:  "list",
		Args:  "[--q TỪ] [--branch TÊN] [--kind union|federation|all [--former]] [--status S | --date dd/mm/yyyy] [--format table|csv|xlsx --out TỆP]",
		Short: "danh sách đoàn viên: bảng, CSV hoặc Excel",
		Flags: membersListFlags,
	}, cmdMembersReview},
}

func membersListFlags(fs *flag.FlagSet) Run {
	filter := memberFilterFlags(fs)
	format := fs.String("format", "table", "table, csv hoặc xlsx (Excel, cần --out)")
	out := fs.String("out", "", "tệp ghi ra (bắt buộc với xlsx)")
	personal := fs.Bool("personal", false, "xlsx: kèm CCCD, điện thoại, địa chỉ, dân tộc, tôn giáo, ghi chú")
	force := fs.Bool("force", false, "thay thế tệp --out đã có")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		f, err := filter(ctx, st)
		if err != nil {
			return err
		}
		// The columns of the window's list: the catalog's listed fields
		// between the name and the office.
		listed := domain.ListedFields()
		header := []string{"STT", "Họ và tên"}
		for _, fd := range listed {
			header = append(header, fd.Label)
		}
		header = append(header, "Chức vụ", "Trạng thái")
		row := func(i int, p *domain.Person) []string {
			r := []string{fmt.Sprint(i), p.FullName()}
			for _, fd := range listed {
				r = append(r, fd.Display(p))
			}
			return append(r, p.Position, p.Status.Label())
		}
		i := 0
		if *out != "" {
			// A file is written the way `export members` writes it (formula
			// cells escaped, personal data only when asked): the extension
			// must say the same format as --format.
			// The register and existing files are refused first, whatever the
			// name says.
			if err := st.Output(*out, *force).Check(); err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(*out))
			if *format == "table" {
				return fmt.Errorf("--out chỉ dùng với --format csv hoặc xlsx")
			}
			// The register and an existing file are refused first, whatever
			// the name's extension: the reason the user most needs to hear.
			if err := st.Output(*out, *force).Check(); err != nil {
				return err
			}
			switch {
			case ext != "."+*format:
				return fmt.Errorf("--out %s: với --format %s, tên tệp phải có đuôi .%s", *out, *format, *format)
			}
			return exportMembers(ctx, st, f, st.Output(*out, *force), *personal, stdout)
		}
		switch *format {
		case "csv":
			w := csv.NewWriter(stdout)
			if err := w.Write(header); err != nil {
				return fmt.Errorf("ghi CSV: %w", err)
			}
			err := st.EachMember(ctx, f, func(p *domain.Person) error {
				i++
				return w.Write(escapeAll(row(i, p)))
			})
			if err != nil {
				return err
			}
			w.Flush()
			return w.Error()
		case "table":
			tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, strings.Join(header, "\t"))
			err := st.EachMember(ctx, f, func(p *domain.Person) error {
				i++
				_, err := fmt.Fprintln(tw, strings.Join(row(i, p), "\t"))
				return err
			})
			if err != nil {
				return err
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Tổng cộng: %s\n", domain.FormatInt(int64(i)))
			return nil
		case "xlsx":
			if *out == "" {
				return fmt.Errorf("--format xlsx cần --out TỆP.xlsx")
			}
			return exportMembers(ctx, st, f, st.Output(*out, *force), *personal, stdout)
		}
		return fmt.Errorf("--format %q: chọn table, csv hoặc xlsx", *format)
	}
}

var cmdSearch = &Command{
	Name:  "search",
	Args:  "[--limit N] TỪ",
	Short: "tìm theo tên, số thẻ, CCCD, điện thoại",
	Open:  store.OpenOptions{ReadOnly: true},
	Flags: searchFlags,
}

func searchFlags(fs *flag.FlagSet) Run {
	limit := intFlag(fs, "limit", 50, domain.SearchLimitRange, "số kết quả tối đa (1 đến 10.000)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		q := strings.Join(args, " ")
		if strings.TrimSpace(q) == "" {
			return fmt.Errorf("search: thiếu từ cần tìm")
		}
		people, err := st.Search(ctx, q, *limit)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Mã\tHọ và tên\tNgày sinh\tChi đoàn\tSố thẻ\tTrạng thái")
		for _, p := range people {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", p.ID, p.FullName(), p.BirthDate, p.BranchName, p.CardNumber, p.Status.Label())
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		total, err := st.CountMembers(ctx, store.MemberFilter{Query: q})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Tìm thấy %s người\n", domain.FormatInt(int64(total)))
		return nil
	}
}

type statRow struct {
	Code   string  `json:"code"`
	Title  string  `json:"title"`
	Kind   string  `json:"kind"`
	Target float64 `json:"target"`
	Actual float64 `json:"actual"`
	Cumul  float64 `json:"cumulative,omitempty"`
	Period bool    `json:"period_target"`
	Known  bool    `json:"known"`
	Met    bool    `json:"met"`
	// Verdict is the store's assessment code (met, on_pace, behind,
	// not_met, no_data), the one every screen and report prints.
	Verdict string `json:"verdict"`
	Detail  string `json:"detail"`
}

var cmdStats = &Command{
	Name:  "stats",
	Args:  "--year Y [--json]",
	Short: "các chỉ tiêu: chỉ tiêu, kết quả, đạt",
	Open:  store.OpenOptions{ReadOnly: true},
	Flags: statsFlags,
}

func statsFlags(fs *flag.FlagSet) Run {
	yearOf := thisYearFlag(fs, "year", "năm (1950 đến 2100)")
	asJSON := fs.Bool("json", false, "in dạng JSON")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		year := yearOf(st)
		plan, err := st.CurrentPlan(ctx)
		if errors.Is(err, store.ErrNoPlan) {
			// Nothing judged against another body's plan.
			if *asJSON {
				return json.NewEncoder(stdout).Encode(struct {
					Plan       string    `json:"plan"`
					Year       int       `json:"year"`
					Message    string    `json:"message"`
					Indicators []statRow `json:"indicators"`
				}{Year: year, Message: domain.NoPlan, Indicators: []statRow{}})
			}
			fmt.Fprintln(stdout, domain.NoPlan+" (sodoan-cli --db", domain.CmdArg(st.Path()), "plan new …)")
			return nil
		}
		if err != nil {
			return err
		}
		rs, err := st.YearResults(ctx, plan.ID, year)
		if err != nil {
			return err
		}
		if *asJSON {
			out := struct {
				Plan       string    `json:"plan"`
				Year       int       `json:"year"`
				Indicators []statRow `json:"indicators"`
			}{Plan: plan.Number, Year: year}
			for _, r := range rs {
				out.Indicators = append(out.Indicators, statRow{r.Indicator.Code, r.Indicator.Title, string(r.Indicator.Kind),
					r.Indicator.Target, r.Actual, r.Cumulative, r.Indicator.Period, r.Known, r.Met, string(r.Verdict.Code), r.Detail})
			}
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(out)
		}
		fmt.Fprintf(stdout, "Kế hoạch %s, năm %d\n", plan.Number, year)
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Mã\tChỉ tiêu\tKết quả\tĐánh giá\tCách tính")
		for _, r := range rs {
			target := domain.FormatValue(r.Indicator.Kind, r.Indicator.Target)
			if r.Indicator.Kind == domain.KindCheck {
				target = "Có"
			}
			if r.Indicator.NoTarget {
				target = "chưa nhập"
			}
			actual := "—"
			if r.Known {
				actual = domain.FormatValue(r.Indicator.Kind, r.Actual)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Indicator.Code, target, actual, r.Verdict.Phrase(), r.Detail)
		}
		return tw.Flush()
	}
}

var cmdCheck = &Command{
	Name:  "check",
	Short: "kiểm tra toàn vẹn và phiên bản lược đồ",
	Open:  store.OpenOptions{ReadOnly: true, AnyVersion: true},
	Flags: noFlags(runCheck),
}

func runCheck(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	v, problems, err := st.Check(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Lược đồ: %d (bản này: %d)\n", v, store.SchemaVersion)
	if v < store.SchemaVersion {
		// The rules read columns an older register lacks: it is checked
		// for integrity only, until a writing command upgrades it.
		fmt.Fprintln(stdout, "Sổ theo lược đồ cũ: chỉ kiểm tra toàn vẹn; mở sổ bằng bản này (cửa sổ hoặc một lệnh ghi) để nâng cấp rồi kiểm tra các quy tắc")
	} else {
		rules, err := st.CheckRules(ctx)
		if err != nil {
			return err
		}
		problems = append(problems, rules...)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(stdout, "-", p)
		}
		return fmt.Errorf("sổ có %d vấn đề", len(problems))
	}
	fmt.Fprintln(stdout, "Toàn vẹn: tốt; mọi hồ sơ đúng quy tắc của biểu mẫu")
	return nil
}
