// Package assets holds the files compiled into Sổ Đoàn's binaries: the
// application icon, the UI translations and (fonts.go) the PDF fonts, so
// that a PDF looks the same on every machine whatever fonts it has
// installed.
package assets

import (
	"embed"
	_ "embed" // the icon is a single embedded file
)

// Icon is the application icon (PNG, 256×256).
//
//go:embed icon.png
var Icon []byte

// Translations holds translations/vi.json and translations/en.json in the
// go-i18n JSON form that fyne.io/fyne/v2/lang reads. The Vietnamese file
// carries only Fyne's own strings (Cancel, OK…) because the UI source strings
// are Vietnamese already; the English file maps every UI string.
//
//go:embed translations/*.json
var Translations embed.FS
