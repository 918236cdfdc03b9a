// Package report writes Sổ Đoàn's documents as PDF in the official layout
// of a Youth Union document (Hướng dẫn 29-HD/TWĐTN-VP): the two-column
// header, the document type and summary, justified body text, tables whose
// header row repeats on every page, page numbers from page 2, and the
// recipients and signature blocks. Every document is a function of plain
// data (domain types and the document structs here) that writes the PDF to
// an io.Writer. It must not import store, issuing, sheet or ui: package
// issuing reads a document's data from the register and hands it here, so
// that the layout can be tested without one.
package report

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"sodoan/assets"
)

// Settings are the measurements of the layout. The defaults follow the
// layout reference; values the reference marks provisional are here rather
// than in code so that a ward can follow its upper body's own rules.
type Settings struct {
	// Page margins in millimetres.
	MarginTop, MarginBottom, MarginLeft, MarginRight float64

	HeaderSize      float64 // upper body, unit name and ĐOÀN TNCS HỒ CHÍ MINH (pt)
	NumberSize      float64 // the "Số: …" line (pt)
	DateSize        float64 // the italic place and date (pt)
	TypeSize        float64 // the document type, BÁO CÁO (pt)
	SummarySize     float64 // the summary below it (pt)
	BodySize        float64 // paragraphs and headings (pt)
	TableSize       float64 // cells of portrait tables (pt)
	ListSize        float64 // cells of landscape member lists (pt)
	PageNumberSize  float64 // page numbers in the top margin (pt)
	RecipientsTitle float64 // "Nơi nhận:" (pt)
	RecipientsSize  float64 // the recipient lines (pt)

	LineSpacing      float64 // line height as a multiple of the font size
	ParagraphSpacing float64 // space before a paragraph (pt)
	FirstLineIndent  float64 // first-line indent of body paragraphs (mm)
	SignatureSpace   float64 // room for the signature and stamp (mm)
	CellPadding      float64 // space between a table border and its text (mm)
}

// DefaultSettings returns the layout reference's values: margins 20, 20,
// 30 and 20 mm, 14 pt header lines (upper and issuing body) and body text,
// 13 pt page numbers.
func DefaultSettings() Settings {
	return Settings{
		MarginTop: 20, MarginBottom: 20, MarginLeft: 30, MarginRight: 20,
		HeaderSize: 14, NumberSize: 13, DateSize: 14,
		TypeSize: 16, SummarySize: 14, BodySize: 14,
		TableSize: 12, ListSize: 10.5, PageNumberSize: 13,
		RecipientsTitle: 12, RecipientsSize: 11,
		LineSpacing: 1.2, ParagraphSpacing: 6, FirstLineIndent: 12.7,
		SignatureSpace: 25, CellPadding: 1,
	}
}

// family is the name the embedded serif is registered under in each PDF.
const family = "LiberationSerif"

// ptMM converts points to millimetres, the unit the documents are laid out in.
const ptMM = 25.4 / 72

// doc is one PDF being written: the fpdf instance, the settings, and
// scratch buffers reused line after line so that long tables do not
// allocate per cell.
type doc struct {
	pdf  pdfGate // fpdf, its text entry points guarded (glyphs.go)
	set  Settings
	left float64 // page left margin, for convenience
	w    float64 // width between the margins
	// Page numbering starts at the document's second page.
	numberPages bool
	lines       []string
	// The face and size last selected: fpdf's SetFont writes an operator
	// to the page each time, so a repeated selection is skipped.
	curStyle string
	curSize  float64
	curPage  int
	// raw is a scratch buffer for drawing operators written directly.
	raw []byte
	// open is the table whose last block of rows still lacks its column
	// rules (see table.closeBlock).
	open *table
}

// newDoc starts a PDF on A4, portrait or landscape, with the embedded fonts.
func newDoc(set Settings, landscape bool) *doc {
	orient := "P"
	if landscape {
		orient = "L"
	}
	p := fpdf.New(orient, "mm", "A4", "")
	p.AddUTF8FontFromBytes(family, "", assets.SerifRegular)
	p.AddUTF8FontFromBytes(family, "B", assets.SerifBold)
	p.AddUTF8FontFromBytes(family, "I", assets.SerifItalic)
	p.AddUTF8FontFromBytes(family, "BI", assets.SerifBoldItalic)
	p.SetMargins(set.MarginLeft, set.MarginTop, set.MarginRight)
	p.SetAutoPageBreak(true, set.MarginBottom)
	p.SetCellMargin(0)
	p.SetLineWidth(0.2)
	p.SetProducer("Sổ Đoàn", true)
	p.SetCreator("Sổ Đoàn", true)
	// A fixed date keeps the output reproducible: the same register gives
	// byte-identical files, which makes regressions easy to spot.
	p.SetCreationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	p.SetCatalogSort(true)
	// Streams are compressed in finish, faster than fpdf does it.
	p.SetCompression(false)
	pw, _ := p.GetPageSize()
	d := &doc{pdf: pdfGate{p}, set: set, left: set.MarginLeft, w: pw - set.MarginLeft - set.MarginRight, numberPages: true}
	p.SetHeaderFunc(d.pageHeader)
	p.SetFont(family, "", set.BodySize)
	p.AddPage()
	return d
}

// pageHeader prints the page number centred in the top margin from page 2
// on, as the layout rules ask.
func (d *doc) pageHeader() {
	n := d.pdf.PageNo()
	if n < 2 || !d.numberPages {
		return
	}
	size := d.set.PageNumberSize
	d.pdf.SetFont(family, "", size)
	d.curPage = -1 // the page header changed the font behind the cache
	h := size * ptMM
	d.pdf.SetXY(d.left, (d.set.MarginTop-h)/2)
	d.pdf.CellFormat(d.w, h, strconv.Itoa(n), "", 0, "C", false, 0, "")
	d.pdf.SetXY(d.left, d.set.MarginTop)
}

// font selects a face ("", "B", "I", "BI", with "U" to underline) and size.
func (d *doc) font(style string, size float64) {
	// fpdf re-selects the font itself at the start of each page, so the
	// cache holds only within a page.
	if style == d.curStyle && size == d.curSize && d.pdf.PageNo() == d.curPage {
		return
	}
	d.pdf.SetFont(family, style, size)
	d.curStyle, d.curSize, d.curPage = style, size, d.pdf.PageNo()
}

// lh is the line height in mm for a font size in pt.
func (d *doc) lh(size float64) float64 { return size * ptMM * d.set.LineSpacing }

// bottom is the lowest y that content may reach on the current page.
func (d *doc) bottom() float64 {
	_, ph := d.pdf.GetPageSize()
	return ph - d.set.MarginBottom
}

// room reports whether h mm still fit on the current page.
func (d *doc) room(h float64) bool { return d.pdf.GetY()+h <= d.bottom() }

// ensure starts a new page unless h mm still fit on this one.
func (d *doc) ensure(h float64) {
	d.endTable()
	if !d.room(h) {
		d.pdf.AddPage()
	}
}

// space moves down by h mm (no further than the page end).
func (d *doc) space(h float64) {
	d.endTable()
	y := d.pdf.GetY() + h
	if y > d.bottom() {
		d.pdf.AddPage()
		return
	}
	d.pdf.SetY(y)
}

// finish writes the PDF to w.
func (d *doc) finish(w io.Writer) error {
	d.endTable()
	cw := &compressWriter{w: w}
	if err := d.pdf.Output(cw); err != nil {
		return fmt.Errorf("ghi tệp PDF: %w", err)
	}
	if err := cw.Close(); err != nil {
		return fmt.Errorf("ghi tệp PDF: %w", err)
	}
	return nil
}

// width is the width in mm of s in the current font.
func (d *doc) width(s string) float64 { return d.pdf.GetStringWidth(s) }
