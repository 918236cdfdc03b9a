// Command sodoan is Sổ Đoàn's desktop window.
//
//	sodoan [--db FILE] [--screen ID]
//
// Without --db it opens the register in the user's data folder.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"sodoan/assets"
	"sodoan/store"
	"sodoan/ui"
)

func main() {
	db := flag.String("db", "", "tệp sổ dữ liệu (mặc định: trong thư mục dữ liệu của người dùng)")
	screen := flag.String("screen", os.Getenv("SODOAN_SCREEN"), "màn hình mở đầu tiên (dashboard, members, …)")
	reports := flag.String("reports", "", "thư mục lưu báo cáo (mặc định: bao-cao cạnh tệp sổ)")
	flag.Parse()
	if err := run(*db, *screen, *reports); err != nil {
		fmt.Fprintln(os.Stderr, "sodoan:", err)
		os.Exit(1)
	}
}

func run(db, screen, reports string) error {
	if db == "" {
		var err error
		if db, err = store.DefaultPath(); err != nil {
			return err
		}
	}
	// The window creates the register when missing (its welcome screen
	// starts it), and holds it: a second window on it is refused.
	st, err := store.OpenWith(db, store.OpenOptions{Create: true, Exclusive: true})
	if err != nil {
		return err
	}
	defer st.Close()
	if has, err := st.HasUnit(context.Background()); err == nil && has {
		// The day's first start keeps a copy (at most one a day, rotated).
		if _, err := st.AutoBackup(context.Background(), store.BackupDaily); err != nil {
			fmt.Fprintln(os.Stderr, "sodoan:", err)
		}
	}
	a := app.NewWithID("vn.doanthanhnien.sodoan")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w, err := ui.New(a, st, ui.Options{Screen: screen, ReportsDir: reports})
	if err != nil {
		return err
	}
	w.StartTrace()
	w.Window().ShowAndRun()
	return nil
}
