package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sodoan/outfile"
)

// saveSpec says what a Save dialog ("Lưu thành…") asks for.
type saveSpec struct {
	title    string   // the dialog's title, translated
	name     string   // the file name offered
	exts     []string // the kinds offered; the first is added to a name typed without one of them
	start    string   // the folder it opens at; the user's documents folder when empty or missing
	register string   // the open register, which no path may write (outfile.Output refuses it)
	// backup: a backup of the register is written there; store.Backup
	// never replaces a file, so an existing one is refused, not offered
	// for replacing.
	backup bool
}

// saveBox is the Save dialog the app shows outside Windows: Fyne's own,
// whose Save button is the app's (Fyne's would open, and so empty, the
// file chosen before anyone checked it is not the register, and ask
// "Overwrite?" in English), with a path box above it.
type saveBox struct {
	pathBox
	spec   saveSpec
	f      frame
	win    fyne.Window
	d      *dialog.FileDialog // nil on Windows, whose dialog is its own
	alone  dialog.Dialog      // the path box's own dialog, where Fyne's could not be used
	name   *widget.Entry      // Fyne's file name box
	chosen func(path string)
}

// fyneLastFolder is the preference where Fyne's file dialog keeps the
// folder it shows: the folder the name typed in it belongs to.
const fyneLastFolder = "fyne:fileDialogLastFolder"

// chooseSave asks where to write a file and calls chosen with a path
// that may be written: never the open register, its companion files or
// its backups (outfile.Output's rules, said in Vietnamese), and, when a
// file is already there, only once the user said to replace it. On
// Windows it is Windows' own Save dialog (which asks about replacing);
// elsewhere Fyne's with a path box. It returns the box (nil on Windows).
func chooseSave(f frame, win fyne.Window, spec saveSpec, chosen func(path string)) *saveBox {
	sb := &saveBox{spec: spec, f: f, win: win, chosen: chosen}
	r := nativeRequest{save: true, title: spec.title, start: startFolder(spec.start), name: spec.name, filters: nativeFilters(spec.exts)}
	// Windows asked about replacing the path it gives back.
	if showNative(win, r, func(path string) { sb.try(path, true) }, sb.showFyne) {
		return nil
	}
	sb.showFyne()
	return sb
}

// showFyne shows Fyne's Save dialog with the path box.
func (sb *saveBox) showFyne() {
	sb.d = dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		// Not reached: the Save button is the app's (see takeSave).
		if w != nil {
			w.Close()
		}
	}, sb.win)
	sb.d.SetTitleText(sb.spec.title)
	sb.d.SetConfirmText(T("Lưu"))
	sb.d.SetDismissText(T("Hủy"))
	sb.d.SetFileName(sb.spec.name)
	if len(sb.spec.exts) > 0 {
		sb.d.SetFilter(storage.NewExtensionFileFilter(sb.spec.exts))
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(startFolder(sb.spec.start))); err == nil {
		sb.d.SetLocation(l)
	}
	sb.d.Resize(fyne.NewSize(900, 600))
	sb.f.showDialog(sb.d, nil)
	if !sb.takeSave() {
		// A Fyne that builds its dialog otherwise: the path box alone,
		// never Fyne's button that opens the file first.
		sb.d.Hide()
		sb.d = nil
	}

	sb.entry = newEntry(sb.f)
	sb.entry.SetPlaceHolder(T("Dán hoặc gõ cả đường dẫn của tệp rồi bấm Enter"))
	sb.msg = widget.NewLabel("")
	sb.msg.Wrapping = fyne.TextWrapWord
	sb.msg.Importance = widget.DangerImportance
	sb.msg.Hide()
	sb.entry.OnSubmitted = func(string) { sb.typed() }
	sb.row = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(T("Đường dẫn")), newButton(sb.f, T("Chọn"), sb.typed), sb.entry),
		sb.msg)
	if sb.d != nil {
		addAbove(sb.win, sb.row, sb.d)
		return
	}
	sb.alone = dialog.NewCustom(sb.spec.title, T("Hủy"), sb.row, sb.win)
	sb.alone.Resize(fyne.NewSize(700, 160))
	sb.f.showDialog(sb.alone, nil)
}

// takeSave makes the dialog's Save button (and Enter in its name box)
// the app's: the name typed, in the folder shown, through try.
func (sb *saveBox) takeSave() bool {
	pop, ok := sb.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return false
	}
	var save *widget.Button
	walk(pop, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == T("Lưu") && save == nil {
				save = x
			}
		case *widget.Entry:
			if sb.name == nil {
				sb.name = x
			}
		}
		return true
	})
	if save == nil || sb.name == nil {
		return false
	}
	save.OnTapped = func() {
		name := strings.TrimSpace(sb.name.Text)
		if name == "" {
			return
		}
		if filepath.IsAbs(name) {
			// A whole path typed in the name box: as in the path box.
			sb.entry.SetText(name)
			sb.typed()
			return
		}
		u, err := storage.ParseURI(fyne.CurrentApp().Preferences().String(fyneLastFolder))
		if err != nil || u.Scheme() != "file" {
			sb.say(T("Chưa biết thư mục: chọn một thư mục bên dưới hoặc gõ cả đường dẫn."))
			return
		}
		sb.try(filepath.Join(u.Path(), name), false)
	}
	return true
}

// typed reads the path box: a folder is shown in the dialog; a file's
// folder must exist.
func (sb *saveBox) typed() {
	p, problem := cleanPath(sb.entry.Text)
	if problem != "" {
		sb.say(problem)
		return
	}
	if isDir(p) {
		if sb.d == nil {
			sb.say(fmt.Sprintf(T("%s là một thư mục: gõ thêm tên tệp."), p))
			return
		}
		sb.msg.Hide()
		if l, err := storage.ListerForURI(storage.NewFileURI(p)); err == nil {
			sb.d.SetLocation(l)
		}
		return
	}
	if !isDir(filepath.Dir(p)) {
		sb.say(fmt.Sprintf(T("Không thấy thư mục %s."), filepath.Dir(p)))
		return
	}
	sb.try(p, false)
}

// try checks path, with the kind added when it has none, by outfile's
// rules and, once it may be written, closes the dialog and calls chosen;
// asked says the user already agreed to replace a file at path as given
// (Windows' own question).
func (sb *saveBox) try(path string, asked bool) {
	check := func(p string) error {
		return outfile.Output{Path: p, Register: sb.spec.register, Backup: sb.spec.backup}.Check()
	}
	// The register named as it is ("so.db" for a PDF) is refused as the
	// register, not quietly turned into "so.db.pdf".
	if err := check(path); errors.Is(err, outfile.ErrOutputIsRegister) {
		sb.say(capital(errText(err)))
		return
	}
	if full := withExt(path, sb.spec.exts); full != path {
		path, asked = full, false
	}
	err := check(path)
	switch {
	case err == nil || errors.Is(err, outfile.ErrOutputExists) && asked && !sb.spec.backup:
		sb.done(path)
	case errors.Is(err, outfile.ErrOutputExists) && sb.spec.backup:
		sb.say(fmt.Sprintf(T("Tệp %s đã có: bản sao lưu không ghi đè tệp nào, hãy đặt tên khác."), path))
	case errors.Is(err, outfile.ErrOutputExists):
		c := dialog.NewConfirm(T("Thay thế tệp?"), fmt.Sprintf(T("Tệp %s đã có. Thay thế tệp này?"), path),
			func(ok bool) {
				if ok {
					sb.done(path)
				}
			}, sb.win)
		c.SetConfirmText(T("Thay thế"))
		c.SetDismissText(T("Giữ tệp cũ"))
		sb.f.showDialog(c, nil)
	default:
		sb.say(capital(errText(err)))
	}
}

// say shows why path cannot be used: under the box, the dialog staying
// open; after Windows' dialog (closed already) in an error dialog.
func (sb *saveBox) say(problem string) {
	if sb.msg == nil {
		sb.f.showError(errors.New(problem))
		return
	}
	sb.msg.SetText(problem)
	sb.msg.Show()
}

func (sb *saveBox) done(path string) {
	if sb.d != nil {
		sb.d.Hide()
	}
	if sb.alone != nil {
		sb.alone.Hide()
	}
	sb.chosen(path)
}

// withExt adds the first of exts to a name that has none of them
// ("Báo cáo tháng" → "Báo cáo tháng.pdf").
func withExt(path string, exts []string) string {
	if len(exts) == 0 || slices.Contains(exts, strings.ToLower(filepath.Ext(path))) {
		return path
	}
	return path + exts[0]
}
