package ui

import (
	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// groupEditor edits the members of a club or cooperative group: people of
// the register found by search, or outsiders typed by name.
type groupEditor struct {
	a       *App
	members []domain.GroupMember
	list    *fyne.Container
	search  *entry
	results *fyne.Container
	role    *roleEntry
	roles   []domain.Choice // the usual roles (domain.ClubRoles, domain.CoopRoles)
	root    fyne.CanvasObject
}

func newGroupEditor(a *App, members []domain.GroupMember, roles []domain.Choice) *groupEditor {
	g := &groupEditor{a: a, members: append([]domain.GroupMember(nil), members...), roles: roles,
		list: container.NewVBox(), results: container.NewVBox()}
	g.search = newEntry(a)
	g.search.SetPlaceHolder(T("Tìm trong sổ hoặc gõ tên người ngoài sổ"))
	g.role = newRoleEntry(a, roles)
	g.role.SetPlaceHolder(T("Vai trò (tổ trưởng, thành viên…)"))
	g.search.OnChanged = func(q string) { g.find(q) }
	outsider := newButtonWithIcon(T("Thêm người ngoài sổ"), theme.ContentAddIcon(), func() {
		if g.search.Text == "" {
			return
		}
		g.members = append(g.members, domain.GroupMember{Name: g.search.Text, Role: g.role.stored()})
		g.search.SetText("")
		g.redraw()
	})
	g.redraw()
	g.root = container.NewVBox(
		heading(T("Thành viên")),
		g.list,
		container.NewBorder(nil, nil, nil, outsider, container.NewGridWithColumns(2, g.search, g.role)),
		g.results,
	)
	return g
}

// find lists up to eight people of the register matching q.
func (g *groupEditor) find(q string) {
	g.results.Objects = nil
	if len([]rune(q)) >= 2 {
		people, err := g.a.st.Search(g.a.ctx, q, 8)
		if err != nil {
			g.a.showError(err)
			return
		}
		for _, p := range people {
			p := p
			b := newButtonWithIcon(p.FullName()+" — "+p.BirthDate.String()+" — "+p.BranchName, theme.ContentAddIcon(), func() {
				g.members = append(g.members, domain.GroupMember{PersonID: p.ID, Name: p.FullName(), Role: g.role.stored()})
				g.search.SetText("")
				g.redraw()
			})
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			g.results.Add(b)
		}
	}
	g.results.Refresh()
}

func (g *groupEditor) redraw() {
	g.list.Objects = nil
	for i, m := range g.members {
		i := i
		text := m.Name
		if m.Role != "" {
			text += " — " + roleLabel(g.roles, m.Role)
		}
		if m.PersonID == 0 {
			text += " (" + T("ngoài sổ") + ")"
		}
		del := newButtonWithIcon("", theme.DeleteIcon(), func() {
			g.members = append(g.members[:i], g.members[i+1:]...)
			g.redraw()
		})
		del.Importance = widget.LowImportance
		g.list.Add(container.NewBorder(nil, nil, nil, del, widget.NewLabel(text)))
	}
	if len(g.members) == 0 {
		g.list.Add(widget.NewLabel(T("Chưa có thành viên.")))
	}
	g.list.Refresh()
}
