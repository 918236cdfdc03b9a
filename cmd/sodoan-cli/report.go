package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"sodoan/report"
	"sodoan/store"
)

const reportUsage = `Cách dùng: sodoan-cli --db TỆP report LOẠI [tham số] --out TỆP.pdf

Loại văn bản (mỗi văn bản lấy số từ sổ văn bản đi của đơn vị):
  annual --year Y                      báo cáo kết quả thực hiện kế hoạch năm Y (BC)
  period                               báo cáo sơ kết / tổng kết giai đoạn của kế hoạch (BC)
  members [--branch TÊN] [--personal]  danh sách đoàn viên (DS)
  clubs                                danh sách câu lạc bộ và thành viên (DS)
  coops --year Y                       danh sách tổ hợp tác và kết quả năm Y (DS)
  transfer --member MÃ --to ĐƠN_VỊ     giấy giới thiệu sinh hoạt Đoàn (GGT)
`

// reportCmd is one kind of document: its flags and how it is made.
type reportCmd struct {
	synopsis string
	docType  string
	flags    func(fs *flag.FlagSet) func(ctx context.Context, st *store.Store) (job, error)
}

// job is a document ready to be numbered and written.
type job struct {
	title string // the register's title of the document
	write func(m report.Meta, w io.Writer) error
	// recipients replaces the default recipients when set.
	recipients []string
}

func reportCmds() map[string]reportCmd {
	return map[string]reportCmd{
		"annual":   {"report annual --year Y --out TỆP.pdf", report.AnnualType, annualFlags},
		"period":   {"report period --out TỆP.pdf", report.AnnualType, periodFlags},
		"members":  {"report members [--branch TÊN] [--personal] --out TỆP.pdf", report.ListType, membersFlags},
		"clubs":    {"report clubs --out TỆP.pdf", report.ListType, clubsFlags},
		"coops":    {"report coops --year Y --out TỆP.pdf", report.ListType, coopsFlags},
		"transfer": {"report transfer --member MÃ --to ĐƠN_VỊ --out TỆP.pdf", report.TransferType, transferFlags},
	}
}

// runReport writes one document as PDF: `report annual|period|members|
// clubs|coops|transfer … --out F.pdf`. The document takes the next number
// of its type and year from the unit's register (or --number), and the
// register records the file.
func runReport(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	cmds := reportCmds()
	if len(args) == 0 || strings.TrimLeft(args[0], "-") == "help" || strings.TrimLeft(args[0], "-") == "h" {
		fmt.Fprint(stderr, reportUsage)
		// main passes "--help" alone, without the document it was
		// asked about: show every document's own flags.
		for _, name := range []string{"annual", "period", "members", "clubs", "coops", "transfer"} {
			c := cmds[name]
			fs := reportFlags(name, c, stderr)
			fmt.Fprintf(stderr, "\n%s:\n", c.synopsis)
			fs.fs.PrintDefaults()
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
	f := reportFlags(name, c, stderr)
	fs, out, date, number, unsigned, deputy, prepare := f.fs, f.out, f.date, f.number, f.unsigned, f.deputy, f.prepare
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("report %s: tham số thừa %q", name, fs.Args())
	}
	if *out == "" {
		fs.Usage()
		return fmt.Errorf("report %s: thiếu --out TỆP.pdf", name)
	}
	issued := store.Today()
	if *date != "" {
		d, err := store.ParseDate(*date)
		if err != nil {
			return fmt.Errorf("--date: %w", err)
		}
		issued = d
	}
	if st == nil {
		return fmt.Errorf("report %s: chưa mở sổ", name)
	}
	if st.ReadOnly() {
		return fmt.Errorf("report %s: %w", name, store.ErrReadOnly)
	}
	j, err := prepare(ctx, st)
	if err != nil {
		return err
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		return err
	}
	path, err := filepath.Abs(*out)
	if err != nil {
		return fmt.Errorf("đường dẫn %s: %w", *out, err)
	}
	// The file is written first and the number entered after it: a
	// failure or a kill never leaves a number without its file.
	doc := store.Document{Type: c.docType, Number: *number, Title: j.title, Issued: issued, File: path}
	if doc.Number == 0 {
		if doc.Number, err = st.NextDocumentNumber(ctx, issued.Year(), c.docType); err != nil {
			return err
		}
	} else if err := numberFree(ctx, st, doc); err != nil {
		return err
	}
	meta := report.Meta{Unit: unit, Number: doc.Number, Date: issued, Recipients: report.DefaultRecipients(unit),
		Unsigned: *unsigned, Deputy: *deputy}
	if j.recipients != nil {
		meta.Recipients = j.recipients
	}
	if err := store.WriteFile(path, func(w io.Writer) error { return j.write(meta, w) }); err != nil {
		return err
	}
	if err := st.IssueDocument(ctx, &doc); err != nil {
		// Taken meanwhile by another process: the file goes with it.
		return errors.Join(err, os.Remove(path))
	}
	fmt.Fprintf(stdout, "Đã xuất %s số %s: %s\n", j.title, doc.Symbol(unit.IssuerCode), path)
	return nil
}

// numberFree refuses a number given by hand that a document of the type
// and year has already, before any file is written.
func numberFree(ctx context.Context, st *store.Store, d store.Document) error {
	docs, err := st.Documents(ctx, d.Issued.Year())
	if err != nil {
		return err
	}
	for _, o := range docs {
		if o.Type == d.Type && o.Number == d.Number {
			return &store.ValidationError{Errors: []store.FieldError{{Field: "Number", Label: "Số",
				Msg: fmt.Sprintf("số %d-%s năm %d đã cấp cho văn bản %q", d.Number, d.Type, d.Issued.Year(), o.Title)}}}
		}
	}
	return nil
}

// commonFlags are the flags every document takes, with the document's own.
type commonFlags struct {
	fs               *flag.FlagSet
	out, date        *string
	number           *int
	unsigned, deputy *bool
	prepare          func(context.Context, *store.Store) (job, error)
}

func reportFlags(name string, c reportCmd, stderr io.Writer) commonFlags {
	fs := newFlags("report "+name, c.synopsis, stderr)
	f := commonFlags{fs: fs}
	f.out = fs.String("out", "", "tệp PDF sẽ ghi (bắt buộc)")
	f.date = fs.String("date", "", "ngày ban hành dd/mm/yyyy (mặc định: hôm nay)")
	f.number = fs.Int("number", 0, "số văn bản tự chọn (mặc định: số tiếp theo trong sổ văn bản đi)")
	f.unsigned = fs.Bool("unsigned", false, "in \"(Đã ký)\" ở chỗ chữ ký, cho bản gửi qua thư điện tử")
	f.deputy = fs.Bool("deputy", false, "Phó Bí thư ký thay Bí thư")
	f.prepare = c.flags(fs)
	return f
}

func annualFlags(fs *flag.FlagSet) func(context.Context, *store.Store) (job, error) {
	year := fs.Int("year", store.Today().Year(), "năm báo cáo")
	return func(ctx context.Context, st *store.Store) (job, error) {
		a, err := report.AnnualFrom(ctx, st, *year)
		if err != nil {
			return job{}, err
		}
		return job{
			title: report.AnnualSummary(a.Plan, *year),
			write: func(m report.Meta, w io.Writer) error { a.Meta = m; return report.WriteAnnual(w, a) },
		}, nil
	}
}

func periodFlags(fs *flag.FlagSet) func(context.Context, *store.Store) (job, error) {
	return func(ctx context.Context, st *store.Store) (job, error) {
		p, err := report.PeriodFrom(ctx, st)
		if err != nil {
			return job{}, err
		}
		return job{
			title: report.PeriodSummary(p.Result),
			write: func(m report.Meta, w io.Writer) error { p.Meta = m; return report.WritePeriod(w, p) },
		}, nil
	}
}

func membersFlags(fs *flag.FlagSet) func(context.Context, *store.Store) (job, error) {
	branch := fs.String("branch", "", "chỉ một chi đoàn (tên)")
	personal := fs.Bool("personal", false, "thêm số CCCD, điện thoại, địa chỉ")
	return func(ctx context.Context, st *store.Store) (job, error) {
		unit, err := st.Unit(ctx)
		if err != nil {
			return job{}, err
		}
		var branchID int64
		if *branch != "" {
			b, err := st.BranchByName(ctx, *branch)
			if err != nil {
				return job{}, fmt.Errorf("chi đoàn %q: %w", *branch, err)
			}
			branchID = b.ID
		}
		// Members stream from the register into the PDF.
		l, err := report.MemberListFrom(ctx, st, branchID, *personal)
		if err != nil {
			return job{}, err
		}
		summary := l.Summary
		if summary == "" {
			summary = "Đoàn viên " + report.UnitName(unit)
		}
		return job{
			title: "Danh sách " + lowerFirst(summary),
			write: func(m report.Meta, w io.Writer) error { l.Meta = m; return report.WriteMemberList(w, l) },
		}, nil
	}
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func clubsFlags(fs *flag.FlagSet) func(context.Context, *store.Store) (job, error) {
	return func(ctx context.Context, st *store.Store) (job, error) {
		c, err := report.ClubsFrom(ctx, st)
		if err != nil {
			return job{}, err
		}
		return job{
			title: "Danh sách câu lạc bộ và thành viên",
			write: func(m report.Meta, w io.Writer) error { c.Meta = m; return report.WriteClubs(w, c) },
		}, nil
	}
}

func coopsFlags(fs *flag.FlagSet) func(context.Context, *store.Store) (job, error) {
	year := fs.Int("year", store.Today().Year(), "năm của kết quả hoạt động")
	return func(ctx context.Context, st *store.Store) (job, error) {
		c, err := report.CoopsFrom(ctx, st, *year)
		if err != nil {
			return job{}, err
		}
		return job{
			title: fmt.Sprintf("Danh sách tổ hợp tác và kết quả hoạt động năm %d", *year),
			write: func(m report.Meta, w io.Writer) error { c.Meta = m; return report.WriteCoops(w, c) },
		}, nil
	}
}

func transferFlags(fs *flag.FlagSet) func(context.Context, *store.Store) (job, error) {
	member := fs.Int64("member", 0, "mã đoàn viên chuyển đi (bắt buộc)")
	to := fs.String("to", "", "đơn vị nhận (bắt buộc)")
	reason := fs.String("reason", "", "lý do chuyển sinh hoạt")
	return func(ctx context.Context, st *store.Store) (job, error) {
		t, err := report.TransferFrom(ctx, st, *member, strings.TrimSpace(*to), *reason)
		if err != nil {
			return job{}, err
		}
		return job{
			title:      "Giấy giới thiệu sinh hoạt Đoàn cho " + t.Person.FullName(),
			recipients: t.Recipients,
			write:      func(m report.Meta, w io.Writer) error { t.Meta = m; return report.WriteTransfer(w, t) },
		}, nil
	}
}
