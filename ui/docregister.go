package ui

import (
	"os"
	"path/filepath"
	"strconv"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docRegister is the register of outgoing documents (sổ văn bản đi): every
// document Sổ Đoàn numbered, newest first, with its file when it still
// exists.
type docRegister struct {
	a      *App
	docs   []domain.Document
	exists []bool // whether docs[i].File is on disk
	issuer string
	table  *widget.Table
	count  *widget.Label
	root   fyne.CanvasObject
}

type docColumn struct {
	title string
	width float32
}

func docColumns() []docColumn {
	return []docColumn{
		{T("Năm"), 60},
		{T("Loại"), 120},
		{T("Số, ký hiệu"), 120},
		{T("Trích yếu"), 330},
		{T("Ngày ban hành"), 125},
		{T("Tệp"), 180},
		{"", 115},
	}
}

// docOpenCol is the column of the "Mở tệp" buttons.
const docOpenCol = 6

func newDocRegister(a *App) *docRegister {
	r := &docRegister{a: a, count: widget.NewLabel("")}
	cols := docColumns()
	r.table = widget.NewTable(
		func() (int, int) { return len(r.docs), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			b := newButtonWithIcon(T("Mở tệp"), theme.FileIcon(), nil)
			b.Importance = widget.LowImportance
			return container.NewStack(l, b)
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
	a := r.a
	docs, err := a.st.Documents(a.ctx, 0)
	if err != nil {
		a.showError(err)
		return
	}
	u, err := a.st.Unit(a.ctx)
	if err != nil {
		a.showError(err)
		return
	}
	r.docs, r.issuer = docs, u.IssuerCode
	r.exists = make([]bool, len(docs))
	for i, d := range docs {
		if d.File != "" {
			_, err := os.Stat(d.File)
			r.exists[i] = err == nil
		}
	}
	if len(docs) == 0 {
		r.count.SetText(T("Sổ văn bản đi chưa có văn bản nào."))
	} else {
		r.count.SetText(T("Số văn bản đã vào sổ") + ": " + fmtInt(int64(len(docs))))
	}
	r.table.Refresh()
}

// cellText is what the register shows in a cell.
func (r *docRegister) cellText(row, col int) string {
	d := r.docs[row]
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
		return d.Title
	case 4:
		return d.Issued.String()
	case 5:
		if d.File == "" {
			return ""
		}
		if !r.exists[row] {
			return filepath.Base(d.File) + " (" + T("không còn") + ")"
		}
		return filepath.Base(d.File)
	}
	return ""
}

func (r *docRegister) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(r.docs) {
		return
	}
	st := o.(*fyne.Container)
	l, b := st.Objects[0].(*widget.Label), st.Objects[1].(*button)
	if id.Col != docOpenCol {
		b.Hide()
		l.Show()
		l.SetText(r.cellText(id.Row, id.Col))
		return
	}
	l.Hide()
	if !r.exists[id.Row] {
		b.Hide()
		return
	}
	file := r.docs[id.Row].File
	b.OnTapped = func() { r.a.openPath(file) }
	b.Show()
}
