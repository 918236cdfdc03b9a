package ui

import (
	"regexp"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sodoan/assets"
)

// helpText is the built-in guide in the window's language.
func helpText() string {
	name := "help/vi.md"
	if currentLang == LangEnglish {
		name = "help/en.md"
	}
	data, err := assets.Help.ReadFile(name)
	if err != nil {
		// Embedded at build time: missing only in a broken build.
		return T("Không đọc được hướng dẫn.")
	}
	return string(data)
}

// boldRun is a **bold** run of the guide's Markdown.
var boldRun = regexp.MustCompile(`\*\*([^*]+)\*\*`)

// helpView shows the guide with its headings, scrolled. The names of
// buttons and places, bold in the Markdown, are shown in quotes: Fyne
// 2.7's rich text breaks a line one letter a row when a styled run starts
// where not even a letter fits ("C", "à", "i" on rows of their own), and
// a paragraph of one run wraps right.
func helpView() fyne.CanvasObject {
	rt := widget.NewRichTextFromMarkdown(boldRun.ReplaceAllString(helpText(), "“$1”"))
	rt.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(rt)
}

// helpScreen is Trợ giúp in the navigation: the guide in the window.
type helpScreen struct{ root fyne.CanvasObject }

func newHelpScreen() *helpScreen              { return &helpScreen{root: helpView()} }
func (h *helpScreen) view() fyne.CanvasObject { return h.root }
func (h *helpScreen) refresh()                {}

// showHelp opens the guide over whatever is on screen (F1), without
// leaving it: a half-filled form stays as it was. F1 again while it is
// open does nothing.
func (a *App) showHelp() {
	for _, od := range a.dialogs {
		if od.d == a.help {
			return
		}
	}
	d := dialog.NewCustom(T("Trợ giúp"), T("Đóng"), helpView(), a.win)
	size := a.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(820, size.Width-40), max(300, size.Height-80)))
	a.help = d
	a.showDialog(d, nil)
}
