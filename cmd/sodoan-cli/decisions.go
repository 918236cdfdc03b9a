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

// The group opens the register for writing: decisions annul writes.
var cmdDecisions = &Command{
	Name: "decisions",
	Subs: []*Command{{
		Name:  "list",
		Args:  "[--year Y] [--date dd/mm/yyyy]",
		Short: "quyết định của Ban Chấp hành: mã, số, ngày, loại, người, hình thức, lý do, người ký",
		Long: `--date: sổ quyết định như ngày đó: chỉ những quyết định ban hành đến ngày đó; quyết định bị hủy
sau ngày đó vẫn hiện là còn hiệu lực. Mã (cột đầu) dùng cho report decision --id và decisions annul --id.
`,
		Flags: decisionsListFlags,
	}, {
		Name:  "annul",
		Args:  "--id MÃ --date dd/mm/yyyy --reason \"…\" [--by SỐ_QĐ_HỦY]",
		Short: "hủy (thu hồi) một quyết định: gỡ đúng các việc nó đã ghi, số quyết định không cấp lại",
		Long: `Hủy kết nạp, trưởng thành, xóa tên, khai trừ: gỡ sự kiện sinh hoạt quyết định đã ghi cho từng người;
miễn đoàn phí: gỡ các tháng được miễn. Tất cả trong một lần ghi, có lịch sử. Bị từ chối, không đổi gì,
khi một việc sau dựa vào quyết định (người được kết nạp đã chuyển đi, bị xóa tên, giữ chức vụ, có quyết
định khác sau đó). Quyết định chuẩn y bầu cử không hủy trong sổ được. Quyết định vẫn giữ số của nó.
`,
		Flags: decisionsAnnulFlags,
	}},
}

func decisionsAnnulFlags(fs *flag.FlagSet) Run {
	id := fs.Int64("id", 0, "mã quyết định (cột Mã của decisions list)")
	date := fs.String("date", "", "ngày hủy dd/mm/yyyy (bắt buộc)")
	reason := fs.String("reason", "", "lý do hủy (bắt buộc)")
	by := fs.String("by", "", "số quyết định hủy, nếu có (ví dụ 15-QĐ/ĐTN)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("decisions annul", args); err != nil {
			return err
		}
		if *id <= 0 {
			fs.Usage()
			return fmt.Errorf("decisions annul: thiếu --id MÃ")
		}
		a := domain.Annulment{Reason: *reason, Number: *by}
		if *date != "" {
			d, err := domain.ParseDate(*date)
			if err != nil {
				return fmt.Errorf("--date: %w", err)
			}
			a.Date = d
		}
		dec, err := issuing.AnnulDecision(ctx, st, *id, a)
		if err != nil {
			return err
		}
		u, err := st.Unit(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã hủy quyết định số %s ngày %s (%s, %d người) từ ngày %s.\n", dec.Symbol(u.IssuerCode), dec.Date,
			dec.Kind.Label(), len(dec.People), dec.Annulment.Date)
		return nil
	}
}

func decisionsListFlags(fs *flag.FlagSet) Run {
	year := intFlag(fs, "year", 0, domain.YearRange, "chỉ một năm (mặc định: mọi năm)")
	date := fs.String("date", "", "sổ quyết định như ngày dd/mm/yyyy (mặc định: hôm nay)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("decisions list", args); err != nil {
			return err
		}
		on := st.Today()
		if *date != "" {
			d, err := domain.ParseDate(*date)
			if err != nil {
				return fmt.Errorf("--date: %w", err)
			}
			on = d
		}
		all, err := st.Decisions(ctx, *year)
		if err != nil {
			return err
		}
		var decs []domain.Decision
		for _, d := range all {
			if !d.Date.After(on) {
				decs = append(decs, d)
			}
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
		fmt.Fprintln(tw, "Mã\tSố, ký hiệu\tNgày\tLoại\tNgười\tHình thức, lý do\tNgười ký\tHiệu lực")
		for _, d := range decs {
			what := strings.TrimPrefix(strings.Join([]string{d.FormLabel(), d.Reason}, ": "), ": ")
			what = strings.TrimSuffix(what, ": ")
			if d.Kind == domain.DecisionElection {
				what = domain.BranchTitle(d.BranchName) + " nhiệm kỳ " + d.Term
			}
			if d.Kind == domain.DecisionExemption {
				what = fmt.Sprintf("%d tháng từ %s: %s", d.ExemptMonths, d.ExemptFrom, d.Reason)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.ID, d.Symbol(u.IssuerCode), d.Date, d.Kind.Label(),
				domain.DecisionPeopleNames(d.People), what, d.Signer, annulledText(&d, on))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Tổng cộng: %s quyết định.\n", domain.FormatInt(int64(len(decs))))
		return nil
	}
}

// annulledText is the decision's standing on the day on: "Còn hiệu lực",
// or "Đã hủy ngày …" with the annulling decision and the reason.
func annulledText(d *domain.Decision, on domain.Date) string {
	if !d.Annulled(on) {
		return "Còn hiệu lực"
	}
	s := "Đã hủy ngày " + d.Annulment.Date.String()
	if d.Annulment.Number != "" {
		s += " (QĐ " + d.Annulment.Number + ")"
	}
	return s + ": " + d.Annulment.Reason
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
		"[--branch TÊN --term NHIỆM_KỲ --roles CV,CV…] [--from mm/yyyy --months N] --out TỆP.pdf\n" +
		"       report decision --id MÃ | --reprint SỐ [--year Y] --out TỆP.pdf   (in lại quyết định đã ban hành)",
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

In lại: --id MÃ (cột Mã của decisions list) hoặc --reprint SỐ (12 hoặc 12-QĐ/ĐTN) với --year Y
(mặc định năm nay). Bản in lại giữ nguyên số, ngày, người, người ký và nơi nhận như lúc ban hành,
ghi "BẢN SAO" ở lề trên và "(Đã ký)" ở chỗ chữ ký (số đã ký một lần: tờ thứ hai để ký dưới cùng
số sẽ thành bản gốc thứ hai); không lấy số mới, sổ văn bản đi giữ nguyên.
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
	id := fs.Int64("id", 0, "in lại quyết định có mã này (cột Mã của decisions list)")
	reprint := fs.String("reprint", "", "in lại quyết định số này (12 hoặc 12-QĐ/ĐTN), năm --year")
	year := intFlag(fs, "year", 0, domain.YearRange, "năm của quyết định --reprint (mặc định: năm nay)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("report decision", args); err != nil {
			return err
		}
		if *f.out == "" {
			fs.Usage()
			return fmt.Errorf("report decision: thiếu --out TỆP.pdf")
		}
		if *id != 0 || *reprint != "" {
			if *kind != "" || *people != "" || *f.number != 0 || *f.date != "" {
				return fmt.Errorf("report decision: in lại (--id, --reprint) giữ nguyên quyết định đã ban hành, không kèm --kind, --people, --number, --date")
			}
			n := 0
			if *reprint != "" {
				digits := strings.TrimSpace(*reprint)
				if i := strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
					digits = digits[:i]
				}
				v, err := strconv.Atoi(digits)
				if err != nil || v <= 0 {
					return fmt.Errorf("--reprint %q: ghi số quyết định, ví dụ 12 hoặc 12-QĐ/ĐTN", *reprint)
				}
				n = v
			}
			y := *year
			if y == 0 {
				y = st.Today().Year()
			}
			if err := st.Output(*f.out, *f.force).Check(); err != nil {
				return err
			}
			path, dec, err := issuing.ReprintDecision(ctx, st, issuing.ReprintRequest{ID: *id, Year: y, Number: n, Path: *f.out, Replace: *f.force})
			if err != nil {
				return err
			}
			u, err := st.Unit(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã in lại quyết định số %s ngày %s (bản sao, không lấy số mới): %s\n", dec.Symbol(u.IssuerCode), dec.Date, path)
			return nil
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
