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

var cmdReport = &Command{
	Name:    "report",
	Args:    "LOẠI [tham số] --out TỆP.pdf",
	SubNoun: "loại văn bản",
	Long: `Tệp --out đã có chỉ được thay khi có --force; sổ và bản sao lưu không bao giờ bị ghi đè.

Loại văn bản (mỗi văn bản lấy số từ sổ văn bản đi của đơn vị; xuất lại
cùng văn bản (cùng loại, kỳ và ngày tính số liệu) thì giữ số cũ và thêm
một lần ban hành vào sổ; --renumber lấy số mới. Số văn bản đi của một năm
liền một dãy cho mọi loại và theo thứ tự ngày):
`,
	Subs: []*Command{
		reportCmd("annual", "--year Y [--half 1] [--cutoff dd/mm/yyyy]", "báo cáo kết quả thực hiện kế hoạch năm Y; --half 1: báo cáo sơ kết 6 tháng đầu năm (BC)", issuing.Annual, annualHalfFlags),
		reportCmd("period", "[--cutoff dd/mm/yyyy]", "báo cáo sơ kết / tổng kết giai đoạn của kế hoạch (BC)", issuing.Period, cutoffFlag),
		reportCmd("plan", "", "kế hoạch hiện hành, in số và ngày của kế hoạch (KH)", issuing.Plan, nil),
		reportCmd("members", "[--branch TÊN] [--personal] [--cutoff dd/mm/yyyy]", "danh sách đoàn viên tại một ngày: ngày --cutoff, mặc định ngày ban hành --date (BC)", issuing.Members, membersFlags),
		reportCmd("clubs", "", "danh sách câu lạc bộ và thành viên (BC)", issuing.Clubs, nil),
		reportCmd("coops", "--year Y", "danh sách tổ hợp tác và kết quả năm Y (BC)", issuing.Coops, yearFlag),
		reportCmd("transfer", "--member MÃ --to ĐƠN_VỊ [--keep-active]", "giấy giới thiệu sinh hoạt Đoàn (GGT), ghi nhận chuyển đi", issuing.Transfer, transferFlags),
		reportCmd("work", "--year Y [--quarter Q | --half 1|2] [--cutoff dd/mm/yyyy]", "báo cáo công tác Đoàn quý Q, 6 tháng đầu (1) hoặc cuối (2) năm, hoặc tổng kết năm Y, kèm biểu thống kê (BC)", issuing.Work, workFlags),
		reportCmd("consolidated", "--year Y [--cutoff dd/mm/yyyy]", "báo cáo tổng hợp các phường (sổ tổng hợp của cấp trên, BC)", issuing.Consolidated, annualFlags),
		cmdReportDecision, cmdReportBook, cmdReportResidence,
	},
}

// fillRequest fills a document's own part of the request from its flags.
type fillRequest func(ctx context.Context, st *store.Store, r *issuing.Request) error

// reportCmd is `report NAME`: one kind of document, whose own flags (own,
// none when nil) fill the request beside the flags every document takes.
func reportCmd(name, args, short string, kind issuing.Kind, own func(fs *flag.FlagSet) fillRequest) *Command {
	return &Command{
		Name:  name,
		Args:  synopsis(args, "--out TỆP.pdf"),
		Short: short,
		Flags: func(fs *flag.FlagSet) Run { return reportFlags("report "+name, kind, own, fs) },
	}
}

// runReport runs `report …` on an open register, as main would.
func runReport(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	return invoke(ctx, cmdReport, args, given(st), stdout, stderr)
}

// reportFlags issues one document as PDF through package issuing, the
// same workflow the window uses.
func reportFlags(name string, kind issuing.Kind, own func(fs *flag.FlagSet) fillRequest, fs *flag.FlagSet) Run {
	f := documentFlags(fs)
	fill := func(context.Context, *store.Store, *issuing.Request) error { return nil }
	if own != nil {
		fill = own(fs)
	}
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs(name, args); err != nil {
			return err
		}
		if *f.out == "" {
			fs.Usage()
			return fmt.Errorf("%s: thiếu --out TỆP.pdf", name)
		}
		req := issuing.Request{Kind: kind, Path: *f.out, Number: *f.number, Renumber: *f.renumber,
			Unsigned: *f.unsigned, Deputy: *f.deputy, Replace: *f.force}
		if *f.date != "" {
			d, err := domain.ParseDate(*f.date)
			if err != nil {
				return fmt.Errorf("--date: %w", err)
			}
			req.Date = d
		}
		if st.ReadOnly() {
			return fmt.Errorf("%s: %w", name, store.ErrReadOnly)
		}
		// Checked before the register is read: never the register itself, an
		// existing file only with --force (issuing checks again when writing).
		if err := st.Output(*f.out, *f.force).Check(); err != nil {
			return err
		}
		if err := fill(ctx, st, &req); err != nil {
			return err
		}
		out, err := issuing.Issue(ctx, st, req)
		if err != nil {
			return err
		}
		if out.TransferRecorded {
			fmt.Fprintf(stdout, "Đã ghi nhận chuyển sinh hoạt đi từ ngày %s.\n", out.Doc.Issued)
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
}

// commonFlags are the flags every document takes.
type commonFlags struct {
	out, date                  *string
	number                     *int
	unsigned, deputy, renumber *bool
	force                      *bool
}

// documentFlags defines the flags every document takes.
func documentFlags(fs *flag.FlagSet) commonFlags {
	var f commonFlags
	f.out = fs.String("out", "", "tệp PDF sẽ ghi (bắt buộc)")
	f.date = fs.String("date", "", "ngày ban hành dd/mm/yyyy (mặc định: hôm nay)")
	f.number = intFlag(fs, "number", 0, domain.DocumentNumberRange, "số văn bản tự chọn, 1 đến 99.999 (mặc định: số đã cấp cho chính văn bản này, hoặc số tiếp theo)")
	f.force = fs.Bool("force", false, "thay thế tệp --out đã có")
	f.renumber = fs.Bool("renumber", false, "lấy số mới dù văn bản này đã có số")
	f.unsigned = fs.Bool("unsigned", false, "in \"(Đã ký)\" ở chỗ chữ ký, cho bản gửi qua thư điện tử")
	f.deputy = fs.Bool("deputy", false, "Phó Bí thư ký thay Bí thư (KT. BÍ THƯ)")
	return f
}

func annualFlags(fs *flag.FlagSet) fillRequest {
	year := yearFlag(fs)
	cutoff := cutoffFlag(fs)
	return func(ctx context.Context, st *store.Store, r *issuing.Request) error {
		if err := year(ctx, st, r); err != nil {
			return err
		}
		return cutoff(ctx, st, r)
	}
}

// annualHalfFlags are the annual report's: --half 1 makes it the 6-month
// report (sơ kết 6 tháng đầu năm), a document of its own.
func annualHalfFlags(fs *flag.FlagSet) fillRequest {
	annual := annualFlags(fs)
	half := fs.Int("half", 0, "1: báo cáo sơ kết 6 tháng đầu năm (số liệu tính đến hết 6 tháng đầu năm)")
	return func(ctx context.Context, st *store.Store, r *issuing.Request) error {
		switch *half {
		case 0:
		case 1:
			r.Kind = issuing.HalfYear
		default:
			return fmt.Errorf("--half %d: chỉ có --half 1 (sơ kết 6 tháng đầu năm); báo cáo cả năm không cần --half", *half)
		}
		return annual(ctx, st, r)
	}
}

func yearFlag(fs *flag.FlagSet) fillRequest {
	year := intFlag(fs, "year", 0, domain.YearRange, "năm, 1950 đến 2100 (mặc định: năm của ngày ban hành)")
	return func(_ context.Context, _ *store.Store, r *issuing.Request) error {
		r.Year = *year
		return nil
	}
}

func cutoffFlag(fs *flag.FlagSet) fillRequest {
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

func membersFlags(fs *flag.FlagSet) fillRequest {
	branch := fs.String("branch", "", "chỉ một chi đoàn (tên)")
	personal := fs.Bool("personal", false, "thêm số CCCD, điện thoại, địa chỉ")
	// The list is who was a member on that day (admitted by it, not gone
	// by it), with the offices held that day.
	cutoff := fs.String("cutoff", "", "danh sách đoàn viên tại ngày dd/mm/yyyy (mặc định: ngày ban hành)")
	return func(ctx context.Context, st *store.Store, r *issuing.Request) error {
		r.Personal = *personal
		if *cutoff != "" {
			d, err := domain.ParseDate(*cutoff)
			if err != nil {
				return fmt.Errorf("--cutoff: %w", err)
			}
			r.Cutoff = d
		}
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

func transferFlags(fs *flag.FlagSet) fillRequest {
	member := int64Flag(fs, "member", 0, domain.IDRange, "mã đoàn viên chuyển đi (bắt buộc)")
	to := fs.String("to", "", "đơn vị nhận, in ở dòng Kính gửi (bắt buộc, trừ khi đã ghi nhận chuyển đi)")
	reason := fs.String("reason", "", "lý do chuyển sinh hoạt")
	keep := fs.Bool("keep-active", false, "không ghi nhận chuyển đi (mặc định: đoàn viên đang sinh hoạt được ghi chuyển đi từ ngày của giấy)")
	return func(_ context.Context, _ *store.Store, r *issuing.Request) error {
		r.MemberID, r.To, r.Reason = *member, strings.TrimSpace(*to), *reason
		r.RecordTransfer = !*keep
		return nil
	}
}

// workFlags are the work report's: the year, and a quarter or a half
// (neither: the year's tổng kết).
func workFlags(fs *flag.FlagSet) fillRequest {
	annual := annualFlags(fs)
	quarter := fs.Int("quarter", 0, "quý 1 đến 4 của năm công tác")
	half := fs.Int("half", 0, "1: 6 tháng đầu năm; 2: 6 tháng cuối năm")
	return func(ctx context.Context, st *store.Store, r *issuing.Request) error {
		r.Quarter, r.Half = *quarter, *half
		if err := domain.CheckWorkPeriod(domain.WorkPeriod{Quarter: r.Quarter, Half: r.Half}); err != nil {
			return fmt.Errorf("--quarter/--half: %w", err)
		}
		return annual(ctx, st, r)
	}
}
