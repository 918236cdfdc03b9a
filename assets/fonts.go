package assets

import _ "embed"

// The four faces of Liberation Serif 2.x: metric-compatible with Times New
// Roman (the font the Union's layout rules name, which cannot be shipped)
// and covering every Vietnamese letter. Licence: SIL OFL 1.1, in
// fonts/LICENSE beside them.
var (
	//go:embed fonts/LiberationSerif-Regular.ttf
	SerifRegular []byte
	//go:embed fonts/LiberationSerif-Bold.ttf
	SerifBold []byte
	//go:embed fonts/LiberationSerif-Italic.ttf
	SerifItalic []byte
	//go:embed fonts/LiberationSerif-BoldItalic.ttf
	SerifBoldItalic []byte
)

// FontLicense is the licence text of the embedded fonts, for an "about"
// screen or a --licenses flag.
//
//go:embed fonts/LICENSE
var FontLicense string
