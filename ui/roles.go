package ui

import (
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// roleEntry is where the role of a club's or group's member is typed or
// picked from the usual roles (domain.ClubRoles, domain.CoopRoles), shown in
// the window's language; the register keeps the Vietnamese word.
type roleEntry struct {
	widget.SelectEntry
	app   *App
	roles []domain.Choice
}

func newRoleEntry(a *App, roles []domain.Choice) *roleEntry {
	e := &roleEntry{app: a, roles: roles}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	opts := make([]string, len(roles))
	for i, c := range roles {
		opts[i] = roleLabel(roles, c.Code)
	}
	e.SetOptions(opts)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *roleEntry) TypedKey(ev *fyne.KeyEvent) {
	escapeOr(e, ev, e.SelectEntry.TypedKey)
}

// TypedShortcut implements fyne.Shortcutable.
func (e *roleEntry) TypedShortcut(s fyne.Shortcut) {
	if e.app != nil && e.app.handleShortcut(s) {
		return
	}
	e.SelectEntry.TypedShortcut(s)
}

// stored is the role to write: the Vietnamese word of a usual role picked
// or typed in the window's language, or the text as typed.
func (e *roleEntry) stored() string {
	t := strings.TrimSpace(e.Text)
	for _, c := range e.roles {
		if strings.EqualFold(t, roleLabel(e.roles, c.Code)) {
			return c.Code
		}
	}
	if c, ok := domain.KnownRole(e.roles, t); ok {
		return c.Code
	}
	return e.Text
}

// roleLabel is a stored role in the window's language: a usual role
// translated, a ward's own as it was typed.
func roleLabel(roles []domain.Choice, role string) string {
	if c, ok := domain.KnownRole(roles, role); ok {
		return Tc("role", c.Label)
	}
	return role
}
