package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"sodoan/outfile"

	"sodoan/domain"
	"sodoan/store"
	"sodoan/wardpkg"
)

var cmdPackage = &Command{
	Name: "package",
	Long: `Gói dữ liệu của phường gửi cấp trên (mã hóa bằng mật khẩu; mật khẩu đọc từ
dòng đầu của một tệp, không bao giờ ghi trên dòng lệnh):
`,
	Subs: []*Command{
		{Name: "export", Args: "--out TỆP.sodoan --passphrase-file TỆP [--force]", Short: "lập gói từ sổ của phường",
			Flags: packageExportFlags},
		{Name: "import", Args: "TỆP.sodoan --passphrase-file TỆP", Short: "nhập gói vào sổ tổng hợp (init --consolidation)",
			Flags: packageImportFlags, Reorder: positionalLast},
		{Name: "list", Short: "các phường trong sổ tổng hợp, ngày lập gói mới nhất", Flags: noFlags(runPackageList)},
		{Name: "forget", Args: "TÊN|MÃ", Short: "xóa một phường khỏi sổ tổng hợp", Flags: noFlags(runPackageForget),
			Reorder: positionalLast},
	},
}

// packageExportFlags makes a ward's package.
func packageExportFlags(fs *flag.FlagSet) Run {
	out := fs.String("out", "", "tệp gói sẽ ghi (bắt buộc)")
	pf := fs.String("passphrase-file", "", "tệp chứa mật khẩu ở dòng đầu, ít nhất 8 ký tự (bắt buộc)")
	force := fs.Bool("force", false, "thay thế tệp --out đã có")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("package export", args); err != nil {
			return err
		}
		if *out == "" || *pf == "" {
			fs.Usage()
			return fmt.Errorf("package export: cần --out và --passphrase-file")
		}
		pass, err := wardpkg.ReadPassphrase(*pf)
		if err != nil {
			return err
		}
		if outfile.SameFile(*out, *pf) {
			return fmt.Errorf("package export: --out %s là chính tệp mật khẩu: gói sẽ ghi đè mật khẩu; hãy chọn tên khác cho gói", *out)
		}
		m, err := wardpkg.Export(ctx, st, *out, pass, *force)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã lập gói của %s (lược đồ %d, %s): %s\n", m.Unit, m.Schema, domain.FormatTime(m.Made), *out)
		return nil
	}
}

// packageImportFlags takes a ward's package into an upper level's
// consolidation register.
func packageImportFlags(fs *flag.FlagSet) Run {
	pf := fs.String("passphrase-file", "", "tệp chứa mật khẩu ở dòng đầu (bắt buộc)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		file, err := onePositional("package import", args)
		if err != nil {
			return err
		}
		if file == "" || *pf == "" {
			fs.Usage()
			return fmt.Errorf("package import: cần TỆP gói và --passphrase-file")
		}
		pass, err := wardpkg.ReadPassphrase(*pf)
		if err != nil {
			return err
		}
		imp, err := wardpkg.Import(ctx, st, file, pass)
		if err != nil {
			return err
		}
		verb := "Đã nhập"
		if imp.Replaced != nil {
			verb = fmt.Sprintf("Đã thay gói lập lúc %s bằng", domain.FormatTime(imp.Replaced.Made))
		}
		fmt.Fprintf(stdout, "%s gói của %s lập lúc %s (%s đoàn viên)\n", verb, imp.Ward.Unit, domain.FormatTime(imp.Ward.Made), domain.FormatInt(int64(imp.Ward.Members)))
		return nil
	}
}

func runPackageList(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	if err := extraArgs("package list", args); err != nil {
		return err
	}
	if c, err := st.IsConsolidation(ctx); err != nil {
		return err
	} else if !c {
		return fmt.Errorf("package list: %w", store.ErrNotConsolidation)
	}
	wards, err := st.Wards(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Đơn vị\tLập gói lúc\tNhập lúc\tLược đồ\tĐoàn viên\tMã sổ")
	for _, w := range wards {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", w.Unit, domain.FormatTime(w.Made), domain.FormatTime(w.Imported), w.Schema,
			domain.FormatInt(int64(w.Members)), w.RegisterID)
	}
	return tw.Flush()
}

func runPackageForget(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	name, err := onePositional("package forget", args)
	if err != nil {
		return err
	}
	if name == "" {
		return fmt.Errorf("package forget: cần tên đơn vị hoặc mã sổ")
	}
	w, err := wardpkg.Forget(ctx, st, name)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã xóa %s khỏi sổ tổng hợp\n", w.Unit)
	return nil
}

// splitPositional takes the first argument that is not a flag (nor a
// flag's value) out of args, so that the file may come before or after
// the flags.
func splitPositional(args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if len(a) > 1 && a[0] == '-' {
			if !strings.Contains(a, "=") && i+1 < len(args) {
				i++ // the flag's value
			}
			continue
		}
		return a, append(append([]string(nil), args[:i]...), args[i+1:]...)
	}
	return "", args
}

// positionalLast moves the first argument that is not a flag (nor a
// flag's value) behind the flags, so that the file may come before or
// after them.
func positionalLast(args []string) []string {
	p, flags := splitPositional(args)
	if p == "" {
		return flags
	}
	return append(flags, p)
}

// onePositional is the one positional argument of a command ("" if none),
// refusing more.
func onePositional(name string, args []string) (string, error) {
	if len(args) == 0 {
		return "", nil
	}
	return args[len(args)-1], extraArgs(name, args[:len(args)-1])
}

// initConsolidation turns the new register st into an upper level's
// consolidation register (init --consolidation).
func initConsolidation(ctx context.Context, st *store.Store, u domain.Unit, stdout io.Writer) error {
	if err := st.MakeConsolidation(ctx, u); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã tạo sổ tổng hợp: %s (sổ của các phường lưu trong %s)\n", st.Path(), st.WardsDir())
	return nil
}
