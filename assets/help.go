package assets

import "embed"

// Help holds the short guide F1 opens, help/vi.md and help/en.md
// (Markdown: headings, lists, bold), so that a secretary finds it in the
// program rather than in the README.
//
//go:embed help/*.md
var Help embed.FS
