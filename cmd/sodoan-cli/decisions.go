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
	"sodoan/issuing"
	"sodoan/store"
)

// The ward's decisions and the branch book (issue 20): `report decision`,
// `report book` and `decisions list`, wiring only: the decision is
// issued by issuing.IssueDecision and the book by issuing.IssueBook, as
// the window does.

var cmdDecisions = &Command{
	Name: "decisions",
	Open: store.OpenOptions{ReadOnly: true},
	Subs: []*Command{{
		Name:  "list",
		Args:  "[--year Y]",
		Short: "quyết định của Ban Chấp hành: số, ngày, loại, người, hình thức, lý do",
		Flags: decisionsListFlags,
	}},
}

func decisionsListFlags(fs *flag.FlagSet) Run {
	year := intFlag(fs, "year", 0, domain.YearRange, "chỉ một năm (mặc định: mọi năm)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("decisions list", args); err != nil {
			return err
		}
		decs, err := st.Decisions(ctx, *year)
		if err != nil {
			return err
		}
		if len(decs) == 0 {
			fmt.Fprintln(stdout, "Chưa có quyết định nào.")
			return nil
		}
		u, err := st.Unit(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Số, ký hiệu\tNgày\tLoại\tNgười\tHình thức, lý do\tNgười ký")
		for _, d := range decs {
			what := strings.TrimPrefix(strings.Join([]string{d.FormLabel(), d.Reason}, ": "), ": ")
			what = strings.TrimSuffix(what, ": ")
			if d.Kind == domain.DecisionElection {
				what = domain.BranchTitle(d.BranchName) + " nhiệm kỳ " + d.Term
			}
			if d.Kind == domain.DecisionExemption {
				what = fmt.Sprintf("%d tháng từ %s: %s", d.ExemptMonths, d.ExemptFrom, d.Reason)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", d.Symbol(u.IssuerCode), d.Date, d.Kind.Label(),
				domain.DecisionPeopleNames(d.People), what, d.Signer)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Tổng cộng: %s quyết định.\n", domain.FormatInt(int64(len(decs))))
		return nil
	}
}

// decisionKindCodes lists the kinds for --kind.
func decisionKindCodes() string {
	codes := make([]string, len(domain.DecisionKinds))
	for i, k := range domain.DecisionKinds {
		codes[i] = k.Code
	}
	return strings.Join(codes, "|")
}

var cmdReportDecision = &Command{
	Name: "decision",
	Args: "--kind " + decisionKindCodes() + " --people MÃ,MÃ… [--date dd/mm/yyyy] [--reason LÝ_DO] [--form HÌNH_THỨC] " +
		"[--branch TÊN --term NHIỆM_KỲ --roles CV,CV…] [--from mm/yyyy --months N] --out TỆP.pdf",
	Short: "quyết định của Ban Chấp hành (QĐ), ghi cùng lúc các việc nó quyết định",
	Long: `Loại (--kind): admission (kết nạp đoàn viên), maturity (công nhận trưởng thành Đoàn),
removal (xóa tên, cần --reason), election (chuẩn y kết quả bầu cử BCH chi đoàn: --branch,
--term, --roles theo thứ tự --people: branch_secretary, branch_deputy, branch_executive),
commendation (khen thưởng: --form giay_khen|bieu_duong, --reason), discipline (kỷ luật:
--form khien_trach|canh_cao|khai_tru, --reason), exemption (miễn đoàn phí: --from mm/yyyy,
--months N, --reason).
Quyết định lấy số tiếp theo trong sổ văn bản đi; kết nạp, trưởng thành, xóa tên, khai trừ
được ghi vào quá trình sinh hoạt với số và ngày của quyết định (sự kiện đã ghi trước đó mà
chưa có quyết định thì nhận số của quyết định). Một người không hợp lệ thì không ghi gì.
`,
	Flags: reportDecisionFlags,
}

func reportDecisionFlags(fs *flag.FlagSet) Run {
	f := documentFlags(fs)
	kind := fs.String("kind", "", "loại quyết định: "+decisionKindCodes())
	people := fs.String("people", "", "mã những người trong quyết định, cách nhau bởi dấu phẩy")
	reason := fs.String("reason", "", "lý do (xóa tên, khen thưởng, kỷ luật, miễn đoàn phí)")
	form := fs.String("form", "", "hình thức khen thưởng hoặc kỷ luật")
	branch := fs.String("branch", "", "bầu cử: chi đoàn (tên)")
	term := fs.String("term", "", "bầu cử: nhiệm kỳ, ví dụ 2025–2027")
	roles := fs.String("roles", "", "bầu cử: chức vụ của từng người, theo thứ tự --people")
	from := fs.String("from", "", "miễn đoàn phí: từ tháng mm/yyyy")
	months := intFlag(fs, "months", 0, domain.IntRange{Min: 0, Max: 12}, "miễn đoàn phí: số tháng")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("report decision", args); err != nil {
			return err
		}
		if *f.out == "" {
			fs.Usage()
			return fmt.Errorf("report decision: thiếu --out TỆP.pdf")
		}
		if *f.renumber {
			return fmt.Errorf("report decision: mỗi quyết định là một văn bản mới, không có --renumber")
		}
		if st.ReadOnly() {
			return fmt.Errorf("report decision: %w", store.ErrReadOnly)
		}
		if err := st.Output(*f.out, *f.force).Check(); err != nil {
			return err
		}
		dec := domain.Decision{Kind: domain.DecisionKind(*kind), Reason: *reason, Form: *form, Term: *term, ExemptMonths: *months}
		if !domain.ValidCode(domain.DecisionKinds, *kind) {
			return fmt.Errorf("--kind %q: chọn một trong %s", *kind, decisionKindCodes())
		}
		if *f.date != "" {
			d, err := domain.ParseDate(*f.date)
			if err != nil {
				return fmt.Errorf("--date: %w", err)
			}
			dec.Date = d
		}
		ids := strings.FieldsFunc(*people, func(r rune) bool { return r == ',' || r == ' ' })
		var roleList []string
		if *roles != "" {
			roleList = strings.Split(*roles, ",")
			if len(roleList) != len(ids) {
				return fmt.Errorf("--roles: %d chức vụ cho %d người; ghi một chức vụ cho mỗi người, theo thứ tự --people", len(roleList), len(ids))
			}
		}
		for i, s := range ids {
			id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			if err != nil || id <= 0 {
				return fmt.Errorf("--people: %q không phải là mã người", s)
			}
			dp := domain.DecisionPerson{PersonID: id}
			if roleList != nil {
				dp.Role = strings.TrimSpace(roleList[i])
			}
			dec.People = append(dec.People, dp)
		}
		if *branch != "" {
			b, err := st.BranchByName(ctx, *branch)
			if err != nil {
				return err
			}
			dec.BranchID = b.ID
		}
		if *from != "" {
			m, err := domain.ParseMonth(*from)
			if err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			dec.ExemptFrom = m
		}
		out, got, err := issuing.IssueDecision(ctx, st, issuing.DecisionRequest{Decision: dec, Number: *f.number, Deputy: *f.deputy,
			Unsigned: *f.unsigned, Path: *f.out, Replace: *f.force})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ban hành quyết định số %s: %s (%d người): %s\n", out.Symbol, out.Title, len(got.People), out.Path)
		return nil
	}
}

var cmdReportBook = &Command{
	Name:  "book",
	Args:  "--branch TÊN --year Y [--blank] --out TỆP.pdf",
	Short: "sổ chi đoàn của một năm (không lấy số văn bản); --blank: sổ trắng để ghi tay",
	Flags: reportBookFlags,
}

func reportBookFlags(fs *flag.FlagSet) Run {
	out := fs.String("out", "", "tệp PDF sẽ ghi (bắt buộc)")
	force := fs.Bool("force", false, "thay thế tệp --out đã có")
	branch := fs.String("branch", "", "chi đoàn (tên; bắt buộc, trừ sổ trắng)")
	year := intFlag(fs, "year", 0, domain.YearRange, "năm công tác (mặc định: năm nay)")
	blank := fs.Bool("blank", false, "sổ trắng: các bảng kẻ sẵn dòng để ghi tay")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("report book", args); err != nil {
			return err
		}
		if *out == "" {
			fs.Usage()
			return fmt.Errorf("report book: thiếu --out TỆP.pdf")
		}
		if err := st.Output(*out, *force).Check(); err != nil {
			return err
		}
		req := issuing.BookRequest{Year: *year, Blank: *blank, Path: *out, Replace: *force}
		if *branch != "" {
			b, err := st.BranchByName(ctx, *branch)
			if err != nil {
				return err
			}
			req.BranchID = b.ID
		}
		path, err := issuing.IssueBook(ctx, st, req)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã in sổ chi đoàn: %s\n", path)
		return nil
	}
}
