package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pathBox is the line the app adds above Fyne's own file dialog, which
// has no address bar: a box where a whole path can be pasted or typed (as
// Explorer's "Copy as path" gives it, quotes and all). Enter on a file
// chooses it; on a folder it shows that folder in the dialog.
type pathBox struct {
	entry *entry
	msg   *widget.Label
	row   fyne.CanvasObject
}

// fileDialogSpec says what a file dialog chooses.
type fileDialogSpec struct {
	folder bool     // a folder rather than a file
	exts   []string // the files offered (".xlsx"…), all when empty
	start  string   // the folder it opens at; the user's documents folder when empty or missing
	title  string   // the dialog's title, translated; "Chọn tệp" (or "Chọn thư mục") when empty
	size   fyne.Size
}

// dialogTitle is the title of an open dialog, in the window's language.
func (spec fileDialogSpec) dialogTitle() string {
	switch {
	case spec.title != "":
		return spec.title
	case spec.folder:
		return T("Chọn thư mục")
	}
	return T("Chọn tệp")
}

// chooseFile asks for a file (or a folder when spec.folder), opened at
// spec.start, and calls chosen with the plain path picked or typed: on
// Windows with Windows' own dialog (see nativeDialogs), elsewhere with
// Fyne's and a path box above it, which it returns (nil for Windows').
func chooseFile(f frame, win fyne.Window, spec fileDialogSpec, chosen func(path string)) *pathBox {
	r := nativeRequest{folder: spec.folder, title: spec.dialogTitle(), start: startFolder(spec.start), filters: nativeFilters(spec.exts)}
	if showNative(win, r, chosen, func() { chooseFyneFile(f, win, spec, chosen) }) {
		return nil
	}
	return chooseFyneFile(f, win, spec, chosen)
}

// chooseFyneFile shows Fyne's open dialog with the path box.
func chooseFyneFile(f frame, win fyne.Window, spec fileDialogSpec, chosen func(path string)) *pathBox {
	var d *dialog.FileDialog
	if spec.folder {
		d = dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil {
				f.showError(err)
			} else if u != nil {
				chosen(u.Path())
			}
		}, win)
	} else {
		d = dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				f.showError(err)
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			chosen(path)
		}, win)
		if len(spec.exts) > 0 {
			d.SetFilter(storage.NewExtensionFileFilter(spec.exts))
		}
	}
	d.SetTitleText(spec.dialogTitle())
	if l, err := storage.ListerForURI(storage.NewFileURI(startFolder(spec.start))); err == nil {
		d.SetLocation(l)
	}
	if !spec.size.IsZero() {
		d.Resize(spec.size)
	}
	f.showDialog(d, nil)

	pb := &pathBox{entry: newEntry(f), msg: widget.NewLabel("")}
	pb.entry.SetPlaceHolder(T("Dán hoặc gõ cả đường dẫn rồi bấm Enter"))
	pb.msg.Wrapping = fyne.TextWrapWord
	pb.msg.Importance = widget.DangerImportance
	pb.msg.Hide()
	use := func() {
		path, problem := pb.resolve(spec)
		switch {
		case problem != "":
			pb.msg.SetText(problem)
			pb.msg.Show()
		case isDir(path) && !spec.folder:
			// A folder typed in an open-file dialog: show it.
			pb.msg.Hide()
			if l, err := storage.ListerForURI(storage.NewFileURI(path)); err == nil {
				d.SetLocation(l)
			}
		default:
			d.Hide()
			chosen(path)
		}
	}
	pb.entry.OnSubmitted = func(string) { use() }
	go1 := newButton(f, T("Chọn"), use)
	pb.row = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(T("Đường dẫn")), go1, pb.entry),
		pb.msg)
	addAbove(win, pb.row, d)
	return pb
}

// addAbove puts row at the top of the dialog on top of win's overlays
// (the file dialog just shown), keeping the dialog's own layout below it.
func addAbove(win fyne.Window, row fyne.CanvasObject, d *dialog.FileDialog) {
	pop, ok := win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	c, ok := pop.Content.(*fyne.Container)
	if !ok {
		return
	}
	namePlaces(c, d)
	inner := container.New(c.Layout, c.Objects...)
	c.Layout = layout.NewStackLayout()
	c.Objects = []fyne.CanvasObject{container.NewBorder(row, nil, nil, nil, inner)}
	c.Refresh()
	pop.Resize(pop.Size().Max(pop.MinSize()))
}

// resolve reads the box: quotes and spaces trimmed, a file:// link or
// ~ turned into a path; problem says in Vietnamese what is wrong with it.
func (pb *pathBox) resolve(spec fileDialogSpec) (path, problem string) {
	p, problem := cleanPath(pb.entry.Text)
	if problem != "" {
		return "", problem
	}
	fi, err := os.Stat(p)
	if err != nil {
		return "", fmt.Sprintf(T("Không thấy %s."), p)
	}
	if spec.folder && !fi.IsDir() {
		return "", fmt.Sprintf(T("%s là một tệp: cần một thư mục."), p)
	}
	if !spec.folder && !fi.IsDir() && len(spec.exts) > 0 && !slices.Contains(spec.exts, strings.ToLower(filepath.Ext(p))) {
		return "", fmt.Sprintf(T("Chỉ chọn được tệp %s."), strings.Join(spec.exts, ", "))
	}
	return p, ""
}

// cleanPath reads a typed or pasted path: quotes and spaces trimmed, a
// file:// link or ~ turned into a path, which must be absolute.
func cleanPath(text string) (path, problem string) {
	p := strings.Trim(strings.TrimSpace(text), `"'`)
	if p == "" {
		return "", T("Chưa có đường dẫn.")
	}
	if u, err := url.Parse(p); err == nil && u.Scheme == "file" {
		p = u.Path
	}
	if rest, ok := strings.CutPrefix(p, "~"); ok && (rest == "" || os.IsPathSeparator(rest[0])) {
		if home, err := os.UserHomeDir(); err == nil {
			p = home + rest
		}
	}
	p = filepath.Clean(p)
	if !filepath.IsAbs(p) {
		return "", fmt.Sprintf(T("Cần đường dẫn đầy đủ, bắt đầu từ ổ đĩa hoặc thư mục gốc: %s"), p)
	}
	return p, ""
}

// startFolder is dir when it is a folder, else the user's documents
// folder, else their home.
func startFolder(dir string) string {
	for _, d := range []string{dir, documentsDir()} {
		if d != "" && isDir(d) {
			return d
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// placeNames are the Vietnamese of the places Fyne's file dialog lists on
// its left (in English whatever the language, its own words).
var placeNames = map[string]string{
	"Home": "Thư mục nhà", "Computer": "Máy tính", "App Files": "Tệp của chương trình",
	"Documents": "Tài liệu", "Desktop": "Màn hình nền", "Downloads": "Tải về",
	"Music": "Nhạc", "Pictures": "Ảnh", "Videos": "Video",
}

// namePlaces finishes the dialog's list of places (the first list in o,
// whose rows are an icon and a label): their Vietnamese names in the
// Vietnamese window, and the documents folder when Fyne left it out
// (Fyne 2.7 drops every place after the first one missing, so a home
// without a Desktop folder has no Documents; nor does it read
// user-dirs.dirs without the xdg-user-dir program, where the app does).
func namePlaces(o fyne.CanvasObject, d *dialog.FileDialog) bool {
	switch x := o.(type) {
	case *widget.List:
		label := func(item fyne.CanvasObject) *widget.Label {
			if row, ok := item.(*fyne.Container); ok {
				for _, part := range row.Objects {
					if l, ok := part.(*widget.Label); ok {
						return l
					}
				}
			}
			return nil
		}
		update, length, selected := x.UpdateItem, x.Length, x.OnSelected
		x.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			l := label(item)
			if id >= length() {
				// The documents folder added below.
				if row, ok := item.(*fyne.Container); ok && len(row.Objects) > 0 {
					walk(row.Objects[0], func(o fyne.CanvasObject) bool {
						if i, ok := o.(*widget.Icon); ok {
							i.SetResource(theme.DocumentIcon())
						}
						return true
					})
				}
				if l != nil {
					l.SetText(T("Tài liệu"))
				}
				return
			}
			update(id, item)
			if l == nil || currentLang != LangVietnamese {
				return
			}
			if vi, ok := placeNames[l.Text]; ok {
				l.SetText(vi)
			}
		}
		if docs := documentsDir(); docs != "" && isDir(docs) && !listsPlace(x, length(), update, label, "Documents") {
			x.Length = func() int { return length() + 1 }
			x.OnSelected = func(id widget.ListItemID) {
				if id < length() {
					selected(id)
				} else if l, err := storage.ListerForURI(storage.NewFileURI(docs)); err == nil {
					d.SetLocation(l)
				}
			}
		}
		x.Refresh()
		return true
	case *fyne.Container:
		for _, ch := range x.Objects {
			if namePlaces(ch, d) {
				return true
			}
		}
	case *container.Split:
		return namePlaces(x.Leading, d) || namePlaces(x.Trailing, d)
	}
	return false
}

// listsPlace tells whether Fyne's list of places has the one it calls
// name.
func listsPlace(x *widget.List, n int, update func(widget.ListItemID, fyne.CanvasObject), label func(fyne.CanvasObject) *widget.Label, name string) bool {
	item := x.CreateItem()
	for id := 0; id < n; id++ {
		update(id, item)
		if l := label(item); l != nil && l.Text == name {
			return true
		}
	}
	return false
}
