package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"sodoan/domain"
	"sodoan/store"
)

var cmdInit = &Command{
	Name:  "init",
	Args:  `[--unit "TÊN ĐƠN VỊ" --place "ĐỊA DANH" --upper "CƠ QUAN CẤP TRÊN"] [--consolidation]`,
	Short: "tạo sổ mới, trống (chỉ init và demo tạo sổ);\n--consolidation: sổ tổng hợp của cấp trên",
	New:   true,
	Flags: initFlags,
}

func initFlags(fs *flag.FlagSet) Run {
	unit := fs.String("unit", "", "tên đơn vị in trên đầu văn bản (có thể đặt sau trong cửa sổ)")
	place := fs.String("place", "", "địa danh (ví dụ Phường 1), cần khi có --unit")
	upper := fs.String("upper", "", "cơ quan cấp trên (ví dụ Tỉnh Đoàn Đồng Tháp), cần khi có --unit")
	cons := fs.Bool("consolidation", false, "tạo sổ tổng hợp của cấp trên (nhận gói của các phường)")
	secretary := fs.String("secretary", "", "họ tên Bí thư ký báo cáo tổng hợp (sổ tổng hợp)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("init", args); err != nil {
			return err
		}
		if *cons {
			return initConsolidation(ctx, st, domain.Unit{Name: *unit, Place: *place, UpperBody: *upper, SecretaryName: *secretary}, stdout)
		}
		if *unit != "" {
			u, err := st.Unit(ctx)
			if err != nil {
				return err
			}
			u.Name, u.Place, u.UpperBody = *unit, *place, *upper
			if err := st.SaveUnit(ctx, u); err != nil {
				return err
			}
		}
		fmt.Fprintln(stdout, "Đã tạo sổ trống:", st.Path())
		return nil
	}
}

var cmdBackup = &Command{
	Name:  "backup",
	Args:  "[--out TỆP]",
	Short: "sao lưu sổ (mặc định: vào thư mục sao-luu cạnh sổ)",
	Open:  store.OpenOptions{ReadOnly: true, AnyVersion: true},
	Flags: backupFlags,
}

func backupFlags(fs *flag.FlagSet) Run {
	out := fs.String("out", "", "tệp sao lưu, chưa tồn tại (mặc định: vào thư mục sao-luu cạnh sổ)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("backup", args); err != nil {
			return err
		}
		dest := *out
		if dest == "" {
			b, err := st.BackupNow(ctx, store.BackupManual)
			if err != nil {
				return err
			}
			dest = b.Path
		} else if err := st.Backup(ctx, dest); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "Đã sao lưu vào", dest)
		return nil
	}
}

var cmdBackups = &Command{
	Name: "backups",
	Open: store.OpenOptions{ReadOnly: true, AnyVersion: true},
	Subs: []*Command{{
		Name:  "list",
		Short: "các bản sao lưu trong thư mục sao-luu",
		Flags: noFlags(runBackupsList),
	}},
}

func runBackupsList(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	if err := extraArgs("backups list", args); err != nil {
		return err
	}
	list, err := st.Backups()
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "Thư mục sao lưu:", st.BackupDir())
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Ngày giờ\tLoại\tDung lượng\tTệp")
	for _, b := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s KB\t%s\n", b.Time.Format("02/01/2006 15:04:05"), b.Reason.Label(),
			domain.FormatInt((b.Size+1023)/1024), b.Path)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Tổng cộng: %d bản\n", len(list))
	return nil
}

var cmdRestore = &Command{
	Name:  "restore",
	Args:  "TỆP",
	Short: "khôi phục sổ từ bản sao lưu (sổ hiện tại được sao lưu trước)",
	// No window may have it open; a damaged register may be restored
	// (it is refused by every other command).
	Open:  store.OpenOptions{Exclusive: true, Damaged: true},
	Flags: noFlags(runRestore),
}

func runRestore(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("restore: cần đúng một tệp sao lưu (restore TỆP)")
	}
	src := args[0]
	r, err := st.Restore(ctx, src)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã khôi phục sổ từ %s (%s người, lược đồ %d).\n", src, domain.FormatInt(int64(r.From.People)), r.From.Version)
	fmt.Fprintln(stdout, "Sổ trước khi khôi phục được giữ ở", r.Before.Path)
	return nil
}

var cmdUpgrade = &Command{
	Name:  "upgrade",
	Short: "nâng cấp sổ lên lược đồ của bản này (sao lưu trước)",
	Flags: noFlags(runUpgrade),
}

func runUpgrade(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	// Opening the register for writing has brought it up to date.
	fmt.Fprintf(stdout, "Sổ %s ở lược đồ %d.\n", st.Path(), store.SchemaVersion)
	return nil
}
