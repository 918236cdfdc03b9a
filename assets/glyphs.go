package assets

import (
	"sync"

	"golang.org/x/image/font/sfnt"
)

// glyphSet is a bit per rune of the BMP: whether every face of the
// embedded serif has a glyph for it.
type glyphSet [0x10000 / 64]uint64

// glyphs is the set of runes all four faces draw, read once from the
// fonts' character maps.
var glyphs = sync.OnceValue(func() *glyphSet {
	g := new(glyphSet)
	for i := range g {
		g[i] = ^uint64(0)
	}
	var buf sfnt.Buffer
	for _, face := range [][]byte{SerifRegular, SerifBold, SerifItalic, SerifBoldItalic} {
		f, err := sfnt.Parse(face)
		if err != nil {
			panic("assets: embedded font: " + err.Error()) // the binary is broken
		}
		for r := rune(0); r < 0x10000; r++ {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				g[r>>6] &^= 1 << (uint(r) & 63)
			}
		}
	}
	return g
})

// Drawable reports whether every face of the documents' font draws r:
// what the PDFs can print, and so what the register accepts in a text
// that is printed on an official document.
func Drawable(r rune) bool {
	return r >= 0 && r < 0x10000 && glyphs()[r>>6]&(1<<(uint(r)&63)) != 0
}
