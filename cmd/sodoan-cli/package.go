package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"sodoan/domain"
	"sodoan/store"
	"sodoan/wardpkg"
)

const packageUsage = `Cách dùng: sodoan-cli --db TỆP package LỆNH [tham số]

Gói dữ liệu của phường gửi cấp trên (mã hóa bằng mật khẩu; mật khẩu đọc từ
dòng đầu của một tệp, không bao giờ ghi trên dòng lệnh):
  export --out TỆP.sodoan --passphrase-file TỆP [--force]   lập gói từ sổ của phường
  import TỆP.sodoan --passphrase-file TỆP         nhập gói vào sổ tổng hợp (init --consolidation)
  list                                            các phường trong sổ tổng hợp, ngày lập gói mới nhất
  forget TÊN|MÃ                                   xóa một phường khỏi sổ tổng hợp
`

// runPackage makes a ward's package, or takes one into an upper level's
// consolidation register.
func runPackage(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || wantsHelp(args[:1]) {
		fmt.Fprint(stderr, packageUsage)
		if len(args) == 0 {
			return fmt.Errorf("package: thiếu lệnh")
		}
		return nil
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "export":
		fs := newFlags("package export", "package export --out TỆP.sodoan --passphrase-file TỆP", stderr)
		out := fs.String("out", "", "tệp gói sẽ ghi (bắt buộc)")
		pf := fs.String("passphrase-file", "", "tệp chứa mật khẩu ở dòng đầu, ít nhất 8 ký tự (bắt buộc)")
		force := fs.Bool("force", false, "thay thế tệp --out đã có")
		if err := parseAll(fs, rest, "package export"); err != nil {
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
		if store.SameFile(*out, *pf) {
			return fmt.Errorf("package export: --out %s là chính tệp mật khẩu: gói sẽ ghi đè mật khẩu; hãy chọn tên khác cho gói", *out)
		}
		m, err := wardpkg.Export(ctx, st, *out, pass, *force)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã lập gói của %s (lược đồ %d, %s): %s\n", m.Unit, m.Schema, domain.FormatTime(m.Made), *out)
		return nil
	case "import":
		fs := newFlags("package import", "package import TỆP.sodoan --passphrase-file TỆP", stderr)
		pf := fs.String("passphrase-file", "", "tệp chứa mật khẩu ở dòng đầu (bắt buộc)")
		file, flags := splitPositional(rest)
		if err := parseAll(fs, flags, "package import"); err != nil {
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
	case "list":
		if err := parseAll(newFlags("package list", "package list", stderr), rest, "package list"); err != nil {
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
	case "forget":
		name, flags := splitPositional(rest)
		if err := parseAll(newFlags("package forget", "package forget TÊN|MÃ", stderr), flags, "package forget"); err != nil {
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
	fmt.Fprint(stderr, packageUsage)
	return fmt.Errorf("package: không có lệnh %q", sub)
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

// parseAll parses flags and refuses anything left over.
func parseAll(fs *flag.FlagSet, args []string, name string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if len(fs.Args()) > 0 {
		return fmt.Errorf("%s: tham số thừa %q", name, fs.Args())
	}
	return nil
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
