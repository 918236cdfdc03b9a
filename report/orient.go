package report

import "codeberg.org/go-pdf/fpdf"

// A document may mix portrait and landscape pages (the branch book: its
// lists portrait, its twelve-month grids landscape). fpdf's AddPage goes
// back to the document's first orientation; pages here continue in the
// orientation of the page before, and turn only where a writer asks.

// AddPage starts a page in the current page's orientation and size. For a
// document of one orientation it is fpdf's AddPage: the size passed is
// the document's own, so no page gets a size entry of its own and the
// output is byte for byte what it was.
func (g pdfGate) AddPage() {
	w, h := g.GetPageSize()
	if w > h {
		g.AddPageFormat("L", fpdf.SizeType{Wd: h, Ht: w})
		return
	}
	g.AddPageFormat("P", fpdf.SizeType{Wd: w, Ht: h})
}

// turnPage starts a new page in the orientation asked, the text width
// following it; the page number is drawn at the new width.
func (d *doc) turnPage(landscape bool) {
	d.endTable()
	w, h := d.pdf.GetPageSize()
	short, long := min(w, h), max(w, h)
	orient, pw := "P", short
	if landscape {
		orient, pw = "L", long
	}
	d.w = pw - d.set.MarginLeft - d.set.MarginRight
	d.pdf.AddPageFormat(orient, fpdf.SizeType{Wd: short, Ht: long})
}
