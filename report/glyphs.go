package report

import (
	"strings"
	"sync"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"sodoan/assets"
)

// Every text a document prints passes through nfc (below), and whatever
// reaches fpdf passes through pdfGate, the one door to it. fpdf indexes its width table by rune and panics on a rune outside
// the Basic Multilingual Plane ("index out of range [65536]": an emoji in
// a name crashed every member list), and draws nothing readable for a rune
// its font lacks. So the text is cut down here, in one place, to what the
// embedded serif can draw; every other rune becomes a visible mark, so
// that the reader sees something was there.

// glyphSet is a bit per rune of the BMP: whether every face of the
// embedded serif has a glyph for it.
type glyphSet [0x10000 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && g[r>>6]&(1<<(uint(r)&63)) != 0
}

// glyphs is the set of runes all four faces draw, read once from the
// fonts' character maps.
var glyphs = sync.OnceValue(func() *glyphSet {
	g := new(glyphSet)
	for i := range g {
		g[i] = ^uint64(0)
	}
	var buf sfnt.Buffer
	for _, face := range [][]byte{assets.SerifRegular, assets.SerifBold, assets.SerifItalic, assets.SerifBoldItalic} {
		f, err := sfnt.Parse(face)
		if err != nil {
			panic("report: embedded font: " + err.Error()) // the binary is broken
		}
		for r := rune(0); r < 0x10000; r++ {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				g[r>>6] &^= 1 << (uint(r) & 63)
			}
		}
	}
	return g
})

// missingMark stands for a character the font cannot draw: a white square
// when the font has one, else a question mark.
var missingMark = sync.OnceValue(func() rune {
	if glyphs().has('□') {
		return '□'
	}
	return '?'
})

// nfc returns s as a PDF can print it: in Unicode NFC (fpdf does no
// shaping, so a decomposed tone mark would be drawn beside its letter),
// with tabs and carriage returns as spaces, line breaks kept, and every
// rune the embedded font lacks (an emoji, a control character, invalid
// UTF-8) replaced by missingMark. Text the font covers entirely, the usual
// case, is returned without allocating.
func nfc(s string) string { return printable(norm.NFC.String(s)) }

// printable is nfc without the normalisation.
func printable(s string) string {
	g := glyphs()
	ok := true
	for _, r := range s {
		if r != '\n' && !g.has(r) || r == utf8.RuneError {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	mark := missingMark()
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r == utf8.RuneError || !g.has(r):
			b.WriteRune(mark)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pdfGate is the fpdf document with its text entry points guarded by
// printable: a text that missed nfc (a field added later, a label from
// the caller) still cannot crash a document. The raw text path of tables
// (rawtext.go) uses printable itself.
type pdfGate struct{ *fpdf.Fpdf }

// CellFormat is fpdf's CellFormat on printable text.
func (g pdfGate) CellFormat(w, h float64, txtStr, borderStr string, ln int, alignStr string, fill bool, link int, linkStr string) {
	g.Fpdf.CellFormat(w, h, printable(txtStr), borderStr, ln, alignStr, fill, link, linkStr)
}

// GetStringWidth is fpdf's GetStringWidth of printable text.
func (g pdfGate) GetStringWidth(s string) float64 { return g.Fpdf.GetStringWidth(printable(s)) }
