package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"sodoan/domain"
	"sodoan/store"
)

// cmdPlan enters the unit's own plan: a new register has none, and
// nothing is judged until the unit enters one (never another body's).
var cmdPlan = &Command{
	Name:  "plan",
	Short: "kế hoạch của đơn vị: tạo từ mẫu chỉ tiêu 2.1–2.8, nhập chỉ tiêu, xem",
	Subs: []*Command{
		{Name: "new", Args: `--number "12-KH/ĐTN" --date dd/mm/yyyy --issuer "…" --from Y1 --to Y2 [--upper "…"] [--title "…"]`,
			Short: "kế hoạch mới (hiện hành), các chỉ tiêu 2.1–2.8 của kế hoạch cấp trên làm mẫu, chưa có số liệu",
			Long:  "Sau đó nhập từng chỉ tiêu bằng: plan target --code 2.5a --value N [--period]",
			Flags: planNewFlags},
		{Name: "target", Args: "--code MÃ --value N [--period | --period=false]",
			Short: "nhập chỉ tiêu của kế hoạch hiện hành (--period: chỉ tiêu cả giai đoạn)", Flags: planTargetFlags},
		{Name: "show", Short: "xem kế hoạch hiện hành và các chỉ tiêu", Flags: noFlags(runPlanShow)},
	},
}

func planNewFlags(fs *flag.FlagSet) Run {
	number := fs.String("number", "", "số kế hoạch, ví dụ 12-KH/ĐTN")
	date := fs.String("date", "", "ngày ban hành dd/mm/yyyy")
	issuer := fs.String("issuer", "", "cơ quan ban hành, ví dụ Ban Thường vụ Đoàn phường Hòa Mẫu")
	from := intFlag(fs, "from", 0, domain.YearRange, "năm đầu giai đoạn")
	to := intFlag(fs, "to", 0, domain.YearRange, "năm cuối giai đoạn")
	upper := fs.String("upper", "", "kế hoạch cấp trên được cụ thể hóa (không bắt buộc)")
	title := fs.String("title", "", "trích yếu (mặc định: thực hiện các chỉ tiêu … giai đoạn Y1 - Y2)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("plan new", args); err != nil {
			return err
		}
		var missing []string
		for _, f := range []struct{ name, v string }{{"--number", *number}, {"--date", *date}, {"--issuer", *issuer}} {
			if strings.TrimSpace(f.v) == "" {
				missing = append(missing, f.name)
			}
		}
		if *from == 0 {
			missing = append(missing, "--from")
		}
		if *to == 0 {
			missing = append(missing, "--to")
		}
		if len(missing) > 0 {
			return fmt.Errorf("plan new: thiếu %s", strings.Join(missing, ", "))
		}
		issued, err := domain.ParseDate(*date)
		if err != nil {
			return fmt.Errorf("--date: %w", err)
		}
		p := domain.Plan{Number: *number, Title: *title, StartYear: *from, EndYear: *to, Current: true,
			Issued: issued, Issuer: *issuer, UpperPlan: *upper, Indicators: domain.PlanTemplate()}
		if strings.TrimSpace(p.Title) == "" {
			p.Title = fmt.Sprintf("Thực hiện các chỉ tiêu công tác Đoàn và phong trào thanh niên giai đoạn %d - %d", *from, *to)
		}
		if err := st.SavePlan(ctx, &p); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã tạo %s (giai đoạn %d - %d), kế hoạch hiện hành, với %d chỉ tiêu theo mẫu.\n",
			p.Reference(), p.StartYear, p.EndYear, len(p.Indicators))
		fmt.Fprintln(stdout, "Nhập chỉ tiêu: sodoan-cli --db", st.Path(), "plan target --code 2.5a --value N [--period]")
		return nil
	}
}

func planTargetFlags(fs *flag.FlagSet) Run {
	code := fs.String("code", "", "mã chỉ tiêu, ví dụ 2.5a")
	value := fs.String("value", "", "chỉ tiêu: số lượng hoặc tỷ lệ %, ví dụ 45 hoặc 12,5")
	period := fs.Bool("period", false, "chỉ tiêu cho cả giai đoạn (--period=false: hằng năm); không ghi: giữ như cũ")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("plan target", args); err != nil {
			return err
		}
		if *code == "" || *value == "" {
			return fmt.Errorf("plan target: cần --code và --value")
		}
		v, err := strconv.ParseFloat(strings.Replace(strings.ReplaceAll(strings.TrimSpace(*value), ".", ""), ",", ".", 1), 64)
		if err != nil {
			return fmt.Errorf("--value %q: không phải là số", *value)
		}
		var per *bool
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "period" {
				per = period
			}
		})
		p, err := st.SetPlanTarget(ctx, *code, v, per)
		if err != nil {
			return err
		}
		for _, in := range p.Indicators {
			if domain.Fold(in.Code) == domain.Fold(domain.Clean(*code)) {
				fmt.Fprintf(stdout, "Kế hoạch số %s, chỉ tiêu %s: %s\n", p.Number, in.Code, targetWords(in))
			}
		}
		return nil
	}
}

// targetWords is a target as the CLI prints it.
func targetWords(in domain.Indicator) string {
	switch {
	case in.NoTarget:
		return "chưa nhập"
	case in.Kind == domain.KindCheck:
		return "thực hiện (có / chưa)"
	case in.Period:
		return domain.FormatValue(in.Kind, in.Target) + " (cả giai đoạn)"
	}
	return domain.FormatValue(in.Kind, in.Target) + " (hằng năm)"
}

func runPlanShow(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	if err := extraArgs("plan show", args); err != nil {
		return err
	}
	p, err := st.CurrentPlan(ctx)
	if err != nil {
		if errorsIsNoPlan(err) {
			fmt.Fprintln(stdout, domain.NoPlan+" (sodoan-cli --db", st.Path(), "plan new …)")
			return nil
		}
		return err
	}
	fmt.Fprintf(stdout, "%s, giai đoạn %d - %d\n", p.Reference(), p.StartYear, p.EndYear)
	fmt.Fprintln(stdout, "Trích yếu:", p.Title)
	if p.UpperPlan != "" {
		fmt.Fprintln(stdout, "Thực hiện:", p.UpperPlan)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Mã\tChỉ tiêu\tNội dung")
	empty := 0
	for _, in := range p.Indicators {
		if in.NoTarget {
			empty++
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", in.Code, targetWords(in), in.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if empty > 0 {
		fmt.Fprintf(stdout, "%d chỉ tiêu chưa nhập: chưa đánh giá được.\n", empty)
	}
	return nil
}

func errorsIsNoPlan(err error) bool { return errors.Is(err, store.ErrNoPlan) }
