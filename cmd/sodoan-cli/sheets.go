package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"sodoan/domain"
	"sodoan/sheet"
	"sodoan/store"
)

// memberFilterFlags declares the flags that choose people (--q, --branch,
// --status, --kind) on fs; the returned function reads them once parsed.
func memberFilterFlags(fs *flag.FlagSet) func(context.Context, *store.Store) (store.MemberFilter, error) {
	q := fs.String("q", "", "tìm theo tên (không dấu cũng được), số thẻ, CCCD, điện thoại")
	branch := fs.String("branch", "", "tên chi đoàn")
	status := fs.String("status", "", "trạng thái: active, transferred, came_of_age, removed (hoặc nhãn tiếng Việt)")
	kind := fs.String("kind", "union", "union (đoàn viên), federation (hội viên) hoặc all")
	return func(ctx context.Context, st *store.Store) (store.MemberFilter, error) {
		f := store.MemberFilter{Query: *q}
		switch *kind {
		case "union":
			f.Kind = store.KindUnion
		case "federation":
			f.Kind = store.KindFederation
		case "all":
		default:
			return f, fmt.Errorf("--kind %q: chọn union, federation hoặc all", *kind)
		}
		if *branch != "" {
			b, err := st.BranchByName(ctx, *branch)
			if err != nil {
				return f, err
			}
			f.BranchID = b.ID
		}
		if *status != "" {
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
func exportMembers(ctx context.Context, st *store.Store, f store.MemberFilter, out store.Output, personal bool, stdout io.Writer) error {
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

func runExport(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && slices.Contains(sheet.Tables, args[0]) {
		return runExportTable(ctx, st, args[0], args[1:], stdout, stderr)
	}
	fs := newFlags("export members", "export members --out TỆP.xlsx|TỆP.csv [--personal] [--q TỪ] [--branch TÊN] [--status S] [--kind union|federation|all]\n"+
		"       sodoan-cli --db TỆP export branches|clubs|coops|indicators --out TỆP.xlsx|TỆP.csv [--year Y]", stderr)
	filter := memberFilterFlags(fs)
	out := fs.String("out", "", "tệp ghi ra: .xlsx hoặc .csv")
	personal := fs.Bool("personal", false, "kèm CCCD, điện thoại, địa chỉ, dân tộc, tôn giáo, ghi chú")
	force := fs.Bool("force", false, "thay thế tệp --out đã có")
	if len(args) == 0 || args[0] != "members" {
		if st == nil || wantsHelp(args) {
			return parseFlags(fs, []string{"--help"})
		}
		return fmt.Errorf("export: chọn members, %s (export --help)", strings.Join(sheet.Tables, ", "))
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("export members: thiếu --out TỆP.xlsx hoặc TỆP.csv")
	}
	f, err := filter(ctx, st)
	if err != nil {
		return err
	}
	return exportMembers(ctx, st, f, st.Output(*out, *force), *personal, stdout)
}

// runExportTable writes the branches, clubs, cooperative groups or
// indicators as a spreadsheet.
func runExportTable(ctx context.Context, st *store.Store, table string, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export "+table, "export "+table+" --out TỆP.xlsx|TỆP.csv [--year Y]", stderr)
	out := fs.String("out", "", "tệp ghi ra: .xlsx hoặc .csv")
	year := intFlag(fs, "year", domain.Today().Year(), domain.YearRange, "năm (kết quả tổ hợp tác, chỉ tiêu)")
	force := fs.Bool("force", false, "thay thế tệp --out đã có")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
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
		n, err = sheet.ExportTable(ctx, st, table, *year, w, f)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã xuất %s dòng: %s\n", domain.FormatInt(int64(n)), *out)
	return nil
}

func runImport(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import members", "import members TỆP.xlsx|TỆP.csv|TỆP.xls [--skip-invalid] [--errors LỖI.xlsx] [--create-branches] [--update]", stderr)
	skip := fs.Bool("skip-invalid", false, "nhập các dòng hợp lệ, bỏ qua dòng lỗi (mặc định: có dòng lỗi thì không nhập gì)")
	errorsOut := fs.String("errors", "", "ghi các dòng lỗi kèm lý do ra tệp .xlsx để sửa và nhập lại")
	create := fs.Bool("create-branches", false, "tạo các chi đoàn chưa có trong sổ")
	update := fs.Bool("update", false, "người đã có trong sổ (cùng CCCD, hoặc cùng họ tên và ngày sinh khi CCCD không phân biệt): cập nhật theo bảng (mặc định: bỏ qua)")
	force := fs.Bool("force", false, "thay thế tệp --errors đã có")
	if len(args) == 0 || args[0] != "members" {
		if st == nil || wantsHelp(args) {
			return parseFlags(fs, []string{"--help"})
		}
		return fmt.Errorf("import: chỉ có import members (import members --help)")
	}
	// The file may come before or after the flags.
	rest := args[1:]
	var path string
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		path, rest = rest[0], rest[1:]
	}
	if err := parseFlags(fs, rest); err != nil {
		return err
	}
	if path == "" && fs.NArg() > 0 {
		path = fs.Arg(0)
	}
	if path == "" {
		return fmt.Errorf("import members: thiếu tệp cần nhập (.xlsx, .csv)")
	}
	var rejected store.Output
	if *errorsOut != "" {
		// Checked first: never the register, an existing file only with --force.
		rejected = st.Output(*errorsOut, *force)
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
	res, err := pv.Import(ctx, st, sheet.ImportOptions{SkipInvalid: *skip, CreateBranches: *create, Update: *update})
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
	return nil
}

// importRefused is the error of an import stopped by invalid rows, whose
// problems are already on stderr one a line.
type importRefused struct{ n int }

func (e *importRefused) Error() string {
	return fmt.Sprintf("%d lỗi (xem các dòng trên): chưa nhập gì; sửa bảng, hoặc dùng --skip-invalid để chỉ nhập các dòng hợp lệ", e.n)
}
