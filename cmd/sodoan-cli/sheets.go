package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"sodoan/outfile"

	"sodoan/domain"
	"sodoan/sheet"
	"sodoan/store"
)

// memberFilterFlags declares the flags that choose people (--q, --branch,
// --status, --kind, --date) on fs; the returned function reads them once parsed.
func memberFilterFlags(fs *flag.FlagSet) func(context.Context, *store.Store) (store.MemberFilter, error) {
	q := fs.String("q", "", "tìm theo tên (không dấu cũng được), số thẻ, CCCD, điện thoại")
	branch := fs.String("branch", "", "tên chi đoàn")
	status := fs.String("status", "", "trạng thái: active, transferred, came_of_age, removed (hoặc nhãn tiếng Việt), all: mọi trạng thái; mặc định: đoàn viên đang sinh hoạt")
	kind := fs.String("kind", "union", "union (đoàn viên), federation (hội viên) hoặc all")
	date := fs.String("date", "", "chỉ người là đoàn viên (hội viên) vào ngày dd/mm/yyyy")
	former := fs.Bool("former", false, "với --kind federation: người đã thôi sinh hoạt Hội (đến --date, hoặc hôm nay)")
	return func(ctx context.Context, st *store.Store) (store.MemberFilter, error) {
		f := store.MemberFilter{Query: *q}
		if *date != "" {
			d, err := domain.ParseDate(*date)
			if err != nil {
				return f, fmt.Errorf("--date: %w", err)
			}
			if *status != "" {
				// The status is today's; the list of a day says who was a
				// member then.
				return f, fmt.Errorf("--date và --status không dùng cùng nhau: --date đã chọn người đang sinh hoạt vào ngày đó")
			}
			f.AsOf = d
		}
		switch *kind {
		case "union":
			f.Kind = store.KindUnion
		case "federation":
			f.Kind = store.KindFederation
		case "all":
		default:
			return f, fmt.Errorf("--kind %q: chọn union, federation hoặc all", *kind)
		}
		if *former {
			if f.Kind != store.KindFederation {
				return f, fmt.Errorf("--former chỉ dùng với --kind federation")
			}
			f.Former = true
			if f.AsOf.IsZero() {
				f.AsOf = st.Today()
			}
		}
		if *branch != "" {
			b, err := st.BranchByName(ctx, *branch)
			if err != nil {
				return f, err
			}
			f.BranchID = b.ID
		}
		switch {
		case *status == "" && f.AsOf.IsZero():
			// The list as the window shows it first (store.DefaultMemberFilter):
			// đoàn viên in activity; a list of a day (--date) says itself who
			// was a member then.
			f.Status = store.DefaultMemberFilter(f.Kind).Status
		case *status == "all" || *status == "Mọi trạng thái":
			// Every status: f.Status stays empty.
		case *status != "":
			code, ok := domain.CodeOfLabel(domain.Statuses, *status)
			if !ok {
				return f, fmt.Errorf("--status %q: không có trạng thái này", *status)
			}
			f.Status = domain.Status(code)
		}
		return f, nil
	}
}

// escapeAll makes every cell of a CSV record safe to open in a
// spreadsheet (no cell runs as a formula).
func escapeAll(rec []string) []string {
	for i, v := range rec {
		rec[i] = sheet.EscapeFormula(v)
	}
	return rec
}

// exportMembers writes the people of f to out; the path is checked before
// the register is read (never the register, an existing file only with
// --force).
func exportMembers(ctx context.Context, st *store.Store, f store.MemberFilter, out outfile.Output, personal bool, stdout io.Writer) error {
	if err := out.Check(); err != nil {
		return err
	}
	n, err := sheet.ExportMembersFile(ctx, st, f, out, sheet.ExportOptions{Personal: personal})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã xuất %s người: %s\n", domain.FormatInt(int64(n)), out.Path)
	return nil
}

var cmdExport = &Command{
	Name: "export",
	Subs: append([]*Command{{
		Name:  "members",
		Args:  "--out TỆP.xlsx|TỆP.csv [--personal] [--q TỪ] [--branch TÊN] [--status S] [--kind union|federation|all]",
		Short: "danh sách ra bảng tính (CCCD, điện thoại, địa chỉ chỉ khi có --personal)",
		Flags: exportMembersFlags,
	}}, exportTableCmds()...),
}

func exportMembersFlags(fs *flag.FlagSet) Run {
	filter := memberFilterFlags(fs)
	out := fs.String("out", "", "tệp ghi ra: .xlsx hoặc .csv")
	personal := fs.Bool("personal", false, "kèm CCCD, điện thoại, địa chỉ, dân tộc, tôn giáo, ghi chú")
	force := fs.Bool("force", false, "thay thế tệp --out đã có")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if *out == "" {
			return fmt.Errorf("export members: thiếu --out TỆP.xlsx hoặc TỆP.csv")
		}
		f, err := filter(ctx, st)
		if err != nil {
			return err
		}
		return exportMembers(ctx, st, f, st.Output(*out, *force), *personal, stdout)
	}
}

// exportTableShort says what each of sheet's tables holds.
var exportTableShort = map[string]string{
	sheet.TableBranches:   "các chi đoàn",
	sheet.TableClubs:      "các câu lạc bộ",
	sheet.TableCoops:      "các tổ hợp tác và kết quả năm Y",
	sheet.TableIndicators: "các chỉ tiêu và kết quả năm Y",
}

// exportTableCmds are `export TABLE`, one for each of sheet's tables.
func exportTableCmds() []*Command {
	cmds := make([]*Command, len(sheet.Tables))
	for i, table := range sheet.Tables {
		cmds[i] = &Command{
			Name:  table,
			Args:  "--out TỆP.xlsx|TỆP.csv [--year Y]",
			Short: exportTableShort[table],
			Flags: func(fs *flag.FlagSet) Run { return exportTableFlags(table, fs) },
		}
	}
	return cmds
}

// exportTableFlags writes the branches, clubs, cooperative groups or
// indicators as a spreadsheet.
func exportTableFlags(table string, fs *flag.FlagSet) Run {
	out := fs.String("out", "", "tệp ghi ra: .xlsx hoặc .csv")
	yearOf := thisYearFlag(fs, "year", "năm (kết quả tổ hợp tác, chỉ tiêu)")
	force := fs.Bool("force", false, "thay thế tệp --out đã có")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if *out == "" {
			return fmt.Errorf("export %s: thiếu --out TỆP.xlsx hoặc TỆP.csv", table)
		}
		output := st.Output(*out, *force)
		if err := output.Check(); err != nil {
			return err
		}
		var n int
		err := sheet.WriteFile(output, func(w io.Writer, f sheet.Format) error {
			var err error
			n, err = sheet.ExportTable(ctx, st, table, yearOf(st), w, f)
			return err
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã xuất %s dòng: %s\n", domain.FormatInt(int64(n)), *out)
		return nil
	}
}

var cmdImport = &Command{
	Name: "import",
	Subs: []*Command{{
		Name:    "members",
		Args:    "TỆP.xlsx|TỆP.csv|TỆP.xls [--skip-invalid] [--errors LỖI.xlsx] [--create-branches] [--update] [--offices-from dd/mm/yyyy]",
		Short:   "nhập danh sách từ bảng tính",
		Flags:   importMembersFlags,
		Reorder: fileFirst,
	}},
}

// fileFirst lets the file come before the flags as well as after: it is
// moved behind them.
func fileFirst(args []string) []string {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return append(args[1:len(args):len(args)], args[0])
	}
	return args
}

func importMembersFlags(fs *flag.FlagSet) Run {
	skip := fs.Bool("skip-invalid", false, "nhập các dòng hợp lệ, bỏ qua dòng lỗi (mặc định: có dòng lỗi thì không nhập gì)")
	errorsOut := fs.String("errors", "", "ghi các dòng lỗi kèm lý do ra tệp .xlsx để sửa và nhập lại")
	create := fs.Bool("create-branches", false, "tạo các chi đoàn chưa có trong sổ")
	update := fs.Bool("update", false, "người đã có trong sổ (cùng CCCD, hoặc cùng họ tên và ngày sinh khi CCCD không phân biệt): cập nhật theo bảng (mặc định: bỏ qua)")
	force := fs.Bool("force", false, "thay thế tệp --errors đã có")
	officesFrom := fs.String("offices-from", "", "ngày bắt đầu các chức vụ của cột Chức vụ, dd/mm/yyyy (mặc định: ngày đầu nhiệm kỳ; không trước ngày vào Đoàn, tròn 16 tuổi)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if len(args) == 0 {
			return fmt.Errorf("import members: thiếu tệp cần nhập (.xlsx, .csv)")
		}
		from := domain.TermStart(st.Today())
		if *officesFrom != "" {
			d, err := domain.ParseDate(*officesFrom)
			if err != nil {
				return fmt.Errorf("--offices-from: %w", err)
			}
			from = d
		}
		path := args[0]
		var rejected outfile.Output
		if *errorsOut != "" {
			// Checked first: never the register, an existing file only with --force.
			rejected = st.Output(*errorsOut, *force)
			rejected.Inputs = []string{path}
			if err := rejected.Check(); err != nil {
				return err
			}
		}
		pv, err := sheet.Read(ctx, st, path, nil)
		if err != nil {
			return err
		}
		valid, invalid, existing := pv.Counts()
		fmt.Fprintf(stdout, "Đọc %s: %s dòng hợp lệ (%s người đã có trong sổ), %s dòng lỗi\n", path,
			domain.FormatInt(int64(valid)), domain.FormatInt(int64(existing)), domain.FormatInt(int64(invalid)))
		if cols := pv.Unrecognised(); len(cols) > 0 {
			fmt.Fprintf(stderr, "Cột không nhận ra (không nhập): %s\n", strings.Join(cols, ", "))
		}
		for _, p := range pv.Problems() {
			fmt.Fprintln(stderr, p)
		}
		for _, r := range pv.Rows {
			if r.Existing != 0 && len(r.Problems) == 0 {
				what := "bỏ qua"
				if *update {
					what = "cập nhật"
				}
				fmt.Fprintf(stderr, "Dòng %d: %s đã có trong sổ (mã %d): %s\n", r.SheetRow, r.ExistingName, r.Existing, what)
			}
		}
		if *errorsOut != "" && invalid > 0 {
			n, err := pv.WriteRejected(rejected)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã ghi %s dòng lỗi kèm lý do: %s\n", domain.FormatInt(int64(n)), *errorsOut)
		}
		if n, people := pv.OfficeCount(); n > 0 {
			fmt.Fprintf(stdout, "Cột Chức vụ: %s chức vụ của %s người, ghi từ %s (không trước ngày vào Đoàn, ngày tròn 16 tuổi của mỗi người)\n",
				domain.FormatInt(int64(n)), domain.FormatInt(int64(people)), from)
		}
		res, err := pv.Import(ctx, st, sheet.ImportOptions{SkipInvalid: *skip, CreateBranches: *create, Update: *update, OfficesFrom: from})
		var pe *sheet.ProblemsError
		if errors.As(err, &pe) {
			return &importRefused{n: len(pe.Problems)}
		}
		if err != nil {
			return err
		}
		if len(res.Branches) > 0 {
			fmt.Fprintf(stdout, "Đã tạo chi đoàn: %s\n", strings.Join(res.Branches, "; "))
		}
		if res.Backup != "" {
			fmt.Fprintf(stdout, "Đã sao lưu sổ trước khi nhập: %s\n", res.Backup)
		}
		fmt.Fprintf(stdout, "Đã nhập %s người mới, cập nhật %s, bỏ qua %s người đã có\n",
			domain.FormatInt(int64(res.Added)), domain.FormatInt(int64(res.Updated)), domain.FormatInt(int64(res.Skipped)))
		if res.Offices > 0 {
			fmt.Fprintf(stdout, "Đã ghi %s chức vụ\n", domain.FormatInt(int64(res.Offices)))
		}
		return nil
	}
}

// importRefused is the error of an import stopped by invalid rows, whose
// problems are already on stderr one a line.
type importRefused struct{ n int }

func (e *importRefused) Error() string {
	return fmt.Sprintf("%d lỗi (xem các dòng trên): chưa nhập gì; sửa bảng, hoặc dùng --skip-invalid để chỉ nhập các dòng hợp lệ", e.n)
}
