// Command sodoan is Sổ Đoàn's desktop window.
//
//	sodoan [--db FILE] [--screen ID] [--reports DIR] [--version]
//
// Without --db it opens the register in the user's data folder; without
// --reports documents go to bao-cao beside the register. A start
// that fails (no OpenGL, a broken register) is written to sodoan.log beside
// the register and shown in a dialog (startup.go).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"sodoan/assets"
	"sodoan/store"
	"sodoan/ui"
	"sodoan/version"
)

const appID = "vn.doanthanhnien.sodoan"

// printVersion writes the version and build date, the line Settings shows.
func printVersion() {
	if out, ok := versionOut(); ok {
		fmt.Fprintln(out, version.String())
		return
	}
	showDialog("Sổ Đoàn", version.String())
}

func main() {
	db := flag.String("db", "", "tệp sổ dữ liệu (mặc định: trong thư mục dữ liệu của người dùng)")
	screen := flag.String("screen", os.Getenv("SODOAN_SCREEN"), "màn hình mở đầu tiên (dashboard, members, …)")
	reports := flag.String("reports", "", "thư mục lưu báo cáo (mặc định: bao-cao cạnh tệp sổ)")
	showVersion := flag.Bool("version", false, "in phiên bản, ngày dựng rồi thoát")
	flag.Parse()
	if *showVersion {
		printVersion()
		return
	}
	markRunning()
	if *db == "" {
		p, err := store.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, "sodoan:", err)
			showDialog("Sổ Đoàn không khởi động được", err.Error())
			os.Exit(1)
		}
		*db = p
	}
	g := newGuard(*db)
	defer g.recover()
	if err := run(g, *db, *screen, *reports); err != nil {
		kind := failOther
		switch {
		case errors.Is(err, store.ErrInUse):
			kind = failInUse
		case errors.As(err, new(registerError)):
			kind = failRegister
		}
		g.fatal(kind, err)
	}
	g.logf("đóng")
	g.close()
}

func run(g *guard, db, screen, reports string) error {
	// One clock, the machine's, chosen here at the top and handed to the
	// register and the window, so that their today agree.
	now := time.Now
	reg, err := openRegister(g, db, now)
	if err != nil {
		return err
	}
	defer reg.close()
	if reg.st != nil && reg.st.Damaged() && screen == "" {
		// Straight to where the restore is: every other screen would only
		// meet the damage.
		screen = "settings"
	}
	switch out, err := keepPreferences(prefsFile(appID)); {
	case err != nil:
		g.logf("tệp thiết lập của cửa sổ: %v", err)
	case out == prefsRestored:
		g.logf("tệp thiết lập của cửa sổ bị hỏng (ghi dở): đã lấy lại bản trước")
	case out == prefsDropped:
		g.logf("tệp thiết lập của cửa sổ bị hỏng (ghi dở), không có bản trước: bắt đầu lại thiết lập")
	}
	app.SetMetadata(fyne.AppMetadata{ID: appID, Name: "Sổ Đoàn", Version: version.Version})
	a := app.NewWithID(appID)
	// The window's preferences in the same file, written whole each time
	// (prefsfile.go: Fyne's own rewrite in place was read half-done by
	// another copy open).
	a.SetCloudProvider(prefsProvider{newFilePrefs(prefsFile(appID), func(line string) { g.logf("%s", line) })})
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w, err := ui.New(a, reg.st, ui.Options{Screen: screen, ReportsDir: reports, Create: reg.create, Now: now,
		Log: func(line string) { g.logf("%s", line) }})
	if err != nil {
		return err
	}
	w.StartTrace()
	// A file the program was started with: a .sodoan package double-clicked
	// in Explorer (the installer's file type), or a sheet.
	if open := flag.Arg(0); open != "" {
		w.OpenFile(open)
	}
	w.Window().ShowAndRun()
	return nil
}
