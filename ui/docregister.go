package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"sodoan/store"
)

// docRegister is the register of outgoing documents (sổ văn bản đi): every
// document Sổ Đoàn numbered, the latest number first, and under it every
// issue of it (a reissue is a version beside the first, never a
// rewrite), each with its file when it still exists.
type docRegister struct {
	ctx     context.Context
	st      *store.Store
	f       frame
	folders *folders // opens a document's file
	rows    []docRow
	exists  []bool // whether rows[i]'s file is on disk
	issuer  string
	table   *keyTable
	count   *widget.Label
	root    fyne.CanvasObject
}

// docRow is one issue of a document: the first (the one its number was
// given to) or a later version.
type docRow struct {
	doc     domain.Document
	version int // 1 for the first issue
	issue   domain.DocumentVersion
}

// docRows lists every issue of the documents, each document's issues in
// the order they were made.
func docRows(docs []domain.Document) []docRow {
	var out []docRow
	for _, d := range docs {
		if len(d.Versions) == 0 {
			out = append(out, docRow{doc: d, version: 1, issue: d.Latest()})
			continue
		}
		for i, v := range d.Versions {
			out = append(out, docRow{doc: d, version: i + 1, issue: v})
		}
	}
	return out
}

type docColumn struct {
	title string
	width float32
}

func docColumns() []docColumn {
	return []docColumn{
		{T("Năm"), 60},
		{T("Loại"), 110},
		{T("Số, ký hiệu"), 120},
		{T("Trích yếu"), 230},
		{T("Ngày ban hành"), 125},
		{T("Lần"), 70},
		{T("Tệp"), 140},
		{"", 190},
	}
}

// docOpenCol is the column of the "Mở tệp" buttons, with an In and a Gửi
// email button (icons) beside each.
const docOpenCol = 7

func newDocRegister(ctx context.Context, st *store.Store, f frame, folders *folders) *docRegister {
	r := &docRegister{ctx: ctx, st: st, f: f, folders: folders, count: widget.NewLabel("")}
	cols := docColumns()
	r.table = newTable(f,
		func() (int, int) { return len(r.rows), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			b := newButtonWithIcon(f, T("Mở tệp"), theme.FileIcon(), nil)
			pr := newButtonWithIcon(f, "", theme.DocumentPrintIcon(), nil)
			em := newButtonWithIcon(f, "", theme.MailSendIcon(), nil)
			for _, x := range []*button{b, pr, em} {
				x.Importance = widget.LowImportance
			}
			return container.NewStack(l, container.NewHBox(b, pr, em))
		},
		r.updateCell)
	r.table.ShowHeaderRow = true
	r.table.CreateHeader = func() fyne.CanvasObject { return heading("") }
	r.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(cols[id.Col].title)
		}
	}
	for i, c := range cols {
		r.table.SetColumnWidth(i, c.width)
	}
	r.table.OnSelected = func(widget.TableCellID) { r.table.UnselectAll() }
	r.root = container.NewBorder(r.count, nil, nil, nil, r.table)
	return r
}

func (r *docRegister) refresh() {
	docs, err := r.st.Documents(r.ctx, 0)
	if err != nil {
		r.f.showError(err)
		return
	}
	u, err := r.st.Unit(r.ctx)
	if err != nil {
		r.f.showError(err)
		return
	}
	r.rows, r.issuer = docRows(docs), u.IssuerCode
	r.exists = make([]bool, len(r.rows))
	for i, row := range r.rows {
		if row.issue.File != "" {
			_, err := os.Stat(row.issue.File)
			r.exists[i] = err == nil
		}
	}
	if len(docs) == 0 {
		r.count.SetText(T("Sổ văn bản đi chưa có văn bản nào."))
	} else {
		r.count.SetText(fmt.Sprintf(T("Số văn bản đã vào sổ: %s; số lần ban hành: %s"), fmtInt(int64(len(docs))), fmtInt(int64(len(r.rows)))))
	}
	r.table.Refresh()
}

// cellText is what the register shows in a cell. A later issue repeats
// its document's number, so that each line reads on its own.
func (r *docRegister) cellText(row, col int) string {
	x := r.rows[row]
	d := x.doc
	switch col {
	case 0:
		return strconv.Itoa(d.Year)
	case 1:
		for _, c := range domain.DocumentTypes {
			if c.Code == d.Type {
				return T(c.Label)
			}
		}
		return d.Type
	case 2:
		return d.Symbol(r.issuer)
	case 3:
		return x.issue.Title
	case 4:
		return x.issue.Issued.String()
	case 5:
		if x.version == 1 {
			return T("Lần đầu")
		}
		return fmt.Sprintf(T("Lần %d"), x.version)
	case 6:
		if x.issue.File == "" {
			return ""
		}
		if !r.exists[row] {
			return filepath.Base(x.issue.File) + " (" + T("không còn") + ")"
		}
		return filepath.Base(x.issue.File)
	}
	return ""
}

func (r *docRegister) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(r.rows) {
		return
	}
	st := o.(*fyne.Container)
	l, btns := st.Objects[0].(*widget.Label), st.Objects[1].(*fyne.Container)
	b, pr, em := btns.Objects[0].(*button), btns.Objects[1].(*button), btns.Objects[2].(*button)
	if id.Col != docOpenCol {
		btns.Hide()
		l.Show()
		l.SetText(r.cellText(id.Row, id.Col))
		return
	}
	l.Hide()
	if !r.exists[id.Row] {
		btns.Hide()
		return
	}
	file := r.rows[id.Row].issue.File
	b.OnTapped = func() { r.folders.openPath(file) }
	pr.OnTapped = func() { r.folders.printFile(file) }
	em.OnTapped = func() { r.folders.emailFile(file) }
	btns.Show()
}
