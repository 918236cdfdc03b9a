package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"sodoan/domain"
	"sodoan/issuing"
	"sodoan/store"
)

const reportUsage = `Cách dùng: sodoan-cli --db TỆP report LOẠI [tham số] --out TỆP.pdf

Loại văn bản (mỗi văn bản lấy số từ sổ văn bản đi của đơn vị; xuất lại
cùng văn bản thì giữ số cũ, trừ khi có --renumber):
  annual --year Y [--cutoff NGÀY]      báo cáo kết quả thực hiện kế hoạch năm Y (BC)
  period [--cutoff NGÀY]               báo cáo sơ kết / tổng kết giai đoạn của kế hoạch (BC)
  plan                                 kế hoạch hiện hành, in số và ngày của kế hoạch (KH)
  members [--branch TÊN] [--personal]  danh sách đoàn viên (BC)
  clubs                                danh sách câu lạc bộ và thành viên (BC)
  coops --year Y                       danh sách tổ hợp tác và kết quả năm Y (BC)
  transfer --member MÃ --to ĐƠN_VỊ     giấy giới thiệu sinh hoạt Đoàn (GGT)
  consolidated --year Y                báo cáo tổng hợp các phường (sổ tổng hợp của cấp trên, BC)

Tệp --out đã có chỉ được thay khi có --force; sổ và bản sao lưu không bao giờ bị ghi đè.
`

// reportCmd is one kind of document: its synopsis and its own flags,
// which fill the request.
type reportCmd struct {
	synopsis string
	kind     issuing.Kind
	flags    func(fs *flag.FlagSet) func(ctx context.Context, st *store.Store, r *issuing.Request) error
}

var reportOrder = []string{"annual", "period", "plan", "members", "clubs", "coops", "transfer", "consolidated"}

func reportCmds() map[string]reportCmd {
	none := func(*flag.FlagSet) func(context.Context, *store.Store, *issuing.Request) error {
		return func(context.Context, *store.Store, *issuing.Request) error { return nil }
	}
	return map[string]reportCmd{
		"annual":       {"report annual --year Y [--cutoff dd/mm/yyyy] --out TỆP.pdf", issuing.Annual, annualFlags},
		"period":       {"report period [--cutoff dd/mm/yyyy] --out TỆP.pdf", issuing.Period, cutoffFlag},
		"plan":         {"report plan --out TỆP.pdf", issuing.Plan, none},
		"members":      {"report members [--branch TÊN] [--personal] --out TỆP.pdf", issuing.Members, membersFlags},
		"clubs":        {"report clubs --out TỆP.pdf", issuing.Clubs, none},
		"coops":        {"report coops --year Y --out TỆP.pdf", issuing.Coops, yearFlag},
		"transfer":     {"report transfer --member MÃ --to ĐƠN_VỊ --out TỆP.pdf", issuing.Transfer, transferFlags},
		"consolidated": {"report consolidated --year Y [--cutoff dd/mm/yyyy] --out TỆP.pdf", issuing.Consolidated, annualFlags},
	}
}

// runReport issues one document as PDF through package issuing, the same
// workflow the window uses: `report annual|period|plan|members|clubs|
// coops|transfer … --out F.pdf`.
func runReport(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	cmds := reportCmds()
	if len(args) == 0 || strings.TrimLeft(args[0], "-") == "help" || strings.TrimLeft(args[0], "-") == "h" {
		fmt.Fprint(stderr, reportUsage)
		// main passes "--help" alone, without the document it was
		// asked about: show every document's own flags.
		for _, name := range reportOrder {
			c := cmds[name]
			fs, _, _ := reportFlags(name, c, stderr)
			fmt.Fprintf(stderr, "\n%s:\n", c.synopsis)
			fs.PrintDefaults()
		}
		if len(args) == 0 {
			return fmt.Errorf("report: thiếu loại văn bản")
		}
		return flag.ErrHelp
	}
	name := args[0]
	c, ok := cmds[name]
	if !ok {
		fmt.Fprint(stderr, reportUsage)
		return fmt.Errorf("report: không có loại văn bản %q", name)
	}
	fs, f, own := reportFlags(name, c, stderr)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("report %s: tham số thừa %q", name, fs.Args())
	}
	if *f.out == "" {
		fs.Usage()
		return fmt.Errorf("report %s: thiếu --out TỆP.pdf", name)
	}
	req := issuing.Request{Kind: c.kind, Path: *f.out, Number: *f.number, Renumber: *f.renumber,
		Unsigned: *f.unsigned, Deputy: *f.deputy, Replace: *f.force}
	if *f.date != "" {
		d, err := domain.ParseDate(*f.date)
		if err != nil {
			return fmt.Errorf("--date: %w", err)
		}
		req.Date = d
	}
	if st == nil {
		return fmt.Errorf("report %s: chưa mở sổ", name)
	}
	if st.ReadOnly() {
		return fmt.Errorf("report %s: %w", name, store.ErrReadOnly)
	}
	// Checked before the register is read: never the register itself, an
	// existing file only with --force (issuing checks again when writing).
	if err := st.Output(*f.out, *f.force).Check(); err != nil {
		return err
	}
	if err := own(ctx, st, &req); err != nil {
		return err
	}
	out, err := issuing.Issue(ctx, st, req)
	if err != nil {
		return err
	}
	if len(out.Omitted) > 0 {
		fmt.Fprintf(stderr, "Lưu ý: các mục chưa có nội dung không được in: %s.\n", strings.Join(out.Omitted, "; "))
	}
	switch {
	case out.Symbol == "":
		fmt.Fprintf(stdout, "Đã xuất %s: %s\n", out.Title, out.Path)
	case out.Kept:
		fmt.Fprintf(stdout, "Đã xuất lại %s, giữ số %s: %s\n", out.Title, out.Symbol, out.Path)
	default:
		fmt.Fprintf(stdout, "Đã xuất %s số %s: %s\n", out.Title, out.Symbol, out.Path)
	}
	return nil
}

// commonFlags are the flags every document takes.
type commonFlags struct {
	out, date                  *string
	number                     *int
	unsigned, deputy, renumber *bool
	force                      *bool
}

func reportFlags(name string, c reportCmd, stderr io.Writer) (*flag.FlagSet, commonFlags, func(context.Context, *store.Store, *issuing.Request) error) {
	fs := newFlags("report "+name, c.synopsis, stderr)
	var f commonFlags
	f.out = fs.String("out", "", "tệp PDF sẽ ghi (bắt buộc)")
	f.date = fs.String("date", "", "ngày ban hành dd/mm/yyyy (mặc định: hôm nay)")
	f.number = intFlag(fs, "number", 0, domain.DocumentNumberRange, "số văn bản tự chọn, 1 đến 99.999 (mặc định: số đã cấp cho chính văn bản này, hoặc số tiếp theo)")
	f.force = fs.Bool("force", false, "thay thế tệp --out đã có")
	f.renumber = fs.Bool("renumber", false, "lấy số mới dù văn bản này đã có số")
	f.unsigned = fs.Bool("unsigned", false, "in \"(Đã ký)\" ở chỗ chữ ký, cho bản gửi qua thư điện tử")
	f.deputy = fs.Bool("deputy", false, "Phó Bí thư ký thay Bí thư (KT. BÍ THƯ)")
	return fs, f, c.flags(fs)
}

func annualFlags(fs *flag.FlagSet) func(context.Context, *store.Store, *issuing.Request) error {
	year := yearFlag(fs)
	cutoff := cutoffFlag(fs)
	return func(ctx context.Context, st *store.Store, r *issuing.Request) error {
		if err := year(ctx, st, r); err != nil {
			return err
		}
		return cutoff(ctx, st, r)
	}
}

func yearFlag(fs *flag.FlagSet) func(context.Context, *store.Store, *issuing.Request) error {
	year := intFlag(fs, "year", 0, domain.YearRange, "năm, 1950 đến 2100 (mặc định: năm của ngày ban hành)")
	return func(_ context.Context, _ *store.Store, r *issuing.Request) error {
		r.Year = *year
		return nil
	}
}

func cutoffFlag(fs *flag.FlagSet) func(context.Context, *store.Store, *issuing.Request) error {
	cutoff := fs.String("cutoff", "", "số liệu tính đến ngày dd/mm/yyyy (mặc định: ngày ban hành)")
	return func(_ context.Context, _ *store.Store, r *issuing.Request) error {
		d, err := domain.ParseDate(*cutoff)
		if err != nil {
			return fmt.Errorf("--cutoff: %w", err)
		}
		r.Cutoff = d
		return nil
	}
}

func membersFlags(fs *flag.FlagSet) func(context.Context, *store.Store, *issuing.Request) error {
	branch := fs.String("branch", "", "chỉ một chi đoàn (tên)")
	personal := fs.Bool("personal", false, "thêm số CCCD, điện thoại, địa chỉ")
	return func(ctx context.Context, st *store.Store, r *issuing.Request) error {
		r.Personal = *personal
		if *branch != "" {
			b, err := st.BranchByName(ctx, *branch)
			if err != nil {
				return err // it names the branch
			}
			r.BranchID = b.ID
		}
		return nil
	}
}

func transferFlags(fs *flag.FlagSet) func(context.Context, *store.Store, *issuing.Request) error {
	member := int64Flag(fs, "member", 0, domain.IDRange, "mã đoàn viên chuyển đi (bắt buộc)")
	to := fs.String("to", "", "đơn vị nhận (bắt buộc)")
	reason := fs.String("reason", "", "lý do chuyển sinh hoạt")
	return func(_ context.Context, _ *store.Store, r *issuing.Request) error {
		r.MemberID, r.To, r.Reason = *member, strings.TrimSpace(*to), *reason
		return nil
	}
}
