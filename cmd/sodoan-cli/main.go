// Command sodoan-cli runs Sổ Đoàn's operations without a window, for
// scripts, tests and benchmarks.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"sodoan/domain"
	"sodoan/store"
	"sodoan/version"
)

const usage = `Cách dùng: sodoan-cli --db TỆP LỆNH [tham số]
       sodoan-cli --version

Lệnh:
  init [--unit "TÊN ĐƠN VỊ"] [--consolidation]  tạo sổ mới, trống (chỉ init và demo tạo sổ);
                                     --consolidation: sổ tổng hợp của cấp trên
  demo --members N [--seed S]       tạo phường mẫu (trên sổ mới hoặc sổ trống)
  members list [--q TỪ] [--branch TÊN] [--status S] [--format table|csv|xlsx --out TỆP]
  import members TỆP.xlsx|.csv|.xls [--skip-invalid] [--errors LỖI.xlsx] [--create-branches] [--update]
  export members --out TỆP.xlsx|.csv [--personal]
  export branches|clubs|coops|indicators --out TỆP.xlsx|.csv [--year Y]
  search TỪ                          tìm theo tên, số thẻ, CCCD, điện thoại
  stats --year Y [--json]            các chỉ tiêu: chỉ tiêu, kết quả, đạt
  check                              kiểm tra toàn vẹn và phiên bản lược đồ
  backup [--out TỆP]                 sao lưu sổ (mặc định: vào thư mục sao-luu cạnh sổ)
  backups list                       các bản sao lưu trong thư mục sao-luu
  restore TỆP                        khôi phục sổ từ bản sao lưu (sổ hiện tại được sao lưu trước)
  upgrade                            nâng cấp sổ lên lược đồ của bản này (sao lưu trước)
  history [--member MÃ] [--limit N]  lịch sử thay đổi (của một người)
  delete LOẠI MÃ                     chuyển người (person), chi đoàn (branch),
                                     CLB (club), tổ hợp tác (coop) vào thùng rác
  trash list | restore LOẠI MÃ | empty [LOẠI MÃ] --yes
                                     thùng rác: xem, khôi phục, xóa vĩnh viễn
  report ...                         xuất báo cáo PDF (report --help)
  package ...                        gói dữ liệu phường gửi cấp trên (package --help)

Mỗi lệnh có --help.
`

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(safeWriter{os.Stderr}, "Lỗi:", err)
		}
		os.Exit(exitCode(err))
	}
}

func exitCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ve *domain.ValidationError
	var ir *importRefused
	if errors.As(err, &ve) || errors.As(err, &ir) {
		return 3
	}
	return 1
}

// defaultDB is the register in the user's data folder, the one the window
// opens too.
func defaultDB() string {
	p, err := store.DefaultPath()
	if err != nil {
		return "so-doan.db"
	}
	return p
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	stdout, stderr = safeWriter{stdout}, safeWriter{stderr}
	fs := flag.NewFlagSet("sodoan-cli", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage); fs.PrintDefaults() }
	db := fs.String("db", defaultDB(), "tệp sổ đoàn viên (SQLite)")
	showVersion := fs.Bool("version", false, "in phiên bản, ngày dựng rồi thoát")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *showVersion {
		_, err := fmt.Fprintln(stdout, version.String())
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fs.Usage()
		return fmt.Errorf("thiếu lệnh")
	}
	cmd, cargs := rest[0], rest[1:]
	if cmd == "help" {
		fs.Usage()
		return nil
	}
	known := map[string]func(context.Context, *store.Store, []string, io.Writer, io.Writer) error{
		"demo":    runDemo,
		"members": runMembers,
		"search":  runSearch,
		"stats":   runStats,
		"check":   runCheck,
		"backup":  runBackup,
		"backups": runBackups,
		"restore": runRestore,
		"upgrade": runUpgrade,
		"init":    runInit,
		"report":  runReport,
		"import":  runImport,
		"export":  runExport,
		"history": runHistory,
		"trash":   runTrash,
		"delete":  runDelete,
		"package": runPackage,
	}
	fn, ok := known[cmd]
	if !ok {
		fs.Usage()
		return fmt.Errorf("lệnh %q không có", cmd)
	}
	if wantsHelp(cargs) {
		// Help needs no register: run the command's parser on --help alone.
		return fn(ctx, nil, []string{"--help"}, stdout, stderr)
	}
	var st *store.Store
	var err error
	if cmd == "init" {
		st, err = store.Create(*db)
	} else {
		st, err = store.OpenWith(*db, openOptions[cmd])
	}
	if err != nil {
		return err
	}
	if cmd == "init" {
		// A register init could not finish is removed while it holds
		// nothing: left behind, it would refuse the corrected command.
		err := fn(ctx, st, cargs, stdout, stderr)
		if err != nil {
			if derr := st.DiscardEmpty(ctx); derr != nil {
				return errors.Join(err, derr)
			}
			return err
		}
		return st.Close()
	}
	defer st.Close()
	return fn(ctx, st, cargs, stdout, stderr)
}

// openOptions says how each command opens the register: only init and
// demo create one, commands that only read never write to it, and a
// restore holds the register's lock (no window may have it open). Other
// commands open an existing register for writing.
var openOptions = map[string]store.OpenOptions{
	"demo":    {Create: true},
	"members": {ReadOnly: true},
	"search":  {ReadOnly: true},
	"stats":   {ReadOnly: true},
	"check":   {ReadOnly: true, AnyVersion: true},
	"backup":  {ReadOnly: true, AnyVersion: true},
	"backups": {ReadOnly: true, AnyVersion: true},
	"restore": {Exclusive: true},
	"history": {ReadOnly: true},
}

func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			return true
		}
	}
	return false
}

func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Cách dùng: sodoan-cli --db TỆP %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}
