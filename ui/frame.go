package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// frame is what a screen asks of the window it is drawn in: the keyboard
// its widgets forward keys to, dialogs kept on the window's stack (so that
// Esc closes the top one and Ctrl+S saves it), and the notice bar. *App is
// the one frame; a screen is given this rather than *App so that what it
// may reach is plain from its constructor.
type frame interface {
	keyboard
	showDialog(d dialog.Dialog, save func())
	formDialog(title string, content fyne.CanvasObject, size fyne.Size, save func() bool) dialog.Dialog
	actionDialog(title, action string, content fyne.CanvasObject, size fyne.Size, save func() bool) dialog.Dialog
	confirm(title, msg string, yes func())
	showError(err error)
	info(title, msg string)
	notify(msg string)
	// confirmSaved runs save and says "Đã lưu" on the notice bar if it
	// succeeded; onSave makes Ctrl+S press an on-screen form's button.
	confirmSaved(what string, save func() bool) bool
	onSave(key any, areas func() []fyne.CanvasObject, save func())
	// guardUnsaved makes Esc and closing the window ask before d's
	// changes (dirty) are thrown away.
	guardUnsaved(d dialog.Dialog, dirty func() bool)
	// guardInline does the same for an editor drawn on a screen.
	guardInline(key any, areas func() []fyne.CanvasObject, dirty, save func() bool, discard func())
	// askInline runs then, asking first when the editor key has typing.
	askInline(key any, then, stayed func())
	// askAllUnsaved runs then once nothing typed would be lost, asking
	// about each form and editor with changes (Ở lại: stayed).
	askAllUnsaved(then, stayed func())
}
