package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"sodoan/domain"
	"sodoan/store"
)

func runInit(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("init", `init [--unit "TÊN ĐƠN VỊ"] [--consolidation]`, stderr)
	unit := fs.String("unit", "", "tên đơn vị in trên đầu văn bản (có thể đặt sau trong cửa sổ)")
	place := fs.String("place", "", "địa danh (ví dụ Phường 1), cần khi có --unit")
	upper := fs.String("upper", "", "cơ quan cấp trên (ví dụ Tỉnh Đoàn Đồng Tháp), cần khi có --unit")
	cons := fs.Bool("consolidation", false, "tạo sổ tổng hợp của cấp trên (nhận gói của các phường)")
	secretary := fs.String("secretary", "", "họ tên Bí thư ký báo cáo tổng hợp (sổ tổng hợp)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("init: tham số thừa %q", fs.Args())
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

func runBackup(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("backup", "backup [--out TỆP]", stderr)
	out := fs.String("out", "", "tệp sao lưu, chưa tồn tại (mặc định: vào thư mục sao-luu cạnh sổ)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("backup: tham số thừa %q", fs.Args())
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

func runBackups(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("backups", "backups list", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "list" {
		return fmt.Errorf("backups: chỉ có lệnh con list (backups list)")
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

func runRestore(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("restore", "restore TỆP", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("restore: cần đúng một tệp sao lưu (restore TỆP)")
	}
	src := fs.Arg(0)
	r, err := st.Restore(ctx, src)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã khôi phục sổ từ %s (%s người, lược đồ %d).\n", src, domain.FormatInt(int64(r.From.People)), r.From.Version)
	fmt.Fprintln(stdout, "Sổ trước khi khôi phục được giữ ở", r.Before.Path)
	return nil
}

func runUpgrade(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("upgrade", "upgrade", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	// Opening the register for writing has brought it up to date.
	fmt.Fprintf(stdout, "Sổ %s ở lược đồ %d.\n", st.Path(), store.SchemaVersion)
	return nil
}
