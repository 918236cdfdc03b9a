package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"sodoan/domain"
	"sodoan/issuing"
	"sodoan/sheet"
	"sodoan/store"
)

// Union dues and the branches' cash books (issue 20). The figures come
// from the store's dues queries, the PDFs from package issuing (`report
// dues`, `report dues-ledger`, `report dues-unpaid`), as in the window.

var cmdDues = &Command{
	Name: "dues",
	Subs: []*Command{
		{Name: "grid", Args: "--branch TÊN --year Y --quarter Q [--date dd/mm/yyyy] [--format table|csv]",
			Short: "bảng thu đoàn phí một quý của chi đoàn: số tiền, M (miễn), ô trống (chưa đóng)", Flags: duesGridFlags},
		{Name: "ledger", Args: "--branch TÊN --year Y [--date dd/mm/yyyy] [--format table|csv]",
			Short: "sổ thu đoàn phí cả năm của chi đoàn", Flags: duesLedgerFlags},
		{Name: "pay", Args: "--person MÃ --months 01/2026-12/2026 [--date dd/mm/yyyy] [--amount ĐỒNG_MỖI_THÁNG] [--note \"…\"]",
			Short: "ghi một lần đóng (một lần có thể đóng nhiều tháng)", Flags: duesPayFlags},
		{Name: "unpay", Args: "MÃ_LẦN_ĐÓNG", Short: "xóa một lần đóng ghi nhầm", Flags: noFlags(deleteOne("dues unpay", "lần đóng", (*store.Store).DeleteDuesPayment))},
		{Name: "exempt", Args: "--person MÃ --from 04/2026 --months N --decision SỐ --decision-date dd/mm/yyyy [--reason \"…\"]",
			Short: "ghi quyết định miễn đoàn phí của BCH Đoàn cơ sở (tối đa 6 tháng)", Flags: duesExemptFlags},
		{Name: "remit", Args: "--level branch|ward [--branch TÊN] --year Y (--month M | --quarter Q) --date dd/mm/yyyy --paid-by \"…\" --received-by \"…\" [--sum ĐỒNG]",
			Short: "ghi một lần trích nộp: chi đoàn nộp Đoàn cơ sở (tháng), Đoàn cơ sở nộp Tỉnh Đoàn (quý)", Flags: duesRemitFlags},
		{Name: "remittances", Args: "[--year Y]", Short: "các lần trích nộp", Flags: duesRemittancesFlags},
		{Name: "summary", Args: "--year Y --quarter Q [--date dd/mm/yyyy] [--format table|csv]",
			Short: "tổng hợp thu, nộp đoàn phí một quý, từng chi đoàn", Flags: duesSummaryFlags},
		{Name: "unpaid", Args: "[--branch TÊN] --year Y [--date dd/mm/yyyy]", Short: "đoàn viên chưa đóng đoàn phí", Flags: duesUnpaidFlags},
		{Name: "import", Args: "TỆP.xlsx --branch TÊN --year Y [--date dd/mm/yyyy]", Reorder: fileFirst,
			Short: "nhập bảng đóng đoàn phí của một chi đoàn (cột Họ và tên, T1 … T12); có dòng sai thì không ghi gì", Flags: duesImportFlags},
		{Name: "rules", Args: "[--from dd/mm/yyyy --wage ĐỒNG --no-wage ĐỒNG --abroad ĐỒNG --up 1/3 --max-exempt 6]",
			Short: "mức đóng, tỷ lệ nộp lên, thời gian miễn tối đa theo ngày áp dụng; không có tham số: liệt kê", Flags: duesRulesFlags},
		{Name: "cash", Args: "--branch TÊN [--year Y] [--add --date dd/mm/yyyy --content \"…\" (--receipt ĐỒNG | --spending ĐỒNG)]",
			Short: "sổ thu, chi của chi đoàn (đoàn phí giữ lại tự ghi vào)", Flags: duesCashFlags},
	},
}

func init() {
	commands = append(commands, cmdDues)
	cmdReport.Subs = append(cmdReport.Subs,
		reportCmd("dues", "--year Y --quarter Q [--cutoff dd/mm/yyyy]", "bảng tổng hợp thu, nộp đoàn phí một quý (BC)", issuing.DuesSummary, duesReportFlags(false, true)),
		reportCmd("dues-ledger", "--branch TÊN --year Y [--cutoff dd/mm/yyyy]", "sổ thu đoàn phí cả năm của một chi đoàn (BC)", issuing.DuesLedger, duesReportFlags(true, false)),
		reportCmd("dues-unpaid", "[--branch TÊN] --year Y [--cutoff dd/mm/yyyy]", "danh sách đoàn viên chưa đóng đoàn phí (BC)", issuing.DuesUnpaid, duesReportFlags(false, false)))
}

// duesReportFlags are the flags of the dues documents.
func duesReportFlags(needBranch, quarter bool) func(fs *flag.FlagSet) fillRequest {
	return func(fs *flag.FlagSet) fillRequest {
		year := intFlag(fs, "year", 0, domain.YearRange, "năm (mặc định: năm của ngày ban hành)")
		q := 0
		qp := &q
		if quarter {
			qp = intFlag(fs, "quarter", 0, domain.IntRange{Field: "Quarter", Label: "Quý", Min: 1, Max: 4}, "quý, 1 đến 4")
		}
		branch := fs.String("branch", "", "tên chi đoàn")
		cutoff := fs.String("cutoff", "", "số liệu tính đến ngày dd/mm/yyyy (mặc định: ngày ban hành, không quá cuối kỳ)")
		return func(ctx context.Context, st *store.Store, r *issuing.Request) error {
			r.Year, r.Quarter = *year, *qp
			if quarter && r.Quarter == 0 {
				return fmt.Errorf("cần --quarter 1 đến 4")
			}
			c, err := optionalDate("--cutoff", *cutoff)
			if err != nil {
				return err
			}
			r.Cutoff = c
			if *branch == "" {
				if needBranch {
					return fmt.Errorf("cần --branch TÊN")
				}
				return nil
			}
			b, err := st.BranchByName(ctx, *branch)
			if err != nil {
				return err
			}
			r.BranchID = b.ID
			return nil
		}
	}
}

// branchArg reads --branch by name.
func branchArg(ctx context.Context, st *store.Store, name string, need bool) (int64, error) {
	if name == "" {
		if need {
			return 0, fmt.Errorf("cần --branch TÊN (tên chi đoàn)")
		}
		return 0, nil
	}
	b, err := st.BranchByName(ctx, name)
	if err != nil {
		return 0, err
	}
	return b.ID, nil
}

var quarterRange = domain.IntRange{Field: "Quarter", Label: "Quý", Min: 1, Max: 4}

// sheetOut prints a dues sheet as a table or CSV.
func sheetOut(stdout io.Writer, s domain.DuesSheet, format string) error {
	head := []string{"STT", "Mã", "Họ và tên", "Diện"}
	for _, m := range s.Months {
		head = append(head, "T"+strconv.Itoa(m.Month))
	}
	head = append(head, "Cộng")
	rows := [][]string{head}
	for i, r := range s.Rows {
		row := []string{strconv.Itoa(i + 1), strconv.FormatInt(r.PersonID, 10), r.Name, r.CategoryText(s.Months, domain.DuesCategory.Label)}
		for _, c := range r.Cells {
			row = append(row, c.Text())
		}
		rows = append(rows, append(row, domain.Money(r.Total())))
	}
	total := []string{"", "", "Cộng", ""}
	for i := range s.Months {
		total = append(total, domain.Money(s.MonthTotal(i)))
	}
	rows = append(rows, append(total, domain.Money(s.Total())))
	if err := writeRows(stdout, format, rows); err != nil {
		return err
	}
	if format != "csv" {
		fmt.Fprintf(stdout, "%s, số liệu đến ngày %s. M: miễn; ô trống: chưa đóng; –: không sinh hoạt tại chi đoàn tháng đó.\n", s.BranchName, s.Cutoff)
	}
	return nil
}

// writeRows prints rows as an aligned table or as CSV.
func writeRows(w io.Writer, format string, rows [][]string) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.WriteAll(rows); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	case "table", "":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, r := range rows {
			fmt.Fprintln(tw, strings.Join(r, "\t"))
		}
		return tw.Flush()
	}
	return fmt.Errorf("--format %q: chọn table hoặc csv", format)
}

func duesGridFlags(fs *flag.FlagSet) Run {
	branch := fs.String("branch", "", "tên chi đoàn")
	year := thisYearFlag(fs, "year", "năm (mặc định: năm nay)")
	quarter := intFlag(fs, "quarter", 0, quarterRange, "quý, 1 đến 4")
	date := fs.String("date", "", "số liệu tính đến ngày dd/mm/yyyy (mặc định: hôm nay)")
	format := fs.String("format", "table", "table hoặc csv")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues grid", args); err != nil {
			return err
		}
		id, err := branchArg(ctx, st, *branch, true)
		if err != nil {
			return err
		}
		if *quarter == 0 {
			return fmt.Errorf("dues grid: cần --quarter 1 đến 4")
		}
		cut, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		g, err := st.DuesGrid(ctx, id, year(st), *quarter, cut)
		if err != nil {
			return err
		}
		return sheetOut(stdout, g, *format)
	}
}

func duesLedgerFlags(fs *flag.FlagSet) Run {
	branch := fs.String("branch", "", "tên chi đoàn")
	year := thisYearFlag(fs, "year", "năm (mặc định: năm nay)")
	date := fs.String("date", "", "số liệu tính đến ngày dd/mm/yyyy (mặc định: hôm nay)")
	format := fs.String("format", "table", "table hoặc csv")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues ledger", args); err != nil {
			return err
		}
		id, cut, err := branchAndDate(ctx, st, *branch, true, *date)
		if err != nil {
			return err
		}
		l, err := st.DuesLedger(ctx, id, year(st), cut)
		if err != nil {
			return err
		}
		return sheetOut(stdout, l, *format)
	}
}

// parseMonths reads "01/2026-12/2026", "03/2026" or "01/2026,02/2026".
func parseMonths(s string) ([]domain.Month, error) {
	var out []domain.Month
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		from, to, span := strings.Cut(part, "-")
		a, err := domain.ParseMonth(strings.TrimSpace(from))
		if err != nil {
			return nil, err
		}
		b := a
		if span {
			if b, err = domain.ParseMonth(strings.TrimSpace(to)); err != nil {
				return nil, err
			}
		}
		if b.Before(a) || b.Index()-a.Index() > 36 {
			return nil, fmt.Errorf("khoảng tháng %q không hợp lệ", part)
		}
		for m := a; !b.Before(m); m = m.Add(1) {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("cần --months, ví dụ 01/2026-12/2026")
	}
	return out, nil
}

// personRange is a person's code on the command line (dues, offices).
var personRange = domain.IntRange{Field: "Person", Label: "Mã người", Min: 1, Max: math.MaxInt64}

func duesPayFlags(fs *flag.FlagSet) Run {
	person := int64Flag(fs, "person", 0, personRange, "mã đoàn viên (cột Mã của dues grid)")
	months := fs.String("months", "", "các tháng đóng: 01/2026-12/2026, 03/2026 hoặc 01/2026,02/2026")
	date := fs.String("date", "", "ngày đóng dd/mm/yyyy (mặc định: hôm nay)")
	amount := fs.String("amount", "", "số tiền mỗi tháng (mặc định: mức theo diện của đoàn viên)")
	note := fs.String("note", "", "ghi chú")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues pay", args); err != nil {
			return err
		}
		ms, err := parseMonths(*months)
		if err != nil {
			return err
		}
		d, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		if d.IsZero() {
			d = st.Today()
		}
		p := domain.DuesPayment{PersonID: *person, Date: d, Months: ms, Note: *note}
		if *amount != "" {
			a, err := domain.ParseMoney(*amount)
			if err != nil {
				return fmt.Errorf("--amount: %w", err)
			}
			for range ms {
				p.Amounts = append(p.Amounts, a)
			}
		}
		if err := st.PayDues(ctx, &p); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi lần đóng %d: %d tháng (%s – %s), %s đồng, ngày %s.\n", p.ID, len(ms), ms[0], ms[len(ms)-1], domain.Money(p.Total()), d)
		return nil
	}
}

func duesExemptFlags(fs *flag.FlagSet) Run {
	person := int64Flag(fs, "person", 0, personRange, "mã đoàn viên")
	from := fs.String("from", "", "tháng bắt đầu miễn, mm/yyyy")
	n := intFlag(fs, "months", 0, domain.IntRange{Field: "Months", Label: "Số tháng miễn", Min: 1, Max: 99}, "số tháng miễn (tối đa 6)")
	decision := fs.String("decision", "", "số quyết định của BCH Đoàn cơ sở")
	decisionDate := fs.String("decision-date", "", "ngày quyết định dd/mm/yyyy")
	reason := fs.String("reason", "", "lý do (hoàn cảnh khó khăn …)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues exempt", args); err != nil {
			return err
		}
		m, err := domain.ParseMonth(*from)
		if err != nil {
			return fmt.Errorf("--from: %w", err)
		}
		d, err := optionalDate("--decision-date", *decisionDate)
		if err != nil {
			return err
		}
		e := domain.DuesExemption{PersonID: *person, From: m, Months: *n, DecisionNumber: domain.Clean(*decision), DecisionDate: d, Reason: domain.Clean(*reason)}
		if err := st.ExemptDues(ctx, &e); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi miễn đoàn phí %d: từ tháng %s đến tháng %s, quyết định số %s ngày %s.\n", e.ID, e.From, e.To(), e.DecisionNumber, e.DecisionDate)
		return nil
	}
}

func duesRemitFlags(fs *flag.FlagSet) Run {
	level := fs.String("level", "branch", "branch (chi đoàn nộp Đoàn cơ sở) hoặc ward (Đoàn cơ sở nộp Tỉnh Đoàn)")
	branch := fs.String("branch", "", "tên chi đoàn (với --level branch)")
	year := thisYearFlag(fs, "year", "năm (mặc định: năm nay)")
	month := intFlag(fs, "month", 0, domain.IntRange{Field: "Month", Label: "Tháng", Min: 1, Max: 12}, "tháng (với --level branch)")
	quarter := intFlag(fs, "quarter", 0, quarterRange, "quý (với --level ward)")
	date := fs.String("date", "", "ngày nộp dd/mm/yyyy (mặc định: hôm nay)")
	paidBy := fs.String("paid-by", "", "người nộp")
	receivedBy := fs.String("received-by", "", "người nhận")
	sum := fs.String("sum", "", "số tiền thu được của kỳ (mặc định: tính từ sổ)")
	note := fs.String("note", "", "ghi chú")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues remit", args); err != nil {
			return err
		}
		r := domain.DuesRemittance{Level: domain.RemitLevel(*level), Year: year(st), PaidBy: domain.Clean(*paidBy), ReceivedBy: domain.Clean(*receivedBy), Note: domain.Clean(*note)}
		var err error
		if r.Date, err = optionalDate("--date", *date); err != nil {
			return err
		}
		if r.Date.IsZero() {
			r.Date = st.Today()
		}
		switch r.Level {
		case domain.RemitBranch:
			r.Period = *month
			if r.BranchID, err = branchArg(ctx, st, *branch, true); err != nil {
				return err
			}
		case domain.RemitWard:
			r.Period = *quarter
		}
		if *sum != "" {
			if r.Sum, err = domain.ParseMoney(*sum); err != nil {
				return fmt.Errorf("--sum: %w", err)
			}
		}
		if err := st.RemitDues(ctx, &r); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi trích nộp %d, %s: thu %s đồng, nộp lên %s đồng, giữ lại %s đồng, ngày %s.\n", r.ID, r.PeriodLabel(),
			domain.Money(r.Sum), domain.Money(r.Up), domain.Money(r.Kept), r.Date)
		return nil
	}
}

func duesRemittancesFlags(fs *flag.FlagSet) Run {
	year := intFlag(fs, "year", 0, domain.YearRange, "năm (mặc định: mọi năm)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues remittances", args); err != nil {
			return err
		}
		list, err := st.DuesRemittances(ctx, *year, domain.Date{})
		if err != nil {
			return err
		}
		rows := [][]string{{"Mã", "Ngày nộp", "Cấp", "Chi đoàn", "Kỳ", "Thu", "Nộp lên", "Giữ lại", "Người nộp", "Người nhận"}}
		for _, r := range list {
			rows = append(rows, []string{strconv.FormatInt(r.ID, 10), r.Date.String(), domain.LabelOf(domain.RemitLevels, string(r.Level)), r.BranchName,
				r.PeriodLabel(), domain.Money(r.Sum), domain.Money(r.Up), domain.Money(r.Kept), r.PaidBy, r.ReceivedBy})
		}
		return writeRows(stdout, "table", rows)
	}
}

func duesSummaryFlags(fs *flag.FlagSet) Run {
	year := thisYearFlag(fs, "year", "năm (mặc định: năm nay)")
	quarter := intFlag(fs, "quarter", 0, quarterRange, "quý, 1 đến 4")
	date := fs.String("date", "", "số liệu tính đến ngày dd/mm/yyyy (mặc định: hôm nay)")
	format := fs.String("format", "table", "table hoặc csv")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues summary", args); err != nil {
			return err
		}
		if *quarter == 0 {
			return fmt.Errorf("dues summary: cần --quarter 1 đến 4")
		}
		cut, err := optionalDate("--date", *date)
		if err != nil {
			return err
		}
		s, err := st.DuesSummary(ctx, year(st), *quarter, cut)
		if err != nil {
			return err
		}
		up, kept := s.Rules.ShareLabel()
		rows := [][]string{{"STT", "Chi đoàn", "Số đoàn viên", "Phải thu hưởng lương", "Phải thu không hưởng lương", "Phải thu ở nước ngoài", "Được miễn", "Phải nộp", "Đã thu",
			"Giữ lại " + kept, "Nộp lên " + up, "Ngày nộp"}}
		line := func(n string, r domain.DuesSummaryRow) []string {
			return []string{n, r.BranchName, strconv.Itoa(r.Members), domain.Money(r.OwedWage), domain.Money(r.OwedNoWage), domain.Money(r.OwedAbroad), domain.Money(r.Exempt),
				domain.Money(r.Due), domain.Money(r.Collected), domain.Money(r.Kept), domain.Money(r.Up), r.Remitted.String()}
		}
		for i, r := range s.Rows {
			rows = append(rows, line(strconv.Itoa(i+1), r))
		}
		rows = append(rows, line("", s.Total))
		if err := writeRows(stdout, *format, rows); err != nil {
			return err
		}
		if *format != "csv" {
			if w := s.WardRemit; w != nil {
				fmt.Fprintf(stdout, "Đoàn cơ sở nộp cấp trên ngày %s: nhận %s đồng, nộp lên %s đồng, giữ lại %s đồng.\n", w.Date, domain.Money(w.Sum), domain.Money(w.Up), domain.Money(w.Kept))
			} else {
				fmt.Fprintf(stdout, "Đoàn cơ sở chưa nộp đoàn phí quý %s lên cấp trên.\n", domain.RomanQuarter(s.Quarter))
			}
		}
		return nil
	}
}

func duesUnpaidFlags(fs *flag.FlagSet) Run {
	branch := fs.String("branch", "", "tên chi đoàn (mặc định: mọi chi đoàn)")
	year := thisYearFlag(fs, "year", "năm (mặc định: năm nay)")
	date := fs.String("date", "", "tính đến ngày dd/mm/yyyy (mặc định: hôm nay)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues unpaid", args); err != nil {
			return err
		}
		id, cut, err := branchAndDate(ctx, st, *branch, false, *date)
		if err != nil {
			return err
		}
		list, err := st.DuesUnpaidList(ctx, id, year(st), cut)
		if err != nil {
			return err
		}
		rows := [][]string{{"STT", "Mã", "Họ và tên", "Chi đoàn", "Tháng chưa đóng", "Số tiền"}}
		var sum int64
		for i, u := range list {
			ms := make([]string, len(u.Months))
			for j, m := range u.Months {
				ms[j] = m.String()
			}
			rows = append(rows, []string{strconv.Itoa(i + 1), strconv.FormatInt(u.PersonID, 10), u.Name, u.BranchName, strings.Join(ms, ", "), domain.Money(u.Amount)})
			sum += u.Amount
		}
		if err := writeRows(stdout, "table", rows); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Tổng cộng: %d đoàn viên chưa đóng, %s đồng.\n", len(list), domain.Money(sum))
		return nil
	}
}

func duesImportFlags(fs *flag.FlagSet) Run {
	branch := fs.String("branch", "", "tên chi đoàn của bảng")
	year := thisYearFlag(fs, "year", "năm của bảng (mặc định: năm nay)")
	date := fs.String("date", "", "ngày đóng khi bảng không có cột Ngày đóng (mặc định: hôm nay)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if len(args) != 1 {
			return fmt.Errorf("dues import: cần đúng một TỆP.xlsx")
		}
		id, d, err := branchAndDate(ctx, st, *branch, true, *date)
		if err != nil {
			return err
		}
		if d.IsZero() {
			d = st.Today()
		}
		in, err := sheet.ImportDues(ctx, st, args[0], id, year(st), d)
		if err != nil {
			return err
		}
		if len(in.Problems) > 0 {
			for _, p := range in.Problems {
				fmt.Fprintln(stderr, p.String())
			}
			return fmt.Errorf("bảng có %d lỗi: không ghi gì vào sổ", len(in.Problems))
		}
		fmt.Fprintf(stdout, "Đã nhập %d đoàn viên, %d tháng, %s đồng.\n", in.Members, in.Months, domain.Money(in.Amount))
		return nil
	}
}

func duesRulesFlags(fs *flag.FlagSet) Run {
	from := fs.String("from", "", "áp dụng từ ngày dd/mm/yyyy (có --from thì ghi mức mới)")
	def := domain.DefaultDuesRules()
	wage := fs.String("wage", domain.Money(def.Wage), "mức đóng hưởng lương (đồng/tháng)")
	noWage := fs.String("no-wage", domain.Money(def.NoWage), "mức đóng không hưởng lương (đồng/tháng)")
	abroad := fs.String("abroad", domain.Money(def.Abroad), "mức tối thiểu ở nước ngoài (đồng/tháng)")
	up := fs.String("up", "1/3", "phần nộp lên cấp trên")
	maxEx := intFlag(fs, "max-exempt", def.MaxExemptions, domain.IntRange{Field: "MaxExemptions", Label: "Số tháng miễn tối đa", Min: 1, Max: 24}, "số tháng miễn tối đa")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues rules", args); err != nil {
			return err
		}
		if *from != "" {
			r := domain.DuesRules{MaxExemptions: *maxEx}
			var err error
			if r.From, err = domain.ParseDate(*from); err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			for _, x := range []struct {
				flag string
				v    string
				to   *int64
			}{{"--wage", *wage, &r.Wage}, {"--no-wage", *noWage, &r.NoWage}, {"--abroad", *abroad, &r.Abroad}} {
				if *x.to, err = domain.ParseMoney(x.v); err != nil {
					return fmt.Errorf("%s: %w", x.flag, err)
				}
			}
			if _, err := fmt.Sscanf(*up, "%d/%d", &r.UpNum, &r.UpDen); err != nil {
				return fmt.Errorf("--up %q: ghi dạng 1/3", *up)
			}
			if err := st.SaveDuesRules(ctx, &r); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã ghi mức đóng đoàn phí áp dụng từ %s.\n", r.From)
		}
		list, err := st.DuesRulesList(ctx)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			list = []domain.DuesRules{def}
			fmt.Fprintln(stdout, "Sổ chưa ghi mức riêng: áp dụng mức của Nghị quyết 07-NQ/TWĐTN.")
		}
		rows := [][]string{{"Áp dụng từ", "Hưởng lương", "Không hưởng lương", "Ở nước ngoài (tối thiểu)", "Nộp lên", "Miễn tối đa (tháng)"}}
		for _, r := range list {
			u, _ := r.ShareLabel()
			rows = append(rows, []string{r.From.String(), domain.Money(r.Wage), domain.Money(r.NoWage), domain.Money(r.Abroad), u, strconv.Itoa(r.MaxExemptions)})
		}
		return writeRows(stdout, "table", rows)
	}
}

func duesCashFlags(fs *flag.FlagSet) Run {
	branch := fs.String("branch", "", "tên chi đoàn")
	year := thisYearFlag(fs, "year", "năm (mặc định: năm nay)")
	add := fs.Bool("add", false, "ghi thêm một dòng thu hoặc chi")
	date := fs.String("date", "", "ngày của dòng (với --add)")
	content := fs.String("content", "", "nội dung (với --add)")
	receipt := fs.String("receipt", "", "số tiền thu (với --add)")
	spending := fs.String("spending", "", "số tiền chi (với --add)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("dues cash", args); err != nil {
			return err
		}
		id, err := branchArg(ctx, st, *branch, true)
		if err != nil {
			return err
		}
		if *add {
			e := domain.CashEntry{BranchID: id, Content: domain.Clean(*content)}
			if e.Date, err = optionalDate("--date", *date); err != nil {
				return err
			}
			for _, x := range []struct {
				flag, v string
				to      *int64
			}{{"--receipt", *receipt, &e.Receipt}, {"--spending", *spending, &e.Spending}} {
				if x.v != "" {
					if *x.to, err = domain.ParseMoney(x.v); err != nil {
						return fmt.Errorf("%s: %w", x.flag, err)
					}
				}
			}
			if err := st.SaveCashEntry(ctx, &e); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã ghi dòng %d vào sổ thu, chi.\n", e.ID)
		}
		y := year(st)
		book, err := st.CashBook(ctx, id, domain.MustDate(y, 1, 1), domain.MustDate(y, 12, 31))
		if err != nil {
			return err
		}
		rows := [][]string{{"Ngày", "Nội dung", "Thu", "Chi", "Tồn"}, {"", "Tồn đầu năm", "", "", domain.Money(book.Opening)}}
		for _, e := range book.Entries {
			rows = append(rows, []string{e.Date.String(), e.Content, moneyOrBlank(e.Receipt), moneyOrBlank(e.Spending), domain.Money(e.Balance)})
		}
		rows = append(rows, []string{"", "Cộng", domain.Money(book.Receipts), domain.Money(book.Spending), domain.Money(book.Closing)})
		fmt.Fprintf(stdout, "Sổ thu, chi %s năm %d\n", book.BranchName, y)
		return writeRows(stdout, "table", rows)
	}
}

func moneyOrBlank(n int64) string {
	if n == 0 {
		return ""
	}
	return domain.Money(n)
}

// branchAndDate reads the --branch (required or not) and --date that the
// dues sheets take, in that order.
func branchAndDate(ctx context.Context, st *store.Store, branch string, required bool, date string) (int64, domain.Date, error) {
	id, err := branchArg(ctx, st, branch, required)
	if err != nil {
		return 0, domain.Date{}, err
	}
	d, err := optionalDate("--date", date)
	return id, d, err
}
