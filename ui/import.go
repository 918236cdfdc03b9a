package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sodoan/sheet"
	"sodoan/store"
)

// imports is the window's way in for member lists from spreadsheets,
// started from a button or by dropping a file on the window.
type imports struct {
	ctx     context.Context
	st      *store.Store
	clock   clock // where and under which name the rows with problems are saved
	win     fyne.Window
	f       frame
	do      func(func()) // runs UI updates from the reading and writing goroutines
	folders *folders     // where the rows with problems are saved
	// imported is called after an import wrote to the register, so that
	// the screen shown reloads.
	imported func()

	last *importer // the latest import, for tests
}

func newImports(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, do func(func()), folders *folders, imported func()) *imports {
	return &imports{ctx: ctx, st: st, clock: clock, win: win, f: f, do: do, folders: folders, imported: imported}
}

// importer is one import of a member list from a spreadsheet:
// reading with a progress bar, the preview with every row's problems, and
// the import the user confirms.
type importer struct {
	in   *imports
	path string
	pv   *sheet.Preview

	progress *widget.ProgressBar
	stopBar  func() // stops the animation of an endless bar
	working  dialog.Dialog

	// The preview dialog's parts, kept for tests.
	preview  *dialog.CustomDialog
	summary  *widget.Label
	table    *keyTable
	rows     []sheet.Row // problems first, then people already in the register, then the rest
	branches *check
	update   *widget.RadioGroup
	// officesFrom is the day the Chức vụ column's offices start, under
	// officesLabel's count of them.
	officesFrom  *entry
	officesLabel *widget.Label
	importBtn    *button
	// why says why the import button is disabled.
	why       *widget.Label
	rejectBtn *button
	// writing says how long the import has been writing.
	writing *elapsed
	// result is the last import's outcome, for tests.
	result *store.ImportResult
}

// sheetExts are the files the window takes as member lists.
var sheetExts = []string{".xlsx", ".csv", ".xls"}

// fromFile asks for a spreadsheet and imports it.
func (in *imports) fromFile() {
	chooseFile(in.f, in.win, fileDialogSpec{exts: sheetExts, title: T("Chọn bảng danh sách để nhập"), size: fyne.NewSize(900, 600)}, in.start)
}

// dropped imports the first spreadsheet among the files dropped on the
// window.
func (in *imports) dropped(uris []fyne.URI) {
	for _, u := range uris {
		ext := strings.ToLower(u.Extension())
		for _, e := range sheetExts {
			if ext == e {
				in.start(u.Path())
				return
			}
		}
	}
	if len(uris) > 0 {
		in.f.showError(fmt.Errorf(T("Chỉ nhập được tệp .xlsx, .csv hoặc .xls: %s"), uris[0].Name()))
	}
}

// start reads path off the UI goroutine, with a progress bar, then
// shows the preview.
func (in *imports) start(path string) {
	im := &importer{in: in, path: path, progress: widget.NewProgressBar()}
	in.last = im
	label := widget.NewLabel(fmt.Sprintf(T("Đang đọc %s…"), filepath.Base(path)))
	// An .xlsx says how many rows it has; for other files the bar only
	// shows that the work goes on.
	var bar fyne.CanvasObject = im.progress
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		e := newElapsed(in.do, T("Đang đọc…"))
		im.stopBar = e.stop
		bar = e.label
	}
	im.working = dialog.NewCustomWithoutButtons(T("Nhập từ Excel"), container.NewVBox(label, bar), in.win)
	im.working.Resize(fyne.NewSize(480, 140))
	in.f.showDialog(im.working, nil)
	go func() {
		pv, err := sheet.Read(in.ctx, in.st, path, func(done, total int) {
			in.do(func() {
				if total > 0 {
					im.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		in.do(func() {
			if im.stopBar != nil {
				im.stopBar()
			}
			im.working.Hide()
			if err != nil {
				in.f.showError(err)
				return
			}
			im.pv = pv
			im.showPreview()
		})
	}()
}

// showPreview shows what the import would do: the counts, the columns not
// recognised, the new branches, and a table of the rows with their
// problems, before anything is written.
func (im *importer) showPreview() {
	in, pv := im.in, im.pv
	valid, invalid, existing := pv.Counts()
	var lines []string
	lines = append(lines, fmt.Sprintf(T("%s: %s dòng hợp lệ (%s người đã có trong sổ), %s dòng lỗi."),
		filepath.Base(im.path), fmtInt(int64(valid)), fmtInt(int64(existing)), fmtInt(int64(invalid))))
	if cols := pv.Unrecognised(); len(cols) > 0 {
		lines = append(lines, T("Cột không nhận ra (không nhập): ")+strings.Join(cols, ", "))
	}
	if pv.Below > 0 {
		lines = append(lines, fmt.Sprintf(T("Bỏ qua %d dòng dưới bảng (nơi ký tên)."), pv.Below))
	}
	if invalid > 0 {
		lines = append(lines, T("Chỉ các dòng hợp lệ được nhập; các dòng lỗi có thể lưu ra Excel để sửa rồi nhập lại."))
	}
	im.summary = widget.NewLabel(strings.Join(lines, "\n"))
	im.summary.Wrapping = fyne.TextWrapWord

	// Problems first: they are what the user must read.
	im.rows = im.rows[:0]
	for pass := 0; pass < 3; pass++ {
		for _, r := range pv.Rows {
			bad, old := len(r.Problems) > 0, r.Existing != 0
			if (pass == 0 && bad) || (pass == 1 && !bad && old) || (pass == 2 && !bad && !old) {
				im.rows = append(im.rows, r)
			}
		}
	}
	headers := []string{T("Dòng"), T("Họ và tên"), T("Ngày sinh"), T("Chi đoàn"), T("Kết quả kiểm tra")}
	widths := []float32{60, 210, 100, 250, 520}
	im.table = newTable(im.in.f,
		func() (int, int) { return len(im.rows), len(headers) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			// A cell's text stays in its column (a long branch name ran
			// over the result); the last column, the reason, runs to the
			// table's edge.
			if id.Col < len(headers)-1 {
				l.Truncation = fyne.TextTruncateEllipsis
			} else {
				l.Truncation = fyne.TextTruncateOff
			}
			l.SetText(im.cell(id.Row, id.Col))
		})
	im.table.ShowHeaderRow = true
	im.table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	im.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Col >= 0 {
			l.SetText(headers[id.Col])
		}
	}
	for i, w := range widths {
		im.table.SetColumnWidth(i, w)
	}

	var options []fyne.CanvasObject
	if len(pv.UnknownBranches) > 0 {
		im.branches = newCheck(in.f, fmt.Sprintf(T("Tạo %d chi đoàn mới: %s"), len(pv.UnknownBranches), someNames(pv.UnknownBranches, 4)),
			func(bool) { im.refreshButton() })
		options = append(options, im.branches)
	}
	if n, people := pv.OfficeCount(); n > 0 {
		// The offices are recorded, not dropped (issue 17): from a day
		// the user sees and may change, the term's first by default.
		im.officesFrom = newDateEntry(in.f)
		im.officesFrom.SetText(domain.TermStart(in.clock.today()).String())
		im.officesLabel = widget.NewLabel(fmt.Sprintf(T("Cột Chức vụ: ghi %d chức vụ của %d người, từ ngày"), n, people))
		hint := widget.NewLabel(T("(không trước ngày vào Đoàn, ngày tròn 16 tuổi của mỗi người)"))
		options = append(options, container.NewHBox(im.officesLabel, container.NewGridWrap(fyne.NewSize(130, im.officesFrom.MinSize().Height), im.officesFrom), hint))
	}
	if existing > 0 {
		skip, upd := T("Bỏ qua người đã có"), T("Cập nhật người đã có theo bảng")
		im.update = widget.NewRadioGroup([]string{skip, upd}, func(string) { im.refreshButton() })
		im.update.Horizontal = true
		im.update.Required = true
		im.update.SetSelected(skip)
		options = append(options, im.update)
	}

	im.importBtn = newButton(in.f, "", im.doImport)
	im.importBtn.Importance = widget.HighImportance
	im.why = widget.NewLabel("")
	im.why.Importance = widget.WarningImportance
	options = append(options, im.why)
	im.refreshButton()
	im.rejectBtn = newButton(in.f, T("Lưu các dòng lỗi ra Excel"), im.saveRejected)
	if invalid == 0 {
		im.rejectBtn.Disable()
	}
	top := container.NewVBox(append([]fyne.CanvasObject{im.summary}, options...)...)
	content := container.NewBorder(top, nil, nil, nil, im.table)
	im.preview = dialog.NewCustomWithoutButtons(T("Xem trước khi nhập"), content, in.win)
	im.preview.SetButtons([]fyne.CanvasObject{newButton(in.f, T("Hủy")+" (Esc)", im.preview.Hide), im.rejectBtn, im.importBtn})
	im.preview.Resize(fyne.NewSize(1120, 640))
	in.f.showDialog(im.preview, nil)
}

// refreshButton says on the import button what the import will do with
// the choices made ("Nhập 0 người mới, bỏ qua 232 người đã có"), and
// disables it, saying why beside it, when the import would be refused or
// would change nothing (issue 17: it promised "Nhập 232 người" in both
// cases).
func (im *importer) refreshButton() {
	if im.importBtn == nil || im.why == nil {
		return
	}
	valid, _, existing := im.pv.Counts()
	fresh := valid - existing
	offices, _ := im.pv.OfficeCount()
	update := im.update != nil && im.update.Selected == im.update.Options[1]
	text := fmt.Sprintf(T("Nhập %s người mới"), fmtInt(int64(fresh)))
	switch {
	case existing > 0 && update:
		text += ", " + fmt.Sprintf(T("cập nhật %s người đã có"), fmtInt(int64(existing)))
	case existing > 0:
		text += ", " + fmt.Sprintf(T("bỏ qua %s người đã có"), fmtInt(int64(existing)))
	}
	im.importBtn.SetText(text)
	why := ""
	switch {
	case valid == 0:
		why = T("Không có dòng hợp lệ nào để nhập.")
	case im.branches != nil && !im.branches.Checked:
		why = T("Đánh dấu ô Tạo chi đoàn mới để nhập, hoặc sửa tên chi đoàn trong bảng.")
	case fresh == 0 && !update && offices == 0:
		why = T("Mọi người trong bảng đã có trong sổ: chọn Cập nhật người đã có theo bảng nếu muốn sửa theo bảng.")
	}
	im.why.SetText(why)
	if why == "" {
		im.why.Hide()
		im.importBtn.Enable()
	} else {
		im.why.Show()
		im.importBtn.Disable()
	}
}

// someNames lists the first max names and counts the others: a sheet of a
// new ward can name eighty branches, more than a line or a dialog holds
// (the Chi đoàn screen lists them all).
func someNames(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, "; ")
	}
	return fmt.Sprintf(T("%s và %d chi đoàn khác"), strings.Join(names[:max], "; "), len(names)-max)
}

// cell is the text of the preview table's cell.
func (im *importer) cell(row, col int) string {
	if row >= len(im.rows) {
		return ""
	}
	r := im.rows[row]
	p := r.Person
	switch col {
	case 0:
		return fmt.Sprint(r.SheetRow)
	case 1:
		return p.FullName()
	case 2:
		return p.BirthDate.String()
	case 3:
		return p.BranchName
	}
	switch {
	case len(r.Problems) > 0:
		msgs := make([]string, len(r.Problems))
		for i, pr := range r.Problems {
			msgs[i] = pr.Column + ": " + problemText(pr)
		}
		return "× " + strings.Join(msgs, "; ") // × not ✗: in the bundled font
	case r.Existing != 0:
		return fmt.Sprintf(T("Đã có trong sổ: %s"), r.ExistingName)
	}
	return T("Hợp lệ")
}

// options reads the user's choices; an error names a bad date.
func (im *importer) options() (sheet.ImportOptions, error) {
	o := sheet.ImportOptions{SkipInvalid: true}
	if im.officesFrom != nil {
		d, err := domain.ParseDate(im.officesFrom.Text)
		if err != nil {
			return o, fmt.Errorf("%s: %w", T("Chức vụ từ ngày"), err)
		}
		o.OfficesFrom = d
	}
	if im.branches != nil {
		o.CreateBranches = im.branches.Checked
	}
	if im.update != nil {
		o.Update = im.update.Selected == im.update.Options[1]
	}
	return o, nil
}

// doImport writes the valid rows in one transaction (after a backup) off
// the UI goroutine, then says what it did.
func (im *importer) doImport() {
	in := im.in
	o, err := im.options()
	if err != nil {
		in.f.showError(err)
		return
	}
	if len(im.pv.UnknownBranches) > 0 && !o.CreateBranches {
		in.f.showError(errors.New(T("Bảng có chi đoàn chưa có trong sổ: đánh dấu ô Tạo chi đoàn mới, hoặc sửa tên chi đoàn trong bảng.")))
		return
	}
	im.importBtn.Disable()
	valid, _, _ := im.pv.Counts()
	im.writing = newElapsed(in.do, fmt.Sprintf(T("Đang ghi %s người vào sổ…"), domain.FormatInt(int64(valid))))
	working := dialog.NewCustomWithoutButtons(T("Đang nhập…"), im.writing.label, in.win)
	in.f.showDialog(working, nil)
	go func() {
		res, err := im.pv.Import(in.ctx, in.st, o)
		in.do(func() {
			im.writing.stop()
			working.Hide()
			if err != nil {
				im.importBtn.Enable()
				in.f.showError(err)
				return
			}
			im.result = &res
			im.preview.Hide()
			in.imported()
			msg := fmt.Sprintf(T("Đã nhập %s người mới, cập nhật %s, bỏ qua %s người đã có."),
				fmtInt(int64(res.Added)), fmtInt(int64(res.Updated)), fmtInt(int64(res.Skipped)))
			if len(res.Branches) > 0 {
				msg += "\n" + fmt.Sprintf(T("Đã tạo %d chi đoàn mới: %s"), len(res.Branches), someNames(res.Branches, 8))
			}
			if res.Offices > 0 {
				msg += "\n" + fmt.Sprintf(T("Đã ghi %d chức vụ của cột Chức vụ."), res.Offices)
			}
			if res.Backup != "" {
				msg += "\n" + T("Bản sao lưu trước khi nhập: ") + res.Backup
			}
			in.f.info(T("Đã nhập từ Excel"), msg)
		})
	}()
}

// saveRejected writes the rows with problems and their reasons to an
// .xlsx in this year's reports folder and offers to open it.
func (im *importer) saveRejected() {
	in := im.in
	dir, err := in.folders.yearDir(in.clock.thisYear())
	if err != nil {
		in.f.showError(err)
		return
	}
	path := filepath.Join(dir, "dong-chua-nhap-"+in.clock.fileStamp()+".xlsx")
	out := in.st.Output(path, false)
	out.Ask = in.folders.askReplace
	n, err := im.pv.WriteRejected(out)
	if err != nil {
		in.f.showError(err)
		return
	}
	in.folders.fileReady(T("Đã lưu các dòng lỗi"), fmt.Sprintf(T("Đã ghi %d dòng kèm lý do vào %s."), n, path), path)
}

// problemText is a row's problem in the window's language.
func problemText(p sheet.Problem) string {
	if p.Format == "" {
		return p.Reason
	}
	return errText(&domain.MessageError{Format: p.Format, Args: p.Args})
}

// elapsed is a label saying how long a step has run, updated once a
// second. It stands in for an endless progress bar, whose animation
// redraws the whole window every frame: in the real window (Xvfb) an
// import of 82,000 rows cost 7.2 processor seconds with one, 4.1 without,
// and on a busy two-core laptop the redraws slowed the import itself.
type elapsed struct {
	label *widget.Label
	stop  func() // stops the updates; safe to call more than once
}

// newElapsed starts a label reading text, then "text (N giây)".
func newElapsed(do func(func()), text string) *elapsed {
	e := &elapsed{label: widget.NewLabel(text)}
	done := make(chan struct{})
	var once sync.Once
	e.stop = func() { once.Do(func() { close(done) }) }
	start := time.Now() // the wall clock: it measures the import's length
	// The words are read here, on the UI goroutine: T reads the language,
	// which a switch in Settings changes there.
	format := T("%s (%d giây)")
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				s := fmt.Sprintf(format, text, int(time.Since(start).Seconds()))
				do(func() {
					select {
					case <-done: // stopped meanwhile: the dialog is gone
					default:
						e.label.SetText(s)
					}
				})
			}
		}
	}()
	return e
}
