package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// settingsScreen edits the unit, the language, and makes backups.
type settingsScreen struct {
	a    *App
	root *fyne.Container
}

func newSettingsScreen(a *App) *settingsScreen {
	return &settingsScreen{a: a, root: container.NewStack()}
}

func (s *settingsScreen) view() fyne.CanvasObject { return s.root }

func (s *settingsScreen) refresh() {
	a := s.a
	u, err := a.st.Unit(a.ctx)
	if err != nil {
		a.showError(err)
		return
	}
	uf := newUnitForm(a, u)
	saveUnit := newButtonWithIcon(T("Lưu thông tin đơn vị"), theme.DocumentSaveIcon(), func() {
		if uf.save(a) {
			a.updateTitle()
			a.notify(T("Đã lưu thông tin đơn vị."))
		}
	})
	saveUnit.Importance = widget.HighImportance

	langSel := newSelect([]string{"Tiếng Việt", "English"}, nil)
	if currentLang == LangEnglish {
		langSel.SetSelectedIndex(1)
	} else {
		langSel.SetSelectedIndex(0)
	}
	langSel.OnChanged = func(string) {
		code := LangVietnamese
		if langSel.SelectedIndex() == 1 {
			code = LangEnglish
		}
		if err := SetLanguage(code); err != nil {
			a.showError(err)
			return
		}
		a.fa.Preferences().SetString(prefLanguage, code)
		a.rebuild()
	}

	backupInfo := widget.NewLabel(s.backupText())
	backupBtn := newButtonWithIcon(T("Sao lưu ngay"), theme.DownloadIcon(), func() {
		dest, err := a.backup()
		if err != nil {
			a.showError(err)
			return
		}
		backupInfo.SetText(s.backupText())
		a.info(T("Sao lưu"), T("Đã sao lưu vào")+"\n"+dest)
	})
	checkBtn := newButtonWithIcon(T("Kiểm tra sổ"), theme.SearchIcon(), func() {
		v, problems, err := a.st.Check(a.ctx)
		if err != nil {
			a.showError(err)
			return
		}
		msg := fmt.Sprintf(T("Phiên bản dữ liệu %d. Không phát hiện lỗi."), v)
		if len(problems) > 0 {
			msg = fmt.Sprintf(T("Phiên bản dữ liệu %d. Vấn đề:"), v) + "\n" + strings.Join(problems, "\n")
		}
		a.info(T("Kiểm tra sổ"), msg)
	})

	box := container.NewVBox(
		heading(T("Thông tin đơn vị")), uf.view(), uf.other, container.NewHBox(saveUnit),
		heading(T("Người ký văn bản")), a.signersInfo(),
		widget.NewSeparator(),
		heading(T("Ngôn ngữ")), container.NewHBox(langSel),
		widget.NewSeparator(),
		heading(T("Thư mục văn bản (báo cáo, danh sách, Excel)")), a.docsFolderRow(),
		widget.NewSeparator(),
		heading(T("Sổ dữ liệu")), widget.NewLabel(a.st.Path()), backupInfo, container.NewHBox(backupBtn, checkBtn,
			newButtonWithIcon(a.trashButtonText(), theme.DeleteIcon(), a.openTrash),
			newButtonWithIcon(T("Lịch sử thay đổi"), theme.HistoryIcon(), func() { a.showHistory(nil) })),
	)
	s.root.Objects = []fyne.CanvasObject{container.NewVScroll(box)}
	s.root.Refresh()
}

func (s *settingsScreen) backupText() string {
	days := s.a.daysSinceBackup()
	if days < 0 {
		return T("Chưa sao lưu lần nào.")
	}
	return fmt.Sprintf(T("Lần sao lưu gần nhất: %d ngày trước."), days)
}

// backupDir is where backups go: a "sao-luu" folder next to the register.
func (a *App) backupDir() string {
	return filepath.Join(filepath.Dir(a.st.Path()), "sao-luu")
}

// backup copies the register to the backup folder with the date and time
// in the name, and remembers when.
func (a *App) backup() (string, error) {
	if err := os.MkdirAll(a.backupDir(), 0o755); err != nil {
		return "", fmt.Errorf("tạo thư mục sao lưu: %w", err)
	}
	base := strings.TrimSuffix(filepath.Base(a.st.Path()), filepath.Ext(a.st.Path()))
	dest := filepath.Join(a.backupDir(), base+"-"+time.Now().Format("2006-01-02-150405")+".db")
	if err := a.st.Backup(a.ctx, dest); err != nil {
		return "", fmt.Errorf("sao lưu: %w", err)
	}
	return dest, nil
}

// daysSinceBackup is the number of days since the last backup of the
// register (the store records it, whoever made it), or -1 when none was.
func (a *App) daysSinceBackup() int {
	last, err := a.st.LastBackup(a.ctx)
	if err != nil || last.IsZero() {
		return -1
	}
	return int(store.Today().Time().Sub(last.Time()).Hours() / 24)
}
