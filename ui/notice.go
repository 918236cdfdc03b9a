package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noticeBar is the line at the foot of the window that confirms what was
// just done ("Đã lưu Nguyễn Thị Hoa · 10:32"). It stays until the next
// notice, so that a user who looked away still sees what happened; it is
// not a dialog, so it never interrupts.
type noticeBar struct {
	root  *fyne.Container
	icon  *widget.Icon
	label *widget.Label
	now   func() time.Time
}

func newNoticeBar() *noticeBar {
	n := &noticeBar{icon: widget.NewIcon(theme.ConfirmIcon()), label: widget.NewLabel(""), now: time.Now}
	n.label.Importance = widget.SuccessImportance
	n.label.Truncation = fyne.TextTruncateEllipsis
	n.root = container.NewBorder(nil, nil, n.icon, nil, n.label)
	n.root.Hide()
	return n
}

// show puts msg on the bar with the time it happened.
func (n *noticeBar) show(msg string) {
	n.label.SetText(msg + " · " + n.now().Format("15:04"))
	if !n.root.Visible() {
		n.root.Show()
		relayoutWindows()
	}
}

// text is what the bar says ("" when hidden), for tests and the trace.
func (n *noticeBar) text() string {
	if !n.root.Visible() {
		return ""
	}
	return n.label.Text
}

// notify confirms a finished action on the window's notice bar.
func (a *App) notify(msg string) {
	a.notices++
	if a.notice != nil {
		a.notice.show(msg)
	}
}

// confirmSaved runs save and, when it succeeds without saying anything
// more precise itself, confirms with "Đã lưu: what".
func (a *App) confirmSaved(what string, save func() bool) bool {
	before := a.notices
	if !save() {
		return false
	}
	if a.notices == before {
		if what == "" {
			a.notify(T("Đã lưu."))
		} else {
			a.notify(fmt.Sprintf(T("Đã lưu: %s"), what))
		}
	}
	return true
}
