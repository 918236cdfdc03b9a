package ui

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/desktop"
)

// prefDocsDir is the folder documents and exports go to, when the user
// chose one in Settings.
const prefDocsDir = "documents.folder"

// appFolderName is the folder of Sổ Đoàn's documents inside the user's
// documents folder.
const appFolderName = "Sổ Đoàn"

// folders knows where documents go and shows what was written there:
// the documents folder (Settings' row), one subfolder a year, and the
// dialogs that open a written file or its folder.
type folders struct {
	fa         fyne.App // preferences, the system's opener and the clipboard
	reportsDir string   // Options.ReportsDir, which wins over any choice
	register   string   // the register's file, beside which documents go when the user has no documents folder
	win        fyne.Window
	f          frame
	do         func(func()) // runs askReplace's question on the UI goroutine
	// problem is the last failure to hand a file to the system (for
	// tests).
	problem string
}

func newFolders(fa fyne.App, reportsDir, register string, win fyne.Window, f frame, do func(func())) *folders {
	return &folders{fa: fa, reportsDir: reportsDir, register: register, win: win, f: f, do: do}
}

// docsBase is the folder holding one subfolder a year of documents: the
// --reports folder when given, else the one chosen in Settings, else
// "Sổ Đoàn" in the user's documents folder, where a ward secretary looks
// for files (the register's hidden data folder is not such a place).
func (fs *folders) docsBase() string {
	if fs.reportsDir != "" {
		return fs.reportsDir
	}
	if d := fs.fa.Preferences().String(prefDocsDir); d != "" {
		// In the system's own spelling even when an older version kept
		// Fyne's C:/Users/… form.
		return filepath.Clean(filepath.FromSlash(d))
	}
	if d := documentsDir(); d != "" {
		return filepath.Join(d, appFolderName)
	}
	return filepath.Join(filepath.Dir(fs.register), appFolderName)
}

// yearDir is the documents folder of a year, created when missing.
func (fs *folders) yearDir(year int) (string, error) {
	dir := filepath.Join(fs.docsBase(), strconv.Itoa(year))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("tạo thư mục văn bản %s: %w", dir, err)
	}
	return dir, nil
}

// documentsDir is the user's documents folder ("" when there is none):
// the known folder on Windows (which may be redirected, to OneDrive for
// example), XDG_DOCUMENTS_DIR on Linux, else ~/Documents if it exists.
func documentsDir() string {
	if d := knownDocumentsDir(); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	if d := xdgDocumentsDir(home); d != "" {
		return d
	}
	d := filepath.Join(home, "Documents")
	if fi, err := os.Stat(d); err == nil && fi.IsDir() {
		return d
	}
	return ""
}

// xdgDocumentsDir reads XDG_DOCUMENTS_DIR from ~/.config/user-dirs.dirs
// (a Vietnamese desktop names it "Tài liệu").
func xdgDocumentsDir(home string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if filepath.Clean(v) == filepath.Clean(home) || !filepath.IsAbs(v) {
			return "" // "documents = home" means none is set
		}
		return v
	}
	return ""
}

// docsFolderRow is the Settings row that shows where documents go, with
// buttons to open that folder and to choose another.
func (fs *folders) docsFolderRow() fyne.CanvasObject {
	path := widget.NewLabel(fs.docsBase())
	path.Wrapping = fyne.TextWrapBreak
	open := newButtonWithIcon(fs.f, T("Mở thư mục"), theme.FolderOpenIcon(), func() {
		if err := os.MkdirAll(fs.docsBase(), 0o755); err != nil {
			fs.f.showError(err)
			return
		}
		fs.openPath(fs.docsBase())
	})
	change := newButtonWithIcon(fs.f, T("Đổi thư mục…"), theme.FolderIcon(), func() {
		chooseFile(fs.f, fs.win, fileDialogSpec{folder: true, start: fs.docsBase()}, func(dir string) {
			// The OS's own spelling: C:\Users\…, never C:/Users/….
			fs.fa.Preferences().SetString(prefDocsDir, filepath.Clean(filepath.FromSlash(dir)))
			path.SetText(fs.docsBase())
			fs.f.notify(fmt.Sprintf(T("Văn bản sẽ lưu vào %s"), fs.docsBase()))
		})
	})
	return container.NewVBox(path, container.NewHBox(open, change))
}

// fileReady tells the user a file was written and offers to open it or
// its folder, print it or send it by e-mail.
func (fs *folders) fileReady(title, msg, path string) {
	var d dialog.Dialog
	b := fs.fileButtons(func() string { return path }, func() { d.Hide() })
	b.open.Importance = widget.HighImportance
	if !desktop.Printable(path) {
		b.print.Hide() // a spreadsheet on Linux: opened, then printed from its program
	}
	if strings.ToLower(filepath.Ext(path)) == ".sodoan" {
		// A package is sent, not opened: its folder, with the file
		// selected, is where to take it from.
		b.open.Hide()
		b.folder.Importance = widget.HighImportance
	}
	body := widget.NewLabel(msg)
	body.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom(title, T("Đóng"), container.NewVBox(body, b.row), fs.win)
	d.Resize(fyne.NewSize(600, 200))
	fs.f.showDialog(d, nil)
	fs.f.notify(msg)
}
