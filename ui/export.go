package ui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/sheet"
	"sodoan/store"
)

// exportChoice is the small dialog Xuất Excel opens on the members
// screen: the file's format, and whether the personal data go in.
type exportChoice struct {
	d *dialog.CustomDialog
	// holds says which people the file will hold (the list's filter and
	// search); which, shown when the list is narrowed, offers everyone of
	// the list's kind and status instead (issue 17, finding 6: an export
	// of a leftover search of one person, without a word).
	holds    *widget.Label
	which    *widget.RadioGroup
	format   *widget.RadioGroup
	personal *check
	ok       *button
}

// exportFormats are the choices of exportChoice.format.
var exportFormats = []string{"Excel (.xlsx)", "CSV (.csv)"}

// exportExcel says which people the list holds and offers all of them
// instead when it is narrowed, asks for the format and whether to include
// the personal data (CCCD, phone, address, ethnicity, religion, notes: out
// unless the user asks, Nghị định 13/2023/NĐ-CP), then writes the people
// chosen (every page).
func (m *membersScreen) exportExcel() {
	c := &exportChoice{}
	shown := fmt.Sprintf(T("Những người đang hiện: %s người"), fmtInt(int64(m.total)))
	all := fmt.Sprintf(T("Tất cả %s %s"), fmtInt(int64(m.all)), m.countNoun())
	c.holds = widget.NewLabel(fmt.Sprintf(T("Danh sách đang hiện %s người: %s."), fmtInt(int64(m.total)), m.filterText()))
	c.holds.Wrapping = fyne.TextWrapWord
	c.which = widget.NewRadioGroup([]string{shown, all}, nil)
	c.which.Required = true
	c.which.SetSelected(shown)
	narrowed := m.total != m.all || m.filter.Query != ""
	if !narrowed {
		c.which.Hide()
	}
	c.format = widget.NewRadioGroup(exportFormats, nil)
	c.format.Required = true
	c.format.SetSelected(exportFormats[0])
	c.personal = newCheck(m.f, T("Kèm thông tin cá nhân: CCCD, điện thoại, địa chỉ, dân tộc, tôn giáo, ghi chú"), nil)
	c.d = dialog.NewCustomWithoutButtons(T("Xuất danh sách"),
		container.NewVBox(c.holds, c.which, widget.NewSeparator(), c.format, c.personal), m.win)
	c.d.Resize(fyne.NewSize(560, 0))
	c.ok = newButton(m.f, T("Xuất"), func() {
		c.d.Hide()
		ext := ".xlsx"
		if c.format.Selected == exportFormats[1] {
			ext = ".csv"
		}
		f := m.filter
		if c.which.Visible() && c.which.Selected == all {
			f = m.allFilter(f)
			f.Sort, f.Desc = m.filter.Sort, m.filter.Desc
		}
		m.export(f, ext, c.personal.Checked)
	})
	c.ok.Importance = widget.HighImportance
	c.d.SetButtons([]fyne.CanvasObject{newButton(m.f, T("Hủy")+" (Esc)", c.d.Hide), c.ok})
	m.exportChoice = c
	m.f.showDialog(c.d, c.ok.OnTapped)
}

// export writes the people of f to a file of ext in this year's documents
// folder, off the UI goroutine, then offers to open it.
func (m *membersScreen) export(f store.MemberFilter, ext string, personal bool) {
	f.Offset, f.Limit = 0, 0
	dir, err := m.folders.yearDir(m.clock.thisYear())
	if err != nil {
		m.f.showError(err)
		return
	}
	name := "danh-sach-doan-vien"
	if f.Kind == store.KindFederation {
		name = "danh-sach-hoi-vien"
	}
	path := filepath.Join(dir, name+"-"+m.clock.fileStamp()+ext)
	m.exportBtn.Disable()
	go func() {
		out := m.st.Output(path, false)
		out.Ask = m.folders.askReplace // never over a file without asking
		n, err := sheet.ExportMembersFile(m.ctx, m.st, f, out, sheet.ExportOptions{Personal: personal})
		m.do(func() {
			m.exportBtn.Enable()
			if err != nil {
				m.f.showError(err)
				return
			}
			m.lastExport = path
			m.folders.fileReady(T("Đã xuất Excel"), fmt.Sprintf(T("Đã ghi %s người vào %s."), fmtInt(int64(n)), path), path)
		})
	}()
}

// filterText says in words which people the list holds: the search, the
// kind, branch, status (or Hội state), gender and the turning-30 choice.
func (m *membersScreen) filterText() string {
	var parts []string
	if q := strings.TrimSpace(m.filter.Query); q != "" {
		parts = append(parts, fmt.Sprintf(T("đang tìm: “%s”"), q))
	}
	parts = append(parts, m.kindSel.Selected)
	if m.filter.BranchID != 0 {
		parts = append(parts, m.branchSel.Selected)
	}
	if m.kind == store.KindFederation {
		parts = append(parts, m.fedSel.Selected)
	} else {
		parts = append(parts, m.statusSel.Selected)
	}
	if m.filter.Gender != "" {
		parts = append(parts, m.genderSel.Selected)
	}
	if m.filter.TurningThirty != 0 {
		parts = append(parts, m.turning.Text)
	}
	return strings.Join(parts, ", ")
}

// tableExports writes the list screens' tables to spreadsheets (their
// Xuất Excel buttons).
type tableExports struct {
	ctx     context.Context
	st      *store.Store
	clock   clock // names the files
	f       frame
	do      func(func()) // runs UI updates from the writing goroutine
	folders *folders
	last    string // the latest table written, for tests
}

func newTableExports(ctx context.Context, st *store.Store, clock clock, f frame, do func(func()), folders *folders) *tableExports {
	return &tableExports{ctx: ctx, st: st, clock: clock, f: f, do: do, folders: folders}
}

// button is the Xuất Excel button of a list screen: it writes the table
// (one of sheet.Tables) of year() to the year's documents folder under
// file-<time>.xlsx, off the UI goroutine, then offers to open it.
func (x *tableExports) button(table, file string, year func() int) *button {
	var b *button
	b = newButtonWithIcon(x.f, T("Xuất Excel"), theme.DownloadIcon(), func() {
		y := year()
		dir, err := x.folders.yearDir(y)
		if err != nil {
			x.f.showError(err)
			return
		}
		path := filepath.Join(dir, file+"-"+x.clock.fileStamp()+".xlsx")
		b.Disable()
		go func() {
			var n int
			out := x.st.Output(path, false)
			out.Ask = x.folders.askReplace
			err := sheet.WriteFile(out, func(w io.Writer, f sheet.Format) error {
				var err error
				n, err = sheet.ExportTable(x.ctx, x.st, table, y, w, f)
				return err
			})
			x.do(func() {
				b.Enable()
				if err != nil {
					x.f.showError(err)
					return
				}
				x.last = path
				x.folders.fileReady(T("Đã xuất Excel"), fmt.Sprintf(T("Đã ghi %s dòng vào %s."), fmtInt(int64(n)), path), path)
			})
		}()
	})
	return b
}
